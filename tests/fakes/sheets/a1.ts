// A1 notation: rectangles of 1-based rows and columns, parsed and printed as Sheets does.
import { ERR } from './errors';

export interface Rect {
  /** 0-based first row / column */
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col1: number): string {
  let s = '';
  let n = col1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function rectA1(r: Rect): string {
  const tl = `${columnLetters(r.c0 + 1)}${r.r0 + 1}`;
  if (r.nr === 1 && r.nc === 1) return tl;
  return `${tl}:${columnLetters(r.c0 + r.nc)}${r.r0 + r.nr}`;
}

/** 'B2', 'A1:C3', 'A:C' (whole columns), '2:4' (whole rows), 'A2:C' (to the last row). */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect {
  const m = /^\$?([A-Za-z]+)?\$?(\d+)?(?::\$?([A-Za-z]+)?\$?(\d+)?)?$/.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(ERR.rangeNotFound);
  const [, c1, r1, c2, r2] = m;
  const single = !a1.includes(':');
  if (single && (!c1 || !r1)) throw new Error(ERR.rangeNotFound);
  const colStart = c1 ? columnNumber(c1) : 1;
  const rowStart = r1 ? Number(r1) : 1;
  if (!single && !c2 && !r2) throw new Error(ERR.rangeNotFound);
  // 'A:C' runs to the last row, '2:4' to the last column, 'A2:C' to the last row
  const colEnd = single ? colStart : c2 ? columnNumber(c2) : maxCols;
  const rowEnd = single ? rowStart : r2 ? Number(r2) : maxRows;
  const top = Math.min(rowStart, rowEnd);
  const left = Math.min(colStart, colEnd);
  if (top < 1 || left < 1) throw new Error(ERR.rangeNotFound);
  return { r0: top - 1, c0: left - 1, nr: Math.abs(rowEnd - rowStart) + 1, nc: Math.abs(colEnd - colStart) + 1 };
}

export const overlaps = (a: Rect, b: Rect) =>
  a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
export const contains = (outer: Rect, r: number, c: number) =>
  r >= outer.r0 && r < outer.r0 + outer.nr && c >= outer.c0 && c < outer.c0 + outer.nc;
