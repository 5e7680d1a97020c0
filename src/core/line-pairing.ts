// Pairing a LINE group with a division (or the executives), the steps both runtimes share: the pending
// codes as stored (a script property in Apps Script; the listening process's memory in the CLI's
// line-pair — never a tab), a new code for a division, a webhook body applied to them, and the one
// cell the pairing writes (the divisions tab's LINE column, or the settings row executivesLine).

import { matchDivision } from './cell-values';
import { type Cell, cellText } from './cells';
import { newPairing, type PendingPairing, pairingFrom } from './line';
import { REMIND } from './messages/reminders';
import type { Division } from './model';
import { DIVISIONS_TAB, SETTINGS, SETTINGS_TAB } from './schema';

/** The stored pending codes, the expired ones dropped; anything unreadable is no codes. */
export function pendingFrom(stored: string | null | undefined, nowMs: number): PendingPairing[] {
  let v: unknown;
  try {
    v = JSON.parse(stored ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  return v.filter(
    (p): p is PendingPairing =>
      typeof p === 'object' &&
      p !== null &&
      typeof p.code === 'string' &&
      typeof p.divisionCode === 'string' &&
      typeof p.expiresAt === 'number' &&
      p.expiresAt > nowMs,
  );
}

/**
 * Who a typed answer names: a division's code or name, or the executives ('' ), or null. The admin
 * types it when asking for a code.
 */
export function pairingSubject(typed: string, divisions: readonly Pick<Division, 'code' | 'name'>[]): string | null {
  const t = typed.trim();
  if (t === REMIND.executives) return '';
  return matchDivision(t, divisions);
}

/** A new code for the division (its earlier code, if any, no longer works). */
export function addPairing(
  pending: readonly PendingPairing[],
  divisionCode: string,
  nowMs: number,
  random: () => number,
): { pairing: PendingPairing; pending: PendingPairing[] } {
  const taken = new Set(pending.map((p) => p.code));
  let pairing = newPairing(divisionCode, nowMs, random);
  for (let i = 0; taken.has(pairing.code) && i < 20; i++) pairing = newPairing(divisionCode, nowMs, random);
  return { pairing, pending: [...pending.filter((p) => p.divisionCode !== divisionCode), pairing] };
}

/** A webhook body against the pending codes: the pairing it proves (its code used up), or nothing changed. */
export function applyWebhook(
  body: string,
  pending: readonly PendingPairing[],
  nowMs: number,
): { paired: { groupId: string; divisionCode: string } | null; pending: PendingPairing[] } {
  const hit = pairingFrom(body, pending, nowMs);
  if (!hit) return { paired: null, pending: [...pending] };
  return {
    paired: { groupId: hit.groupId, divisionCode: hit.pairing.divisionCode },
    pending: pending.filter((p) => p.code !== hit.pairing.code),
  };
}

/** One cell to write (1-based row and column). */
export interface CellWrite {
  tab: string;
  row: number;
  column: number;
  value: Cell;
}

const header = (key: string) => DIVISIONS_TAB.columns.find((c) => c.key === key)?.header ?? key;

/**
 * The cells a pairing writes, found by header in the tab as read: the division's row in the LINE
 * column (the header added at the row's end when the tab has no LINE column yet), or the settings
 * row executivesLine's value (a row added below the last when the tab has none). Null when the
 * division's row or the tab is not there.
 */
export function pairingWrites(
  tabs: Record<string, readonly Cell[][] | undefined>,
  divisionCode: string,
  groupId: string,
): CellWrite[] | null {
  if (divisionCode === '') {
    const rows = tabs[SETTINGS_TAB.name];
    if (!rows?.length) return null;
    const keyCol = rows[0].findIndex((c) => cellText(c) === SETTINGS_TAB.columns[0].header);
    const valueCol = rows[0].findIndex((c) => cellText(c) === SETTINGS_TAB.columns[2].header);
    if (keyCol < 0 || valueCol < 0) return null;
    const at = rows.findIndex((r, i) => i > 0 && cellText(r[keyCol]) === 'executivesLine');
    if (at > 0) return [{ tab: SETTINGS_TAB.name, row: at + 1, column: valueCol + 1, value: groupId }];
    const spec = SETTINGS.find((s) => s.key === 'executivesLine');
    let last = rows.length;
    while (last > 1 && rows[last - 1].every((c) => cellText(c) === '')) last--;
    return [
      { tab: SETTINGS_TAB.name, row: last + 1, column: keyCol + 1, value: 'executivesLine' },
      ...(spec ? [{ tab: SETTINGS_TAB.name, row: last + 1, column: 2, value: spec.label }] : []),
      { tab: SETTINGS_TAB.name, row: last + 1, column: valueCol + 1, value: groupId },
    ];
  }
  const rows = tabs[DIVISIONS_TAB.name];
  if (!rows?.length) return null;
  const codeCol = rows[0].findIndex((c) => cellText(c) === header('divisionCode'));
  if (codeCol < 0) return null;
  const at = rows.findIndex((r, i) => i > 0 && cellText(r[codeCol]) === divisionCode);
  if (at < 0) return null;
  const lineCol = rows[0].findIndex((c) => cellText(c) === header('divisionLine'));
  const writes: CellWrite[] = [];
  let column = lineCol + 1;
  if (lineCol < 0) {
    column = rows[0].length + 1;
    writes.push({ tab: DIVISIONS_TAB.name, row: 1, column, value: header('divisionLine') });
  }
  writes.push({ tab: DIVISIONS_TAB.name, row: at + 1, column, value: groupId });
  return writes;
}

/** A tab's values with the writes applied (rows and columns grown as needed): what the CLI saves. */
export function withWrites(rows: readonly (readonly Cell[])[], writes: readonly CellWrite[]): Cell[][] {
  const out = rows.map((r) => [...r]);
  for (const w of writes) {
    while (out.length < w.row) out.push([]);
    const row = out[w.row - 1];
    while (row.length < w.column) row.push('');
    row[w.column - 1] = w.value;
  }
  return out;
}

/** One row's run of cells to write in one call: from `column`, the values left to right. */
export interface RowWrite {
  tab: string;
  row: number;
  column: number;
  values: Cell[];
}

/**
 * The writes as one run per row (Apps Script: one setValues per row, never a call per cell): a gap
 * between two written cells of a row is filled with what the tab held there as read.
 */
export function rowWrites(rows: readonly (readonly Cell[])[], writes: readonly CellWrite[]): RowWrite[] {
  const byRow = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const key = `${w.tab}\u0000${w.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), w]);
  }
  return [...byRow.values()].map((ws) => {
    const first = Math.min(...ws.map((w) => w.column));
    const last = Math.max(...ws.map((w) => w.column));
    const held = rows[ws[0].row - 1] ?? [];
    const values = Array.from({ length: last - first + 1 }, (_, i) => {
      const w = ws.filter((x) => x.column === first + i).pop();
      return w ? w.value : (held[first + i - 1] ?? '');
    });
    return { tab: ws[0].tab, row: ws[0].row, column: first, values };
  });
}
