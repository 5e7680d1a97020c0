// Options every Google-reading command shares (--key, --timeout, --retries, --concurrency, --sheet):
// declared once here, and their values turned into what the Sheets client needs.
import { GOOGLE } from '../../core/messages/google';
import type { OptionSpecs } from '../command';
import { UsageError } from '../command';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { DEFAULT_TIMEOUT_MS } from './sheets-store';

/** How a command reaches Google: the key file and patience with slow or busy answers. */
export const GOOGLE_OPTIONS = {
  key: { type: 'string', value: '<key.json>' },
  timeout: { type: 'string', value: '<seconds>' },
  retries: { type: 'string', value: '<n>' },
} as const satisfies OptionSpecs;

/**
 * What a read-only command (validate, report, remind --dry-run) takes to read the live sheet in place
 * of a workbook file (openSource handles them).
 */
export const LIVE_SHEET_OPTIONS = {
  sheet: { type: 'string', value: '<id|URL>', live: true },
  key: { ...GOOGLE_OPTIONS.key, live: true },
  timeout: { ...GOOGLE_OPTIONS.timeout, live: true },
  retries: { ...GOOGLE_OPTIONS.retries, live: true },
} as const satisfies OptionSpecs;

export interface GoogleValues {
  key?: string;
  timeout?: string;
  retries?: string;
  concurrency?: string;
}

export function timeoutFlag(values: GoogleValues): number {
  const v = values.timeout;
  if (v === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(v);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(GOOGLE.badSeconds('timeout', v));
  return Math.round(seconds * 1000);
}

export function countFlag(values: GoogleValues, name: 'retries' | 'concurrency', fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < (name === 'retries' ? 0 : 1)) throw new UsageError(GOOGLE.badCount(name, v));
  return n;
}

export function retryFlag(values: GoogleValues): RetryPolicy {
  return { ...DEFAULT_RETRY, retries: countFlag(values, 'retries', DEFAULT_RETRY.retries) };
}
