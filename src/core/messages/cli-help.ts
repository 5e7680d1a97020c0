// Each command's --help text and what each option means (Node only; plain literals so the Apps Script
// bundle leaves them out).

/**
 * What the options several commands share mean (--today, --sheet and the Google ones); a command's own
 * entry in CLI_HELP can say it differently. Plain literals only, here and in CLI_HELP, so the Apps Script
 * bundle can drop both.
 */
export const CLI_SHARED_OPTION_HELP = {
  today: 'วันที่ที่ใช้คำนวณ ปี ค.ศ. หรือ พ.ศ. (2023-03-25 = 2566-03-25) ค่าเริ่มต้น: วันนี้ตามเวลาประเทศไทย',
  sheet: 'อ่านจาก Google Sheet ที่ใช้งานจริง (รหัสหรือลิงก์) แทนไฟล์ .xlsx — อ่านอย่างเดียว ดู README',
  key: [
    'ไฟล์กุญแจบัญชีบริการ (JSON) ค่าเริ่มต้น: ตัวแปร GOOGLE_APPLICATION_CREDENTIALS',
    'หรือ Application Default Credentials (gcloud auth application-default login)',
  ],
  timeout: 'เวลารอคำตอบแต่ละครั้ง (วินาที) ค่าเริ่มต้น 30',
  retries: 'จำนวนครั้งที่ลองใหม่เมื่อ Google ตอบว่าไม่ว่าง (429/5xx) ค่าเริ่มต้น 5',
} as const;

/**
 * Each CLI command's one-line summary, what it does, and what each of its options means. The command
 * line itself (synopsis, option names, placeholders) stays in English and comes from the command's
 * option declaration in src/node/commands; `options` here describes each option it declares that
 * CLI_SHARED_OPTION_HELP does not (the compiler checks both ways).
 */
export const CLI_HELP = {
  demo: {
    summary: 'ตัวอย่างงานหลักตั้งแต่ต้นจนจบ (npm start)',
    about: ['สร้างสมุดงานตัวอย่าง ตรวจสอบข้อมูล และเขียนรายงาน ลงในโฟลเดอร์เดียว'],
    options: { out: 'โฟลเดอร์ที่จะเขียนสมุดงานและรายงาน ค่าเริ่มต้น out' },
  },
  init: {
    summary: 'สร้างสมุดงานใหม่จากแม่แบบ',
    about: ['สร้างสมุดงาน .xlsx ตามแม่แบบ พร้อมข้อมูลตัวอย่าง (เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖)'],
    options: {
      empty: 'มีเฉพาะหัวตารางและค่าตั้งต้น ไม่มีข้อมูลตัวอย่าง',
      force: 'เขียนทับไฟล์ที่มีอยู่แล้ว',
    },
  },
  import: {
    summary: 'นำเข้ามาตรการและหน่วยงานจากรายงานปีก่อน (.docx, .pdf หรือไฟล์ข้อความ)',
    about: [
      'อ่านรายงานปีก่อนจากไฟล์ Word (.docx), PDF หรือไฟล์ข้อความรูปแบบเดียวกับรายงานตัวอย่าง (ดูจากเนื้อไฟล์ ไม่ใช่นามสกุล)',
      'แล้วใส่มาตรการ หน่วยงาน และผลการดำเนินการลงในสมุดงาน; PDF ต้องมีโปรแกรม pdftotext (poppler-utils)',
      'ถ้ายังไม่มีสมุดงาน จะสร้างใหม่จากแม่แบบเปล่า; ค่าที่หน่วยงานกรอกไว้แล้วจะไม่ถูกเขียนทับ',
    ],
    options: {},
  },
  sync: {
    summary: 'ปรับปรุงแท็บหน่วยงานตามมาตรการและหน่วยงานปัจจุบัน',
    about: [
      'สร้าง/ปรับปรุงแท็บของแต่ละหน่วยงาน: รวมตามรหัสรายการ เก็บทุกค่าที่หน่วยงานกรอกไว้',
      'แถวที่หน่วยงานไม่ได้รับผิดชอบแล้วย้ายไปเก็บที่แท็บ คลังข้อมูล (ไม่ลบทิ้ง)',
    ],
    options: {},
  },
  validate: {
    summary: 'ตรวจสอบข้อมูลทั้งสมุดงาน',
    about: ['ตรวจสอบข้อมูลทุกแท็บตามกฎของระบบ แสดงปัญหาพร้อมแท็บและเซลล์'],
    options: {
      json: 'พิมพ์เป็น JSON: [{tab, cell, severity, code, message}]',
    },
  },
  backup: {
    summary: 'สำรองข้อมูลจาก Google Sheet ที่ใช้งานจริงลงไฟล์ .xlsx (ไม่แก้ไขชีต)',
    about: [
      'อ่านทุกแท็บของชีตติดตามมาตรการผ่าน Google Sheets API (สิทธิ์อ่านอย่างเดียว) แล้วเขียนเป็นไฟล์ .xlsx',
      'ที่คำสั่งอื่นใช้ต่อได้แบบออฟไลน์ ชีตจริงไม่ถูกแก้ไขใด ๆ (สูตรถูกเก็บเป็นค่าที่คำนวณแล้ว)',
    ],
    options: {
      sheet: 'รหัสชีต หรือลิงก์ https://docs.google.com/spreadsheets/d/…',
    },
  },
  rollup: {
    summary: 'สรุปภาพรวมจากชีตติดตามมาตรการหลายหน่วยงาน (.xlsx และ .html)',
    about: [
      'อ่านชีตติดตามมาตรการทุกชีตในรายการ (บรรทัดละหนึ่งรหัสหรือลิงก์ บรรทัดที่ขึ้นต้นด้วย # เป็นหมายเหตุ)',
      'แล้วเขียน rollup.xlsx และ rollup.html: ต่อหน่วยงาน จำนวนมาตรการตามสถานะและด้าน รายการเกินกำหนด',
      'และลิงก์รายงานล่าสุดจากแท็บ "ทะเบียนรายงาน" ชีตที่อ่านไม่ได้จะแจ้งเหตุผลและข้ามไป (รหัสออก 1)',
    ],
    options: {
      sheets: 'ไฟล์รายการชีต',
      out: 'โฟลเดอร์ที่จะเขียน rollup.xlsx และ rollup.html',
      concurrency: 'จำนวนชีตที่อ่านพร้อมกัน ค่าเริ่มต้น 4',
      stats: 'พิมพ์เวลาที่ใช้ จำนวนคำขอ และหน่วยความจำสูงสุด',
    },
  },
  remind: {
    summary: 'ส่งอีเมลแจ้งเตือนกำหนดส่งตามมาตรการ (หนึ่งฉบับต่อหน่วยงาน)',
    about: [
      'หารายการที่ถึงกำหนดแจ้งเตือนในวันนั้น (ล่วงหน้าตามการตั้งค่า วันครบกำหนด และซ้ำทุกรอบเมื่อเกินกำหนด)',
      'ส่งหนึ่งฉบับต่อหน่วยงาน แจ้งผู้บริหารเมื่อเกินกำหนดนาน แล้วบันทึกลงแท็บ "บันทึกอีเมล" ในสมุดงาน',
      'สั่งซ้ำวันเดียวกันจะไม่ส่งซ้ำ อีเมลที่ส่งไม่สำเร็จจะบันทึกไว้และส่งใหม่ในการสั่งครั้งถัดไป (รหัสออก 2)',
      'หน่วยงานที่ไม่มีอีเมลที่ถูกต้องจะไม่ถูกส่ง บันทึกว่ายังไม่ส่ง และส่งใหม่เมื่อแก้อีเมลแล้ว (รหัสออก 1)',
    ],
    options: {
      outbox: 'โฟลเดอร์ที่เขียนอีเมลเป็นไฟล์ .eml ค่าเริ่มต้น: out/outbox ในโฟลเดอร์เดียวกับสมุดงาน',
      smtp: 'ส่งจริงผ่านเซิร์ฟเวอร์ SMTP แทนการเขียนไฟล์ เช่น smtp://user:pass@mail.example.org:587',
      from: 'อีเมลผู้ส่ง (ต้องเป็นอีเมล) ค่าเริ่มต้น: อีเมลผู้ดูแลระบบคนแรกในแท็บ "ตั้งค่า"',
      'dry-run': 'แสดงอีเมลที่จะส่ง ไม่ส่งและไม่เขียนไฟล์ใด ๆ (ใช้ --sheet ได้เฉพาะคู่กับตัวเลือกนี้)',
    },
  },
  report: {
    summary: 'สร้างรายงานผลการดำเนินการตามมาตรการ (.docx, .html, .pdf)',
    about: [
      'ตรวจสอบข้อมูลก่อน (ถ้ามีข้อผิดพลาดจะไม่เขียนไฟล์ใด) แล้วเขียน report.docx และ report.html',
      'ในรูปแบบรายงานทางการ (A4 แนวนอน) และ report.pdf เมื่อมี LibreOffice (soffice)',
    ],
    options: {
      out: 'โฟลเดอร์ที่จะเขียนไฟล์รายงาน',
      round: 'รอบรายงาน (ค่าเริ่มต้น: รอบปัจจุบันในแท็บ "ตั้งค่า")',
      pdf: 'ต้องสร้าง PDF ด้วย (ถ้าไม่มี LibreOffice จะแจ้งและออกด้วยรหัส 2)',
      'no-pdf': 'ไม่ต้องสร้าง PDF แม้มี LibreOffice (เร็วกว่า)',
    },
  },
} as const;

export type CommandName = keyof typeof CLI_HELP;
