// Shared Apps Script glue: the bound spreadsheet, who is acting, Thai alerts/dialogs/toasts, a lock,
// and a wrapper that turns a failure into a Thai message instead of a stack trace.
import { APP } from '../core/messages/menu';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type User = GoogleAppsScript.Base.User;
type Properties = GoogleAppsScript.Properties.Properties;

export const activeSpreadsheet = (): Spreadsheet => SpreadsheetApp.getActive();

/**
 * The e-mail of the person acting. Session.getActiveUser() can be '' (another domain, consumer
 * accounts in some triggers); then the account the script runs as is the best we know.
 */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

/**
 * The account an operation runs as (Session.getEffectiveUser) and the script properties, each asked
 * of Apps Script once per operation, when first needed: setup's steps (protections, the report folder,
 * the two triggers) share one, so who is running is not looked up once per step.
 */
export interface RunAccount {
  user(): User;
  /** the effective user's e-mail as Session gives it */
  email(): string;
  props(): Properties;
}

export function runAccount(): RunAccount {
  let user: User | null = null;
  let email: string | null = null;
  let props: Properties | null = null;
  const account: RunAccount = {
    user: () => {
      if (!user) user = Session.getEffectiveUser();
      return user;
    },
    email: () => {
      if (email === null) email = account.user().getEmail();
      return email;
    },
    props: () => {
      if (!props) props = PropertiesService.getScriptProperties();
      return props;
    },
  };
  return account;
}

/** The container's UI, or null where there is none (time-driven triggers). */
export function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/** A Thai alert with an OK button; logged when there is no UI. */
export function showAlert(message: string, title: string = APP.title): void {
  const u = ui();
  if (u) u.alert(title, message, u.ButtonSet.OK);
  else console.log(`${title}: ${message}`);
}

/** Asks yes/no; false when there is no UI to ask. */
export function confirm(message: string, title: string = APP.title): boolean {
  const u = ui();
  return u ? u.alert(title, message, u.ButtonSet.YES_NO) === u.Button.YES : false;
}

/**
 * A modal dialog of HTML the caller built (and escaped) from messages. size null: Apps Script's own
 * default size, two service calls fewer (the report keeps its click within its call budget).
 */
export function showDialog(html: string, title: string, size: { width?: number; height?: number } | null = {}): void {
  const u = ui();
  if (!u) {
    console.log(`${title}: ${html}`);
    return;
  }
  const out = HtmlService.createHtmlOutput(html);
  u.showModalDialog(size ? out.setWidth(size.width ?? 640).setHeight(size.height ?? 480) : out, title);
}

export function toast(message: string, title: string = APP.title): void {
  activeSpreadsheet().toast(message, title);
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Runs a menu action; a failure becomes one Thai alert naming the action (never a stack trace),
 * and the error is logged for the execution log.
 */
export function runAction<T>(what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    console.error(e);
    showAlert(APP.unexpected(what, reason(e)), APP.errorTitle);
    return undefined;
  }
}

/**
 * Runs fn holding the document lock so two people cannot run the same batch at once; when someone
 * else holds it past the timeout, tells the user (in Thai) and returns undefined.
 */
export function withDocumentLock<T>(what: string, fn: () => T, timeoutMs = 30000): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(timeoutMs)) {
    showAlert(APP.busy(what));
    return undefined;
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
