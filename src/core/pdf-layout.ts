// A PDF's words with their positions (what the Node reader gets from poppler) → the report's paragraphs
// and table rows. Columns come from the header row: each header's words say where its column's text
// starts. Rows: a measure's row begins where the monitoring column starts its list again ("๑.") or the
// issue column starts after a blank line; a row cut by a page break continues after the repeated header
// (unless the new page's first line starts the monitoring list again). Thai text is repaired (thai-repair.ts)
// and each page's repairs become one warning.
import { areaOf } from './importer';
import { IMPORT_FILE, IMPORT_PLACE, IMPORT_REPAIR } from './messages/import-file';
import { REPORT_WORD } from './messages/report';
import { HEADER } from './messages/tabs-headers';
import type { ReportBlock, ReportDocument } from './report-document';
import { repairThaiText } from './thai-repair';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** which of the page's text lines (as the extractor set them, in reading order) the word is on */
  line?: number;
}

export interface PdfPage {
  /** 1-based */
  number: number;
  width: number;
  words: PdfWord[];
}

export type PdfLayout = { ok: true; doc: ReportDocument } | { ok: false; message: string };

/** How each column's header begins, without spaces or marks (extraction splits and drops them). */
const HEADER_KEYS = ['ประเดนทเปน', 'ขนตอน', 'ผรบผด', 'การรายงาน', 'การดาเนนการ'];
const HEADER_NAMES = ['ประเด็น', 'ขั้นตอน', 'ผู้รับผิดชอบ', 'การรายงานผล', 'การดำเนินการ'];
const MONITORING = 3;
const ISSUE = 0;

/** Letters only: no spaces, no marks above or below, sara am as sara aa (extraction splits it). */
const skeleton = (s: string): string =>
  s
    .replace(/\u0E33/g, '\u0E32')
    .replace(/[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '')
    .toLowerCase();

interface Line {
  words: PdfWord[];
  yMin: number;
  yMax: number;
}

/** Words into lines: same band of height, left to right. */
function linesOf(words: readonly PdfWord[]): Line[] {
  const sorted = [...words].filter((w) => w.text.trim() !== '').sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: Line[] = [];
  for (const w of sorted) {
    const mid = (w.yMin + w.yMax) / 2;
    const line = lines.find((l) => mid > l.yMin && mid < l.yMax);
    if (line) line.words.push(w);
    else lines.push({ words: [w], yMin: w.yMin, yMax: w.yMax });
  }
  for (const l of lines) l.words.sort((a, b) => a.xMin - b.xMin);
  return lines.sort((a, b) => a.yMin - b.yMin);
}

/** Words joined as written: a space only where there is a gap (poppler splits words inside Thai runs). */
function joinWords(words: readonly PdfWord[]): string {
  let out = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const w of words) {
    const gap = w.xMin - right;
    if (out !== '' && gap > 0.15 * (w.yMax - w.yMin)) out += ' ';
    out += w.text;
    right = Math.max(right, w.xMax);
  }
  return out;
}

/** Where each column starts, from a header line: the x of the word each header key begins in. */
function headerStarts(line: Line): number[] | null {
  // the line's letters with the x of the word each came from
  let letters = '';
  const xs: number[] = [];
  for (const w of line.words) {
    const s = skeleton(w.text);
    letters += s;
    for (let i = 0; i < s.length; i++) xs.push(w.xMin);
  }
  const starts = HEADER_KEYS.map((k) => {
    const at = letters.indexOf(k);
    return at < 0 ? Number.NaN : xs[at];
  });
  return starts.filter((x) => !Number.isNaN(x)).length >= 4 ? starts : null;
}

/**
 * A header whose words wrap inside narrow columns (a portrait report: "ประเด็น" over "ที่เป็นข้อ…",
 * "การ" over "ดำเนินการ"), read from the line and the one or two lines just below it: the band's words
 * are grouped into columns where they overlap or nearly touch across its lines (a column gap is wider
 * than a space between words), and each group's letters, line by line, must begin with a header's key.
 */
function headerBandStarts(lines: readonly Line[], at: number): number[] | null {
  const first = lines[at];
  const height = first.yMax - first.yMin;
  // the band that places the most headers (a header may wrap onto three lines), the shortest of equals
  let best: number[] | null = null;
  let placed = 0;
  for (let size = 2; size <= 4 && at + size <= lines.length; size++) {
    const band = lines.slice(at, at + size);
    // lines of one header are set close together; a paragraph gap ends the band
    if (band.some((l, i) => i > 0 && l.yMin - band[i - 1].yMax > 0.8 * height)) break;
    const words = band.flatMap((l, li) => l.words.map((w) => ({ w, li }))).sort((a, b) => a.w.xMin - b.w.xMin);
    const groups: { xMin: number; xMax: number; items: { w: PdfWord; li: number }[] }[] = [];
    for (const item of words) {
      const g = groups[groups.length - 1];
      if (g && item.w.xMin <= g.xMax + 0.4 * height) {
        g.items.push(item);
        g.xMax = Math.max(g.xMax, item.w.xMax);
      } else groups.push({ xMin: item.w.xMin, xMax: item.w.xMax, items: [item] });
    }
    const letters = groups.map((g) =>
      [...g.items]
        .sort((a, b) => a.li - b.li || a.w.xMin - b.w.xMin)
        .map((i) => skeleton(i.w.text))
        .join(''),
    );
    const starts = HEADER_KEYS.map((k) => {
      const i = letters.findIndex((t) => t.startsWith(k));
      return i < 0 ? Number.NaN : groups[i].xMin;
    });
    // every word of the band's first line begins a header (a heading or body line above is no header)
    const headed = groups.every(
      (g, i) => !g.items.some((it) => it.li === 0) || HEADER_KEYS.some((k) => letters[i].startsWith(k)),
    );
    if (!headed) continue;
    const n = starts.filter((x) => !Number.isNaN(x)).length;
    if (n >= 4 && n > placed) {
      best = starts;
      placed = n;
    }
  }
  return best;
}

/** Column boundaries: a column starts where its header starts, or at the body text left of it. */
function boundaries(starts: number[], header: Line, bodyStarts: number[]): number[] {
  return starts.map((x, k) => {
    if (k === 0) return Number.NEGATIVE_INFINITY;
    // right of the previous header's text: an indented list line inside the previous column is not an edge
    const prev = Math.max(
      starts[k - 1],
      ...header.words.filter((w) => w.xMin >= starts[k - 1] - 1 && w.xMin < x - 1).map((w) => w.xMax),
    );
    // a centred header starts right of its column: the body's leftmost start between the headers is the edge
    const inGap = bodyStarts.filter((b) => b > prev + 1 && b <= x + 1);
    return (inGap.length ? Math.min(...inGap) : x) - 1;
  });
}

function columnOf(x: number, bounds: number[]): number {
  let k = 0;
  for (let i = 0; i < bounds.length; i++) if (x >= bounds[i]) k = i;
  return k;
}

/** How division names begin: a responsible cell's wrapped line that begins otherwise goes on with the name. */
const DIVISION_START = /^(?:สำนัก|กอง|ฝ่าย|งาน|ส่วน|ศูนย์|หน่วย)/;
const RESPONSIBLE = 2;

/** A cell's lines as one text: spaces between, except inside a division name wrapped in a narrow column. */
function joinCellLines(lines: readonly string[], column: number): string {
  if (column !== RESPONSIBLE) return lines.join(' ');
  return lines.reduce((out, l) => (out === '' ? l : DIVISION_START.test(l) ? `${out} ${l}` : out + l), '');
}

const ITEM_ONE = /^(?:1|๑)[.)]/;

/**
 * Pages whose text runs up or down the page (a table turned sideways on the page): their words come out
 * as boxes much taller than wide. Read as lines they would be jumbled measures, so they are refused by
 * page (issue 26). Counted on words of four letters or more, which are wider than tall when upright.
 */
export function sidewaysPages(pages: readonly PdfPage[]): number[] {
  return pages
    .filter((p) => {
      const long = p.words.filter((w) => [...w.text.trim()].length >= 4);
      const tall = long.filter((w) => w.yMax - w.yMin > 2 * (w.xMax - w.xMin));
      return long.length >= 3 && tall.length * 2 > long.length;
    })
    .map((p) => p.number);
}

/**
 * How far a page's text is turned clockwise (0, 90, 180, 270), from the way the extractor's lines run:
 * each pair of neighbouring words on one line votes for right, down, left or up. Null when the votes
 * are too few or split (then a sideways page is refused as before).
 */
export function pageTurn(page: PdfPage): 0 | 90 | 180 | 270 | null {
  const votes = { 0: 0, 90: 0, 180: 0, 270: 0 };
  let total = 0;
  const words = page.words.filter((w) => w.text.trim() !== '' && w.line !== undefined);
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]];
    if (a.line !== b.line) continue;
    const dx = (b.xMin + b.xMax - a.xMin - a.xMax) / 2;
    const dy = (b.yMin + b.yMax - a.yMin - a.yMax) / 2;
    if (dx === 0 && dy === 0) continue;
    votes[Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 0 : 180) : dy > 0 ? 90 : 270]++;
    total++;
  }
  if (total < 3) return null;
  for (const turn of [0, 90, 180, 270] as const) if (votes[turn] * 3 > total * 2) return turn;
  return null;
}

/** The page's words as they sit on it turned back upright (`turn` from pageTurn). */
function turnedUpright(page: PdfPage, turn: 90 | 180 | 270): PdfPage {
  const xs = page.words.flatMap((w) => [w.xMin, w.xMax]);
  const ys = page.words.flatMap((w) => [w.yMin, w.yMax]);
  const cx = Math.min(...xs) + Math.max(...xs);
  const cy = Math.min(...ys) + Math.max(...ys);
  const words = page.words.map((w): PdfWord => {
    if (turn === 90) return { ...w, xMin: w.yMin, xMax: w.yMax, yMin: cx - w.xMax, yMax: cx - w.xMin };
    if (turn === 270) return { ...w, xMin: cy - w.yMax, xMax: cy - w.yMin, yMin: w.xMin, yMax: w.xMax };
    return { ...w, xMin: cx - w.xMax, xMax: cx - w.xMin, yMin: cy - w.yMax, yMax: cy - w.yMin };
  });
  return { ...page, words };
}

/** The pages turned upright where the extractor's lines say how they are turned, each turn noted by page. */
function uprightPages(given: readonly PdfPage[]): { pages: PdfPage[]; notes: ReportDocument['notes'] } {
  const notes: ReportDocument['notes'] = [];
  const pages = given.map((p) => {
    const turn = pageTurn(p);
    if (!turn) return p;
    notes.push({ place: IMPORT_PLACE.page(p.number), message: IMPORT_REPAIR.turned(turn) });
    return turnedUpright(p, turn);
  });
  return { pages, notes };
}

/** Where body lines start after a column gap, counted: a column's left edge is where many start. */
function bodyStartsOf(lines: readonly Line[]): number[] {
  const counts = new Map<number, number>();
  for (const l of lines)
    l.words.forEach((w, i) => {
      if (i > 0 && w.xMin - l.words[i - 1].xMax < 0.5 * (w.yMax - w.yMin)) return;
      const x = Math.round(w.xMin);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    });
  return [...counts].filter(([, n]) => n >= 3).map(([x]) => x);
}

/** The index of the first line after the header's own further lines (each piece still spells its header's start). */
function afterHeader(lines: readonly Line[], from: number, header: Line, bounds: number[]): number {
  const soFar = HEADER_KEYS.map(() => '');
  for (const w of header.words) soFar[columnOf(w.xMin, bounds)] += skeleton(w.text);
  let at = from;
  while (at < lines.length) {
    const pieces = HEADER_KEYS.map(() => '');
    for (const w of lines[at].words) pieces[columnOf(w.xMin, bounds)] += skeleton(w.text);
    const full = HEADER_NAMES.map((_, k) => soFar[k] + pieces[k]);
    const stillHeader = full.every((f, k) => pieces[k] === '' || skeleton(HEADER_FULL[k]).startsWith(f));
    if (!stillHeader) break;
    full.forEach((f, k) => {
      soFar[k] = f;
    });
    at++;
  }
  return at;
}

/** What reading carries from page to page: a table whose header is not repeated goes on, in the same columns. */
interface Reading {
  blocks: ReportBlock[];
  notes: ReportDocument['notes'];
  headerSeen: boolean;
  inTable: boolean;
  bounds: number[];
}

/** One page's lines into the reading's blocks: the row and the paragraph it is building, its Thai repairs. */
class PageReader {
  readonly place: string;
  private readonly repairs: Array<readonly [string, string]> = [];
  private row: string[][] | null = null;
  private prevIssueEmpty = true;
  private paragraph: { text: string; full: boolean } | null = null;
  /** a row the previous page ended with: this page's first row may continue it */
  private pending: ReportBlock | undefined;

  constructor(
    private readonly r: Reading,
    page: PdfPage,
  ) {
    this.place = IMPORT_PLACE.page(page.number);
    this.pending = r.blocks[r.blocks.length - 1]?.kind === 'row' ? r.blocks.pop() : undefined;
  }

  repaired(s: string): string {
    const fixed = repairThaiText(s);
    this.repairs.push(...fixed.changes);
    return fixed.text;
  }

  private flushRow(): void {
    if (!this.row) return;
    const cells = this.row.map((lines, k) => [this.repaired(joinCellLines(lines, k))]);
    // a responsible cell merged down rows shows its text once, in the first row: the rows below share it
    const above = rowAbove(this.r.blocks);
    if (cells[RESPONSIBLE][0] === '' && above) {
      cells[RESPONSIBLE] = [...above.cells[RESPONSIBLE]];
      this.r.notes.push({ place: this.place, message: IMPORT_REPAIR.mergedResponsible(cells[RESPONSIBLE].join(' ')) });
    }
    this.r.blocks.push({ kind: 'row', cells, place: this.place });
    this.row = null;
  }

  private flushParagraph(): void {
    if (this.paragraph)
      this.r.blocks.push({ kind: 'paragraph', text: this.repaired(this.paragraph.text), place: this.place });
    this.paragraph = null;
  }

  private restore(): void {
    if (this.pending) this.r.blocks.push(this.pending);
    this.pending = undefined;
  }

  /** A header row: the table (re)starts in these columns. */
  header(): void {
    this.flushParagraph();
    this.flushRow();
    this.r.blocks.push({ kind: 'row', cells: HEADER_FULL.map((h) => [h]), place: this.place });
    this.prevIssueEmpty = true;
  }

  /** A line outside the table, or an area heading (which ends it). `right`: the page's right margin. */
  prose(line: Line, text: string, area: boolean, right: number): void {
    this.restore();
    this.flushRow();
    if (area) {
      this.flushParagraph();
      this.r.blocks.push({ kind: 'paragraph', text: this.repaired(text), place: this.place });
      return;
    }
    // a wrapped paragraph line continues the one before when that one ran to the right margin
    if (this.paragraph?.full)
      this.paragraph.text +=
        /[\u0E00-\u0E7F]$/.test(this.paragraph.text) && /^[\u0E00-\u0E7F]/.test(text) ? text : ` ${text}`;
    else {
      this.flushParagraph();
      this.paragraph = { text, full: false };
    }
    this.paragraph.full = line.words[line.words.length - 1].xMax > right - 3 * (line.yMax - line.yMin);
  }

  /** A line of the table: its words into the columns, a new measure's row where one begins. */
  tableLine(line: Line): void {
    const cells: PdfWord[][] = HEADER_KEYS.map(() => []);
    for (const w of line.words) cells[columnOf(w.xMin, this.r.bounds)].push(w);
    const texts = cells.map(joinWords);
    const itemOne = ITEM_ONE.test(texts[MONITORING].trim());
    if (this.pending) {
      // the page's first row goes on from the page before unless the monitoring list starts again
      const pending = this.pending;
      const continues = pending.kind === 'row' && !itemOne;
      if (continues && pending.kind === 'row') {
        this.row = pending.cells.map((c) => [...c]);
        this.prevIssueEmpty = false;
      }
      this.pending = continues ? undefined : pending;
      this.restore();
    }
    if (!this.row || itemOne || (texts[ISSUE] !== '' && this.prevIssueEmpty)) {
      this.flushRow();
      this.row = HEADER_KEYS.map(() => []);
    }
    const row = this.row;
    texts.forEach((t, k) => {
      if (t !== '') row[k].push(t);
    });
    this.prevIssueEmpty = texts[ISSUE] === '';
  }

  end(): void {
    this.restore();
    this.flushParagraph();
    this.flushRow();
    if (this.repairs.length)
      this.r.notes.push({
        place: this.place,
        message: IMPORT_REPAIR.repaired(this.repairs.length, dedupe(this.repairs).slice(0, 5)),
      });
  }
}

/** One page read into the reading; a header with columns missing refuses the file (its message). */
function readPage(page: PdfPage, r: Reading): string | null {
  const reader = new PageReader(r, page);
  const lines = linesOf(page.words);
  const right = Math.max(0, ...lines.map((l) => l.words[l.words.length - 1].xMax));
  let lineIndex = 0;
  while (lineIndex < lines.length) {
    const line = lines[lineIndex++];
    const text = joinWords(line.words);
    const header = headerStarts(line) ?? headerBandStarts(lines, lineIndex - 1);
    if (header) {
      const missing = HEADER_NAMES.filter((_, k) => Number.isNaN(header[k]));
      if (missing.length) return IMPORT_FILE.pdfColumns(page.number, missing);
      r.headerSeen = true;
      r.bounds = boundaries(header, line, bodyStartsOf(lines.slice(lineIndex)));
      lineIndex = afterHeader(lines, lineIndex, line, r.bounds);
      reader.header();
      r.inTable = true;
      continue;
    }
    const area = areaOf(reader.repaired(text));
    if (!r.inTable || area) {
      r.inTable = false;
      reader.prose(line, text, area !== null, right);
    } else reader.tableLine(line);
  }
  reader.end();
  return null;
}

export function pdfReportDocument(given: readonly PdfPage[], fileName: string): PdfLayout {
  if (given.every((p) => p.words.every((w) => w.text.trim() === '')))
    return { ok: false, message: IMPORT_FILE.pdfNoText(fileName) };
  // a page turned in a viewer is read in its turn (what cannot be told is refused below, by page)
  const { pages, notes } = uprightPages(given);
  const sideways = sidewaysPages(pages);
  if (sideways.length) return { ok: false, message: IMPORT_FILE.pdfSideways(sideways) };
  const reading: Reading = { blocks: [], notes, headerSeen: false, inTable: false, bounds: [] };
  for (const page of pages) {
    const refused = readPage(page, reading);
    if (refused) return { ok: false, message: refused };
  }
  if (!reading.headerSeen) return { ok: false, message: IMPORT_FILE.pdfNoHeader(fileName) };
  return { ok: true, doc: { blocks: reading.blocks, notes: reading.notes } };
}

/** The header row as the importer knows it (one row per page, as the seed's text has it). */
const HEADER_FULL = [HEADER.issue, HEADER.steps, HEADER.responsible, HEADER.monitoring, REPORT_WORD.resultHeader];

/** The table's last measure row, past repeated header rows; none across a heading or paragraph. */
function rowAbove(blocks: readonly ReportBlock[]): Extract<ReportBlock, { kind: 'row' }> | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.kind !== 'row') return null;
    if (b.cells[0]?.[0] !== HEADER_FULL[0]) return b;
  }
  return null;
}

function dedupe(pairs: Array<readonly [string, string]>): Array<readonly [string, string]> {
  const seen = new Set<string>();
  return pairs.filter(([before]) => {
    if (seen.has(before)) return false;
    seen.add(before);
    return true;
  });
}
