// Any document model as a Word document (docx library): the page size, orientation and margins of the
// model, the settings' font ("Sarabun" becomes "TH Sarabun New", the office name), tables exactly as
// wide as the text area whose header rows repeat on every page, every paragraph styled as the model says.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type IContext,
  ImageRun,
  type IXmlableObject,
  LeaderType,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
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
  keepRowWhole,
  PAGE_NUMBER_AROUND,
  type ParagraphBlock,
  type Run,
  type TableBlock,
  textWidthPt,
} from '../core/document';
import { joinedRuns } from '../core/document-words';
import { imageKind } from '../core/image-kind';

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

const TAB_ALIGN = { start: TabStopType.LEFT, center: TabStopType.CENTER, end: TabStopType.RIGHT } as const;

/** A run's pieces: text, a Tab element for each "\t" (a run as joinedRuns gives it). */
const runChildren = (r: Run): (string | Tab)[] =>
  r.text.includes('\t')
    ? r.text
        .split('\t')
        .flatMap((piece, i) => (i === 0 ? [piece] : [new Tab(), piece]))
        .filter((c) => c !== '')
    : r.text === ''
      ? []
      : [r.text];

type Images = ReadonlyMap<string, Uint8Array>;

function imageRunOf(image: NonNullable<Run['image']>, images: Images): ImageRun | null {
  const data = image.imageId ? images.get(image.imageId) : undefined;
  const type = data ? imageKind(data) : null;
  if (!data || !type) return null;
  const px = Math.round((image.heightPt * 96) / 72);
  const size = imageSize(data, type);
  const width = size ? Math.round((px * size.width) / size.height) : px;
  return new ImageRun({ type, data, transformation: { width, height: px } });
}

/** Pixel size from a PNG's IHDR or a JPEG's SOF marker; null when it cannot be read. */
function imageSize(data: Uint8Array, type: 'png' | 'jpg'): { width: number; height: number } | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (type === 'png') return data.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  for (let i = 2; i + 9 < data.length; ) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1];
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    i += 2 + length;
  }
  return null;
}

function paragraphOf(
  p: ParagraphBlock,
  forceBold = false,
  forceAlign?: Alignment,
  images: Images = new Map(),
): Paragraph {
  const s = p.style;
  const size = s.sizePt ? Math.round(s.sizePt * 2) : undefined;
  // a line holding an image slot keeps the image's height even when there is no image to draw
  const slot = p.runs.find((r) => r.image)?.image;
  return new Paragraph({
    heading: s.heading ? HEADING[s.heading] : undefined,
    // start is OOXML's default justification (no jc): 55,000 fewer elements to pack in a 5,000-measure report
    alignment: (forceAlign ?? s.align ?? 'start') === 'start' ? undefined : ALIGN[forceAlign ?? s.align ?? 'start'],
    // false is written too: it turns off the heading style's keep-with-next (docs/documents.md, rows kept whole)
    keepNext: s.keepWithNext,
    keepLines: s.keepTogether || undefined,
    tabStops: s.tabStops?.map((t) => ({
      type: TAB_ALIGN[t.align],
      position: twips(t.atPt),
      ...(t.leader === 'dot' ? { leader: LeaderType.DOT } : {}),
    })),
    indent:
      s.indentFirstPt || s.indentStartPt
        ? {
            firstLine: s.indentFirstPt ? twips(s.indentFirstPt) : undefined,
            left: s.indentStartPt ? twips(s.indentStartPt) : undefined,
          }
        : undefined,
    spacing:
      s.spaceBeforePt || s.spaceAfterPt || slot
        ? {
            before: s.spaceBeforePt ? twips(s.spaceBeforePt) : undefined,
            after: s.spaceAfterPt ? twips(s.spaceAfterPt) : undefined,
            ...(slot ? { line: twips(slot.heightPt), lineRule: 'atLeast' as const } : {}),
          }
        : undefined,
    // no-break runs joined into their neighbours' text (src/core/document-words.ts)
    children: joinedRuns(p.runs).flatMap((r): (TextRun | ImageRun)[] => {
      if (r.image) {
        const image = imageRunOf(r.image, images);
        return image ? [image] : [];
      }
      const runSize = r.sizePt ? Math.round(r.sizePt * 2) : size;
      return [
        new TextRun({
          children: runChildren(r),
          bold: forceBold || s.bold || r.bold || undefined,
          boldComplexScript: forceBold || s.bold || r.bold || undefined,
          size: runSize,
          sizeComplexScript: runSize,
        }),
      ];
    }),
  });
}

/**
 * A table docx builds only while it writes the document, and lets go of once it has its XML: a
 * 5,000-measure report's three tables (55,000 paragraphs) as docx objects all at once, beside the XML
 * made of them, were most of the report's memory peak (issue 26). The XML is the same byte for byte.
 */
class WrittenTable extends Table {
  constructor(private readonly make: () => Table) {
    super({ rows: [], columnWidths: [] });
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    return this.make().prepForXml(context);
  }
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
        // a row is kept whole on one page unless it is longer than a page (then it must break)
        cantSplit: header || keepRowWhole(doc, t, ri) || undefined,
        children: row.map(
          (c, ci) =>
            new TableCell({
              width: { size: widths[ci] ?? widths[widths.length - 1], type: WidthType.DXA },
              // top is OOXML's default (no vAlign)
              verticalAlign: header ? VerticalAlign.CENTER : undefined,
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
function imageOf(b: Extract<Block, { kind: 'image' }>, images: Images): Paragraph {
  const image = imageRunOf({ imageId: b.imageId, heightPt: b.heightPt }, images);
  if (image) return new Paragraph({ alignment: ALIGN[b.align], children: [image] });
  return new Paragraph({
    alignment: ALIGN[b.align],
    spacing: { line: twips(b.heightPt), lineRule: 'exact' },
    children: [],
  });
}

const HEADER_FROM_EDGE_PT = 20;

/**
 * The banner (every page, the first included) and the page number ("- ๒ -", from page 2, where the
 * model says, in Thai digits when the document uses them: OOXML's thaiNumbers format of the PAGE field).
 */
function headersOf(doc: DocumentModel) {
  const size = Math.round(fontSizeOf(doc) * 2);
  const banner = () =>
    doc.banner
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: doc.banner, bold: true, boldComplexScript: true, size, sizeComplexScript: size }),
            ],
          }),
        ]
      : [];
  const pn = doc.pageNumbers;
  const number = () =>
    new Paragraph({
      alignment: pn?.position === 'bottom-end' ? AlignmentType.RIGHT : AlignmentType.CENTER,
      children: [
        new TextRun({
          children: [PAGE_NUMBER_AROUND.before, PageNumber.CURRENT, PAGE_NUMBER_AROUND.after],
          size,
          sizeComplexScript: size,
        }),
      ],
    });
  const top = pn?.position === 'top-center';
  const bottom = pn !== undefined && !top;
  const headers =
    doc.banner || top
      ? {
          default: new Header({ children: [...banner(), ...(top ? [number()] : [])] }),
          ...(pn ? { first: new Header({ children: banner().length ? banner() : [new Paragraph({})] }) } : {}),
        }
      : undefined;
  const footers = bottom
    ? { default: new Footer({ children: [number()] }), first: new Footer({ children: [new Paragraph({})] }) }
    : undefined;
  const numbering = pn
    ? { start: 1, formatType: pn.thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL }
    : undefined;
  return { headers, footers, numbering };
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
    b.kind === 'paragraph'
      ? paragraphOf(b, false, undefined, images)
      : b.kind === 'table'
        ? new WrittenTable(() => tableOf(doc, b))
        : imageOf(b, images),
  );
  const m = doc.page.marginsPt;
  const { headers, footers, numbering } = headersOf(doc);
  return new Document({
    creator: 'ita-tracker',
    title: doc.title,
    styles: {
      default: {
        document: {
          run,
          ...(doc.lineSpacing
            ? { paragraph: { spacing: { line: Math.round(240 * doc.lineSpacing), lineRule: 'auto' as const } } }
            : {}),
        },
      },
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
            margin: {
              top: twips(m.top),
              bottom: twips(m.bottom),
              left: twips(m.left),
              right: twips(m.right),
              // the header and footer lines sit in the margins, half a centimetre from the edge
              header: twips(HEADER_FROM_EDGE_PT),
              footer: twips(HEADER_FROM_EDGE_PT),
            },
            ...(numbering ? { pageNumbers: numbering } : {}),
          },
          // the first page has its own (unnumbered) header and footer
          titlePage: doc.pageNumbers ? true : undefined,
        },
        headers,
        footers,
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
