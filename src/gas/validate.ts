// Menu "ตรวจสอบข้อมูล": every core rule over the workbook read once; each problem cell gets a note
// (Thai, from src/core/messages) and a colour, and a dialog lists the problems with tab and A1 cell. Per
// tab: one getNotes + one getBackgrounds, then ONE setNotes + ONE setBackgrounds over its data range
// that write the new marks and clear the old ones together. Notes and colours a person set are kept.

import type { Problem, Severity } from '../core/cell-rules';
import { cellRef, columnLetter, escapeHtml } from '../core/cells';
import { closedRoundDrift } from '../core/closed-rounds';
import { MARK, VALIDATE_MENU } from '../core/messages/validation';
import { DIVISIONS_TAB, divisionOwnedKeys, MEASURES_TAB, MILESTONES_TAB, SETTINGS_TAB } from '../core/schema';
import { validateParsed } from '../core/validate';
import { type ParsedWorkbook, parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, showDialog } from './context';
import { columnRuns } from './protect';
import { readWorkbook } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Problems of one cell, as (message, severity) pairs. */
export type CellProblems = Array<{ severity: Severity; message: string }>;

const isOurNote = (note: string): boolean => note.startsWith(MARK.prefix);
/** The backgrounds of problem cells, as Sheets reports them (lower case): a light red and a light yellow. */
export const MARK_COLOUR = { error: '#f4cccc', warning: '#fff2cc' } as const;
const OUR_COLOURS = new Set<string>([MARK_COLOUR.error, MARK_COLOUR.warning]);
const isOurColour = (colour: string): boolean => OUR_COLOURS.has(colour.toLowerCase());

/**
 * New notes and backgrounds for a block of cells: a cell with problems gets the tracker's note and
 * colour; a checked cell without problems keeps what it has unless that was the tracker's mark,
 * which is cleared. problemAt(i, j) gives the problems of the block's cell (i, j) (0-based): [] for
 * checked and fine, undefined for not checked (left exactly as it is).
 */
export function markBlock(
  notes: string[][],
  backgrounds: string[][],
  problemAt: (i: number, j: number) => CellProblems | undefined,
): { notes: string[][]; backgrounds: (string | null)[][]; changed: boolean } {
  let changed = false;
  const outNotes = notes.map((row, i) =>
    row.map((old, j) => {
      const ps = problemAt(i, j);
      const next =
        ps === undefined
          ? old
          : ps.length
            ? MARK.note(ps.map((p) => MARK.line(p.severity, p.message)))
            : isOurNote(old)
              ? ''
              : old;
      if (next !== old) changed = true;
      return next;
    }),
  );
  const outBackgrounds = backgrounds.map((row, i) =>
    row.map((old, j) => {
      const ps = problemAt(i, j);
      if (ps?.length) {
        const colour = ps.some((p) => p.severity === 'error') ? MARK_COLOUR.error : MARK_COLOUR.warning;
        if (colour !== old.toLowerCase()) changed = true;
        return colour;
      }
      if (ps !== undefined && isOurColour(old)) {
        changed = true;
        return null; // back to no fill
      }
      // white is what Sheets reports for "no fill": write it back as none, so banding shows through
      return old.toLowerCase() === '#ffffff' ? null : old;
    }),
  );
  return { notes: outNotes, backgrounds: outBackgrounds, changed };
}

/** The tabs the rules cover (the fixed data tabs and the divisions' tabs): the tabs that carry marks. */
export function validatedTabs(parsed: ParsedWorkbook): string[] {
  const names = [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB].map((t) => t.name);
  for (const t of Object.values(parsed.tables.divisionTabs)) if (t.present) names.push(t.spec.name);
  return [...new Set(names)];
}

/**
 * Marks every problem cell of the validated tabs and clears old marks there. Returns the tabs the
 * acting user could not mark (protected from them): the dialog says so instead of failing.
 */
export function markProblems(
  ss: Spreadsheet,
  snapshot: { tabs: Record<string, unknown[][]> },
  parsed: ParsedWorkbook,
  problems: readonly Problem[],
): string[] {
  const byTab = new Map<string, Map<string, CellProblems>>();
  for (const p of problems) {
    if (!p.cell) continue;
    const tab = byTab.get(p.tab) ?? new Map<string, CellProblems>();
    byTab.set(p.tab, tab);
    const list = tab.get(p.cell) ?? [];
    list.push({ severity: p.severity, message: p.message });
    tab.set(p.cell, list);
  }
  const failed: string[] = [];
  const divisionTables = new Map(Object.values(parsed.tables.divisionTabs).map((t) => [t.spec.name, t]));
  for (const name of validatedTabs(parsed)) {
    const values = snapshot.tabs[name];
    if (!values) continue;
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const numRows = Math.max(1, values.length);
    const numColumns = Math.max(1, ...values.map((r) => r.length));
    const cells = byTab.get(name);
    const problemAt = (row: number, col0: number) => cells?.get(`${columnLetter(col0)}${row}`) ?? [];
    if (markArea(sheet, 1, 0, numRows, numColumns, problemAt)) continue;
    // a division editor may write only their own tab's editable columns: mark there, list the rest
    const own = divisionTables.get(name);
    const runs = own && numRows > 1 ? columnRuns(divisionOwnedKeys().map((k) => own.columnIndex[k] ?? -1)) : [];
    if (
      runs.length === 0 ||
      !runs.every(([c0, n]) => markArea(sheet, 2, c0, numRows - 1, Math.min(n, numColumns - c0), problemAt))
    )
      failed.push(name);
  }
  return failed;
}

/**
 * One block's marks: one getNotes, one getBackgrounds, one setNotes, one setBackgrounds. False when
 * the acting user may not write there (protected from them).
 */
function markArea(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col0: number,
  numRows: number,
  numColumns: number,
  problemAt: (row: number, col0: number) => CellProblems,
): boolean {
  if (numRows < 1 || numColumns < 1) return true;
  const range = sheet.getRange(row, col0 + 1, numRows, numColumns);
  const marked = markBlock(range.getNotes(), range.getBackgrounds(), (i, j) => problemAt(row + i, col0 + j));
  try {
    range.setNotes(marked.notes);
    range.setBackgrounds(marked.backgrounds);
    return true;
  } catch {
    return false;
  }
}

const MAX_LINES = 300;

function problemItems(problems: readonly Problem[]): string {
  const shown = problems.slice(0, MAX_LINES).map((p) => {
    const where = p.cell ? cellRef(p.tab, p.cell) : `${p.tab} (${VALIDATE_MENU.whole})`;
    return `<li><b>${escapeHtml(where)}</b>: ${escapeHtml(p.message)}</li>`;
  });
  if (problems.length > MAX_LINES)
    shown.push(`<li>${escapeHtml(VALIDATE_MENU.more(problems.length - MAX_LINES))}</li>`);
  return `<ul>${shown.join('')}</ul>`;
}

/** The dialog's HTML: a summary, then errors and warnings in separate lists; every text escaped. */
export function problemsHtml(problems: readonly Problem[], unmarkedTabs: readonly string[] = []): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const parts = [
    '<div style="font-family: Sarabun, sans-serif; font-size: 14px">',
    `<p>${escapeHtml(problems.length ? VALIDATE_MENU.summary(errors.length, warnings.length) : VALIDATE_MENU.noProblems)}</p>`,
  ];
  if (unmarkedTabs.length) parts.push(`<p>${escapeHtml(VALIDATE_MENU.notMarked(unmarkedTabs))}</p>`);
  if (errors.length)
    parts.push(`<h3 style="color:#b00020">${escapeHtml(VALIDATE_MENU.errorsHeading)}</h3>`, problemItems(errors));
  if (warnings.length)
    parts.push(`<h3 style="color:#8a6d00">${escapeHtml(VALIDATE_MENU.warningsHeading)}</h3>`, problemItems(warnings));
  parts.push('</div>');
  return parts.join('\n');
}

/** Reads once, validates, marks; returns the problems (tests and the bench call this). */
export function validateAll(ss: Spreadsheet): { problems: Problem[]; unmarkedTabs: string[] } {
  const snapshot = readWorkbook(ss);
  const parsed = parseWorkbook(snapshot);
  // with the closed rounds' drift warnings (the snapshot tab is in what was read)
  const problems = [...validateParsed(parsed), ...closedRoundDrift(snapshot, parsed)];
  const unmarkedTabs = markProblems(ss, snapshot, parsed, problems);
  return { problems, unmarkedTabs };
}

/** Menu "ตรวจสอบข้อมูล". */
export function menuValidateAll(): void {
  const { problems, unmarkedTabs } = validateAll(activeSpreadsheet());
  showDialog(problemsHtml(problems, unmarkedTabs), VALIDATE_MENU.title);
}
