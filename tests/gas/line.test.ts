// LINE in Apps Script (issue 25) against the fakes: the daily run pushes a paired division's digest
// through UrlFetchApp (muteHttpExceptions, the token from script properties) and e-mails the rest;
// a 429 falls back to MailApp with the reason logged; the menu gives a pairing code and doPost records
// the group from a message event carrying it; forged bodies change nothing and never throw.
import { LINE_API_BASE } from '../../src/core/app/line-api';
import { tableOf } from '../../src/core/rows';
import { DIVISIONS_TAB, EMAIL_LOG_TAB, SETTINGS_TAB } from '../../src/core/schema';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { parseWorkbook } from '../../src/core/workbook';
import { doPost, LINE_PAIRINGS_PROPERTY, LINE_TOKEN_PROPERTY, menuPairLineGroup } from '../../src/gas/line';
import { dailyReminders } from '../../src/gas/reminders';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { type LineStandIn, lineAnswer } from '../support/line-stand-in';
import { division, measure, miniWorkbook } from '../support/workbook';

const GROUP = `C${'7a'.repeat(16)}`;
const NEW_GROUP = `C${'3c'.repeat(16)}`;
const LOG = EMAIL_LOG_TAB.name;

function book(financeGroup = GROUP): WorkbookSnapshot {
  const snapshot = miniWorkbook({
    settings: { executives: 'mayor@example.org', admins: 'admin@example.org' },
    divisions: [division('PALAD', 'สำนักปลัด'), division('FINANCE', 'กองคลัง', { lineGroup: financeGroup })],
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['กองคลัง'])],
    entries: {
      PALAD: [{ key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูล', due: '2023-03-27' }],
      FINANCE: [{ key: 'EIT-01', area: 'EIT', issue: 'การจัดซื้อ', task: 'ประกาศแผน', due: '2023-03-10' }],
    },
  });
  snapshot.tabs[LOG] = tableOf(EMAIL_LOG_TAB, []);
  return snapshot;
}

let fakes: FakeHandles;
let line: { state: LineStandIn['state']; override: LineStandIn['override'] };
function install(snapshot: WorkbookSnapshot, token: string | null = 'tok-gas') {
  fakes = installFakes({ snapshot, webAppUrl: 'https://script.google.com/macros/s/abc/exec' });
  line = { state: { limit: 300, used: 40, members: { [GROUP]: 8 } }, override: new Map() };
  fakes.urlFetch.route((r) => {
    if (!r.url.startsWith(LINE_API_BASE)) return undefined;
    const a = lineAnswer(
      line.state,
      line.override,
      r.method,
      r.url.slice(LINE_API_BASE.length),
      r.headers.Authorization,
      r.payload,
    );
    return a === 'hang' ? 'timeout' : a;
  });
  if (token)
    fakes.calls.untracked(() => PropertiesService.getScriptProperties().setProperty(LINE_TOKEN_PROPERTY, token));
}
const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(`${iso}T01:00:00Z`));
const logRows = () => (fakes.sheets.values(LOG) ?? []).slice(1);

beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(() => {
  jest.restoreAllMocks();
  uninstallFakes();
});

describe('the daily run with LINE', () => {
  test('the paired division is pushed through UrlFetchApp (muted, token from script properties); the others e-mailed; the log says the channel', () => {
    install(book());
    at('2023-03-20');
    dailyReminders();
    const reqs = fakes.urlFetch.requests;
    expect(reqs.map((r) => `${r.method} ${r.url.slice(LINE_API_BASE.length)}`)).toEqual([
      'GET /v2/bot/message/quota',
      'GET /v2/bot/message/quota/consumption',
      `GET /v2/bot/group/${GROUP}/members/count`,
      'POST /v2/bot/message/push',
    ]);
    expect(reqs.every((r) => r.muteHttpExceptions && r.headers.Authorization === 'Bearer tok-gas')).toBe(true);
    expect(reqs[3].contentType).toBe('application/json');
    const push = JSON.parse(reqs[3].payload) as { to: string; messages: { text: string }[] };
    expect(push.to).toBe(GROUP);
    expect(push.messages[0].text).toMatch(/^แจ้งเตือนมาตรการ ITA: กองคลัง\n/);
    expect(push.messages[0].text).toContain('กรอกสถานะที่แท็บ "กองคลัง": https://docs.google.com/');
    expect(fakes.mail.sent.map((m) => m.to)).toEqual([['mayor@example.org'], ['palad@example.org']]);
    const rows = logRows();
    const header = fakes.sheets.values(LOG)?.[0] ?? [];
    const channel = header.indexOf('ช่องทาง');
    expect(rows.map((r) => [r[1], r[2], r[5], r[channel]])).toEqual([
      ['กองคลัง', 'กลุ่ม LINE ของกองคลัง (8 คน)', 'ส่งแล้ว', 'LINE (พอ: ใช้ 8 ข้อความ เหลือ 252 ข้อความในเดือนนี้)'],
      ['ผู้บริหาร', 'mayor@example.org', 'ส่งแล้ว', 'อีเมล'],
      ['สำนักปลัด', 'palad@example.org', 'ส่งแล้ว', 'อีเมล'],
    ]);
    // a rerun: the log decides
    dailyReminders();
    expect(fakes.urlFetch.requests).toHaveLength(4);
    expect(fakes.mail.sent).toHaveLength(2);
  });

  test('a 429 sends that digest by MailApp instead, and the log says why', () => {
    install(book());
    line.override.set('/v2/bot/message/push', {
      status: 429,
      body: '{"message":"You have reached your monthly limit."}',
    });
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => m.to[0])).toEqual([
      'finance@example.org',
      'mayor@example.org',
      'palad@example.org',
    ]);
    const header = fakes.sheets.values(LOG)?.[0] ?? [];
    expect(logRows()[0][header.indexOf('ช่องทาง')]).toBe(
      'อีเมลแทน LINE: LINE ตอบ 429: ข้อความของเดือนนี้หมดแล้วหรือส่งถี่เกินไป (You have reached your monthly limit.)',
    );
  });

  test('a timeout (UrlFetchApp throws even muted) falls back too', () => {
    install(book());
    line.override.set('/v2/bot/message/push', 'hang');
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => m.to[0])).toContain('finance@example.org');
    const header = fakes.sheets.values(LOG)?.[0] ?? [];
    expect(logRows()[0][header.indexOf('ช่องทาง')]).toBe(
      'อีเมลแทน LINE: ติดต่อ LINE ไม่ได้ (Timeout: https://api.line.me/v2/bot/message/push)',
    );
  });

  test('no token in the script properties: no UrlFetchApp call at all, everything by e-mail', () => {
    install(book(), null);
    at('2023-03-20');
    dailyReminders();
    expect(fakes.calls.by('UrlFetchApp.fetch')).toBe(0);
    expect(fakes.mail.sent).toHaveLength(3);
  });
});

describe('pairing', () => {
  const body = (text: string, groupId = NEW_GROUP) =>
    JSON.stringify({
      destination: 'U0',
      events: [{ type: 'message', message: { type: 'text', text }, source: { type: 'group', groupId } }],
    });
  const financeLine = () => {
    const { tracker } = parseWorkbook(fakes.sheets.snapshot());
    return tracker.divisions.find((d) => d.code === 'FINANCE')?.lineGroup;
  };
  const pendingCode = (): string =>
    (
      JSON.parse(PropertiesService.getScriptProperties().getProperty(LINE_PAIRINGS_PROPERTY) ?? '[]') as {
        code: string;
      }[]
    )[0]?.code ?? '';

  test('the menu gives a code for the division; the code typed in its group pairs it, once', () => {
    install(book(''));
    at('2023-03-20');
    fakes.ui.respond('OK', 'กองคลัง');
    menuPairLineGroup();
    const code = pendingCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(fakes.ui.lastAlert()?.prompt).toBe(
      [
        `ให้สมาชิกพิมพ์รหัส ${code} ในกลุ่ม LINE ของกองคลัง ภายใน 30 นาที (ใช้ได้ครั้งเดียว)`,
        'Webhook URL ของ LINE ต้องเป็นที่อยู่เว็บแอปนี้: https://script.google.com/macros/s/abc/exec',
      ].join('\n\n'),
    );
    // the token and the codes live in script properties, never in a tab
    const tabs = JSON.stringify(fakes.sheets.snapshot());
    expect(tabs).not.toContain('tok-gas');
    expect(tabs).not.toContain(code);

    fakes.calls.reset();
    doPost({ postData: { contents: body(` ${code} `) } });
    expect(financeLine()).toBe(NEW_GROUP);
    // one write: the division's LINE cell, in one setValues
    expect([
      fakes.calls.by('Range.setValue'),
      fakes.calls.by('Range.setValues'),
      fakes.calls.by('Sheet.getRange'),
    ]).toEqual([0, 1, 1]);
    expect(pendingCode()).toBe('');
    // single use: the same code again (from another group) changes nothing
    doPost({ postData: { contents: body(code, `C${'99'.repeat(16)}`) } });
    expect(financeLine()).toBe(NEW_GROUP);
  });

  test('the executives: the code pairs the settings row executivesLine (added as one row when missing)', () => {
    const snapshot = book('');
    snapshot.tabs[SETTINGS_TAB.name] = snapshot.tabs[SETTINGS_TAB.name].filter((r) => r[0] !== 'executivesLine');
    install(snapshot);
    at('2023-03-20');
    fakes.ui.respond('OK', 'ผู้บริหาร');
    menuPairLineGroup();
    fakes.calls.reset();
    doPost({ postData: { contents: body(pendingCode()) } });
    expect(parseWorkbook(fakes.sheets.snapshot()).tracker.settings.executivesLine).toBe(NEW_GROUP);
    // key, label and value written together below the last setting: one getRange, one setValues
    const settings = fakes.sheets.values(SETTINGS_TAB.name) ?? [];
    expect(settings.find((r) => r[0] === 'executivesLine')?.slice(0, 3)).toEqual([
      'executivesLine',
      'กลุ่ม LINE ของผู้บริหาร (จับคู่ด้วยรหัส)',
      NEW_GROUP,
    ]);
    expect([
      fakes.calls.by('Range.setValue'),
      fakes.calls.by('Range.setValues'),
      fakes.calls.by('Sheet.getRange'),
    ]).toEqual([0, 1, 1]);
  });

  test('an old divisions tab without the LINE column: its header and the cell, one write per row, however many divisions', () => {
    for (const n of [2, 40]) {
      const snapshot = book('');
      const rows = snapshot.tabs[DIVISIONS_TAB.name];
      const col = rows[0].indexOf('กลุ่ม LINE (จับคู่ด้วยรหัส)');
      snapshot.tabs[DIVISIONS_TAB.name] = rows.map((r) => r.filter((_, i) => i !== col));
      for (let i = 0; i < n - 2; i++)
        snapshot.tabs[DIVISIONS_TAB.name].push(
          snapshot.tabs[DIVISIONS_TAB.name][1].map((c, j) => (j === 0 ? `D${i}` : j === 1 ? `กองที่ ${i}` : c)),
        );
      install(snapshot);
      at('2023-03-20');
      fakes.ui.respond('OK', 'กองคลัง');
      menuPairLineGroup();
      fakes.calls.reset();
      doPost({ postData: { contents: body(pendingCode()) } });
      expect(financeLine()).toBe(NEW_GROUP);
      expect([fakes.calls.by('Range.setValue'), fakes.calls.by('Range.setValues')]).toEqual([0, 2]);
      uninstallFakes();
    }
  });

  test('forged bodies change nothing and never throw: no code, wrong code, expired code, junk JSON, not JSON, 1:1 chat, none', () => {
    install(book(''));
    at('2023-03-20');
    fakes.ui.respond('OK', 'FINANCE');
    menuPairLineGroup();
    const code = pendingCode();
    const before = JSON.stringify(fakes.sheets.snapshot());
    const wrong = code === '123456' ? '654321' : '123456';
    const forged: (string | undefined)[] = [
      body('สวัสดีครับ'),
      body(wrong),
      '{"events": [{"type": "message"}]}',
      '{"events": "x"}',
      '[1,2,3]',
      'null',
      'not json at all {',
      JSON.stringify({
        events: [{ type: 'message', message: { type: 'text', text: code }, source: { type: 'user', userId: 'U1' } }],
      }),
      JSON.stringify({ events: [] }), // LINE's verify call
      '',
      undefined,
    ];
    for (const f of forged)
      expect(() => doPost(f === undefined ? undefined : { postData: { contents: f } })).not.toThrow();
    expect(() => doPost({} as never)).not.toThrow();
    expect(JSON.stringify(fakes.sheets.snapshot())).toBe(before);
    expect(pendingCode()).toBe(code);
    // expired: 31 minutes later the right code pairs nothing
    jest.restoreAllMocks();
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2023-03-20T01:31:00Z'));
    doPost({ postData: { contents: body(code) } });
    expect(JSON.stringify(fakes.sheets.snapshot())).toBe(before);
  });

  test('without a token the menu says where to put it; an unknown division is named', () => {
    install(book(''), null);
    menuPairLineGroup();
    expect(fakes.ui.lastAlert()?.prompt).toContain('LINE_CHANNEL_ACCESS_TOKEN');
    uninstallFakes();
    install(book(''));
    fakes.ui.respond('OK', 'กองไม่มี');
    menuPairLineGroup();
    expect(fakes.ui.lastAlert()?.prompt).toBe('ไม่พบหน่วยงาน "กองไม่มี" ในแท็บ "หน่วยงาน" — พิมพ์รหัสหรือชื่อหน่วยงานตามแท็บ');
  });
});

test('the divisions tab and settings name the LINE column and row (schema)', () => {
  expect(DIVISIONS_TAB.columns.map((c) => c.header)).toContain('กลุ่ม LINE (จับคู่ด้วยรหัส)');
  expect(SETTINGS_TAB.name).toBe('ตั้งค่า');
});
