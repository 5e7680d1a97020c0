// The .docx writer, once on every block kind: page setup, runs' weight and size, paragraph style,
// tables as wide as the text area with repeating header rows, the image slot's room.

import { columnWidthsOf, writeDocumentDocx } from '../../src/node/document-docx';
import { everyBlockDocument } from '../support/document-sample';
import { docxParagraphs, unzipEntry } from '../support/docx';

describe('document → .docx', () => {
  let xml = '';
  let paragraphs: string[] = [];
  beforeAll(async () => {
    const docx = await writeDocumentDocx(everyBlockDocument());
    xml = unzipEntry(docx, 'word/document.xml');
    paragraphs = docxParagraphs(docx);
  });

  test('every paragraph and cell paragraph in order', () => {
    expect(paragraphs.filter((p) => p !== '')).toEqual([
      'หัวเรื่องใหญ่',
      'หัวข้อระดับ ๒',
      'เรื่อง ข้อความธรรมดา <b>ไม่ใช่แท็ก</b>',
      'ย่อหน้าแรกเยื้อง',
      'ย่อทั้งย่อหน้า',
      'หัว ก',
      'หัว ข',
      'ก1',
      '- รายการหนึ่ง',
      '- รายการสอง',
      'ก2',
      'ระหว่างตาราง',
      'ตารางไม่มีหัว',
      'ท้ายเอกสาร',
    ]);
  });

  test('A4 portrait with the model margins in twips; landscape swaps the page', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="850" w:right="1134" w:bottom="1134" w:left="1701"/);
    const landscape = unzipEntry(await writeDocumentDocx(everyBlockDocument('landscape')), 'word/document.xml');
    expect(landscape).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  test('runs: bold and size of their own (29 pt = 58 half-points), paragraph alignment, indents, spacing, headings', () => {
    expect(xml).toMatch(/<w:jc w:val="center"\/>.*?<w:b\/>.*?<w:sz w:val="58"\/>.*?หัวเรื่องใหญ่/s);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml).toMatch(/<w:spacing w:after="60" w:before="120"\/><w:ind w:firstLine="720"\/><w:jc w:val="both"\/>/);
    expect(xml).toMatch(/<w:ind w:left="3960"\/><w:jc w:val="right"\/>/);
    expect(xml).toMatch(/<w:sz w:val="28"\/>.*?ย่อทั้งย่อหน้า/s);
  });

  test('tables: the text area split by the weights, header rows repeat, a header-less table has none', () => {
    const widths = columnWidthsOf(everyBlockDocument(), [1, 3]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(Math.round((595.28 - 85.04 - 56.69) * 20));
    expect(xml).toContain(`<w:gridCol w:w="${widths[0]}"/><w:gridCol w:w="${widths[1]}"/>`);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });

  test('the image slot: an empty paragraph exactly 1.5 cm tall without an image; the image when one is given', async () => {
    expect(xml).toMatch(/<w:spacing w:line="850" w:lineRule="exact"\/>/);
    // a 1×1 PNG
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    );
    const doc = everyBlockDocument();
    doc.blocks[0] = { kind: 'image', imageId: 'garuda', heightPt: 42.52, align: 'start' };
    const withImage = unzipEntry(await writeDocumentDocx(doc, new Map([['garuda', png]])), 'word/document.xml');
    expect(withImage).toContain('<w:drawing>');
  });
});
