// Validation problems: each rule's message, how a problem reads, the notes that mark problem cells
// (onEdit and the menu "ตรวจสอบข้อมูล") and that menu's dialog.
import { cellRef } from '../cells';
import { HEADER, NUMERALS_LABEL, STATUS_LABEL, TAB } from './tabs-headers';

export const V = {
  missingTab: (tab: string) => `ไม่พบแท็บ "${tab}" — สร้างแท็บนี้ใหม่ (เมนู ตั้งค่าระบบ) หรือใช้ไฟล์แม่แบบ`,
  missingHeader: (tab: string, header: string) =>
    `แท็บ "${tab}" ไม่มีคอลัมน์ "${header}" — เพิ่มหัวคอลัมน์นี้ในแถวที่ ๑ ให้ตรงตามแม่แบบ`,
  required: (header: string) => `ยังไม่ได้กรอก "${header}" — ช่องนี้ต้องกรอก`,
  badArea: (value: string) => `ด้าน "${value}" ไม่ถูกต้อง — เลือก IIT, EIT หรือ OIT`,
  badStatus: (value: string) =>
    `สถานะ "${value}" ไม่ถูกต้อง — เลือก ${STATUS_LABEL.not_started}, ${STATUS_LABEL.in_progress} หรือ ${STATUS_LABEL.done}`,
  badDate: (value: string) => `"${value}" ไม่ใช่วันที่ — กรอกเป็นวันที่ เช่น 31/3/2023 หรือเลือกจากปฏิทิน`,
  beYearInDate: (value: string, suggested: string) =>
    `วันที่ "${value}" มีปีเกิน 2400 ซึ่งน่าจะเป็นปี พ.ศ. ที่กรอกในช่อง ค.ศ. — แก้เป็น ${suggested}`,
  dateOutsideFiscalYear: (date: string, fy: string) => `วันที่ ${date} อยู่นอกปีงบประมาณ ${fy} — ตรวจสอบปีของวันที่`,
  badYesNo: (value: string) => `"${value}" ไม่ถูกต้อง — กรอก ใช่ หรือ ไม่ใช่`,
  badNumber: (value: string) => `"${value}" ไม่ใช่ตัวเลข — กรอกเป็นตัวเลข`,
  thaiDigits: (value: string) => `"${value}" ใช้เลขไทย — ช่องตัวเลขและวันที่ให้กรอกเป็นเลขอารบิก (0-9)`,
  badRound: (value: string) => `รอบ "${value}" ไม่ถูกต้อง — กรอก 6 หรือ 12`,
  badEmail: (value: string) => `"${value}" ไม่ใช่อีเมลที่ถูกต้อง — ตัวอย่าง: name@example.org`,
  badUrl: (value: string) => `"${value}" ไม่ใช่ลิงก์ http(s) — วางลิงก์ที่ขึ้นต้นด้วย https://`,
  duplicateId: (id: string, other: string) => `รหัส "${id}" ซ้ำกับเซลล์ ${other} — รหัสต้องไม่ซ้ำกัน`,
  badId: (id: string) => `รหัส "${id}" มีรูปแบบไม่ถูกต้อง — ใช้ตัวอักษรอังกฤษ ตัวเลข และขีด เช่น IIT-01`,
  unknownDivision: (name: string) => `ไม่พบหน่วยงาน "${name}" ในแท็บ "${TAB.divisions}" — เพิ่มหน่วยงานนี้ หรือแก้ชื่อให้ตรง`,
  unknownMeasure: (id: string) => `ไม่พบมาตรการรหัส "${id}" ในแท็บ "${TAB.measures}" — แก้รหัสให้ตรง`,
  doneWithoutResult: (header: string) =>
    `สถานะ "${STATUS_LABEL.done}" แต่ยังไม่ได้กรอก "${header}" — กรอกผลการดำเนินการของรอบนี้`,
  formulaText: (value: string) =>
    `"${value}" ขึ้นต้นด้วย = + - หรือ @ ซึ่ง Google Sheets จะอ่านเป็นสูตร — ระบบเก็บเป็นข้อความให้แล้ว ตรวจสอบว่าเป็นข้อความที่ต้องการ`,
  tooLong: (length: number, max: number) =>
    `ข้อความยาว ${length} ตัวอักษร เกินที่เซลล์หนึ่งเก็บได้ (${max} ตัวอักษร ขีดจำกัดของ Excel — ไฟล์ .xlsx จะตัดส่วนที่เกินทิ้ง) — ตัดให้สั้นลงหรือแบ่งไปไว้ในเอกสารแล้วใส่ลิงก์หลักฐานแทน`,
  errorValue: (value: string) =>
    `เซลล์นี้เป็นค่าผิดพลาด "${value}" (สูตรที่คำนวณไม่ได้) ไม่ใช่ข้อมูล — แก้สูตรหรือพิมพ์ข้อความแทน ระบบจะไม่นำค่านี้ไปใส่ในรายงาน`,
  controlChars: (count: number) =>
    `มีอักขระควบคุมที่มองไม่เห็น ${count} ตัว (มักติดมากับการคัดลอกจากโปรแกรมอื่น) — รายงานและหน้าเว็บจะตัดทิ้งให้ ควรลบออกจากเซลล์`,
  reservedTabName: (name: string) =>
    `ชื่อหน่วยงาน "${name}" ซ้ำกับชื่อแท็บของระบบ — แท็บของหน่วยงานใช้ชื่อหน่วยงาน จึงต้องตั้งชื่ออื่น (ระบบจะไม่สร้างแท็บให้จนกว่าจะแก้)`,
  excelTabName: (name: string, max: number) =>
    `ชื่อหน่วยงาน "${name}" ยาวเกิน ${max} ตัวอักษรหรือมีอักขระ * ? : \\ / [ ] ซึ่ง Excel ใช้เป็นชื่อแท็บไม่ได้ — ใช้ได้ใน Google Sheets แต่ไฟล์ .xlsx จะบันทึกไม่ได้ ควรย่อชื่อ`,
  noNotifyEmail: (name: string) =>
    `หน่วยงาน "${name}" ยังไม่มีอีเมลรับแจ้งเตือน — การแจ้งเตือนของหน่วยงานนี้จะส่งถึงผู้ดูแลระบบแทน กรอกอย่างน้อยหนึ่งอีเมล`,
  noMeasures: () => `ยังไม่มีมาตรการในแท็บ "${TAB.measures}" — เพิ่มมาตรการอย่างน้อยหนึ่งรายการ`,
  fiscalYearCE: (year: number, be: number) => `ปีงบประมาณ ${year} เป็นปี ค.ศ. — กรอกเป็นปี พ.ศ. เช่น ${be}`,
  badNumerals: (value: string) => `"${value}" ไม่ถูกต้อง — เลือก ${NUMERALS_LABEL.thai} หรือ ${NUMERALS_LABEL.arabic}`,
  unknownSetting: (key: string) => `ไม่รู้จักการตั้งค่า "${key}" — ตรวจสอบรหัสในคอลัมน์ "${HEADER.settingKey}"`,
} as const;

export const SEVERITY_LABEL = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' } as const;

/** One problem as a user reads it: "ข้อผิดพลาด มาตรการ!C4: …" */
export const formatProblem = (p: { severity: 'error' | 'warning'; tab: string; cell: string; message: string }) =>
  `${SEVERITY_LABEL[p.severity]} ${cellRef(p.tab, p.cell)}: ${p.message}`;

/** Problem marks on cells (onEdit and "ตรวจสอบข้อมูล"): the note text (the colours are in src/gas/validate.ts). */
export const MARK = {
  /** first line of every note the tracker writes; a note starting so is the tracker's and may be cleared */
  prefix: '⚠ ระบบตรวจสอบข้อมูล',
  note: (lines: readonly string[]) => `⚠ ระบบตรวจสอบข้อมูล\n${lines.join('\n')}`,
  line: (severity: 'error' | 'warning', message: string) => `${SEVERITY_LABEL[severity]}: ${message}`,
  /** updatedBy when Apps Script cannot tell who edited (consumer accounts, other domains) */
  unknownUser: '(ไม่ทราบบัญชีผู้แก้ไข)',
} as const;

/** Menu "ตรวจสอบข้อมูล": the dialog. */
export const VALIDATE_MENU = {
  action: 'ตรวจสอบข้อมูล',
  title: 'ผลการตรวจสอบข้อมูล',
  noProblems: 'ตรวจสอบแล้ว ไม่พบปัญหา',
  summary: (errors: number, warnings: number) =>
    `พบข้อผิดพลาด ${errors} รายการ คำเตือน ${warnings} รายการ (ช่องที่มีปัญหาถูกระบายสีและมีหมายเหตุอธิบาย)`,
  errorsHeading: 'ข้อผิดพลาด (ต้องแก้ก่อนสร้างรายงาน)',
  warningsHeading: 'คำเตือน (ควรตรวจสอบ)',
  whole: 'ทั้งแท็บ',
  more: (n: number) => `… และอีก ${n} รายการ`,
  notMarked: (tabs: readonly string[]) =>
    `ทำเครื่องหมายในแท็บ ${tabs.map((t) => `"${t}"`).join(', ')} ไม่ได้ เพราะบัญชีนี้ไม่มีสิทธิ์แก้ไขแท็บเหล่านั้น`,
} as const;
