// What a round's documents (its report, the memo proposing it) are built from, in every runtime: the
// (year, round) asked for, the tracker to print (a closed round: its snapshot's measures and results,
// src/core/closed-rounds.ts), what blocks it and what to warn about. The report of an earlier fiscal year
// (after rollover) and the memo of a round just closed both come from here, so neither is judged by the
// rules of the round the settings have moved on to.

import { reportProblems } from './app/report-checks';
import type { Problem } from './cell-rules';
import { closedRoundTracker, reportRoundOf } from './closed-rounds';
import { frameworkForYear } from './framework';
import { type MemoSubject, memoProblems, parseMemoChoice } from './memo';
import { FRAMEWORK } from './messages/framework';
import { APPROVAL } from './messages/plan';
import type { Tracker } from './model';
import { SETTINGS_TAB } from './schema';
import { numerals, type Round } from './thai';
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
  const unpublished: Problem[] = proposableRounds(parsed.tracker.settings, inputs.year).includes(inputs.round)
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

/** The rounds whose report a memo can propose: those the year's framework publishes (FY 2569+: 12 only). */
export const proposableRounds = (settings: Tracker['settings'], year = settings.fiscalYear): readonly Round[] =>
  frameworkForYear(settings, year).rounds;

/**
 * The memo's question "which document?" as the tracker's framework has it: the plan and each round it
 * publishes — a round it does not (FY 2569's 6) is neither offered nor understood — and the answer read.
 */
export function memoQuestion(settings: Tracker['settings']) {
  const rounds = proposableRounds(settings);
  const choices = ['1', ...rounds.map(String)];
  return {
    prompt: APPROVAL.proposeWhich(
      rounds.map((r) => APPROVAL.proposeReportLine(String(r), numerals(r, settings.numerals))),
    ),
    choose: (answer: string): MemoSubject | null => parseMemoChoice(answer, rounds),
    refusal: (answer: string): string => APPROVAL.badWhich(answer, choices),
  };
}
