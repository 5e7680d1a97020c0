// The ITA framework of a fiscal year as data (issue 23): which documents the agency publishes, their ITA
// codes and titles, the rounds whose reports are published, whether the results report covers this year
// or the previous one, the rating rule and the calendar. The presets are in messages/framework.ts; the
// settings' "กรอบการประเมิน ITA" picks one (blank: chosen by the fiscal year). No title, code or round
// list lives in code: every caller asks here.

import { FRAMEWORK_PRESETS, type FrameworkPreset, type YearDate } from './messages/framework';
import { isoOf, type Round, toArabicDigits, toCE } from './thai';

export type Framework = FrameworkPreset;

/** The preset a setting names ("2569", "ITA 2569"), or null when it names none. */
export function presetById(value: string): Framework | null {
  const id = toArabicDigits(value).match(/\d{4}/)?.[0];
  return FRAMEWORK_PRESETS.find((p) => p.id === id) ?? null;
}

/** The preset for a fiscal year: the one whose years cover it, else the latest that starts before it. */
export function presetForYear(fiscalYear: number): Framework {
  const covering = FRAMEWORK_PRESETS.find((p) => fiscalYear >= p.fromYear && fiscalYear <= p.toYear);
  if (covering) return covering;
  const before = FRAMEWORK_PRESETS.filter((p) => p.fromYear <= fiscalYear).pop();
  return before ?? FRAMEWORK_PRESETS[0];
}

/** The framework of a tracker: the setting's preset when it names one, else the fiscal year's. */
export function frameworkOf(settings: { fiscalYear: number; itaFramework?: string }): Framework {
  return (settings.itaFramework && presetById(settings.itaFramework)) || presetForYear(settings.fiscalYear);
}

/** The framework of another fiscal year of the same tracker: the setting holds only for the tracker's own year. */
export function frameworkForYear(settings: { fiscalYear: number; itaFramework?: string }, year: number): Framework {
  return year === settings.fiscalYear ? frameworkOf(settings) : presetForYear(year);
}

/** The round that closes the year: the framework's last. */
export const lastRound = (f: Framework): Round => f.rounds[f.rounds.length - 1];

/** Whether the framework publishes a round's report (a round it does not is an internal follow-up). */
export const publishesRound = (f: Framework, round: Round): boolean => f.rounds.includes(round);

/** A round read from the settings, as this framework has it: a round it does not publish becomes its first. */
export const roundOfFramework = (f: Framework, round: Round): Round => (publishesRound(f, round) ? round : f.rounds[0]);

/** A date of the fiscal year as ISO: October–December fall in the calendar year before. */
export function yearDateIso(fiscalYear: number, date: YearDate): string {
  const endCE = toCE(fiscalYear);
  return isoOf(date.month >= 10 ? endCE - 1 : endCE, date.month, date.day);
}

/** The due date of a round by the framework (ISO); null for a round the framework does not publish. */
export function roundDueIso(f: Framework, fiscalYear: number, round: Round): string | null {
  return publishesRound(f, round) ? yearDateIso(fiscalYear, f.roundDue[round]) : null;
}

/**
 * The framework under which the report of (year, round) is published: for a framework whose results
 * report covers the previous year, the annual report of year Y is next year's item; otherwise that year's.
 */
export function reportFramework(settings: { fiscalYear: number; itaFramework?: string }, year: number, round: Round) {
  const own = frameworkForYear(settings, year);
  if (own.reportCovers === 'same' && publishesRound(own, round)) return own;
  const next = frameworkForYear(settings, year + 1);
  return next.reportCovers === 'previous' && round === lastRound(own) ? next : own;
}

/** What a document is on the agency's ITA page: its item code and the title it prints. */
export interface DocumentHeading {
  code: string;
  title: string;
  /** the preset it follows (its label, and whether it is confirmed) */
  framework: Framework;
}

/** The codes typed in the settings' "รหัสข้อ ITA" ("O42, O43": the plan's, then the report's); blank: none. */
const typedCodes = (value: string): { plan?: string; report?: string } => {
  const [plan, report] = value
    .split(/[\s,;/]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return { plan, report };
};

/**
 * The heading of a document, as the framework says (no title or code is a literal in the builders): the
 * plan of a year by that year's framework; the report of (year, round) by reportFramework. The codes typed
 * in the settings win for the tracker's own year.
 */
export function documentHeading(
  settings: { fiscalYear: number; itaFramework?: string; itaItemCodes?: string },
  kind: 'plan' | 'report',
  year: number,
  round?: Round,
): DocumentHeading {
  const framework =
    kind === 'plan'
      ? frameworkForYear(settings, year)
      : reportFramework(settings, year, round ?? lastRound(frameworkForYear(settings, year)));
  const doc = kind === 'plan' ? framework.plan : framework.report;
  const typed = year === settings.fiscalYear ? typedCodes(settings.itaItemCodes ?? '')[kind] : undefined;
  return { code: typed ?? doc.code, title: doc.documentTitle, framework };
}

export interface Rating {
  /** the band of the total score */
  band: string;
  /** the rating after the cap ('' when none applies) */
  rating: string;
  /** tools below the pass mark, which cap the rating */
  capping: string[];
}

/** The rating rule as data: the total's band, capped while a tool is below the pass mark. */
export function rate(f: Framework, total: number, tools: ReadonlyArray<{ tool: string; score: number }>, pass: number) {
  const band = f.bands.find((b) => total >= b.min)?.label ?? '';
  const capping = total >= pass && f.toolBelowPassCap ? tools.filter((t) => t.score < pass).map((t) => t.tool) : [];
  return { band, rating: capping.length ? f.toolBelowPassCap : band, capping } satisfies Rating;
}
