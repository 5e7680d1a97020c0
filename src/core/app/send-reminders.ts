// sendReminders, the one reminder run of both runtimes (DESIGN §15): schedule → render → deliver
// within the channel's quota → log. The Apps Script trigger and `ita-tracker remind` only build the
// ports (the clock, the e-mail notifier, the log writer) and report the result.
//
// Quota (DESIGN §7): the queue is in priority order (overdue division digests, the executives, the
// rest). Once a message does not fit in what the channel still takes, it and every later one are
// deferred: they go on the next run, still in that order. A failed send is checked against the quota
// read again (the error's words follow the account's language, and another script of the account
// may have spent it meanwhile): if it no longer fits, it was the quota, so it is deferred too.
//
// LINE (issue 25, docs/line.md): a digest whose division (or the executives) has a paired group goes
// to that group first when the run has LINE's token: the month's quota and consumption (read once per
// run) and the group's members count decide before sending whether the push fits; a push that would
// not fit, a 429, a 500, a timeout or any other failure sends that digest's e-mail instead, and the
// log row says the channel, the people counted and why. After a 429 or no answer at all, the run's
// later LINE digests go by e-mail without asking again. The log decides what a rerun sends, whatever
// the channel was.

import type { Clock } from '../clock';
import { isGroupId, type LineQuota, type LineTextMessage, lineDigest, pushFits } from '../line';
import { LINE } from '../messages/line';
import { REMIND } from '../messages/reminders';
import type { EmailLogEntry } from '../model';
import { logEntry, notSentOutcome } from '../reminder-log';
import type { Digest, ReminderInput, ReminderLinks, ReminderPlan } from '../reminder-types';
import { planReminders } from '../reminders';
import { isoFromWallDate, numerals } from '../thai';
import { call, type Flow } from './flow';
import { type LineAnswer, type LineChannel, lineMembers, linePush, lineQuota } from './line-api';
import { DEFERRED, type Delivery, type EmailMessage, type LogWriter, type Notifier, reasonOf, SENT } from './notifier';

export interface SendRemindersInput {
  tracker: ReminderInput['tracker'];
  /** the log as read: the schedule's memory of what was sent */
  log: readonly EmailLogEntry[];
  links: ReminderLinks;
}

export interface SendRemindersPorts {
  /** the agency's wall clock: today's date and the log's sent-at */
  clock: Clock;
  email: Notifier<EmailMessage>;
  log: LogWriter<EmailLogEntry>;
  /** LINE, when the run has the channel's token: paired groups get their digest there first */
  line?: LineChannel;
}

/** What became of a digest's LINE push: sent (the people it counted), or why it went by e-mail. */
export type LineTry = { sent: true; members: number; verdict: string } | { sent: false; why: string };

export interface SendRemindersResult {
  plan: ReminderPlan;
  /** each queued digest and what became of it, in sending order */
  deliveries: { digest: Digest; delivery: Delivery; line: LineTry | null }[];
  /** the rows appended to the log (none when there was nothing to send) */
  rows: EmailLogEntry[];
  sent: number;
  /** of them, pushed to a LINE group */
  byLine: number;
  deferred: number;
  /** failed sends, not counting digests with no valid address (plan.unsent) */
  failed: number;
}

export const emailOf = (d: Digest, senderName: string): EmailMessage => ({
  to: d.to,
  subject: d.subject,
  text: d.text,
  html: d.html,
  senderName,
  divisionCode: d.divisionCode,
});

/** Today's reminders, delivered and logged. Run it with runSync (Apps Script) or runAsync (Node). */
export function* sendReminders(input: SendRemindersInput, ports: SendRemindersPorts): Flow<SendRemindersResult> {
  const now = ports.clock.now();
  const plan = planReminders({
    today: isoFromWallDate(now),
    tracker: input.tracker,
    log: input.log,
    links: input.links,
    now,
  });
  const result: SendRemindersResult = { plan, deliveries: [], rows: [], sent: 0, byLine: 0, deferred: 0, failed: 0 };
  if (plan.queue.length === 0 && plan.unsent.length === 0) return result;
  const senderName = REMIND.senderName(input.tracker.settings.agencyName);
  const tries = ports.line ? yield* pushToGroups(plan.queue, input, ports.line) : plan.queue.map(() => null);
  // what LINE did not take goes by e-mail, in the queue's order, within the e-mail quota
  const byEmail = plan.queue.filter((_, i) => !tries[i]?.sent);
  const outcomes = yield* deliverWithinQuota(
    byEmail.map((d) => ({ recipients: d.to.length, message: emailOf(d, senderName) })),
    ports.email,
  );
  let e = 0;
  result.deliveries = plan.queue.map((digest, i) => {
    const line = tries[i];
    return { digest, line, delivery: line?.sent ? SENT : outcomes[e++] };
  });
  // digests with no valid address are logged as not sent, so a later run tries them again
  result.rows = [
    ...result.deliveries.map((d) => logEntry(d.digest, d.delivery, now, via(d.digest, d.line, input))),
    ...plan.unsent.map((d) => logEntry(d, notSentOutcome, now)),
  ];
  yield* call(ports.log.append(result.rows));
  for (const { delivery, line } of result.deliveries) {
    result[delivery.kind]++;
    if (line?.sent) result.byLine++;
  }
  return result;
}

/** The log's channel (and, for a push, its recipients) for a digest and its LINE try. */
function via(d: Digest, line: LineTry | null, input: SendRemindersInput): { channel: string; recipients?: string } {
  if (line === null) return { channel: LINE.channelEmail };
  if (!line.sent) return { channel: LINE.channelFallback(line.why) };
  return {
    channel: LINE.channelLine(line.verdict),
    recipients: LINE.groupRecipients(groupName(d, input), line.members),
  };
}

const groupName = (d: Digest, input: SendRemindersInput): string =>
  d.divisionCode === ''
    ? LINE.executivesGroup
    : (input.tracker.divisions.find((x) => x.code === d.divisionCode)?.name ?? d.logDivision);

/** The paired group of a digest's division (or of the executives), or '' when it goes by e-mail only. */
function groupOf(d: Digest, input: SendRemindersInput): string {
  const group =
    d.divisionCode === ''
      ? input.tracker.settings.executivesLine
      : (input.tracker.divisions.find((x) => x.code === d.divisionCode)?.lineGroup ?? '');
  return isGroupId(group ?? '') ? (group ?? '').trim() : '';
}

/** The digest as one LINE text: the division's (overdue, due this week, its tab) or the executives' summary. */
export function lineMessageOf(d: Digest, input: SendRemindersInput): LineTextMessage[] {
  const { settings, divisions } = input.tracker;
  const n = (x: number | string) => numerals(x, settings.numerals);
  if (d.divisionCode === '') {
    const nameOf = (code: string) => divisions.find((x) => x.code === code)?.name ?? code;
    return lineDigest({
      divisionName: LINE.executivesGroup,
      items: d.items,
      url: '',
      n,
      weekDays: settings.dueSoonDays,
      heading: LINE.executivesHeading,
      tail: LINE.executivesTail,
      label: (i) => `${nameOf(i.entry.divisionCode)} ${i.entry.key}`,
    });
  }
  return lineDigest({
    divisionName: groupName(d, input),
    items: d.items,
    url: input.links.divisionTabUrl(d.divisionCode),
    n,
    weekDays: settings.dueSoonDays,
  });
}

/**
 * Each queued digest with a paired group, pushed when it fits (see the top of this file); null for a
 * digest with no group. The month's quota is read once, and what this run pushed is counted on it.
 */
function* pushToGroups(
  queue: readonly Digest[],
  input: SendRemindersInput,
  line: LineChannel,
): Flow<(LineTry | null)[]> {
  let quota: LineAnswer<LineQuota> | null = null;
  const out: (LineTry | null)[] = [];
  for (const d of queue) {
    const group = groupOf(d, input);
    if (group === '') {
      out.push(null);
      continue;
    }
    quota ??= yield* lineQuota(line);
    if (!quota.ok) {
      out.push({ sent: false, why: quota.why });
      continue;
    }
    const members = yield* lineMembers(line, group);
    if (!members.ok) {
      out.push({ sent: false, why: members.why });
      if (members.status === null) quota = members;
      continue;
    }
    const fit = pushFits(quota.value, members.value);
    if (!fit.fits) {
      out.push({ sent: false, why: fit.why });
      continue;
    }
    const pushed = yield* linePush(line, group, lineMessageOf(d, input));
    if (!pushed.ok) {
      out.push({ sent: false, why: pushed.why });
      // the month is spent (429) or LINE does not answer: the rest go by e-mail without asking again
      if (pushed.status === 429 || pushed.status === null) quota = pushed;
      continue;
    }
    quota = { ok: true, value: { ...quota.value, used: quota.value.used + members.value } };
    out.push({ sent: true, members: members.value, verdict: fit.why });
  }
  return out;
}

/** Delivers messages in order while the channel's quota lasts (see the top of this file). */
export function* deliverWithinQuota<M>(
  messages: readonly { recipients: number; message: M }[],
  notifier: Notifier<M>,
): Flow<Delivery[]> {
  let remaining = yield* call(notifier.remaining());
  let short = false;
  const out: Delivery[] = [];
  for (const { recipients, message } of messages) {
    if (short || (remaining !== null && recipients > remaining)) {
      short = true;
      out.push(DEFERRED);
      continue;
    }
    let delivery: Delivery;
    try {
      delivery = yield* call(notifier.deliver(message));
    } catch (e) {
      delivery = { kind: 'failed', why: reasonOf(e) };
    }
    if (delivery.kind === 'sent' && remaining !== null) remaining -= recipients;
    if (delivery.kind === 'deferred') short = true;
    if (delivery.kind === 'failed') {
      remaining = yield* call(notifier.remaining());
      if (remaining !== null && recipients > remaining) {
        short = true;
        delivery = DEFERRED;
      }
    }
    out.push(delivery);
  }
  return out;
}
