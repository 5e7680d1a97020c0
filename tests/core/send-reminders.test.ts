// sendReminders, the one reminder run of both runtimes, over in-memory ports: the order messages go
// in, what the quota defers, what a failure logs, and that the same flow runs sync (Apps Script) and
// async (Node) alike.
import { call, runAsync, runSync } from '../../src/core/app/flow';
import { type Delivery, type EmailMessage, type Notifier, SENT } from '../../src/core/app/notifier';
import { sendReminders } from '../../src/core/app/send-reminders';
import type { EmailLogEntry } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from '../support/workbook';

const tracker = parseWorkbook(
  miniWorkbook({
    settings: { executives: 'mayor@example.org' },
    divisions: [
      division('PALAD', 'สำนักปลัด', { notifyEmails: ['palad@example.org', 'clerk@example.org'] }),
      division('FINANCE', 'กองคลัง'),
    ],
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['กองคลัง'])],
    entries: {
      PALAD: [{ key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูล', due: '2023-03-27' }],
      FINANCE: [{ key: 'EIT-01', area: 'EIT', issue: 'การจัดซื้อ', task: 'ประกาศแผน', due: '2023-03-10' }],
    },
  }),
).tracker;

/** Monday 20 March 2023, 08:00 Bangkok: FINANCE overdue, the executives' weekly summary, PALAD due soon. */
const clock = { now: () => new Date('2023-03-20T08:00:00Z') };
const links = { divisionTabUrl: () => '' };

/** A mailbox with a quota (null: no count) and, per subject prefix, an answer other than sent. */
function mailbox(quota: number | null, answers: Record<string, () => Delivery> = {}) {
  const sent: EmailMessage[] = [];
  let left = quota;
  const notifier: Notifier<EmailMessage> = {
    remaining: () => left,
    deliver(m) {
      for (const [prefix, answer] of Object.entries(answers)) if (m.subject.startsWith(prefix)) return answer();
      sent.push(m);
      if (left !== null) left -= m.to.length;
      return SENT;
    },
  };
  return { notifier, sent, spend: (n: number) => (left = n) };
}

function run(notifier: Notifier<EmailMessage>, log: EmailLogEntry[] = []) {
  const written: EmailLogEntry[][] = [];
  const result = runSync(
    sendReminders(
      { tracker, log, links },
      { clock, email: notifier, log: { append: (rows) => void written.push([...rows]) } },
    ),
  );
  return { result, written };
}

const FINANCE = 'แจ้งเตือนมาตรการ ITA ของกองคลัง';
const EXECUTIVES = 'สรุปประจำสัปดาห์ถึงผู้บริหาร';
const PALAD = 'แจ้งเตือนมาตรการ ITA ของสำนักปลัด';

test('overdue first, then the executives, then the rest; one log write holding every outcome', () => {
  const box = mailbox(null);
  const { result, written } = run(box.notifier);
  expect(box.sent.map((m) => [m.subject.split(':')[0], m.to, m.senderName])).toEqual([
    [FINANCE, ['finance@example.org'], 'ระบบติดตามมาตรการ ITA เทศบาลตำบลทดสอบ'],
    [EXECUTIVES, ['mayor@example.org'], 'ระบบติดตามมาตรการ ITA เทศบาลตำบลทดสอบ'],
    [PALAD, ['palad@example.org', 'clerk@example.org'], 'ระบบติดตามมาตรการ ITA เทศบาลตำบลทดสอบ'],
  ]);
  expect(written).toHaveLength(1);
  expect(written[0].map((r) => [r.sentAt, r.divisionCode, r.outcome])).toEqual([
    ['2023-03-20 08:00', 'กองคลัง', 'ส่งแล้ว'],
    ['2023-03-20 08:00', 'ผู้บริหาร', 'ส่งแล้ว'],
    ['2023-03-20 08:00', 'สำนักปลัด', 'ส่งแล้ว'],
  ]);
  expect([result.sent, result.deferred, result.failed]).toEqual([3, 0, 0]);
  // the log it wrote makes the next run the same day send nothing and write nothing
  const again = run(mailbox(null).notifier, written[0]);
  expect(again.written).toEqual([]);
  expect(again.result.rows).toEqual([]);
});

test('a quota of 2 recipients: the overdue digest and the executives go, the two-address digest is deferred', () => {
  const box = mailbox(2);
  const { written } = run(box.notifier);
  expect(box.sent.map((m) => m.subject.split(':')[0])).toEqual([FINANCE, EXECUTIVES]);
  expect(written[0].map((r) => r.outcome)).toEqual(['ส่งแล้ว', 'ส่งแล้ว', 'เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)']);
  // the next run (quota back) sends only the deferred one
  const next = mailbox(100);
  run(next.notifier, written[0]);
  expect(next.sent.map((m) => m.subject.split(':')[0])).toEqual([PALAD]);
});

test('once one does not fit, every later one waits too, even one that would fit', () => {
  const box = mailbox(0);
  const { result } = run(box.notifier);
  expect(box.sent).toEqual([]);
  expect(result.deferred).toBe(3);
});

test('a channel that answers "deferred" (an SMTP 4xx) holds back the rest of the queue', () => {
  const box = mailbox(null, { [FINANCE]: () => ({ kind: 'deferred' }) });
  const { result } = run(box.notifier);
  expect(box.sent).toEqual([]);
  expect(result.deliveries.map((d) => d.delivery.kind)).toEqual(['deferred', 'deferred', 'deferred']);
});

test('a failure is logged with its reason and the rest still go; a throw is a failure too', () => {
  const box = mailbox(null, {
    [FINANCE]: () => ({ kind: 'failed', why: 'Invalid email: finance@example.org' }),
    [EXECUTIVES]: () => {
      throw new Error('Service invoked too many times');
    },
  });
  const { written, result } = run(box.notifier);
  expect(box.sent.map((m) => m.subject.split(':')[0])).toEqual([PALAD]);
  expect(written[0].map((r) => r.outcome)).toEqual([
    'ส่งไม่สำเร็จ: Invalid email: finance@example.org',
    'ส่งไม่สำเร็จ: Service invoked too many times',
    'ส่งแล้ว',
  ]);
  expect(result.failed).toBe(2);
});

test('a failure after which the quota no longer fits the message was the quota: deferred, not failed', () => {
  const box = mailbox(10, {
    [FINANCE]: () => {
      box.spend(0); // another script of the account spent the day's quota meanwhile
      throw new Error('Service invoked too many times for one day: email.');
    },
  });
  const { written } = run(box.notifier);
  expect(written[0].map((r) => r.outcome)).toEqual(Array(3).fill('เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)'));
});

test('the same flow on Node: promises awaited, a rejection reaches the flow as a throw', async () => {
  const sent: string[] = [];
  const notifier: Notifier<EmailMessage> = {
    remaining: async () => null,
    async deliver(m) {
      if (m.subject.startsWith(EXECUTIVES)) throw new Error('connection refused');
      sent.push(m.subject.split(':')[0]);
      return SENT;
    },
  };
  const written: EmailLogEntry[] = [];
  const result = await runAsync(
    sendReminders(
      { tracker, log: [], links },
      { clock, email: notifier, log: { append: async (rows) => void written.push(...rows) } },
    ),
  );
  expect(sent).toEqual([FINANCE, PALAD]);
  expect(written.map((r) => r.outcome)).toEqual(['ส่งแล้ว', 'ส่งไม่สำเร็จ: connection refused', 'ส่งแล้ว']);
  expect(result.failed).toBe(1);
});

test('runSync refuses a port that answers with a promise (a Node adapter in Apps Script)', () => {
  function* flow() {
    return yield* call(Promise.resolve(1));
  }
  expect(() => runSync(flow())).toThrow('runSync: a port answered with a Promise');
});
