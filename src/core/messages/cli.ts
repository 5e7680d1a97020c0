// The command line (src/node): usage errors, file errors, and the init and demo commands' output.
// Node only: nothing in src/gas refers to these, so the Apps Script bundle leaves them out.
import { TAB } from './tabs-headers';

export const CLI = {
  title: 'ita-tracker — ระบบติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)',
  usageHeader: 'วิธีใช้: ita-tracker <คำสั่ง> [ตัวเลือก]   (ita-tracker <คำสั่ง> --help ดูรายละเอียด)',
  commandsHeader: 'คำสั่ง:',
  unknownCommand: (name: string) => `ไม่รู้จักคำสั่ง "${name}"`,
  usageError: (detail: string) => `ใช้คำสั่งไม่ถูกต้อง: ${detail}`,
  missingArgument: (what: string) => `ต้องระบุ ${what}`,
  unknownFlag: (flag: string) => `ไม่รู้จักตัวเลือก ${flag}`,
  /** usage: the option as --help shows it, e.g. --out <dir> */
  missingValue: (flag: string, usage: string) => `ตัวเลือก ${flag} ต้องมีค่าตามหลัง: ${usage}`,
  flagTakesNoValue: (flag: string) => `ตัวเลือก ${flag} ไม่รับค่า — ใช้ ${flag} เฉย ๆ`,
  extraArgument: (arg: string) => `มีอาร์กิวเมนต์เกินมา: "${arg}"`,
  badToday: (value: string) =>
    `วันที่ "${value}" ไม่ถูกต้อง — ใช้รูปแบบ YYYY-MM-DD เป็นปี ค.ศ. หรือ พ.ศ. เช่น 2023-03-25 หรือ 2566-03-25`,
  /** a file stands where output needs a folder (--out, --outbox, or a folder on the way to a file) */
  notAFolder: (path: string) => `${path} เป็นไฟล์ ไม่ใช่โฟลเดอร์ — ระบุโฟลเดอร์สำหรับผลลัพธ์ (ไม่มีไฟล์ใดถูกเขียน)`,
  isAFolder: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: มีโฟลเดอร์ชื่อนี้อยู่แล้ว — ระบุชื่อไฟล์`,
  noPermission: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้`,
  diskFull: (path: string) => `เขียนไฟล์ ${path} ไม่ได้: พื้นที่ดิสก์เต็ม`,
  fileNotFound: (path: string) => `ไม่พบไฟล์ ${path}`,
  notXlsx: (path: string) => `ไฟล์ ${path} ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้`,
  cannotWrite: (path: string, why: string) => `เขียนไฟล์ ${path} ไม่ได้: ${why}`,
  badTabName: (name: string, max: number) =>
    `บันทึกเป็น .xlsx ไม่ได้: ชื่อแท็บ "${name}" ยาวเกิน ${max} ตัวอักษรหรือมีอักขระ * ? : \\ / [ ] ที่ Excel ไม่รับ — ย่อชื่อหน่วยงานในแท็บ "${TAB.divisions}" แล้วลองใหม่ (ไฟล์เดิมไม่ถูกแก้ไข)`,
  unexpected: (why: string) => `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${why}`,
  wrote: (path: string) => `เขียนไฟล์ ${path} แล้ว`,
  problemsSummary: (errors: number, warnings: number) => `พบข้อผิดพลาด ${errors} รายการ คำเตือน ${warnings} รายการ`,
  noProblems: 'ตรวจสอบแล้ว ไม่พบปัญหา',
  /** every command's --help ends with these; the size cap and the lock's wait as the CLI sets them */
  exitCodes: (limitMb: number, waitSeconds: number) =>
    `รหัสออก: 0 สำเร็จ, 1 ข้อมูลในสมุดงานมีข้อผิดพลาด, 2 ใช้คำสั่งผิดหรืออ่าน/เขียนไฟล์ไม่ได้ (รวมไฟล์ที่ขยายแล้วเกิน ${limitMb} MB: ไฟล์ใหญ่เกินไป), 3 คำสั่งอื่นกำลังเขียนสมุดงานนี้อยู่ (รอได้ ${waitSeconds} วินาที ปรับได้ด้วย ITA_LOCK_WAIT_MS)`,
} as const;

export const INIT = {
  exists: (path: string) => `มีไฟล์ ${path} อยู่แล้ว — ใช้ --force ถ้าต้องการเขียนทับ`,
  createdExample: (path: string) => `สร้างสมุดงาน ${path} จากแม่แบบพร้อมข้อมูลตัวอย่างแล้ว`,
  createdEmpty: (path: string) => `สร้างสมุดงานเปล่า ${path} จากแม่แบบแล้ว`,
} as const;

export const DEMO = {
  step: (n: number, text: string) => `[${n}] ${text}`,
  creating: (path: string) => `สร้างสมุดงานตัวอย่าง ${path} (เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน)`,
  validating: 'ตรวจสอบข้อมูลทั้งสมุดงาน',
  kept: (existing: string, fresh: string) =>
    `มี ${existing} อยู่แล้ว (อาจมีการแก้ไขไว้) — ไม่เขียนทับ สร้างไฟล์ตัวอย่างใหม่เป็น ${fresh} แทน`,
  reporting: (dir: string) => `เขียนรายงานลงใน ${dir}`,
  noPdf: 'ไม่ได้สร้าง PDF เพราะไม่พบ LibreOffice (soffice) — ติดตั้ง libreoffice-writer-nogui fonts-thai-tlwg',
  next: (path: string) => `เสร็จแล้ว — เปิด ${path} แก้ไข แล้วลอง: node build/cli.js validate ${path}`,
} as const;
