// A command that read the workbook records in it without parsing it again (issue 26: the 5,000-measure
// report's register row), but only when nobody changed the file since it read it: a file changed in
// between is parsed as it is then, so the other writer's cells are kept (many hands).
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TAB } from '../../src/core/messages/tabs-headers';
import { REPORTS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { editWorkbookFile, readWorkbookFile, readWorkbookToEdit, writeWorkbookFile } from '../../src/node/xlsx-store';

let wb: string;
beforeEach(async () => {
  wb = join(mkdtempSync(join(tmpdir(), 'ita-kept-')), 'tracker.xlsx');
  await writeWorkbookFile(wb, templateSnapshot({ example: true }));
});

/** ทะเบียนรายงาน with one more row, as the report's register port writes it. */
const addRegisterRow = (row: string[]) =>
  editWorkbookFile.bind(null, wb, 'report', (workbook) => {
    const rows = workbook.snapshot.tabs[REPORTS_TAB.name] ?? [];
    workbook.patch({ tabs: { [REPORTS_TAB.name]: [...rows, row] } });
  });

/** Another writer (an admin in Excel) types a measure's name. */
async function typeInExcel(text: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(wb);
  book.getWorksheet(TAB.measures)!.getCell('B2').value = text;
  await book.xlsx.writeFile(wb);
}

test('an unchanged file: the workbook as read is the one edited, and the row is written', async () => {
  const { snapshot, kept } = await readWorkbookToEdit(wb);
  const bytes = readFileSync(wb);
  // the same bytes: the parsed workbook is handed over, once
  expect(kept.take(wb, bytes)).not.toBeNull();
  expect(kept.take(wb, bytes)).toBeNull();
  const again = await readWorkbookToEdit(wb);
  await addRegisterRow(['2566', '6', 'id-1'])(again.kept);
  const after = await readWorkbookFile(wb);
  expect(after.tabs[REPORTS_TAB.name].at(-1)?.slice(0, 3)).toEqual(['2566', '6', 'id-1']);
  expect(after.tabs[TAB.measures]).toEqual(snapshot.tabs[TAB.measures]);
});

test('a file changed since it was read is parsed again: the other writer keeps what it typed', async () => {
  const { kept } = await readWorkbookToEdit(wb);
  await typeInExcel('ชื่อมาตรการที่แอดมินแก้ใน Excel');
  await addRegisterRow(['2566', '6', 'id-1'])(kept);
  const after = await readWorkbookFile(wb);
  expect(after.tabs[TAB.measures][1][1]).toBe('ชื่อมาตรการที่แอดมินแก้ใน Excel');
  expect(after.tabs[REPORTS_TAB.name].at(-1)?.slice(0, 3)).toEqual(['2566', '6', 'id-1']);
});

test('a workbook kept for one file is never used for another', async () => {
  // a copy: the same bytes under another name
  const other = join(mkdtempSync(join(tmpdir(), 'ita-kept-')), 'other.xlsx');
  copyFileSync(wb, other);
  const { kept } = await readWorkbookToEdit(other);
  const bytes = readFileSync(wb);
  expect(kept.take(wb, bytes)).toBeNull();
});
