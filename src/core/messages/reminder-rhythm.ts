// Working days, the reminders' weekly rhythm, the executives' summary, `remind --simulate` and the
// preview's whole-round view (issue 12; docs/reminders.md).

/** Weekday names as typed in the settings tab, Sunday first (Date.getUTCDay order). */
export const WEEKDAY_LABEL = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'] as const;

/** The fixed-date public holidays the template prefills, by month and day; lunar and special ones the admin adds. */
export const FIXED_HOLIDAY_NAME = {
  '01-01': 'วันขึ้นปีใหม่',
  '04-06': 'วันจักรี',
  '04-13': 'วันสงกรานต์',
  '04-14': 'วันสงกรานต์',
  '04-15': 'วันสงกรานต์',
  '05-04': 'วันฉัตรมงคล',
  '06-03': 'วันเฉลิมพระชนมพรรษาพระราชินี',
  '07-28': 'วันเฉลิมพระชนมพรรษาพระเจ้าอยู่หัว',
  '08-12': 'วันแม่แห่งชาติ',
  '10-13': 'วันนวมินทรมหาราช',
  '10-23': 'วันปิยมหาราช',
  '12-05': 'วันพ่อแห่งชาติ',
  '12-10': 'วันรัฐธรรมนูญ',
  '12-31': 'วันสิ้นปี',
} as const;

/** The executives' weekly summary and the round-due summary (Apps Script and Node alike). */
export const RHYTHM = {
  weeklySubject: (overdue: string, divisions: string) =>
    `สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ${overdue} รายการ จาก ${divisions} หน่วยงาน`,
  roundSubject: (round: string, open: string) =>
    `สรุปถึงผู้บริหาร: ครบกำหนดส่งผลรอบ ${round} เดือน ยังไม่แล้วเสร็จ ${open} รายการ`,
  weeklyIntro: (agency: string, fiscalYear: string) =>
    `สรุปรายการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${agency} ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ที่เกินกำหนดและยังไม่ดำเนินการแล้วเสร็จ ณ วันนี้`,
  roundIntro: (agency: string, fiscalYear: string, round: string, due: string) =>
    `วันนี้ (${due}) ครบกำหนดส่งผลการดำเนินการรอบ ${round} เดือน ตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${agency} ประจำปีงบประมาณ พ.ศ. ${fiscalYear} สรุปรายการที่ยังไม่แล้วเสร็จดังนี้`,
  countsHeading: 'จำนวนรายการแยกตามหน่วยงาน',
  countLine: (division: string, overdue: string, open: string) =>
    `${division}: เกินกำหนด ${overdue} รายการ (ยังไม่แล้วเสร็จทั้งหมด ${open} รายการ)`,
  oldestHeading: (n: string) => `รายการที่เกินกำหนดนานที่สุด ${n} รายการ`,
  division: (name: string) => `หน่วยงาน: ${name}`,
  weeklyStage: 'สรุปประจำสัปดาห์ถึงผู้บริหาร',
  roundStage: (round: string) => `สรุปครบกำหนดรอบ ${round} เดือน`,
  footer: 'อีเมลฉบับนี้ส่งโดยอัตโนมัติจากระบบติดตามมาตรการ ITA สัปดาห์ละไม่เกิน ๑ ฉบับ หน่วยงานที่รับผิดชอบได้รับแจ้งเตือนรายการเหล่านี้แล้ว',
  // preview: the whole round
  roundViewIntro: (from: string, to: string, n: string) =>
    `ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ ตั้งแต่ ${from} ถึง ${to} ระบบจะส่งอีเมล ${n} ฉบับ ดังนี้ (ตัวอย่าง ยังไม่ได้ส่ง)`,
  roundViewLink: 'ดูตัวอย่างทั้งรอบ',
  roundViewHeading: 'ตัวอย่างทั้งรอบ (ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ)',
  dateHeader: 'วันที่',
  /** one recipient's figures, in the preview and in `remind --simulate` */
  recipientFigures: (who: string, total: number, worst: number, worstWeek: string, weekend: number, holiday: number) =>
    `  ${who}: รวม ${total} ฉบับ สัปดาห์ที่มากที่สุด ${worst} ฉบับ (สัปดาห์เริ่ม ${worstWeek}) ส่งวันเสาร์-อาทิตย์ ${weekend} ฉบับ ส่งวันหยุดราชการ ${holiday} ฉบับ`,
} as const;

/** Settings and holidays-tab problems (validation). */
export const RHYTHM_VALIDATION = {
  badWeekday: (value: string) =>
    `"${value}" ไม่ใช่วันในสัปดาห์ — พิมพ์ ${['จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์'].join(' ')} (หรือ เสาร์ อาทิตย์)`,
  weekendWeekday: (value: string) => `วัน${value}เป็นวันหยุดสุดสัปดาห์ ระบบไม่ส่งอีเมลในวันหยุด — เลือกวันจันทร์ถึงศุกร์`,
  dueSoonRange: (value: string) => `"${value}" — ใส่จำนวนวัน 1 ถึง 14`,
} as const;

/** `remind --simulate` (Node only). */
export const SIMULATE_CLI = {
  header: (from: string, to: string) =>
    `จำลองอีเมลแจ้งเตือน ${from} ถึง ${to} ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ (ไม่ส่งและไม่บันทึก)`,
  day: (date: string, who: string) => `${date}: ${who}`,
  weekHeading: 'จำนวนอีเมลรายสัปดาห์ (สัปดาห์เริ่มวันจันทร์)',
  week: (monday: string, counts: string) => `  ${monday}: ${counts}`,
  recipientsHeading: 'สรุปตามผู้รับ',
  total: (total: number, weekend: number, holiday: number) =>
    `รวม ${total} ฉบับ ส่งวันเสาร์-อาทิตย์ ${weekend} ฉบับ ส่งวันหยุดราชการ (แท็บวันหยุด) ${holiday} ฉบับ`,
  mentions: (inWindow: number, all: number) => `วันครบกำหนดที่ได้แจ้งในช่วง 7 วันก่อนถึง 3 วันหลัง: ${inWindow} จาก ${all} รายการ`,
  missed: (division: string, key: string, due: string) => `  ไม่ได้แจ้ง: ${division} ${key} ครบกำหนด ${due}`,
  badRange: (from: string, to: string) => `--simulate ${from} ${to}: วันเริ่มต้องไม่หลังวันสิ้นสุด และช่วงไม่เกิน 3 ปี`,
  missingTo: 'ใช้ --simulate <วันเริ่ม> <วันสิ้นสุด> เช่น --simulate 2022-10-01 2023-09-30',
  toWithoutSimulate: (extra: string) => `"${extra}": วันสิ้นสุดใช้คู่กับ --simulate เท่านั้น`,
} as const;
