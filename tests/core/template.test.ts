// The template workbook (sheets-template/): CSVs against the schema, the manifest, what a tracker
// parsed from it holds, its agreement with the importer on the seed, and the CSV reader/writer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseCsv, stringifyCsv } from '../../src/core/csv';
import { importReport } from '../../src/core/importer';
import { STATUS_LABEL } from '../../src/core/messages/tabs-headers';
import { divisionTab, FIXED_TABS, headersOf, SETTINGS } from '../../src/core/schema';
import { syncSnapshot } from '../../src/core/sync';
import { TEMPLATE_FILES, TEMPLATE_MANIFEST, templateSnapshot, typedCell } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook } from '../../src/core/workbook';

const DIR = join(__dirname, '../../sheets-template');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const SEED = read('ita-measures-report-2566-round6.txt');

/** The extraction glitches fixed in the template, exactly as sheets-template/README.md lists them. */
const FIXES: [string, string][] = [
  ['การใ้ จ่าย', 'การใช้ จ่าย'],
  ['การใ้จ่าย', 'การใช้จ่าย'],
  ['ดำเนินการใ้ เจ้าหน้าที่', 'ดำเนินการให้ เจ้าหน้าที่'],
  ['ดำเนินการใ้แล้วเสร็จ', 'ดำเนินการให้แล้วเสร็จ'],
  ['รายงานใ้ผู้บริหาร', 'รายงานให้ผู้บริหาร'],
  // sara am split into nikhahit + sara aa (validation warns at any cell that has it: thai-text.ts)
  ['สํารวจ', 'สำรวจ'],
];
const fix = (s: string) => FIXES.reduce((t, [from, to]) => t.split(from).join(to), s);

const csvFiles = readdirSync(DIR).filter((f) => f.endsWith('.csv'));

describe('sheets-template CSVs', () => {
  test('the manifest lists every fixed tab in setup order, then one tab per division of divisions.csv', () => {
    const divisionRows = parseCsv(read('divisions.csv')).slice(1);
    expect(TEMPLATE_MANIFEST.map((t) => t.name)).toEqual([
      ...FIXED_TABS.map((t) => t.name),
      ...divisionRows.map((r) => r[1]),
    ]);
    expect(TEMPLATE_MANIFEST.filter((t) => t.division).map((t) => t.division)).toEqual(divisionRows.map((r) => r[0]));
    // the dashboard is written by code: no CSV
    expect(TEMPLATE_MANIFEST.find((t) => t.name === 'แดชบอร์ด')?.file).toBeNull();
  });

  test('every CSV in the folder is in the manifest and bundled, and the other way round; file names are ASCII', () => {
    const listed = TEMPLATE_MANIFEST.map((t) => t.file).filter((f): f is string => f !== null);
    expect([...listed].sort()).toEqual([...csvFiles].sort());
    expect(Object.keys(TEMPLATE_FILES).sort()).toEqual([...csvFiles].sort());
    for (const f of csvFiles) {
      expect(f).toMatch(/^[a-z0-9.-]+\.csv$|^division-[A-Z0-9_]+\.csv$/);
      expect(TEMPLATE_FILES[f]).toBe(read(f));
    }
  });

  test.each(TEMPLATE_MANIFEST.filter((t) => t.file !== null).map((t) => [t.file as string, t] as const))(
    '%s: header row is exactly the schema headers, every row has as many fields',
    (file, tab) => {
      const spec = tab.division ? divisionTab(tab.name) : FIXED_TABS.find((t) => t.name === tab.name)!;
      const text = read(file);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\uFFFD');
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(headersOf(spec));
      for (const r of rows) expect(r).toHaveLength(spec.columns.length);
    },
  );

  test('settings.csv has one row per setting in schema order, labels and help from the schema', () => {
    const rows = parseCsv(read('settings.csv')).slice(1);
    expect(rows.map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key));
    expect(rows.map((r) => [r[1], r[3]])).toEqual(SETTINGS.map((s) => [s.label, s.help]));
  });

  test('no text in the template keeps the "ใ้" glitch or the ปทุมใหญ่ title glitch', () => {
    for (const f of csvFiles) {
      expect(read(f)).not.toMatch(/[เแโใไ][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
      expect(read(f)).not.toContain('ปทุมใหญ่');
    }
  });
});

describe('the template as a workbook', () => {
  const snapshot = templateSnapshot({ example: true });
  const { tracker } = parseWorkbook(snapshot);

  test('settings: the seed agency, FY 2566 round 6, due dates, role addresses, defaults for the rest', () => {
    expect(tracker.settings).toEqual({
      agencyName: 'เทศบาลตำบลปรุใหญ่',
      district: 'อำเภอเมืองนครราชสีมา',
      province: 'จังหวัดนครราชสีมา',
      fiscalYear: 2566,
      currentRound: 6,
      roundDue: { 6: '2023-03-31', 12: '2023-09-30' },
      admins: ['ita-admin@example.org'],
      executives: ['mayor@example.org', 'deputy-mayor@example.org'],
      executivesLine: '',
      reminderOffsets: [14, 7, 1],
      overdueRepeatDays: 7,
      escalateAfterDays: 7,
      numerals: 'thai',
      reportFont: 'Sarabun',
      reportFontSize: 16,
      reportFolderId: '',
      itaItemCodes: '',
      itaFramework: '',
      itaCalendarDates: '',
      divisionDigestDay: 1,
      dueSoonDays: 7,
      executiveSummaryDay: 1,
      itaPassMark: 85,
      executiveTitle: 'นายกเทศมนตรีตำบลปรุใหญ่',
      memoUnit: 'สำนักปลัด เทศบาลตำบลปรุใหญ่ โทร. ๐ ๔๔๐๐ ๐๐๐๐',
      memoNumberPrefix: 'นม ๕๒๒๐๑/',
      proposerName: '(นางสาวตัวอย่าง ทดลองใช้)',
      proposerPosition: 'ปลัดเทศบาลตำบลปรุใหญ่',
      garudaImageId: '',
      publishAfterApproval: false,
      planAnalysis: true,
      executiveName: '(นายตัวอย่าง ทดลองใช้)',
      planClosing: 'signature',
      pageNumbers: 'top-center',
      // the example says it is one: every document it builds is marked ตัวอย่าง — ไม่ใช่ข้อมูลจริง
      sampleData: true,
    });
  });

  test("holidays: FY 2566's announced list, lunar, substitute and special days included", () => {
    const dates = tracker.holidays.map((h) => h.date);
    expect(dates).toHaveLength(28);
    expect(dates.every((x) => x >= '2022-10-01' && x <= '2023-09-30')).toBe(true);
    expect(tracker.holidays.filter((h) => /บูชา|เข้าพรรษา/.test(h.name)).map((h) => h.date)).toEqual([
      '2023-03-06',
      '2023-06-03',
      '2023-08-01',
      '2023-08-02',
    ]);
    expect(tracker.holidays.filter((h) => h.name === 'วันหยุดชดเชย')).toHaveLength(6);
    expect(dates).toEqual(expect.arrayContaining(['2023-04-17', '2023-05-05', '2023-07-31', '2022-10-14']));
  });

  test('an empty tracker for an announced fiscal year (2569) starts with its fixed-date holidays (FY 2570: tests/core/holidays-2570.test.ts)', () => {
    const empty = parseWorkbook(templateSnapshot({ example: false, fiscalYear: 2569 })).tracker;
    expect(empty.holidays.map((h) => h.date)).toEqual([
      '2025-10-13',
      '2025-10-23',
      '2025-12-05',
      '2025-12-10',
      '2025-12-31',
      '2026-01-01',
      '2026-04-06',
      '2026-04-13',
      '2026-04-14',
      '2026-04-15',
      '2026-05-04',
      '2026-06-03',
      '2026-07-28',
      '2026-08-12',
    ]);
    expect(empty.holidays[0].name).toBe('วันนวมินทรมหาราช');
    expect(parseWorkbook(templateSnapshot({ example: false })).tracker.holidays).toEqual([]);
  });

  test('the example passes validation with no problem at all', () => {
    expect(validateWorkbook(snapshot)).toEqual([]);
  });

  test('cells are typed as the adapters give them: dates as wall-clock-as-UTC Dates, numbers as numbers', () => {
    const settings = snapshot.tabs.ตั้งค่า;
    const value = (key: string) => settings.find((r) => r[0] === key)?.[2];
    expect(value('round6Due')).toEqual(new Date(Date.UTC(2023, 2, 31)));
    expect(value('fiscalYear')).toBe(2566);
    expect(value('currentRound')).toBe(6);
    expect(value('reminderOffsets')).toBe('14, 7, 1');
    expect(value('reportFolderId')).toBeNull();
    expect(snapshot.tabs.กำหนดการ[1][4]).toEqual(new Date(Date.UTC(2022, 9, 31)));
    expect(snapshot.tabs.มาตรการ[1][6]).toBe(1);
    expect(typedCell('2023-03-31 14:05', 'datetime')).toEqual(new Date(Date.UTC(2023, 2, 31, 14, 5)));
    expect(typedCell('31/3/2566', 'date')).toBe('31/3/2566');
  });

  test('5 divisions with ASCII codes and role e-mails on example.org', () => {
    expect(tracker.divisions.map((d) => [d.code, d.name, d.notifyEmails])).toEqual([
      ['PALAD', 'สำนักปลัด', ['palad@example.org']],
      ['FINANCE', 'กองคลัง', ['finance@example.org']],
      ['ENGINEERING', 'กองช่าง', ['engineering@example.org']],
      ['EDUCATION', 'กองการศึกษา', ['education@example.org']],
      ['HEALTH', 'กองสาธารณสุขและสิ่งแวดล้อม', ['health@example.org']],
    ]);
  });

  test('11 measures (IIT 3, EIT 3, OIT 5); responsible as the seed writes it, resolved to codes', () => {
    expect(tracker.measures.map((m) => m.id)).toEqual([
      'IIT-01',
      'IIT-02',
      'IIT-03',
      'EIT-01',
      'EIT-02',
      'EIT-03',
      'OIT-01',
      'OIT-02',
      'OIT-03',
      'OIT-04',
      'OIT-05',
    ]);
    const eit1 = tracker.measures.find((m) => m.id === 'EIT-01')!;
    expect(eit1.responsible).toEqual(['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุข']);
    expect(eit1.responsibleCodes).toEqual(['PALAD', 'FINANCE', 'ENGINEERING', 'EDUCATION', 'HEALTH']);
    const oit2 = tracker.measures.find((m) => m.id === 'OIT-02')!;
    expect([oit2.responsible, oit2.responsibleCodes]).toEqual([['กองสาธารณสุขฯ'], ['HEALTH']]);
  });

  test('the budget row reads with the glitch fixed: "ใ้" as ใช้ or ให้ by context', () => {
    const budget = tracker.measures.find((m) => m.id === 'OIT-03')!;
    expect(budget.monitoring).toEqual([
      '๑. เจ้าหน้าที่ผู้รับผิดชอบจัดทำแผนการใช้ จ่ายงบประมาณภายในเดือนตุลาคม ๒๕๖๕',
      '๒. เจ้าหน้าที่ผู้รับผิดชอบรายงานผลการใช้ จ่ายงบประมาณ รอบ ๖ เดือน ของ ปีงบประมาณ พ.ศ. ๒๕๖๖ ภายในเดือนเมษายน ๒๕๖๖',
      '๓. เจ้าหน้าที่ผู้รับผิดชอบรายงานการใช้จ่าย งบประมาณประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ภายในเดือนธันวาคม ๒๕๖๕',
      '๔. ผู้บริหารกำกับติดตามการดำเนินการให้ เจ้าหน้าที่ดำเนินการให้แล้วเสร็จภายในระยะเวลาที่ กำหนด',
    ]);
    const result = tracker.entries.find((e) => e.key === 'OIT-03')!;
    expect(result.result6).toBe(
      'กองคลังได้จัดทำแผนการใช้จ่ายงบประมาณ ประจำปี ๒๕๖๖ รวมทั้งจัดทำรายงานการใช้ จ่ายงบประมาณประจำปี ๒๕๖๕ และ รายงานให้ผู้บริหารได้รับทราบแล้ว',
    );
  });

  test('milestones for the dated phrases of the budget row, for กองคลัง', () => {
    expect(tracker.milestones.map((m) => [m.id, m.measureId, m.divisionCode, m.due])).toEqual([
      ['MS-01', 'OIT-03', 'FINANCE', '2022-10-31'],
      ['MS-02', 'OIT-03', 'FINANCE', '2023-04-30'],
      ['MS-03', 'OIT-03', 'FINANCE', '2022-12-31'],
    ]);
    expect(tracker.milestones[0].task).toBe('เจ้าหน้าที่ผู้รับผิดชอบจัดทำแผนการใช้ จ่ายงบประมาณภายในเดือนตุลาคม ๒๕๖๕');
  });

  test('template measures equal the importer output on the seed, but for the documented glitch fixes', () => {
    const imported = importReport(SEED, tracker.divisions);
    const fixed = imported.measures.map((m) => ({
      ...m,
      issue: fix(m.issue),
      steps: m.steps.map(fix),
      monitoring: m.monitoring.map(fix),
    }));
    // the example also names the ITA indicators each measure addresses (a report does not say)
    expect(tracker.measures.map((m) => ({ ...m, indicators: [] }))).toEqual(fixed);
    expect(tracker.measures.map((m) => m.indicators.join(','))).toEqual([
      '5',
      '4,5',
      '5',
      '6',
      '8',
      '8',
      '10',
      '9',
      '2,9',
      '10',
      '10',
    ]);
    // each fix is used, and the seed differs from the template only there
    for (const [from] of FIXES) expect(SEED).toContain(from);
    expect(JSON.stringify(imported.measures)).not.toEqual(JSON.stringify(tracker.measures));
  });

  test('division entries: one per responsible measure and milestone; result6 = the seed last column for the first responsible division', () => {
    const imported = importReport(SEED, tracker.divisions);
    for (const d of tracker.divisions) {
      const keys = tracker.entries.filter((e) => e.divisionCode === d.code).map((e) => e.key);
      const expected = tracker.measures
        .filter((m) => m.responsibleCodes.includes(d.code))
        .flatMap((m) => [
          m.id,
          ...tracker.milestones.filter((ms) => ms.measureId === m.id && ms.divisionCode === d.code).map((ms) => ms.id),
        ]);
      expect(keys).toEqual(expected);
    }
    const withResults = tracker.entries.filter((e) => e.result6 !== '');
    const byKey = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
    expect(withResults.map((e) => [e.key, e.divisionCode, e.result6]).sort(byKey)).toEqual(
      imported.results.map((r) => [r.measureId, r.divisionCode, fix(r.text)]).sort(byKey),
    );
    expect(withResults).toHaveLength(11);
    expect(withResults.every((e) => e.status === 'done' && e.evidenceUrl.startsWith('https://www.example.org/'))).toBe(
      true,
    );
    // EIT-01: only สำนักปลัด, its first responsible division, carries the result
    expect(
      tracker.entries.filter((e) => e.key === 'EIT-01').map((e) => [e.divisionCode, e.result6 !== '', e.status]),
    ).toEqual([
      ['PALAD', true, 'done'],
      ['FINANCE', false, 'not_started'],
      ['ENGINEERING', false, 'not_started'],
      ['EDUCATION', false, 'not_started'],
      ['HEALTH', false, 'not_started'],
    ]);
    expect(snapshot.tabs.กองคลัง.slice(1).map((r) => r[5])).toEqual([
      STATUS_LABEL.not_started,
      STATUS_LABEL.done,
      STATUS_LABEL.in_progress,
      STATUS_LABEL.in_progress,
      STATUS_LABEL.in_progress,
    ]);
  });

  test('the division tabs are what a sync would plan: syncing the template changes no entry', () => {
    const { snapshot: after, plan } = syncSnapshot(snapshot, new Date(Date.UTC(2023, 0, 1)));
    expect(plan.archive).toEqual([]);
    expect(plan.orphanTabs).toEqual([]);
    expect(parseWorkbook(after).tracker.entries).toEqual(tracker.entries);
  });

  test('without the example: headers and default settings only, no divisions, measures or division tabs', () => {
    const empty = templateSnapshot({ example: false });
    expect(Object.keys(empty.tabs)).toEqual(FIXED_TABS.map((t) => t.name));
    for (const t of FIXED_TABS) {
      if (t.key === 'settings') continue;
      expect(empty.tabs[t.name]).toEqual(t.columns.length ? [headersOf(t)] : []);
    }
    const parsed = parseWorkbook(empty).tracker;
    expect([parsed.divisions, parsed.measures, parsed.milestones, parsed.entries]).toEqual([[], [], [], []]);
    expect(parsed.settings.agencyName).toBe('');
    expect(parsed.settings.currentRound).toBe(6);
    expect(parsed.settings.reminderOffsets).toEqual([14, 7, 1]);
    expect(empty.tabs.ตั้งค่า.slice(1).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key));
  });
});

describe('csv.ts (RFC 4180)', () => {
  test('quotes, doubled quotes, commas and embedded line breaks', () => {
    const text = 'a,"b,c","say ""hi""","line1\r\nline2\nline3"\r\n,x,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b,c', 'say "hi"', 'line1\r\nline2\nline3'],
      ['', 'x', '', ''],
    ]);
  });

  test('a byte-order mark is dropped; CR, LF and CRLF all end a record; no final line break is fine', () => {
    expect(parseCsv('\uFEFFรหัส,ค่า\rk,v')).toEqual([
      ['รหัส', 'ค่า'],
      ['k', 'v'],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n')).toEqual([['']]);
  });

  test('an unterminated quote does not throw: the field runs to the end', () => {
    expect(parseCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });

  test('stringify quotes only what needs it, CRLF by default, LF or BOM on request', () => {
    expect(stringifyCsv([['a', 'b,c', 'x"y', 'l1\nl2', ' pad', '- ขั้นตอน']])).toBe(
      'a,"b,c","x""y","l1\nl2"," pad",- ขั้นตอน\r\n',
    );
    expect(stringifyCsv([['a'], ['b']], { eol: '\n', bom: true })).toBe('\uFEFFa\nb\n');
  });

  test('round trip: parse(stringify(rows)) gives the rows back, for any text', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ก', ',', '"', '\n', '\r', ' ', '๑', '-', '\uFEFF') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        fc.boolean(),
        (rows, lf) => {
          const text = stringifyCsv(rows, { eol: lf ? '\n' : '\r\n' });
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });
});
