// The round's report as a .docx (src/node/report-docx): its text is the seed report's.
import { buildReport } from '../../src/core/report';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { reportDocx } from '../../src/node/report-docx';
import { docxParagraphs } from '../support/docx';
import { seedText, squeeze } from '../support/seed-report';

test('the .docx text equals the seed text (whitespace removed)', async () => {
  const { model } = buildReport(parseWorkbook(templateSnapshot({ example: true })).tracker, 6);
  const docx = await reportDocx(model);
  // word joiners (U+2060) keep the agency's name on one line; they are not text
  const text = docxParagraphs(docx).join('\n');
  expect(text).toContain('เทศบาล\u2060ตำบล');
  expect(squeeze(text.replace(/\u2060/g, ''))).toBe(seedText());
});
