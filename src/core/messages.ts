// Every Thai string a user sees lives here: tab names, headers, menus, dialogs, validation messages,
// report wording, e-mails, CLI output. Code elsewhere refers to these by name.
// Sections are grouped by feature; add new wording to the section it belongs to.

// ---------------------------------------------------------------- tabs and headers
export const TAB = {
  settings: 'ตั้งค่า',
  divisions: 'หน่วยงาน',
  measures: 'มาตรการ',
  milestones: 'กำหนดการ',
  dashboard: 'แดชบอร์ด',
  reports: 'ทะเบียนรายงาน',
  emailLog: 'บันทึกอีเมล',
  archive: 'คลังข้อมูล',
} as const;

export const HEADER = {
  // settings (key/value)
  settingKey: 'รหัส',
  settingLabel: 'รายการ',
  settingValue: 'ค่า',
  settingHelp: 'คำอธิบาย',
  // divisions
  divisionCode: 'รหัสหน่วยงาน',
  divisionName: 'ชื่อหน่วยงาน',
  divisionHead: 'หัวหน้าหน่วยงาน',
  divisionNotify: 'อีเมลรับแจ้งเตือน',
  divisionEditors: 'บัญชีผู้แก้ไข',
  // measures
  measureId: 'รหัสมาตรการ',
  area: 'ด้าน',
  issue: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน',
  steps: 'ขั้นตอนหรือวิธีการ/มาตรการ',
  responsible: 'ผู้รับผิดชอบ',
  monitoring: 'การรายงานผลและการกำกับติดตามกำหนดเวลาแล้วเสร็จ',
  order: 'ลำดับ',
  // milestones
  milestoneId: 'รหัสกำหนดการ',
  milestoneMeasure: 'รหัสมาตรการ',
  milestoneDivision: 'หน่วยงาน (ว่าง = ทุกหน่วยงานที่รับผิดชอบ)',
  task: 'งาน',
  due: 'วันที่ครบกำหนด',
  // division tabs
  entryKey: 'รหัสรายการ',
  entryIssue: 'มาตรการ/ประเด็น',
  status: 'สถานะ',
  result6: 'ผลการดำเนินการ รอบ ๖ เดือน',
  result12: 'ผลการดำเนินการ รอบ ๑๒ เดือน',
  evidenceUrl: 'ลิงก์หลักฐาน',
  updatedAt: 'แก้ไขล่าสุดเมื่อ',
  updatedBy: 'แก้ไขล่าสุดโดย',
  // reports register
  fiscalYear: 'ปีงบประมาณ',
  round: 'รอบ',
  docId: 'รหัสเอกสาร',
  docUrl: 'ลิงก์เอกสาร',
  publishedUrl: 'ลิงก์เผยแพร่',
  pdfUrl: 'ลิงก์ PDF',
  generatedAt: 'สร้างเมื่อ',
  generatedBy: 'สร้างโดย',
  warnings: 'คำเตือน',
  // e-mail log
  sentAt: 'เวลา',
  logDivision: 'หน่วยงาน',
  recipients: 'ผู้รับ',
  items: 'รายการ',
  stage: 'ขั้น',
  outcome: 'ผล',
  subject: 'หัวเรื่อง',
  // archive
  archivedAt: 'ย้ายเมื่อ',
  archivedFrom: 'แท็บเดิม',
  archivedKey: 'รหัสรายการ',
  archivedReason: 'เหตุผล',
  archivedRow: 'ข้อมูลเดิม (JSON)',
} as const;

export const STATUS_LABEL = {
  not_started: 'ยังไม่ดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้ว',
} as const;

export const NUMERALS_LABEL = { thai: 'เลขไทย', arabic: 'เลขอารบิก' } as const;

export const SETTING_LABEL = {
  agencyName: ['ชื่อหน่วยงาน', 'เช่น เทศบาลตำบลปรุใหญ่'],
  district: ['อำเภอ', 'เช่น อำเภอเมืองนครราชสีมา'],
  province: ['จังหวัด', 'เช่น จังหวัดนครราชสีมา'],
  fiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'เช่น 2566'],
  currentRound: ['รอบรายงานปัจจุบัน', '6 หรือ 12'],
  round6Due: ['กำหนดส่งผลรอบ ๖ เดือน', 'วันที่ (ค.ศ. ในเซลล์วันที่)'],
  round12Due: ['กำหนดส่งผลรอบ ๑๒ เดือน', 'วันที่ (ค.ศ. ในเซลล์วันที่)'],
  admins: ['ผู้ดูแลระบบ', 'อีเมล คั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่'],
  executives: ['ผู้บริหาร (รับแจ้งเรื่องเกินกำหนด)', 'อีเมล คั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่'],
  reminderOffsets: ['แจ้งเตือนล่วงหน้า (วัน)', 'เช่น 14, 7, 1'],
  overdueRepeatDays: ['แจ้งซ้ำเมื่อเกินกำหนดทุก (วัน)', 'ค่าเริ่มต้น 7'],
  escalateAfterDays: ['แจ้งผู้บริหารเมื่อเกินกำหนดเกิน (วัน)', 'ค่าเริ่มต้น 7'],
  numerals: ['ตัวเลขในรายงาน', 'เลขไทย หรือ เลขอารบิก'],
  reportFont: ['แบบอักษรรายงาน', 'ค่าเริ่มต้น Sarabun'],
  reportFontSize: ['ขนาดอักษรรายงาน (พอยต์)', 'ค่าเริ่มต้น 16'],
  reportFolderId: ['โฟลเดอร์รายงาน (Google Drive)', 'ระบบตั้งให้เองเมื่อตั้งค่าระบบ'],
  itaItemCodes: ['รหัสข้อ ITA', 'เช่น O42, O43'],
} as const;

// ---------------------------------------------------------------- calendar
export const CALENDAR = {
  months: [
    'มกราคม',
    'กุมภาพันธ์',
    'มีนาคม',
    'เมษายน',
    'พฤษภาคม',
    'มิถุนายน',
    'กรกฎาคม',
    'สิงหาคม',
    'กันยายน',
    'ตุลาคม',
    'พฤศจิกายน',
    'ธันวาคม',
  ],
  /** "เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖" */
  roundMonths: (startMonth: string, startYear: number, endMonth: string, endYear: number) =>
    `เดือน${startMonth} ${startYear} - ${endMonth} ${endYear}`,
} as const;

// ---------------------------------------------------------------- menu (Apps Script)
export const MENU = {
  title: 'ติดตามมาตรการ ITA',
  items: {
    report: 'สร้างรายงาน',
    validate: 'ตรวจสอบข้อมูล',
    sync: 'ปรับปรุงแท็บหน่วยงาน',
    previewReminders: 'ดูตัวอย่างอีเมลแจ้งเตือน',
    setup: 'ตั้งค่าระบบ',
  },
} as const;

/** Shared Apps Script dialogs (src/gas/context.ts): titles, busy and unexpected-error messages. */
export const APP = {
  title: 'ระบบติดตามมาตรการ ITA',
  errorTitle: 'เกิดข้อผิดพลาด',
  unexpected: (what: string, why: string) => `ทำรายการ "${what}" ไม่สำเร็จ: ${why} — ลองอีกครั้ง หรือแจ้งผู้ดูแลระบบ`,
  busy: (what: string) => `มีผู้ใช้อื่นกำลังทำรายการ "${what}" อยู่ — รอสักครู่แล้วลองอีกครั้ง`,
} as const;

// ---------------------------------------------------------------- command line (Node)
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
  exitCodes: 'รหัสออก: 0 สำเร็จ, 1 ข้อมูลในสมุดงานมีข้อผิดพลาด, 2 ใช้คำสั่งผิดหรืออ่าน/เขียนไฟล์ไม่ได้',
} as const;

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
    summary: 'นำเข้ามาตรการและหน่วยงานจากรายงาน (ไฟล์ข้อความ)',
    about: [
      'อ่านรายงานรูปแบบเดียวกับรายงานตัวอย่าง แล้วใส่มาตรการ หน่วยงาน และผลการดำเนินการลงในสมุดงาน',
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
    ],
    options: {
      outbox: 'โฟลเดอร์ที่เขียนอีเมลเป็นไฟล์ .eml ค่าเริ่มต้น: out/outbox ในโฟลเดอร์เดียวกับสมุดงาน',
      smtp: 'ส่งจริงผ่านเซิร์ฟเวอร์ SMTP แทนการเขียนไฟล์ เช่น smtp://user:pass@mail.example.org:587',
      from: 'อีเมลผู้ส่ง ค่าเริ่มต้น: ผู้ดูแลระบบคนแรกในแท็บ "ตั้งค่า"',
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

// ---------------------------------------------------------------- reminders (e-mail)
/** Reminder e-mails, the e-mail log's wording, the preview dialog and the `remind` command's output. */
export const REMIND = {
  sheetNeedsDryRun: 'ใช้ --sheet กับคำสั่ง remind ได้เฉพาะคู่กับ --dry-run (ระบบไม่บันทึกการส่งกลับไปที่ชีตออนไลน์)',
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
  // the `remind` command (Node)
  badSmtp: (value: string) => `"${value}" ไม่ใช่ที่อยู่ SMTP — ใช้รูปแบบ smtp://ผู้ใช้:รหัสผ่าน@เครื่อง:พอร์ต`,
  dryRun: 'ทดลอง (--dry-run): แสดงอีเมลที่จะส่ง ไม่ส่งและไม่เขียนไฟล์ใด ๆ',
  wroteEml: (subject: string, to: string, path: string) => `เขียน ${path}: ${subject} → ${to}`,
  sentSmtp: (subject: string, to: string) => `ส่งแล้ว: ${subject} → ${to}`,
  failedLine: (subject: string, why: string) => `ส่งไม่สำเร็จ: ${subject} (${why})`,
  summary: (sent: number, failed: number) => `ส่ง ${sent} ฉบับ ไม่สำเร็จ ${failed} ฉบับ บันทึกลงแท็บ "${TAB.emailLog}" แล้ว`,
} as const;

// ---------------------------------------------------------------- Google Sheets API (Node: --sheet, backup, rollup)
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

/** The province-wide roll-up: its workbook, its web page and the `rollup` command's output. */
export const ROLLUP = {
  title: 'สรุปภาพรวมการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)',
  asOf: (date: string) => `ข้อมูล ณ วันที่ ${date}`,
  counts: (ok: number, failed: number) => `อ่านได้ ${ok} หน่วยงาน อ่านไม่ได้ ${failed} ชีต`,
  sheetName: 'สรุป',
  header: {
    no: 'ลำดับ',
    agency: 'หน่วยงาน',
    district: 'อำเภอ',
    province: 'จังหวัด',
    fiscalYear: 'ปีงบประมาณ',
    round: 'รอบ',
    measures: 'จำนวนมาตรการ',
    area: (area: string) => `ด้าน ${area}`,
    total: 'รวมทุกด้าน',
    overdue: 'รายการเกินกำหนด',
    lastReport: 'รายงานล่าสุด',
    sheet: 'ชีต',
    error: 'อ่านไม่ได้เพราะ',
  },
  areaStatus: (area: string, status: string) => `${area}: ${status}`,
  totalStatus: (status: string) => `รวม: ${status}`,
  reportLabel: (fy: string, round: string) => `ปี ${fy} รอบ ${round} เดือน`,
  noReport: '-',
  totals: 'รวม',
  failedHeading: 'ชีตที่อ่านไม่ได้',
  listNotFound: (path: string) => `ไม่พบไฟล์รายการชีต ${path}`,
  listEmpty: (path: string) => `ไฟล์ ${path} ไม่มีรายการชีต — ใส่รหัสหรือลิงก์ชีตบรรทัดละหนึ่งรายการ`,
  badListLine: (path: string, line: number, why: string) => `${path} บรรทัด ${line}: ${why}`,
  failedLine: (no: number, sheet: string, why: string) => `ชีตที่ ${no} (${sheet}): ${why}`,
  done: (ok: number, failed: number) => `สรุปแล้ว ${ok} หน่วยงาน อ่านไม่ได้ ${failed} ชีต`,
  stats: (seconds: string, requests: number, peakMb: string, retainedMb: string | null) =>
    `อ่านชีตใช้เวลา ${seconds} วินาที ส่งคำขอถึง Google ${requests} ครั้ง (รวมการขอโทเค็นและการลองใหม่) หน่วยความจำ heap สูงสุดระหว่างอ่าน ${peakMb} MB${
      retainedMb === null ? '' : ` คงอยู่หลังเก็บกวาด (GC) ${retainedMb} MB`
    }`,
} as const;

// ---------------------------------------------------------------- division tabs (sync)
export const SYNC = {
  archiveNotResponsible: (key: string) =>
    `หน่วยงานไม่ได้รับผิดชอบรายการ ${key} แล้ว (มาตรการหรือกำหนดการถูกลบหรือเปลี่ยนผู้รับผิดชอบ)`,
  archiveDuplicate: (key: string) => `รหัสรายการ ${key} ซ้ำในแท็บเดียวกัน — เก็บแถวแรกไว้ แถวนี้ย้ายมาเก็บ`,
  archiveNoKey: 'แถวไม่มีรหัสรายการ — ย้ายมาเก็บเพื่อไม่ให้ข้อมูลที่กรอกไว้หาย',
  archiveDivisionGone: (tab: string) => `ไม่มีหน่วยงานที่ใช้แท็บ "${tab}" แล้ว (หน่วยงานถูกลบหรือเปลี่ยนชื่อ)`,
  tabSummary: (tab: string, rows: number, created: boolean) =>
    `แท็บ "${tab}": ${rows} รายการ${created ? ' (สร้างใหม่)' : ''}`,
  archivedSummary: (rows: number) => `ย้าย ${rows} แถวที่ไม่อยู่ในความรับผิดชอบแล้วไปเก็บที่แท็บ "${TAB.archive}"`,
  orphanRemoved: (tab: string) => `ลบแท็บ "${tab}" (ไม่มีหน่วยงานใช้แล้ว ข้อมูลย้ายไปเก็บที่แท็บ "${TAB.archive}")`,
} as const;

// ---------------------------------------------------------------- the managed sheet (Apps Script: setup, sync, protections, onEdit, validate-all, dashboard)
/** Setup "ตั้งค่าระบบ": the example-data question, data-validation help texts, the summary. */
export const SETUP = {
  action: 'ตั้งค่าระบบ',
  askExample:
    'ต้องการใส่ข้อมูลตัวอย่าง (มาตรการของเทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖) ลงในแท็บที่ยังว่างอยู่หรือไม่?\n' +
    'กด "ใช่" เพื่อใส่ข้อมูลตัวอย่าง หรือ "ไม่" เพื่อเริ่มจากตารางเปล่า (แท็บที่มีข้อมูลแล้วจะไม่ถูกแก้ไข)',
  help: {
    area: 'เลือกด้าน IIT, EIT หรือ OIT จากรายการ',
    status: `เลือกสถานะจากรายการ: ${STATUS_LABEL.not_started}, ${STATUS_LABEL.in_progress} หรือ ${STATUS_LABEL.done}`,
    round: 'เลือกรอบ 6 หรือ 12 จากรายการ',
    date: 'กรอกวันที่ (ปี ค.ศ.) เช่น 31/3/2023 หรือเลือกจากปฏิทิน (ดับเบิลคลิกที่ช่อง)',
    url: 'วางลิงก์หลักฐานที่ขึ้นต้นด้วย https://',
    division: `เลือกหน่วยงานจากรายการ (รายชื่อจากแท็บ "${TAB.divisions}") หรือเว้นว่าง`,
    integer: 'กรอกจำนวนเต็มตั้งแต่ 0 ขึ้นไป เป็นเลขอารบิก',
    fiscalYear: 'กรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2566 (เลขอารบิก)',
    numerals: `เลือก ${NUMERALS_LABEL.thai} หรือ ${NUMERALS_LABEL.arabic}`,
  },
  protectFixed: (tab: string) => `แท็บ "${tab}": แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  protectDivision: (tab: string) => `แท็บ "${tab}": คอลัมน์ที่ระบบสร้าง แก้ไขได้เฉพาะผู้ดูแลระบบ`,
  /** the same text on every division tab: sync finds its own range protections by it, also after a rename */
  protectDivisionEditable: 'สถานะ ผลการดำเนินการ หลักฐาน และเวลาแก้ไข: แก้ไขได้เฉพาะบัญชีผู้แก้ไขของหน่วยงานนี้และผู้ดูแลระบบ',
  createdTabs: (tabs: readonly string[]) => `สร้างแท็บ: ${tabs.join(', ')}`,
  nothingCreated: 'แท็บครบอยู่แล้ว ไม่ได้สร้างแท็บใหม่',
  exampleLoaded: (tabs: number) => `ใส่ข้อมูลตัวอย่างใน ${tabs} แท็บที่ยังว่าง`,
  triggerReady: 'ตั้งเวลาส่งอีเมลแจ้งเตือนทุกวัน เวลา 08:00 น. แล้ว',
  done: 'ตั้งค่าระบบเรียบร้อย: ตั้งค่าการตรวจสอบข้อมูล การป้องกันแท็บ และแดชบอร์ดแล้ว',
} as const;

/** Menu "ปรับปรุงแท็บหน่วยงาน" in Apps Script (the CLI uses SYNC). */
export const SYNC_MENU = {
  action: 'ปรับปรุงแท็บหน่วยงาน',
  title: 'ปรับปรุงแท็บหน่วยงานเรียบร้อย',
  noDivisions: `ยังไม่มีหน่วยงานในแท็บ "${TAB.divisions}" — เพิ่มหน่วยงานแล้วสั่งปรับปรุงอีกครั้ง`,
  renamed: (from: string, to: string) => `เปลี่ยนชื่อแท็บ "${from}" เป็น "${to}" (ข้อมูลที่กรอกไว้ยังอยู่ครบ)`,
} as const;

/** Problem marks on cells (onEdit and "ตรวจสอบข้อมูล"): the note text and colours. */
export const MARK = {
  /** first line of every note the tracker writes; a note starting so is the tracker's and may be cleared */
  prefix: '⚠ ระบบตรวจสอบข้อมูล',
  note: (lines: readonly string[]) => `⚠ ระบบตรวจสอบข้อมูล\n${lines.join('\n')}`,
  line: (severity: 'error' | 'warning', message: string) => `${SEVERITY_LABEL[severity]}: ${message}`,
  /** colours as Sheets reports them (lower case) */
  errorColour: '#f4cccc',
  warningColour: '#fff2cc',
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

/** The dashboard tab "แดชบอร์ด". */
export const DASHBOARD = {
  title: 'แดชบอร์ดติดตามมาตรการ ITA',
  asOf: (date: string, fiscalYear: string, round: string) =>
    `ข้อมูล ณ วันที่ ${date} ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  byDivision: 'สถานะตามหน่วยงาน (จำนวนรายการ)',
  byDivisionArea: 'สถานะตามหน่วยงานและด้าน (จำนวนรายการ)',
  division: 'หน่วยงาน',
  area: 'ด้าน',
  total: 'รวม',
  overdue: 'เกินกำหนด',
  allTotal: 'รวมทุกหน่วยงาน',
  overdueTotal: (date: string) => `รายการที่เกินกำหนดและยังไม่ดำเนินการแล้วเสร็จ ณ วันที่ ${date}`,
  lastReport: 'รายงานล่าสุด',
  reportLabel: (fiscalYear: string, round: string) => `ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  noReport: 'ยังไม่มีรายงาน',
  chartTitle: 'สถานะการดำเนินการตามหน่วยงาน',
} as const;

// ---------------------------------------------------------------- init, import, demo (Node)
export const INIT = {
  exists: (path: string) => `มีไฟล์ ${path} อยู่แล้ว — ใช้ --force ถ้าต้องการเขียนทับ`,
  createdExample: (path: string) => `สร้างสมุดงาน ${path} จากแม่แบบพร้อมข้อมูลตัวอย่างแล้ว`,
  createdEmpty: (path: string) => `สร้างสมุดงานเปล่า ${path} จากแม่แบบแล้ว`,
} as const;

export const IMPORT_CLI = {
  warning: (line: number, message: string) => `คำเตือน บรรทัด ${line}: ${message}`,
  nothingFound: (path: string) => `ไม่พบตารางมาตรการในไฟล์ ${path} — ตรวจสอบว่าเป็นรายงานรูปแบบเดียวกับตัวอย่าง`,
  summary: (measures: number, divisions: number, filled: number, kept: number) =>
    `นำเข้า ${measures} มาตรการ ${divisions} หน่วยงาน ใส่ผลการดำเนินการ ${filled} รายการ` +
    (kept ? ` (ไม่เขียนทับผลที่หน่วยงานกรอกไว้แล้ว ${kept} รายการ)` : ''),
  archived: (rows: number) => `ย้าย ${rows} แถวที่ไม่อยู่ในรายงานนี้ไปเก็บที่แท็บ "${TAB.archive}"`,
} as const;

export const DEMO = {
  step: (n: number, text: string) => `[${n}] ${text}`,
  creating: (path: string) => `สร้างสมุดงานตัวอย่าง ${path} (เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน)`,
  validating: 'ตรวจสอบข้อมูลทั้งสมุดงาน',
  reporting: (dir: string) => `เขียนรายงานลงใน ${dir}`,
  noPdf: 'ไม่ได้สร้าง PDF เพราะไม่พบ LibreOffice (soffice) — ติดตั้ง libreoffice-writer-nogui fonts-thai-tlwg',
  next: (path: string) => `เสร็จแล้ว — เปิด ${path} แก้ไข แล้วลอง: node build/cli.js validate ${path}`,
} as const;

// ---------------------------------------------------------------- validation and parsing
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
  tooLong: (length: number, max: number) => `ข้อความยาว ${length} ตัวอักษร เกินที่ Google Sheets รับได้ (${max}) — ตัดให้สั้นลง`,
  reservedTabName: (name: string) =>
    `ชื่อหน่วยงาน "${name}" ซ้ำกับชื่อแท็บของระบบ — แท็บของหน่วยงานใช้ชื่อหน่วยงาน จึงต้องตั้งชื่ออื่น (ระบบจะไม่สร้างแท็บให้จนกว่าจะแก้)`,
  excelTabName: (name: string, max: number) =>
    `ชื่อหน่วยงาน "${name}" ยาวเกิน ${max} ตัวอักษรหรือมีอักขระ * ? : \\ / [ ] ซึ่ง Excel ใช้เป็นชื่อแท็บไม่ได้ — ใช้ได้ใน Google Sheets แต่ไฟล์ .xlsx จะบันทึกไม่ได้ ควรย่อชื่อ`,
  noNotifyEmail: (name: string) => `หน่วยงาน "${name}" ยังไม่มีอีเมลรับแจ้งเตือน — กรอกอย่างน้อยหนึ่งอีเมล`,
  noMeasures: () => `ยังไม่มีมาตรการในแท็บ "${TAB.measures}" — เพิ่มมาตรการอย่างน้อยหนึ่งรายการ`,
  fiscalYearCE: (year: number, be: number) => `ปีงบประมาณ ${year} เป็นปี ค.ศ. — กรอกเป็นปี พ.ศ. เช่น ${be}`,
  badNumerals: (value: string) => `"${value}" ไม่ถูกต้อง — เลือก ${NUMERALS_LABEL.thai} หรือ ${NUMERALS_LABEL.arabic}`,
  unknownSetting: (key: string) => `ไม่รู้จักการตั้งค่า "${key}" — ตรวจสอบรหัสในคอลัมน์ "${HEADER.settingKey}"`,
} as const;

export const SEVERITY_LABEL = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' } as const;

/** One problem as a user reads it: "ข้อผิดพลาด มาตรการ!C4: …" */
export const formatProblem = (p: { severity: 'error' | 'warning'; tab: string; cell: string; message: string }) =>
  `${SEVERITY_LABEL[p.severity]} ${p.tab}${p.cell ? `!${p.cell}` : ''}: ${p.message}`;

// ---------------------------------------------------------------- report (model, documents, menu, CLI)
/** Text cut to about `max` characters at a space (never inside a Thai syllable), with "…" when cut. */
const shortText = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  let end = space > max / 2 ? space : max;
  while (end < text.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(text[end])) end++;
  return `${text.slice(0, end).trimEnd()}…`;
};

/**
 * The report's wording (format of the seed report, DESIGN §6). Numbers arrive already written in
 * the agency's numerals. The table's column headers are the schema's measure headers (HEADER)
 * plus the result column, which the importer reads by the same word (IMPORT.word.resultHeader).
 */
export const REPORT = {
  pdfFlagsClash: 'ใช้ --pdf และ --no-pdf พร้อมกันไม่ได้',
  title: 'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  roundLine: (fiscalYear: string, round: string, months: string) =>
    `ประจำปีงบประมาณ พ.ศ. ${fiscalYear} รอบ ${round} เดือน (${months})`,
  /** prefixes added when the settings give a bare district / province name */
  districtPrefixes: ['อำเภอ', 'เขต', 'กิ่งอำเภอ'],
  districtPrefix: 'อำเภอ',
  provincePrefixes: ['จังหวัด', 'กรุงเทพมหานคร'],
  provincePrefix: 'จังหวัด',
  heading: (agency: string, fiscalYear: string) =>
    `มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${agency} ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
  intro: (previousFiscalYear: string, agency: string) =>
    `จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${previousFiscalYear} นำมาสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ${agency} ดังนี้`,
  areaHeading: (number: string, area: string) => `${number}. ด้าน ${area}`,
  /** the result cell when no division reported */
  noResult: '-',
  /** a division's result when several divisions share a measure */
  divisionResult: (division: string, text: string) => `${division}: ${text}`,
  /** file name / page title of the document */
  documentName: (agency: string, fiscalYear: string, round: string) =>
    `รายงานมาตรการ ITA ${agency} ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  measureLabel: (id: string, issue: string) => `มาตรการ ${id} "${shortText(issue, 40)}"`,
  warnNoResult: (measure: string, round: string) =>
    `${measure}: ยังไม่มีหน่วยงานใดกรอกผลการดำเนินการรอบ ${round} เดือน — ในรายงานแสดงเป็น "-"`,
  warnDivisionMissing: (division: string, measure: string, round: string) =>
    `${division} ยังไม่ได้กรอกผลการดำเนินการรอบ ${round} เดือน ของ${measure} (หน่วยงานอื่นกรอกแล้ว)`,
  warnNoMeasures: 'ยังไม่มีมาตรการ — รายงานมีเฉพาะส่วนหัว',
  // Apps Script menu "สร้างรายงาน"
  busy: 'มีการสร้างรายงานหรืองานอื่นของระบบกำลังทำงานอยู่ — รอสักครู่แล้วลองใหม่',
  blockedTitle: 'สร้างรายงานไม่ได้: ข้อมูลในชีตมีข้อผิดพลาด',
  blockedIntro: (count: number) => `พบข้อผิดพลาด ${count} รายการ แก้ไขแล้วสร้างรายงานใหม่ (ยังไม่ได้เขียนหรือเผยแพร่สิ่งใด)`,
  doneTitle: 'สร้างรายงานเรียบร้อย',
  doneIntro: (fiscalYear: string, round: string) =>
    `รายงานปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน เขียน บันทึก PDF และเผยแพร่แล้ว`,
  linkDoc: 'เปิดเอกสาร Google Docs',
  linkPublished: 'ลิงก์เผยแพร่สาธารณะ (ไม่เปลี่ยนตลอดปีงบประมาณและรอบนี้)',
  linkPdf: 'ไฟล์ PDF',
  warningsHeader: 'คำเตือน',
  moreWarnings: (count: number) => `…และคำเตือนอีก ${count} รายการ`,
  failed: (why: string) => `สร้างรายงานไม่สำเร็จ: ${why} — รายงานที่เผยแพร่ไว้เดิมและทะเบียนรายงานยังเหมือนเดิม ลองใหม่อีกครั้ง`,
  errorsTitle: 'สร้างรายงานไม่สำเร็จ',
  folderName: 'รายงานมาตรการ ITA',
  docReplaced: (oldId: string) =>
    `เปิดเอกสารรายงานเดิม (${oldId}) ไม่ได้ — อาจถูกลบหรือย้ายสิทธิ์ ระบบสร้างเอกสารใหม่ให้ ลิงก์เผยแพร่ของรอบนี้จึงเปลี่ยน แจ้งผู้ที่ใช้ลิงก์เดิมด้วย`,
  servicesMissing:
    'ยังไม่ได้เปิดบริการขั้นสูง Drive API (v3) และ Google Docs API (v1) ของสคริปต์ — เปิดในโปรแกรมแก้ไข Apps Script (บริการ) แล้วลองใหม่',
  // CLI `report`
  pdfMissing:
    'ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ — ติดตั้ง LibreOffice (เช่น sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg) แล้วลองใหม่',
  pdfFailed: (why: string) => `แปลงเป็น PDF ไม่สำเร็จ: ${why}`,
  badRound: (value: string) => `รอบ "${value}" ไม่ถูกต้อง — ใช้ --round 6 หรือ --round 12`,
  blockedCli: 'สร้างรายงานไม่ได้ เพราะข้อมูลในสมุดงานมีข้อผิดพลาดข้างต้น — ยังไม่ได้เขียนไฟล์ใด',
  warningsCount: (count: number) => `คำเตือน ${count} รายการ:`,
} as const;

// ---------------------------------------------------------------- report importer
/**
 * The report importer: the words it recognises in a report in the seed's text format (kept here
 * because they are Thai wording, not code) and every warning it gives. Warnings name the line.
 */
export const IMPORT = {
  word: {
    reportTitle: 'รายงาน',
    fiscalYear: 'ประจำปีงบประมาณ',
    buddhistEra: 'พ.ศ.',
    round: 'รอบ',
    month: 'เดือน',
    area: 'ด้าน',
    /** heading "มาตรการ…ของ<agency> ประจำปีงบประมาณ พ.ศ. …" */
    measures: 'มาตรการ',
    of: 'ของ',
    district: ['อำเภอ', 'เขต'],
    province: ['จังหวัด', 'กรุงเทพมหานคร'],
    /** a prose line, not a title line */
    prose: ['ดังนี้', 'จากการ'],
    /** the report's last column */
    resultHeader: 'การดำเนินการ',
  },
  /** how Thai division names begin: a responsible cell whose every word begins so lists several divisions */
  divisionKinds: ['สำนัก', 'กอง', 'ฝ่าย', 'งาน', 'ส่วน', 'ศูนย์', 'หน่วย'],
  /** stable ASCII codes for divisions most Thai local agencies have (matched by name prefix) */
  knownDivisions: [
    ['สำนักปลัด', 'PALAD'],
    ['กองคลัง', 'FINANCE'],
    ['กองช่าง', 'ENGINEERING'],
    ['กองการศึกษา', 'EDUCATION'],
    ['กองสาธารณสุข', 'HEALTH'],
    ['กองสวัสดิการสังคม', 'WELFARE'],
    ['กองยุทธศาสตร์และงบประมาณ', 'STRATEGY'],
    ['กองวิชาการและแผนงาน', 'PLANNING'],
    ['กองการเจ้าหน้าที่', 'PERSONNEL'],
    ['กองส่งเสริมการเกษตร', 'AGRICULTURE'],
    ['หน่วยตรวจสอบภายใน', 'AUDIT'],
  ] as ReadonlyArray<readonly [string, string]>,
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
