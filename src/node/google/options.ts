// Flags every Google-reading command shares: --key, --timeout, --retries, --concurrency.
import { GOOGLE } from '../../core/messages';
import { UsageError } from '../command';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { DEFAULT_TIMEOUT_MS } from './sheets-store';

type Flags = Record<string, string | true>;

export function keyFlag(flags: Flags): string | undefined {
  if (flags.key === true) throw new UsageError(GOOGLE.keyNotFound('(--key)'));
  return flags.key;
}

export function timeoutFlag(flags: Flags): number {
  const v = flags.timeout;
  if (v === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = v === true ? NaN : Number(v);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(GOOGLE.badSeconds('timeout', String(v)));
  return Math.round(seconds * 1000);
}

export function countFlag(flags: Flags, name: 'retries' | 'concurrency', fallback: number): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  const n = v === true ? NaN : Number(v);
  if (!Number.isInteger(n) || n < (name === 'retries' ? 0 : 1)) throw new UsageError(GOOGLE.badCount(name, String(v)));
  return n;
}

export function retryFlag(flags: Flags): RetryPolicy {
  return { ...DEFAULT_RETRY, retries: countFlag(flags, 'retries', DEFAULT_RETRY.retries) };
}

/**
 * Flags a read-only command accepts for a live sheet (openSource handles them): commands that
 * reject unknown flags should let these through.
 */
export const LIVE_SHEET_FLAGS: readonly string[] = ['sheet', 'key', 'timeout', 'retries'];
