// Reading live Google Sheets from the command line (Node: --sheet, backup, rollup).

/** Reading live sheets through the Google APIs: credentials, sharing, and what a reader can do about each failure. */
export const GOOGLE = {
  badSheetRef: (value: string) =>
    `"${value}" ไม่ใช่รหัสหรือลิงก์ Google Sheet — ใช้ลิงก์ที่ขึ้นต้นด้วย https://docs.google.com/spreadsheets/d/ หรือรหัสชีตในลิงก์นั้น`,
  sheetAndFile: 'ระบุได้อย่างใดอย่างหนึ่ง: ไฟล์สมุดงาน .xlsx หรือ --sheet <ชีต> ไม่ใช่ทั้งสองอย่าง',
  keyNotFound: (path: string) => `ไม่พบไฟล์กุญแจบัญชีบริการ ${path} — ตรวจสอบ --key หรือตัวแปร GOOGLE_APPLICATION_CREDENTIALS`,
  keyNotJson: (path: string) =>
    `ไฟล์ ${path} ไม่ใช่ไฟล์กุญแจบัญชีบริการ (JSON) — ดาวน์โหลดกุญแจแบบ JSON ใหม่จาก Google Cloud Console (IAM และผู้ดูแลระบบ > บัญชีบริการ > คีย์)`,
  noCredentials:
    'ไม่พบข้อมูลรับรองสำหรับเข้าถึง Google — ระบุไฟล์กุญแจบัญชีบริการด้วย --key <กุญแจ.json> หรือตั้งตัวแปร GOOGLE_APPLICATION_CREDENTIALS (ดู README หัวข้อ Google Sheets)',
  badCredentials: (why: string) =>
    `Google ไม่ยอมรับข้อมูลรับรอง (${why}) — กุญแจอาจถูกลบหรือถูกปิดใช้ สร้างกุญแจบัญชีบริการใหม่แล้วลองอีกครั้ง`,
  notShared: (sheet: string, account: string) =>
    `เปิดชีต ${sheet} ไม่ได้ เพราะยังไม่ได้แชร์ให้บัญชีบริการ ${account} — เปิดชีตใน Google Sheets กด "แชร์" เพิ่ม ${account} เป็น "ผู้มีสิทธิ์อ่าน" (Viewer)`,
  notSharedAccount: (sheet: string) => `เปิดชีต ${sheet} ไม่ได้ เพราะบัญชีที่ใช้ไม่มีสิทธิ์ — แชร์ชีตให้บัญชีนั้นเป็น "ผู้มีสิทธิ์อ่าน" (Viewer)`,
  notFound: (sheet: string) => `ไม่พบชีต ${sheet} — ตรวจสอบรหัสหรือลิงก์ (ชีตอาจถูกลบ หรือพิมพ์รหัสผิด)`,
  apiDisabled: (why: string) =>
    `ยังไม่ได้เปิดใช้ Google Sheets API ในโปรเจกต์ของบัญชีบริการ — เปิดที่ Google Cloud Console > API และบริการ > ไลบรารี > Google Sheets API (${why})`,
  notTracker: (title: string, tabs: readonly string[]) =>
    `ชีต "${title}" ไม่ใช่ชีตติดตามมาตรการ ITA: ไม่พบแท็บ ${tabs.map((t) => `"${t}"`).join(', ')} — ตรวจสอบว่าใช้ลิงก์ของชีตที่ถูกต้อง`,
  busy: (sheet: string, status: number, attempts: number) =>
    `Google ตอบว่าไม่ว่าง (HTTP ${status}) ขณะอ่านชีต ${sheet} แม้ลองแล้ว ${attempts} ครั้ง — ลองใหม่ภายหลัง`,
  timeout: (sheet: string, seconds: number) =>
    `ชีต ${sheet} ไม่ตอบภายใน ${seconds} วินาที — ลองใหม่ หรือเพิ่มเวลารอด้วย --timeout`,
  network: (why: string) => `ติดต่อ Google ไม่ได้ (${why}) — ตรวจสอบการเชื่อมต่ออินเทอร์เน็ต`,
  other: (sheet: string, status: string, why: string) => `อ่านชีต ${sheet} ไม่ได้ (HTTP ${status}): ${why}`,
  badSeconds: (flag: string, value: string) => `--${flag} "${value}" ไม่ถูกต้อง — ใส่จำนวนวินาทีที่มากกว่า 0`,
  badCount: (flag: string, value: string) =>
    `--${flag} "${value}" ไม่ถูกต้อง — ใส่จำนวนเต็มตั้งแต่ ${flag === 'retries' ? 0 : 1} ขึ้นไป`,
  backedUp: (title: string, tabs: number, rows: number) =>
    `อ่านชีต "${title}" แล้ว: ${tabs} แท็บ ${rows} แถว (ชีตจริงไม่ถูกแก้ไข)`,
} as const;
