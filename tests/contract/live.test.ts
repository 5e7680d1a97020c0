// What contractRunAll answers (tests/contract/live.ts), run here on the fakes: every live contract
// passes and each fakes-only one is listed with why; in a sheet other than the one named, nothing runs.
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { CONTRACTS } from './contracts';
import { runAll } from './live';

afterEach(() => uninstallFakes());

/** What a run through the Apps Script API meets: no editor open (no UI), LINE answering 401 without a token. */
function asClaspRunMeetsIt(fakes: FakeHandles): void {
  fakes.ui.setAvailable(false);
  fakes.urlFetch.route((req) => (req.url.startsWith('https://api.line.me/') ? { status: 401, body: '{}' } : undefined));
}

test('in the named sheet every live contract runs and passes; the fakes-only ones are listed with why', () => {
  asClaspRunMeetsIt(installFakes({ spreadsheetId: 'test-sheet' }));
  const run = runAll('test-sheet');
  expect(run.refused).toBeUndefined();
  expect(run.failed).toEqual([]);
  expect(run.passed).toEqual(CONTRACTS.filter((c) => c.live === true).map((c) => c.behaviour));
  expect(run.passed.length).toBeGreaterThan(0);
  expect(run.notLive.map((n) => n.behaviour)).toEqual(CONTRACTS.filter((c) => c.live !== true).map((c) => c.behaviour));
});

test('bound to another sheet (a real tracker, say), it refuses and runs no check', () => {
  const fakes = installFakes({ spreadsheetId: 'real-tracker' });
  const run = runAll('test-sheet');
  expect(run.refused).toBe('this script is bound to real-tracker, not to test-sheet: nothing was run');
  expect([run.passed, run.failed, run.notLive]).toEqual([[], [], []]);
  expect(fakes.calls.snapshot()).toEqual({ 'Spreadsheet.getId': 1, 'SpreadsheetApp.getActive': 1 });
});
