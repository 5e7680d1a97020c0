// One writer at a time per workbook (issue 26): an advisory lock file beside the workbook, made by
// exclusive create, holding who works on it (pid, host, command, start time). A second command waits a
// short, bounded time, then gives up with a Thai message naming the holder (exit EXIT.busy). A lock is
// stale, and taken over, when its holder's process is gone on this machine, or when it has not been
// refreshed for STALE_AFTER_MS (the holder refreshes it every HEARTBEAT_MS while it works, so a long
// SMTP run never looks stale; a lock left on a shared folder by another machine frees itself).

import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { FILES } from '../core/messages/files';
import { checkOutputFile } from './atomic';
import { BusyError, FileError } from './command';
import { LOCK_WAIT_MS } from './limits';

/** A lock not refreshed for this long is stale, whoever holds it (see HEARTBEAT_MS). */
export const STALE_AFTER_MS = 2 * 60_000;
/** How often a holder refreshes its lock's time while it works. */
export const HEARTBEAT_MS = 10_000;
const POLL_MS = 150;

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  /** ISO instant */
  startedAt: string;
}

/** The lock file of a workbook: `<workbook>.lock` beside it (the real file, whatever path named it). */
export function lockPathOf(workbook: string): string {
  let real = resolve(workbook);
  try {
    real = realpathSync(workbook);
  } catch {
    // a workbook not created yet: beside the path as given
  }
  return join(dirname(real), `${basename(real)}.lock`);
}

function readHolder(lock: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.command === 'string')
      return { pid: h.pid, host: h.host, command: h.command, startedAt: String(h.startedAt ?? '') };
  } catch {
    // half-written (its holder between create and write) or not ours: judged by its age alone
  }
  return null;
}

/** Is process `pid` alive on this machine? (signal 0 checks without signalling; EPERM: alive, not ours) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(lock: string, holder: LockHolder | null, now: number): boolean {
  let mtime: number;
  try {
    mtime = statSync(lock).mtimeMs;
  } catch {
    return false; // gone already: the next exclusive create decides
  }
  if (now - mtime > STALE_AFTER_MS) return true;
  return holder !== null && holder.host === hostname() && !alive(holder.pid);
}

/**
 * Removes a stale lock, race-free between breakers: only the one that creates `<lock>.break` may
 * unlink, after judging the lock stale again (while the stale lock exists no one else can create a
 * fresh one, so what it unlinks is the lock it judged). A break file left by a crash expires too.
 */
function breakStale(lock: string): void {
  const breaker = `${lock}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > STALE_AFTER_MS) unlinkSync(breaker);
    } catch {
      // another breaker finished
    }
    return;
  }
  try {
    if (existsSync(lock) && isStale(lock, readHolder(lock), Date.now())) unlinkSync(lock);
  } finally {
    closeSync(fd);
    unlinkSync(breaker);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bounded wait, from ITA_LOCK_WAIT_MS when set (tests, a maintainer's slow network folder). */
function waitMs(): number {
  const v = Number(process.env.ITA_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : LOCK_WAIT_MS;
}

/** When the holder started, on the agency's clock (Bangkok), as a Thai date and time. */
const since = (h: LockHolder | null) =>
  h?.startedAt && !Number.isNaN(Date.parse(h.startedAt))
    ? new Date(h.startedAt).toLocaleString('th-TH', { timeZone: 'Asia/Bangkok' })
    : '-';

/**
 * Runs `work` holding the workbook's lock: waits up to the bounded wait for another command to
 * finish, takes over a stale lock, refuses (BusyError, Thai, nothing done) when the holder is still
 * at work; the lock is removed when `work` ends, however it ends.
 */
export async function withWorkbookLock<T>(workbook: string, command: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathOf(workbook);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  const started = Date.now();
  const limit = waitMs();
  let told = false;
  let fd: number | null = null;
  for (;;) {
    try {
      fd = openSync(lock, 'wx');
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // a path the workbook itself cannot have (a file where a folder should be, /proc…) is said as such
        checkOutputFile(workbook);
        throw new FileError(FILES.cannotLock(workbook));
      }
    }
    const holder = readHolder(lock);
    if (isStale(lock, holder, Date.now())) {
      breakStale(lock);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= limit) {
      const who = holder ? FILES.holder(holder.pid, holder.host) : '-';
      throw new BusyError(
        FILES.busy(workbook, holder?.command ?? '-', since(holder), who, Math.round(limit / 1000), lock),
      );
    }
    if (!told) {
      console.error(FILES.waiting(holder?.command ?? '-', since(holder)));
      told = true;
    }
    await sleep(Math.min(POLL_MS, limit - waited));
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  const heartbeat = setInterval(() => {
    try {
      const t = new Date();
      utimesSync(lock, t, t);
    } catch {
      // removed by hand: the work goes on; release checks it is still ours
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    const holder = readHolder(lock);
    if (holder && holder.pid === me.pid && holder.host === me.host && holder.startedAt === me.startedAt)
      unlinkSync(lock);
  }
}
