// sendReminders with LINE (issue 25): a division with a paired group gets its digest pushed there when
// the month's quota takes the group's members; anything else (no room, 429, 500, no answer, a bad
// token) sends that digest's e-mail instead, and the log row says the channel, the people and why.
import { runAsync, runSync } from '../../src/core/app/flow';
import type { LineHttp, LineRequest, LineResponse } from '../../src/core/app/line-api';
import { type EmailMessage, type Notifier, SENT } from '../../src/core/app/notifier';
import { sendReminders } from '../../src/core/app/send-reminders';
import type { EmailLogEntry } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from '../support/workbook';

const GROUP = `C${'a1'.repeat(16)}`;
const BOSSES = `C${'b2'.repeat(16)}`;

const book = (opts: { financeGroup?: string; executivesLine?: string } = {}) =>
  parseWorkbook(
    miniWorkbook({
      settings: { executives: 'mayor@example.org', executivesLine: opts.executivesLine ?? '' },
      divisions: [
        division('PALAD', 'สำนักปลัด'),
        division('FINANCE', 'กองคลัง', { lineGroup: opts.financeGroup ?? GROUP }),
      ],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['กองคลัง'])],
      entries: {
        PALAD: [{ key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูล', due: '2023-03-27' }],
        FINANCE: [{ key: 'EIT-01', area: 'EIT', issue: 'การจัดซื้อ', task: 'ประกาศแผน', due: '2023-03-10' }],
      },
    }),
  ).tracker;

/** Monday 20 March 2023: FINANCE overdue, the executives' weekly summary, PALAD due soon. */
const clock = { now: () => new Date('2023-03-20T08:00:00Z') };
const links = { divisionTabUrl: (code: string) => `https://sheet/#${code}` };

/** An in-memory LINE: the month's quota, what was used, each group's size, and per path an answer. */
function lineStandIn(opts: {
  limit?: number | null;
  used?: number;
  members?: Record<string, number>;
  answer?: (req: LineRequest) => LineResponse | 'throw' | undefined;
}) {
  const requests: LineRequest[] = [];
  let used = opts.used ?? 0;
  const json = (status: number, body: unknown): LineResponse => ({ status, text: JSON.stringify(body) });
  const http: LineHttp = {
    send(req) {
      requests.push(req);
      const special = opts.answer?.(req);
      if (special === 'throw') throw new Error('timeout after 10 s');
      if (special) return special;
      const path = req.url.replace('https://line.test', '');
      if (path === '/v2/bot/message/quota')
        return json(200, opts.limit === null ? { type: 'none' } : { type: 'limited', value: opts.limit ?? 300 });
      if (path === '/v2/bot/message/quota/consumption') return json(200, { totalUsage: used });
      const m = /^\/v2\/bot\/group\/(.+)\/members\/count$/.exec(path);
      if (m) return json(200, { count: opts.members?.[m[1]] ?? 8 });
      if (path === '/v2/bot/message/push') {
        const body = JSON.parse(req.body ?? '{}') as { to: string };
        used += opts.members?.[body.to] ?? 8;
        return json(200, {});
      }
      return json(404, { message: 'Not found' });
    },
  };
  return { http, requests, pushes: () => requests.filter((r) => r.url.endsWith('/push')) };
}

function mailbox() {
  const sent: EmailMessage[] = [];
  const notifier: Notifier<EmailMessage> = {
    remaining: () => null,
    deliver(m) {
      sent.push(m);
      return SENT;
    },
  };
  return { notifier, sent };
}

function run(line: ReturnType<typeof lineStandIn> | null, tracker = book(), log: EmailLogEntry[] = []) {
  const box = mailbox();
  const written: EmailLogEntry[] = [];
  const result = runSync(
    sendReminders(
      { tracker, log, links },
      {
        clock,
        email: box.notifier,
        log: { append: (rows) => void written.push(...rows) },
        ...(line ? { line: { token: 'tok-123', base: 'https://line.test', http: line.http } } : {}),
      },
    ),
  );
  return { result, written, mail: box.sent.map((m) => m.subject.split(':')[0]) };
}

const FINANCE = 'แจ้งเตือนมาตรการ ITA ของกองคลัง';
const EXECUTIVES = 'สรุปประจำสัปดาห์ถึงผู้บริหาร';
const PALAD = 'แจ้งเตือนมาตรการ ITA ของสำนักปลัด';

test('a paired division gets one push (token in the header, its phone digest); the others get e-mail; the log says the channel', () => {
  const line = lineStandIn({ used: 100 });
  const { result, written, mail } = run(line);
  expect(mail).toEqual([EXECUTIVES, PALAD]);
  expect(line.requests.map((r) => `${r.method} ${r.url.replace('https://line.test', '')}`)).toEqual([
    'get /v2/bot/message/quota',
    'get /v2/bot/message/quota/consumption',
    `get /v2/bot/group/${GROUP}/members/count`,
    'post /v2/bot/message/push',
  ]);
  for (const r of line.requests) expect(r.headers.Authorization).toBe('Bearer tok-123');
  const push = line.pushes()[0];
  expect(push.headers['Content-Type']).toBe('application/json');
  expect(JSON.parse(push.body ?? '')).toEqual({
    to: GROUP,
    messages: [
      {
        type: 'text',
        text: [
          'แจ้งเตือนมาตรการ ITA: กองคลัง',
          '',
          'เกินกำหนด ๑ รายการ',
          '- EIT-01 (เกินกำหนด ๑๐ วัน)',
          '',
          'กรอกสถานะที่แท็บ "กองคลัง": https://sheet/#FINANCE',
        ].join('\n'),
      },
    ],
  });
  expect(written.map((r) => [r.divisionCode, r.recipients, r.outcome, r.channel])).toEqual([
    ['กองคลัง', 'กลุ่ม LINE ของกองคลัง (8 คน)', 'ส่งแล้ว', 'LINE (พอ: ใช้ 8 ข้อความ เหลือ 192 ข้อความในเดือนนี้)'],
    ['ผู้บริหาร', 'mayor@example.org', 'ส่งแล้ว', 'อีเมล'],
    ['สำนักปลัด', 'palad@example.org', 'ส่งแล้ว', 'อีเมล'],
  ]);
  expect([result.sent, result.byLine, result.deferred, result.failed]).toEqual([3, 1, 0, 0]);
  // the rerun: the log decides, whatever the channel; nothing is pushed or mailed again
  const again = run(lineStandIn({}), book(), written);
  expect(again.written).toEqual([]);
  expect(again.mail).toEqual([]);
});

test.each([
  [
    'the month would overflow (checked before sending)',
    { used: 295 },
    'โควตา LINE เดือนนี้ไม่พอ (ต้องใช้ 8 ข้อความตามจำนวนสมาชิกกลุ่ม เหลือ 5) — ส่งทางอีเมลแทน',
    3,
  ],
  [
    'a 429',
    {
      answer: (r: LineRequest) =>
        r.url.endsWith('/push')
          ? { status: 429, text: '{"message":"You have reached your monthly limit."}' }
          : undefined,
    },
    'LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (You have reached your monthly limit.)',
    4,
  ],
  [
    'a 500',
    { answer: (r: LineRequest) => (r.url.endsWith('/push') ? { status: 500, text: 'oops' } : undefined) },
    'LINE ตอบ 500',
    4,
  ],
  [
    'no answer (a timeout)',
    { answer: (r: LineRequest) => (r.url.endsWith('/push') ? ('throw' as const) : undefined) },
    'ติดต่อ LINE ไม่ได้ (timeout after 10 s)',
    4,
  ],
  [
    'a bad token (401 on the quota)',
    { answer: () => ({ status: 401, text: '{"message":"Authentication failed"}' }) },
    'LINE ตอบ 401: channel access token ไม่ถูกต้องหรือหมดอายุ — ออก token ใหม่ใน LINE Developers',
    1,
  ],
  [
    'a members count LINE refuses (the bot left the group)',
    {
      answer: (r: LineRequest) =>
        r.url.endsWith('/members/count') ? { status: 404, text: '{"message":"Not found"}' } : undefined,
    },
    'LINE ตอบ 404: Not found',
    3,
  ],
  [
    'junk where the quota should be',
    { answer: (r: LineRequest) => (r.url.endsWith('/quota') ? { status: 200, text: '<html>' } : undefined) },
    'LINE ตอบในรูปแบบที่อ่านไม่ได้',
    1,
  ],
])('%s: that digest goes by e-mail and the log says why', (_, opts, why, calls) => {
  const line = lineStandIn(opts);
  const { result, written, mail } = run(line);
  expect(mail).toEqual([FINANCE, EXECUTIVES, PALAD]);
  expect(line.requests).toHaveLength(calls);
  expect(written[0]).toMatchObject({
    divisionCode: 'กองคลัง',
    recipients: 'finance@example.org',
    outcome: 'ส่งแล้ว',
    channel: `อีเมลแทน LINE: ${why}`,
  });
  expect([result.sent, result.byLine]).toEqual([3, 0]);
});

test('after a 429 the run asks LINE nothing more: the executives’ group gets the e-mail with the same reason', () => {
  const line = lineStandIn({
    answer: (r) => (r.url.endsWith('/push') ? { status: 429, text: '{"message":"limit"}' } : undefined),
  });
  const { written, mail } = run(line, book({ executivesLine: BOSSES }));
  expect(mail).toEqual([FINANCE, EXECUTIVES, PALAD]);
  expect(line.pushes()).toHaveLength(1);
  expect(written.slice(0, 2).map((r) => r.channel)).toEqual([
    'อีเมลแทน LINE: LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (limit)',
    'อีเมลแทน LINE: LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (limit)',
  ]);
});

test('the quota is read once and what this run pushed counts on it: the second group no longer fits', () => {
  const line = lineStandIn({ limit: 20, used: 0, members: { [GROUP]: 12, [BOSSES]: 12 } });
  const { written, mail } = run(line, book({ executivesLine: BOSSES }));
  expect(mail).toEqual([EXECUTIVES, PALAD]);
  expect(line.requests.filter((r) => r.url.includes('/quota'))).toHaveLength(2);
  expect(written.map((r) => r.channel)).toEqual([
    'LINE (พอ: ใช้ 12 ข้อความ เหลือ 8 ข้อความในเดือนนี้)',
    'อีเมลแทน LINE: โควตา LINE เดือนนี้ไม่พอ (ต้องใช้ 12 ข้อความตามจำนวนสมาชิกกลุ่ม เหลือ 8) — ส่งทางอีเมลแทน',
    'อีเมล',
  ]);
});

test('the executives’ group gets the summary for a phone, naming each division', () => {
  const line = lineStandIn({ limit: null });
  const { written, mail } = run(line, book({ financeGroup: '', executivesLine: BOSSES }));
  expect(mail).toEqual([FINANCE, PALAD]);
  const body = JSON.parse(line.pushes()[0].body ?? '') as { to: string; messages: { text: string }[] };
  expect(body.to).toBe(BOSSES);
  expect(body.messages[0].text).toBe(
    [
      'สรุปมาตรการ ITA ที่เกินกำหนด (ผู้บริหาร)',
      '',
      'เกินกำหนด ๑ รายการ',
      '- กองคลัง EIT-01 (เกินกำหนด ๑๐ วัน)',
      '',
      'รายละเอียดอยู่ในแดชบอร์ดของระบบติดตาม',
    ].join('\n'),
  );
  expect(written[1]).toMatchObject({
    divisionCode: 'ผู้บริหาร',
    recipients: 'กลุ่ม LINE ของผู้บริหาร (8 คน)',
    channel: 'LINE (พอ: ใช้ 8 ข้อความ (บัญชีนี้ไม่จำกัดจำนวนข้อความ))',
  });
});

test('without the token (no line port) or with a cell that is not a group id, everything goes by e-mail as before', () => {
  expect(run(null).mail).toEqual([FINANCE, EXECUTIVES, PALAD]);
  const line = lineStandIn({});
  const { written, mail } = run(line, book({ financeGroup: 'กลุ่มกองคลัง' }));
  expect(mail).toEqual([FINANCE, EXECUTIVES, PALAD]);
  expect(line.requests).toEqual([]);
  expect(written.map((r) => r.channel)).toEqual(['อีเมล', 'อีเมล', 'อีเมล']);
});

test('the same flow runs async (Node) with a carrier that answers later', async () => {
  const line = lineStandIn({});
  const http: LineHttp = { send: (req) => Promise.resolve(line.http.send(req)) };
  const written: EmailLogEntry[] = [];
  const result = await runAsync(
    sendReminders(
      { tracker: book(), log: [], links },
      {
        clock,
        email: mailbox().notifier,
        log: { append: (rows) => void written.push(...rows) },
        line: { token: 't', base: 'https://line.test', http },
      },
    ),
  );
  expect(result.byLine).toBe(1);
  expect(written[0].channel).toMatch(/^LINE /);
});
