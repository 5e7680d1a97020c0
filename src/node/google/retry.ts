// Retry with exponential backoff and full jitter for answers Google documents as "try again later"
// (429 rate limit, 5xx) and dropped connections. A Retry-After header wins over the computed delay.
// Timeouts are not retried: a sheet too slow once is reported, so a roll-up never waits N × timeout on it.
import { httpStatusOf, isNetworkError } from './errors';

export interface RetryPolicy {
  /** retries after the first attempt */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1): injectable for tests */
  random: () => number;
  /** injectable for tests, which record the delays instead of waiting */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const isRetryable = (e: unknown): boolean => {
  const s = httpStatusOf(e);
  return s === 429 || (s !== undefined && s >= 500 && s <= 599) || isNetworkError(e);
};

function headerOf(e: unknown, name: string): string | null {
  const headers = (e as { response?: { headers?: unknown } })?.response?.headers;
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, unknown>)[name] ?? (headers as Record<string, unknown>)[name.toLowerCase()];
  return v === undefined || v === null ? null : String(v);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(e: unknown, now = Date.now()): number | null {
  const v = headerOf(e, 'retry-after');
  if (v === null || v.trim() === '') return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Delay before retry number `attempt` (0-based): full jitter over base·2^attempt, capped; Retry-After when given. */
export function retryDelayMs(e: unknown, attempt: number, policy: RetryPolicy): number {
  const asked = retryAfterMs(e);
  if (asked !== null) return Math.min(asked, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(policy.random() * ceiling);
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/** Runs `call` until it succeeds, fails with something not worth retrying, or retries run out. */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void,
): Promise<RetryOutcome<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await call(), attempts: attempt + 1 };
    } catch (e) {
      if (attempt >= policy.retries || !isRetryable(e)) {
        throw Object.assign(e instanceof Error ? e : new Error(String(e)), { attempts: attempt + 1 });
      }
      const delay = retryDelayMs(e, attempt, policy);
      onRetry?.(e, attempt, delay);
      await policy.sleep(delay);
    }
  }
}
