// Careless and hostile input (issue 17): invisible characters named, ids that clash, settings that
// would be ignored, recipients and senders that are not addresses, files that are not trackers, and
// output names that would leave their folder.
import { HEADER, TAB } from './tabs-headers';

/** Invisible characters as a message names them (the code point lets a maintainer find it). */
export const INVISIBLE_LABEL = {
  zwsp: 'ช่องว่างความกว้างศูนย์ (U+200B)',
  zwnj: 'ตัวคั่นความกว้างศูนย์ (U+200C)',
  zwj: 'ตัวเชื่อมความกว้างศูนย์ (U+200D)',
  wj: 'ตัวเชื่อมคำ (U+2060)',
  bom: 'เครื่องหมายลำดับไบต์ (U+FEFF)',
  shy: 'ยัติภังค์ซ่อน (U+00AD)',
  nbsp: 'ช่องว่างแบบไม่ตัดบรรทัด (U+00A0)',
  saraAm: 'สระอำที่พิมพ์แยกเป็น ํ + า',
  trailing: 'ช่องว่างท้ายข้อความ',
  leading: 'ช่องว่างหน้าข้อความ',
} as const;

export const INPUT = {
  /** appended to a message about a value that holds invisible characters */
  invisibleNote: (what: string) => ` (ข้อความนี้มีอักขระที่มองไม่เห็น: ${what})`,
  duplicateValue: (header: string, value: string, other: string) =>
    `${header} "${value}" ซ้ำกับเซลล์ ${other} — ${header}ต้องไม่ซ้ำกัน`,
  duplicateIdCase: (id: string, other: string, otherId: string) =>
    `รหัส "${id}" ซ้ำกับ "${otherId}" ที่เซลล์ ${other} (ระบบถือว่าตัวพิมพ์เล็กและใหญ่เป็นรหัสเดียวกัน) — รหัสต้องไม่ซ้ำกัน`,
  milestoneIsMeasure: (id: string) =>
    `${HEADER.milestoneId} "${id}" ซ้ำกับ${HEADER.measureId}ในแท็บ "${TAB.measures}" — แถวในแท็บหน่วยงานใช้รหัสนี้ระบุแถว ผลของมาตรการจึงหายจากรายงาน ตั้ง${HEADER.milestoneId}ใหม่ เช่น ${id}-1`,
  tabNameInvisible: (tab: string, division: string, what: string) =>
    `ชื่อแท็บ "${tab}" ต่างจากชื่อหน่วยงาน "${division}" เพียงอักขระที่มองไม่เห็น (${what}) — ระบบจึงไม่อ่านแท็บนี้เป็นแท็บของหน่วยงาน (รายงานจะไม่มีผลของหน่วยงานนี้) แก้ชื่อแท็บให้ตรงกับชื่อหน่วยงาน`,
  duplicateSetting: (key: string, first: string) =>
    `การตั้งค่า "${key}" ซ้ำกับแถวที่เซลล์ ${first} — ระบบใช้ค่าแรกเท่านั้น ลบแถวที่ซ้ำออก`,
  tooSmall: (value: string, min: number) => `"${value}" น้อยเกินไป — ต้องไม่น้อยกว่า ${min}`,
  roundDueBlank: (round: number) =>
    `ยังไม่ได้กรอกกำหนดส่งรอบ ${round} เดือน — รายการที่ไม่มีกำหนดแล้วเสร็จของตนเองจะไม่ได้รับอีเมลแจ้งเตือน`,
  // remind
  noValidRecipient: (division: string, cell: string, written: string) =>
    `${division}: ไม่มีอีเมลที่ถูกต้องในช่อง ${cell}${written ? ` ("${written}")` : ''} และไม่มีอีเมลผู้ดูแลระบบที่ถูกต้อง — ไม่ได้ส่ง และบันทึกว่ายังไม่ส่ง (จะส่งให้เมื่อแก้อีเมลแล้ว)`,
  sentToAdmins: (division: string, cell: string, written: string) =>
    `${division}: ไม่มีอีเมลที่ถูกต้องในช่อง ${cell}${written ? ` ("${written}")` : ' (ว่าง)'} — ส่งการแจ้งเตือนของหน่วยงานนี้ถึงผู้ดูแลระบบแทน กรอกอีเมลของหน่วยงานในช่องนั้นเพื่อให้ส่งถึงหน่วยงานโดยตรง`,
  noValidExecutive: (cell: string) => `รายงานผู้บริหาร: ไม่มีอีเมลผู้บริหารที่ถูกต้องในช่อง ${cell} — ไม่ได้ส่ง และบันทึกว่ายังไม่ส่ง`,
  notSentNoAddress: 'ไม่มีอีเมลผู้รับที่ถูกต้อง',
} as const;

/** The CLI's own refusals (Node only, left out of the Apps Script bundle). */
export const INPUT_CLI = {
  badFrom: (value: string) => `--from "${value}" ไม่ใช่อีเมล — ระบุอีเมลผู้ส่ง เช่น --from admin@example.go.th`,
  encrypted: (path: string) =>
    `ไฟล์ ${path} ถูกตั้งรหัสผ่านไว้ — เปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วลองใหม่ (ไฟล์เดิมไม่ถูกแก้ไข)`,
  ods: (path: string) =>
    `ไฟล์ ${path} เป็นไฟล์ OpenDocument (.ods) ไม่ใช่ .xlsx — บันทึกเป็น Excel (.xlsx) แล้วลองใหม่ (ไฟล์เดิมไม่ถูกแก้ไข)`,
  oldXls: (path: string) =>
    `ไฟล์ ${path} เป็น Excel รุ่นเก่า (.xls) หรือไม่ใช่ .xlsx — บันทึกเป็น Excel (.xlsx) แล้วลองใหม่ (ไฟล์เดิมไม่ถูกแก้ไข)`,
  notTracker: (path: string) =>
    `ไฟล์ ${path} เป็นไฟล์ Excel แต่ไม่ใช่ไฟล์ติดตามมาตรการ (ไม่มีแท็บ "${TAB.settings}", "${TAB.divisions}" หรือ "${TAB.measures}") — ระบุไฟล์ที่ถูกต้อง หรือสร้างใหม่ด้วยคำสั่ง init (ไฟล์เดิมไม่ถูกแก้ไข)`,
  outsideFolder: (name: string, folder: string) => `ชื่อไฟล์ "${name}" จะทำให้เขียนออกนอกโฟลเดอร์ ${folder} — ไม่เขียนไฟล์นี้`,
} as const;
