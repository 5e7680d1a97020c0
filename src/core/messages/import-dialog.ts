// Menu "นำเข้ารายงานปีก่อน" (src/gas/import.ts): the upload dialog and what it says after the import.

export const IMPORT_MENU = {
  action: 'นำเข้ารายงานปีก่อน',
  title: 'นำเข้ารายงานปีก่อน (.docx)',
  intro:
    'เลือกไฟล์ Word (.docx) ของรายงานปีก่อน ระบบจะแปลงเป็น Google เอกสารชั่วคราว อ่านตารางมาตรการ แล้วลบไฟล์ชั่วคราวทิ้ง ' +
    'มาตรการในแท็บ "มาตรการ" จะถูกแทนที่ด้วยมาตรการจากรายงาน ผลที่หน่วยงานกรอกไว้แล้วจะไม่ถูกเขียนทับ',
  choose: 'ไฟล์รายงาน (.docx)',
  start: 'นำเข้า',
  working: 'กำลังแปลงและนำเข้า… (อาจใช้เวลาถึงหนึ่งนาที)',
  pickFirst: 'เลือกไฟล์ .docx ก่อน',
  tooLarge: 'ไฟล์ใหญ่เกิน 10 MB — ลบรูปภาพที่ไม่จำเป็นออกจากไฟล์ Word แล้วลองอีกครั้ง',
  notDocx: (name: string) =>
    `"${name}" ไม่ใช่ไฟล์ Word (.docx) — ถ้าเป็น .doc แบบเก่า ให้เปิดใน Word แล้วบันทึกเป็น .docx ถ้าเป็น PDF ให้ใช้คำสั่ง ita-tracker import บนเครื่อง`,
  nothingFound: (name: string) =>
    `ไม่พบตารางมาตรการในไฟล์ "${name}" — ไม่ได้เปลี่ยนแปลงอะไรในชีต ตรวจสอบว่าไฟล์มีตาราง 5 คอลัมน์ (ประเด็น, ขั้นตอน, ผู้รับผิดชอบ, การรายงานผล, การดำเนินการ)`,
  done: (measures: number, divisions: number, filled: number) =>
    `นำเข้า ${measures} มาตรการ ${divisions} หน่วยงาน ใส่ผลการดำเนินการ ${filled} รายการแล้ว`,
  warning: (place: string, message: string) => `• ${place}: ${message}`,
  moreWarnings: (n: number) => `… และคำเตือนอีก ${n} รายการ`,
} as const;
