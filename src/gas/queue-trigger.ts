// The queue's one trigger (issue 22): drive.file reaches the report folder only with its owner's grant
// (src/gas/report-drive.ts, REPORT_OWNER_KEY), so only a trigger of the folder's owner can run the queue
// (src/gas/document-queue.ts). Whoever runs setup, the tracker has exactly one: the owner's setup keeps
// or makes it; another admin's setup adds none, removes any of their own an older setup left (it could
// never reach the folder), and says whose the trigger is.
//
// Reference (developers.google.com/apps-script/guides/triggers/installable): "Installable triggers always
// run under the account of the person who created them"; "A given account cannot see triggers installed
// from a second account" (so the owner and the rate are recorded in script properties); time-driven
// triggers run "from every minute to once per month" and "Add-ons can use a time-driven trigger once per
// hour at most". Every 5 minutes is 288 runs a day (every minute was 1,440); the add-on's hourly, 24.
import { QUEUE_TRIGGER, type QueueRate } from '../core/messages/queue-trigger';
import { builtAsAddon } from './build-flags';
import { type RunAccount, runAccount } from './context';
import { REPORT_QUEUE_HANDLER } from './document-queue';
import { REPORT_OWNER_KEY } from './report-drive';

/** Script property: the installed queue trigger — {owner, id, rate} (JSON). */
export const QUEUE_TRIGGER_KEY = 'queueTrigger';

/** The rate this build installs: every 5 minutes; hourly in the add-on build. */
export const queueRate = (): QueueRate => (builtAsAddon() ? { hours: 1 } : { minutes: 5 });

/** What an admin waits, said in the "queued" dialog. */
export const queueWait = (): string => QUEUE_TRIGGER.wait(queueRate());

interface Recorded {
  owner: string;
  id: string;
  rate: QueueRate;
}

export interface QueueTriggerResult {
  /** the folder's owner, whose trigger runs the queue ('' before a folder exists) */
  owner: string;
  /** created now (false: kept, or another admin's setup) */
  installed: boolean;
  /** this account's own queue triggers removed (another admin's, or the owner's at an old rate) */
  removed: number;
  /** the Thai line setup shows ('' when there is no folder yet) */
  line: string;
}

const lower = (s: string) => s.trim().toLowerCase();
const sameRate = (a: QueueRate | undefined, b: QueueRate) => JSON.stringify(a ?? null) === JSON.stringify(b);

/** The recorded trigger (owner, id, rate), or null. */
export function recordedQueueTrigger(
  props: GoogleAppsScript.Properties.Properties = PropertiesService.getScriptProperties(),
): Recorded | null {
  try {
    const r = JSON.parse(props.getProperty(QUEUE_TRIGGER_KEY) || 'null');
    return r && typeof r.owner === 'string' ? (r as Recorded) : null;
  } catch {
    return null;
  }
}

/** Setup's step: one queue trigger, the folder owner's, at this build's rate. */
export function installQueueTrigger(account: RunAccount = runAccount()): QueueTriggerResult {
  const props = account.props();
  const owner = lower(props.getProperty(REPORT_OWNER_KEY) ?? '');
  if (!owner) return { owner: '', installed: false, removed: 0, line: '' };
  const me = lower(account.email());
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REPORT_QUEUE_HANDLER);
  const rate = queueRate();
  if (me !== owner) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    const line = [QUEUE_TRIGGER.othersOwner(owner), ...(mine.length ? [QUEUE_TRIGGER.removedMine(mine.length)] : [])];
    return { owner, installed: false, removed: mine.length, line: line.join('\n') };
  }
  const recorded = recordedQueueTrigger(props);
  // kept only when it is the one recorded at this rate (the rate cannot be read back from a trigger)
  const keep =
    recorded && lower(recorded.owner) === owner && sameRate(recorded.rate, rate)
      ? mine.find((t) => t.getUniqueId() === recorded.id)
      : undefined;
  const extra = mine.filter((t) => t !== keep);
  for (const t of extra) ScriptApp.deleteTrigger(t);
  if (keep) return { owner, installed: false, removed: extra.length, line: QUEUE_TRIGGER.kept(rate) };
  const clock = ScriptApp.newTrigger(REPORT_QUEUE_HANDLER).timeBased();
  const trigger = ('minutes' in rate ? clock.everyMinutes(rate.minutes) : clock.everyHours(rate.hours)).create();
  props.setProperty(QUEUE_TRIGGER_KEY, JSON.stringify({ owner, id: trigger.getUniqueId(), rate }));
  return { owner, installed: true, removed: extra.length, line: QUEUE_TRIGGER.installed(rate) };
}

/** The actions table's editor entry: the same step run by hand; true when it created the trigger. */
export const installReportQueueTrigger = (): boolean => installQueueTrigger().installed;
