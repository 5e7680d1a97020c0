// The notifier port: how a use case hands a message to a channel and learns what became of it. Each
// runtime implements it (Apps Script: MailApp; Node: .eml files in an outbox or SMTP through
// nodemailer). Core decides what a quota means (app/send-reminders.ts); an adapter only reports it.
import type { Io } from './flow';

/**
 * What became of one message: sent; deferred (the channel's quota would not take it: it goes on a
 * later run); failed, with the reason in the words the service gave (the log shows it in Thai).
 */
export type Delivery = { kind: 'sent' } | { kind: 'deferred' } | { kind: 'failed'; why: string };

export const SENT: Delivery = { kind: 'sent' };
export const DEFERRED: Delivery = { kind: 'deferred' };

/** An e-mail as the reminders write it: plain text and HTML, from the tracker's sender name. */
export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  senderName: string;
  /** the division the digest is for ('' for the executives): names the .eml file in Node */
  divisionCode: string;
}

export interface Notifier<M> {
  /** how many recipients the channel still takes now (its quota), or null when it keeps no count */
  remaining(): Io<number | null>;
  /**
   * Hands one message over. Answers its delivery, or throws: a throw is a failure with its message.
   * `deferred` means the service said its quota is spent (an SMTP 4xx rate limit, say).
   */
  deliver(message: M): Io<Delivery>;
}

/** The log's writer: appends the rows of one run below the existing ones, in one write. */
export interface LogWriter<Row> {
  append(rows: readonly Row[]): Io<void>;
}

/** A thrown thing's words, for the log. */
export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
