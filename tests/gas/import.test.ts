// Menu "นำเข้ารายงานปีก่อน" through the Apps Script fakes: the dialog uploads a .docx, Drive converts it to a
// Google Doc (the fake's converter is given what Drive would make of the seed's Word file: its paragraphs
// and tables), the Doc is read and deleted, and the sheet gets the same measures as the text import.
import { importReport } from '../../src/core/importer';
import { IMPORT_MENU } from '../../src/core/messages/import-dialog';
import { MENU } from '../../src/core/messages/menu';
import { MEASURES_TAB } from '../../src/core/schema';
import { parseWorkbook } from '../../src/core/workbook';
import { MENU_ITEMS } from '../../src/gas/actions';
import { importDialogHtml, importPreviousReportFile, menuImportPreviousReport } from '../../src/gas/import';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { MIME } from '../fakes/drive';
import { type FixtureReport, HEADER_CELLS, seedFixture } from '../support/import-fixtures';

const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
let fakes: FakeHandles;
afterEach(() => uninstallFakes());

/** What Drive's converter makes of the fixture's Word file: paragraphs, then one table per area. */
function convertLike(f: FakeHandles, report: FixtureReport): void {
  f.drive.store.onConvert = (file) => {
    const body = f.docs.body(file.id);
    for (const line of [...report.titleBlock, ...report.intro]) body.appendParagraph(line);
    for (const area of report.areas) {
      body.appendParagraph(area.heading);
      body.appendTable([HEADER_CELLS, ...area.rows.map((row) => row.map((cell) => cell.paragraphs.join('\n')))]);
    }
  };
}

/** A .docx's first bytes (a zip); the fake converter does not read the rest. */
const DOCX_BASE64 = Buffer.from('PK\u0003\u0004 a Word file').toString('base64');

function emptyTracker(): FakeHandles {
  const f = installFakes({ user: 'admin@example.org' });
  setupSpreadsheet(f.spreadsheet, { example: false, now: NOW });
  calls.reset();
  return f;
}

test('the menu has the item and its dialog uploads a .docx to importPreviousReportFile', () => {
  expect(MENU_ITEMS).toContainEqual([MENU.items.importReport, 'menuImportPreviousReport']);
  expect(MENU.items.importReport).toBe('นำเข้ารายงานปีก่อน');
  fakes = emptyTracker();
  menuImportPreviousReport();
  const [dialog] = fakes.ui.dialogs;
  expect(dialog.title).toBe(IMPORT_MENU.title);
  expect(dialog.html).toContain('type="file"');
  expect(dialog.html).toContain('.importPreviousReportFile(f.name, base64)');
  expect(importDialogHtml()).toContain('readAsDataURL');
});

test('a converted Word file gives the text import’s measures; the temporary Doc is deleted', () => {
  fakes = emptyTracker();
  const seed = seedFixture();
  convertLike(fakes, seed);
  const answer = importPreviousReportFile('รายงาน ITA 2566.docx', DOCX_BASE64);
  expect(answer).toMatch(/^นำเข้า 11 มาตรการ 5 หน่วยงาน ใส่ผลการดำเนินการ 11 รายการแล้ว/);
  // the converted copy is gone: nothing of type Google Doc is left in Drive
  expect([...fakes.drive.store.files.values()].filter((f) => f.mimeType === MIME.document)).toEqual([]);

  const { tracker } = parseWorkbook(fakes.sheets.snapshot());
  const fromText = importReport(seed.text);
  const squeeze = (s: string) =>
    s
      .replace(/ใ้(?=\s*จ่าย)/g, 'ใช้')
      .replace(/ใ้/g, 'ให้')
      .replace(/\s+/g, '');
  const view = (m: { id: string; issue: string; steps: string[]; responsible: string[]; monitoring: string[] }) =>
    [m.id, m.issue, m.steps.join(''), m.responsible.join('|'), m.monitoring.join('')].map(squeeze);
  expect(tracker.measures.map(view)).toEqual(fromText.measures.map(view));
  expect(tracker.settings).toMatchObject({ agencyName: 'เทศบาลตำบลปรุใหญ่', fiscalYear: 2566, currentRound: 6 });
  expect(tracker.entries.filter((e) => e.result6 !== '')).toHaveLength(11);
  // one read of every tab, no per-cell reads
  expect(calls.by('Range.getValues')).toBeLessThanOrEqual(fakes.spreadsheet.getSheets().length);
});

test('a file that is not a Word file, or a Word file without a measure table, changes nothing', () => {
  fakes = emptyTracker();
  const before = JSON.stringify(fakes.sheets.snapshot());
  expect(() => importPreviousReportFile('scan.pdf', Buffer.from('%PDF-1.4').toString('base64'))).toThrow(
    IMPORT_MENU.notDocx('scan.pdf'),
  );
  fakes.drive.store.onConvert = (file) => {
    fakes.docs.body(file.id).appendParagraph('บันทึกข้อความ ไม่มีตาราง');
  };
  expect(() => importPreviousReportFile('memo.docx', DOCX_BASE64)).toThrow(IMPORT_MENU.nothingFound('memo.docx'));
  expect(JSON.stringify(fakes.sheets.snapshot())).toBe(before);
  expect(fakes.sheets.values(MEASURES_TAB.name)).toHaveLength(1);
  expect([...fakes.drive.store.files.values()].filter((f) => f.mimeType === MIME.document)).toEqual([]);
});
