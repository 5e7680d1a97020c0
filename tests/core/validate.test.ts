import type { Problem } from '../../src/core/cell-rules';
import type { Cell } from '../../src/core/cells';
import {
  DIVISIONS_TAB,
  HOLIDAYS_TAB,
  headersOf,
  MEASURES_TAB,
  MILESTONES_TAB,
  SETTINGS_TAB,
} from '../../src/core/schema';
import { hasErrors, validateWorkbook } from '../../src/core/validate';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { d, division, measure, miniWorkbook } from '../support/workbook';

const divisions = [
  division('PALAD', 'สำนักปลัด'),
  division('FIN', 'กองคลัง'),
  division('HEALTH', 'กองสาธารณสุขและสิ่งแวดล้อม'),
];

function good(): WorkbookSnapshot {
  return miniWorkbook({
    settings: { admins: 'admin@example.org', executives: 'mayor@example.org' },
    divisions,
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('OIT-01', 'OIT', ['กองคลัง', 'กองสาธารณสุขฯ'])],
    milestones: [{ id: 'MS-01', measureId: 'OIT-01', divisionCode: 'FIN', task: 'แผนการใช้จ่าย', due: '2022-10-31' }],
    entries: {
      PALAD: [{ key: 'IIT-01', status: 'done', result6: 'ทำแล้ว', evidenceUrl: 'https://example.org/a' }],
      FIN: [{ key: 'OIT-01' }, { key: 'MS-01', due: '2022-10-31' }],
    },
  });
}

/** Sets one cell of a tab by header, on data row `row` (1 = first data row). */
function setCell(s: WorkbookSnapshot, tab: string, header: string, row: number, value: Cell): WorkbookSnapshot {
  const values = s.tabs[tab];
  const col = values[0].indexOf(header);
  if (col < 0) throw new Error(`no header ${header} in ${tab}`);
  while (values.length <= row) values.push(values[0].map(() => null));
  values[row][col] = value;
  return s;
}

function setSetting(s: WorkbookSnapshot, key: string, value: Cell): WorkbookSnapshot {
  const values = s.tabs[SETTINGS_TAB.name];
  const row = values.findIndex((r) => r[0] === key);
  values[row][2] = value;
  return s;
}

const only = (ps: Problem[]) => ps.map((p) => `${p.severity} ${p.tab}!${p.cell} ${p.code}`);

test('the good workbook has no problems', () => {
  expect(validateWorkbook(good())).toEqual([]);
});

// Each case: one bad input, the problem it must produce (severity, tab!cell, code), and a word of the message.
const M = MEASURES_TAB.name;
const DV = DIVISIONS_TAB.name;
const MS = MILESTONES_TAB.name;
const ST = SETTINGS_TAB.name;
const cases: Array<[string, (s: WorkbookSnapshot) => WorkbookSnapshot, string, string]> = [
  [
    'missing required issue',
    (s) => setCell(s, M, 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', 1, ''),
    `error ${M}!C2 required`,
    'ยังไม่ได้กรอก',
  ],
  [
    'duplicate measure id',
    (s) => setCell(s, M, 'รหัสมาตรการ', 1, 'OIT-01'),
    `error ${M}!A3 duplicate-id`,
    'ซ้ำกับเซลล์ A2',
  ],
  ['malformed measure id', (s) => setCell(s, M, 'รหัสมาตรการ', 1, 'IIT 01!'), `error ${M}!A2 bad-id`, 'IIT-01'],
  ['unknown area', (s) => setCell(s, M, 'ด้าน', 1, 'XIT'), `error ${M}!B2 bad-area`, 'IIT, EIT หรือ OIT'],
  ['unknown status', (s) => setCell(s, 'สำนักปลัด', 'สถานะ', 1, 'เสร็จ'), `error สำนักปลัด!F2 bad-status`, 'ดำเนินการแล้ว'],
  [
    'responsible division unknown',
    (s) => setCell(s, M, 'ผู้รับผิดชอบ', 1, 'กองช่าง'),
    `error ${M}!E2 unknown-division`,
    'กองช่าง',
  ],
  ['invalid e-mail', (s) => setCell(s, DV, 'อีเมลรับแจ้งเตือน', 1, 'palad@'), `error ${DV}!D2 bad-email`, 'palad@'],
  [
    'evidence not http(s)',
    (s) => setCell(s, 'สำนักปลัด', 'ลิงก์หลักฐาน', 1, 'ftp://x.org/a'),
    `error สำนักปลัด!I2 bad-url`,
    'https://',
  ],
  [
    'done with no result',
    (s) => setCell(s, 'สำนักปลัด', 'ผลการดำเนินการ รอบ ๖ เดือน', 1, ''),
    `error สำนักปลัด!G2 done-without-result`,
    'รอบ ๖ เดือน',
  ],
  [
    'due date outside the fiscal year',
    (s) => setCell(s, MS, 'วันที่ครบกำหนด', 1, d('2024-01-15')),
    `warning ${MS}!E2 date-outside-fy`,
    '2566',
  ],
  [
    'BE year typed in a date cell',
    (s) => setCell(s, MS, 'วันที่ครบกำหนด', 1, d('2566-03-31')),
    `error ${MS}!E2 be-year`,
    '2023-03-31',
  ],
  [
    'BE year typed as text',
    (s) => setCell(s, MS, 'วันที่ครบกำหนด', 1, '31/3/2566'),
    `error ${MS}!E2 be-year`,
    '2023-03-31',
  ],
  [
    'Thai digits in a date',
    (s) => setCell(s, MS, 'วันที่ครบกำหนด', 1, '๓๑/๓/2023'),
    `error ${MS}!E2 thai-digits`,
    'เลขอารบิก',
  ],
  ['Thai digits in a number', (s) => setCell(s, M, 'ลำดับ', 1, '๑'), `error ${M}!G2 thai-digits`, 'เลขอารบิก'],
  ['not a date', (s) => setCell(s, MS, 'วันที่ครบกำหนด', 1, 'สิ้นเดือน'), `error ${MS}!E2 bad-date`, 'สิ้นเดือน'],
  [
    'text that looks like a formula',
    (s) => setCell(s, M, 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', 1, '=HYPERLINK("x")'),
    `warning ${M}!C2 formula-text`,
    'สูตร',
  ],
  [
    'cell over the Sheets limit',
    (s) => setCell(s, 'สำนักปลัด', 'ผลการดำเนินการ รอบ ๖ เดือน', 1, 'ก'.repeat(50_001)),
    `error สำนักปลัด!G2 too-long`,
    '32767',
  ],
  [
    'milestone for an unknown measure',
    (s) => setCell(s, MS, 'รหัสมาตรการ', 1, 'OIT-99'),
    `error ${MS}!B2 unknown-measure`,
    'OIT-99',
  ],
  [
    'division with no notify e-mail',
    (s) => setCell(s, DV, 'อีเมลรับแจ้งเตือน', 2, ''),
    `warning ${DV}!D3 no-notify-email`,
    'กองคลัง',
  ],
  ['duplicate division code', (s) => setCell(s, DV, 'รหัสหน่วยงาน', 2, 'palad'), `error ${DV}!A3 duplicate-id`, 'ซ้ำ'],
  ['fiscal year typed in CE', (s) => setSetting(s, 'fiscalYear', 2023), `error ${ST}!C5 fiscal-year-ce`, '2566'],
  ['round not 6 or 12', (s) => setSetting(s, 'currentRound', 9), `error ${ST}!C6 bad-round`, '6 หรือ 12'],
  ['missing agency name', (s) => setSetting(s, 'agencyName', ''), `error ${ST}!C2 required`, 'ชื่อหน่วยงาน'],
  [
    'bad executive e-mail',
    (s) => setSetting(s, 'executives', 'mayor at example.org'),
    `error ${ST}!C10 bad-email`,
    'mayor at',
  ],
  ['bad numerals setting', (s) => setSetting(s, 'numerals', 'โรมัน'), `error ${ST}!C14 bad-numerals`, 'เลขไทย'],
  ['not a weekday', (s) => setSetting(s, 'divisionDigestDay', 'ทุกวัน'), `error ${ST}!C19 bad-weekday`, 'จันทร์'],
  [
    'the executives on a Sunday',
    (s) => setSetting(s, 'executiveSummaryDay', 'วันอาทิตย์'),
    `error ${ST}!C21 weekend-weekday`,
    'จันทร์ถึงศุกร์',
  ],
  ['due-soon days out of range', (s) => setSetting(s, 'dueSoonDays', 30), `error ${ST}!C20 due-soon-range`, '1 ถึง 14'],
  [
    'a holiday that is not a date',
    (s) => {
      s.tabs[HOLIDAYS_TAB.name] = [headersOf(HOLIDAYS_TAB), [d('2023-04-13'), 'วันสงกรานต์'], ['หลังสงกรานต์', 'หยุด']];
      return s;
    },
    `error ${HOLIDAYS_TAB.name}!A3 bad-date`,
    'หลังสงกรานต์',
  ],
  [
    'unknown milestone division',
    (s) => setCell(s, MS, 'หน่วยงาน (ว่าง = ทุกหน่วยงานที่รับผิดชอบ)', 1, 'กองไม่มี'),
    `error ${MS}!C2 unknown-division`,
    'กองไม่มี',
  ],
  [
    'a division named like a fixed tab',
    (s) =>
      setCell(
        setCell(setCell(s, DV, 'รหัสหน่วยงาน', 4, 'X'), DV, 'อีเมลรับแจ้งเตือน', 4, 'x@example.org'),
        DV,
        'ชื่อหน่วยงาน',
        4,
        'มาตรการ',
      ),
    `error ${DV}!B5 reserved-tab-name`,
    'ซ้ำกับชื่อแท็บของระบบ',
  ],
  [
    'a division name Excel cannot use as a tab',
    (s) => setCell(s, DV, 'ชื่อหน่วยงาน', 3, 'กองสาธารณสุขและสิ่งแวดล้อมและการพัฒนาชุมชน'),
    `warning ${DV}!B4 excel-tab-name`,
    '31',
  ],
  [
    'duplicate entry key in a division tab',
    (s) => setCell(s, 'กองคลัง', 'รหัสรายการ', 2, 'OIT-01'),
    `error กองคลัง!A3 duplicate-id`,
    'OIT-01',
  ],
];

describe.each(cases)('%s', (_name, mutate, expected, word) => {
  test('is reported at its cell, and nothing else is', () => {
    const problems = validateWorkbook(mutate(good()));
    expect(only(problems)).toEqual([expected]);
    expect(problems[0].message).toContain(word);
    expect(hasErrors(problems)).toBe(expected.startsWith('error'));
  });
});

test('a missing tab and a missing header are errors naming them', () => {
  const s = good();
  delete s.tabs[M];
  s.tabs[DV][0][1] = 'ชื่อ';
  const problems = validateWorkbook(s);
  expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['missing-tab', 'missing-header']));
  expect(problems.find((p) => p.code === 'missing-tab')?.message).toContain('"มาตรการ"');
  expect(problems.find((p) => p.code === 'missing-header')?.message).toContain('"ชื่อหน่วยงาน"');
});

test('columns are found by header, so a moved column validates the same', () => {
  const s = good();
  for (const row of s.tabs[M]) row.reverse();
  expect(validateWorkbook(s)).toEqual([]);
  setCell(s, M, 'ด้าน', 1, 'XIT');
  expect(only(validateWorkbook(s))).toEqual([`error ${M}!G2 bad-area`]);
});

test('list lines that start with "- " are not taken for formulas', () => {
  const s = setCell(good(), M, 'ขั้นตอนหรือวิธีการ/มาตรการ', 1, '- จัดทำแผน\n- เผยแพร่');
  expect(validateWorkbook(s)).toEqual([]);
});
