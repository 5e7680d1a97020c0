// The report importer (core) and the `import` command (Node). Nothing in src/gas reads a report, so
// none of this ships in the Apps Script bundle.
import { TAB } from './tabs-headers';

/** Every warning the report importer gives; each names the line (the words it reads are REPORT_WORD). */
export const IMPORT = {
  atLine: (line: number, message: string) => `บรรทัด ${line}: ${message}`,
  empty: 'ไฟล์รายงานว่างเปล่า — ไม่มีข้อความให้นำเข้า',
  noMeasures:
    'ไม่พบแถวมาตรการในรายงาน — แต่ละแถวของตารางต้องมี 5 คอลัมน์คั่นด้วยแท็บ (ประเด็น, ขั้นตอน, ผู้รับผิดชอบ, การรายงานผล, การดำเนินการ)',
  noAgency: 'ไม่พบชื่อหน่วยงานในหัวรายงาน — กรอกชื่อหน่วยงานในแท็บ "ตั้งค่า" เอง',
  noFiscalYear: 'ไม่พบปีงบประมาณในหัวรายงาน (เช่น "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน") — กรอกปีงบประมาณในแท็บ "ตั้งค่า" เอง',
  noRound: 'ไม่พบรอบรายงานในหัวรายงาน (เช่น "รอบ ๖ เดือน") — กรอกรอบรายงานในแท็บ "ตั้งค่า" เอง',
  badRound: (value: string) => `รอบ "${value}" ไม่ใช่รอบ ๖ หรือ ๑๒ เดือน — กรอกรอบรายงานในแท็บ "ตั้งค่า" เอง`,
  agencyMismatch: (title: string, titleLine: number, heading: string) =>
    `ชื่อหน่วยงานในหัวรายงาน "${title}" (บรรทัด ${titleLine}) ไม่ตรงกับชื่อในหัวข้อมาตรการ "${heading}" — ใช้ชื่อจากหัวข้อมาตรการ ตรวจสอบให้ถูกต้อง`,
  columnCount: (count: number) =>
    `แถวนี้มี ${count} คอลัมน์ แต่ตารางมาตรการต้องมี 5 คอลัมน์คั่นด้วยแท็บ — ข้ามแถวนี้ ตรวจสอบแล้วเพิ่มมาตรการนี้เอง`,
  // refusals (issue 26): what cannot be placed with confidence is not imported at all
  refusedTitle: (count: number) =>
    `ไม่ได้นำเข้า: มี ${count} แห่งในไฟล์ที่ระบบอ่านได้ไม่แน่ใจ — ไม่ได้เขียนอะไรลงไฟล์ แก้ตามรายการนี้แล้วนำเข้าอีกครั้ง`,
  headerUnsure: (cells: string, missing: string) =>
    `แถวนี้ดูเหมือนหัวตาราง ("${cells}") แต่จับคู่คอลัมน์ ${missing} ไม่ได้อย่างมั่นใจ — แก้หัวตารางให้มีครบ 5 คอลัมน์ (ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน, ขั้นตอนหรือวิธีการ/มาตรการ, ผู้รับผิดชอบ, การรายงานผลและการกำกับติดตาม…, การดำเนินการ)`,
  rowBeforeHeader:
    'พบแถวตารางก่อนหัวตาราง จึงไม่รู้ว่าคอลัมน์ไหนคืออะไร — ระบบไม่เดาลำดับคอลัมน์ ใส่หัวตาราง 5 คอลัมน์ไว้เหนือแถวแรกของตาราง',
  rowBeforeArea: 'พบแถวมาตรการก่อนหัวข้อด้าน (เช่น "๑. ด้าน IIT") — ถือเป็นด้าน IIT ตรวจสอบด้านของมาตรการนี้',
  unknownLine: (text: string) => `ไม่เข้าใจบรรทัดนี้ "${text}" — ข้ามไป (ไม่ใช่หัวข้อด้านหรือแถวตาราง 5 คอลัมน์)`,
  emptyIssue: 'แถวนี้ไม่มี "ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน" — กรอกประเด็นในแท็บ "มาตรการ"',
  noResponsible: (id: string) =>
    `มาตรการ ${id} ไม่มีผู้รับผิดชอบ — ผลการดำเนินการของมาตรการนี้ไม่มีหน่วยงานรับ กรอกผู้รับผิดชอบในแท็บ "มาตรการ"`,
  newDivision: (name: string, code: string) =>
    `ไม่พบหน่วยงาน "${name}" ในรายชื่อหน่วยงานที่มีอยู่ — เพิ่มเป็นหน่วยงานใหม่ รหัส ${code} ตรวจสอบในแท็บ "หน่วยงาน"`,
  misspelling: (words: string[]) =>
    `พบวรรณยุกต์หรือสระตามหลังสระหน้า (เ แ โ ใ ไ) โดยไม่มีพยัญชนะ ซึ่งเป็นการสะกดที่ผิด น่าจะเกิดจากการแปลงไฟล์: ${words
      .map((w) => `"${w}"`)
      .join(', ')} — นำเข้าตามต้นฉบับ ตรวจสอบและแก้คำเหล่านี้ (เช่น "ใ้" อาจหมายถึง "ใช้" หรือ "ให้")`,
} as const;

/** The `import` command's output. */
export const IMPORT_CLI = {
  warning: (place: string, message: string) => `คำเตือน ${place}: ${message}`,
  refusal: (place: string, message: string) => `${place}: ${message}`,
  nothingFound: (path: string) => `ไม่พบตารางมาตรการในไฟล์ ${path} — ตรวจสอบว่าเป็นรายงานรูปแบบเดียวกับตัวอย่าง`,
  summary: (measures: number, divisions: number, filled: number, kept: number) =>
    `นำเข้า ${measures} มาตรการ ${divisions} หน่วยงาน ใส่ผลการดำเนินการ ${filled} รายการ` +
    (kept ? ` (ไม่เขียนทับผลที่หน่วยงานกรอกไว้แล้ว ${kept} รายการ)` : ''),
  archived: (rows: number) => `ย้าย ${rows} แถวที่ไม่อยู่ในรายงานนี้ไปเก็บที่แท็บ "${TAB.archive}"`,
} as const;
