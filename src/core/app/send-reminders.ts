// sendReminders, the one reminder run of both runtimes (DESIGN §15): schedule → render → deliver
// within the channel's quota → log. The Apps Script trigger and `ita-tracker remind` only build the
// ports (the clock, the e-mail notifier, the log writer) and report the result.
//
// Quota (DESIGN §7): the queue is in priority order (overdue division digests, the executives, the
// rest). Once a message does not fit in what the channel still takes, it and every later one are
// deferred: they go on the next run, still in that order. A failed send is checked against the quota
// read again (the error's words follow the account's language, and another script of the account
// may have spent it meanwhile): if it no longer fits, it was the quota, so it is deferred too.

import type { Clock } from '../clock';
import { REMIND } from '../messages/reminders';
import type { EmailLogEntry } from '../model';
import { logEntry, notSentOutcome } from '../reminder-log';
import type { Digest, ReminderInput, ReminderLinks, ReminderPlan } from '../reminder-types';
import { planReminders } from '../reminders';
import { isoFromWallDate } from '../thai';
import { call, type Flow } from './flow';
import { DEFERRED, type Delivery, type EmailMessage, type LogWriter, type Notifier, reasonOf } from './notifier';

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
}

export interface SendRemindersResult {
  plan: ReminderPlan;
  /** each queued digest and what became of it, in sending order */
  deliveries: { digest: Digest; delivery: Delivery }[];
  /** the rows appended to the log (none when there was nothing to send) */
  rows: EmailLogEntry[];
  sent: number;
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
  const result: SendRemindersResult = { plan, deliveries: [], rows: [], sent: 0, deferred: 0, failed: 0 };
  if (plan.queue.length === 0 && plan.unsent.length === 0) return result;
  const senderName = REMIND.senderName(input.tracker.settings.agencyName);
  const outcomes = yield* deliverWithinQuota(
    plan.queue.map((d) => ({ recipients: d.to.length, message: emailOf(d, senderName) })),
    ports.email,
  );
  result.deliveries = plan.queue.map((digest, i) => ({ digest, delivery: outcomes[i] }));
  // digests with no valid address are logged as not sent, so a later run tries them again
  result.rows = [
    ...result.deliveries.map((d) => logEntry(d.digest, d.delivery, now)),
    ...plan.unsent.map((d) => logEntry(d, notSentOutcome, now)),
  ];
  yield* call(ports.log.append(result.rows));
  for (const { delivery } of result.deliveries) result[delivery.kind]++;
  return result;
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
