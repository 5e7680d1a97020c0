// The ITA framework by fiscal year (src/core/framework.ts): the presets as data — which documents an
// agency publishes that year, their ITA item codes and official titles, the rounds whose reports are
// published, whether the results report covers this year or the previous one, the rating rule and the
// year's calendar. Sources: docs/domain.md (each preset is "not confirmed" until a maintainer checks the
// NACC manual of the year); docs/year-cycle.md explains the presets.

/** A date of the fiscal year: month and day; the calendar year follows (October–December: the year before). */
export interface YearDate {
  month: number;
  day: number;
}

export interface PresetDocument {
  /** the ITA item code on the agency's ITA page (O42, O25 …) */
  code: string;
  /** the item's title as the ITA list names it */
  itemTitle: string;
  /** the title line the document prints */
  documentTitle: string;
}

export interface RatingBand {
  /** the lowest total score of the band */
  min: number;
  label: string;
}

/** An ITA indicator of the year's assessment: its number (what a measure's "ตัวชี้วัด ITA" cell names), tool and name. */
export interface FrameworkIndicator {
  number: number;
  tool: 'IIT' | 'EIT' | 'OIT';
  name: string;
}

export interface CalendarMilestone {
  /** a stable key (the setting that holds a date refers to it) */
  key: 'measuresPublished' | 'resultsReportPublished' | 'oitWindowOpens' | 'oitWindowCloses';
  label: string;
  /** what the admins still need for it: the document kind it waits for */
  needs: 'plan' | 'report' | 'none';
  /** default date (an estimate until the year's manual says otherwise) */
  date: YearDate;
}

export interface FrameworkPreset {
  /** the preset's key, typed in the settings ("2564", "2568", "2569", "2570") */
  id: string;
  /** the fiscal years (BE) it is chosen for when the setting is blank */
  fromYear: number;
  toYear: number;
  label: string;
  /** false: taken from agencies' pages, not from the NACC manual; the admin is told to check */
  confirmed: boolean;
  /** what to check (shown in validation and the documents' settings help) */
  note: string;
  /** the rounds whose report is published, in order; the last one closes the year */
  rounds: readonly (6 | 12)[];
  /** 'same': a round's report is published in the year it covers; 'previous': the annual report of year Y is published in Y+1 */
  reportCovers: 'same' | 'previous';
  plan: PresetDocument;
  report: PresetDocument;
  /** when the divisions' results of each round are due */
  roundDue: Readonly<Record<6 | 12, YearDate>>;
  /** the rating rule: bands by total score, and the cap when one tool is below the pass mark */
  passMark: number;
  bands: readonly RatingBand[];
  /** the best rating an agency gets while one tool scores below the pass mark ('' : no cap) */
  toolBelowPassCap: string;
  calendar: readonly CalendarMilestone[];
  /** the year's indicators in the manual's order (IIT 1–5, EIT 6–8, OIT 9–10): the plan's analysis follows it */
  indicators: readonly FrameworkIndicator[];
}

const MEASURES_TITLE = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';
const ROUND_DUE = { 6: { month: 3, day: 31 }, 12: { month: 9, day: 30 } } as const;
/** Bands not confirmed (docs/domain.md): 95+ excellent, 85 the pass mark; a tool below it caps the rating. */
const BANDS: readonly RatingBand[] = [
  { min: 95, label: 'ผ่านดีเยี่ยม' },
  { min: 85, label: 'ผ่านดี' },
  { min: 0, label: 'ไม่ผ่าน' },
];
const CAP = 'ผ่าน';

/** The ten indicators of ITA 2564–2566 (docs/domain.md); later years assumed the same until their manual says. */
const INDICATORS: readonly FrameworkIndicator[] = [
  { number: 1, tool: 'IIT', name: 'การปฏิบัติหน้าที่' },
  { number: 2, tool: 'IIT', name: 'การใช้งบประมาณ' },
  { number: 3, tool: 'IIT', name: 'การใช้อำนาจ' },
  { number: 4, tool: 'IIT', name: 'การใช้ทรัพย์สินของราชการ' },
  { number: 5, tool: 'IIT', name: 'การแก้ไขปัญหาการทุจริต' },
  { number: 6, tool: 'EIT', name: 'คุณภาพการดำเนินงาน' },
  { number: 7, tool: 'EIT', name: 'ประสิทธิภาพการสื่อสาร' },
  { number: 8, tool: 'EIT', name: 'การปรับปรุงระบบการทำงาน' },
  { number: 9, tool: 'OIT', name: 'การเปิดเผยข้อมูล' },
  { number: 10, tool: 'OIT', name: 'การป้องกันการทุจริต' },
];

/** The year's milestones, estimated (the NACC announces the timetable each year). */
const calendar = (oitOpens: YearDate, oitCloses: YearDate): readonly CalendarMilestone[] => [
  { key: 'measuresPublished', label: 'เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน', needs: 'plan', date: { month: 1, day: 31 } },
  { key: 'oitWindowOpens', label: 'เปิดระบบตอบแบบ OIT', needs: 'none', date: oitOpens },
  { key: 'resultsReportPublished', label: 'เผยแพร่รายงานผลการดำเนินการ', needs: 'report', date: { month: 4, day: 30 } },
  { key: 'oitWindowCloses', label: 'ปิดระบบตอบแบบ OIT', needs: 'none', date: oitCloses },
];

/**
 * What FY 2568 and later publish, as agencies' own ITA pages show it (not confirmed with the manuals):
 * the measures (O25) and one annual report on the previous fiscal year (O26), no 6-month report.
 */
const ANNUAL_ON_PREVIOUS_YEAR: Omit<FrameworkPreset, 'id' | 'fromYear' | 'toYear' | 'label' | 'confirmed' | 'note'> = {
  rounds: [12],
  reportCovers: 'previous',
  plan: { code: 'O25', itemTitle: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', documentTitle: MEASURES_TITLE },
  report: {
    code: 'O26',
    itemTitle: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    documentTitle: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  },
  roundDue: ROUND_DUE,
  passMark: 85,
  bands: BANDS,
  toolBelowPassCap: CAP,
  calendar: calendar({ month: 4, day: 1 }, { month: 6, day: 30 }),
  indicators: INDICATORS,
};

export const FRAMEWORK_PRESETS: readonly FrameworkPreset[] = [
  {
    id: '2564',
    fromYear: 2564,
    toYear: 2567,
    label: 'ITA ปี 2564–2566: O42 มาตรการ, O43 รายงานรอบ 6 และ 12 เดือน',
    confirmed: false,
    note: 'ตามคู่มือ ITA ปี 2564–2566 (ปี 2567 ยังไม่ยืนยัน — ตรวจสอบคู่มือ ITA ของปี)',
    rounds: [6, 12],
    reportCovers: 'same',
    plan: { code: 'O42', itemTitle: MEASURES_TITLE, documentTitle: MEASURES_TITLE },
    report: {
      code: 'O43',
      itemTitle: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      documentTitle: 'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    },
    roundDue: ROUND_DUE,
    passMark: 85,
    bands: BANDS,
    toolBelowPassCap: CAP,
    calendar: [
      { key: 'measuresPublished', label: 'เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน', needs: 'plan', date: { month: 1, day: 31 } },
      {
        key: 'resultsReportPublished',
        label: 'เผยแพร่รายงานผลรอบ 6 เดือน',
        needs: 'report',
        date: { month: 4, day: 30 },
      },
      { key: 'oitWindowOpens', label: 'เปิดระบบตอบแบบ OIT', needs: 'none', date: { month: 5, day: 1 } },
      { key: 'oitWindowCloses', label: 'ปิดระบบตอบแบบ OIT', needs: 'none', date: { month: 6, day: 30 } },
    ],
    indicators: INDICATORS,
  },
  {
    id: '2568',
    fromYear: 2568,
    toYear: 2568,
    label: 'ITA ปี 2568: มาตรการจากผลการประเมินปีก่อน และรายงานผลปีที่ผ่านมา',
    confirmed: false,
    note: 'จากหน้า ITA ของหน่วยงาน ยังไม่ยืนยันกับคู่มือ ITA ปี 2568 — รหัสข้อตรวจสอบจากคู่มือ',
    ...ANNUAL_ON_PREVIOUS_YEAR,
  },
  {
    id: '2569',
    fromYear: 2569,
    toYear: 2569,
    label: 'ITA ปี 2569: O25 การนำผลการประเมินไปสู่การพัฒนาองค์กร, O26 รายงานผลปีที่ผ่านมา',
    confirmed: false,
    note: 'จากหน้า ITA ปี 2569 ของหน่วยงาน (O1–O26) ยังไม่ยืนยันกับคู่มือ ITA ปี 2569',
    ...ANNUAL_ON_PREVIOUS_YEAR,
  },
  {
    id: '2570',
    fromYear: 2570,
    toYear: 9999,
    label: 'ITA ปี 2570 (ยังไม่ยืนยัน — ตรวจสอบคู่มือ ITA ปี 2570)',
    confirmed: false,
    note: 'ยังไม่ยืนยัน — ตรวจสอบคู่มือ ITA ปี 2570 (ตั้งตามปี 2569 ไว้ก่อน)',
    ...ANNUAL_ON_PREVIOUS_YEAR,
  },
];

/** Wording about the framework: settings, validation, the year's status. */
export const FRAMEWORK = {
  unknownPreset: (value: string, ids: string) =>
    `กรอบการประเมิน "${value}" ไม่มีในระบบ — ใช้ ${ids} หรือเว้นว่าง (เลือกตามปีงบประมาณ)`,
  unconfirmed: (label: string, note: string) => `กรอบการประเมินที่ใช้: ${label} — ${note}`,
  dueOfUnpublishedRound: (label: string, round: string) =>
    `กรอบการประเมินที่ใช้ (${label}) ไม่มีรายงานรอบ ${round} เดือน — กำหนดส่งนี้ไม่ใช้ในการแจ้งเตือนหรือรายงาน (ลบออกได้)`,
  memoUnpublishedRound: (label: string, round: string, rounds: string) =>
    `ไม่มีรายงานรอบ ${round} เดือนให้เสนอผู้บริหาร: กรอบการประเมินที่ใช้ (${label}) เผยแพร่รายงานรอบ ${rounds} เดือนเท่านั้น`,
  internalRound: (round: string) => `รอบ ${round} เดือน เป็นการติดตามภายใน (กรอบการประเมินของปีนี้ไม่เผยแพร่รายงานรอบนี้)`,
  rating: (label: string) => `ระดับผลการประเมิน: ${label}`,
  ratingCapped: (label: string, tools: string, pass: string, cap: string) =>
    `ระดับผลการประเมิน: ${cap} (คะแนนรวมอยู่ในระดับ${label} แต่เครื่องมือ ${tools} ต่ำกว่าเกณฑ์ ${pass} คะแนน จึงได้ไม่เกินระดับ${cap})`,
  ratingRule: (pass: string, cap: string) =>
    `เกณฑ์การจัดระดับ: เครื่องมือใดได้คะแนนต่ำกว่า ${pass} คะแนน ระดับผลการประเมินรวมได้ไม่เกิน "${cap}"`,
} as const;
