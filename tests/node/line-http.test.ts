// The CLI's LINE carrier (Node's fetch with a timeout) against a local stand-in of the Messaging API
// on loopback: the token in the Authorization header, the push's body, quota, consumption, members
// count, and what 429, 500 and a timeout become. Where the token and the base come from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAsync } from '../../src/core/app/flow';
import { lineMembers, linePush, lineQuota } from '../../src/core/app/line-api';
import { lineChannelFromEnv } from '../../src/node/line-http';
import { type LineStandIn, startLineStandIn } from '../support/line-stand-in';

const GROUP = `C${'0f'.repeat(16)}`;
let api: LineStandIn;
beforeEach(async () => {
  api = await startLineStandIn({ limit: 300, used: 120, members: { [GROUP]: 8 } });
});
afterEach(() => api.close());

const channel = (env: Record<string, string> = {}) => {
  const ch = lineChannelFromEnv(undefined, { ITA_LINE_TOKEN: 'tok-xyz', ITA_LINE_API: api.url, ...env });
  if (!ch) throw new Error('no channel');
  return ch;
};

test('quota and consumption, members count, and a push: token in the header, the body LINE documents', async () => {
  const ch = channel();
  expect(await runAsync(lineQuota(ch))).toEqual({ ok: true, value: { limit: 300, used: 120 } });
  expect(await runAsync(lineMembers(ch, GROUP))).toEqual({ ok: true, value: 8 });
  const messages = [{ type: 'text' as const, text: 'แจ้งเตือนมาตรการ ITA: กองคลัง' }];
  expect(await runAsync(linePush(ch, GROUP, messages))).toEqual({ ok: true, value: true });
  expect(api.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
    'GET /v2/bot/message/quota Bearer tok-xyz',
    'GET /v2/bot/message/quota/consumption Bearer tok-xyz',
    `GET /v2/bot/group/${GROUP}/members/count Bearer tok-xyz`,
    'POST /v2/bot/message/push Bearer tok-xyz',
  ]);
  expect(api.requests[3].headers['content-type']).toBe('application/json');
  expect(JSON.parse(api.requests[3].body)).toEqual({ to: GROUP, messages });
  expect(api.state.used).toBe(128);
  // "none": no limit, and consumption is still read
  api.state.limit = null;
  expect(await runAsync(lineQuota(ch))).toEqual({ ok: true, value: { limit: null, used: 128 } });
});

test('429, 500, 401 and a timeout are answers with a Thai reason, never a throw', async () => {
  const ch = channel({ ITA_LINE_TIMEOUT_MS: '300' });
  const push = () => runAsync(linePush(ch, GROUP, [{ type: 'text', text: 'x' }]));
  api.override.set('/v2/bot/message/push', { status: 429, body: '{"message":"You have reached your monthly limit."}' });
  expect(await push()).toEqual({
    ok: false,
    status: 429,
    why: 'LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (You have reached your monthly limit.)',
  });
  api.override.set('/v2/bot/message/push', { status: 500, body: 'Internal Server Error' });
  expect(await push()).toEqual({ ok: false, status: 500, why: 'LINE ตอบ 500' });
  api.override.set('/v2/bot/message/quota', { status: 401, body: '{"message":"Authentication failed"}' });
  expect(await runAsync(lineQuota(ch))).toMatchObject({ ok: false, status: 401 });
  api.override.set('/v2/bot/message/push', 'hang');
  const started = Date.now();
  expect(await push()).toEqual({ ok: false, status: null, why: 'ติดต่อ LINE ไม่ได้ (LINE ไม่ตอบภายใน 0.3 วินาที)' });
  expect(Date.now() - started).toBeLessThan(3000);
});

test('nothing listening: LINE cannot be reached, said with the system code', async () => {
  const url = api.url;
  await api.close();
  const ch = lineChannelFromEnv(undefined, { ITA_LINE_TOKEN: 't', ITA_LINE_API: url });
  expect(await runAsync(lineQuota(ch!))).toEqual({ ok: false, status: null, why: 'ติดต่อ LINE ไม่ได้ (ECONNREFUSED)' });
  api = await startLineStandIn();
});

test('the token: ITA_LINE_TOKEN or a key file; none means no LINE; the base defaults to api.line.me', () => {
  expect(lineChannelFromEnv(undefined, {})).toBeNull();
  expect(lineChannelFromEnv(undefined, { ITA_LINE_TOKEN: '  ' })).toBeNull();
  expect(lineChannelFromEnv(undefined, { ITA_LINE_TOKEN: 'abc' })).toMatchObject({
    token: 'abc',
    base: 'https://api.line.me',
  });
  const dir = mkdtempSync(join(tmpdir(), 'ita-line-'));
  writeFileSync(join(dir, 'token'), 'from-file\n');
  writeFileSync(join(dir, 'empty'), '\n');
  expect(lineChannelFromEnv(join(dir, 'token'), { ITA_LINE_TOKEN: 'env' })?.token).toBe('from-file');
  expect(() => lineChannelFromEnv(join(dir, 'empty'), {})).toThrow(`ไฟล์ token ของ LINE ว่าง: ${join(dir, 'empty')}`);
  expect(() => lineChannelFromEnv(join(dir, 'none'), {})).toThrow('อ่านไฟล์ token ของ LINE ไม่ได้');
  expect(() => lineChannelFromEnv(undefined, { ITA_LINE_TOKEN: 'a', ITA_LINE_API: 'api.line.me' })).toThrow(
    'ITA_LINE_API "api.line.me" ไม่ใช่ที่อยู่เว็บ',
  );
});
