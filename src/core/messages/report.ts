// The round's report: its wording (core builds the model; Google Doc, .docx and HTML lay it out), the
// Apps Script menu "สร้างรายงาน", and the report command's own messages (REPORT_CLI, Node only).

/**
 * Words of the report's format that the importer reads back (src/core/importer.ts) and the report
 * prints: the result column's header and the words of the title block.
 */
export const REPORT_WORD = {
  reportTitle: 'รายงาน',
  fiscalYear: 'ประจำปีงบประมาณ',
  buddhistEra: 'พ.ศ.',
  round: 'รอบ',
  month: 'เดือน',
  area: 'ด้าน',
  /** heading "มาตรการ…ของ<agency> ประจำปีงบประมาณ พ.ศ. …" */
  measures: 'มาตรการ',
  of: 'ของ',
  /** a prose line, not a title line */
  prose: ['ดังนี้', 'จากการ'],
  /** the report's last column */
  resultHeader: 'การดำเนินการ',
} as const;

/**
 * The report's wording (format of the seed report, docs/design.md §6). Numbers arrive already written in
 * the agency's numerals. The table's column headers are the schema's measure headers (HEADER)
 * plus the result column, which the importer reads by the same word (REPORT_WORD.resultHeader).
 */
export const REPORT = {
  roundLine: (fiscalYear: string, round: string, months: string) =>
    `ประจำปีงบประมาณ พ.ศ. ${fiscalYear} รอบ ${round} เดือน (${months})`,
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
  documentName: (code: string, agency: string, fiscalYear: string, round: string) =>
    `${code ? `${code} ` : ''}รายงานมาตรการ ITA ${agency} ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  /** issue: already cut short by the caller */
  measureLabel: (id: string, issue: string) => `มาตรการ ${id} "${issue}"`,
  warnNoResult: (measure: string, round: string) =>
    `${measure}: ยังไม่มีหน่วยงานใดกรอกผลการดำเนินการรอบ ${round} เดือน — ในรายงานแสดงเป็น "-"`,
  warnDivisionMissing: (division: string, measure: string, round: string) =>
    `${division} ยังไม่ได้กรอกผลการดำเนินการรอบ ${round} เดือน ของ${measure} (หน่วยงานอื่นกรอกแล้ว)`,
  warnNoMeasures: 'ยังไม่มีมาตรการ — รายงานมีเฉพาะส่วนหัว',
  // Apps Script menu "สร้างรายงาน"
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
} as const;

/** The `report` command's own messages (Node only, left out of the Apps Script bundle). */
export const REPORT_CLI = {
  pdfFlagsClash: 'ใช้ --pdf และ --no-pdf พร้อมกันไม่ได้',
  pdfMissing:
    'ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ — ติดตั้ง LibreOffice (เช่น sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg) แล้วลองใหม่',
  pdfFailed: (why: string) => `แปลงเป็น PDF ไม่สำเร็จ: ${why}`,
  badRound: (value: string) => `รอบ "${value}" ไม่ถูกต้อง — ใช้ --round 6 หรือ --round 12`,
  badYear: (value: string) => `ปีงบประมาณ "${value}" ไม่ถูกต้อง — ใช้ปี พ.ศ. สี่หลัก เช่น --year 2567`,
  blockedCli: 'สร้างรายงานไม่ได้ เพราะข้อมูลในสมุดงานมีข้อผิดพลาดข้างต้น — ยังไม่ได้เขียนไฟล์ใด',
  warningsCount: (count: number) => `คำเตือน ${count} รายการ:`,
  recorded: (workbook: string) => `บันทึกในแท็บ ทะเบียนรายงาน ของ ${workbook} แล้ว (ita-tracker index จะแสดงในหน้าเผยแพร่)`,
} as const;
