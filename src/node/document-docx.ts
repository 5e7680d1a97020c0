// Any document model as a Word document (docx library): the page size, orientation and margins of the
// model, the settings' font ("Sarabun" becomes "TH Sarabun New", the office name), tables exactly as
// wide as the text area whose header rows repeat on every page, every paragraph styled as the model says.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  A4,
  type Alignment,
  type Block,
  type DocumentModel,
  fontSizeOf,
  type ParagraphBlock,
  type TableBlock,
  textWidthPt,
} from '../core/document';

/** Google Docs' Sarabun is "TH Sarabun New" on office PCs (LibreOffice substitutes Laksaman, metric-alike). */
export const DOCX_DEFAULT_FONT = 'TH Sarabun New';

export const docxFont = (settingsFont: string): string =>
  !settingsFont || settingsFont.toLowerCase() === 'sarabun' ? DOCX_DEFAULT_FONT : settingsFont;

const twips = (pt: number): number => Math.round(pt * 20);

const ALIGN: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  start: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  end: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const HEADING = [undefined, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** A table's column widths in twips: the text area split by the weights, the rounding left to the last. */
export function columnWidthsOf(doc: DocumentModel, weights: readonly number[]): number[] {
  const text = twips(textWidthPt(doc.page));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((text * w) / total));
  widths[widths.length - 1] += text - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function paragraphOf(p: ParagraphBlock, forceBold = false, forceAlign?: Alignment): Paragraph {
  const s = p.style;
  const size = s.sizePt ? Math.round(s.sizePt * 2) : undefined;
  return new Paragraph({
    heading: s.heading ? HEADING[s.heading] : undefined,
    alignment: ALIGN[forceAlign ?? s.align ?? 'start'],
    indent:
      s.indentFirstPt || s.indentStartPt
        ? {
            firstLine: s.indentFirstPt ? twips(s.indentFirstPt) : undefined,
            left: s.indentStartPt ? twips(s.indentStartPt) : undefined,
          }
        : undefined,
    spacing:
      s.spaceBeforePt || s.spaceAfterPt
        ? {
            before: s.spaceBeforePt ? twips(s.spaceBeforePt) : undefined,
            after: s.spaceAfterPt ? twips(s.spaceAfterPt) : undefined,
          }
        : undefined,
    children: p.runs.map((r) => {
      const runSize = r.sizePt ? Math.round(r.sizePt * 2) : size;
      return new TextRun({
        text: r.text,
        bold: forceBold || s.bold || r.bold || undefined,
        size: runSize,
        sizeComplexScript: runSize,
      });
    }),
  });
}

function tableOf(doc: DocumentModel, t: TableBlock): Table {
  const widths = columnWidthsOf(doc, t.columnWeights);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    rows: t.rows.map((row, ri) => {
      const header = ri < t.headerRows;
      return new TableRow({
        tableHeader: header || undefined, // repeated at the top of every page the table spans
        cantSplit: header || undefined,
        children: row.map(
          (c, ci) =>
            new TableCell({
              width: { size: widths[ci] ?? widths[widths.length - 1], type: WidthType.DXA },
              verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
              children: (c.paragraphs.length
                ? c.paragraphs
                : [{ kind: 'paragraph', runs: [{ text: '' }], style: {} } as ParagraphBlock]
              ).map((p) => (header ? paragraphOf(p, true, 'center') : paragraphOf(p))),
            }),
        ),
      });
    }),
  });
}

/**
 * The image slot: the image's bytes when a runtime found them (images by id), else an empty
 * paragraph exactly as tall as the slot, so the room stays on the page.
 */
function imageOf(b: Extract<Block, { kind: 'image' }>, images: ReadonlyMap<string, Uint8Array>): Paragraph {
  const data = b.imageId ? images.get(b.imageId) : undefined;
  if (data) {
    const px = Math.round((b.heightPt * 96) / 72);
    return new Paragraph({
      alignment: ALIGN[b.align],
      children: [new ImageRun({ type: 'png', data, transformation: { width: px, height: px } })],
    });
  }
  return new Paragraph({
    alignment: ALIGN[b.align],
    spacing: { line: twips(b.heightPt), lineRule: 'exact' },
    children: [],
  });
}

export function documentDocx(doc: DocumentModel, images: ReadonlyMap<string, Uint8Array> = new Map()): Document {
  const font = docxFont(doc.font);
  const halfPoints = Math.round(fontSizeOf(doc) * 2);
  const run = {
    font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
    size: halfPoints,
    sizeComplexScript: halfPoints,
  };
  const heading = (level: number) => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...run, bold: true, boldComplexScript: true, color: '000000' },
    paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
  });
  const children: (Paragraph | Table)[] = doc.blocks.map((b) =>
    b.kind === 'paragraph' ? paragraphOf(b) : b.kind === 'table' ? tableOf(doc, b) : imageOf(b, images),
  );
  const m = doc.page.marginsPt;
  return new Document({
    creator: 'ita-tracker',
    title: doc.title,
    styles: {
      default: { document: { run } },
      paragraphStyles: [heading(1), heading(2), heading(3)],
    },
    sections: [
      {
        properties: {
          page: {
            // portrait A4 dimensions; docx swaps them for the landscape orientation
            size: {
              width: twips(A4.widthPt),
              height: twips(A4.heightPt),
              orientation: doc.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right) },
          },
        },
        children,
      },
    ],
  });
}

export async function writeDocumentDocx(
  doc: DocumentModel,
  images?: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(documentDocx(doc, images)));
}
