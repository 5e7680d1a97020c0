// The shapes the reminder schedule (reminders.ts), its wording (reminder-digest.ts) and its log
// (reminder-log.ts) share: a leaf module, so those three import it and not each other in a circle.
import type { DivisionEntry, EmailLogEntry, Tracker } from './model';

export type StageKind = 'before' | 'due' | 'overdue';

export interface Stage {
  /** stable id written in the log: "d-7", "d0", "d+14" */
  id: string;
  kind: StageKind;
  /** days from the due date to the stage's date (negative before) */
  offset: number;
  date: string;
}

export interface ReminderItem {
  entry: DivisionEntry;
  /** the entry's due date, or the round's when the entry has none */
  due: string;
  /** due - today: negative when late */
  daysLeft: number;
  stage: Stage;
}

export interface Digest {
  kind: 'division' | 'escalation' | 'admins';
  /** '' for the executives' summary, ADMINS_CODE for the admins' ITA calendar */
  divisionCode: string;
  /** what the log's division column says */
  logDivision: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** overdue items first (most late first), then due soon (soonest first) */
  items: ReminderItem[];
  /** holds an overdue item: goes first when the quota is short */
  overdue: boolean;
  /** "key@stage" (division digest), "CODE:key@stage" (escalation) or "ita:key@date" (admins' calendar) tokens for the log */
  tokens: string[];
  /** the log's stage column */
  stageText: string;
}

/** The admins' digest's recipient code (the log says ITA_CALENDAR.admins); no division is looked up by it. */
export const ADMINS_CODE = '#admins';

export interface ReminderLinks {
  /** a link that opens the division's tab */
  divisionTabUrl(divisionCode: string): string;
}

export interface ReminderInput {
  /** ISO date, Asia/Bangkok */
  today: string;
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'measures' | 'entries'> &
    Partial<Pick<Tracker, 'holidays' | 'reports'>>;
  log: readonly EmailLogEntry[];
  links: ReminderLinks;
  /** when the run happens ("wall clock as UTC"); the log's sent-at. Default: today 00:00. */
  now?: Date;
}

export interface ReminderPlan {
  today: string;
  /** one per division with something to send, overdue digests first */
  digests: Digest[];
  escalation: Digest | null;
  /** the admins' weekly ITA calendar (src/core/ita-calendar.ts), or null when none goes out today */
  calendar: Digest | null;
  /** every message in sending order: overdue division digests, the escalation, the rest, the admins' calendar last */
  queue: Digest[];
  /** log rows as if everything in the queue were sent (adapters log the real outcome with logEntry) */
  logRows: EmailLogEntry[];
  /**
   * What is wrong with a division's recipients (Thai messages, naming the cell): reminders due but
   * nobody to send them to, or sent to the admins because the notify cell holds no address.
   */
  unaddressed: string[];
  /**
   * Digests due but with no valid address to send to: not sent, and logged as not sent (adapters log
   * them with notSentOutcome) so the log shows them and the next run tries again.
   */
  unsent: Digest[];
}
