// Today's reminders as messages: the schedule (reminder-schedule.ts: who gets a digest, listing what)
// put into words (reminder-digest.ts), in sending order. sendReminders (app/send-reminders.ts) takes
// this plan and delivers it; the preview and the simulation read it without sending.

import { adminsCalendar, divisionDigest, executiveSummary, wordingFor } from './reminder-digest';
import { logEntry } from './reminder-log';
import { scheduleReminders } from './reminder-schedule';
import type { ReminderInput, ReminderPlan } from './reminder-types';

/** What goes out today, to whom, and the log rows that record it (docs/reminders.md). */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today } = input;
  const now = input.now ?? new Date(`${today}T00:00:00Z`);
  const schedule = scheduleReminders(input);
  const w = wordingFor(input.tracker.settings.numerals);
  const digests = schedule.divisions.map((s) => divisionDigest(s.division, s.items, s.to, input, w));
  const escalation = schedule.summary
    ? executiveSummary({ round: schedule.summary.round }, schedule.summary.open, input, w, schedule.summary.to)
    : null;
  const calendar = schedule.calendar ? adminsCalendar(schedule.calendar.view, input, w, schedule.calendar.to) : null;
  const unsent = [
    ...schedule.unaddressedDivisions.map((s) => divisionDigest(s.division, s.items, [], input, w)),
    ...(schedule.unaddressedSummary
      ? [executiveSummary({ round: schedule.unaddressedSummary.round }, schedule.unaddressedSummary.open, input, w, [])]
      : []),
  ];
  const queue = [
    ...digests.filter((d) => d.overdue),
    ...(escalation ? [escalation] : []),
    ...digests.filter((d) => !d.overdue),
    ...(calendar ? [calendar] : []),
  ];
  return {
    today,
    digests,
    escalation,
    calendar,
    queue,
    logRows: queue.map((d) => logEntry(d, { kind: 'sent' }, now)),
    unaddressed: schedule.unaddressed,
    unsent,
  };
}
