// The self-test's LINE check (src/gas/health/line.ts): the token checked with a quota call, nothing sent.
import { LINE_API_BASE } from '../../src/core/app/line-api';
import type { HealthContext } from '../../src/gas/health/context';
import { checkLine } from '../../src/gas/health/line';
import { LINE_TOKEN_PROPERTY } from '../../src/gas/line';
import { installFakes, uninstallFakes } from '../fakes';

afterEach(() => uninstallFakes());
const ctx = {
  divisions: [{ code: 'FIN', name: 'กองคลัง', lineGroup: `C${'ab'.repeat(16)}` }],
} as unknown as HealthContext;

test('with a token: one quota and one consumption call, no push; the month and the paired groups said', () => {
  const fakes = installFakes();
  PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, 'tok');
  fakes.urlFetch.route((r) =>
    r.url === `${LINE_API_BASE}/v2/bot/message/quota`
      ? { status: 200, body: '{"type":"limited","value":300}' }
      : r.url === `${LINE_API_BASE}/v2/bot/message/quota/consumption`
        ? { status: 200, body: '{"totalUsage":120}' }
        : undefined,
  );
  expect(checkLine(ctx)).toEqual({
    outcome: 'pass',
    found: 'token ใช้ได้: เดือนนี้ใช้ไป 120 จาก 300 ข้อความ จับคู่กลุ่มแล้ว 1 หน่วยงาน (ไม่ได้ส่งข้อความใด)',
  });
  expect(fakes.urlFetch.requests.map((r) => [r.method, r.headers.Authorization, r.muteHttpExceptions])).toEqual([
    ['GET', 'Bearer tok', true],
    ['GET', 'Bearer tok', true],
  ]);
});

test('no token: LINE not in use, a pass that says so (and how many divisions are paired anyway); nothing fetched', () => {
  const fakes = installFakes();
  expect(checkLine(ctx)).toEqual({
    outcome: 'pass',
    found: 'ไม่ได้ใช้ LINE (ไม่มี LINE_CHANNEL_ACCESS_TOKEN ในคุณสมบัติของสคริปต์) — ส่งทางอีเมลทั้งหมด แม้มี 1 หน่วยงานจับคู่กลุ่มไว้',
  });
  PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, '   ');
  expect(checkLine({ divisions: [] } as unknown as HealthContext).found).toBe(
    'ไม่ได้ใช้ LINE (ไม่มี LINE_CHANNEL_ACCESS_TOKEN ในคุณสมบัติของสคริปต์) — ส่งทางอีเมลทั้งหมด',
  );
  expect(fakes.urlFetch.requests).toEqual([]);
});

test('a 401: fails, says the token is wrong or expired and to issue a new one; one call only', () => {
  const fakes = installFakes();
  PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, 'bad');
  fakes.urlFetch.route(() => ({ status: 401, body: '{"message":"Authentication failed"}' }));
  const r = checkLine(ctx);
  expect(r).toEqual({
    outcome: 'fail',
    found:
      'ตรวจ token ของ LINE ไม่ผ่าน: LINE ตอบ 401: channel access token ไม่ถูกต้องหรือหมดอายุ — ออก token ใหม่ใน LINE Developers',
    todo: 'ออก channel access token ใหม่ใน LINE Developers แล้วใส่ใน LINE_CHANNEL_ACCESS_TOKEN (คุณสมบัติของสคริปต์)',
    error: 'LINE ตอบ 401: channel access token ไม่ถูกต้องหรือหมดอายุ — ออก token ใหม่ใน LINE Developers',
  });
  expect(fakes.urlFetch.requests.map((r) => r.url)).toEqual([`${LINE_API_BASE}/v2/bot/message/quota`]);
});

test('no answer (timeout, no network): fails as unreachable, and the advice is the network, not the token', () => {
  const fakes = installFakes();
  PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, 'tok');
  fakes.urlFetch.route(() => 'timeout');
  const r = checkLine(ctx);
  expect(r.outcome).toBe('fail');
  expect(r.found).toMatch(/^ตรวจ token ของ LINE ไม่ผ่าน: ติดต่อ LINE ไม่ได้ \(.*Timeout.*\)$/);
  expect(r.todo).toBe(
    'ลองตรวจใหม่ภายหลัง ถ้ายังติดต่อไม่ได้ ให้ดูว่าเครือข่ายของ Google ถึง api.line.me ได้ (ระหว่างนี้ระบบส่งทางอีเมลแทน)',
  );
  fakes.urlFetch.clear();
  fakes.urlFetch.route(() => ({ status: 500, body: '' }));
  expect(checkLine(ctx)).toMatchObject({ outcome: 'fail', found: 'ตรวจ token ของ LINE ไม่ผ่าน: LINE ตอบ 500' });
  expect(checkLine(ctx).todo).toContain('ดูสถานะของ channel');
});

test('a spent month warns (digests go by e-mail until the 1st); an unlimited plan passes', () => {
  const fakes = installFakes();
  PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, 'tok');
  fakes.urlFetch.route((r) =>
    r.url.endsWith('/quota')
      ? { status: 200, body: '{"type":"limited","value":300}' }
      : { status: 200, body: '{"totalUsage":300}' },
  );
  expect(checkLine(ctx)).toMatchObject({
    outcome: 'warn',
    found: 'โควตา LINE เดือนนี้หมดแล้ว (300 จาก 300) — ระบบจะส่งทางอีเมลแทนจนถึงต้นเดือน',
  });
  fakes.urlFetch.clear();
  fakes.urlFetch.route((r) =>
    r.url.endsWith('/quota') ? { status: 200, body: '{"type":"none"}' } : { status: 200, body: '{"totalUsage":4}' },
  );
  expect(checkLine(ctx)).toEqual({
    outcome: 'pass',
    found: 'token ใช้ได้: เดือนนี้ใช้ไป 4 ข้อความ (ไม่จำกัด) จับคู่กลุ่มแล้ว 1 หน่วยงาน (ไม่ได้ส่งข้อความใด)',
  });
  expect(fakes.urlFetch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
});
