// Reads a report in the seed's text format (a PDF extraction: title lines, area headings, tab-separated
// 5-column rows) into measures and divisions. Extraction output varies, so the reader is lenient:
// headings at any markdown level or none, header rows wherever a page broke, lists inline or as HTML.
// It never throws and never "fixes" text silently: anything odd becomes a Thai warning with its line.

import { matchDivision, splitResponsible } from './cell-values';
import { withoutInvisibles } from './cells';
import { IMPORT } from './messages/import';
import { REPORT_WORD } from './messages/report';
import { HEADER } from './messages/tabs-headers';
import { AREAS, type Area, type Division, type Measure } from './model';
import { DISTRICT_PREFIXES, PROVINCE_PREFIXES, type Round, toArabicDigits, toThaiDigits } from './thai';
import { joinedNote, joinStraySpaces } from './thai-text';

export interface ImportWarning {
  /** 1-based line of the report */
  line: number;
  message: string;
}

export interface ImportedResult {
  measureId: string;
  /** the measure's first responsible division ('' when it has none) */
  divisionCode: string;
  text: string;
}

export interface ImportResult {
  agencyName: string;
  district: string;
  province: string;
  /** Buddhist era; null when the report does not say */
  fiscalYear: number | null;
  round: Round | null;
  /** the divisions given, then any the report names that none of them matched */
  divisions: Division[];
  measures: Measure[];
  /** the report's last column (การดำเนินการ), as the round's result of each measure's first responsible division */
  results: ImportedResult[];
  warnings: ImportWarning[];
  /**
   * What could not be placed with confidence (a header row whose columns are unsure, a table row before
   * any header): when there is any, nothing of the report may be written (issue 26, class 5).
   */
  refused: ImportWarning[];
}

type ColumnKey = 'issue' | 'steps' | 'responsible' | 'monitoring' | 'result';
const COLUMN_KEYS: ColumnKey[] = ['issue', 'steps', 'responsible', 'monitoring', 'result'];
const COLUMN_HEADERS: Record<ColumnKey, string> = {
  issue: HEADER.issue,
  steps: HEADER.steps,
  responsible: HEADER.responsible,
  monitoring: HEADER.monitoring,
  result: REPORT_WORD.resultHeader,
};

// ---------------------------------------------------------------- text

/** Trims and collapses runs of whitespace: extraction breaks lines inside cells, the words stay. */
export const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

const compact = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const stripTags = (s: string): string => decodeEntities(s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ' '));

const hasListHtml = (s: string): boolean => /<\s*(ul|ol|li)\b/i.test(s);

/**
 * `<li>` items exactly as the HTML has them (tags stripped, entities decoded), one per item. Text
 * outside any item (a caption inside the cell) is kept as an item of its own, in place.
 */
function htmlItems(raw: string): string[] {
  return raw
    .split(/<\/?(?:li|ul|ol)\b[^>]*>/i)
    .map((piece) => squeeze(stripTags(piece)))
    .filter((piece) => piece !== '');
}

const DIGIT = '[0-9๐-๙]';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /[0-9๐-๙]/.test(ch);

/**
 * Bullet marks besides the dash: Word's "●" and its kin as a PDF shows them, and the Symbol/Wingdings
 * private-use glyphs some PDFs give for a bullet (read as "•"). One list for every reader (issue 26).
 */
export const BULLETS = '•●○◦▪■□◆◇➢➤✓✔';
const PRIVATE_BULLETS = /[\uF0A7\uF0B7\uF0D8\uF076\uF0FC]/g;
/** A list item's first character: a dash or a bullet. */
export const ITEM_START = new RegExp(`^[-–${BULLETS}]`);

/**
 * "- a - b", "● a ● b": splits before every dash that stands alone between spaces, except in a range
 * ("๒๕๖๖ - ๒๕๗๐"), and before every bullet after a space (a bullet is never a word's letter).
 */
function dashItems(text: string): string[] {
  const cuts: number[] = [];
  const re = new RegExp(`\\s(?:[-–]\\s|[${BULLETS}])`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = text[m.index - 1];
    const after = text[m.index + 3];
    if (/[-–]/.test(text[m.index + 1]) && isDigit(before) && isDigit(after)) continue;
    cuts.push(m.index + 1);
    re.lastIndex = m.index + 1;
  }
  return piecesAt(text, cuts);
}

function piecesAt(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const c of [...cuts, text.length]) {
    const piece = text.slice(start, c).trim();
    if (piece !== '') out.push(piece);
    start = c;
  }
  return out;
}

/** "๑. a ๒. b": splits only where the NEXT number follows, so "พ.ศ. ๒๕๖๖" or "ที่ ๘." stay inside an item. */
function numberedItems(text: string, first: number): string[] {
  const cuts: number[] = [];
  let next = first + 1;
  let from = 0;
  for (;;) {
    const forms = [String(next), toThaiDigits(String(next))].map(escapeRe).join('|');
    const re = new RegExp(`\\s(?:${forms})[.)](?!${DIGIT})`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    cuts.push(m.index + 1);
    from = m.index + 1;
    next++;
  }
  return piecesAt(text, cuts);
}

const NUMBER_START = new RegExp(`^(${DIGIT}+)[.)](?!${DIGIT})`);

/** A list cell as items, one per line in the tracker, each with its marker as written. */
export function listItems(raw: string): string[] {
  if (hasListHtml(raw)) return htmlItems(raw);
  const text = squeeze(stripTags(raw)).replace(PRIVATE_BULLETS, '•');
  if (text === '') return [];
  if (ITEM_START.test(text)) return dashItems(text);
  const n = NUMBER_START.exec(text);
  if (n) return numberedItems(text, Number(toArabicDigits(n[1])));
  return [text];
}

/** A prose cell (issue, result): one line, or one line per item when the cell holds an HTML list. */
export function proseText(raw: string): string {
  if (hasListHtml(raw)) return htmlItems(raw).join('\n');
  return squeeze(stripTags(raw));
}

// ---------------------------------------------------------------- lines

const stripHeadingMarks = (line: string): string =>
  squeeze(line.replace(/^\s*#{1,6}\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1'));

const AREA_HEADING = new RegExp(
  `^(?:${DIGIT}+[.)]?\\s*)?${escapeRe(REPORT_WORD.area)}\\s*(?:ที่\\s*${DIGIT}+\\s*)?[(:]?\\s*(${AREAS.join('|')})\\b`,
  'i',
);

/** The area a heading line names ("๒. ด้าน EIT"), or null. */
export function areaOf(line: string): Area | null {
  const m = AREA_HEADING.exec(stripHeadingMarks(line));
  return m ? (m[1].toUpperCase() as Area) : null;
}

/**
 * What each column's header means, as the words people use for it: a header cell is recognised by
 * these (a slightly different wording, a word added, a line broken inside it), not by exact text.
 */
const HEADER_WORDS: Record<ColumnKey, readonly string[]> = {
  issue: ['ประเด็น', 'ข้อบกพร่อง', 'จุดอ่อน'],
  steps: ['ขั้นตอน', 'วิธีการ', 'มาตรการ'],
  responsible: ['ผู้รับผิดชอบ', 'รับผิดชอบ', 'หน่วยงาน'],
  monitoring: ['รายงานผล', 'กำกับติดตาม', 'ติดตาม', 'กำหนดเวลา', 'แล้วเสร็จ'],
  result: ['การดำเนินการ', 'ผลการดำเนินการ'],
};

/** Sørensen–Dice similarity of two texts' character pairs: 1 same, 0 nothing in common. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) pairs.set(a.slice(i, i + 2), (pairs.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const k = b.slice(i, i + 2);
    const n = pairs.get(k) ?? 0;
    if (n > 0) {
      shared++;
      pairs.set(k, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/**
 * How sure we are that a header cell names a column, 0–1: the best of its similarity to the schema's
 * header and the share of that column's words it holds (a cell holding any of them scores at least 0.6).
 * "การดำเนินการ" inside "ผลการดำเนินการ" is the result column only when the cell says no more.
 */
export function headerConfidence(cell: string, key: ColumnKey): number {
  const t = compact(stripTags(cell));
  if (t === '') return 0;
  const words = HEADER_WORDS[key];
  const held = words.filter((w) => t.includes(w)).length;
  const byWords = held ? 0.6 + (0.4 * held) / words.length : 0;
  return Math.max(dice(t, compact(COLUMN_HEADERS[key])), byWords);
}

/** A header cell is taken for a column from this confidence on, and a column only when no other cell comes close. */
export const HEADER_SURE = 0.6;
const HEADER_MARGIN = 0.1;

export type HeaderReading =
  | { kind: 'header'; columns: Record<ColumnKey, number> }
  /** looks like a header row but some columns cannot be placed with confidence: refused, named */
  | { kind: 'unsure'; missing: ColumnKey[] }
  | { kind: 'data' };

/**
 * A table row read as a header row: each column goes to the one cell that names it with confidence,
 * best matches first, each cell used once. Three columns or more placed: a header row (all five: its
 * order is the table's). Fewer, or a column two cells claim alike: not placed, and said.
 */
export function readHeaderRow(cells: readonly string[]): HeaderReading {
  const scored: { key: ColumnKey; at: number; c: number }[] = [];
  cells.forEach((cell, at) => {
    for (const key of COLUMN_KEYS) {
      const c = headerConfidence(cell, key);
      if (c >= HEADER_SURE) scored.push({ key, at, c });
    }
  });
  const columns = Object.fromEntries(COLUMN_KEYS.map((k) => [k, -1])) as Record<ColumnKey, number>;
  const usedCells = new Set<number>();
  for (const s of scored.sort((a, b) => b.c - a.c)) {
    if (columns[s.key] >= 0 || usedCells.has(s.at)) continue;
    const rivals = scored.filter((o) => o.key === s.key && o.at !== s.at && !usedCells.has(o.at));
    if (rivals.some((o) => s.c - o.c < HEADER_MARGIN && o.c >= s.c - HEADER_MARGIN)) continue;
    columns[s.key] = s.at;
    usedCells.add(s.at);
  }
  const placed = COLUMN_KEYS.filter((k) => columns[k] >= 0);
  // a data row uses these words too ("- ขั้นตอนการติดตาม"): a header cell is short and is no list item
  const body = cells.some((c) => {
    const t = squeeze(stripTags(c));
    return compact(t).length > 60 || ITEM_START.test(t) || /^[0-9๐-๙]+[.)]/.test(t);
  });
  if (placed.length < 3 || body) return { kind: 'data' };
  if (placed.length === COLUMN_KEYS.length) return { kind: 'header', columns };
  return { kind: 'unsure', missing: COLUMN_KEYS.filter((k) => columns[k] < 0) };
}

/** Vowel or tone marks right after a leading vowel (เ แ โ ใ ไ) with no consonant between: never valid Thai. */
const ORPHAN_MARK = /[เแโใไ][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** Thai characters that never begin a syllable: a context cut is moved off them. */
const NON_INITIAL = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;

function orphanMarkWords(line: string): string[] {
  const words: string[] = [];
  const text = stripTags(line);
  let m: RegExpExecArray | null;
  ORPHAN_MARK.lastIndex = 0;
  while ((m = ORPHAN_MARK.exec(text)) !== null) {
    // the mark with a little context either side (Thai runs words together, so stop at a space or 8 letters)
    let s = m.index;
    let e = m.index + m[0].length;
    while (s > 0 && m.index - s < 8 && !/\s/.test(text[s - 1])) s--;
    while (s > 0 && NON_INITIAL.test(text[s]) && !/\s/.test(text[s - 1])) s--;
    while (e < text.length && e - m.index < 10 && !/\s/.test(text[e])) e++;
    while (e < text.length && NON_INITIAL.test(text[e])) e++;
    const cut = (at: number) => at > 0 && at < text.length && !/\s/.test(text[at - 1]) && !/\s/.test(text[at]);
    words.push(`${cut(s) ? '…' : ''}${text.slice(s, e)}${cut(e) ? '…' : ''}`);
  }
  return words;
}

interface Title {
  agency: { text: string; line: number } | null;
  headingAgency: string | null;
  district: string;
  province: string;
  fiscalYear: number | null;
  round: { value: number; line: number } | null;
  headingFiscalYear: number | null;
}

const startsWithAny = (s: string, words: readonly string[]): boolean => words.some((w) => s.startsWith(w));

function readTitleLine(line: string, lineNo: number, title: Title): void {
  const t = stripHeadingMarks(line);
  if (t === '') return;
  const arabic = toArabicDigits(t);
  const w = REPORT_WORD;
  const fyRe = new RegExp(`${escapeRe(w.fiscalYear)}\\s*(?:${escapeRe(w.buddhistEra)})?\\s*(\\d{4})`);
  const roundRe = new RegExp(`${escapeRe(w.round)}\\s*(\\d{1,2})\\s*${escapeRe(w.month)}`);
  const fy = fyRe.exec(arabic);
  // the heading "มาตรการ…ของ<agency> ประจำปีงบประมาณ …" names the agency (more reliably than the title line)
  const headingRe = new RegExp(`^${escapeRe(w.measures)}\\S*?${escapeRe(w.of)}(\\S.*?)\\s*${escapeRe(w.fiscalYear)}`);
  const heading = headingRe.exec(t);
  if (heading) {
    if (title.headingAgency === null) title.headingAgency = squeeze(heading[1]);
    if (fy && title.headingFiscalYear === null) title.headingFiscalYear = Number(fy[1]);
    return;
  }
  const round = roundRe.exec(arabic);
  if (fy && round) {
    // the title's own line: both the fiscal year and the round (the intro names last year's FY alone)
    if (title.fiscalYear === null) title.fiscalYear = Number(fy[1]);
    if (title.round === null) title.round = { value: Number(round[1]), line: lineNo };
    return;
  }
  if (fy || w.prose.some((p) => t.includes(p))) return;
  const words = t.split(' ');
  const district = words.find((x) => startsWithAny(x, DISTRICT_PREFIXES));
  const province = words.find((x) => startsWithAny(x, PROVINCE_PREFIXES));
  if (district || province) {
    if (district && !title.district) title.district = district;
    if (province && !title.province) title.province = province;
    return;
  }
  if (t.startsWith(w.reportTitle)) return;
  if (title.agency === null && t.length <= 80) title.agency = { text: t, line: lineNo };
}

// ---------------------------------------------------------------- divisions

/** How Thai division names begin: a responsible cell whose every word begins so lists several divisions. */
const DIVISION_KINDS = ['สำนัก', 'กอง', 'ฝ่าย', 'งาน', 'ส่วน', 'ศูนย์', 'หน่วย'];
const KIND_START = new RegExp(`^(?:${DIVISION_KINDS.map(escapeRe).join('|')})`);

/** Stable ASCII codes for divisions most Thai local agencies have, matched by name prefix. */
const KNOWN_DIVISION_CODES: ReadonlyArray<readonly [name: string, code: string]> = [
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
];

/** Names in a responsible cell; a line of several names separated by spaces splits when each word looks like one. */
function responsibleNames(text: string, known: readonly Division[]): string[] {
  const out: string[] = [];
  for (const name of splitResponsible(text, known)) {
    const words = name.split(/\s+/);
    if (matchDivision(name, known) === null && words.length > 1 && words.every((x) => KIND_START.test(x))) {
      out.push(...words);
    } else out.push(name);
  }
  return out;
}

function newCode(name: string, taken: Set<string>): string {
  const stem = name.replace(/\s+/g, '').replace(/ฯ$/, '');
  for (const [known, code] of KNOWN_DIVISION_CODES) {
    if ((stem.startsWith(known) || known.startsWith(stem)) && !taken.has(code)) return code;
  }
  for (let i = 1; ; i++) {
    const code = `D${String(i).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
}

// ---------------------------------------------------------------- the report

interface RawRow {
  line: number;
  area: Area;
  cells: Record<ColumnKey, string>;
}

/** Where a reading step says what it noticed: a warning, or a refusal (nothing may be written). */
interface Notes {
  warn(line: number, message: string): void;
  refuse(line: number, message: string): void;
}

/** The table row of one tab-separated line, or why it is none (a header row sets the columns' order). */
function readTableLine(
  line: string,
  lineNo: number,
  state: { area: Area | null; columns: Record<ColumnKey, number> | null },
  notes: Notes,
): RawRow | null {
  const cells = line.split('\t');
  while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
  const header = readHeaderRow(cells);
  if (header.kind === 'header') {
    state.columns = header.columns;
    return null;
  }
  if (header.kind === 'unsure') {
    notes.refuse(
      lineNo,
      IMPORT.headerUnsure(
        cells
          .map((c) => squeeze(stripTags(c)))
          .join(' | ')
          .slice(0, 120),
        header.missing.map((k) => `"${COLUMN_HEADERS[k]}"`).join(', '),
      ),
    );
    return null;
  }
  if (cells.length !== COLUMN_KEYS.length) {
    notes.warn(lineNo, IMPORT.columnCount(cells.length));
    return null;
  }
  // the columns' order is known only from a header row: never assumed
  if (state.columns === null) {
    notes.refuse(lineNo, IMPORT.rowBeforeHeader);
    return null;
  }
  if (state.area === null) {
    notes.warn(lineNo, IMPORT.rowBeforeArea);
    state.area = 'IIT';
  }
  const row = {} as Record<ColumnKey, string>;
  const order = state.columns;
  for (const k of COLUMN_KEYS) row[k] = cells[order[k]] ?? '';
  return { line: lineNo, area: state.area, cells: row };
}

/** The report's lines: the title block before the body, then area headings and table rows. */
function readLines(lines: readonly string[], notes: Notes): { title: Title; rows: RawRow[] } {
  const title: Title = {
    agency: null,
    headingAgency: null,
    district: '',
    province: '',
    fiscalYear: null,
    round: null,
    headingFiscalYear: null,
  };
  const rows: RawRow[] = [];
  const state: { area: Area | null; columns: Record<ColumnKey, number> | null } = { area: null, columns: null };
  let inBody = false;
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const odd = orphanMarkWords(line);
    if (odd.length) notes.warn(lineNo, IMPORT.misspelling(odd));
    const a = areaOf(line);
    if (a && !line.includes('\t')) {
      state.area = a;
      inBody = true;
      return;
    }
    if (line.includes('\t')) {
      inBody = true;
      const row = readTableLine(line, lineNo, state, notes);
      if (row) rows.push(row);
      return;
    }
    if (!inBody) readTitleLine(line, lineNo, title);
    else notes.warn(lineNo, IMPORT.unknownLine(squeeze(stripTags(line)).slice(0, 60)));
  });
  return { title, rows };
}

/** The divisions given, then every name the report's rows give that none of them matches. */
function divisionsOf(rows: readonly RawRow[], divisions: readonly Division[], notes: Notes): Division[] {
  const all: Division[] = [...divisions];
  const taken = new Set(all.map((d) => d.code));
  for (const row of rows) {
    for (const name of responsibleNames(proseText(row.cells.responsible), all)) {
      if (matchDivision(name, all) !== null) continue;
      // a division first met abbreviated ("กองสาธารณสุขฯ") and now in full takes the full name
      const stem = name.replace(/\s+/g, '');
      const abbreviated = all
        .slice(divisions.length)
        .find((d) => d.name.endsWith('ฯ') && stem.startsWith(d.name.replace(/\s+/g, '').slice(0, -1)));
      if (abbreviated) {
        abbreviated.name = name;
        continue;
      }
      const code = newCode(name, taken);
      taken.add(code);
      all.push({ code, name, head: '', notifyEmails: [], editors: [] });
      if (divisions.length) notes.warn(row.line, IMPORT.newDivision(name, code));
    }
  }
  return all;
}

/** Each row as a measure with its area's next id, and its result column as its first division's result. */
function measuresOf(
  rows: readonly RawRow[],
  all: readonly Division[],
  notes: Notes,
): { measures: Measure[]; results: ImportedResult[] } {
  const measures: Measure[] = [];
  const results: ImportedResult[] = [];
  const perArea: Record<Area, number> = { IIT: 0, EIT: 0, OIT: 0 };
  for (const row of rows) {
    perArea[row.area]++;
    const id = `${row.area}-${String(perArea[row.area]).padStart(2, '0')}`;
    // the spaces a PDF line break left inside a Thai word are joined, and the row says which (thai-text.ts)
    const joins: Array<readonly [string, string]> = [];
    const join = (text: string): string => {
      const r = joinStraySpaces(text);
      joins.push(...r.changes);
      return r.text;
    };
    const issue = join(proseText(row.cells.issue));
    if (issue === '') notes.warn(row.line, IMPORT.emptyIssue);
    const responsible = responsibleNames(proseText(row.cells.responsible), all);
    const codes = [...new Set(responsible.map((n) => matchDivision(n, all)).filter((c): c is string => c !== null))];
    measures.push({
      id,
      area: row.area,
      issue,
      steps: listItems(row.cells.steps).map(join),
      responsible,
      responsibleCodes: codes,
      monitoring: listItems(row.cells.monitoring).map(join),
      order: measures.length + 1,
      indicators: [],
    });
    const result = join(proseText(row.cells.result));
    if (joins.length) notes.warn(row.line, joinedNote(joins));
    if (result !== '') {
      if (codes.length === 0) notes.warn(row.line, IMPORT.noResponsible(id));
      results.push({ measureId: id, divisionCode: codes[0] ?? '', text: result });
    }
  }
  return { measures, results };
}

/** The agency, fiscal year and round the title block gives, each missing or doubtful one said. */
function titleOf(
  title: Title,
  nonBlank: boolean,
  notes: Notes,
): { agencyName: string; fiscalYear: number | null; round: Round | null } {
  const agencyName = title.headingAgency ?? title.agency?.text ?? '';
  if (nonBlank && agencyName === '') notes.warn(1, IMPORT.noAgency);
  if (title.headingAgency && title.agency && compact(title.agency.text) !== compact(title.headingAgency)) {
    notes.warn(title.agency.line, IMPORT.agencyMismatch(title.agency.text, title.agency.line, title.headingAgency));
  }
  const fiscalYear = title.fiscalYear ?? title.headingFiscalYear;
  if (nonBlank && fiscalYear === null) notes.warn(1, IMPORT.noFiscalYear);
  let round: Round | null = null;
  if (title.round === null) {
    if (nonBlank) notes.warn(1, IMPORT.noRound);
  } else if (title.round.value === 6 || title.round.value === 12) round = title.round.value;
  else notes.warn(title.round.line, IMPORT.badRound(String(title.round.value)));
  return { agencyName, fiscalYear, round };
}

export function importReport(text: string, divisions: readonly Division[] = []): ImportResult {
  const warnings: ImportWarning[] = [];
  const refused: ImportWarning[] = [];
  const notes: Notes = {
    warn: (line, message) => warnings.push({ line, message }),
    refuse: (line, message) => refused.push({ line, message }),
  };
  const lines = withoutInvisibles(text ?? '').split(/\r\n|\r|\n/);
  const { title, rows } = readLines(lines, notes);
  const all = divisionsOf(rows, divisions, notes);
  const { measures, results } = measuresOf(rows, all, notes);

  const nonBlank = lines.some((l) => l.trim() !== '');
  if (!nonBlank) notes.warn(1, IMPORT.empty);
  else if (measures.length === 0) notes.warn(1, IMPORT.noMeasures);
  const { agencyName, fiscalYear, round } = titleOf(title, nonBlank, notes);

  warnings.sort((a, b) => a.line - b.line);
  return {
    agencyName,
    district: title.district,
    province: title.province,
    fiscalYear,
    round,
    divisions: all,
    measures,
    results,
    warnings,
    refused,
  };
}
