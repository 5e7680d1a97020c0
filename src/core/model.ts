// The tracker's domain: what an agency tracks for one fiscal year.
import type { Cell } from './cells';
import type { PageNumberPosition } from './document';
import type { Numerals, Round } from './thai';
import type { Holiday } from './working-days';

export const AREAS = ['IIT', 'EIT', 'OIT'] as const;
export type Area = (typeof AREAS)[number];

export const STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type Status = (typeof STATUSES)[number];

export const ROUNDS: readonly Round[] = [6, 12];

export interface Settings {
  agencyName: string;
  district: string;
  province: string;
  /** Buddhist era, e.g. 2566 */
  fiscalYear: number;
  currentRound: Round;
  /** ISO dates by round: when divisions must have their results in */
  roundDue: Record<Round, string | null>;
  admins: string[];
  executives: string[];
  /** the executives' paired LINE group id ('' : e-mail only) */
  executivesLine: string;
  /** days before a due date on which a reminder goes out, largest first */
  reminderOffsets: number[];
  overdueRepeatDays: number;
  escalateAfterDays: number;
  numerals: Numerals;
  reportFont: string;
  reportFontSize: number;
  reportFolderId: string;
  /** the ITA codes typed in the settings ('' : the framework's) */
  itaItemCodes: string;
  /** the framework preset named in the settings ('' : chosen by the fiscal year; src/core/framework.ts) */
  itaFramework: string;
  /** the ITA calendar's dates once announced, one milestone a line ('' : the preset's estimates; src/core/ita-calendar.ts) */
  itaCalendarDates: string;
  /** weekday (0 Sunday … 6 Saturday) a division hears again about items still overdue */
  divisionDigestDay: number;
  /** one digest lists everything due within this many days */
  dueSoonDays: number;
  /** weekday of the executives' weekly summary */
  executiveSummaryDay: number;
  /** ITA pass mark (default 85) */
  itaPassMark: number;
  /** the memo's เรียน line: the executive's title */
  executiveTitle: string;
  memoUnit: string;
  memoNumberPrefix: string;
  proposerName: string;
  proposerPosition: string;
  /** a Drive file id of the Garuda image; '' keeps the room empty */
  garudaImageId: string;
  /** true: generating writes and archives, publishing waits for the recorded approval */
  publishAfterApproval: boolean;
  /** false: the plan has no analysis of last year's ITA results (none yet) */
  planAnalysis: boolean;
  /** the name under the executive's signature at the end of the plan ('' : a dotted line) */
  executiveName: string;
  /** how the plan ends: the executive's signature block, or a ประกาศ form */
  planClosing: 'signature' | 'announcement';
  /** where documents carry page numbers (from page 2), or none */
  pageNumbers: PageNumberPosition | 'none';
  /** true: the workbook holds the example's data; every document says so on every page */
  sampleData: boolean;
}

export interface Division {
  code: string;
  name: string;
  head: string;
  notifyEmails: string[];
  editors: string[];
  /** the paired LINE group id ('' : e-mail only; docs/line.md) */
  lineGroup?: string;
  /** A1 cell of the notify addresses on the divisions tab, for messages ('' when not known) */
  notifyCell?: string;
}

export interface Measure {
  id: string;
  area: Area;
  /** ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน */
  issue: string;
  /** ขั้นตอนหรือวิธีการ/มาตรการ: one line per item, markers ("- ", "๑. ") kept as written */
  steps: string[];
  /** ผู้รับผิดชอบ as written (the report prints it so), one per line */
  responsible: string[];
  /** division codes the responsible names resolve to, in order */
  responsibleCodes: string[];
  /** การรายงานผลและการกำกับติดตามกำหนดเวลาแล้วเสร็จ: one line per item */
  monitoring: string[];
  order: number;
  /** the ITA indicator numbers it addresses (the column ตัวชี้วัด ITA; none when blank or absent) */
  indicators: number[];
}

export interface Milestone {
  id: string;
  measureId: string;
  /** blank: every division responsible for the measure */
  divisionCode: string;
  task: string;
  due: string | null;
}

/** One row of a division's tab: a measure or a milestone, as that division reports on it. */
export interface DivisionEntry {
  divisionCode: string;
  /** measure id, or milestone id */
  key: string;
  kind: 'measure' | 'milestone';
  measureId: string;
  area: Area | '';
  issue: string;
  task: string;
  due: string | null;
  status: Status;
  result6: string;
  result12: string;
  evidenceUrl: string;
  updatedAt: string;
  updatedBy: string;
  /**
   * The row's division-owned cells exactly as they are in the sheet (every column of
   * divisionOwnedColumns(), schema.ts). They are what sync writes back, so a column added to the
   * schema is kept without code here; the typed fields above are the model's reading of them.
   */
  owned: Record<string, Cell>;
}

export type DocKind = 'report' | 'plan';
export const APPROVAL_STATUSES = ['draft', 'proposed', 'approved', 'published'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** One row of the register: one document (a round's report, or the year's plan). */
export interface ReportRecord {
  /** absent: a round's report (rows written before the plan existed) */
  kind?: DocKind;
  fiscalYear: number;
  /** the report's round; a plan row keeps 6 here and is told apart by kind */
  round: Round;
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
  generatedAt: string;
  generatedBy: string;
  warnings: string;
  /** the approval on record; absent on rows older than it */
  status?: ApprovalStatus | '';
  memoUrl?: string;
  approver?: string;
  approvedAt?: string;
  approvalComment?: string;
}

/** One row of the ITA results tab: an indicator's score, or (tool and number null) the year's overall score. */
export interface ItaResult {
  row: number;
  year: number;
  tool: Area | null;
  indicator: number | null;
  name: string;
  score: number;
  analysis: string;
  /** the row is the example's made-up data (its ข้อมูลตัวอย่าง cell is not blank) */
  sample: boolean;
}

export interface EmailLogEntry {
  sentAt: string;
  divisionCode: string;
  recipients: string;
  /** "key@stage" tokens, separated by spaces: what this message covered */
  items: string;
  stage: string;
  outcome: string;
  subject: string;
  /** อีเมล, LINE, or อีเมลแทน LINE with the reason ('' in rows written before issue 25) */
  channel?: string;
}

export interface Tracker {
  settings: Settings;
  divisions: Division[];
  measures: Measure[];
  milestones: Milestone[];
  entries: DivisionEntry[];
  reports: ReportRecord[];
  emailLog: EmailLogEntry[];
  /** the holidays tab: no reminder goes out on one (src/core/working-days.ts) */
  holidays: Holiday[];
  itaResults: ItaResult[];
}

/** The column (and field) that holds a round's result. */
export const resultKeyFor = (round: Round): 'result6' | 'result12' => (round === 6 ? 'result6' : 'result12');

export const resultFor = (entry: Pick<DivisionEntry, 'result6' | 'result12'>, round: Round): string =>
  entry[resultKeyFor(round)];
