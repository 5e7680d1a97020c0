// The measures plan (มาตรการประจำปี), last year's ITA analysis, the memo to the executive (บันทึกข้อความ)
// and the approval on record (issue 13): document wording, menu dialogs, validation and CLI messages.

import { MENU } from './menu';

export const PLAN = {
  fiscalYearLine: (fy: string) => `ประจำปีงบประมาณ พ.ศ. ${fy}`,
  documentName: (code: string, agency: string, fy: string) =>
    `${code ? `${code} ` : ''}มาตรการส่งเสริมคุณธรรมและความโปร่งใส ${agency} ปีงบประมาณ ${fy}`,
  intro: (prevFy: string, agency: string) =>
    `จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ${prevFy} นำมาสู่ข้อเสนอแนะเพื่อการปรับปรุงและพัฒนาการดำเนินงานของ${agency} จึงได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ดังนี้`,
  analysisHeading: (num: string, year: string) => `${num}. ผลการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${year}`,
  overallLine: (score: string, pass: string, verdict: string) =>
    `คะแนนรวม ${score} คะแนน (เกณฑ์ผ่าน ${pass} คะแนน) ${verdict}`,
  passed: 'ผ่านเกณฑ์',
  notPassed: 'ไม่ผ่านเกณฑ์',
  /** the intro of a plan without the analysis (the setting มาตรการมีผลวิเคราะห์ ITA = ไม่ใช่) */
  introNoAnalysis: (agency: string) =>
    `เพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของ${agency} จึงได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ดังนี้`,
  analysisColumns: ['เครื่องมือ/ตัวชี้วัด', 'คะแนน', 'ห่างจากเกณฑ์', 'ผล', 'ข้อวิเคราะห์/แนวทางปรับปรุง', 'มาตรการที่ดำเนินการ'],
  /** the measures cell of a weak indicator no measure addresses (validate warns at its row) */
  noMeasure: '-',
  toolRow: (tool: string) => `เครื่องมือ ${tool}`,
  indicatorLabel: (n: string, name: string) => `${n}. ${name}`,
  flagWeak: 'ต่ำกว่าเกณฑ์',
  flagOk: 'ผ่าน',
  weakDefault: (name: string) => `ตัวชี้วัด${name} ต่ำกว่าเกณฑ์ ควรกำหนดมาตรการปรับปรุง`,
  weakSummary: (count: string) => `ตัวชี้วัดที่ต่ำกว่าเกณฑ์ ${count} ตัวชี้วัด เรียงจากคะแนนต่ำสุด:`,
  measuresHeading: (num: string) => `${num}. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน`,
  /** the ประกาศ form (the setting ท้ายมาตรการประจำปี = ประกาศ): its title lines */
  announcementTitle: (agency: string) => `ประกาศ${agency}`,
  announcementSubject: (title: string, fy: string) => `เรื่อง ${title} ประจำปีงบประมาณ พ.ศ. ${fy}`,
  announcementDate: 'ประกาศ ณ วันที่ .......... เดือน ................................ พ.ศ. ..............',
  /** the executive's signature block that ends the plan */
  signatureLine: 'ลงชื่อ ..................................................',
  signatureDate: 'วันที่ .......... เดือน ................................ พ.ศ. ..............',
  nameDots: '(..................................................)',
  menuDone: (fy: string) => `สร้างมาตรการประจำปีงบประมาณ ${fy} แล้ว`,
  /** the titles of the menu's dialogs: the plan's own, never the report's */
  doneTitle: 'สร้างมาตรการประจำปีเรียบร้อย',
  blockedTitle: 'สร้างมาตรการประจำปีไม่ได้: ข้อมูลในชีตมีข้อผิดพลาด',
  blockedIntro: (count: number) => `พบข้อผิดพลาด ${count} รายการ แก้ไขแล้วลองใหม่ (ยังไม่ได้เขียนหรือเผยแพร่สิ่งใด)`,
  failedTitle: 'สร้างมาตรการประจำปีไม่สำเร็จ',
  failed: (why: string) =>
    `สร้างมาตรการประจำปีไม่สำเร็จ: ${why} — มาตรการที่เผยแพร่ไว้เดิมและทะเบียนรายงานยังเหมือนเดิม ลองใหม่อีกครั้ง`,
  menuDoneNotPublished: (fy: string) =>
    `สร้างมาตรการประจำปีงบประมาณ ${fy} และเก็บ PDF แล้ว — จะเผยแพร่เมื่อบันทึกการอนุมัติของผู้บริหาร`,
} as const;

export const MEMO = {
  heading: 'บันทึกข้อความ',
  unitLabel: 'ส่วนราชการ',
  numberLabel: 'ที่',
  dateLabel: 'วันที่',
  subjectLabel: 'เรื่อง',
  toLabel: 'เรียน',
  documentName: (subject: string) => `บันทึกข้อความ ${subject}`,
  subjectPlan: (fy: string) => `ขออนุมัติเผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fy}`,
  subjectReport: (fy: string, round: string) =>
    `ขออนุมัติเผยแพร่รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน รอบ ${round} เดือน ประจำปีงบประมาณ พ.ศ. ${fy}`,
  bodyPlan: (agency: string, fy: string, prevFy: string, count: string) =>
    `ตามที่${agency}ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${prevFy} และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fy} จำนวน ${count} มาตรการ รายละเอียดตามเอกสารที่แนบ`,
  bodyReport: (agency: string, fy: string, round: string, count: string) =>
    `ตามที่${agency}ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fy} จำนวน ${count} มาตรการ บัดนี้ได้จัดทำรายงานผลการดำเนินการรอบ ${round} เดือนแล้ว รายละเอียดตามเอกสารที่แนบ`,
  /** the report memo's one count: measures with a division's result in the report, and those without */
  counts: (round: string, measures: string, reported: string, missing: string) =>
    `รายงานผลรอบ ${round} เดือน มีมาตรการ ${measures} มาตรการ รายงานผลการดำเนินการแล้ว ${reported} มาตรการ ยังไม่มีผล ${missing} มาตรการ`,
  link: (url: string) => `เอกสารฉบับเต็ม: ${url}`,
  noLink: 'เอกสารฉบับเต็ม: แนบท้ายบันทึกนี้',
  proposal: 'จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติให้เผยแพร่ทางเว็บไซต์ของหน่วยงาน',
  opinionHeading: 'ความเห็นผู้บริหาร',
  // the boxes are brackets: the document's Thai font has them (it has no ☐, which came from a third font)
  optAcknowledge: '(   ) ทราบ',
  optApprove: '(   ) อนุมัติให้เผยแพร่',
  optOther: '(   ) อื่น ๆ',
  signatureLine: 'ลงชื่อ ....................................................',
  signatureDate: 'วันที่ ........./........................./.............',
  dots: '..................................................',
} as const;

/** The register's approval status: ร่าง → เสนอแล้ว → อนุมัติแล้ว → เผยแพร่แล้ว. */
export const APPROVAL_STATUS = {
  draft: 'ร่าง',
  proposed: 'เสนอแล้ว',
  approved: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
} as const;

export const DOC_KIND = { report: 'รายงาน', plan: 'มาตรการ' } as const;

/** What each document flow is called in dialogs and e-mails ("รับคำขอ…แล้ว", "… เสร็จแล้ว"). */
export const DOCUMENT_LABEL = {
  report: 'สร้างรายงาน ITA',
  plan: 'สร้างมาตรการประจำปี',
  memo: 'สร้างบันทึกข้อความเสนอผู้บริหาร',
  publish: 'เผยแพร่เอกสารที่ผู้บริหารอนุมัติ',
  approve: 'บันทึกการอนุมัติของผู้บริหาร',
} as const;

export const YES_NO = { yes: 'ใช่', no: 'ไม่ใช่' } as const;

/** The setting ท้ายมาตรการประจำปี: the executive's signature block, or a ประกาศ form. */
export const PLAN_CLOSING_LABEL = { signature: 'ลงนาม', announcement: 'ประกาศ' } as const;

/** The setting เลขหน้า (src/core/document.ts PageNumberPosition, or none). */
export const PAGE_NUMBERS_LABEL = {
  'top-center': 'บนกลาง',
  'bottom-center': 'ล่างกลาง',
  'bottom-end': 'ล่างขวา',
  none: 'ไม่ใส่',
} as const;

/** Across every page of a document built from the example's data (the setting ข้อมูลตัวอย่าง, the ITA rows marked). */
export const SAMPLE_BANNER = 'ตัวอย่าง — ไม่ใช่ข้อมูลจริง';

/** Why a document setting is not understood (a warning at the cell; the default is used). */
export const DOCUMENT_SETTING_V = {
  badChoice: (value: string, choices: readonly string[], used: string) =>
    `"${value}" ไม่ใช่ค่าที่ใช้ได้ (${choices.join(', ')}) — ใช้ ${used} แทน`,
} as const;

export const APPROVAL = {
  noExecutive: (tab: string, cell: string) =>
    `ยังไม่ได้ระบุตำแหน่งผู้บริหาร (เรียน) ในแท็บ ${tab} เซลล์ ${cell} — กรอกก่อนเสนอผู้บริหาร`,
  noDocument: 'ยังไม่มีเอกสารในทะเบียนรายงานที่เสนอผู้บริหารแล้ว — ใช้เมนู "เสนอผู้บริหาร" ก่อน',
  pick: (items: string) => `เลือกเอกสารที่จะบันทึกการอนุมัติ (พิมพ์หมายเลข):\n${items}`,
  commentPrompt: 'ความเห็นผู้บริหาร (เว้นว่างได้)',
  badPick: (value: string) => `"${value}" ไม่ใช่หมายเลขในรายการ — ไม่ได้บันทึกอะไร`,
  done: (what: string) => `บันทึกการอนุมัติ "${what}" แล้ว`,
  donePublished: (what: string, url: string) => `บันทึกการอนุมัติ "${what}" และเผยแพร่แล้วที่ ${url}`,
  memoBlockedTitle: 'สร้างบันทึกข้อความไม่ได้: ข้อมูลในชีตมีข้อผิดพลาด',
  memoDone: (url: string) => `สร้างบันทึกข้อความเสนอผู้บริหารแล้ว: ${url}`,
  /** the question, one line per document: the plan (1), then each round the year's framework publishes */
  proposeWhich: (reportLines: readonly string[]) =>
    ['เสนอเอกสารใด? พิมพ์หมายเลข:', '1 = มาตรการประจำปี', ...reportLines].join('\n'),
  proposeReportLine: (typed: string, round: string) => `${typed} = รายงานผลรอบ ${round} เดือน`,
  badWhich: (value: string, choices: readonly string[]) =>
    `"${value}" ไม่ใช่ ${choices.length > 1 ? `${choices.slice(0, -1).join(', ')} หรือ ${choices[choices.length - 1]}` : choices[0]} — ไม่ได้สร้างบันทึก`,
  memoFailed: (why: string) => `สร้างบันทึกข้อความเสนอผู้บริหารไม่สำเร็จ: ${why} — ทะเบียนรายงานยังเหมือนเดิม ลองใหม่อีกครั้ง`,
  memoErrorsTitle: 'สร้างบันทึกข้อความไม่สำเร็จ',
  publishFailed: (why: string) => `บันทึกการอนุมัติแล้ว แต่เผยแพร่เอกสารไม่สำเร็จ: ${why} — เรียกเมนู บันทึกการอนุมัติ อีกครั้งเพื่อเผยแพร่`,
  notGenerated: (what: string) => `ยังไม่ได้สร้าง "${what}" — สร้างเอกสารก่อนเสนอผู้บริหาร`,
} as const;

/** Draft measure rows for the weak indicators no measure addresses (src/core/draft-measures.ts). */
export const DRAFT_MEASURES = {
  action: MENU.items.draftMeasures,
  added: (count: number, tab: string, lines: string) =>
    `เพิ่มร่างมาตรการ ${count} แถวในแท็บ "${tab}":\n${lines}\nกรอกขั้นตอน ผู้รับผิดชอบ และการรายงานผล (แก้ข้อความประเด็นได้) แล้วสั่ง "${MENU.items.sync}"`,
  line: (id: string, n: string, name: string) => `- ${id}: ตัวชี้วัดที่ ${n} ${name}`,
  none: 'ตัวชี้วัดที่ต่ำกว่าเกณฑ์ของปีที่ผ่านมาทุกตัวมีมาตรการรองรับแล้ว (หรือยังไม่มีผลการประเมิน) — ไม่ได้เพิ่มแถว',
} as const;

/** Why a plan is not written (nothing is written then). */
export const PLAN_V = {
  noScores: (tab: string, year: string, setting: string) =>
    `ยังไม่มีผลการประเมิน ITA ปี ${year} ในแท็บ "${tab}" — กรอกคะแนนของปีก่อน หรือตั้งค่า "${setting}" เป็น ไม่ใช่ เพื่อสร้างมาตรการโดยไม่มีส่วนวิเคราะห์`,
} as const;

/** Validation of the ITA results tab. */
export const ITA_V = {
  badIndicator: (value: string) =>
    `"${value}" ไม่ใช่หมายเลขตัวชี้วัด ITA — กรอกหมายเลขตัวชี้วัด คั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่ เช่น 4, 10`,
  unknownIndicator: (n: string, year: string, known: string) =>
    `ตัวชี้วัดที่ ${n} ไม่มีในการประเมิน ITA ปี ${year} (ตัวชี้วัดที่มี: ${known})`,
  weakWithoutMeasure: (n: string, name: string, score: string, pass: string, column: string, tab: string) =>
    `ตัวชี้วัดที่ ${n} ${name} ได้ ${score} คะแนน ต่ำกว่าเกณฑ์ ${pass} แต่ยังไม่มีมาตรการใดระบุตัวชี้วัดนี้ในคอลัมน์ "${column}" ของแท็บ "${tab}" — ระบุในมาตรการที่รองรับ หรือเพิ่มร่างมาตรการด้วยเมนู "${MENU.items.draftMeasures}" (ita-tracker draft-measures)`,
  /** the same, on a tracker whose measures tab was made before the column existed */
  weakWithoutColumn: (n: string, name: string, score: string, pass: string, column: string, tab: string) =>
    `ตัวชี้วัดที่ ${n} ${name} ได้ ${score} คะแนน ต่ำกว่าเกณฑ์ ${pass} แต่แท็บ "${tab}" ยังไม่มีคอลัมน์ "${column}" (ตั้งขึ้นก่อนมีคอลัมน์นี้) — เรียกเมนู "${MENU.items.setup}" อีกครั้ง (หรือ ita-tracker sync) เพื่อแทรกคอลัมน์ แล้วระบุตัวชี้วัดในมาตรการที่รองรับ หรือเพิ่มร่างมาตรการด้วยเมนู "${MENU.items.draftMeasures}" (ita-tracker draft-measures)`,
  badScore: (value: string) => `คะแนน "${value}" ไม่ถูกต้อง — กรอกตัวเลข 0 ถึง 100`,
  badYear: (value: string) => `ปี "${value}" ไม่ถูกต้อง — กรอกปี พ.ศ. เช่น 2565`,
  duplicateIndicator: (year: string, n: string, first: string) => `ตัวชี้วัดที่ ${n} ของปี ${year} ซ้ำกับเซลล์ ${first}`,
  duplicateTool: (year: string, tool: string, first: string) =>
    `คะแนนรวมของเครื่องมือ ${tool} ปี ${year} มีสองแถว (ซ้ำกับแถวของเซลล์ ${first}) — ระบบไม่รู้ว่าแถวไหนถูก ลบแถวที่ไม่ใช้`,
  duplicateOverall: (year: string, first: string) =>
    `คะแนนภาพรวมของปี ${year} มีสองแถว (ซ้ำกับแถวของเซลล์ ${first}) — ระบบไม่รู้ว่าแถวไหนถูก ลบแถวที่ไม่ใช้`,
} as const;

export const PLAN_CLI = {
  badMemoRound: (value: string) => `--round "${value}" ไม่ถูกต้อง — ใช้ 6, 12 หรือ plan`,
  badDate: (value: string) => `--date "${value}" ไม่ใช่วันที่ — ใช้ YYYY-MM-DD (ปี ค.ศ. หรือ พ.ศ.)`,
  garudaUnreadable: (path: string) => `เปิดไฟล์ภาพครุฑ ${path} ไม่ได้ — ตรวจชื่อไฟล์และสิทธิ์การอ่าน`,
  garudaNotImage: (path: string) => `ไฟล์ ${path} ไม่ใช่ภาพ PNG หรือ JPEG (ดูจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) — ไม่ได้สร้างบันทึกข้อความ`,
} as const;
