// What blocks a round's report, in every runtime (the CLI's `report`, the menu, the owner's queue):
// the year cycle's rules for the round (a closed round is printed from its snapshot) and a tab named
// like a division but for spaces or invisible characters ("กองคลัง " beside the divisions tab's
// "กองคลัง"): read by exact name, that division's results would print as "-".
// The snapshot must carry every tab name the workbook has (the Apps Script reader lists them when a
// division's tab is not found by its exact name), so both runtimes see the same look-alikes.
import type { Problem } from '../cell-rules';
import { nearMissTabs } from '../sync-blockers';
import type { Round } from '../thai';
import type { ParsedWorkbook, WorkbookSnapshot } from '../workbook';
import { reportBlockers } from '../year-cycle';

export function reportProblems(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  round: Round,
  year?: number,
): Problem[] {
  const checked = reportBlockers(snapshot, parsed, round, year);
  // an earlier year's report is its snapshot's: today's division tabs do not reach it
  if (year !== undefined && year < parsed.tracker.settings.fiscalYear) return checked;
  const named = new Set(checked.map((p) => p.tab));
  return [...checked, ...nearMissTabs(parsed, snapshot).filter((p) => !named.has(p.tab))];
}
