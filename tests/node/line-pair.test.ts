// `ita-tracker line-pair` (issue 25): a LINE group paired from the command line, against the local
// stand-in of the LINE API (the token checked, the group's size asked, nothing pushed) and LINE's
// webhook delivered to the command's listener. The code follows core's rule, the one the sheet's menu
// uses: 6 digits, 30 minutes, single use; anything else posted changes nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPairing, PAIRING_MINUTES } from '../../src/core/line';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { linePair, listenForPairing } from '../../src/node/commands/line-pair';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { deliverWebhook, groupTextEvent, type LineStandIn, startLineStandIn } from '../support/line-stand-in';

const GROUP = `C${'5e'.repeat(16)}`;
const OTHER = `C${'9d'.repeat(16)}`;
const lineHeader = DIVISIONS_TAB.columns.find((c) => c.key === 'divisionLine')?.header ?? '';

let api: LineStandIn;
let book: string;
let out: jest.SpyInstance;
let err: jest.SpyInstance;
const env = { ...process.env };
beforeEach(async () => {
  api = await startLineStandIn({ limit: 300, used: 12, members: { [GROUP]: 8 } });
  process.env.ITA_LINE_TOKEN = 'tok-cli';
  process.env.ITA_LINE_API = api.url;
  delete process.env.ITA_LINE_SECRET;
  book = join(mkdtempSync(join(tmpdir(), 'ita-line-pair-')), 'tracker.xlsx');
  await writeWorkbookFile(book, templateSnapshot({ example: true }));
  out = jest.spyOn(console, 'log').mockImplementation(() => {});
  err = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  process.env = { ...env };
  jest.restoreAllMocks();
  await api.close();
});

const printed = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0]));
/** Each division's LINE cell, by code. */
async function lineCells(): Promise<Record<string, string>> {
  const rows = (await readWorkbookFile(book)).tabs[DIVISIONS_TAB.name];
  const col = rows[0].indexOf(lineHeader);
  return Object.fromEntries(rows.slice(1).map((r) => [String(r[0]), String(r[col] ?? '')]));
}
/** The instruction's code and the listener's address, once the command has printed them. */
async function waitForListener(): Promise<{ code: string; url: string }> {
  for (let i = 0; i < 200; i++) {
    const lines = printed(out);
    const code = lines.map((l) => /พิมพ์รหัส (\d{6}) /.exec(l)?.[1]).find(Boolean);
    const url = lines.map((l) => /ที่ (http:\/\/127\.0\.0\.1:\d+\/)/.exec(l)?.[1]).find(Boolean);
    if (code && url) return { code, url };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the listener never said where it listens');
}

test('--listen: forged bodies change nothing; the code typed in the group pairs it, once; nothing is pushed', async () => {
  const before = await lineCells();
  const running = linePair.run([book, '--division', 'กองคลัง', '--listen', '0']);
  const { code, url } = await waitForListener();
  expect(printed(out)[0]).toBe(`ให้สมาชิกพิมพ์รหัส ${code} ในกลุ่ม LINE ของกองคลัง ภายใน ${PAIRING_MINUTES} นาที (ใช้ได้ครั้งเดียว)`);
  const wrong = code === '999999' ? '100000' : '999999';
  for (const body of [
    '{"events": [',
    'not json at all',
    JSON.stringify({ destination: 'U1', events: [] }), // LINE's "Verify" button
    groupTextEvent(OTHER, wrong),
    groupTextEvent(OTHER, `รหัสคือ ${code}`),
    groupTextEvent(OTHER, code, { type: 'user', userId: `U${'2'.repeat(32)}` }), // a 1:1 chat with the bot
  ])
    expect(await deliverWebhook(url, body)).toBe(200);
  expect(await lineCells()).toEqual(before);

  expect(await deliverWebhook(url, groupTextEvent(GROUP, ` ${code} `))).toBe(200);
  expect(await running).toBe(0);
  expect(await lineCells()).toEqual({ ...before, FINANCE: GROUP });
  expect(printed(out)).toContain(`จับคู่กลุ่ม LINE ${GROUP} กับกองคลังแล้ว`);
  expect(printed(out)).toContain('กลุ่มนี้มีสมาชิก 8 คน: แจ้งเตือนแต่ละครั้งนับเป็น 8 ข้อความจากโควตาของเดือน');
  expect(printed(out)).toContain(
    'ไม่ได้ตั้ง ITA_LINE_SECRET จึงไม่ตรวจลายมือชื่อของ LINE (รหัสที่ใช้ได้ครั้งเดียวภายในเวลาที่กำหนดยังกันการปลอมไว้)',
  );
  expect(printed(err)).toEqual([]);
  // the token checked (quota, consumption), the group's size asked; never a push
  expect(api.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
    ['GET', '/v2/bot/message/quota', 'Bearer tok-cli'],
    ['GET', '/v2/bot/message/quota/consumption', 'Bearer tok-cli'],
    ['GET', `/v2/bot/group/${GROUP}/members/count`, 'Bearer tok-cli'],
  ]);
  // the listener is gone: the code cannot be used again
  await expect(deliverWebhook(url, groupTextEvent(OTHER, code))).rejects.toThrow();
});

test('--listen for the executives writes the settings row executivesLine', async () => {
  const running = linePair.run([book, '--division', 'ผู้บริหาร', '--listen', '0']);
  const { code, url } = await waitForListener();
  await deliverWebhook(url, groupTextEvent(GROUP, code));
  expect(await running).toBe(0);
  const settings = (await readWorkbookFile(book)).tabs[SETTINGS_TAB.name];
  expect(settings.find((r) => r[0] === 'executivesLine')?.[2]).toBe(GROUP);
});

test('with ITA_LINE_SECRET, a body LINE did not sign is ignored, even with the right code', async () => {
  process.env.ITA_LINE_SECRET = 'channel-secret';
  const running = linePair.run([book, '--division', 'FINANCE', '--listen', '0']);
  const { code, url } = await waitForListener();
  const before = await lineCells();
  await deliverWebhook(url, groupTextEvent(OTHER, code)); // unsigned
  await deliverWebhook(url, groupTextEvent(OTHER, code), 'another-secret'); // signed by someone else
  await deliverWebhook(url, groupTextEvent(OTHER, code), undefined, 'bm90IGEgc2lnbmF0dXJl');
  expect(await lineCells()).toEqual(before);
  await deliverWebhook(url, groupTextEvent(GROUP, code), 'channel-secret');
  expect(await running).toBe(0);
  expect((await lineCells()).FINANCE).toBe(GROUP);
  expect(printed(out)).toContain(
    'ตรวจลายมือชื่อ X-Line-Signature ด้วย channel secret ใน ITA_LINE_SECRET: ข้อความที่ไม่ได้มาจาก LINE จะถูกข้าม',
  );
});

test('the listener: a code past its 30 minutes pairs nothing, and the wait ends unpaired at the expiry', async () => {
  const t0 = 1_700_000_000_000;
  let now = t0;
  const pending = [newPairing('FINANCE', t0, () => 0.5)];
  expect(pending[0].code).toBe('550000');
  const listener = await listenForPairing({ port: 0, pending, now: () => now });
  let settled = false;
  void listener.done.then(() => (settled = true));
  now = t0 + PAIRING_MINUTES * 60_000 + 1;
  expect(await deliverWebhook(listener.url, groupTextEvent(GROUP, '550000'))).toBe(200);
  await new Promise((r) => setTimeout(r, 20));
  expect(settled).toBe(false);
  await listener.close();
  // started after the expiry: done at once, with nothing paired
  const late = await listenForPairing({ port: 0, pending, now: () => t0 + PAIRING_MINUTES * 60_000 });
  expect(await late.done).toBeNull();
  await late.close();
});

test('--group: recorded once LINE says the bot is in it; a group the bot is not in is refused, workbook untouched', async () => {
  const bytes = readFileSync(book);
  expect(await linePair.run([book, '--division', 'FINANCE', '--group', OTHER])).toBe(2);
  expect(printed(err)).toEqual([
    'บันทึกกลุ่มไม่ได้: บอตของบัญชีไม่ได้อยู่ในกลุ่มนี้ หรือรหัสกลุ่มผิด (LINE ตอบ 404: Not found) — เชิญบอตเข้ากลุ่มก่อน แล้วสั่งใหม่',
  ]);
  expect(readFileSync(book).equals(bytes)).toBe(true);
  expect(await linePair.run([book, '--division', 'FINANCE', '--group', GROUP])).toBe(0);
  expect((await lineCells()).FINANCE).toBe(GROUP);
  expect(printed(out)).toEqual([
    `จับคู่กลุ่ม LINE ${GROUP} กับกองคลังแล้ว`,
    'กลุ่มนี้มีสมาชิก 8 คน: แจ้งเตือนแต่ละครั้งนับเป็น 8 ข้อความจากโควตาของเดือน',
  ]);
  expect(api.pushes()).toEqual([]);
});

test('a bad token is said before any code is given; no token, a bad group id, an unknown division are refused', async () => {
  const bytes = readFileSync(book);
  api.override.set('/v2/bot/message/quota', { status: 401, body: '{"message":"Authentication failed"}' });
  expect(await linePair.run([book, '--division', 'FINANCE', '--listen', '0'])).toBe(2);
  expect(printed(err)).toEqual([
    'ตรวจ token ของ LINE ไม่ผ่าน: LINE ตอบ 401: channel access token ไม่ถูกต้องหรือหมดอายุ — ออก token ใหม่ใน LINE Developers',
  ]);
  expect(printed(out)).toEqual([]); // no code handed out
  await expect(linePair.run([book, '--division', 'FINANCE', '--group', 'C123'])).rejects.toThrow(
    '--group "C123" ไม่ใช่รหัสกลุ่ม LINE',
  );
  await expect(linePair.run([book, '--division', 'กองที่ไม่มี', '--group', GROUP])).rejects.toThrow(
    'ไม่พบหน่วยงาน "กองที่ไม่มี"',
  );
  await expect(linePair.run([book, '--division', 'FINANCE'])).rejects.toThrow('เลือกวิธีจับคู่หนึ่งวิธี');
  await expect(linePair.run([book, '--division', 'FINANCE', '--listen', '70000'])).rejects.toThrow(
    '--listen "70000" ต้องเป็นเลขพอร์ต',
  );
  delete process.env.ITA_LINE_TOKEN;
  await expect(linePair.run([book, '--division', 'FINANCE', '--group', GROUP])).rejects.toThrow(
    'ยังไม่มี channel access token ของ LINE',
  );
  expect(readFileSync(book).equals(bytes)).toBe(true);
});
