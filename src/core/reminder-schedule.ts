// The reminder schedule (DESIGN §7), pure and channel-neutral: given today, the tracker and the log,
// which divisions (and whether the executives) get a digest today, listing which items, to whom.
// How a digest reads is reminder-digest.ts; planReminders (reminders.ts) puts the two together, and
// sendReminders (app/send-reminders.ts) delivers it over whichever channel a division has.
//
// The rhythm (issue 12, docs/reminders.md) is decided from the log alone: which days a recipient got a
// message and which items ("key@stage" tokens) it listed. So a run after missed days sends one
// catch-up, and a second run on the same day sends nothing. Working days come from the one calendar in
// core (src/core/working-days.ts).

import { matchDivision } from './cell-values';
import { cellRef, isEmail } from './cells';
import { CALENDAR_NOTICE_DAYS, type ItaCalendarView, itaCalendar } from './ita-calendar';
import { INPUT } from './messages/input-safety';
import { ITA_CALENDAR } from './messages/ita-calendar';
import { REMIND } from './messages/reminders';
import { SETTING_LABEL, TAB } from './messages/tabs-headers';
import type { Division, EmailLogEntry } from './model';
import { tokensOf, wasSent } from './reminder-log';
import { ADMINS_CODE, type ReminderInput, type ReminderItem, type Stage } from './reminder-types';
import { addDays, daysBetween } from './thai';
import { mondayOf, workingCalendar } from './working-days';

// ---------------------------------------------------------------- stages

export const stageId = (offset: number): string => (offset === 0 ? 'd0' : offset < 0 ? `d${offset}` : `d+${offset}`);

// ---------------------------------------------------------------- the schedule

/** One division's digest today: its items (most urgent first) and who gets it ([] = nobody valid). */
export interface ScheduledDivision {
  division: Division;
  items: ReminderItem[];
  to: string[];
}

/** The executives' summary today: the weekly one (round null) or a round's, over every open item. */
export interface ScheduledSummary {
  round: number | null;
  open: ReminderItem[];
  to: string[];
}

/** The admins' weekly ITA calendar today: the year's next milestones, to the admins' valid addresses. */
export interface ScheduledCalendar {
  view: ItaCalendarView;
  to: string[];
}

export interface ReminderSchedule {
  today: string;
  /** divisions with a digest to send, in the divisions tab's order */
  divisions: ScheduledDivision[];
  summary: ScheduledSummary | null;
  calendar: ScheduledCalendar | null;
  /** due but with no valid address (to = []), said in `unaddressed` */
  unaddressedDivisions: ScheduledDivision[];
  unaddressedSummary: ScheduledSummary | null;
  /** Thai messages naming the cell: who has reminders due but nobody to send them to, or gets them through the admins */
  unaddressed: string[];
}

/** What the log says was sent: per recipient (division code, '' = executives), the dates and tokens. */
interface Sent {
  dates: string[];
  /** entry key → dates a sent message listed it */
  keys: Map<string, string[]>;
}

function sentHistory(log: readonly EmailLogEntry[], divisions: readonly Division[]): Map<string, Sent> {
  const out = new Map<string, Sent>();
  for (const e of log) {
    if (!wasSent(e)) continue;
    const date = e.sentAt.trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const who = e.divisionCode.trim();
    const code =
      who === REMIND.executives
        ? ''
        : who === ITA_CALENDAR.admins
          ? ADMINS_CODE
          : (matchDivision(who, divisions) ?? who);
    const sent = out.get(code) ?? { dates: [], keys: new Map<string, string[]>() };
    sent.dates.push(date);
    for (const t of tokensOf(e.items)) {
      const key = t.slice(t.indexOf(':') + 1).split('@')[0];
      sent.keys.set(key, [...(sent.keys.get(key) ?? []), date]);
    }
    out.set(code, sent);
  }
  return out;
}

const NOTHING_SENT: Sent = { dates: [], keys: new Map() };
const onOrAfter = (dates: readonly string[], from: string, to?: string): number =>
  dates.filter((d) => d >= from && (to === undefined || d <= to)).length;

/** At most this many e-mails a week to one division, and one to the executives (issue 12). */
export const DIVISION_WEEKLY_MAX = 2;

/** The stage of an item on `today`, relative to its (working-day) due date. */
function stageOf(due: string, today: string): Stage {
  const offset = daysBetween(due, today);
  return { id: stageId(offset), kind: offset < 0 ? 'before' : offset === 0 ? 'due' : 'overdue', offset, date: today };
}

/** Overdue first (most late first), then due soon (soonest first); ties in tab order. */
export const byUrgency = (a: ReminderItem, b: ReminderItem): number => a.daysLeft - b.daysLeft;

/** The week a run falls in, and what every recipient's rhythm is weighed against. */
interface Week {
  today: string;
  monday: string;
  sunday: string;
  calendar: ReturnType<typeof workingCalendar>;
  settings: ReminderInput['tracker']['settings'];
}

/**
 * Who gets what today (docs/reminders.md): nothing on a Saturday, Sunday or holiday; per division at
 * most one digest a day and two a week: the weekly digest on its weekday (everything overdue and
 * everything due within dueSoonDays), and between weekly digests only when an item due before the
 * next one has not been mentioned since 7 days before its due date; the executives at most one
 * summary a week: the weekly one when something is overdue, or, in the week a round's report is due,
 * the round summary on that day. Divisions are in the divisions tab's order (planReminders queues the
 * overdue ones first).
 */
export function scheduleReminders(input: Pick<ReminderInput, 'today' | 'tracker' | 'log'>): ReminderSchedule {
  const { today, tracker } = input;
  const { settings } = tracker;
  const calendar = workingCalendar(tracker.holidays ?? []);
  const schedule: ReminderSchedule = {
    today,
    divisions: [],
    summary: null,
    calendar: null,
    unaddressedDivisions: [],
    unaddressedSummary: null,
    unaddressed: [],
  };
  if (!calendar.isWorkingDay(today)) return schedule;
  const monday = mondayOf(today);
  const week: Week = { today, monday, sunday: addDays(monday, 6), calendar, settings };
  const history = sentHistory(input.log, tracker.divisions);
  const open: ReminderItem[] = [];
  const seen = new Set<string>();
  for (const division of tracker.divisions) {
    if (!division.code || seen.has(division.code)) continue;
    seen.add(division.code);
    const due = divisionToday(division, tracker.entries, history.get(division.code) ?? NOTHING_SENT, week);
    open.push(...due.open);
    if (due.items.length) addressDivision(schedule, division, due.items.sort(byUrgency), settings.admins);
  }
  if (settings.executives.length) {
    const round = executivesToday(open, history.get('') ?? NOTHING_SENT, week);
    if (round) addressSummary(schedule, { round: round.round, open, to: [] }, settings.executives);
  }
  const admins = settings.admins.filter(isEmail);
  if (admins.length) {
    const view = calendarToday(history.get(ADMINS_CODE) ?? NOTHING_SENT, week, tracker.reports ?? []);
    if (view) schedule.calendar = { view, to: admins };
  }
  return schedule;
}

/**
 * The admins' weekly ITA calendar (docs/reminders.md): on the division digests' weekday (or a later run
 * that week when that day's did not send it), at most once a week, in the weeks when the year's next
 * milestone is at most CALENDAR_NOTICE_DAYS away; it lists the next milestones, none that has passed.
 */
function calendarToday(sent: Sent, week: Week, reports: NonNullable<ReminderInput['tracker']['reports']>) {
  const { today, monday, sunday, calendar, settings } = week;
  if (onOrAfter(sent.dates, monday, sunday) > 0) return null;
  const weekly = calendar.weeklyDay(monday, settings.divisionDigestDay);
  if (weekly === null || today < weekly) return null;
  const view = itaCalendar(settings, reports, today);
  const next = view.upcoming[0];
  return next && next.daysLeft <= CALENDAR_NOTICE_DAYS ? view : null;
}

/**
 * One division's items today: every open item with a due date (the executives' summary counts them),
 * and what its digest lists when one goes out today ([] when none does: not its weekly day, nothing
 * urgent, or the day's or the week's cap reached).
 */
function divisionToday(
  division: Division,
  entries: ReminderInput['tracker']['entries'],
  sent: Sent,
  week: Week,
): { open: ReminderItem[]; items: ReminderItem[] } {
  const { today, monday, sunday, calendar, settings } = week;
  const roundDue = settings.roundDue[settings.currentRound];
  const thisWeek = calendar.weeklyDay(monday, settings.divisionDigestDay);
  // the weekly digest goes on its day, or on a later run that week when that day's run did not send
  // it (missed, deferred, failed) — but only for what it would have listed on its day
  let weeklyDue = false;
  const nextWeekly =
    thisWeek !== null && today < thisWeek
      ? thisWeek
      : calendar.weeklyDay(addDays(monday, 7), settings.divisionDigestDay);
  const open: ReminderItem[] = [];
  const items: ReminderItem[] = [];
  let urgent = false;
  for (const entry of entries) {
    if (entry.divisionCode !== division.code || entry.key === '' || entry.status === 'done') continue;
    const written = entry.due ?? roundDue;
    if (!written) continue;
    // a due date on a non-working day is due on the working day before it
    const due = calendar.onOrBefore(written);
    const daysLeft = daysBetween(today, due);
    const item: ReminderItem = { entry, due, daysLeft, stage: stageOf(due, today) };
    open.push(item);
    if (daysLeft > settings.dueSoonDays) continue;
    items.push(item);
    if (thisWeek !== null && today >= thisWeek && daysBetween(thisWeek, due) <= settings.dueSoonDays)
      weeklyDue ||= onOrAfter(sent.dates, thisWeek, sunday) === 0;
    // mentioned from 7 days before the written due date to 3 after: the promise (docs/reminders.md)
    const windowStart = addDays(written, -7);
    const inWindow = today >= windowStart && today <= addDays(written, 3);
    const mentioned = (sent.keys.get(entry.key) ?? []).some((d) => d >= windowStart);
    if (inWindow && !mentioned && !(nextWeekly !== null && nextWeekly <= due)) urgent = true;
  }
  const capped = sent.dates.includes(today) || onOrAfter(sent.dates, monday, sunday) >= DIVISION_WEEKLY_MAX;
  return { open, items: items.length && !capped && (weeklyDue || urgent) ? items : [] };
}

/** Which summary the executives get today, if any. */
function executivesToday(items: ReminderItem[], sent: Sent, week: Week): { round: number | null } | null {
  const { today, monday, sunday, calendar, settings } = week;
  if (onOrAfter(sent.dates, monday, sunday) > 0) return null;
  // the week a round's report is due: the round summary, on that day (or the next run that week)
  for (const round of [6, 12] as const) {
    const written = settings.roundDue[round];
    if (!written) continue;
    const day = calendar.onOrBefore(written);
    if (day < monday || day > sunday) continue;
    return today >= day ? { round } : null;
  }
  const weekly = calendar.weeklyDay(monday, settings.executiveSummaryDay);
  if (weekly === null || today < weekly) return null;
  const late = items.some((i) => -i.daysLeft > settings.escalateAfterDays);
  return late ? { round: null } : null;
}

// ---------------------------------------------------------------- recipients, and what is said about them

/**
 * A division's digest to its notify addresses, else to the admins (said, with the cell, so nobody
 * thinks the division was told), else to nobody (said, and kept among the unaddressed).
 */
function addressDivision(
  schedule: ReminderSchedule,
  division: Division,
  items: ReminderItem[],
  admins: readonly string[],
): void {
  // only real addresses: "ผอ. กองคลัง" in the notify cell is no recipient
  const notify = division.notifyEmails.filter(isEmail);
  const to = notify.length ? notify : admins.filter(isEmail);
  const scheduled: ScheduledDivision = { division, items, to };
  const name = division.name || division.code;
  const cell = cellRef(TAB.divisions, division.notifyCell ?? '');
  const typed = division.notifyEmails.join(', ');
  if (to.length === 0) {
    schedule.unaddressed.push(
      division.notifyEmails.length ? INPUT.noValidRecipient(name, cell, typed) : REMIND.noRecipients(name),
    );
    schedule.unaddressedDivisions.push(scheduled);
    return;
  }
  if (!notify.length) schedule.unaddressed.push(INPUT.sentToAdmins(name, cell, typed));
  schedule.divisions.push(scheduled);
}

/** The executives' summary to their valid addresses, else said and kept among the unaddressed. */
function addressSummary(schedule: ReminderSchedule, summary: ScheduledSummary, executives: readonly string[]): void {
  const to = executives.filter(isEmail);
  if (to.length) {
    schedule.summary = { ...summary, to };
    return;
  }
  schedule.unaddressed.push(INPUT.noValidExecutive(`${TAB.settings} "${SETTING_LABEL.executives[0]}"`));
  schedule.unaddressedSummary = { ...summary, to: [] };
}
