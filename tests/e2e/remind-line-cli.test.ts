// Issue 25's "done when", end to end: the built CLI, the example workbook with one division paired to a
// LINE group, a local stand-in of the LINE API on loopback (ITA_LINE_API) and the outbox of .eml files.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIVISIONS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { type LineStandIn, startLineStandIn } from '../support/line-stand-in';

const CLI = join(__dirname, '../..', 'build', 'cli.js');
const GROUP = `C${'5e'.repeat(16)}`;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The example workbook with กองคลัง's LINE cell holding the paired group. */
async function pairedBook(): Promise<{ dir: string; book: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ita-remind-line-'));
  const book = join(dir, 'example.xlsx');
  const snapshot = templateSnapshot({ example: true });
  const rows = snapshot.tabs[DIVISIONS_TAB.name];
  const col = rows[0].indexOf(DIVISIONS_TAB.columns.find((c) => c.key === 'divisionLine')?.header ?? '');
  const finance = rows.findIndex((r) => r[0] === 'FINANCE');
  rows[finance][col] = GROUP;
  await writeWorkbookFile(book, snapshot);
  return { dir, book };
}

const emls = (dir: string) => {
  const outbox = join(dir, 'out', 'outbox');
  return existsSync(outbox)
    ? readdirSync(outbox)
        .filter((f) => f.endsWith('.eml'))
        .sort()
    : [];
};

const MONDAY = '2023-03-27';
let api: LineStandIn;
beforeEach(async () => {
  api = await startLineStandIn({ limit: 300, used: 0, members: { [GROUP]: 8 } });
});
afterEach(() => api.close());

test('the paired division gets its digest in its LINE group, the others by e-mail; the log says the channel; a rerun sends nothing', async () => {
  const { dir, book } = await pairedBook();
  const env = { ITA_LINE_TOKEN: 'x', ITA_LINE_API: api.url };
  const first = await cli(['remind', book, '--today', MONDAY], env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  const pushes = api.pushes();
  expect(pushes).toHaveLength(1);
  expect(pushes[0].authorization).toBe('Bearer x');
  expect(pushes[0].to).toBe(GROUP);
  expect(pushes[0].messages).toHaveLength(1);
  expect(pushes[0].messages[0].text.split('\n')[0]).toBe('แจ้งเตือนมาตรการ ITA: กองคลัง');
  expect(pushes[0].messages[0].text).toContain('กรอกสถานะที่แท็บ "กองคลัง"');
  expect(pushes[0].messages[0].text.length).toBeLessThanOrEqual(5000);
  const mails = emls(dir);
  expect(mails).not.toContain(`${MONDAY}-FINANCE.eml`);
  expect(mails.length).toBeGreaterThan(0);
  expect(first.stdout).toContain('ส่งทาง LINE แล้ว: แจ้งเตือนมาตรการ ITA ของกองคลัง');
  expect(first.stdout).toContain('ในจำนวนนี้ส่งทาง LINE 1 ฉบับ');

  const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
  const finance = log.filter((e) => e.divisionCode === 'กองคลัง');
  expect(finance.map((e) => [e.recipients, e.outcome, e.channel])).toEqual([
    ['กลุ่ม LINE ของกองคลัง (8 คน)', 'ส่งแล้ว', 'LINE (พอ: ใช้ 8 ข้อความ เหลือ 292 ข้อความในเดือนนี้)'],
  ]);
  expect(log.filter((e) => e.divisionCode !== 'กองคลัง').every((e) => e.channel === 'อีเมล')).toBe(true);
  expect(log).toHaveLength(mails.length + 1);

  const second = await cli(['remind', book, '--today', MONDAY], env);
  expect(second.code).toBe(0);
  expect(second.stdout.trim()).toBe('วันที่ ๒๗ มีนาคม ๒๕๖๖ ไม่มีอีเมลแจ้งเตือนที่ต้องส่ง');
  expect(api.pushes()).toHaveLength(1);
  expect(emls(dir)).toEqual(mails);
  expect(parseWorkbook(await readWorkbookFile(book)).tracker.emailLog).toHaveLength(log.length);
});

test.each([
  [
    'the month spent',
    (a: LineStandIn) => {
      a.state.used = 296;
    },
    'อีเมลแทน LINE: โควตา LINE เดือนนี้ไม่พอ (ต้องใช้ 8 ข้อความตามจำนวนสมาชิกกลุ่ม เหลือ 4) — ส่งทางอีเมลแทน',
    0,
  ],
  [
    'a 429',
    (a: LineStandIn) => {
      a.override.set('/v2/bot/message/push', {
        status: 429,
        body: '{"message":"You have reached your monthly limit."}',
      });
    },
    'อีเมลแทน LINE: LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (You have reached your monthly limit.)',
    1,
  ],
  [
    'a timeout',
    (a: LineStandIn) => {
      a.override.set('/v2/bot/message/push', 'hang');
    },
    'อีเมลแทน LINE: ติดต่อ LINE ไม่ได้ (LINE ไม่ตอบภายใน 0.5 วินาที)',
    1,
  ],
])('%s: the paired division gets the e-mail instead and the log says why', async (_, arrange, channel, pushTries) => {
  arrange(api);
  const { dir, book } = await pairedBook();
  const env = { ITA_LINE_TOKEN: 'x', ITA_LINE_API: api.url, ITA_LINE_TIMEOUT_MS: '500' };
  const r = await cli(['remind', book, '--today', MONDAY], env);
  expect(r.code).toBe(0);
  expect(api.requests.filter((q) => q.path.endsWith('/push'))).toHaveLength(pushTries);
  expect(emls(dir)).toContain(`${MONDAY}-FINANCE.eml`);
  const finance = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog.filter(
    (e) => e.divisionCode === 'กองคลัง',
  );
  expect(finance.map((e) => [e.recipients, e.outcome, e.channel])).toEqual([['finance@example.org', 'ส่งแล้ว', channel]]);
  expect(r.stdout).toContain(`ส่งทางอีเมลแทน LINE: แจ้งเตือนมาตรการ ITA ของกองคลัง`);
  // the rerun sends nothing again, by either channel
  const again = await cli(['remind', book, '--today', MONDAY], env);
  expect(again.stdout.trim()).toBe('วันที่ ๒๗ มีนาคม ๒๕๖๖ ไม่มีอีเมลแจ้งเตือนที่ต้องส่ง');
  expect(api.requests.filter((q) => q.path.endsWith('/push'))).toHaveLength(pushTries);
});

test('--line-token-file that cannot be read is refused before anything is sent', async () => {
  const { dir, book } = await pairedBook();
  const r = await cli(['remind', book, '--today', MONDAY, '--line-token-file', join(dir, 'missing')], {
    ITA_LINE_API: api.url,
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('อ่านไฟล์ token ของ LINE ไม่ได้');
  expect(emls(dir)).toEqual([]);
  expect(api.requests).toEqual([]);
});

test('--simulate --line-members 8: LINE messages per month per division against the quota; a bad count is refused', async () => {
  const { book } = await pairedBook();
  const r = await cli(['remind', book, '--simulate', '2022-10-01', '2023-09-30', '--line-members', '8'], {});
  expect(r.code).toBe(0);
  const lines = r.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('ข้อความ LINE ต่อเดือน (นับทุกหน่วยงานเป็นกลุ่มละ 8 คน'));
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at + 1, at + 13).map((l) => l.split(':')[0].trim())).toEqual(
    ['ตุลาคม ๒๕๖๕', 'พฤศจิกายน ๒๕๖๕', 'ธันวาคม ๒๕๖๕', 'มกราคม ๒๕๖๖', 'กุมภาพันธ์ ๒๕๖๖', 'มีนาคม ๒๕๖๖'].concat(
      ['เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน'].map((m) => `${m} ๒๕๖๖`),
    ),
  );
  expect(r.stdout).toContain('ไม่มีเดือนใดเกินโควตา: เดือนที่มากที่สุดคือ พฤษภาคม ๒๕๖๖ ใช้ 200 จาก 300 ข้อความ');
  const bad = await cli(['remind', book, '--simulate', '2022-10-01', '2023-09-30', '--line-members', 'แปด'], {});
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--line-members "แปด" ต้องเป็นจำนวนเต็ม 1–500');
  const tight = await cli(
    ['remind', book, '--simulate', '2022-10-01', '2023-09-30', '--line-members', '8', '--line-quota', '150'],
    {},
  );
  expect(tight.stdout).toContain('คำเตือน: พฤษภาคม ๒๕๖๖ ต้องใช้ 200 ข้อความ เกินโควตา 150');
});
