// Retry, backoff and timeouts of the live-sheet reader, through the real googleapis client against the
// local Sheets API stand-in. Sleeps are recorded instead of waited, so the delays asked for are checked
// exactly and nothing depends on the clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOGLE } from '../../src/core/messages/google';
import { templateSnapshot } from '../../src/core/template';
import { connectSheets, type SheetsConnection } from '../../src/node/google/auth';
import { DEFAULT_RETRY, type RetryPolicy, retryAfterMs, retryDelayMs } from '../../src/node/google/retry';
import { readTrackerFromSheet } from '../../src/node/google/sheets-store';
import { FakeSheetsApi, makeServiceAccountKey, spreadsheetOf } from '../support/fake-sheets-api';

let api: FakeSheetsApi;
let conn: SheetsConnection;

beforeAll(async () => {
  api = await FakeSheetsApi.start();
  const key = makeServiceAccountKey(mkdtempSync(join(tmpdir(), 'ita-retry-')));
  api.acceptKey(key);
  conn = await connectSheets({ keyFile: key.path, endpoints: { apiRoot: api.rootUrl, tokenUrl: api.tokenUrl }, fetch });
});
afterAll(() => api.close());

/** A policy whose sleeps are recorded, not waited; jitter fixed at `random`. */
function recording(random = 0.5, retries = 5): { policy: RetryPolicy; slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    policy: { ...DEFAULT_RETRY, retries, random: () => random, sleep: async (ms) => void slept.push(ms) },
  };
}

const sheet = () => spreadsheetOf('ติดตามมาตรการ ITA', templateSnapshot());
const httpError = (status: number, headers: Record<string, string> = {}) => ({
  status,
  response: { status, headers: new Headers(headers) },
});

describe('the delay before a retry', () => {
  test('Retry-After in seconds or as an HTTP date is what is waited (capped at the policy maximum)', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterMs(httpError(429, { 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(httpError(503, { 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(httpError(503, { 'retry-after': 'soon' }))).toBeNull();
    expect(retryDelayMs(httpError(429, { 'retry-after': '7' }), 0, DEFAULT_RETRY)).toBe(7000);
    expect(retryDelayMs(httpError(429, { 'retry-after': '3600' }), 0, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  test('without Retry-After: full jitter under base × 2^attempt, capped', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 500, maxDelayMs: 32_000 };
    expect([0, 1, 2, 3].map((a) => retryDelayMs(httpError(500), a, { ...p, random: () => 0.999 }))).toEqual([
      499, 999, 1998, 3996,
    ]);
    expect(retryDelayMs(httpError(500), 10, { ...p, random: () => 0.5 })).toBe(16_000);
    expect(retryDelayMs(httpError(500), 3, { ...p, random: () => 0 })).toBe(0);
  });
});

describe('reading through 429 and 500 answers', () => {
  test('429 (Retry-After: 2) then 500 then the answer: read in full, the waits were 2 s and a jittered backoff', async () => {
    const id = '1RateLimitedThenInternalErrorThenFine0000000';
    api.addSheet(id, sheet(), { failFirst: [{ status: 429, retryAfter: '2' }, { status: 500 }] });
    const { policy, slept } = recording(0.5);
    const live = await readTrackerFromSheet(conn, id, { retry: policy });
    expect(Object.keys(live.snapshot.tabs)).toEqual(Object.keys(templateSnapshot().tabs));
    expect(api.requestsFor(id).map((r) => `${r.kind} ${r.status}`)).toEqual([
      'get 429',
      'get 500',
      'get 200',
      'batchGet 200',
    ]);
    expect(slept).toEqual([2000, 0.5 * DEFAULT_RETRY.baseDelayMs * 2]);
    expect(live.attempts).toBe(4);
  });

  test('a failure on the batchGet is retried on its own (the tab names are not asked again)', async () => {
    const id = '1FailsOnTheSecondRequestOnly000000000000000';
    api.addSheet(id, sheet(), {
      failFirst: [
        { status: 503, on: 'batchGet' },
        { status: 502, on: 'batchGet' },
      ],
    });
    const { policy, slept } = recording(0.25);
    const live = await readTrackerFromSheet(conn, id, { retry: policy });
    expect(live.title).toBe('ติดตามมาตรการ ITA');
    expect(api.requestsFor(id).map((r) => `${r.kind} ${r.status}`)).toEqual([
      'get 200',
      'batchGet 503',
      'batchGet 502',
      'batchGet 200',
    ]);
    expect(slept).toEqual([0.25 * 500, 0.25 * 1000]);
  });

  test('still 429 after every retry: a Thai message saying how many times it tried', async () => {
    const id = '1AlwaysRateLimited00000000000000000000000000';
    api.addSheet(id, sheet(), { failFirst: Array.from({ length: 10 }, () => ({ status: 429 })) });
    const { policy, slept } = recording(0.5, 3);
    await expect(readTrackerFromSheet(conn, id, { retry: policy })).rejects.toThrow(GOOGLE.busy(id, 429, 4));
    expect(api.requestsFor(id, 'get')).toHaveLength(4);
    expect(slept).toHaveLength(3);
  });

  test('403 and 400 are not retried', async () => {
    const id = '1NotSharedNoRetry000000000000000000000000000';
    api.addSheet(id, sheet(), { refuse: 403 });
    const { policy, slept } = recording();
    await expect(readTrackerFromSheet(conn, id, { retry: policy })).rejects.toMatchObject({ kind: 'notShared' });
    expect(api.requestsFor(id)).toHaveLength(1);
    const bad = '1BadRequestNoRetry0000000000000000000000000';
    api.addSheet(bad, sheet(), { failFirst: [{ status: 400 }] });
    await expect(readTrackerFromSheet(conn, bad, { retry: policy })).rejects.toMatchObject({
      kind: 'other',
      status: 400,
    });
    expect(api.requestsFor(bad)).toHaveLength(1);
    expect(slept).toEqual([]);
  });
});

describe('a slow sheet', () => {
  test('no answer within the timeout: a timeout error for that sheet, asked once, not retried', async () => {
    const id = '1SlowSheetThatNeverAnswersInTime00000000000';
    api.addSheet(id, sheet(), { delayMs: 5000 });
    const { policy, slept } = recording();
    await expect(readTrackerFromSheet(conn, id, { retry: policy, timeoutMs: 200 })).rejects.toThrow(
      GOOGLE.timeout(id, 0.2),
    );
    expect(api.requestsFor(id)).toHaveLength(1);
    expect(slept).toEqual([]);
  });
});
