// What a round's documents (its report, the memo proposing it) are built from, in every runtime: the
// (year, round) asked for, the tracker to print (a closed round: its snapshot's measures and results,
// src/core/closed-rounds.ts), what blocks it and what to warn about. The report of an earlier fiscal year
// (after rollover) and the memo of a round just closed both come from here, so neither is judged by the
// rules of the round the settings have moved on to.

import { reportProblems } from './app/report-checks';
import type { Problem } from './cell-rules';
import { closedRoundTracker, reportRoundOf } from './closed-rounds';
import { frameworkForYear, publishesRound } from './framework';
import { memoProblems } from './memo';
import { FRAMEWORK } from './messages/framework';
import type { Tracker } from './model';
import { SETTINGS_TAB } from './schema';
import type { Round } from './thai';
import type { ParsedWorkbook, WorkbookSnapshot } from './workbook';

export interface RoundDocumentInputs {
  year: number;
  round: Round;
  /** the tracker the document prints */
  tracker: Tracker;
  /** the round is closed: the document is its snapshot's */
  closed: boolean;
  /** what stops the document (errors) and what the user should know (warnings), with tab and cell */
  problems: Problem[];
  /** about where the text comes from (Thai) */
  warnings: string[];
}

/** The inputs of the report of (year, round); default the settings' year and its round (reportRoundOf). */
export function reportInputs(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  asked: { year?: number; round?: Round } = {},
): RoundDocumentInputs {
  const settings = parsed.tracker.settings;
  const year = asked.year ?? settings.fiscalYear;
  const round = asked.round ?? reportRoundOf(settings, year);
  const problems = reportProblems(snapshot, parsed, round, year);
  const from = closedRoundTracker(snapshot, parsed.tracker, year, round);
  return { year, round, tracker: from.tracker, closed: from.closed, problems, warnings: from.warnings };
}

/** The inputs of the memo proposing the report of (year, round): the report's, and an executive to address. */
export function reportMemoInputs(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  asked: { year?: number; round?: Round } = {},
): RoundDocumentInputs {
  const inputs = reportInputs(snapshot, parsed, asked);
  // a round whose report the framework does not publish is an internal follow-up: nothing to propose
  const own = frameworkForYear(parsed.tracker.settings, inputs.year);
  const unpublished: Problem[] = publishesRound(own, inputs.round)
    ? []
    : [
        {
          tab: SETTINGS_TAB.name,
          cell: '',
          severity: 'error',
          code: 'round-not-in-framework',
          message: FRAMEWORK.memoUnpublishedRound(own.label, String(inputs.round), own.rounds.join(', ')),
        },
      ];
  return { ...inputs, problems: [...unpublished, ...inputs.problems, ...memoProblems(parsed)] };
}
