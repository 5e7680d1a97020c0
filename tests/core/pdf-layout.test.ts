// The PDF layout on words placed by hand: columns from the header, rows from the monitoring list and the
// issue column, a row cut by a page break joined, and the Thai messages when nothing can be read.

import { IMPORT_FILE } from '../../src/core/messages/import-file';
import { type PdfPage, type PdfWord, pdfReportDocument, sidewaysPages } from '../../src/core/pdf-layout';
import { importDocument } from '../../src/core/report-document';

const H = 20;
/** One line of words at y: [x, text] pairs. */
const line = (y: number, ...words: Array<[number, string]>): PdfWord[] =>
  words.map(([x, text]) => ({ text, xMin: x, xMax: x + text.length * 6, yMin: y, yMax: y + H }));

const COLUMNS = [50, 200, 350, 450, 650];
const header = (y: number) =>
  line(
    y,
    [50, 'ประเด็นที่เป็นข้อบกพร่อง/'],
    [200, 'ขั้นตอนหรือวิธีการ/มาตรการ'],
    [350, 'ผู้รับผิดชอบ'],
    [450, 'การรายงานผลและการ'],
    [650, 'การดำเนินการ'],
  );
const row = (y: number, cells: string[]) =>
  line(y, ...cells.map((c, i) => [COLUMNS[i], c] as [number, string]).filter(([, c]) => c !== ''));

const title = [
  ...line(40, [50, 'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน']),
  ...line(70, [50, 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน']),
  ...line(100, [50, 'เทศบาลตำบลทดลอง']),
  ...line(130, [50, '๑. ด้าน IIT']),
];

test('columns from the header, rows from the monitoring list, a row cut by the page break joined', () => {
  const pages: PdfPage[] = [
    {
      number: 1,
      width: 842,
      words: [
        ...title,
        ...header(160),
        ...line(180, [50, 'จุดอ่อน'], [200, ''], [450, 'กำกับติดตาม']),
        ...row(210, ['การเปิดเผยข้อมูล', '- จัดทำประกาศ', 'กองคลัง', '๑. รายงานทุกเดือน', 'ดำเนินการแล้ว']),
        ...row(235, ['', '- เผยแพร่บนเว็บ', '', '๒. ผู้บริหารกำกับ', '']),
        ...row(260, ['การใช้ทรัพย์สิน', '- ทำทะเบียน', 'สำนักปลัด', '๑. ตรวจทุกไตรมาส', 'ทำทะเบียนแล้ว']),
      ],
    },
    {
      number: 2,
      width: 842,
      words: [...header(40), ...row(70, ['', '- ประชาสัมพันธ์ ใ้ ทราบ', '', '๒. สรุปผล', 'และเผยแพร่แล้ว'])],
    },
  ];
  const layout = pdfReportDocument(pages, 'x.pdf');
  if (!layout.ok) throw new Error(layout.message);
  const { result, warnings } = importDocument(layout.doc);
  expect(result.agencyName).toBe('เทศบาลตำบลทดลอง');
  expect(result.measures.map((m) => [m.id, m.issue, m.steps, m.responsible, m.monitoring])).toEqual([
    ['IIT-01', 'การเปิดเผยข้อมูล', ['- จัดทำประกาศ', '- เผยแพร่บนเว็บ'], ['กองคลัง'], ['๑. รายงานทุกเดือน', '๒. ผู้บริหารกำกับ']],
    ['IIT-02', 'การใช้ทรัพย์สิน', ['- ทำทะเบียน', '- ประชาสัมพันธ์ ให้ ทราบ'], ['สำนักปลัด'], ['๑. ตรวจทุกไตรมาส', '๒. สรุปผล']],
  ]);
  expect(result.results.map((r) => r.text)).toEqual(['ดำเนินการแล้ว', 'ทำทะเบียนแล้ว และเผยแพร่แล้ว']);
  expect(warnings).toContainEqual({ place: 'หน้า 2', message: expect.stringContaining('"ใ้" → "ให้"') });
});

test('a header with a column missing: a Thai message names the page, nothing is read', () => {
  const words = [
    ...title,
    ...line(160, [50, 'ประเด็นที่เป็นข้อบกพร่อง/'], [200, 'ขั้นตอน'], [350, 'ผู้รับผิดชอบ'], [450, 'การรายงานผล']),
  ];
  const layout = pdfReportDocument([{ number: 3, width: 842, words }], 'x.pdf');
  expect(layout).toEqual({ ok: false, message: expect.stringMatching(/^หน้า 3: อ่านคอลัมน์ "การดำเนินการ"/) });
});

test('a PDF with no words at all needs OCR; one with text but no measure table says so', () => {
  expect(pdfReportDocument([{ number: 1, width: 595, words: [] }], 'scan.pdf')).toEqual({
    ok: false,
    message: expect.stringContaining('OCR'),
  });
  expect(pdfReportDocument([{ number: 1, width: 595, words: title }], 'memo.pdf')).toEqual({
    ok: false,
    message: expect.stringContaining('ไม่พบหัวตารางมาตรการ'),
  });
});

test('a page whose text runs up the page (a table turned sideways) is refused by page, not read as jumbled rows', () => {
  /** a word turned 90°: its box is as tall as the word is long */
  const sideways = (x: number, y: number, text: string): PdfWord => ({
    text,
    xMin: x,
    xMax: x + H,
    yMin: y,
    yMax: y + text.length * 6,
  });
  const upright: PdfPage = { number: 1, width: 842, words: [...title, ...header(160)] };
  const turned: PdfPage = {
    number: 2,
    width: 595,
    words: [
      sideways(60, 100, 'ประเด็นที่เป็นข้อบกพร่อง/'),
      sideways(90, 100, 'ขั้นตอนหรือวิธีการ/มาตรการ'),
      sideways(120, 100, 'ผู้รับผิดชอบ'),
      sideways(150, 100, 'การดำเนินการ'),
      sideways(180, 100, 'กองคลัง'),
    ],
  };
  const r = pdfReportDocument([upright, turned], 'turned.pdf');
  expect(r).toEqual({ ok: false, message: IMPORT_FILE.pdfSideways([2]) });
  expect(r.ok === false && r.message).toMatch(/^หน้า 2: ข้อความในหน้านี้หมุนอยู่/);
  // short Thai words are taller than wide when upright: not taken for a turned page
  const short: PdfPage = { number: 1, width: 842, words: line(40, [50, 'ก'], [80, 'ขอ'], [120, 'ดี'], [150, 'ผล']) };
  expect(sidewaysPages([short, upright])).toEqual([]);
});
