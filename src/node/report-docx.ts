// The report model as a Word document (docx library): landscape A4, "TH Sarabun New" at the settings'
// size, one table per area whose header row repeats on every page, each list item its own paragraph,
// the table exactly as wide as the text area so it never runs off the page.
import {
  AlignmentType,
  Document,
  HeadingLevel,
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
import { COLUMN_WEIGHTS, PAGE, type Paragraphs, type ReportModel } from '../core/report';

/** Google Docs' Sarabun is "TH Sarabun New" on office PCs (LibreOffice substitutes Laksaman, metric-alike). */
export const DOCX_DEFAULT_FONT = 'TH Sarabun New';

export const docxFont = (settingsFont: string): string =>
  !settingsFont || settingsFont.toLowerCase() === 'sarabun' ? DOCX_DEFAULT_FONT : settingsFont;

const twips = (pt: number): number => Math.round(pt * 20);

/** Text area width of the landscape page in twips, split by the shared column weights. */
export function columnWidthsTwips(): number[] {
  const text = twips(PAGE.widthPt - 2 * PAGE.marginPt);
  const total = COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = COLUMN_WEIGHTS.map((w) => Math.floor((text * w) / total));
  widths[widths.length - 1] += text - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const cellParagraphs = (
  cell: Paragraphs,
  bold = false,
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph[] =>
  (cell.length ? cell : ['']).map((p) => new Paragraph({ alignment, children: [new TextRun({ text: p, bold })] }));

function areaTable(model: ReportModel, rows: Paragraphs[][]): Table {
  const widths = columnWidthsTwips();
  const cell = (content: Paragraph[], i: number) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: content,
      verticalAlign: VerticalAlign.TOP,
    });
  const header = new TableRow({
    tableHeader: true, // repeated at the top of every page the table spans
    cantSplit: true,
    children: model.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs([c], true, AlignmentType.CENTER),
        }),
    ),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    rows: [header, ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(cellParagraphs(c), i)) }))],
  });
}

export function reportDocument(model: ReportModel): Document {
  const font = docxFont(model.font);
  const halfPoints = Math.round((Number.isFinite(model.fontSize) && model.fontSize > 0 ? model.fontSize : 16) * 2);
  const run = {
    font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
    size: halfPoints,
    sizeComplexScript: halfPoints,
  };
  const heading = (id: string, name: string) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...run, bold: true, boldComplexScript: true, color: '000000' },
    paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
  });
  const centered = (text: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  const children: (Paragraph | Table)[] = [
    ...model.titleBlock.map((l, i) => centered(l, i === 0)),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [new TextRun(model.heading)],
    }),
    new Paragraph({ indent: { firstLine: twips(36) }, children: [new TextRun(model.intro)] }),
  ];
  for (const s of model.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(s.heading)] }));
    children.push(areaTable(model, s.rows));
  }
  return new Document({
    creator: 'ita-tracker',
    title: model.documentName,
    styles: {
      default: { document: { run } },
      paragraphStyles: [heading('Heading2', 'Heading 2'), heading('Heading3', 'Heading 3')],
    },
    sections: [
      {
        properties: {
          page: {
            // portrait A4 dimensions; docx swaps them for the landscape orientation
            size: { width: twips(PAGE.heightPt), height: twips(PAGE.widthPt), orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: twips(PAGE.marginPt),
              bottom: twips(PAGE.marginPt),
              left: twips(PAGE.marginPt),
              right: twips(PAGE.marginPt),
            },
          },
        },
        children,
      },
    ],
  });
}

export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(reportDocument(model)));
}
