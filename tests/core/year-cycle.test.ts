// Year over year in core: closing a round freezes what its report says, reopening is recorded, the next
// fiscal year starts in place without losing a typed value, and the public page shows only what is public.
import fc from 'fast-check';
import { type Cell, cellDate, cellText } from '../../src/core/cells';
import { closedRoundRows, trackerForRound } from '../../src/core/closed-rounds';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { formatProblem } from '../../src/core/messages/validation';
import { PUBLIC_PAGE, YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { publicPageData, publicPageHtml } from '../../src/core/public-page';
import { buildReport, reportParagraphs } from '../../src/core/report';
import { ARCHIVE_TAB, divisionOwnedColumns, MEASURES_TAB, REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import {
  closeRound,
  nextYearIso,
  reopenRound,
  reportBlockers,
  rollover,
  type YearCycleResult,
} from '../../src/core/year-cycle';
import { withRound12Results } from '../support/workbook';

const NOW = new Date(Date.UTC(2023, 3, 5, 9, 30));
const ADMIN = { now: NOW, by: 'ita-admin@example.org' };
const FINANCE = 'กองคลัง';
const ENGINEERING = 'กองช่าง';

const seed = (): WorkbookSnapshot => templateSnapshot({ example: true });

function ok(result: YearCycleResult): WorkbookSnapshot {
  if (!result.ok) throw new Error(result.message);
  return result.snapshot;
}

const rowsOf = (s: WorkbookSnapshot, tab: string): Record<string, Cell>[] => {
  const [header, ...rows] = s.tabs[tab] ?? [[]];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
};

/** Sets a division-tab cell of the row with that key, by header. */
function type(s: WorkbookSnapshot, tab: string, key: string, header: string, value: Cell): void {
  const values = s.tabs[tab];
  const row = values.find((r) => r[values[0].indexOf(HEADER.entryKey)] === key);
  if (!row) throw new Error(`${tab} has no ${key}`);
  row[values[0].indexOf(header)] = value;
}

const setting = (s: WorkbookSnapshot, key: string): Cell =>
  s.tabs[SETTINGS_TAB.name].find((r) => r[0] === key)?.[2] ?? null;

const round6Text = (s: WorkbookSnapshot): string[] => {
  const { tracker } = parseWorkbook(s);
  return reportParagraphs(buildReport(trackerForRound(s, tracker, 6).tracker, 6).model);
};

describe('closing a round', () => {
  test('the snapshot holds every division row; the current round moves to 12; closing again is refused', () => {
    const before = seed();
    const entries = parseWorkbook(before).tracker.entries;
    const result = closeRound(before, ADMIN);
    const after = ok(result);
    const rows = closedRoundRows(after, 2566, 6);
    expect(rows).toHaveLength(entries.length);
    const oit03 = rowsOf(after, TAB.roundSnapshot).find((r) => r[HEADER.entryKey] === 'OIT-03')!;
    expect(oit03[HEADER.divisionCode]).toBe('FINANCE');
    expect(oit03[HEADER.status]).toBe(STATUS_LABEL.done);
    expect(cellText(oit03[HEADER.snapshotResult])).toContain('กองคลังได้จัดทำแผนการใช้จ่ายงบประมาณ');
    expect(oit03[HEADER.closedBy]).toBe('ita-admin@example.org');
    expect(setting(after, 'currentRound')).toBe(12);
    expect(rowsOf(after, TAB.roundLog).map((r) => [r[HEADER.logAction], r[HEADER.loggedBy], r[HEADER.round]])).toEqual([
      [YEAR_CYCLE.logClose, 'ita-admin@example.org', 6],
    ]);
    expect(result.ok && result.changedTabs.sort()).toEqual([TAB.roundLog, TAB.roundSnapshot, TAB.settings].sort());
    const again = closeRound(after, ADMIN, 6);
    expect(again).toEqual({ ok: false, message: YEAR_CYCLE.alreadyClosed('2566', '6') });
  });

  test('a result changed after closing: the regenerated report is the closed text, and validate warns at the cell', () => {
    const closed = ok(closeRound(seed(), ADMIN));
    const published = round6Text(closed);
    type(closed, FINANCE, 'OIT-03', HEADER.result6, 'แก้ไขภายหลังปิดรอบ');
    type(closed, FINANCE, 'OIT-03', HEADER.status, STATUS_LABEL.in_progress);
    expect(round6Text(closed)).toEqual(published);
    expect(round6Text(closed).join('\n')).not.toContain('แก้ไขภายหลังปิดรอบ');
    // without the snapshot the report would have changed: the test above can fail
    const live = reportParagraphs(buildReport(parseWorkbook(closed).tracker, 6).model);
    expect(live.join('\n')).toContain('แก้ไขภายหลังปิดรอบ');

    const drift = validateWorkbook(closed).filter((p) => p.code === 'closed-round-changed');
    expect(drift.map((p) => [p.tab, p.cell, p.severity])).toEqual([
      [FINANCE, 'F3', 'warning'],
      [FINANCE, 'G3', 'warning'],
    ]);
    expect(drift[1].message).toContain('OIT-03');
  });

  test('a workbook with errors is not closed (and not touched)', () => {
    const broken = seed();
    delete broken.tabs[MEASURES_TAB.name];
    const result = closeRound(broken, ADMIN);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(YEAR_CYCLE.blockedByErrors(result.ok ? 0 : result.problems!.length));
  });
});

describe('reopening a round', () => {
  test('needs a reason; records who and why; the closed rows go to the archive; the report is live again', () => {
    const closed = ok(closeRound(seed(), ADMIN));
    const count = closedRoundRows(closed, 2566, 6).length;
    expect(reopenRound(closed, ADMIN, 6, '  ')).toEqual({ ok: false, message: YEAR_CYCLE.reasonRequired });
    expect(reopenRound(closed, ADMIN, 12, 'x')).toEqual({ ok: false, message: YEAR_CYCLE.notClosed('2566', '12') });

    const deputy = { now: new Date(Date.UTC(2023, 3, 10, 14, 0)), by: 'deputy@example.org' };
    const reopened = ok(reopenRound(closed, deputy, 6, 'กองคลังส่งผลไม่ครบ'));
    expect(closedRoundRows(reopened, 2566, 6)).toHaveLength(0);
    const log = rowsOf(reopened, TAB.roundLog);
    expect(log.map((r) => [r[HEADER.logAction], r[HEADER.loggedBy], r[HEADER.logReason]])).toEqual([
      [YEAR_CYCLE.logClose, 'ita-admin@example.org', null],
      [YEAR_CYCLE.logReopen, 'deputy@example.org', 'กองคลังส่งผลไม่ครบ'],
    ]);
    const archived = rowsOf(reopened, ARCHIVE_TAB.name);
    expect(archived).toHaveLength(count);
    expect(archived[0][HEADER.archivedReason]).toBe(YEAR_CYCLE.reopenArchiveReason(2566, 6, 'กองคลังส่งผลไม่ครบ'));
    expect(archived.some((r) => cellText(r[HEADER.archivedRow]).includes('กองคลังได้จัดทำแผน'))).toBe(true);
    expect(setting(reopened, 'currentRound')).toBe(6);

    type(reopened, FINANCE, 'OIT-03', HEADER.result6, 'ผลที่แก้ไขแล้ว');
    expect(round6Text(reopened).join('\n')).toContain('ผลที่แก้ไขแล้ว');
    // and it can be closed again, with the corrected text
    const again = ok(closeRound(reopened, ADMIN, 6));
    expect(round6Text(again).join('\n')).toContain('ผลที่แก้ไขแล้ว');
  });
});

describe('rollover to the next fiscal year', () => {
  /** The seed's year with both rounds closed: every row done in round 6 also reports for round 12. */
  const closedYear = (): WorkbookSnapshot => {
    const s = ok(closeRound(seed(), ADMIN, 6));
    for (const d of parseWorkbook(s).tracker.divisions) {
      const values = s.tabs[d.name];
      for (const r of values.slice(1))
        if (r[values[0].indexOf(HEADER.status)] === STATUS_LABEL.done)
          r[values[0].indexOf(HEADER.result12)] = `ผลรอบ ๑๒ เดือนของ ${d.name}`;
    }
    return ok(closeRound(s, ADMIN, 12));
  };

  test('refused while a round is open (untouched), unless forced', () => {
    const result = rollover(seed(), ADMIN);
    expect(result).toEqual({
      ok: false,
      message: YEAR_CYCLE.rolloverYearOpen(
        `${YEAR_CYCLE.yearOpen('2566', '12')} ${YEAR_CYCLE.openRoundWarning('2566', '6')}`,
      ),
      openRounds: [12],
    });
    expect(ok(rollover(seed(), ADMIN, { force: true })).tabs[SETTINGS_TAB.name]).toBeDefined();
  });

  test('2566 → 2567: every measure kept, results archived and cleared, dates a year on, validates with 0 errors', () => {
    const before = closedYear();
    const result = rollover(before, ADMIN, { year: 2567 });
    const after = ok(result);
    expect(after.tabs[MEASURES_TAB.name]).toEqual(before.tabs[MEASURES_TAB.name]);
    expect(after.tabs[REPORTS_TAB.name]).toEqual(before.tabs[REPORTS_TAB.name]);
    expect(after.tabs[TAB.emailLog]).toEqual(before.tabs[TAB.emailLog]);
    expect(after.tabs[TAB.roundSnapshot]).toEqual(before.tabs[TAB.roundSnapshot]);
    const { tracker } = parseWorkbook(after);
    expect(tracker.settings.fiscalYear).toBe(2567);
    expect(tracker.settings.currentRound).toBe(6);
    expect(tracker.settings.roundDue).toEqual({ 6: '2024-03-31', 12: '2024-09-30' });
    expect(tracker.milestones.map((m) => m.due)).toEqual(['2023-10-31', '2024-04-30', '2023-12-31']);
    expect(
      tracker.entries.every((e) => e.status === 'not_started' && !e.result6 && !e.result12 && !e.evidenceUrl),
    ).toBe(true);
    expect(rowsOf(after, FINANCE)[0][HEADER.status]).toBe(STATUS_LABEL.not_started);
    const archived = rowsOf(after, ARCHIVE_TAB.name);
    expect(archived).toHaveLength(parseWorkbook(before).tracker.entries.length);
    expect(archived.every((r) => r[HEADER.archivedReason] === YEAR_CYCLE.rolloverArchiveReason(2566, 2567))).toBe(true);
    expect(validateWorkbook(after).filter((p) => p.severity === 'error')).toEqual([]);
    // the year's history is in the log
    expect(rowsOf(after, TAB.roundLog).at(-1)?.[HEADER.logAction]).toBe(YEAR_CYCLE.logRollover);
  });

  test('rolling over to the same year twice changes nothing the second time; a year that is not the next is refused', () => {
    const once = ok(rollover(closedYear(), ADMIN, { year: 2567 }));
    const twice = rollover(once, ADMIN, { year: 2567 });
    expect(twice.ok && twice.changedTabs).toEqual([]);
    expect(twice.ok && twice.snapshot).toEqual(once);
    expect(twice.ok && twice.message).toBe(YEAR_CYCLE.rolloverAlready('2567'));
    expect(rollover(once, ADMIN, { year: 2570 })).toEqual({
      ok: false,
      message: YEAR_CYCLE.rolloverBadYear('2567', '2570'),
    });
  });

  test('29 February moves to 28 February; other dates keep their day', () => {
    expect(nextYearIso('2024-02-29')).toBe('2025-02-28');
    expect(nextYearIso('2023-02-28')).toBe('2024-02-28');
    expect(nextYearIso('2023-12-31')).toBe('2024-12-31');
    const s = closedYear();
    const ms = s.tabs[TAB.milestones];
    ms[1][ms[0].indexOf(HEADER.due)] = new Date(Date.UTC(2023, 1, 28));
    const leap = ok(rollover(s, ADMIN, { force: true }));
    const due = leap.tabs[TAB.milestones][1][ms[0].indexOf(HEADER.due)];
    expect(cellDate(due)).toBe('2024-02-28');
    // 2567's February has a 29th: a milestone there goes to 28 Feb 2568 (2025)
    const ms2 = leap.tabs[TAB.milestones];
    ms2[1][ms2[0].indexOf(HEADER.due)] = new Date(Date.UTC(2024, 1, 29));
    const next = ok(rollover(leap, ADMIN, { force: true }));
    expect(cellDate(next.tabs[TAB.milestones][1][ms2[0].indexOf(HEADER.due)])).toBe('2025-02-28');
  });

  test('property: whatever the divisions typed, every value is in the archive after rollover (nothing lost)', () => {
    const owned = divisionOwnedColumns().filter((c) => c.type !== 'datetime');
    const base = seed();
    const tabs = Object.keys(parseWorkbook(base).tables.divisionTabs).map(
      (code) => parseWorkbook(base).tracker.divisions.find((d) => d.code === code)!.name,
    );
    const typed = fc.record({
      tab: fc.constantFrom(...tabs),
      row: fc.nat(20),
      column: fc.constantFrom(...owned.map((c) => c.header)),
      text: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ''),
    });
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 25 }), (edits) => {
        const s = seed();
        const expected = new Map<string, string>();
        for (const e of edits) {
          const values = s.tabs[e.tab];
          const r = 1 + (e.row % (values.length - 1));
          values[r][values[0].indexOf(e.column)] = e.text;
          expected.set(`${e.tab}|${values[r][values[0].indexOf(HEADER.entryKey)]}|${e.column}`, e.text);
        }
        // and every value the seed already had
        for (const tab of tabs) {
          const [header, ...rows] = s.tabs[tab];
          for (const row of rows)
            for (const c of owned) {
              const v = row[header.indexOf(c.header)];
              if (cellText(v) !== '')
                expected.set(`${tab}|${row[header.indexOf(HEADER.entryKey)]}|${c.header}`, cellText(v));
            }
        }
        const after = ok(rollover(s, ADMIN, { force: true }));
        const archived = new Map<string, string>();
        for (const r of rowsOf(after, ARCHIVE_TAB.name)) {
          const obj = JSON.parse(cellText(r[HEADER.archivedRow])) as Record<string, string>;
          for (const [h, v] of Object.entries(obj))
            archived.set(`${r[HEADER.archivedFrom]}|${r[HEADER.archivedKey]}|${h}`, v);
        }
        for (const [k, v] of expected) expect([k, archived.get(k)]).toEqual([k, v]);
        // and the division tabs hold nobody's values any more
        for (const tab of tabs) {
          const [header, ...rows] = after.tabs[tab];
          for (const row of rows)
            for (const c of owned)
              expect(cellText(row[header.indexOf(c.header)])).toBe(c.type === 'status' ? STATUS_LABEL.not_started : '');
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the public page', () => {
  const withRegister = (rows: Cell[][]): WorkbookSnapshot => {
    const s = seed();
    s.tabs[REPORTS_TAB.name] = [s.tabs[REPORTS_TAB.name][0], ...rows];
    return s;
  };
  // fiscal year, round, doc id, doc URL, published URL, PDF URL, generated at, by, warnings
  const row = (
    fy: number,
    round: number | null,
    published: string,
    pdf: string,
    extra: Partial<Record<'docUrl' | 'by' | 'warnings', string>> = {},
  ): Cell[] => [
    fy,
    round,
    'doc-id',
    extra.docUrl ?? 'https://docs.google.com/document/d/internal/edit',
    published,
    pdf,
    new Date(Date.UTC(2023, 3, 20, 10, 0)),
    extra.by ?? 'ita-admin@example.org',
    extra.warnings ?? 'คำเตือนภายใน',
  ];

  test('every published document by fiscal year, newest first; round 6 before round 12', () => {
    const data = publicPageData(
      withRegister([
        row(2566, 6, 'https://docs.google.com/document/d/a/pub', 'https://drive.google.com/file/d/a/view'),
        row(2567, 12, 'https://docs.google.com/document/d/c/pub', ''),
        row(2567, 6, 'https://docs.google.com/document/d/b/pub', 'https://drive.google.com/file/d/b/view'),
        row(2565, 6, '', ''), // nothing published: not listed
      ]),
    );
    expect(data.agencyName).toBe('เทศบาลตำบลปรุใหญ่');
    expect(data.documents.map((d) => [d.fiscalYear, d.round])).toEqual([
      [2567, 6],
      [2567, 12],
      [2566, 6],
    ]);
    expect(data.documents[0].title).toBe(PUBLIC_PAGE.report('๖'));
  });

  test('a register value holding HTML is escaped; a javascript: link is left out; no e-mail or internal data', () => {
    const s = withRegister([
      row(2566, 6, 'https://docs.google.com/document/d/a/pub?x="><script>alert(1)</script>', 'javascript:alert(1)', {
        warnings: '<img src=x onerror=alert(1)>',
      }),
    ]);
    const name = s.tabs[SETTINGS_TAB.name].find((r) => r[0] === 'agencyName')!;
    name[2] = 'เทศบาล <b>ปรุใหญ่</b> & "เมือง"';
    const html = publicPageHtml(s);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('เทศบาล &lt;b&gt;ปรุใหญ่&lt;/b&gt; &amp; &quot;เมือง&quot;');
    expect(html).toContain('href="https://docs.google.com/document/d/a/pub?x=&quot;&gt;&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
    expect(html).not.toContain('/edit');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('คำเตือนภายใน');
  });

  test('an empty register says so', () => {
    expect(publicPageHtml(seed())).toContain(PUBLIC_PAGE.none);
  });
});

// The rules at their edges, pinned in core (the Apps Script and CLI tests run them too, but only core's
// tests are the mutation run's test set: docs/mutation.md).
describe('year-cycle rules at their edges', () => {
  // by hand: structuredClone's Dates come from another realm under jest, and cellDate would not see them
  const clone = (s: WorkbookSnapshot): WorkbookSnapshot => ({
    tabs: Object.fromEntries(
      Object.entries(s.tabs).map(([k, v]) => [k, v.map((r) => r.map((c) => (c instanceof Date ? new Date(c) : c)))]),
    ),
  });
  const settingRow = (s: WorkbookSnapshot, key: string): Cell[] =>
    s.tabs[SETTINGS_TAB.name].find((r) => r.includes(key)) ?? [];
  const setSetting = (s: WorkbookSnapshot, key: string, value: Cell): void => {
    const row = settingRow(s, key);
    row[s.tabs[SETTINGS_TAB.name][0].indexOf('ค่า')] = value;
  };
  /** Moves a tab's column (by header) to column A. */
  const moveToFront = (s: WorkbookSnapshot, tab: string, header: string): void => {
    const at = s.tabs[tab][0].indexOf(header);
    s.tabs[tab] = s.tabs[tab].map((r) => [r[at] ?? null, ...r.slice(0, at), ...r.slice(at + 1)]);
  };
  const column = (s: WorkbookSnapshot, tab: string, header: string): Cell[] =>
    s.tabs[tab].slice(1).map((r) => r[s.tabs[tab][0].indexOf(header)] ?? null);
  const entryCount = parseWorkbook(seed()).tracker.entries.length;
  /** A due date a year on; a blank due stays blank. */
  const yearOn = (c: Cell): string | null => {
    const iso = cellDate(c);
    return iso ? nextYearIso(iso) : null;
  };
  const snapshotProblem = (code: string, message: string) => ({
    tab: TAB.roundSnapshot,
    cell: '',
    severity: 'error',
    code,
    message,
  });
  /** The seed with a settings error (C16) and a division-tab error (กองคลัง F2). */
  const withErrors = (s: WorkbookSnapshot): WorkbookSnapshot => {
    setSetting(s, 'reportFontSize', 'abc');
    type(s, FINANCE, 'EIT-01', HEADER.status, 'ไม่รู้');
    return s;
  };
  const errorsOf = (s: WorkbookSnapshot) => validateWorkbook(s).filter((p) => p.severity === 'error');
  const with12 = withRound12Results;

  describe('what stops the report of a round', () => {
    test('a year after the sheet’s is refused with the future-year message', () => {
      const s = seed();
      expect(reportBlockers(s, parseWorkbook(s), 6, 2567)).toEqual([
        snapshotProblem('round-not-closed', YEAR_CYCLE.futureYear('2567', '2566')),
      ]);
    });

    test('this year, round not closed: every error; closed: the division tabs’ errors no longer stop it', () => {
      const open = withErrors(seed());
      const all = errorsOf(open);
      expect(all.map((p) => [p.tab, p.cell])).toEqual([
        [TAB.settings, 'C16'],
        [FINANCE, 'F2'],
      ]);
      expect(reportBlockers(open, parseWorkbook(open), 6)).toEqual(all);
      const closed = withErrors(ok(closeRound(seed(), ADMIN)));
      expect(reportBlockers(closed, parseWorkbook(closed), 6)).toEqual([all[0]]);
    });

    test('a closed round whose snapshot rows were deleted by hand is refused at the snapshot tab', () => {
      const closed = ok(closeRound(seed(), ADMIN));
      closed.tabs[TAB.roundSnapshot].splice(2, 1);
      expect(reportBlockers(closed, parseWorkbook(closed), 6)).toEqual([
        snapshotProblem(
          'closed-round-rows-missing',
          YEAR_CYCLE.snapshotRowsMissing(2566, 6, entryCount, entryCount - 1),
        ),
      ]);
    });

    test('an earlier year: only the settings’ errors, and a round not closed names the rounds that are', () => {
      const s = ok(rollover(ok(closeRound(seed(), ADMIN)), ADMIN, { force: true }));
      withErrors(s);
      const settingsError = errorsOf(s).filter((p) => p.tab === TAB.settings);
      expect(settingsError.map((p) => p.cell)).toEqual(['C16']);
      expect(errorsOf(s).some((p) => p.tab === FINANCE)).toBe(true);
      const parsed = parseWorkbook(s);
      expect(reportBlockers(s, parsed, 6, 2566)).toEqual(settingsError);
      expect(reportBlockers(s, parsed, 12, 2566)).toEqual([
        ...settingsError,
        snapshotProblem('round-not-closed', YEAR_CYCLE.pastRoundNotClosed('2566', '12', '6')),
      ]);
      expect(reportBlockers(s, parsed, 12, 2565)).toEqual([
        ...settingsError,
        snapshotProblem('round-not-closed', YEAR_CYCLE.pastRoundNotClosed('2565', '12', '')),
      ]);
    });
  });

  describe('closing', () => {
    test('the message says what was kept, the round it moves to and what remains of the year', () => {
      const result = closeRound(seed(), ADMIN);
      expect(result.ok && result.message).toBe(
        `${YEAR_CYCLE.closedRound('2566', '6', entryCount)} — ${YEAR_CYCLE.nowRound('12')} — ${YEAR_CYCLE.yearOpen('2566', '12')}`,
      );
    });

    test('closing round 12 while the current round is 6 leaves the settings as they are', () => {
      const before = with12(seed());
      const result = closeRound(before, ADMIN, 12);
      expect(result.ok && result.changedTabs.sort()).toEqual([TAB.roundLog, TAB.roundSnapshot].sort());
      expect(result.ok && result.snapshot.tabs[TAB.settings]).toBe(before.tabs[TAB.settings]);
      expect(result.ok && result.message).toBe(
        `${YEAR_CYCLE.closedRound('2566', '12', entryCount)} — ${YEAR_CYCLE.yearClosed('2566')} ${YEAR_CYCLE.openRoundWarning('2566', '6')}`,
      );
    });

    test('closing round 6 while the current round is already 12 leaves the settings; the message names no round', () => {
      const before = with12(seed());
      setSetting(before, 'currentRound', 12);
      const result = closeRound(before, ADMIN, 6);
      expect(result.ok && result.changedTabs.sort()).toEqual([TAB.roundLog, TAB.roundSnapshot].sort());
      expect(result.ok && result.message).toBe(
        `${YEAR_CYCLE.closedRound('2566', '6', entryCount)} — ${YEAR_CYCLE.yearOpen('2566', '12')}`,
      );
    });

    test('closing the last round leaves the current round; the message says the year is closed', () => {
      const six = with12(ok(closeRound(seed(), ADMIN)));
      const result = closeRound(six, ADMIN);
      expect(result.ok && result.changedTabs.sort()).toEqual([TAB.roundLog, TAB.roundSnapshot].sort());
      expect(result.ok && result.message).toBe(
        `${YEAR_CYCLE.closedRound('2566', '12', entryCount)} — ${YEAR_CYCLE.yearClosed('2566')}`,
      );
    });

    test('a round the year’s framework does not publish is closed as internal tracking, and says so', () => {
      const s = seed();
      setSetting(s, 'itaFramework', 2568);
      const result = closeRound(s, ADMIN, 6);
      expect(result.ok && result.message.split(' — ')[0]).toBe(
        `${YEAR_CYCLE.closedRound('2566', '6', entryCount)} ${YEAR_CYCLE.internalRound('2566', '6')}`,
      );
    });

    test('a column the user added to the snapshot tab stays, blank in the new rows', () => {
      const s = seed();
      s.tabs[TAB.roundSnapshot][0].push('หมายเหตุ');
      const after = ok(closeRound(s, ADMIN));
      const rows = after.tabs[TAB.roundSnapshot];
      expect(rows[0].at(-1)).toBe('หมายเหตุ');
      expect(rows.slice(1).map((r) => [r.length, r.at(-1)])).toEqual(Array(entryCount).fill([rows[0].length, null]));
    });

    test('a bad value in a division’s cell stops closing (every error counts); the message lists the first 20', () => {
      const s = seed();
      for (const d of parseWorkbook(s).tracker.divisions)
        for (const r of s.tabs[d.name].slice(1)) {
          r[s.tabs[d.name][0].indexOf(HEADER.status)] = 'ไม่รู้';
          r[s.tabs[d.name][0].indexOf(HEADER.evidenceUrl)] = 'not a url';
        }
      const untouched = clone(s);
      const problems = errorsOf(s);
      expect(problems).toHaveLength(2 * entryCount);
      expect(closeRound(s, ADMIN)).toEqual({
        ok: false,
        message: [YEAR_CYCLE.blockedByErrors(problems.length), ...problems.slice(0, 20).map(formatProblem)].join('\n'),
        problems,
      });
      expect(s).toEqual(untouched);
    });

    test('no division row: nothing to close', () => {
      const s = seed();
      for (const d of parseWorkbook(s).tracker.divisions) s.tabs[d.name] = s.tabs[d.name].slice(0, 1);
      expect(closeRound(s, ADMIN)).toEqual({ ok: false, message: YEAR_CYCLE.nothingToClose('2566', '6') });
    });

    test('the measures’ texts go with the first division row of each measure only; milestones carry none', () => {
      const before = seed();
      const after = ok(closeRound(before, ADMIN));
      const measureHeaders = MEASURES_TAB.columns.filter((c) => c.key !== 'measureId');
      const texts = (r: Record<string, Cell>) => measureHeaders.map((c) => r[c.header] ?? null);
      const rows = rowsOf(after, TAB.roundSnapshot);
      const measures = rowsOf(before, MEASURES_TAB.name);
      const eit01 = measures.find((m) => m[HEADER.measureId] === 'EIT-01')!;
      const byRow = rows.map((r) => [r[HEADER.divisionCode], r[HEADER.entryKey]]);
      const at = (code: string, key: string) => rows[byRow.findIndex(([c, k]) => c === code && k === key)];
      expect(texts(at('PALAD', 'EIT-01'))).toEqual(texts(eit01));
      expect(texts(at('PALAD', 'EIT-01')).filter((v) => v !== null).length).toBeGreaterThan(0);
      for (const code of ['FINANCE', 'ENGINEERING', 'EDUCATION', 'HEALTH'])
        expect(texts(at(code, 'EIT-01')).every((v) => v === null)).toBe(true);
      expect(texts(at('FINANCE', 'MS-01')).every((v) => v === null)).toBe(true);
    });

    test('a workbook without the log tab gets one; every appended row is as wide as its header, blanks null', () => {
      const s = seed();
      delete s.tabs[TAB.roundLog];
      const after = ok(closeRound(s, ADMIN));
      const [header, ...rows] = after.tabs[TAB.roundLog];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toStrictEqual(
        header.map((h) =>
          h === HEADER.loggedAt
            ? NOW
            : h === HEADER.loggedBy
              ? ADMIN.by
              : h === HEADER.logAction
                ? YEAR_CYCLE.logClose
                : h === HEADER.fiscalYear
                  ? 2566
                  : h === HEADER.round
                    ? 6
                    : h === HEADER.logRows
                      ? entryCount
                      : null,
        ),
      );
      const snap = after.tabs[TAB.roundSnapshot];
      expect(snap.slice(1).every((r) => r.length === snap[0].length && Object.keys(r).length === r.length)).toBe(true);
    });

    test('a snapshot tab older than a column gets its header at the end of row 1', () => {
      const s = seed();
      const [header] = s.tabs[TAB.roundSnapshot];
      s.tabs[TAB.roundSnapshot] = s.tabs[TAB.roundSnapshot].map((r) => r.slice(0, -1));
      const after = ok(closeRound(s, ADMIN));
      expect(after.tabs[TAB.roundSnapshot][0]).toEqual(header);
      expect(after.tabs[TAB.roundSnapshot].slice(1).every((r) => r.length === header.length)).toBe(true);
    });
  });

  describe('reopening', () => {
    test('only that round’s rows leave the snapshot; the message counts them', () => {
      const both = ok(closeRound(with12(ok(closeRound(seed(), ADMIN, 6))), ADMIN, 12));
      const result = reopenRound(both, ADMIN, 12, 'แก้ผลรอบ ๑๒');
      expect(result.ok && result.message).toBe(YEAR_CYCLE.reopened('2566', '12', entryCount));
      const after = ok(result);
      expect(closedRoundRows(after, 2566, 6)).toHaveLength(entryCount);
      expect(closedRoundRows(after, 2566, 12)).toHaveLength(0);
      expect(after.tabs[TAB.roundSnapshot]).toHaveLength(1 + entryCount);
      expect(setting(after, 'currentRound')).toBe(12);
    });

    test('a log tab without its reason column gets it back, and the reason is written there', () => {
      const closed = ok(closeRound(seed(), ADMIN));
      const at = closed.tabs[TAB.roundLog][0].indexOf(HEADER.logReason);
      closed.tabs[TAB.roundLog] = closed.tabs[TAB.roundLog].map((r) => r.filter((_, i) => i !== at));
      const reopened = ok(reopenRound(closed, ADMIN, 6, 'กองคลังส่งผลไม่ครบ'));
      expect(reopened.tabs[TAB.roundLog][0].at(-1)).toBe(HEADER.logReason);
      expect(rowsOf(reopened, TAB.roundLog).map((r) => r[HEADER.logReason])).toEqual([null, 'กองคลังส่งผลไม่ครบ']);
      const rolled = ok(rollover(closed, ADMIN, { force: true }));
      expect(rowsOf(rolled, TAB.roundLog).at(-1)?.[HEADER.logReason]).toBe(
        YEAR_CYCLE.rolloverForcedNote(YEAR_CYCLE.yearOpen('2566', '12')),
      );
    });
  });

  describe('the next fiscal year', () => {
    const closedYear = (): WorkbookSnapshot => ok(closeRound(with12(ok(closeRound(seed(), ADMIN, 6))), ADMIN, 12));

    test('no fiscal year in the settings: refused', () => {
      const s = seed();
      setSetting(s, 'fiscalYear', null);
      expect(rollover(s, ADMIN, { force: true })).toEqual({ ok: false, message: YEAR_CYCLE.rolloverNoYear });
    });

    test('a closed year: the message is the count alone and the log has no reason; forced: both carry the status', () => {
      const closed = rollover(closedYear(), ADMIN);
      expect(closed.ok && closed.message).toBe(YEAR_CYCLE.rolledOver('2566', '2567', entryCount));
      expect(rowsOf(ok(closed), TAB.roundLog).at(-1)?.[HEADER.logReason]).toBeNull();

      // round 6 closed, round 12 open with nothing typed for it
      const half = ok(closeRound(seed(), ADMIN));
      const status = YEAR_CYCLE.yearOpen('2566', '12');
      const forced = rollover(half, ADMIN, { force: true });
      expect(forced.ok && forced.message).toBe(`${YEAR_CYCLE.rolledOver('2566', '2567', entryCount)}\n${status}`);
      expect(rowsOf(ok(forced), TAB.roundLog).at(-1)?.[HEADER.logReason]).toBe(YEAR_CYCLE.rolloverForcedNote(status));
    });

    test('an unsafe error (a missing tab) stops it even forced; a bad value in a cell does not', () => {
      const broken = closedYear();
      delete broken.tabs[MEASURES_TAB.name];
      const result = rollover(broken, ADMIN, { force: true });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message.split('\n')[0]).toBe(
        YEAR_CYCLE.blockedByErrors(result.ok ? 0 : result.problems!.length),
      );
      expect(!result.ok && result.problems!.every((p) => ['missing-tab', 'missing-header'].includes(p.code))).toBe(
        true,
      );

      const badCell = closedYear();
      type(badCell, FINANCE, 'EIT-01', HEADER.status, 'ไม่รู้');
      const after = ok(rollover(badCell, ADMIN));
      expect(
        rowsOf(after, ARCHIVE_TAB.name).some(
          (r) => r[HEADER.archivedFrom] === FINANCE && cellText(r[HEADER.archivedRow]).includes('ไม่รู้'),
        ),
      ).toBe(true);
    });

    test('a division tab whose division was renamed is refused even forced, naming the tab', () => {
      const s = closedYear();
      const divisions = s.tabs[TAB.divisions];
      const nameCol = divisions[0].indexOf(HEADER.divisionName);
      const row = divisions.find((r) => r[nameCol] === FINANCE)!;
      row[nameCol] = 'กองคลังใหม่';
      const result = rollover(s, ADMIN, { force: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message.split('\n')).toEqual([
        YEAR_CYCLE.rolloverTabMismatch(result.problems!.length),
        ...result.problems!.map(formatProblem),
      ]);
      expect(result.problems!.map((p) => p.tab)).toContain(FINANCE);
    });

    test('a row nobody typed in is not archived; rows and due dates move a year on; the input is untouched', () => {
      const s = closedYear();
      const owned = divisionOwnedColumns();
      for (const r of s.tabs[FINANCE].slice(1)) for (const c of owned) r[s.tabs[FINANCE][0].indexOf(c.header)] = null;
      const financeRows = s.tabs[FINANCE].length - 1;
      const before = clone(s);
      const result = rollover(s, ADMIN);
      expect(s).toEqual(before);
      expect(result.ok && result.message).toBe(YEAR_CYCLE.rolledOver('2566', '2567', entryCount - financeRows));
      const after = ok(result);
      expect(rowsOf(after, ARCHIVE_TAB.name).some((r) => r[HEADER.archivedFrom] === FINANCE)).toBe(false);
      expect(column(after, FINANCE, HEADER.status)).toEqual(Array(financeRows).fill(STATUS_LABEL.not_started));
      expect(column(after, FINANCE, HEADER.due).map(cellDate)).toEqual(column(before, FINANCE, HEADER.due).map(yearOn));
    });

    test('nothing typed anywhere: the archive is not written', () => {
      const s = closedYear();
      for (const d of parseWorkbook(s).tracker.divisions)
        for (const r of s.tabs[d.name].slice(1))
          for (const c of divisionOwnedColumns()) r[s.tabs[d.name][0].indexOf(c.header)] = null;
      const result = rollover(s, ADMIN);
      expect(result.ok && result.changedTabs.includes(ARCHIVE_TAB.name)).toBe(false);
      expect(result.ok && result.message).toBe(YEAR_CYCLE.rolledOver('2566', '2567', 0));
    });

    test('columns found by header: status, due and the settings’ value in column A', () => {
      const s = closedYear();
      moveToFront(s, FINANCE, HEADER.status);
      moveToFront(s, ENGINEERING, HEADER.due);
      expect(s.tabs[ENGINEERING].slice(1).filter((r) => cellDate(r[0])).length).toBeGreaterThan(0);
      moveToFront(s, TAB.milestones, HEADER.due);
      moveToFront(s, SETTINGS_TAB.name, 'ค่า');
      const before = clone(s);
      const after = ok(rollover(s, ADMIN));
      expect(after.tabs[FINANCE].slice(1).map((r) => r[0])).toEqual(
        Array(s.tabs[FINANCE].length - 1).fill(STATUS_LABEL.not_started),
      );
      expect(after.tabs[ENGINEERING].slice(1).map((r) => cellDate(r[0]))).toEqual(
        before.tabs[ENGINEERING].slice(1).map((r) => yearOn(r[0])),
      );
      expect(after.tabs[TAB.milestones].slice(1).map((r) => cellDate(r[0]))).toEqual(
        before.tabs[TAB.milestones].slice(1).map((r) => yearOn(r[0])),
      );
      expect(after.tabs[SETTINGS_TAB.name]).toHaveLength(before.tabs[SETTINGS_TAB.name].length);
      expect(parseWorkbook(after).tracker.settings.fiscalYear).toBe(2567);
      expect(settingRow(after, 'fiscalYear')[0]).toBe(2567);
    });

    test('a setting row deleted is added with its label and help; a row cut short is filled with blanks', () => {
      const s = closedYear();
      const settings = s.tabs[SETTINGS_TAB.name];
      const dueRow = settings.findIndex((r) => r[0] === 'round12Due');
      const [deleted] = settings.splice(dueRow, 1);
      const roundRow = settings.find((r) => r[0] === 'currentRound')!;
      roundRow.length = 1;
      const after = ok(rollover(s, ADMIN, { force: true }));
      const rows = after.tabs[SETTINGS_TAB.name];
      expect(rows.at(-1)).toStrictEqual([deleted[0], deleted[1], rows.at(-1)![2], deleted[3]]);
      expect(cellDate(rows.at(-1)![2])).toBe('2024-09-30');
      expect(rows.find((r) => r[0] === 'currentRound')).toStrictEqual(['currentRound', null, 6]);
    });

    test('a workbook without the milestones tab rolls over without one', () => {
      const s = closedYear();
      delete s.tabs[TAB.milestones];
      const result = rollover(s, ADMIN);
      expect(result.ok && result.changedTabs.includes(TAB.milestones)).toBe(false);
      expect(result.ok && TAB.milestones in result.snapshot.tabs).toBe(false);
    });

    test('a framework, item codes or calendar set for the old year are cleared', () => {
      const s = closedYear();
      setSetting(s, 'itaFramework', 2564);
      setSetting(s, 'itaItemCodes', 'O42, O43');
      setSetting(s, 'itaCalendarDates', 'เปิดระบบตอบแบบ OIT 15/3/2566');
      const after = ok(rollover(s, ADMIN, { force: true }));
      expect(['itaFramework', 'itaItemCodes', 'itaCalendarDates'].map((k) => setting(after, k))).toEqual([
        null,
        null,
        null,
      ]);
    });

    test('the 29th of other months and other February days keep their day', () => {
      expect(nextYearIso('2023-01-29')).toBe('2024-01-29');
      expect(nextYearIso('2023-03-29')).toBe('2024-03-29');
      expect(nextYearIso('2023-02-10')).toBe('2024-02-10');
    });
  });
});
