// Importing last year's report from the file the agency holds (.docx, .pdf or the seed's text format):
// where a warning points, what the PDF text repair changed, and why a file cannot be read.
// Nothing here is needed by the dialog's own wording (IMPORT_DIALOG), so the bundle keeps only what it uses.

/** Where in the file a warning points. */
export const IMPORT_PLACE = {
  line: (n: number) => `บรรทัด ${n}`,
  page: (n: number) => `หน้า ${n}`,
  paragraph: (n: number) => `ย่อหน้า ${n}`,
  tableRow: (table: number, row: number) => `ตารางที่ ${table} แถว ${row}`,
  file: 'ทั้งไฟล์',
} as const;

/** What the Thai PDF text repair changed; one warning per page. */
export const IMPORT_REPAIR = {
  repaired: (count: number, examples: ReadonlyArray<readonly [before: string, after: string]>) =>
    `แก้ข้อความที่การแปลง PDF ทำให้เพี้ยน ${count} แห่ง (สระหรือวรรณยุกต์แยกจากพยัญชนะ, "ใ้", ช่องว่างกลางคำ) เช่น ${examples
      .map(([b, a]) => `"${b}" → "${a}"`)
      .join(', ')} — ตรวจสอบข้อความในแท็บ "มาตรการ" อีกครั้ง`,
  /** the page was turned (a viewer's rotate and save): read in its turn */
  turned: (degrees: number) => `หน้านี้ถูกหมุนไว้ ${degrees} องศา — อ่านตามแนวที่หมุนกลับแล้ว ตรวจสอบผลการนำเข้าของหน้านี้`,
  mergedResponsible: (name: string) =>
    `ช่อง "ผู้รับผิดชอบ" ของแถวนี้ว่าง ถือว่าเป็นเซลล์ที่ผสานกับแถวบน (${name}) — ตรวจสอบผู้รับผิดชอบในแท็บ "มาตรการ"`,
} as const;

/** Why a .docx or .pdf cannot be imported: nothing is written, exit 2. */
export const IMPORT_FILE = {
  kindUnknown: (path: string) =>
    `อ่านไฟล์ ${path} ไม่ได้ — ไม่ใช่ไฟล์ Word (.docx), PDF หรือข้อความ (UTF-8) ถ้าเป็นไฟล์ .doc แบบเก่า ให้เปิดใน Word แล้วบันทึกเป็น .docx`,
  docxBroken: (path: string) =>
    `ไฟล์ Word ${path} เสียหายหรือไม่ครบ (เปิดไฟล์ zip ไม่ได้) — ดาวน์โหลดหรือคัดลอกไฟล์ใหม่ แล้วลองอีกครั้ง`,
  isWorkbook: (path: string) =>
    `ไฟล์ ${path} เป็นสมุดงาน Excel (.xlsx) ไม่ใช่รายงาน — คำสั่ง import อ่านรายงานปีก่อนที่เป็นไฟล์ Word (.docx), PDF หรือข้อความ ถ้าเป็นไฟล์ติดตามของระบบ ให้ใช้เป็นไฟล์ <workbook.xlsx> ของคำสั่งแทน`,
  notWord: (path: string, what: string) =>
    `ไฟล์ ${path} เป็นไฟล์ zip แต่ไม่ใช่เอกสาร Word (${what}) — ใช้รายงานที่เป็นไฟล์ Word (.docx), PDF หรือข้อความ`,
  docxNoTables: (path: string) =>
    `ไม่พบตารางในไฟล์ Word ${path} — รายงานต้องมีตารางมาตรการ 5 คอลัมน์ (ประเด็น, ขั้นตอน, ผู้รับผิดชอบ, การรายงานผล, การดำเนินการ) ถ้าตารางเป็นรูปภาพ ให้พิมพ์ตารางใหม่ใน Word`,
  pdfBroken: (path: string, why: string) =>
    `ไฟล์ PDF ${path} เสียหายหรือไม่ครบ (${why}) — ดาวน์โหลดไฟล์ใหม่ หรือใช้ไฟล์ Word ต้นฉบับแทน`,
  pdfEncrypted: (path: string) =>
    `ไฟล์ PDF ${path} ถูกล็อกด้วยรหัสผ่าน — เปิดไฟล์ด้วยรหัสผ่านแล้วบันทึก (พิมพ์) เป็น PDF ที่ไม่มีรหัสผ่าน หรือใช้ไฟล์ Word ต้นฉบับแทน`,
  pdfNoText: (path: string) =>
    `ไฟล์ PDF ${path} ไม่มีข้อความ มีแต่ภาพ (น่าจะเป็นเอกสารสแกน) — ต้องแปลงภาพเป็นข้อความด้วยโปรแกรม OCR ก่อน (เช่น เปิดด้วย Google Docs) หรือใช้ไฟล์ Word ต้นฉบับแทน`,
  pdfNoHeader: (path: string) =>
    `ไม่พบหัวตารางมาตรการในไฟล์ PDF ${path} (ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน, ขั้นตอนหรือวิธีการ/มาตรการ, ผู้รับผิดชอบ, การรายงานผล…, การดำเนินการ) — ใช้ไฟล์ Word ต้นฉบับแทน`,
  pdfColumns: (page: number, missing: readonly string[]) =>
    `หน้า ${page}: อ่านคอลัมน์ ${missing.map((m) => `"${m}"`).join(', ')} ของตารางไม่ได้ (หัวตารางไม่ครบหรือคอลัมน์ซ้อนกัน) — ไม่ได้เขียนอะไรลงไฟล์ ใช้ไฟล์ Word ต้นฉบับแทน หรือแก้ PDF หน้านี้ให้มีหัวตาราง 5 คอลัมน์`,
  pdfSideways: (pages: readonly number[]) =>
    `หน้า ${pages.join(', ')}: ข้อความในหน้านี้หมุนอยู่ (ตารางวางตามแนวตั้งของหน้า) อ่านเป็นแถวไม่ได้ — ไม่ได้เขียนอะไรลงไฟล์ หมุนหน้าให้ตรงแล้วบันทึก PDF ใหม่ หรือใช้ไฟล์ Word ต้นฉบับแทน`,
  pdfToolMissing:
    'อ่านไฟล์ PDF ต้องใช้โปรแกรม pdftotext (poppler) ซึ่งไม่มีในเครื่องนี้ — ติดตั้งด้วย apt-get install poppler-utils (Windows: ติดตั้ง poppler แล้วเพิ่มในตัวแปร PATH) หรือใช้ไฟล์ Word ต้นฉบับแทน',
  truncated: (path: string) => `ไฟล์ ${path} ไม่ครบ (ถูกตัดกลางทาง) — ดาวน์โหลดหรือคัดลอกไฟล์ใหม่ แล้วลองอีกครั้ง`,
  read: (path: string, kind: string, ms: number) => `อ่าน ${path} (${kind}) ใน ${ms} มิลลิวินาที`,
} as const;
