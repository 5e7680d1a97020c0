// Year over year in core: closing a round freezes what its report says, reopening is recorded, the next
// fiscal year starts in place without losing a typed value, and the public page shows only what is public.
import fc from 'fast-check';
import { type Cell, cellDate, cellText } from '../../src/core/cells';
import { closedRoundRows, trackerForRound } from '../../src/core/closed-rounds';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE, YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { publicPageData, publicPageHtml } from '../../src/core/public-page';
import { buildReport, reportParagraphs } from '../../src/core/report';
import { ARCHIVE_TAB, divisionOwnedColumns, MEASURES_TAB, REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { closeRound, nextYearIso, reopenRound, rollover, type YearCycleResult } from '../../src/core/year-cycle';

const NOW = new Date(Date.UTC(2023, 3, 5, 9, 30));
const ADMIN = { now: NOW, by: 'ita-admin@example.org' };
const FINANCE = 'กองคลัง';

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
