// Issue 21: a division tab renamed "กองคลัง " (a trailing space) blocks the report in the menu exactly
// as it blocks the CLI's `report`: both runtimes ask the one rule (src/core/app/report-checks.ts),
// and the Apps Script reader lists every tab's name when a division's tab is not found by exact name.
import { reportProblems } from '../../src/core/app/report-checks';
import { escapeHtml } from '../../src/core/cells';
import { REPORT } from '../../src/core/messages/report';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { menuGenerateReport } from '../../src/gas/report';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

afterEach(() => uninstallFakes());

/** The template with กองคลัง's tab renamed to a look-alike (its rows kept, in tab order). */
function withLookAlike(): WorkbookSnapshot {
  const snap = templateSnapshot({ example: true });
  const tabs: WorkbookSnapshot['tabs'] = {};
  for (const [name, values] of Object.entries(snap.tabs)) tabs[name === 'กองคลัง' ? 'กองคลัง ' : name] = values;
  return { tabs };
}

test('a look-alike division tab: the CLI rule and the menu both block, with the same message; nothing is written', () => {
  const snap = withLookAlike();
  const parsed = parseWorkbook(snap);
  const cli = reportProblems(snap, parsed, parsed.tracker.settings.currentRound).filter((p) => p.severity === 'error');
  expect(cli.length).toBeGreaterThan(0);
  expect(cli.every((p) => p.tab === 'กองคลัง ' || p.message.includes('กองคลัง '))).toBe(true);

  const fakes = installFakes();
  seedSpreadsheet(snap);
  expect(menuGenerateReport()).toBeUndefined();
  const dialog = fakes.ui.lastDialog()!;
  expect(dialog.title).toBe(REPORT.blockedTitle);
  for (const p of cli) expect(dialog.html).toContain(escapeHtml(p.message));
  expect(fakes.docs.documentIds()).toEqual([]);
});

test('without a look-alike the menu reads no tab names (the usual click costs nothing more)', () => {
  const fakes = installFakes();
  seedSpreadsheet(templateSnapshot({ example: true }));
  calls.reset();
  menuGenerateReport();
  expect(calls.by('Spreadsheet.getSheets')).toBe(0);
  expect(fakes.docs.documentIds().length).toBe(1);
});
