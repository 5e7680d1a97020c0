// One small document model for every document the tracker writes (the round report, the measures
// plan, the memo to the executive): page setup and a list of blocks. Core builds a document as this
// model; each runtime has ONE writer per output that renders any model (HTML: core/document-html.ts,
// .docx: node/document-docx.ts, Google Doc: gas/document-doc.ts), so a new document is a builder in
// core and no writer changes (docs/documents.md).

import { printable } from './cells';

export type Alignment = 'start' | 'center' | 'end' | 'justify';

/** A piece of a paragraph's text with its own weight (a memo's bold label before plain text). */
export interface Run {
  /** "\t" moves to the paragraph's next tab stop (ParagraphStyle.tabStops) */
  text: string;
  bold?: boolean;
  /** points; absent: the paragraph's size (the memo's 20 pt labels) */
  sizePt?: number;
  /**
   * An image in the line (the memo's Garuda beside its heading): a Drive id from settings, or '' to
   * keep the room. A writer with the image's bytes draws it this tall; without, the line keeps the height.
   */
  image?: { imageId: string; heightPt: number };
  /** never broken across lines (a phone number, the agency's name in a title) */
  noBreak?: boolean;
}

/**
 * A tab stop, from the start margin. A dot leader fills the gap before the text that follows the tab
 * with dots — the memo's ส่วนราชการ / ที่ / วันที่ / เรื่อง lines (ระเบียบงานสารบรรณ, แบบที่ 29).
 */
export interface TabStop {
  atPt: number;
  align: 'start' | 'center' | 'end';
  leader?: 'dot';
}

export interface ParagraphStyle {
  /** 0 = body text; 1–3 = heading levels */
  heading?: 0 | 1 | 2 | 3;
  align?: Alignment;
  /** the whole paragraph bold (runs may also set their own) */
  bold?: boolean;
  /** points; absent: the document's size */
  sizePt?: number;
  /** first-line indent, points */
  indentFirstPt?: number;
  /** indent of the whole paragraph from the start margin, points */
  indentStartPt?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** on the same page as the next paragraph (a heading and what it heads: the executive's block) */
  keepWithNext?: boolean;
  /** the paragraph's lines on one page */
  keepTogether?: boolean;
  tabStops?: TabStop[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  style: ParagraphStyle;
}

/**
 * A table cell: paragraphs. List items are paragraphs whose text keeps the marker the agency wrote
 * ("- …", "๑. …"): the tracker reproduces the agency's list style rather than guessing it.
 */
export interface TableCell {
  paragraphs: ParagraphBlock[];
}

export interface TableBlock {
  kind: 'table';
  /** relative widths; the table spans the text area */
  columnWeights: number[];
  /** rows at the top repeated on every page the table spans (bold and centred) */
  headerRows: number;
  rows: TableCell[][];
  /** anchors for the rows after the header rows (the report's measure ids: a link can point at one) */
  rowIds?: string[];
}

/** Room for an image (the Garuda on a memo): the image id from settings, or '' to keep the room empty. */
export interface ImageBlock {
  kind: 'image';
  imageId: string;
  heightPt: number;
  align: Alignment;
}

export type Block = ParagraphBlock | TableBlock | ImageBlock;

export interface PageSetup {
  size: 'A4';
  orientation: 'portrait' | 'landscape';
  marginsPt: { top: number; right: number; bottom: number; left: number };
}

/**
 * Where page numbers go (the setting เลขหน้า). The งานสารบรรณ convention, the default: "- ๒ -" centred
 * at the top from the second page. Every position leaves the first page unnumbered.
 */
export type PageNumberPosition = 'top-center' | 'bottom-center' | 'bottom-end';

export interface PageNumbers {
  position: PageNumberPosition;
  /** Thai or Arabic digits, as the settings' ตัวเลขในรายงาน */
  thaiDigits: boolean;
}

export interface DocumentModel {
  /** file name and page title */
  title: string;
  page: PageSetup;
  /** Google Docs font name ("Sarabun"); the .docx writer maps it to the office font */
  font: string;
  fontSizePt: number;
  blocks: Block[];
  /**
   * Line height as a share of the font's single spacing (absent: 1). The office Thai fonts' single line
   * is tall (LibreOffice's Laksaman, TH Sarabun New's stand-in, about twice the size); the memo sets it
   * lower so a normal memo is one page.
   */
  lineSpacing?: number;
  /** absent: no page numbers (a one-page memo) */
  pageNumbers?: PageNumbers;
  /**
   * A line across the top of every page: the sample-data marker ("ตัวอย่าง — ไม่ใช่ข้อมูลจริง") while the
   * document is built from the example's data. Absent: none.
   */
  banner?: string;
}

/** The page-number text around the number: "- ๒ -". */
export const PAGE_NUMBER_AROUND = { before: '- ', after: ' -' } as const;

/** A4 in points, portrait. */
export const A4 = { widthPt: 595.28, heightPt: 841.89 } as const;

export const CM = 28.3465; // points in a centimetre

export function pageSizePt(page: PageSetup): { widthPt: number; heightPt: number } {
  return page.orientation === 'landscape'
    ? { widthPt: A4.heightPt, heightPt: A4.widthPt }
    : { widthPt: A4.widthPt, heightPt: A4.heightPt };
}

/** Width of the text area in points. */
export const textWidthPt = (page: PageSetup): number =>
  pageSizePt(page).widthPt - page.marginsPt.left - page.marginsPt.right;

/** The font size a writer uses: the model's when it is a sane number, else 16 (the official size). */
export const fontSizeOf = (doc: Pick<DocumentModel, 'fontSizePt'>): number =>
  Number.isFinite(doc.fontSizePt) && doc.fontSizePt > 0 ? doc.fontSizePt : 16;

// ---------------------------------------------------------------- builders' shorthand

/** Every text of every document goes through here: control characters (invalid in a .docx's XML) are dropped. */
export const paragraph = (text: string | Run[], style: ParagraphStyle = {}): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof text === 'string' ? [{ text: printable(text) }] : text.map((r) => ({ ...r, text: printable(r.text) })),
  style,
});

export const cell = (texts: readonly string[], style: ParagraphStyle = {}): TableCell => ({
  paragraphs: (texts.length ? texts : ['']).map((t) => paragraph(t, style)),
});

export const paragraphText = (p: ParagraphBlock): string => p.runs.map((r) => r.text).join('');

/**
 * The document's text in reading order, one string per paragraph (a table's cells row by row, each
 * cell's paragraphs in order). Golden tests compare it; empty paragraphs are kept.
 */
export function documentParagraphs(doc: DocumentModel): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(paragraphText(b));
    else if (b.kind === 'table')
      for (const row of b.rows) for (const c of row) for (const p of c.paragraphs) out.push(paragraphText(p));
  }
  return out;
}

// ---------------------------------------------------------------- keeping table rows whole

/** Thai marks above and below a letter take no width of their own. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D\u2060]/gu;

/**
 * The office Thai fonts' single line, in ems: TH Sarabun New and LibreOffice's stand-in Laksaman set a
 * line 1.72 × the size (27.4 pt at 16 pt, read off LibreOffice's PDF of the report). 1.5 made a row of
 * 15 lines look like 13, and LibreOffice cut off a row kept whole that was taller than the page.
 */
const LINE_EM = 1.72;
/**
 * A glyph's width in ems, on average over a line with its spaces: 0.5 (the plan's E-Service row: 78
 * glyphs a paragraph, 3 lines of 231 pt). Lines counted per paragraph, each rounded up.
 */
const GLYPH_EM = 0.5;

const lineHeightPt = (doc: DocumentModel, sizePt: number): number => LINE_EM * sizePt * (doc.lineSpacing ?? 1);

/** Lines a paragraph takes in a column this wide: glyphs of about half an em. */
function linesOf(p: ParagraphBlock, widthPt: number, sizePt: number): number {
  const glyphs = paragraphText(p).replace(ZERO_WIDTH, '').length;
  const size = p.style.sizePt ?? sizePt;
  const width = widthPt - (p.style.indentStartPt ?? 0);
  const perLine = Math.max(1, Math.floor(width / (GLYPH_EM * size)));
  return Math.max(1, Math.ceil((glyphs + (p.style.indentFirstPt ?? 0) / (GLYPH_EM * size)) / perLine));
}

/** A paragraph's height: its lines and its spacing. */
const blockParagraphPt = (doc: DocumentModel, p: ParagraphBlock, widthPt: number, sizePt: number): number =>
  linesOf(p, widthPt, sizePt) * lineHeightPt(doc, p.style.sizePt ?? sizePt) +
  (p.style.spaceBeforePt ?? 0) +
  (p.style.spaceAfterPt ?? 0);

/** A row's cell padding and borders (the .docx writer's 1 pt above and below). */
const ROW_PADDING_PT = 3;

/** Estimated height of a table row in points: its tallest cell. */
function rowHeightPt(doc: DocumentModel, table: TableBlock, rowIndex: number): number {
  const row = table.rows[rowIndex] ?? [];
  const size = fontSizeOf(doc);
  const total = table.columnWeights.reduce((a, b) => a + b, 0) || 1;
  const text = textWidthPt(doc.page);
  return (
    ROW_PADDING_PT +
    Math.max(
      0,
      ...row.map((c, ci) => {
        // the writers' cell padding: 4 pt either side
        const w = Math.max((text * (table.columnWeights[ci] ?? 0)) / total - 8, 20);
        return c.paragraphs.reduce((h, p) => h + blockParagraphPt(doc, p, w, size), 0);
      }),
    )
  );
}

/** Estimated height of a paragraph outside a table, its spacing included. */
const paragraphHeightPt = (doc: DocumentModel, p: ParagraphBlock): number =>
  blockParagraphPt(doc, p, textWidthPt(doc.page), fontSizeOf(doc));

/**
 * The height the body has on a page: the margins', less what the page's header or footer lines take
 * beyond the margin. They sit half a centimetre from the edge (the .docx writer), and the banner with a
 * page number above it is two lines (about 80 pt from the top at 16 pt: the body moves down).
 */
export function bodyHeightPt(doc: DocumentModel): number {
  const { heightPt } = pageSizePt(doc.page);
  const m = doc.page.marginsPt;
  const line = LINE_EM * fontSizeOf(doc);
  const pn = doc.pageNumbers?.position;
  const above = (doc.banner ? 1 : 0) + (pn === 'top-center' ? 1 : 0);
  const below = pn && pn !== 'top-center' ? 1 : 0;
  const edge = 0.5 * CM + 12;
  const top = above ? Math.max(m.top, edge + above * line) : m.top;
  const bottom = below ? Math.max(m.bottom, edge + below * line) : m.bottom;
  return heightPt - top - bottom;
}

const headerRowsPt = (doc: DocumentModel, table: TableBlock): number =>
  table.rows.slice(0, table.headerRows).reduce((h, _, r) => h + rowHeightPt(doc, table, r), 0);

/**
 * Whether a table row fits on one page below the table's repeated header rows, with a line to spare for
 * the estimate's error (it errs towards "does not fit": a row kept whole that is taller than the page is
 * cut off by LibreOffice, a row let split only leaves a shorter part on the next page). Writers keep such
 * a row whole (docx cantSplit, Docs preventOverflow), so it moves to the next page whole; a row longer
 * than that breaks.
 */
export function rowFitsOnePage(doc: DocumentModel, table: TableBlock, rowIndex: number): boolean {
  if (!table.rows[rowIndex]) return false;
  const room = bodyHeightPt(doc) - headerRowsPt(doc, table) - lineHeightPt(doc, fontSizeOf(doc));
  return rowHeightPt(doc, table, rowIndex) <= room;
}

/**
 * What must share a page with a table's first row: everything before the document's first table (the
 * title block, the intro, the first heading: page 1), else the heading just before the table (it is
 * kept with its table, keepWithNext).
 */
function beforeFirstRowPt(doc: DocumentModel, at: number): number {
  const blockPt = (b: Block): number =>
    b.kind === 'paragraph' ? paragraphHeightPt(doc, b) : b.kind === 'image' ? b.heightPt : 0;
  if (at === doc.blocks.findIndex((b) => b.kind === 'table'))
    return doc.blocks.slice(0, at).reduce((h, b) => h + blockPt(b), 0);
  let h = 0;
  for (let i = at - 1; i >= 0; i--) {
    const b = doc.blocks[i];
    if (b.kind !== 'paragraph' || !(b.style.heading || b.style.keepWithNext)) break;
    h += blockPt(b);
  }
  return h;
}

/**
 * Whether a writer keeps a row whole (docx cantSplit, Docs preventOverflow): every row that fits a page,
 * except a table's first row when it cannot share a page with what is kept before it — on page 1 the title
 * block and intro, elsewhere the area's heading. Kept whole, it would move to the next page with the
 * header row and leave page 1 holding only the title block, or the heading alone on a page (the heading
 * is kept with its table, so LibreOffice moves both and the heading stays behind). That row starts on the
 * page with its heading and goes on on the next.
 */
export function keepRowWhole(doc: DocumentModel, table: TableBlock, rowIndex: number): boolean {
  if (!rowFitsOnePage(doc, table, rowIndex)) return false;
  if (rowIndex !== table.headerRows) return true;
  const before = beforeFirstRowPt(doc, doc.blocks.indexOf(table));
  const room = bodyHeightPt(doc) - headerRowsPt(doc, table) - lineHeightPt(doc, fontSizeOf(doc));
  return before + rowHeightPt(doc, table, rowIndex) <= room;
}
