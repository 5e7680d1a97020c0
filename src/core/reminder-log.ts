// The e-mail log (บันทึกอีเมล) as the reminder schedule reads and writes it: its rows are the only
// memory of what was sent, so the tokens, outcomes and row layout live together here.
import type { Delivery } from './app/notifier';
import { type Cell, isBlank, wallDateTime } from './cells';
import { INPUT } from './messages/input-safety';
import { LINE } from './messages/line';
import { REMIND } from './messages/reminders';
import type { EmailLogEntry } from './model';
import type { Digest, ReminderItem } from './reminder-types';
import { type RowObject, rowOf } from './rows';
import { EMAIL_LOG_TAB, headersOf } from './schema';
import { readTable } from './workbook';

/** How an unsent digest is logged: a failure, so it is not counted as sent and is retried. */
export const notSentOutcome: Delivery = { kind: 'failed', why: INPUT.notSentNoAddress };

// ---------------------------------------------------------------- the log

const SENT = new Set<string>([REMIND.outcome.sent, 'sent']);
export const wasSent = (e: Pick<EmailLogEntry, 'outcome'>): boolean => SENT.has(e.outcome.trim());

export const tokensOf = (items: string): string[] => items.split(/[\s,]+/).filter((t) => t !== '');

export const itemToken = (item: ReminderItem): string => `${item.entry.key}@${item.stage.id}`;
export const escalationToken = (item: ReminderItem): string => `${item.entry.divisionCode}:${itemToken(item)}`;

// ---------------------------------------------------------------- log rows

const outcomeText = (o: Delivery): string =>
  o.kind === 'sent'
    ? REMIND.outcome.sent
    : o.kind === 'deferred'
      ? REMIND.outcome.deferred
      : REMIND.outcome.failed(o.why);

/**
 * The log entry for one message and what became of it; `via` says the channel (default อีเมล) and,
 * for a LINE push, the group and how many people it counted.
 */
export function logEntry(
  d: Digest,
  outcome: Delivery,
  now: Date,
  via: { channel: string; recipients?: string } = { channel: LINE.channelEmail },
): EmailLogEntry {
  return {
    sentAt: now.toISOString().slice(0, 16).replace('T', ' '),
    divisionCode: d.logDivision,
    recipients: via.recipients ?? d.to.join(', '),
    items: d.tokens.join(' '),
    stage: d.stageText,
    outcome: outcomeText(outcome),
    subject: d.subject,
    channel: via.channel,
  };
}

/** A log entry as cells in the schema's column order of บันทึกอีเมล (sent-at as a date-time cell). */
export function logRowCells(e: EmailLogEntry): Cell[] {
  return rowOf(EMAIL_LOG_TAB, logRowObject(e));
}

export function logRowObject(e: EmailLogEntry): RowObject {
  return {
    sentAt: e.sentAt ? wallDateTime(e.sentAt) : null,
    logDivision: e.divisionCode,
    recipients: e.recipients,
    items: e.items,
    stage: e.stage,
    outcome: e.outcome,
    subject: e.subject,
    channel: e.channel ?? '',
  };
}

/**
 * Cells of a log entry placed by the columns an existing log tab has (found by header), so a user
 * who moved a column breaks nothing. `columnIndex` is readTable's; width is the header row's length.
 */
export function logRowFor(e: EmailLogEntry, columnIndex: Record<string, number>, width: number): Cell[] {
  const obj = logRowObject(e);
  const row: Cell[] = new Array(width).fill(null);
  for (const c of EMAIL_LOG_TAB.columns) {
    const i = columnIndex[c.key];
    if (i !== undefined && i >= 0) row[i] = obj[c.key] ?? null;
  }
  return row;
}

/**
 * The e-mail log tab's values with entries appended, found by header so moved columns still work.
 * A missing tab or header is added (then the whole table changed: firstChangedRow 1); otherwise
 * only the rows below the last non-blank one change, so an adapter writes just those.
 */
export function appendLogValues(
  existing: readonly Cell[][] | undefined,
  entries: readonly EmailLogEntry[],
): { values: Cell[][]; firstChangedRow: number } {
  const values: Cell[][] = existing?.length ? existing.map((r) => [...r]) : [];
  let firstChangedRow = values.length ? 0 : 1;
  if (!values.length) values.push(headersOf(EMAIL_LOG_TAB));
  const table = readTable({ tabs: { [EMAIL_LOG_TAB.name]: values } }, EMAIL_LOG_TAB);
  const header = values[0];
  for (const c of EMAIL_LOG_TAB.columns)
    if (table.columnIndex[c.key] < 0) {
      table.columnIndex[c.key] = header.length;
      header.push(c.header);
      firstChangedRow = 1;
    }
  let last = values.length;
  while (last > 1 && values[last - 1].every((c) => isBlank(c))) last--;
  values.splice(last, values.length - last, ...entries.map((e) => logRowFor(e, table.columnIndex, header.length)));
  return { values, firstChangedRow: firstChangedRow || last + 1 };
}
