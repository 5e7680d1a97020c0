// One working-days calendar (DESIGN §13) used by reminders, due dates and the simulation: Monday to
// Friday, less the agency's holidays tab. The template prefills the fixed-date public holidays of a
// fiscal year; lunar, substitute and special ones the admin adds as the government announces them.
import { FIXED_HOLIDAY_NAME, WEEKDAY_LABEL } from './messages/reminder-rhythm';
import { addDays, daysBetween, fiscalYearWindow } from './thai';

export interface Holiday {
  /** ISO date */
  date: string;
  name: string;
}

/** 0 Sunday … 6 Saturday */
export const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

export const isWeekend = (iso: string): boolean => {
  const d = weekdayOf(iso);
  return d === 0 || d === 6;
};

/** The Monday of the week holding `iso` (weeks run Monday to Sunday). */
export const mondayOf = (iso: string): string => addDays(iso, -((weekdayOf(iso) + 6) % 7));

export interface WorkingCalendar {
  isWorkingDay(iso: string): boolean;
  /** `iso` itself when it is a working day, else the working day before it (a due date on a holiday) */
  onOrBefore(iso: string): string;
  /** `iso` itself when it is a working day, else the next working day */
  onOrAfter(iso: string): string;
  /** the week's day for a weekly e-mail: the set weekday, or the first working day after it in that week; null if none */
  weeklyDay(monday: string, weekday: number): string | null;
  holiday(iso: string): Holiday | undefined;
}

/** Steps at most a year: a holidays tab that covers every day must not hang the run. */
const MAX_STEPS = 366;

export function workingCalendar(holidays: readonly Holiday[]): WorkingCalendar {
  const byDate = new Map(holidays.map((h) => [h.date, h]));
  const isWorkingDay = (iso: string) => !isWeekend(iso) && !byDate.has(iso);
  const walk = (iso: string, step: 1 | -1) => {
    let d = iso;
    for (let i = 0; i < MAX_STEPS && !isWorkingDay(d); i++) d = addDays(d, step);
    return d;
  };
  return {
    isWorkingDay,
    onOrBefore: (iso) => walk(iso, -1),
    onOrAfter: (iso) => walk(iso, 1),
    weeklyDay(monday, weekday) {
      const sunday = addDays(monday, 6);
      for (let d = addDays(monday, (weekday + 6) % 7); daysBetween(d, sunday) >= 0; d = addDays(d, 1))
        if (isWorkingDay(d)) return d;
      return null;
    },
    holiday: (iso) => byDate.get(iso),
  };
}

/** The fixed-date public holidays falling in a fiscal year (Buddhist era), in date order. */
export function fixedHolidays(fiscalYearBE: number): Holiday[] {
  const { start, end } = fiscalYearWindow(fiscalYearBE);
  const out: Holiday[] = [];
  for (const [md, name] of Object.entries(FIXED_HOLIDAY_NAME)) {
    for (const year of [start.slice(0, 4), end.slice(0, 4)]) {
      const date = `${year}-${md}`;
      if (daysBetween(start, date) >= 0 && daysBetween(date, end) >= 0) out.push({ date, name });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** A weekday as typed in the settings tab: Thai name with or without "วัน", English, or 0–6 / 1–7 not accepted. */
export function parseWeekday(text: string): number | null {
  const t = text.trim().replace(/^วัน/, '').replace(/\s+/g, '');
  if (t === '') return null;
  const thai = WEEKDAY_LABEL.indexOf(t as (typeof WEEKDAY_LABEL)[number]);
  if (thai >= 0) return thai;
  if (t === 'พฤหัส') return 4;
  const english = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(t.toLowerCase().slice(0, 3));
  return english >= 0 && /^[a-z]+$/i.test(t) ? english : null;
}
