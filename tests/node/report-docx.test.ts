// The round's report as a .docx (src/node/report-docx): its text is the seed report's.
import { buildReport } from '../../src/core/report';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { reportDocx } from '../../src/node/report-docx';
import { docxParagraphs, unzipEntry } from '../support/docx';
import { seedText, squeeze } from '../support/seed-report';

test('the .docx text equals the seed text (whitespace removed)', async () => {
  const { model } = buildReport(parseWorkbook(templateSnapshot({ example: true })).tracker, 6);
  const docx = await reportDocx(model);
  expect(squeeze(docxParagraphs(docx).join('\n'))).toBe(seedText());
  // word joiners (U+2060) keep the agency's name on one line in the intro
  expect(unzipEntry(docx, 'word/document.xml')).toContain('เทศบาล\u2060ตำบล\u2060ปรุ\u2060ใหญ่');
});

test('a kept compound lies inside the run of its cell text, not a run of its own (issue 26)', async () => {
  const { model } = buildReport(parseWorkbook(templateSnapshot({ example: true })).tracker, 6);
  const paragraphs = unzipEntry(await reportDocx(model), 'word/document.xml').split('</w:p>');
  const step = paragraphs.find((p) => p.includes('ขับ\u2060เคลื่อน')) ?? '';
  // one run holding the whole text, the joiners inside it
  expect(step.match(/<w:r>/g)).toHaveLength(1);
  expect(step.match(/<w:t[^>]*>([^<]*)<\/w:t>/)?.[1]).toBe(
    'แนวทางในการขับ\u2060เคลื่อน เกี่ยว\u2060กับการเฝ้า\u2060ระวังการทุจริต การตรวจ\u2060สอบการทุจริต และการลงโทษทาง วินัยเมื่อมีการทุจริต',
  );
  // no paragraph of the report is cut into runs of the same look
  expect(paragraphs.filter((p) => (p.match(/<w:r>/g) ?? []).length > 1)).toEqual([]);
});
