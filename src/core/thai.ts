// Thai calendar and numerals. Dates in core are ISO calendar dates ('YYYY-MM-DD', Christian era);
// JS Dates only appear at the edges and follow the "wall clock as UTC" convention (see cells.ts).

import { CALENDAR } from './messages/calendar';

export type Numerals = 'thai' | 'arabic';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export const THAI_MONTHS = CALENDAR.months;

export const BE_OFFSET = 543;
/** A year above this in a date is a Buddhist-era year typed where a Christian-era one belongs. */
export const BE_YEAR_THRESHOLD = 2400;

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

export function hasThaiDigits(text: string): boolean {
  return /[๐-๙]/.test(text);
}

/** Digits in the numerals the agency chose for generated text. */
export function numerals(text: string | number, style: Numerals): string {
  const s = String(text);
  return style === 'thai' ? toThaiDigits(s) : toArabicDigits(s);
}

export const toBE = (ceYear: number): number => ceYear + BE_OFFSET;
export const toCE = (beYear: number): number => beYear - BE_OFFSET;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseIso(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

export function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  const { y, m, d } = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const pa = parseIso(a);
  const pb = parseIso(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / DAY_MS);
}

/** A wall-clock-as-UTC Date to its calendar date. */
export function isoFromWallDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function wallDateFromIso(iso: string): Date {
  const { y, m, d } = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Fiscal year (BE) that a date falls in: FY N runs 1 Oct (N-1) to 30 Sep N. */
export function fiscalYearOf(iso: string): number {
  const { y, m } = parseIso(iso);
  return toBE(m >= 10 ? y + 1 : y);
}

export type Round = 6 | 12;

/** The reporting window of a round: both start on 1 Oct; round 6 ends 31 Mar, round 12 on 30 Sep. */
export function roundWindow(fiscalYearBE: number, round: Round): { start: string; end: string } {
  const endCE = toCE(fiscalYearBE);
  return {
    start: isoOf(endCE - 1, 10, 1),
    end: round === 6 ? isoOf(endCE, 3, 31) : isoOf(endCE, 9, 30),
  };
}

export function fiscalYearWindow(fiscalYearBE: number): { start: string; end: string } {
  return roundWindow(fiscalYearBE, 12);
}

/**
 * How Thai district and province names begin; the first is added to a bare name in the report's
 * title, and the importer recognises the title's place line by them.
 */
export const DISTRICT_PREFIXES = ['อำเภอ', 'เขต', 'กิ่งอำเภอ'] as const;
export const PROVINCE_PREFIXES = ['จังหวัด', 'กรุงเทพมหานคร'] as const;

/** Text cut to about `max` characters at a space (never inside a Thai syllable), with "…" when cut. */
export function shortText(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  let end = space > max / 2 ? space : max;
  // Thai vowel and tone marks belong to the consonant before them: never leave one behind the cut
  while (end < text.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(text[end])) end++;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** "๓๑ มีนาคม ๒๕๖๖" */
export function formatThaiDate(iso: string, style: Numerals): string {
  const { y, m, d } = parseIso(iso);
  return numerals(`${d} ${THAI_MONTHS[m - 1]} ${toBE(y)}`, style);
}

/** "เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖" */
export function formatRoundMonths(fiscalYearBE: number, round: Round, style: Numerals): string {
  const w = roundWindow(fiscalYearBE, round);
  const s = parseIso(w.start);
  const e = parseIso(w.end);
  return numerals(CALENDAR.roundMonths(THAI_MONTHS[s.m - 1], toBE(s.y), THAI_MONTHS[e.m - 1], toBE(e.y)), style);
}

export interface ParsedDate {
  iso: string;
  /** the text carried a Buddhist-era year that was converted */
  fromBE: boolean;
}

/**
 * Reads a date typed as text: 2023-03-31, 2566-03-31, 31/3/2566, 31/03/2023, with Thai or Arabic digits.
 * Years above 2400 are Buddhist era. Returns null when it is not a real calendar date.
 */
export function parseDateText(text: string): ParsedDate | null {
  const t = toArabicDigits(text.trim());
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  const fromBE = y > BE_YEAR_THRESHOLD;
  if (fromBE) y = toCE(y);
  if (!isValidYmd(y, m, d)) return null;
  return { iso: isoOf(y, m, d), fromBE };
}
