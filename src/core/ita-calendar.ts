// The ITA calendar of a fiscal year (issue 23): the milestones an admin must meet, as the year's
// framework preset dates them (src/core/messages/framework.ts), and what each still needs from the
// register. One rule for both runtimes: the admins' weekly summary (reminder-schedule.ts decides the
// day, reminder-digest.ts words it) lists the next few milestones of the tracker's fiscal year that
// have not passed; a milestone is listed up to and on its day, never after.

import { documentHeading, frameworkForYear, frameworkOf, lastRound, yearDateIso } from './framework';
import type { CalendarMilestone } from './messages/framework';
import { ITA_CALENDAR } from './messages/ita-calendar';
import type { ReportRecord, Settings } from './model';
import { isPublic } from './public-page';
import { daysBetween, parseDateText, type Round, toCE } from './thai';

/** How many upcoming milestones the admins' summary lists. */
export const CALENDAR_LISTED = 3;
/** The admins' summary goes out in the weeks when the next milestone is at most this many days away. */
export const CALENDAR_NOTICE_DAYS = 30;

/** The document a milestone waits for, and whether the register has it published. */
export interface MilestoneNeed {
  kind: 'plan' | 'report';
  fiscalYear: number;
  round: Round | null;
  code: string;
  title: string;
  published: boolean;
}

export interface UpcomingMilestone {
  key: CalendarMilestone['key'];
  label: string;
  /** ISO */
  date: string;
  /** date - today: 0 on the day */
  daysLeft: number;
  /** the preset's estimate, not confirmed and not typed in the settings: marked "ยังไม่ยืนยัน" */
  estimated: boolean;
  need: MilestoneNeed | null;
}

export interface ItaCalendarView {
  fiscalYear: number;
  frameworkLabel: string;
  /** false: the preset's dates are estimates ("ยังไม่ยืนยัน"), `note` says what to check */
  confirmed: boolean;
  note: string;
  /** the next milestones of the year, soonest first, none before today */
  upcoming: UpcomingMilestone[];
}

type CalendarSettings = Pick<
  Settings,
  'fiscalYear' | 'itaFramework' | 'itaItemCodes' | 'itaCalendarDates' | 'roundDue' | 'publishAfterApproval'
>;

/** The milestones' dates typed in the settings once announced (ISO by milestone key), and what could not be read. */
export interface TypedMilestoneDates {
  dates: ReadonlyMap<CalendarMilestone['key'], string>;
  problems: string[];
}

/**
 * The setting กำหนดการ ITA ที่ประกาศแล้ว (itaCalendarDates): one milestone a line, its label as the preset
 * names it (the admins' e-mail shows it) then its date ("เปิดระบบตอบแบบ OIT 15/3/2570"; BE or CE, Thai
 * digits read). A line naming no milestone of the year's framework, a date that is none, or a date
 * outside the fiscal year is a problem (validate warns at the cell) and leaves that milestone estimated.
 */
export function typedMilestoneDates(
  text: string,
  calendar: readonly CalendarMilestone[],
  fiscalYear: number,
): TypedMilestoneDates {
  const dates = new Map<CalendarMilestone['key'], string>();
  const problems: string[] = [];
  const first = `${toCE(fiscalYear) - 1}-10-01`;
  const last = `${toCE(fiscalYear)}-09-30`;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const m = /^(.+?)\s*:?\s+(\S+)$/.exec(line);
    if (!m) {
      problems.push(ITA_CALENDAR.typedBadLine(line));
      continue;
    }
    const label = m[1].replace(/:$/, '').trim();
    const milestone = calendar.find((c) => c.label === label);
    if (!milestone) {
      problems.push(ITA_CALENDAR.typedUnknown(label, calendar.map((c) => c.label).join(', ')));
      continue;
    }
    const date = parseDateText(m[2]);
    if (!date) problems.push(ITA_CALENDAR.typedBadDate(label, m[2]));
    else if (date.iso < first || date.iso > last)
      problems.push(ITA_CALENDAR.typedOutsideYear(label, m[2], String(fiscalYear)));
    else dates.set(milestone.key, date.iso);
  }
  return { dates, problems };
}

/**
 * The round whose report a "results report published" milestone waits for: the previous year's last
 * round when the framework publishes last year's annual report, else the latest of this year's
 * published rounds due on or before the milestone (the first round when none is).
 */
function reportRound(settings: CalendarSettings, date: string): { fiscalYear: number; round: Round } {
  const f = frameworkOf(settings);
  if (f.reportCovers === 'previous') {
    const year = settings.fiscalYear - 1;
    return { fiscalYear: year, round: lastRound(frameworkForYear(settings, year)) };
  }
  const due = f.rounds.filter((r) => yearDateIso(settings.fiscalYear, f.roundDue[r]) <= date);
  return { fiscalYear: settings.fiscalYear, round: due.length ? due[due.length - 1] : f.rounds[0] };
}

/** Is the document in the register with a link and public (an approval-gated one only once published)? */
function publishedIn(
  reports: readonly ReportRecord[],
  need: Pick<MilestoneNeed, 'kind' | 'fiscalYear' | 'round'>,
  gated: boolean,
) {
  return reports.some(
    (r) =>
      (r.kind ?? 'report') === need.kind &&
      r.fiscalYear === need.fiscalYear &&
      (need.kind === 'plan' || r.round === need.round) &&
      (r.publishedUrl !== '' || r.pdfUrl !== '') &&
      isPublic({ status: r.status ?? '' }, gated),
  );
}

function needOf(
  m: CalendarMilestone,
  date: string,
  settings: CalendarSettings,
  reports: readonly ReportRecord[],
): MilestoneNeed | null {
  if (m.needs === 'none') return null;
  const which = m.needs === 'plan' ? { fiscalYear: settings.fiscalYear, round: null } : reportRound(settings, date);
  const heading = documentHeading(settings, m.needs, which.fiscalYear, which.round ?? undefined);
  const need = { kind: m.needs, ...which };
  return {
    ...need,
    code: heading.code,
    title: heading.title,
    published: publishedIn(reports, need, settings.publishAfterApproval),
  };
}

/** The tracker's fiscal year's milestones from `today` on (today's included), soonest first, at most `count`. */
export function itaCalendar(
  settings: CalendarSettings,
  reports: readonly ReportRecord[],
  today: string,
  count = CALENDAR_LISTED,
): ItaCalendarView {
  const f = frameworkOf(settings);
  const typed = typedMilestoneDates(settings.itaCalendarDates, f.calendar, settings.fiscalYear).dates;
  const upcoming = f.calendar
    .map((m) => ({ m, date: typed.get(m.key) ?? yearDateIso(settings.fiscalYear, m.date) }))
    .filter((x) => x.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, count)
    .map(({ m, date }) => ({
      key: m.key,
      label: m.label,
      date,
      daysLeft: daysBetween(today, date),
      estimated: !f.confirmed && !typed.has(m.key),
      need: needOf(m, date, settings, reports),
    }));
  return { fiscalYear: settings.fiscalYear, frameworkLabel: f.label, confirmed: f.confirmed, note: f.note, upcoming };
}
