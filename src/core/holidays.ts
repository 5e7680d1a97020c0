// The holidays a new tracker starts with, for its fiscal year (issue 23): the fixed-date public holidays,
// the lunar ones where this table has the year (computed from the Thai lunar calendar, not announced),
// and a substitute day for each that falls on a Saturday or Sunday (the next working day). A date the
// cabinet has not announced (lunar, substitute) carries "ยังไม่ยืนยัน" in its name; validate warns once
// while any does. docs/domain.md lists FY 2570's dates and their sources.

import type { Problem } from './cell-rules';
import { a1, cellText } from './cells';
import { HOLIDAYS, UNCONFIRMED } from './messages/holidays';
import type { Table } from './table';
import { addDays } from './thai';
import { fixedHolidays, type Holiday, isWeekend } from './working-days';

type LunarKey = 'makhaBucha' | 'visakhaBucha' | 'asanhaBucha' | 'khaoPhansa';

/**
 * The lunar holidays by fiscal year (BE), ISO dates. FY 2570: computed (docs/domain.md), not announced.
 * A year missing here gets no lunar holiday: the admin types them when the cabinet announces them.
 */
export const LUNAR_HOLIDAYS: Readonly<Record<number, Readonly<Record<LunarKey, string>>>> = {
  2570: { makhaBucha: '2027-02-21', visakhaBucha: '2027-05-20', asanhaBucha: '2027-07-18', khaoPhansa: '2027-07-19' },
};

/** The last fiscal year whose holidays were announced when this was written: later years get computed substitutes, marked. */
const ANNOUNCED_THROUGH = 2569;

/**
 * A fiscal year's holidays for a new tracker, in date order: fixed dates, tabled lunar dates, and a
 * substitute after each one on a weekend (the first day after it that is neither a weekend nor a holiday).
 */
export function yearHolidays(fiscalYearBE: number): Holiday[] {
  const unannounced = fiscalYearBE > ANNOUNCED_THROUGH;
  const lunar = Object.entries(LUNAR_HOLIDAYS[fiscalYearBE] ?? {}).map(([key, date]) => ({
    date,
    name: HOLIDAYS.unconfirmed(HOLIDAYS[key as LunarKey]),
    plain: HOLIDAYS[key as LunarKey],
  }));
  const days = [...fixedHolidays(fiscalYearBE).map((h) => ({ ...h, plain: h.name })), ...lunar].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  if (!unannounced) return days.map(({ date, name }) => ({ date, name }));
  const taken = new Set(days.map((d) => d.date));
  const substitutes: Holiday[] = [];
  for (const d of days) {
    if (!isWeekend(d.date)) continue;
    let s = addDays(d.date, 1);
    while (isWeekend(s) || taken.has(s)) s = addDays(s, 1);
    taken.add(s);
    substitutes.push({ date: s, name: HOLIDAYS.unconfirmed(HOLIDAYS.substitute(d.plain)) });
  }
  return [...days.map(({ date, name }) => ({ date, name })), ...substitutes].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** One warning while any holiday's name says it is not confirmed, at the first such cell. */
export function unconfirmedHolidays(table: Table): Problem[] {
  if (!table.present) return [];
  const rows = table.rows.filter((r) => cellText(r.cells.holidayName).includes(UNCONFIRMED));
  if (rows.length === 0) return [];
  const cell = a1(Math.max(table.columnIndex.holidayName, 0), rows[0].row);
  return [
    {
      tab: table.spec.name,
      cell,
      severity: 'warning',
      code: 'holiday-unconfirmed',
      message: HOLIDAYS.unconfirmedWarning(rows.length, cell),
    },
  ];
}
