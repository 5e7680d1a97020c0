// Reminder e-mails (core writes them), the e-mail log's wording, the daily trigger and the preview
// dialog (Apps Script), and the `remind` command's own output (REMIND_CLI, Node only).
import { STATUS_LABEL, TAB } from './tabs-headers';

/** Reminder e-mails, the e-mail log's wording, the daily trigger and the preview dialog. */
export const REMIND = {
  senderName: (agency: string) => (agency ? `ระบบติดตามมาตรการ ITA ${agency}` : 'ระบบติดตามมาตรการ ITA'),
  /** n: a number already in the agency's numerals */
  subject: (division: string, overdue: string | null, dueSoon: string | null) =>
    `แจ้งเตือนมาตรการ ITA ของ${division}: ${[
      overdue && `เกินกำหนด ${overdue} รายการ`,
      dueSoon && `ใกล้ครบกำหนด ${dueSoon} รายการ`,
    ]
      .filter(Boolean)
      .join(' ')}`,
  escalationSubject: (items: string, divisions: string) =>
    `รายงานผู้บริหาร: มาตรการ ITA เกินกำหนด ${items} รายการ จาก ${divisions} หน่วยงาน`,
  greeting: (to: string) => `เรียน ${to}`,
  executives: 'ผู้บริหาร',
  intro: (agency: string, fiscalYear: string, division: string) =>
    `ระบบติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${agency} ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ขอแจ้งรายการของ${division}ที่ยังไม่ดำเนินการแล้วเสร็จ ดังนี้`,
  escalationIntro: (agency: string, fiscalYear: string, days: string) =>
    `รายการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${agency} ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ที่เกินกำหนดมากกว่า ${days} วันและยังไม่ดำเนินการแล้วเสร็จ มีดังนี้`,
  overdueHeading: (n: string) => `รายการที่เกินกำหนด (${n} รายการ)`,
  dueSoonHeading: (n: string) => `รายการที่ใกล้ครบกำหนด (${n} รายการ)`,
  divisionHeading: (division: string, n: string) => `${division} (${n} รายการ)`,
  measure: (id: string, area: string, issue: string) => `มาตรการ ${id}${area ? ` ด้าน ${area}` : ''}: ${issue}`,
  task: 'งาน',
  /** a milestone's task names the row key, so the division finds it in its tab */
  milestoneTask: (key: string) => `งาน ${key}`,
  due: 'กำหนดแล้วเสร็จ',
  status: 'สถานะ',
  daysLeft: (n: string) => `อีก ${n} วัน`,
  dueToday: 'ครบกำหนดวันนี้',
  daysLate: (n: string) => `เกินกำหนด ${n} วัน`,
  link: (tab: string) => `กรอกสถานะและผลการดำเนินการได้ที่แท็บ "${tab}"`,
  openTab: (tab: string) => `เปิดแท็บ ${tab}`,
  footer: `อีเมลฉบับนี้ส่งโดยอัตโนมัติจากระบบติดตามมาตรการ ITA เมื่อบันทึกสถานะ "${STATUS_LABEL.done}" แล้ว ระบบจะหยุดแจ้งเตือนรายการนั้น`,
  escalationFooter: 'อีเมลฉบับนี้ส่งโดยอัตโนมัติจากระบบติดตามมาตรการ ITA หน่วยงานที่รับผิดชอบได้รับแจ้งเตือนรายการเหล่านี้แล้ว',
  /** the log's stage column, for people; the items column holds the machine-readable "key@stage" tokens */
  stageLabel: {
    before: (n: string) => `ล่วงหน้า ${n} วัน`,
    due: 'วันครบกำหนด',
    overdue: (n: string) => `เกินกำหนด ${n} วัน`,
  },
  escalationStage: 'แจ้งผู้บริหาร',
  outcome: {
    sent: 'ส่งแล้ว',
    deferred: 'เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)',
    failed: (why: string) => `ส่งไม่สำเร็จ: ${why}`,
  },
  noRecipients: (division: string) =>
    `${division} มีรายการที่ต้องแจ้งเตือน แต่ไม่มีอีเมลรับแจ้งเตือนและไม่มีอีเมลผู้ดูแลระบบ — กรอกอีเมลในแท็บ "${TAB.divisions}"`,
  // the daily trigger and the preview dialog (Apps Script)
  busy: 'การส่งอีเมลแจ้งเตือนอีกรอบกำลังทำงานอยู่ — รอบนี้จึงไม่ส่ง (ไม่ส่งซ้ำ)',
  runSummary: (sent: number, deferred: number, failed: number) =>
    `อีเมลแจ้งเตือน: ส่ง ${sent} ฉบับ เลื่อนไปรอบถัดไป ${deferred} ฉบับ ไม่สำเร็จ ${failed} ฉบับ`,
  previewTitle: 'ตัวอย่างอีเมลแจ้งเตือนวันนี้',
  previewIntro: (date: string, n: string) => `วันที่ ${date} ระบบจะส่งอีเมล ${n} ฉบับ (หน้านี้เป็นตัวอย่าง ยังไม่ได้ส่ง)`,
  nothingToSend: (date: string) => `วันที่ ${date} ไม่มีอีเมลแจ้งเตือนที่ต้องส่ง`,
  to: 'ถึง',
  subjectLabel: 'หัวเรื่อง',
  quota: (n: string) => `โควตาอีเมลที่เหลือวันนี้: ${n} ผู้รับ`,
} as const;

/** The `remind` command's own output (Node only, left out of the Apps Script bundle). */
export const REMIND_CLI = {
  sheetNeedsDryRun: 'ใช้ --sheet กับคำสั่ง remind ได้เฉพาะคู่กับ --dry-run (ระบบไม่บันทึกการส่งกลับไปที่ชีตออนไลน์)',
  badSmtp: (value: string) => `"${value}" ไม่ใช่ที่อยู่ SMTP — ใช้รูปแบบ smtp://ผู้ใช้:รหัสผ่าน@เครื่อง:พอร์ต`,
  dryRun: 'ทดลอง (--dry-run): แสดงอีเมลที่จะส่ง ไม่ส่งและไม่เขียนไฟล์ใด ๆ',
  wroteEml: (subject: string, to: string, path: string) => `เขียน ${path}: ${subject} → ${to}`,
  sentSmtp: (subject: string, to: string) => `ส่งแล้ว: ${subject} → ${to}`,
  failedLine: (subject: string, why: string) => `ส่งไม่สำเร็จ: ${subject} (${why})`,
  deferredLine: (subject: string, why: string) => `เลื่อนไปส่งรอบถัดไป: ${subject} (เครื่องส่งอีเมลตอบว่าให้ส่งภายหลัง: ${why})`,
  summary: (sent: number, deferred: number, failed: number) =>
    `ส่ง ${sent} ฉบับ${deferred ? ` เลื่อนไปรอบถัดไป ${deferred} ฉบับ` : ''} ไม่สำเร็จ ${failed} ฉบับ บันทึกลงแท็บ "${TAB.emailLog}" แล้ว`,
} as const;
