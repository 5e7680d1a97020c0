// The LINE Messaging API as the reminders use it, written once for both runtimes: which request each
// call is (path, method, headers, body) and what each answer means. A runtime only carries the
// request (Apps Script: UrlFetchApp with muteHttpExceptions; Node: fetch with a timeout) and answers
// the status and body text, or throws when nothing came back (a timeout, no network).
//
// Reference (developers.line.biz/en/reference/messaging-api/):
// - POST /v2/bot/message/push {"to": groupId, "messages": [...]}: 200 {} when sent; 429 when the
//   month's messages are spent (or too many requests); 400/401/403 with {"message": "..."}
// - GET /v2/bot/message/quota: {"type": "none"} (no limit) or {"type": "limited", "value": 300}
// - GET /v2/bot/message/quota/consumption: {"totalUsage": 120}
// - GET /v2/bot/group/{groupId}/members/count: {"count": 8}
// Every call carries "Authorization: Bearer <channel access token>".
import type { LineQuota, LineTextMessage } from '../line';
import { LINE } from '../messages/line';
import { call, type Flow, type Io } from './flow';
import { reasonOf } from './notifier';

export const LINE_API_BASE = 'https://api.line.me';

/** One HTTP request, complete: the runtime sends exactly this. */
export interface LineRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  /** JSON text, for a POST */
  body?: string;
}

/** What came back: the status and the body's text. */
export interface LineResponse {
  status: number;
  text: string;
}

/** The runtime's carrier: answers the response, or throws (with its words) when none came. */
export interface LineHttp {
  send(request: LineRequest): Io<LineResponse>;
}

/** What a run needs to reach LINE: the channel access token, the API's base, the carrier. */
export interface LineChannel {
  token: string;
  /** https://api.line.me, or a stand-in in tests (ITA_LINE_API) */
  base: string;
  http: LineHttp;
}

/** An answer: its value, or why not (Thai, for the log), with the status when there was one. */
export type LineAnswer<T> = { ok: true; value: T } | { ok: false; status: number | null; why: string };

const request = (ch: LineChannel, method: 'get' | 'post', path: string, body?: unknown): LineRequest => ({
  url: `${ch.base.replace(/\/+$/, '')}${path}`,
  method,
  headers: {
    Authorization: `Bearer ${ch.token}`,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const parsed = (text: string): Record<string, unknown> | null => {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** The Thai reason for a status that is not 200, with LINE's own message when it gave one. */
export function whyNot(status: number, text: string): string {
  const said = parsed(text)?.message;
  const words = typeof said === 'string' ? said.slice(0, 200) : '';
  if (status === 429) return LINE.http429(words);
  if (status === 401) return LINE.http401;
  return LINE.httpStatus(status, words);
}

/** Sends one request and reads a 200's JSON with `read`; anything else is a LineAnswer's failure. */
function* exchange<T>(
  ch: LineChannel,
  req: LineRequest,
  read: (json: Record<string, unknown>) => T | null,
): Flow<LineAnswer<T>> {
  let res: LineResponse;
  try {
    res = yield* call(ch.http.send(req));
  } catch (e) {
    return { ok: false, status: null, why: LINE.unreachable(reasonOf(e)) };
  }
  if (res.status !== 200) return { ok: false, status: res.status, why: whyNot(res.status, res.text) };
  const json = parsed(res.text);
  const value = json ? read(json) : null;
  return value === null ? { ok: false, status: 200, why: LINE.badAnswer } : { ok: true, value };
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/** Where the month stands: the quota, then what was used of it (two calls; "none" needs only one). */
export function* lineQuota(ch: LineChannel): Flow<LineAnswer<LineQuota>> {
  const quota = yield* exchange(ch, request(ch, 'get', '/v2/bot/message/quota'), (j) =>
    j.type === 'none'
      ? { limit: null }
      : j.type === 'limited' && count(j.value) !== null
        ? { limit: count(j.value) }
        : null,
  );
  if (!quota.ok) return quota;
  const used = yield* exchange(ch, request(ch, 'get', '/v2/bot/message/quota/consumption'), (j) => count(j.totalUsage));
  if (!used.ok) return used;
  return { ok: true, value: { limit: quota.value.limit, used: used.value } };
}

/** How many people a push into the group reaches (the bot not counted). */
export function* lineMembers(ch: LineChannel, groupId: string): Flow<LineAnswer<number>> {
  return yield* exchange(ch, request(ch, 'get', `/v2/bot/group/${encodeURIComponent(groupId)}/members/count`), (j) =>
    count(j.count),
  );
}

/** One push into the group: at most 5 messages (lineDigest gives one). */
export function* linePush(
  ch: LineChannel,
  groupId: string,
  messages: readonly LineTextMessage[],
): Flow<LineAnswer<true>> {
  return yield* exchange(ch, request(ch, 'post', '/v2/bot/message/push', { to: groupId, messages }), () => true);
}
