// In-memory MailApp, from the Apps Script reference (Mail service; Quotas for Google Services):
// - getRemainingDailyQuota(): "the number of recipients you can send emails to for the rest of the
//   day" — quotas count recipients (to + cc + bcc), not messages;
// - sendEmail(message) | (recipient, subject, body) | (recipient, subject, body, options) |
//   (to, replyTo, subject, body); `to`, `cc`, `bcc` are comma-separated lists;
// - going over the quota throws "Service invoked too many times for one day: email." and sends nothing;
//   so do more than 50 recipients in one message (the limitations table) and an address that is not one.
// Sent messages are kept for tests to read; the quota is settable per test.
import { counted } from './calls';
import type { FakeContext, FakeModule } from './context';

export const MAIL_ERR = {
  quota: 'Service invoked too many times for one day: email.',
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  noRecipient: 'Failed to send email: no recipient',
} as const;

/** Reference (Quotas): consumer accounts 100 recipients / day; Google Workspace 1,500. */
export const DEFAULT_MAIL_QUOTA = 100;
/** Reference (Limitations): recipients per message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  noReply: boolean;
  /** who sent it: the effective user */
  from: string;
}

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;
type MailMessage = GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string; body?: string };

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

class FakeMailApp {
  readonly _api: GoogleAppsScript.Mail.MailApp;
  constructor(
    private readonly state: MailState,
    private readonly ctx: FakeContext,
  ) {
    this._api = counted('MailApp', this) as unknown as GoogleAppsScript.Mail.MailApp;
  }

  getRemainingDailyQuota(): number {
    return this.state.quota;
  }

  sendEmail(a: string | MailMessage, b?: string, c?: string, d?: string | MailOptions): void {
    let message: MailMessage;
    if (typeof a === 'object') message = a;
    else if (typeof d === 'string')
      message = { to: a, replyTo: b, subject: c ?? '', body: d }; // (to, replyTo, subject, body)
    else message = { ...(d ?? {}), to: a, subject: b ?? '', body: c ?? '' };
    this.deliver(message);
  }

  private deliver(m: MailMessage): void {
    const to = list(m.to);
    const cc = list(m.cc);
    const bcc = list(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (this.state.failNext) {
      const why = this.state.failNext;
      this.state.failNext = null;
      throw new Error(why);
    }
    if (all.length === 0) throw new Error(MAIL_ERR.noRecipient);
    const bad = all.find((x) => !EMAIL.test(x));
    if (bad) throw new Error(MAIL_ERR.invalidEmail(bad));
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(MAIL_ERR.tooManyRecipients);
    // another script of the same account sent meanwhile (the quota is the account's, not this script's)
    if (this.state.spendBeforeNextSend) {
      this.state.quota = Math.max(0, this.state.quota - this.state.spendBeforeNextSend);
      this.state.spendBeforeNextSend = 0;
    }
    // the message follows the account's language (Apps Script messages are localised)
    if (all.length > this.state.quota) throw new Error(this.state.quotaMessage);
    this.state.quota -= all.length;
    this.state.sent.push({
      to,
      cc,
      bcc,
      replyTo: m.replyTo ?? '',
      subject: m.subject ?? '',
      body: m.body ?? '',
      htmlBody: m.htmlBody ?? '',
      name: m.name ?? '',
      noReply: m.noReply ?? false,
      from: this.ctx.users.effective,
    });
  }
}

interface MailState {
  quota: number;
  /** recipients someone else's sending takes from the quota just before the next send */
  spendBeforeNextSend: number;
  /** what going over the quota says (English by default; an account in Thai gets Thai) */
  quotaMessage: string;
  sent: SentMail[];
  failNext: string | null;
}

export interface MailHandle {
  /** Every message sent, in order. */
  readonly sent: SentMail[];
  /** Recipients left today (what getRemainingDailyQuota returns). */
  quota: number;
  /** The next sendEmail throws this message (a transient failure), once. */
  failNext(message: string): void;
  /** Another script of the account sends to n recipients just before the next sendEmail. */
  spendBeforeNextSend(n: number): void;
  /** The quota error's text, as the account's language gives it. */
  quotaMessage: string;
  clear(): void;
}

export interface MailHandles {
  mail: MailHandle;
}

export function installMail(ctx: FakeContext): FakeModule<MailHandles> {
  const state: MailState = {
    quota: DEFAULT_MAIL_QUOTA,
    sent: [],
    failNext: null,
    spendBeforeNextSend: 0,
    quotaMessage: MAIL_ERR.quota,
  };
  return {
    globals: { MailApp: new FakeMailApp(state, ctx)._api },
    handles: {
      mail: {
        get sent() {
          return state.sent;
        },
        get quota() {
          return state.quota;
        },
        set quota(n: number) {
          state.quota = n;
        },
        failNext(message) {
          state.failNext = message;
        },
        spendBeforeNextSend(n) {
          state.spendBeforeNextSend = n;
        },
        get quotaMessage() {
          return state.quotaMessage;
        },
        set quotaMessage(m: string) {
          state.quotaMessage = m;
        },
        clear() {
          state.sent.length = 0;
        },
      },
    },
  };
}
