// The year by its framework (issue 23) and rollover's refusals (issue 26, class 3): closing the last round
// closes the year; an unclosed 6-month round the year used is a warning in both close-round and rollover;
// the new year's rounds and due dates come from its preset; division tabs that do not match the divisions
// stop rollover, forced or not.
import type { Cell } from '../../src/core/cells';
import { closedRoundRows, yearStatus, yearStatusText } from '../../src/core/closed-rounds';
import { frameworkOf, presetForYear } from '../../src/core/framework';
import { FRAMEWORK_PRESETS } from '../../src/core/messages/framework';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { DIVISIONS_TAB, MEASURES_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { closeRound, rollover, type YearCycleResult } from '../../src/core/year-cycle';
import { withRound12Results } from '../support/workbook';

const ADMIN = { now: new Date(Date.UTC(2023, 9, 5, 9, 30)), by: 'ita-admin@example.org' };
const FINANCE = 'กองคลัง';

function ok(result: YearCycleResult): WorkbookSnapshot {
  if (!result.ok) throw new Error(result.message);
  return result.snapshot;
}

const setSetting = (s: WorkbookSnapshot, key: string, value: Cell): void => {
  const rows = s.tabs[SETTINGS_TAB.name];
  const row = rows.find((r) => r[0] === key);
  if (row) row[2] = value;
  else rows.push([key, '', value, '']);
};
const setting = (s: WorkbookSnapshot, key: string): Cell =>
  s.tabs[SETTINGS_TAB.name].find((r) => r[0] === key)?.[2] ?? null;

/** The seed (FY 2566) with a round-12 result on every done row, round 6 typed but never closed. */
const round12Ready = (): WorkbookSnapshot => withRound12Results(templateSnapshot({ example: true }));

describe('closing the last round closes the year', () => {
  test('close 12 with round 6 open: it does not say both rounds are closed; it names round 6 as a warning', () => {
    const result = closeRound(round12Ready(), ADMIN, 12);
    const closed = ok(result);
    const message = result.ok ? result.message : '';
    expect(closedRoundRows(closed, 2566, 6)).toHaveLength(0);
    expect(message).not.toContain('ทั้งสองรอบ');
    expect(message).toContain(YEAR_CYCLE.yearClosed('2566'));
    expect(message).toContain(YEAR_CYCLE.openRoundWarning('2566', '6'));
  });

  test('rollover then succeeds without --force, and says the same about round 6 as close-round did', () => {
    const closedResult = closeRound(round12Ready(), ADMIN, 12);
    const closed = ok(closedResult);
    const status = yearStatusText(yearStatus(closed, parseWorkbook(closed).tracker));
    expect(closedResult.ok && closedResult.message).toContain(status);
    const rolled = rollover(closed, ADMIN, { year: 2567 });
    expect(rolled.ok).toBe(true);
    expect(rolled.ok && rolled.message).toContain(status);
    expect(parseWorkbook(ok(rolled)).tracker.settings.fiscalYear).toBe(2567);
  });

  test('with the last round open, close-round after round 6 and rollover name the same remaining round', () => {
    const s = templateSnapshot({ example: true });
    const after6 = closeRound(s, ADMIN, 6);
    const text = YEAR_CYCLE.yearOpen('2566', '12');
    expect(after6.ok && after6.message).toContain(text);
    const refused = rollover(ok(after6), ADMIN);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(text);
    expect(!refused.ok && refused.openRounds).toEqual([12]);
  });
});

describe('the new year by its preset', () => {
  test('FY 2568 → 2569: the 2569 preset has no 6-month round: current round 12, no round-6 due date', () => {
    const s = ok(closeRound(round12Ready(), ADMIN, 12));
    setSetting(s, 'fiscalYear', 2568);
    // the snapshot rows belong to 2566: close 2568's round 12 again
    const closed = ok(closeRound(s, ADMIN, 12));
    const rolled = ok(rollover(closed, ADMIN, { year: 2569 }));
    const { settings } = parseWorkbook(rolled).tracker;
    expect(frameworkOf(settings).id).toBe('2569');
    expect(settings.currentRound).toBe(12);
    expect(setting(rolled, 'round6Due')).toBeNull();
    expect(settings.roundDue[12]).toBe('2026-09-30');
  });

  test('the ITA calendar dates typed for a year are cleared by rollover (the new year has its own)', () => {
    const s = ok(closeRound(round12Ready(), ADMIN, 12));
    setSetting(s, 'fiscalYear', 2568);
    setSetting(s, 'itaCalendarDates', 'เปิดระบบตอบแบบ OIT 15/3/2568');
    expect(parseWorkbook(s).tracker.settings.itaCalendarDates).toBe('เปิดระบบตอบแบบ OIT 15/3/2568');
    const rolled = ok(rollover(ok(closeRound(s, ADMIN, 12)), ADMIN, { year: 2569 }));
    expect(setting(rolled, 'itaCalendarDates')).toBeNull();
    expect(parseWorkbook(rolled).tracker.settings.itaCalendarDates).toBe('');
  });

  test('a 2569 tracker whose settings still say round 6 reads round 12; the preset setting changes that', () => {
    const s = templateSnapshot({ example: true });
    setSetting(s, 'fiscalYear', 2569);
    setSetting(s, 'currentRound', 6);
    expect(parseWorkbook(s).tracker.settings.currentRound).toBe(12);
    setSetting(s, 'itaFramework', '2564');
    expect(parseWorkbook(s).tracker.settings.currentRound).toBe(6);
  });

  test('every fiscal year from 2564 to 2575 has a preset; 2570 is marked not confirmed; titles are data', () => {
    for (let y = 2564; y <= 2575; y++) expect(presetForYear(y)).toBeDefined();
    expect(presetForYear(2566).rounds).toEqual([6, 12]);
    expect(presetForYear(2566).plan.code).toBe('O42');
    expect(presetForYear(2569).rounds).toEqual([12]);
    expect(presetForYear(2569).reportCovers).toBe('previous');
    const p2570 = presetForYear(2570);
    expect(p2570.confirmed).toBe(false);
    expect(p2570.label).toContain('ยังไม่ยืนยัน');
    expect(p2570.note).toContain('คู่มือ ITA ปี 2570');
    expect(new Set(FRAMEWORK_PRESETS.map((p) => p.id)).size).toBe(FRAMEWORK_PRESETS.length);
  });
});

describe('rollover refuses when the division tabs do not match the divisions (issue 26, class 3)', () => {
  /** A year ready to roll over: both rounds closed. */
  const closedYear = (): WorkbookSnapshot => ok(closeRound(ok(closeRound(round12Ready(), ADMIN, 6)), ADMIN, 12));

  test('a division renamed on the divisions and measures tabs but not synced: refused naming the old tab, even forced', () => {
    const s = closedYear();
    for (const tab of [DIVISIONS_TAB.name, MEASURES_TAB.name])
      s.tabs[tab] = s.tabs[tab].map((r) => r.map((c) => (c === FINANCE ? 'กองการเงิน' : c)));
    for (const force of [false, true]) {
      const result = rollover(s, ADMIN, { year: 2567, force });
      expect(result.ok).toBe(false);
      expect(result.message).toContain(YEAR_CYCLE.orphanDivisionTab(FINANCE));
    }
  });

  test('a look-alike tab ("กองคลัง" + NBSP): refused naming it, even forced; the file is untouched', () => {
    const s = closedYear();
    s.tabs[`${FINANCE}\u00A0`] = s.tabs[FINANCE];
    delete s.tabs[FINANCE];
    const before = JSON.stringify(s);
    for (const force of [false, true]) {
      const result = rollover(s, ADMIN, { year: 2567, force });
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`"${FINANCE}\u00A0"`);
    }
    expect(JSON.stringify(s)).toBe(before);
  });

  test('the tabs matching again: rollover goes ahead and clears every division tab', () => {
    const rolled = ok(rollover(closedYear(), ADMIN, { year: 2567 }));
    const finance = rolled.tabs[FINANCE];
    const status = finance[0].indexOf(HEADER.status);
    expect(finance.slice(1).every((r) => r[status] === STATUS_LABEL.not_started)).toBe(true);
    expect(rolled.tabs[TAB.archive].length).toBeGreaterThan(1);
  });
});
