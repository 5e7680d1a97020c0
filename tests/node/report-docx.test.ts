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
