// The contract checks as Apps Script runs them: `npm run test:live:gas` (scripts/live-gas.mjs,
// docs/live-checks.md) bundles this file as Contract.js beside the tracker's Code.js and calls
// contractRunAll through `clasp run-function`. Every contract marked live runs on the real test sheet,
// each one's failure caught and named; the ones only the fakes can arrange are listed with why.
// The answer is plain data (the Apps Script API returns only primitives, arrays and objects).
import { CONTRACTS } from './contracts';

export interface LiveRun {
  /** the id of the spreadsheet this script is bound to, as Apps Script sees it */
  sheetId: string | null;
  /** set when nothing was run: the script is not bound to the sheet the maintainer named */
  refused?: string;
  passed: string[];
  failed: { behaviour: string; error: string; reference: string }[];
  notLive: { behaviour: string; why: string }[];
}

/**
 * Runs every live contract, but only in the spreadsheet the maintainer named (ITA_LIVE_SHEET_ID): a
 * script id that belongs to another sheet (a real tracker) is refused before any check touches it.
 */
export function runAll(expectedSheetId: string): LiveRun {
  const active = SpreadsheetApp.getActive();
  const sheetId = active ? active.getId() : null;
  const run: LiveRun = { sheetId, passed: [], failed: [], notLive: [] };
  if (sheetId !== expectedSheetId)
    return {
      ...run,
      refused: `this script is bound to ${sheetId ?? 'no spreadsheet'}, not to ${expectedSheetId}: nothing was run`,
    };
  for (const c of CONTRACTS) {
    if (c.live !== true) {
      run.notLive.push({ behaviour: c.behaviour, why: c.live });
      continue;
    }
    try {
      c.check();
      run.passed.push(c.behaviour);
    } catch (e) {
      run.failed.push({
        behaviour: c.behaviour,
        error: e instanceof Error ? e.message : String(e),
        reference: c.reference,
      });
    }
  }
  return run;
}

/** The handler the trigger contract installs and deletes again (it never fires). */
export function noop(): void {}
