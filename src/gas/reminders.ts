// Daily reminder e-mails in Apps Script: the time-driven handler, the menu preview and the trigger
// setup installs. Core runs the reminders (src/core/app/send-reminders.ts); this file reads the tabs
// it needs in batches and gives it MailApp (with its daily quota) and บันทึกอีเมล (one write) as ports.

import { runSync } from '../core/app/flow';
import { type EmailMessage, type Notifier, SENT } from '../core/app/notifier';
import { sendReminders } from '../core/app/send-reminders';
import type { Cell } from '../core/cells';
import { offsetClock, todayOn } from '../core/clock';
import { REMIND } from '../core/messages/reminders';
import { SETUP } from '../core/messages/setup';
import { SYNC } from '../core/messages/sync';
import type { EmailLogEntry, Settings, Tracker } from '../core/model';
import { previewHtml } from '../core/reminder-digest';
import { appendLogValues } from '../core/reminder-log';
import { roundPreviewHtml, roundPreviewRange, simulateReminders } from '../core/reminder-simulation';
import type { ReminderPlan } from '../core/reminder-types';
import { planReminders } from '../core/reminders';
import {
  DIVISIONS_TAB,
  divisionTab,
  EMAIL_LOG_TAB,
  HOLIDAYS_TAB,
  MILESTONES_TAB,
  REPORTS_TAB,
  SETTINGS_TAB,
  type TabSpec,
} from '../core/schema';
import { blockersAmongRead } from '../core/sync-blockers';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { activeSpreadsheet, type RunAccount, runAccount, showDialog } from './context';
import { storedPublicUrl, writeDashboard } from './dashboard';
import { lineChannel } from './line';
import { readTab, writeTable, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const REMINDER_HANDLER = 'dailyReminders';
export const REMINDER_HOUR = 8;
/** Script property naming the account that installed the daily trigger (only its owner can list it). */
export const REMINDER_OWNER_PROPERTY = 'reminderTriggerOwner';
export const REMINDER_TIME_ZONE = 'Asia/Bangkok';

interface Loaded {
  snapshot: WorkbookSnapshot;
  /** the spreadsheet zone's offset, for today's date and the dates written */
  offsetMs: number;
  /** ranges read, by tab name (a division tab's gives its gid for links; the log's, its sheet to append to) */
  ranges: Map<string, Range>;
}

/**
 * Reads only what the daily run needs, one getDataRange().getValues() per tab: settings, divisions,
 * milestones (to tell a milestone's measure), the e-mail log, the report register (for the dashboard),
 * the holidays and each division's tab. Measures, archive and dashboard are not read: a division tab row carries
 * its area, issue, task and due date.
 */
function load(ss: Spreadsheet): Loaded {
  const offsetMs = zoneOffsetMs(ss);
  const tabs: Record<string, Cell[][]> = {};
  const ranges = new Map<string, Range>();
  const read = (spec: TabSpec) => {
    if (ranges.has(spec.name)) return;
    const t = readTab(ss, spec, offsetMs);
    if (!t?.range) return;
    ranges.set(spec.name, t.range);
    tabs[spec.name] = t.values;
  };
  // the register too: the same daily run refreshes the dashboard, which names the last report
  // the holidays too: no reminder goes out on one, and a due date on one moves back a working day
  for (const t of [SETTINGS_TAB, DIVISIONS_TAB, MILESTONES_TAB, EMAIL_LOG_TAB, REPORTS_TAB, HOLIDAYS_TAB]) read(t);
  for (const d of parseDivisions(readTable({ tabs }, DIVISIONS_TAB))) if (d.name) read(divisionTab(d.name));
  return { snapshot: { tabs }, offsetMs, ranges };
}

/** Links to division tabs: the spreadsheet's URL once, a tab's gid only for divisions being e-mailed. */
function tabLinks(
  ss: Spreadsheet,
  loaded: Loaded,
  names: Map<string, string>,
): { divisionTabUrl(code: string): string } {
  let base: string | null = null;
  const cache = new Map<string, string>();
  return {
    divisionTabUrl(code) {
      const hit = cache.get(code);
      if (hit !== undefined) return hit;
      const range = loaded.ranges.get(names.get(code) ?? '');
      if (base === null) base = ss.getUrl();
      const url = range ? `${base}#gid=${range.getGridId()}` : base;
      cache.set(code, url);
      return url;
    },
  };
}

const divisionNames = (tracker: Tracker): Map<string, string> =>
  new Map(tracker.divisions.map((d) => [d.code, d.name]));

/** Plans today's reminders from the sheet (wall clock in the spreadsheet's zone). */
export function planFromSheet(
  ss: Spreadsheet,
  nowMs: number = Date.now(),
): { plan: ReminderPlan; loaded: Loaded; now: Date; settings: Settings; tracker: Tracker } {
  const loaded = load(ss);
  const { tracker } = parseWorkbook(loaded.snapshot);
  const clock = offsetClock(loaded.offsetMs, () => nowMs);
  const now = clock.now();
  // links are made while the digests are written, so only planned divisions cost a call
  const plan = planReminders({
    today: todayOn(clock),
    tracker,
    log: tracker.emailLog,
    links: tabLinks(ss, loaded, divisionNames(tracker)),
    now,
  });
  return { plan, loaded, now, settings: tracker.settings, tracker };
}

/**
 * The notifier port over MailApp: its remaining daily quota counts recipients (to, cc and bcc), and a
 * send that fails throws (sendReminders logs the reason, or defers it when the quota ran out).
 */
const mailNotifier: Notifier<EmailMessage> = {
  remaining: () => MailApp.getRemainingDailyQuota(),
  deliver(m) {
    MailApp.sendEmail({ to: m.to.join(','), subject: m.subject, body: m.text, htmlBody: m.html, name: m.senderName });
    return SENT;
  },
};

/** Appends the run's log rows below the log's last row (or rewrites the tab when headers were missing). */
function appendLog(ss: Spreadsheet, loaded: Loaded, entries: readonly EmailLogEntry[]): void {
  if (entries.length === 0) return;
  const name = EMAIL_LOG_TAB.name;
  const { values, firstChangedRow } = appendLogValues(loaded.snapshot.tabs[name], entries);
  const sheet = loaded.ranges.get(name)?.getSheet() ?? ss.insertSheet(name);
  writeTable(sheet, values.slice(firstChangedRow - 1), firstChangedRow, {
    offsetMs: loaded.offsetMs,
    width: values[0].length,
  });
}

/**
 * The daily time-driven trigger. Holds the script lock for the whole run (read, send, log), so an
 * overlapping run finds it busy and exits without sending; the log it writes makes a later run the
 * same day send nothing.
 */
export function dailyReminders(): void {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(1000)) {
    console.log(REMIND.busy);
    return;
  }
  try {
    const ss = activeSpreadsheet();
    const loaded = load(ss);
    const parsed = parseWorkbook(loaded.snapshot);
    const { tracker } = parsed;
    // a division tab with a renamed header (…) would read wrong: nothing is sent, the log says why
    const unsafe = blockersAmongRead(parsed, loaded.snapshot);
    if (unsafe.length) {
      console.log([SYNC.remindRefused, ...unsafe.map((p) => SYNC.problemAt(p.tab, p.cell, p.message))].join('\n'));
      return;
    }
    // LINE when the token is in the script properties: paired groups first, e-mail behind them
    const line = lineChannel();
    const result = runSync(
      sendReminders(
        { tracker, log: tracker.emailLog, links: tabLinks(ss, loaded, divisionNames(tracker)) },
        {
          clock: offsetClock(loaded.offsetMs),
          email: mailNotifier,
          log: { append: (rows) => appendLog(ss, loaded, rows) },
          ...(line ? { line } : {}),
        },
      ),
    );
    for (const u of result.plan.unaddressed) console.log(u);
    if (result.rows.length > 0)
      console.log(REMIND.runSummary(result.sent, result.deferred, result.failed + result.plan.unsent.length));
    // the daily refresh of the dashboard (overdue counts move with the date), from what was read;
    // after the e-mails, so a dashboard problem never holds a reminder back
    try {
      writeDashboard(ss, tracker, {
        offsetMs: loaded.offsetMs,
        today: result.plan.today,
        publicUrl: storedPublicUrl(),
      });
    } catch (e) {
      console.error(e);
    }
  } finally {
    lock.releaseLock();
  }
}

/** Menu "ดูตัวอย่างอีเมลแจ้งเตือน": what today's run would send, then the whole round, in a dialog. Sends and writes nothing. */
export function menuPreviewReminders(): void {
  const ss = activeSpreadsheet();
  const { plan, settings, tracker } = planFromSheet(ss);
  // the whole round as it would go if nothing were done, from today's log on (pure: no extra calls)
  const range = roundPreviewRange(plan.today, settings);
  const round = range
    ? roundPreviewHtml(simulateReminders({ tracker, ...range, keepLog: true }), tracker.divisions, settings.numerals)
    : undefined;
  showDialog(previewHtml(plan, MailApp.getRemainingDailyQuota(), settings.numerals, round), REMIND.previewTitle, {
    width: 760,
    height: 560,
  });
}

/** This account's daily reminder triggers (getProjectTriggers lists only the current user's). */
const myReminderTriggers = () =>
  ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);

/**
 * Exactly one daily trigger for dailyReminders at 08:00 Bangkok time in this account, however often it
 * runs: an existing one is kept, extra ones (from an older setup) are removed, and this account is
 * recorded as the owner (a takeover when run by hand by another admin). Returns whether it created one.
 */
export function installReminderTrigger(account: RunAccount = runAccount()): boolean {
  const me = account.email().trim().toLowerCase();
  return ensureMyReminderTrigger(me, account.props().getProperty(REMINDER_OWNER_PROPERTY), account);
}

/** installReminderTrigger's work, with who I am and the recorded owner already read. */
function ensureMyReminderTrigger(me: string, recorded: string | null, account: RunAccount): boolean {
  const mine = myReminderTriggers();
  for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  // the health check tells whether the trigger's owner is still an admin
  const record = () => {
    if (recorded !== me) account.props().setProperty(REMINDER_OWNER_PROPERTY, me);
  };
  if (mine.length > 0) {
    record();
    return false;
  }
  ScriptApp.newTrigger(REMINDER_HANDLER)
    .timeBased()
    .atHour(REMINDER_HOUR)
    .nearMinute(0)
    .everyDays(1)
    .inTimezone(REMINDER_TIME_ZONE)
    .create();
  record();
  return true;
}

export interface ReminderTriggerResult {
  /** whose trigger sends the reminders */
  owner: string;
  /** created now */
  installed: boolean;
  /** this account's own reminder triggers removed (another admin's trigger is the one) */
  removed: number;
  /** the Thai line setup shows */
  line: string;
}

/**
 * Setup's step (issue 22, one trigger of each kind whoever runs setup): the tracker has one daily
 * reminder trigger. No account sees another's triggers, so its owner is the one recorded
 * (REMINDER_OWNER_PROPERTY). While that owner is still an admin, another admin's setup adds none and
 * removes any of their own an older setup left (each would run the day's reminders again); with no
 * owner yet, or an owner who is no longer an admin, this account's trigger is kept or made.
 */
export function setupReminderTrigger(
  admins: readonly string[],
  account: RunAccount = runAccount(),
): ReminderTriggerResult {
  const me = account.email().trim().toLowerCase();
  const recorded = account.props().getProperty(REMINDER_OWNER_PROPERTY);
  const owner = (recorded ?? '').trim().toLowerCase();
  if (owner && owner !== me && admins.some((a) => a.trim().toLowerCase() === owner)) {
    const mine = myReminderTriggers();
    for (const t of mine) ScriptApp.deleteTrigger(t);
    const line = [
      SETUP.reminderTriggerOthers(owner),
      ...(mine.length ? [SETUP.reminderTriggerRemovedMine(mine.length)] : []),
    ];
    return { owner, installed: false, removed: mine.length, line: line.join('\n') };
  }
  return { owner: me, installed: ensureMyReminderTrigger(me, recorded, account), removed: 0, line: SETUP.triggerReady };
}
