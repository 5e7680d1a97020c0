// How one cell's text becomes a domain value (area, status, round, division, ITA score, yes/no):
// lenient readers shared by the tab parsers, the settings and the validation rules.
import { type Cell, cellInteger, cellList, cellText, cleanText } from './cells';
import { APPROVAL_STATUS, YES_NO } from './messages/plan';
import { REPORT_WORD } from './messages/report';
import { STATUS_LABEL } from './messages/tabs-headers';
import {
  APPROVAL_STATUSES,
  type ApprovalStatus,
  AREAS,
  type Area,
  type Division,
  type ItaResult,
  type Status,
} from './model';
import type { Table } from './table';
import { BE_YEAR_THRESHOLD, type Round, toArabicDigits, toBE } from './thai';

// ---------------------------------------------------------------- values

/** "ด้าน IIT" is read as IIT */
const AREA_WORD = new RegExp(`^${REPORT_WORD.area}\\s*`);

export function parseArea(c: Cell): Area | null {
  const t = cellText(c).toUpperCase().replace(AREA_WORD, '');
  return (AREAS as readonly string[]).includes(t) ? (t as Area) : null;
}

export function parseStatus(c: Cell): Status | null {
  const t = cellText(c);
  if (t === '') return 'not_started';
  for (const [k, label] of Object.entries(STATUS_LABEL)) if (label === t || k === t) return k as Status;
  return null;
}

export function parseRound(c: Cell): Round | null {
  const n = cellInteger(typeof c === 'string' ? toArabicDigits(c) : c);
  return n === 6 || n === 12 ? n : null;
}

/** Strips the abbreviation mark and spaces so "กองสาธารณสุขฯ" can be compared with "กองสาธารณสุข…". */
const divisionStem = (s: string): { stem: string; abbreviated: boolean } => {
  const t = s.replace(/\s+/g, '');
  return t.endsWith('ฯ') ? { stem: t.slice(0, -1), abbreviated: true } : { stem: t, abbreviated: false };
};

/**
 * A division name's stem, remembered by the name (pure; emptied past 5,000 names): every measure's
 * responsible names are matched against every division's, 5,000 measures × 50 divisions per parse.
 */
const nameStems = new Map<string, string>();
function nameStem(name: string): string {
  let stem = nameStems.get(name);
  if (stem === undefined) {
    if (nameStems.size >= 5_000) nameStems.clear();
    stem = divisionStem(name).stem;
    nameStems.set(name, stem);
  }
  return stem;
}

/**
 * Resolves a division as people write it: its code, its name, or its name shortened with "ฯ"
 * (or a unique prefix of it). Returns the division code, or null when none or several match.
 */
export function matchDivision(written: string, divisions: readonly Pick<Division, 'code' | 'name'>[]): string | null {
  const w = cleanText(written);
  if (w === '') return null;
  const lower = w.toLowerCase();
  const byCode = divisions.find((d) => d.code.toLowerCase() === lower);
  if (byCode) return byCode.code;
  const { stem, abbreviated } = divisionStem(w);
  const exact = divisions.filter((d) => nameStem(d.name) === stem);
  if (exact.length === 1) return exact[0].code;
  if (exact.length > 1) return null;
  const prefixed = divisions.filter((d) => nameStem(d.name).startsWith(stem));
  if (prefixed.length === 1 && (abbreviated || stem.length >= 4)) return prefixed[0].code;
  return null;
}

/**
 * Splits a responsible-divisions cell. One name per line is the tracker's form; a single line that
 * holds several known names separated by spaces (as reports print them) is split on spaces too.
 */
export function splitResponsible(c: Cell, divisions: readonly Pick<Division, 'code' | 'name'>[]): string[] {
  const lines = cellList(c);
  const out: string[] = [];
  for (const line of lines) {
    if (matchDivision(line, divisions) !== null || !/\s/.test(line)) {
      out.push(line);
      continue;
    }
    const words = line.split(/\s+/);
    // greedy: longest run of words that names a division
    let i = 0;
    const parts: string[] = [];
    while (i < words.length) {
      let j = words.length;
      while (j > i && matchDivision(words.slice(i, j).join(' '), divisions) === null) j--;
      if (j === i) {
        parts.length = 0;
        break;
      }
      parts.push(words.slice(i, j).join(' '));
      i = j;
    }
    out.push(...(parts.length ? parts : [line]));
  }
  return out;
}

// ---------------------------------------------------------------- ITA results and approval

/** A score 0–100 (decimals allowed; Thai digits read as Arabic), or null. */
export function parseScore(c: Cell): number | null {
  const t = typeof c === 'number' ? c : Number(toArabicDigits(cellText(c)).replace(/,/g, '.'));
  if (cellText(c) === '' || !Number.isFinite(t) || t < 0 || t > 100) return null;
  return t;
}

/** A whole number ≥ 1 (Thai digits read as Arabic), or null. */
export function parseWholeNumber(c: Cell): number | null {
  const t = typeof c === 'number' ? c : Number(toArabicDigits(cellText(c)));
  return cellText(c) !== '' && Number.isInteger(t) && t >= 1 ? t : null;
}

/**
 * The ITA indicator numbers a measure's "ตัวชี้วัด ITA" cell names ("4, 10", one per line, Thai digits,
 * "ตัวชี้วัดที่ 4" alike), in the order typed without repeats, and the parts that are no number (`bad`).
 */
export function parseIndicatorNumbers(c: Cell): { numbers: number[]; bad: string[] } {
  const numbers: number[] = [];
  const bad: string[] = [];
  const text = typeof c === 'number' ? String(c) : cellText(c).replace(/ตัวชี้วัด(ที่)?/g, ' ');
  for (const token of text.split(/[\s,;]+/).filter((t) => t !== '')) {
    const n = parseWholeNumber(token);
    if (n === null || !/^[0-9]+$/.test(toArabicDigits(token))) bad.push(token);
    else if (!numbers.includes(n)) numbers.push(n);
  }
  return { numbers, bad };
}

/** A year read from a cell: its Buddhist-era value, and the era it was typed in. */
export interface ReadYear {
  be: number;
  era: 'be' | 'ce';
}

const ERA_WORD: readonly [RegExp, ReadYear['era']][] = [
  [/^(?:พ\.?\s*ศ\.?|b\.?\s*e\.?)\s*/i, 'be'],
  [/^(?:ค\.?\s*ศ\.?|c\.?\s*e\.?|a\.?\s*d\.?)\s*/i, 'ce'],
];

/**
 * The one year reader (issue 26): Arabic or Thai digits, optionally after "พ.ศ." / "ค.ศ." (or BE / CE).
 * Without an era word a year from 2400 is Buddhist era and one from 1900 to 2399 Christian era
 * (the threshold every date reader uses, thai.ts); the BE value is returned with the era it was typed
 * in, so a caller that must not convert silently can say so. Anything else (two digits, a fraction,
 * an era word that contradicts the number) is null — never guessed.
 */
export function parseYear(c: Cell): ReadYear | null {
  let era: ReadYear['era'] | null = null;
  let n: number;
  if (typeof c === 'number') n = c;
  else {
    let t = toArabicDigits(cellText(c));
    for (const [word, e] of ERA_WORD)
      if (word.test(t)) {
        era = e;
        t = t.replace(word, '');
      }
    if (!/^\d{4}$/.test(t)) return null;
    n = Number(t);
  }
  if (!Number.isInteger(n)) return null;
  const isBe = n >= BE_YEAR_THRESHOLD && n < 3000;
  const isCe = n >= 1900 && n < BE_YEAR_THRESHOLD;
  if (isBe && era !== 'ce') return { be: n, era: 'be' };
  if (isCe && era !== 'be') return { be: toBE(n), era: 'ce' };
  return null;
}

/** A Buddhist-era year as typed (Thai digits, "พ.ศ."), or null — a CE year is not one (parseYear). */
export function parseBeYear(c: Cell): number | null {
  const y = parseYear(c);
  return y?.era === 'be' ? y.be : null;
}

export function parseYesNo(c: Cell): boolean | null {
  const t = cellText(c).toLowerCase();
  if (t === '' || t === YES_NO.no || t === 'no' || t === 'false') return t === '' ? null : false;
  if (t === YES_NO.yes || t === 'yes' || t === 'true') return true;
  return null;
}

export const parseApprovalStatus = (c: Cell): ApprovalStatus | '' =>
  APPROVAL_STATUSES.find((s) => APPROVAL_STATUS[s] === cellText(c)) ?? '';

export function parseItaResults(table: Table): ItaResult[] {
  return table.rows.map((r) => ({
    row: r.row,
    year: parseBeYear(r.cells.itaYear) ?? 0,
    tool: parseArea(r.cells.itaTool),
    indicator: parseWholeNumber(r.cells.itaIndicator),
    name: cellText(r.cells.itaIndicatorName),
    score: parseScore(r.cells.itaScore) ?? 0,
    analysis: cellText(r.cells.itaAnalysis),
    sample: cellText(r.cells.itaSample) !== '',
  }));
}
