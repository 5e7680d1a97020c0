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

/** Rough lines a paragraph takes in a column this wide: glyphs of about half an em each. */
function linesOf(p: ParagraphBlock, widthPt: number, sizePt: number): number {
  const glyphs = paragraphText(p).replace(ZERO_WIDTH, '').length;
  const perLine = Math.max(1, Math.floor(widthPt / (0.5 * (p.style.sizePt ?? sizePt))));
  return Math.max(1, Math.ceil(glyphs / perLine));
}

/** Rough height of a table row in points: its tallest cell, lines of 1.5 × the size each. */
function rowHeightPt(doc: DocumentModel, table: TableBlock, rowIndex: number): number {
  const row = table.rows[rowIndex] ?? [];
  const size = fontSizeOf(doc);
  const total = table.columnWeights.reduce((a, b) => a + b, 0) || 1;
  const text = textWidthPt(doc.page);
  return Math.max(
    0,
    ...row.map((c, ci) => {
      const w = (text * (table.columnWeights[ci] ?? 0)) / total - 8;
      return c.paragraphs.reduce((h, p) => h + linesOf(p, Math.max(w, 20), size) * size * 1.5, 0);
    }),
  );
}

/** Rough height of a paragraph outside a table, its spacing included. */
const paragraphHeightPt = (doc: DocumentModel, p: ParagraphBlock): number => {
  const size = p.style.sizePt ?? fontSizeOf(doc);
  return (
    linesOf(p, textWidthPt(doc.page), size) * size * 1.5 + (p.style.spaceBeforePt ?? 0) + (p.style.spaceAfterPt ?? 0)
  );
};

const textHeightPt = (doc: DocumentModel): number =>
  pageSizePt(doc.page).heightPt - doc.page.marginsPt.top - doc.page.marginsPt.bottom;

/**
 * Whether a table row fits on one page (estimated generously: lines of about half-em glyphs, 1.5 lines
 * of height each). Writers keep such a row whole (docx cantSplit, Docs preventOverflow), so a row never
 * leaves a fragment under the repeated header; a row longer than a page still breaks, or it would be cut.
 */
export function rowFitsOnePage(doc: DocumentModel, table: TableBlock, rowIndex: number): boolean {
  if (!table.rows[rowIndex]) return false;
  // the repeated header rows and the header/footer lines take their room too
  return rowHeightPt(doc, table, rowIndex) < textHeightPt(doc) * 0.8;
}

/**
 * Whether a writer keeps a row whole (docx cantSplit, Docs preventOverflow): every row that fits a page,
 * except the document's first table's first row when it does not fit below what comes before it on page
 * 1 (the title block, the intro): kept whole it would move to page 2 with the header row and leave page 1
 * holding only the title block. That row starts on page 1 and goes on on page 2. (A later table's first
 * row stays whole: split, it would leave a fragment alone under the repeated header.)
 */
export function keepRowWhole(doc: DocumentModel, table: TableBlock, rowIndex: number): boolean {
  if (!rowFitsOnePage(doc, table, rowIndex)) return false;
  const at = doc.blocks.indexOf(table);
  if (rowIndex !== table.headerRows || at !== doc.blocks.findIndex((b) => b.kind === 'table')) return true;
  const before = doc.blocks
    .slice(0, at)
    .reduce(
      (h, b) => h + (b.kind === 'paragraph' ? paragraphHeightPt(doc, b) : b.kind === 'image' ? b.heightPt : 0),
      0,
    );
  const header = table.rows.slice(0, table.headerRows).reduce((h, _, r) => h + rowHeightPt(doc, table, r), 0);
  // the same margin as rowFitsOnePage: the office Thai fonts' lines are taller than 1.5 × the size
  return before + header + rowHeightPt(doc, table, rowIndex) < textHeightPt(doc) * 0.8;
}

/**
 * The model with the heading before a table let go of its table (keepWithNext false) when the heading,
 * the header rows and the table's first row cannot share one page: kept with it, LibreOffice moves the
 * heading to a new page, finds the table does not fit there either, and leaves the heading alone on a page.
 * Let go, the heading ends the page before and the table starts on the next.
 */
export function looseHeadings(doc: DocumentModel): DocumentModel {
  const blocks = doc.blocks.map((b, i) => {
    const next = doc.blocks[i + 1];
    if (b.kind !== 'paragraph' || !b.style.heading || next?.kind !== 'table') return b;
    const first = next.headerRows;
    if (!next.rows[first]) return b;
    const header = next.rows.slice(0, first).reduce((h, _, r) => h + rowHeightPt(doc, next, r), 0);
    const needed = paragraphHeightPt(doc, b) + header + rowHeightPt(doc, next, first);
    return needed < textHeightPt(doc) * 0.8 ? b : { ...b, style: { ...b.style, keepWithNext: false } };
  });
  return { ...doc, blocks };
}
