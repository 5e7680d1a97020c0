// One small document model for every document the tracker writes (the round report, the measures
// plan, the memo to the executive): page setup and a list of blocks. Core builds a document as this
// model; each runtime has ONE writer per output that renders any model (HTML: core/document-html.ts,
// .docx: node/document-docx.ts, Google Doc: gas/document-doc.ts), so a new document is a builder in
// core and no writer changes (docs/documents.md).

import { printable } from './cells';

export type Alignment = 'start' | 'center' | 'end' | 'justify';

/** A piece of a paragraph's text with its own weight (a memo's bold label before plain text). */
export interface Run {
  text: string;
  bold?: boolean;
  /** points; absent: the paragraph's size (the memo's 20 pt labels) */
  sizePt?: number;
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

export interface DocumentModel {
  /** file name and page title */
  title: string;
  page: PageSetup;
  /** Google Docs font name ("Sarabun"); the .docx writer maps it to the office font */
  font: string;
  fontSizePt: number;
  blocks: Block[];
}

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
