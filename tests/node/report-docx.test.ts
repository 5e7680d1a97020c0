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
  expect(squeeze(docxParagraphs(docx).join('\n'))).toBe(seedText());
});
