// Word files an agency could hold for last year's report, built with the docx library, and the same
// report in the seed's text format, so every importer path can be compared with the text import:
//  - the seed report (sheets-template/ita-measures-report-2566-round6.txt) as its Word file would look:
//    landscape, title block, heading, intro, one table per area, header row repeated on every page,
//    list items as "- " / "๑." paragraphs
//  - a second report in another layout: portrait, narrow columns, a smaller font, Word list numbering
//    (bullets and Thai numbers), line breaks inside cells, a responsible cell merged down two rows and the
//    header row typed again in the middle of a table (LibreOffice shows Word's Thai numbering in Arabic digits)
// and the bad files the importer must refuse. PDFs are made from these by LibreOffice (tests/e2e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { listItems } from '../../src/core/importer';

const SEED_PATH = join(__dirname, '../..', 'sheets-template', 'ita-measures-report-2566-round6.txt');

/** A cell: its paragraphs; `list` makes them Word list paragraphs (the marker is numbering, not text). */
export interface FixtureCell {
  paragraphs: string[];
  list?: 'dash' | 'thai';
  /** continues the merged cell above (Word vMerge) */
  mergedUp?: boolean;
}

export interface FixtureReport {
  name: string;
  layout: 'landscape' | 'portrait';
  fontSizePt: number;
  /** column widths in cm */
  columnsCm: number[];
  titleBlock: string[];
  /** paragraphs between the title block and the first area */
  intro: string[];
  areas: { heading: string; rows: FixtureCell[][]; headerAgainBefore?: number }[];
  /** the same report in the seed's text format */
  text: string;
}

export const HEADER_CELLS = [
  'ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อน',
  'ขั้นตอนหรือวิธีการ/มาตรการ',
  'ผู้รับผิดชอบ',
  'การรายงานผลและการกำกับติดตามกำหนดเวลา แล้วเสร็จ',
  'การดำเนินการ',
];

/** The extraction glitch an agency's own Word file never had: ใ้ is ใช้ before จ่าย, ให้ elsewhere. */
export const unglitch = (s: string): string => s.replace(/ใ้(?=\s*จ่าย)/g, 'ใช้').replace(/ใ้/g, 'ให้');

const squeezeSpaces = (s: string): string => s.replace(/\s+/g, ' ').trim();
const stripTags = (s: string): string => s.replace(/<[^>]*>/g, ' ');

function seedCell(raw: string, column: number): FixtureCell {
  if (/<li\b/i.test(raw)) {
    const items = raw
      .split(/<\/?(?:li|ul|ol)\b[^>]*>/i)
      .map((p) => squeezeSpaces(stripTags(p)))
      .filter((p) => p !== '');
    return { paragraphs: items.map(unglitch) };
  }
  // the prose columns (issue, responsible, result) are one paragraph; list columns one per item
  const text = squeezeSpaces(raw);
  return { paragraphs: (column % 2 === 1 ? listItems(text) : [text]).map(unglitch) };
}

/** The seed report, read from its text file, as the agency's Word file would hold it. */
export function seedFixture(): FixtureReport {
  const text = readFileSync(SEED_PATH, 'utf8');
  const titleBlock: string[] = [];
  const intro: string[] = [];
  const areas: FixtureReport['areas'] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = squeezeSpaces(rawLine.replace(/^#+/, ''));
    if (line === '') continue;
    if (rawLine.includes('\t')) {
      const cells = rawLine.split('\t');
      if (cells[0].startsWith('ประเด็นที่เป็นข้อบกพร่อง')) continue; // Word repeats its own header row
      areas[areas.length - 1].rows.push(cells.map(seedCell));
    } else if (/ด้าน (IIT|EIT|OIT)$/.test(line)) areas.push({ heading: line, rows: [] });
    else if (areas.length === 0) (intro.length || line.startsWith('มาตรการ') ? intro : titleBlock).push(line);
  }
  return {
    name: 'seed',
    layout: 'landscape',
    fontSizePt: 16,
    columnsCm: [4.6, 6.6, 3, 6.6, 5.2],
    titleBlock,
    intro,
    areas,
    text,
  };
}

const dash = (...paragraphs: string[]): FixtureCell => ({ paragraphs, list: 'dash' });
const thai = (...paragraphs: string[]): FixtureCell => ({ paragraphs, list: 'thai' });
const prose = (...paragraphs: string[]): FixtureCell => ({ paragraphs });

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thaiNumber = (n: number): string => String(n).replace(/\d/g, (d) => THAI_DIGITS[Number(d)]);

/** A cell as the seed's text format writes it: one line, list markers as text. */
function cellLine(cell: FixtureCell, above: FixtureCell | undefined): string {
  const c = cell.mergedUp && above ? above : cell;
  const items = c.paragraphs.map((p, i) =>
    c.list === 'dash' ? `- ${p}` : c.list === 'thai' ? `${thaiNumber(i + 1)}. ${p}` : p,
  );
  return items.map(squeezeSpaces).join(' ');
}

/** A second agency's report in another layout: portrait, narrow columns, Word list numbering. */
export function secondFixture(): FixtureReport {
  const areas: FixtureReport['areas'] = [
    {
      heading: '๑. ด้าน IIT',
      rows: [
        [
          prose('การใช้ทรัพย์สินของราชการ', 'เพื่อประโยชน์ส่วนตน'),
          dash('จัดทำแนวปฏิบัติการยืมทรัพย์สินของราชการ', 'ประชาสัมพันธ์แนวปฏิบัติให้บุคลากรทุกคนรับทราบ', 'จัดทำทะเบียนคุมการยืมคืนพัสดุ'),
          prose('กองคลัง'),
          thai('เจ้าหน้าที่พัสดุรายงานการยืมคืนทุกเดือน', 'ผู้บริหารกำกับติดตามทุก ๖ เดือน'),
          prose('กองคลังได้จัดทำแนวปฏิบัติและทะเบียนคุมการยืมคืนพัสดุแล้ว'),
        ],
        [
          prose('การรับสินบนและการเรียกรับ', 'ผลประโยชน์จากผู้มาติดต่อ'),
          dash('ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)', 'เปิดช่องทางแจ้งเบาะแสทางโทรศัพท์และเว็บไซต์'),
          { paragraphs: ['กองคลัง'], mergedUp: true },
          thai('เจ้าหน้าที่ผู้รับผิดชอบสรุปเรื่องร้องเรียนรอบ ๖ เดือน', 'ผู้บริหารพิจารณาลงโทษตามระเบียบ'),
          prose('ประกาศนโยบายไม่รับของขวัญเมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๖ และเปิดช่องทางแจ้งเบาะแสแล้ว'),
        ],
      ],
    },
    {
      heading: '๒. ด้าน EIT',
      headerAgainBefore: 1,
      rows: [
        [
          prose('การเผยแพร่ขั้นตอนและระยะเวลา', 'การให้บริการประชาชน'),
          dash('จัดทำคู่มือการให้บริการทุกงาน', 'เผยแพร่คู่มือบนเว็บไซต์และที่จุดบริการ'),
          prose('สำนักปลัด'),
          thai('เจ้าหน้าที่ทุกงานปรับปรุงคู่มือให้เป็นปัจจุบัน', 'รายงานผลต่อผู้บริหารทุก ๖ เดือน'),
          prose('เผยแพร่คู่มือการให้บริการ ๑๒ งานบนเว็บไซต์แล้ว'),
        ],
        [
          prose('การสำรวจความพึงพอใจ', 'ของผู้รับบริการ'),
          dash('จัดทำแบบสำรวจความพึงพอใจออนไลน์', 'สรุปผลและนำข้อเสนอแนะมาปรับปรุงการให้บริการ'),
          prose('สำนักปลัด'),
          thai('สรุปผลการสำรวจทุกไตรมาส', 'ผู้บริหารกำกับติดตามการปรับปรุง'),
          prose('สำรวจความพึงพอใจไตรมาสแรกแล้ว ผู้ตอบ ๒๑๕ ราย พึงพอใจร้อยละ ๘๙'),
        ],
      ],
    },
    {
      heading: '๓. ด้าน OIT',
      rows: [
        [
          prose('การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง'),
          dash('เผยแพร่แผนการจัดซื้อจัดจ้างประจำปี', 'สรุปผลการจัดซื้อจัดจ้างรายเดือน'),
          prose('กองคลัง'),
          thai('เจ้าหน้าที่พัสดุเผยแพร่ข้อมูลภายในวันที่ ๑๐ ของเดือนถัดไป', 'ผู้บริหารตรวจสอบความครบถ้วน'),
          prose('เผยแพร่แผนและสรุปผลการจัดซื้อจัดจ้างครบทุกเดือนแล้ว'),
        ],
        [
          prose('การเปิดเผยข้อมูลบุคลากร'),
          dash('ปรับปรุงโครงสร้างและข้อมูลผู้บริหารบนเว็บไซต์', 'เผยแพร่แผนบริหารทรัพยากรบุคคล'),
          prose('สำนักปลัด กองช่าง'),
          thai('ผู้รับผิดชอบปรับปรุงข้อมูลเมื่อมีการเปลี่ยนแปลง'),
          prose('ปรับปรุงข้อมูลบุคลากรบนเว็บไซต์เมื่อเดือนพฤศจิกายน ๒๕๖๖ แล้ว'),
        ],
      ],
    },
  ];
  const titleBlock = [
    'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    'ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)',
    'องค์การบริหารส่วนตำบลหนองบัว',
    'อำเภอเมืองขอนแก่น จังหวัดขอนแก่น',
  ];
  const intro = ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'];
  const header = HEADER_CELLS.join('\t');
  const lines = [...titleBlock, '', ...intro, ''];
  for (const a of areas) {
    lines.push(`### ${a.heading}`, '', header);
    a.rows.forEach((row, r) => {
      if (a.headerAgainBefore === r) lines.push(header);
      lines.push(row.map((c, i) => cellLine(c, a.rows[r - 1]?.[i])).join('\t'));
    });
    lines.push('');
  }
  return {
    name: 'second',
    layout: 'portrait',
    fontSizePt: 14,
    columnsCm: [3.2, 4.4, 2.2, 4.2, 3.4],
    titleBlock,
    intro,
    areas,
    text: `${lines.join('\n')}\n`,
  };
}

/**
 * The second report as a real agency printed it: portrait, 16 pt, columns so narrow (14 cm in all) that
 * every header wraps — "ประเด็น" over "ที่เป็นข้อ", "การ" over "ดำเนิน" over "การ" — so no one line of the
 * PDF holds the header (refused before issue 26).
 */
export function narrowFixture(): FixtureReport {
  return { ...secondFixture(), name: 'narrow', fontSizePt: 16, columnsCm: [2.4, 3.6, 2.0, 3.4, 2.6] };
}

// ---------------------------------------------------------------- .docx

/** A hanging indent of about 0.4 cm, as agencies set it for narrow cells. */
const LIST_INDENT = { paragraph: { indent: { left: 227, hanging: 227 } } };

const twips = (cm: number): number => Math.round((cm / 2.54) * 1440);

function cellParagraphs(cell: FixtureCell, instance: number): Paragraph[] {
  return cell.paragraphs.map((p) => {
    // a line break inside a paragraph where the Word file's author pressed Shift+Enter
    const runs = p.split('\n').map((piece, i) => new TextRun({ text: piece, break: i > 0 ? 1 : undefined }));
    return new Paragraph({
      children: runs,
      numbering: cell.list ? { reference: cell.list, level: 0, instance } : undefined,
    });
  });
}

export function fixtureDocument(report: FixtureReport): Document {
  const size = report.fontSizePt * 2;
  const font = 'TH Sarabun New';
  const run = { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font }, size, sizeComplexScript: size };
  const widths = report.columnsCm.map(twips);
  let instance = 0;
  const row = (cells: FixtureCell[], header = false, next?: FixtureCell[]) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            // a merged-up cell continues the merge its cell in the row above starts
            verticalMerge: c.mergedUp
              ? VerticalMergeType.CONTINUE
              : next?.[i]?.mergedUp
                ? VerticalMergeType.RESTART
                : undefined,
            children: c.mergedUp ? [new Paragraph('')] : cellParagraphs(c, ++instance),
          }),
      ),
    });
  const headerCells = HEADER_CELLS.map((h) => prose(h));
  const children: (Paragraph | Table)[] = [
    ...report.titleBlock.map(
      (l, i) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l, bold: i === 0 })] }),
    ),
    ...report.intro.map((l) => new Paragraph({ spacing: { before: 200 }, children: [new TextRun(l)] })),
  ];
  for (const area of report.areas) {
    children.push(
      new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: area.heading, bold: true })] }),
    );
    children.push(
      new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: [
          row(headerCells, true),
          ...area.rows.flatMap((cells, r) => {
            const body = row(cells, false, area.rows[r + 1]);
            return area.headerAgainBefore === r ? [row(headerCells), body] : [body];
          }),
        ],
      }),
    );
  }
  const portrait = { width: twips(21), height: twips(29.7) };
  return new Document({
    styles: { default: { document: { run } } },
    numbering: {
      config: [
        {
          reference: 'dash',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT, style: LIST_INDENT },
          ],
        },
        {
          reference: 'thai',
          // OOXML's Thai numerals; the docx library's LevelFormat list has no name for it
          levels: [
            {
              level: 0,
              format: 'thaiNumbers' as typeof LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: LIST_INDENT,
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size:
              report.layout === 'landscape'
                ? { ...portrait, orientation: PageOrientation.LANDSCAPE } // docx swaps the sides
                : portrait,
            margin: { top: twips(2), bottom: twips(2), left: twips(1.8), right: twips(1.5) },
          },
        },
        children,
      },
    ],
  });
}

export async function fixtureDocx(report: FixtureReport): Promise<Buffer> {
  return Packer.toBuffer(fixtureDocument(report));
}

/** A Word file with the title block and headings but no table at all (measures typed as paragraphs). */
export async function docxWithoutTables(): Promise<Buffer> {
  const seed = seedFixture();
  const doc = new Document({
    sections: [
      {
        children: [
          ...seed.titleBlock.map((l) => new Paragraph(l)),
          ...seed.areas.flatMap((a) => [
            new Paragraph(a.heading),
            ...a.rows.map((r) => new Paragraph(r[0].paragraphs.join(' '))),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A scanned page: a PDF whose only content is an image (a grey square), no text layer. Written by hand
 * (PDF 1.4, cross-reference offsets computed) so the test needs no scanner.
 */
export function scannedPdf(): Buffer {
  const pixels = Buffer.alloc(16 * 16, 0x80);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels.toString('latin1')}\nendstream`,
  ];
  const content = 'q 500 0 0 700 48 70 cm /Im1 Do Q';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
