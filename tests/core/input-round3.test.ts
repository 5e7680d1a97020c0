// Careless input, round 3 (issue 26, classes 8 and 9): what the tracker used to accept, misread or pass on.
import { type Cell, cellText } from '../../src/core/cells';
import { documentParagraphs } from '../../src/core/document';
import { buildMemo } from '../../src/core/memo';
import { INPUT } from '../../src/core/messages/input-safety';
import { ITA_V, MEMO } from '../../src/core/messages/plan';
import { SYNC } from '../../src/core/messages/sync';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { V } from '../../src/core/messages/validation';
import { YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { planReminders } from '../../src/core/reminders';
import { buildReport, reportDocument, reportParagraphs } from '../../src/core/report';
import { renderReportHtml } from '../../src/core/report-html';
import {
  ARCHIVE_TAB,
  DIVISIONS_TAB,
  EXCEL_TAB_NAME_MAX,
  fitsExcelTabName,
  ITA_RESULTS_TAB,
  MEASURES_TAB,
  REPORTS_TAB,
} from '../../src/core/schema';
import { planSync, syncSnapshot } from '../../src/core/sync';
import { unsavableTabs } from '../../src/core/sync-blockers';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { closeRound, reopenRound } from '../../src/core/year-cycle';
import { division, measure, miniWorkbook } from '../support/workbook';

const NOW = new Date(Date.UTC(2023, 2, 1, 9, 0));

const rowsOf = (s: WorkbookSnapshot, tab: string): Record<string, Cell>[] => {
  const [header, ...rows] = s.tabs[tab] ?? [[]];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
};

const base = () =>
  miniWorkbook({
    divisions: [division('PALAD', 'สำนักปลัด'), division('FIN', 'กองคลัง')],
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง'])],
  });

describe('class 9: a division row key typed in another letter case is the same row', () => {
  test('sync keeps the typed result under the measure id, archives nothing; the report prints it', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    const fin = snapshot.tabs.กองคลัง;
    const col = (h: string) => fin[0].indexOf(h);
    fin[1][col(HEADER.entryKey)] = 'eit-01';
    fin[1][col(HEADER.status)] = 'ดำเนินการแล้ว';
    fin[1][col(HEADER.result6)] = 'กองคลังจัดทำแผนแล้ว';
    // before sync the report already reads it as EIT-01's row
    const before = reportParagraphs(buildReport(parseWorkbook(snapshot).tracker, 6).model).join('\n');
    expect(before).toContain('กองคลังจัดทำแผนแล้ว');
    ({ snapshot } = syncSnapshot(snapshot, NOW));
    expect(rowsOf(snapshot, ARCHIVE_TAB.name)).toEqual([]);
    expect(rowsOf(snapshot, 'กองคลัง').map((r) => [r[HEADER.entryKey], cellText(r[HEADER.result6])])).toEqual([
      ['EIT-01', 'กองคลังจัดทำแผนแล้ว'],
    ]);
    const after = reportParagraphs(buildReport(parseWorkbook(snapshot).tracker, 6).model).join('\n');
    expect(after).toContain('กองคลังจัดทำแผนแล้ว');
  });

  test('two rows whose keys differ only in case are one key twice: the second is archived as a duplicate', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    const fin = snapshot.tabs.กองคลัง;
    const copy = [...fin[1]];
    copy[fin[0].indexOf(HEADER.entryKey)] = 'Eit-01';
    fin.push(copy);
    ({ snapshot } = syncSnapshot(snapshot, NOW));
    expect(rowsOf(snapshot, ARCHIVE_TAB.name).map((r) => [r[HEADER.archivedKey], r[HEADER.archivedReason]])).toEqual([
      ['Eit-01', SYNC.archiveDuplicate('Eit-01')],
    ]);
    expect(rowsOf(snapshot, 'กองคลัง')).toHaveLength(1);
  });
});

describe('class 9: a notify cell with no address', () => {
  const book = (notify: string[]) =>
    miniWorkbook({
      settings: { admins: 'admin@example.org', executives: '' },
      divisions: [division('FINANCE', 'กองคลัง', { notifyEmails: notify })],
      measures: [measure('EIT-01', 'EIT', ['กองคลัง'])],
      entries: { FINANCE: [{ key: 'EIT-01', area: 'EIT', issue: 'ก', task: 'ข', due: '2023-03-31' }] },
    });
  const plan = (s: WorkbookSnapshot) =>
    planReminders({
      today: '2023-04-20',
      tracker: parseWorkbook(s).tracker,
      log: [],
      links: { divisionTabUrl: () => '' },
    });

  test('blank: the digest goes to the admins and the run says so, naming the cell', () => {
    const p = plan(book([]));
    // the division's digest (the admins' own ITA calendar goes to them too, issue 23)
    expect(p.queue.filter((d) => d.kind === 'division').map((d) => d.to)).toEqual([['admin@example.org']]);
    expect(p.unaddressed).toEqual([INPUT.sentToAdmins('กองคลัง', 'หน่วยงาน!D2', '')]);
    expect(p.unaddressed[0]).toContain('ผู้ดูแลระบบแทน');
  });

  test('words only: the same, quoting what the cell holds; validate says where the digest will go', () => {
    expect(plan(book(['ผอ. กองคลัง'])).unaddressed).toEqual([INPUT.sentToAdmins('กองคลัง', 'หน่วยงาน!D2', 'ผอ. กองคลัง')]);
    expect(validateWorkbook(book([])).find((x) => x.code === 'no-notify-email')?.message).toContain('ผู้ดูแลระบบแทน');
  });

  test('an address: nothing said', () => {
    expect(plan(book(['finance@example.org'])).unaddressed).toEqual([]);
  });
});

describe('class 9: cells that are not data', () => {
  const result = (value: Cell) => {
    const { snapshot } = syncSnapshot(base(), NOW);
    const fin = snapshot.tabs.กองคลัง;
    fin[1][fin[0].indexOf(HEADER.status)] = 'ดำเนินการแล้ว';
    fin[1][fin[0].indexOf(HEADER.result6)] = value;
    return snapshot;
  };
  const at = (s: WorkbookSnapshot, code: string) =>
    validateWorkbook(s)
      .filter((p) => p.code === code)
      .map((p) => [p.severity, p.tab, p.cell]);

  test('an error value (#N/A) is an error at its cell, whatever the column, and no other rule reads it', () => {
    for (const v of ['#N/A', '#REF!', '#value!', ' #DIV/0! ', '#NAME?'])
      expect(at(result(v), 'error-value')).toEqual([['error', 'กองคลัง', 'G2']]);
    expect(validateWorkbook(result('#N/A')).find((p) => p.code === 'error-value')?.message).toBe(V.errorValue('#N/A'));
    const s = base();
    s.tabs[MEASURES_TAB.name][1][MEASURES_TAB.columns.findIndex((c) => c.key === 'area')] = '#N/A';
    expect(at(s, 'error-value')).toEqual([['error', MEASURES_TAB.name, 'B2']]);
    // text that only mentions one is text
    expect(at(result('ตาราง #N/A ถูกแก้แล้ว'), 'error-value')).toEqual([]);
  });

  test('control characters: a warning at the cell; report.html and every document drop them', () => {
    const s = result('จัดทำแผน\u0007แล้ว\u001B[31m');
    expect(at(s, 'control-chars')).toEqual([['warning', 'กองคลัง', 'G2']]);
    const model = buildReport(parseWorkbook(s).tracker, 6).model;
    const html = renderReportHtml(model);
    // (จัดทำ is a kept compound: a no-break span)
    expect(html.replace(/<\/?span[^>]*>/g, '')).toContain('จัดทำแผนแล้ว[31m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not be there
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    // the document model every writer (.docx, Google Doc, HTML) renders
    const docText = documentParagraphs(reportDocument(model)).join('\n');
    expect(docText).toContain('จัดทำแผนแล้ว[31m');
    expect(docText).not.toContain('\u0007');
    expect(docText).not.toContain('\u001B');
    // line breaks and tabs are text, not controls
    expect(at(result('บรรทัด ๑\nบรรทัด ๒\tต่อ'), 'control-chars')).toEqual([]);
  });

  test("a cell over Excel's 32,767 characters is an error at its cell; 32,767 is not", () => {
    expect(at(result('ก'.repeat(32_768)), 'too-long')).toEqual([['error', 'กองคลัง', 'G2']]);
    expect(validateWorkbook(result('ก'.repeat(32_768))).find((p) => p.code === 'too-long')?.message).toBe(
      V.tooLong(32_768, 32_767),
    );
    expect(at(result('ก'.repeat(32_767)), 'too-long')).toEqual([]);
  });
});

describe('class 8: rules that let bad input through', () => {
  test('a reopen reason of zero-width characters (or no-break spaces) is no reason', () => {
    const seed = templateSnapshot({ example: true });
    const closed = closeRound(seed, { now: NOW, by: 'admin@example.org' });
    if (!closed.ok) throw new Error(closed.message);
    for (const why of ['\u200B\u200B', '\u00A0 \u200D', '\uFEFF'])
      expect(reopenRound(closed.snapshot, { now: NOW, by: 'admin@example.org' }, 6, why)).toEqual({
        ok: false,
        message: YEAR_CYCLE.reasonRequired,
      });
    expect(reopenRound(closed.snapshot, { now: NOW, by: 'admin@example.org' }, 6, '\u200Bแก้ผลกองคลัง').ok).toBe(true);
  });

  test('a pass mark of 85.5 (or ๘๕.๕) is a score: no problem, and the plan uses it', () => {
    for (const mark of [85.5, '85.5', '๘๕.๕']) {
      const s = miniWorkbook({
        settings: { itaPassMark: mark },
        divisions: [division('FIN', 'กองคลัง')],
        measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
      });
      expect(validateWorkbook(s).filter((p) => p.tab === 'ตั้งค่า')).toEqual([]);
      expect(parseWorkbook(s).tracker.settings.itaPassMark).toBe(85.5);
    }
    const bad = miniWorkbook({
      settings: { itaPassMark: '85,5,1' },
      divisions: [division('FIN', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
    });
    expect(
      validateWorkbook(bad)
        .filter((p) => p.tab === 'ตั้งค่า')
        .map((p) => p.code),
    ).toEqual(['bad-score']);
  });

  test('two overall score rows, or two scores of one tool, for one year are flagged at the second', () => {
    const s = templateSnapshot({ example: true });
    const tab = s.tabs[ITA_RESULTS_TAB.name];
    tab.push([2565, null, null, 'คะแนนรวม (พิมพ์ซ้ำ)', 70, null]);
    tab.push([2565, 'EIT', null, 'คะแนน EIT', 80, null]);
    tab.push([2565, 'EIT', null, 'คะแนน EIT อีกแถว', 81, null]);
    tab.push([2564, null, null, 'คะแนนรวม ปี 2564', 82, null]); // another year: not a repeat
    const rows = tab.length;
    const found = validateWorkbook(s)
      .filter((p) => p.code === 'duplicate-indicator')
      .map((p) => [p.cell, p.message]);
    const overallFirst = tab.findIndex((r) => r[0] === 2565 && r[1] === null) + 1;
    expect(found).toEqual([
      [`A${rows - 3}`, ITA_V.duplicateOverall('2565', `A${overallFirst}`)],
      [`B${rows - 1}`, ITA_V.duplicateTool('2565', 'EIT', `B${rows - 2}`)],
    ]);
  });

  test('a javascript: link in the register reaches no memo: the memo says the document is attached', () => {
    const s = templateSnapshot({ example: true });
    const header = REPORTS_TAB.columns.map((c) => c.header);
    const row: Cell[] = header.map(() => null);
    const put = (key: string, v: Cell) => {
      row[REPORTS_TAB.columns.findIndex((c) => c.key === key)] = v;
    };
    put('fiscalYear', 2566);
    put('round', 6);
    put('publishedUrl', 'javascript:alert(1)');
    put('docUrl', 'JAVASCRIPT:alert(2)');
    put('memoUrl', 'data:text/html,<b>x</b>');
    s.tabs[REPORTS_TAB.name] = [header, row];
    const [record] = parseWorkbook(s).tracker.reports;
    expect([record.publishedUrl, record.docUrl, record.memoUrl]).toEqual(['', '', '']);
    const tracker = parseWorkbook(s).tracker;
    const memo = (link: string) =>
      documentParagraphs(buildMemo(tracker, { subject: { kind: 'report', round: 6 }, date: '2023-04-20', link }));
    // even a caller that passes one along does not get it printed
    const text = memo('javascript:alert(1)').join('\n');
    expect(text).not.toContain('javascript');
    expect(text).toContain(MEMO.noLink);
    expect(memo('https://docs.google.com/document/d/x/pub').join('\n')).toContain(
      MEMO.link('https://docs.google.com/document/d/x/pub'),
    );
  });

  test('sync refuses (dry run and real alike) a tab name the .xlsx cannot save, at the division name cell', () => {
    const { snapshot } = syncSnapshot(base(), NOW);
    const long = 'กองคลังและงานพัสดุและงานจัดเก็บรายได้ของเทศบาล'; // over Excel's 31 characters
    const dt = snapshot.tabs[DIVISIONS_TAB.name];
    dt[2][DIVISIONS_TAB.columns.findIndex((c) => c.key === 'divisionName')] = long;
    const em = snapshot.tabs[MEASURES_TAB.name];
    const resp = MEASURES_TAB.columns.findIndex((c) => c.key === 'responsible');
    for (const r of em.slice(1)) r[resp] = cellText(r[resp]).replace('กองคลัง', long);
    const parsed = parseWorkbook(snapshot);
    const plan = planSync(parsed, snapshot, NOW);
    expect(plan.tabs.find((t) => t.divisionCode === 'FIN')?.renamedFrom).toBe('กองคลัง');
    expect(unsavableTabs(plan, parsed, snapshot, fitsExcelTabName, EXCEL_TAB_NAME_MAX)).toEqual([
      expect.objectContaining({ tab: DIVISIONS_TAB.name, cell: 'B3', message: SYNC.unsavableTab(long, 31) }),
    ]);
    // a name equal to another tab but for letter case cannot be saved either (Excel ignores case)
    const s2 = syncSnapshot(base(), NOW).snapshot;
    s2.tabs.Finance = [['x']];
    const dt2 = s2.tabs[DIVISIONS_TAB.name];
    dt2[2][DIVISIONS_TAB.columns.findIndex((c) => c.key === 'divisionName')] = 'FINANCE';
    for (const r of s2.tabs[MEASURES_TAB.name].slice(1)) r[resp] = cellText(r[resp]).replace('กองคลัง', 'FINANCE');
    const p2 = parseWorkbook(s2);
    expect(unsavableTabs(planSync(p2, s2, NOW), p2, s2, fitsExcelTabName, EXCEL_TAB_NAME_MAX)).toHaveLength(1);
    // nothing wrong: nothing said
    const ok = syncSnapshot(base(), NOW).snapshot;
    const p3 = parseWorkbook(ok);
    expect(unsavableTabs(planSync(p3, ok, NOW), p3, ok, fitsExcelTabName, EXCEL_TAB_NAME_MAX)).toEqual([]);
  });
});
