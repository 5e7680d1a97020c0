// One cell's stored state: typed input as Sheets stores it, formats, and the text it displays.
import { formatSimpleDate, instantFromWall } from '../time';
import type { FakeDataValidation } from './data-validation';
import { ERR, FORMULA_PLACEHOLDER, MAX_CELL_CHARS } from './errors';

export type StoredValue = string | number | boolean | Date;

export interface CellData {
  v: StoredValue;
  /** formula text when the cell holds a formula */
  f?: string;
  note?: string;
  bg?: string;
  nf?: string;
  fw?: string;
  fc?: string;
  ff?: string;
  fs?: number;
  ha?: string;
  va?: string;
  wrap?: boolean;
  ws?: string;
  dv?: FakeDataValidation;
}

export const isEmptyValue = (d: CellData | undefined) => !d || (d.v === '' && !d.f);

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * What Sheets stores for a value a script writes with setValue(s): the reference says a value
 * beginning with '=' is a formula; like typing, text that reads as a number, TRUE/FALSE or a date
 * becomes one, and a leading apostrophe keeps the rest as text (the apostrophe is not stored).
 * Text starting with + - @ that is not a number is also taken as a formula (Sheets shows an error),
 * which is exactly what sheetSafe() guards against. A cell formatted as plain text ('@') keeps text.
 */
export function enteredValue(
  value: unknown,
  plainText: boolean,
  tz: string,
  locale?: string,
): { v: StoredValue; f?: string } {
  if (value === null || value === undefined) return { v: '' };
  if (value instanceof Date) return { v: new Date(value.getTime()) };
  if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
  const s = typeof value === 'string' ? value : String(value);
  if (s.length > MAX_CELL_CHARS) throw new Error(ERR.cellTooLong(MAX_CELL_CHARS));
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (plainText || s === '') return { v: s };
  if (s.startsWith('=')) return { v: FORMULA_PLACEHOLDER, f: s };
  const t = s.trim();
  if (NUMBER_TEXT.test(t)) return { v: Number(t) };
  if (GROUPED_NUMBER_TEXT.test(t)) return { v: Number(t.replace(/,/g, '')) };
  if (/^[+\-@]/.test(s)) return { v: FORMULA_PLACEHOLDER, f: s };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const d = ISO_DATE_TEXT.exec(t);
  if (d) {
    const [y, M, day, H, m, sec] = d.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    const probe = new Date(Date.UTC(y, M - 1, day));
    if (probe.getUTCMonth() === M - 1 && probe.getUTCDate() === day)
      return { v: instantFromWall(tz, y, M, day, H, m, sec) };
  }
  const slashed = locale ? slashDate(t, locale) : null;
  if (slashed) return { v: instantFromWall(tz, slashed.y, slashed.M, slashed.d, 0, 0, 0) };
  const other = otherReading(t, tz);
  if (other !== null) return { v: other };
  return { v: s };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string): number => {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => w === m || (w.length > 3 && m === w.slice(0, 3) && /^[a-z]+$/.test(w)));
  return i + 1;
};

/**
 * The other readings Sheets gives typed text ("a string in any of the date, time or number formats that
 * Google Sheets understands", support.google.com/docs/answer/3094220, VALUE; the examples there include
 * "12:00:00"): a time of day ("12:30", "9:05:10" → a date-time on Sheets' day zero, 1899-12-30), an
 * accounting negative "(100)" → -100, a percentage "50%" → 0.5, a currency amount "$1,000" → 1000, and a
 * date with an English month name ("5 March 2023", "March 5, 2023", "Mar 2023"). The reference lists no
 * grammar; these are the forms the product must never hand Sheets as bare text (it prefixes "'").
 */
function otherReading(t: string, tz: string): StoredValue | null {
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i.exec(t);
  if (time) {
    let h = Number(time[1]);
    const m = Number(time[2]);
    const sec = Number(time[3] ?? 0);
    if (time[4]) h = (h % 12) + (time[4].toLowerCase() === 'p' ? 12 : 0);
    if (h < 24 && m < 60 && sec < 60) return instantFromWall(tz, 1899, 12, 30, h, m, sec);
  }
  const paren = /^\((\d+(?:\.\d+)?)\)$/.exec(t);
  if (paren) return -Number(paren[1]);
  const pct = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  const money = /^([+-]?)[$€£฿]\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (money) return Number(`${money[1]}${money[2].replace(/,/g, '')}${money[3] ?? ''}`);
  const dmy = /^(\d{1,2})[\s-]+([a-z]+\.?)[\s-,]+(\d{4})$/i.exec(t);
  const mdy = /^([a-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t);
  const my = /^([a-z]+\.?)[\s-]+(\d{4})$/i.exec(t);
  const parts = dmy
    ? { d: Number(dmy[1]), M: monthOf(dmy[2]), y: Number(dmy[3]) }
    : mdy
      ? { d: Number(mdy[2]), M: monthOf(mdy[1]), y: Number(mdy[3]) }
      : my
        ? { d: 1, M: monthOf(my[1]), y: Number(my[2]) }
        : null;
  if (parts && parts.M > 0) {
    const probe = new Date(Date.UTC(parts.y, parts.M - 1, parts.d));
    if (probe.getUTCDate() === parts.d) return instantFromWall(tz, parts.y, parts.M, parts.d, 0, 0, 0);
  }
  return null;
}

const SLASH_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * "31/3/2023" typed into a cell: Sheets reads a slashed date in the order of the spreadsheet's
 * locale (File > Settings > Locale "affects formatting details such as … dates"; support.google.com
 * /docs/answer/58515): day first in th_TH and en_GB, month first in en_US, where 31/3/2023 stays text.
 */
function slashDate(t: string, locale: string): { y: number; M: number; d: number } | null {
  const m = SLASH_DATE_TEXT.exec(t);
  if (!m) return null;
  const [a, b, y] = m.slice(1).map(Number);
  const monthFirst = /^en_US$|^en_PH$|^es_US$/.test(locale);
  const [M, d] = monthFirst ? [a, b] : [b, a];
  const probe = new Date(Date.UTC(y, M - 1, d));
  return probe.getUTCMonth() === M - 1 && probe.getUTCDate() === d ? { y, M, d } : null;
}

export function copyValue(v: StoredValue): StoredValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}

export function clearContent(d: CellData): void {
  d.v = '';
  d.f = undefined;
}

export function clearFormat(d: CellData): void {
  d.bg = d.nf = d.fw = d.fc = d.ff = d.ha = d.va = d.ws = undefined;
  d.fs = undefined;
  d.wrap = undefined;
}

export function displayText(d: CellData | undefined, tz: string): string {
  if (!d) return '';
  const v = d.v;
  if (v instanceof Date) {
    const nf = d.nf && /[ymdhs]/i.test(d.nf) ? simpleFromSheetsFormat(d.nf) : 'yyyy-MM-dd';
    try {
      return formatSimpleDate(v, tz, nf);
    } catch {
      return formatSimpleDate(v, tz, 'yyyy-MM-dd');
    }
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * A Sheets date format ('dd/mm/yyyy hh:mm', 'd mmmm yyyy', 'dddd') as a SimpleDateFormat pattern:
 * in Sheets 'm' is the month unless it follows an hour or precedes seconds; 'dddd' is the weekday.
 */
export function simpleFromSheetsFormat(nf: string): string {
  const parts = nf.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|am\/pm|a\/p|[^ymdhs"\\]+/gi) ?? [];
  const out: string[] = [];
  const twelveHour = /am\/pm|a\/p/i.test(nf);
  parts.forEach((p, i) => {
    const lower = p.toLowerCase();
    const prevUnit = parts
      .slice(0, i)
      .reverse()
      .find((x) => /^[ymdhs]/i.test(x))?.[0]
      .toLowerCase();
    const nextUnit = parts
      .slice(i + 1)
      .find((x) => /^[ymdhs]/i.test(x))?.[0]
      .toLowerCase();
    if (p.startsWith('"')) out.push(`'${p.slice(1, -1).replace(/'/g, "''")}'`);
    else if (p.startsWith('\\')) out.push(`'${p.slice(1)}'`);
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? 'yy' : 'yyyy');
    else if (lower[0] === 'm')
      out.push(
        prevUnit === 'h' || nextUnit === 's' ? 'mm'.slice(0, Math.min(2, p.length)) : 'M'.repeat(Math.min(4, p.length)),
      );
    else if (lower[0] === 'd') out.push(p.length >= 3 ? 'E'.repeat(p.length >= 4 ? 4 : 3) : 'd'.repeat(p.length));
    else if (lower[0] === 'h') out.push((twelveHour ? 'h' : 'H').repeat(Math.min(2, p.length)));
    else if (lower[0] === 's') out.push('s'.repeat(Math.min(2, p.length)));
    else if (/^(am\/pm|a\/p)$/i.test(p)) out.push('a');
    else out.push(/[A-Za-z]/.test(p) ? `'${p.replace(/'/g, "''")}'` : p);
  });
  return out.join('');
}
