// The workbook's own names: tabs, column headers, status and numeral labels, the settings' labels.
// The schema (src/core/schema.ts) builds the tabs from these.

export const TAB = {
  settings: 'ตั้งค่า',
  divisions: 'หน่วยงาน',
  measures: 'มาตรการ',
  milestones: 'กำหนดการ',
  dashboard: 'แดชบอร์ด',
  reports: 'ทะเบียนรายงาน',
  emailLog: 'บันทึกอีเมล',
  archive: 'คลังข้อมูล',
  holidays: 'วันหยุด',
  roundSnapshot: 'ผลที่ปิดรอบแล้ว',
  roundLog: 'บันทึกการปิดรอบ',
  itaResults: 'ผลการประเมิน ITA',
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
  divisionLine: 'กลุ่ม LINE (จับคู่ด้วยรหัส)',
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
  // reports register: the approval on record (issue 13), after the columns above
  docKind: 'ประเภทเอกสาร',
  approvalStatus: 'สถานะการอนุมัติ',
  memoUrl: 'ลิงก์บันทึกข้อความ',
  approver: 'ผู้อนุมัติ',
  approvedAt: 'อนุมัติเมื่อ',
  approvalComment: 'ความเห็นผู้บริหาร',
  // last year's ITA results
  itaYear: 'ปีที่ประเมิน (พ.ศ.)',
  itaTool: 'เครื่องมือ',
  itaIndicator: 'ตัวชี้วัดที่',
  itaIndicatorName: 'ตัวชี้วัด',
  itaScore: 'คะแนน',
  itaAnalysis: 'ข้อวิเคราะห์/แนวทางปรับปรุง',
  // e-mail log
  sentAt: 'เวลา',
  logDivision: 'หน่วยงาน',
  recipients: 'ผู้รับ',
  items: 'รายการ',
  stage: 'ขั้น',
  outcome: 'ผล',
  subject: 'หัวเรื่อง',
  channel: 'ช่องทาง',
  // archive
  archivedAt: 'ย้ายเมื่อ',
  archivedFrom: 'แท็บเดิม',
  archivedKey: 'รหัสรายการ',
  archivedReason: 'เหตุผล',
  archivedRow: 'ข้อมูลเดิม (JSON)',
  // holidays
  holidayDate: 'วันที่',
  holidayName: 'ชื่อวันหยุด',
  // closed rounds: the snapshot and the log
  snapshotResult: 'ผลการดำเนินการ',
  closedAt: 'ปิดรอบเมื่อ',
  closedBy: 'ปิดรอบโดย',
  loggedAt: 'เวลา',
  loggedBy: 'ผู้ดำเนินการ',
  logAction: 'การดำเนินการ',
  logReason: 'เหตุผล',
  logRows: 'จำนวนแถวที่ปิด',
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
  executivesLine: [
    'กลุ่ม LINE ของผู้บริหาร (จับคู่ด้วยรหัส)',
    'ระบบกรอกให้เมื่อจับคู่กลุ่ม LINE — ลบค่าเพื่อเลิกส่งทาง LINE (อีเมลยังส่งตามปกติ)',
  ],
  reminderOffsets: ['แจ้งเตือนล่วงหน้า (วัน)', 'เช่น 14, 7, 1'],
  overdueRepeatDays: ['แจ้งซ้ำเมื่อเกินกำหนดทุก (วัน)', 'ค่าเริ่มต้น 7'],
  escalateAfterDays: ['แจ้งผู้บริหารเมื่อเกินกำหนดเกิน (วัน)', 'ค่าเริ่มต้น 7'],
  numerals: ['ตัวเลขในรายงาน', 'เลขไทย หรือ เลขอารบิก'],
  reportFont: ['แบบอักษรรายงาน', 'ค่าเริ่มต้น Sarabun'],
  reportFontSize: ['ขนาดอักษรรายงาน (พอยต์)', 'ค่าเริ่มต้น 16'],
  reportFolderId: ['โฟลเดอร์รายงาน (Google Drive)', 'ระบบตั้งให้เองเมื่อตั้งค่าระบบ'],
  itaItemCodes: ['รหัสข้อ ITA', 'เว้นว่าง: ตามกรอบการประเมิน ITA ของปี (เช่น O42, O43 หรือ O25, O26)'],
  itaFramework: [
    'กรอบการประเมิน ITA',
    'เว้นว่าง: เลือกตามปีงบประมาณ — หรือกรอก 2564, 2568, 2569, 2570 (ชื่อเอกสาร รหัสข้อ และรอบรายงานตามกรอบนั้น)',
  ],
  divisionDigestDay: ['วันส่งสรุปรายการค้างของหน่วยงาน', 'วันที่ส่งรายการค้างซ้ำทุกสัปดาห์ เช่น จันทร์ (ตรงวันหยุดเลื่อนเป็นวันทำการถัดไป)'],
  dueSoonDays: ['รวมรายการที่ใกล้ครบกำหนดภายใน (วัน)', 'อีเมลฉบับเดียวแจ้งทุกรายการที่ครบกำหนดภายในกี่วัน 1–14 ค่าเริ่มต้น 7'],
  executiveSummaryDay: ['วันส่งสรุปถึงผู้บริหาร', 'วันที่ส่งสรุปทุกสัปดาห์ เช่น จันทร์ (ส่งเมื่อมีงานเกินกำหนด)'],
  itaPassMark: ['เกณฑ์ผ่านการประเมิน ITA (คะแนน)', 'ค่าเริ่มต้น 85'],
  executiveTitle: ['ตำแหน่งผู้บริหาร (เรียน)', 'เช่น นายกเทศมนตรีตำบลปรุใหญ่'],
  memoUnit: ['ส่วนราชการ (บันทึกข้อความ)', 'เช่น สำนักปลัด เทศบาลตำบลปรุใหญ่ โทร. 0 4400 0000'],
  memoNumberPrefix: ['ที่ (บันทึกข้อความ)', 'เช่น นม ๕๒๒๐๑/'],
  proposerName: ['ชื่อผู้เสนอ', 'เช่น (นางสาวสมใจ ใจดี)'],
  proposerPosition: ['ตำแหน่งผู้เสนอ', 'เช่น ปลัดเทศบาลตำบลปรุใหญ่'],
  garudaImageId: ['ภาพครุฑ (รหัสไฟล์ใน Google Drive)', 'ว่างได้ — เว้นที่ไว้ ๑.๕ ซม.'],
  publishAfterApproval: ['เผยแพร่หลังผู้บริหารอนุมัติ', 'ใช่ หรือ ไม่ใช่ (ค่าเริ่มต้น ไม่ใช่)'],
  planAnalysis: [
    'มาตรการมีผลวิเคราะห์ ITA',
    'ใช่ หรือ ไม่ใช่ — ไม่ใช่: สร้างมาตรการโดยไม่มีส่วนวิเคราะห์ผลการประเมิน (เมื่อยังไม่มีคะแนนของปีก่อน)',
  ],
} as const;
