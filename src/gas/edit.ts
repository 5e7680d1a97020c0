// onEdit (a simple trigger): check the edited cells with core's rules, mark problems with a Thai note
// and a colour, clear the mark once fixed, and stamp updated at/by on a division's rows.
// A simple trigger runs as the person editing and without authorization: it may read and write this
// spreadsheet (only where that person may edit) but cannot send mail or open other files.
// Batched even for a multi-cell paste: the header row and the edited rows are read once; notes,
// backgrounds and stamps are written with one call each.
import { type Cell, columnLetter, isBlank } from '../core/cells';
import { offsetClock } from '../core/clock';
import { MARK } from '../core/messages';
import {
  type ColumnSpec,
  DIVISION_STAMP_KEYS,
  DIVISIONS_TAB,
  divisionOwnedKeys,
  divisionTab,
  FIXED_TABS,
  MEASURES_TAB,
  MILESTONES_TAB,
  SETTINGS_TAB,
  type TabSpec,
} from '../core/schema';
import { cellContextOf, checkCell, checkRow, rowRuleKeys, validateParsed } from '../core/validate';
import { parseDivisions, parseSettings, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { fromSheet, readTabs, writeTable, zoneOffsetMs } from './sheetio';
import { type CellProblems, markBlock } from './validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** Fixed tabs whose cells people type into; the others (dashboard, register, log, archive) are the system's. */
const CHECKED_FIXED: readonly TabSpec[] = [DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB];
const FIXED_NAMES = new Set(FIXED_TABS.map((t) => t.name));

/** A change in one of the division's own columns (the stamps themselves aside) stamps updated at/by. */
const stamps = (key: string): boolean => divisionOwnedKeys().includes(key) && !DIVISION_STAMP_KEYS.includes(key);

/**
 * Who edited. e.user and Session.getActiveUser() come back blank for consumer (gmail) accounts and
 * across Workspace domains: Google withholds the e-mail from simple triggers there. Then the time is
 * still stamped and the account is said to be unknown, rather than leaving the previous editor's name.
 */
function editorEmail(e: EditEvent): string {
  let email = '';
  try {
    email = e.user?.getEmail() || Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  return email || MARK.unknownUser;
}

/** Entry point: the simple trigger. A failure is logged: a simple trigger has no one to show it to. */
export function onEdit(e: EditEvent): void {
  try {
    handleEdit(e);
  } catch (err) {
    console.error(err);
  }
}

interface Block {
  sheet: Sheet;
  firstRow: number;
  numRows: number;
  /** 0-based first and last edited columns */
  col0: number;
  colN: number;
}

export function handleEdit(e: EditEvent, now: Date = new Date()): void {
  if (!e?.range) return;
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const isSettings = name === SETTINGS_TAB.name;
  const fixedSpec = CHECKED_FIXED.find((t) => t.name === name);
  if (!isSettings && !fixedSpec && FIXED_NAMES.has(name)) return;

  const row0 = range.getRow();
  const firstRow = Math.max(2, row0); // edits to the header row are not data
  const lastRow = row0 + range.getNumRows() - 1;
  if (lastRow < firstRow) return;
  const col0 = range.getColumn() - 1;
  const block: Block = {
    sheet,
    firstRow,
    numRows: lastRow - firstRow + 1,
    col0,
    colN: col0 + range.getNumColumns() - 1,
  };
  const ss = sheet.getParent();
  const offsetMs = zoneOffsetMs(ss);

  if (isSettings) {
    markSettingsEdit(block, readTabs(ss, [SETTINGS_TAB.name]));
    return;
  }

  const width = Math.max(sheet.getLastColumn(), block.colN + 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
  const spec = fixedSpec ?? divisionTab(name);
  const table = readTable({ tabs: { [name]: [header] } }, spec);
  const isDivisionTab = spec.key === 'division';
  if (isDivisionTab && table.columnIndex.entryKey < 0) return; // a tab of someone's own, not the tracker's

  const columnAt = new Map<number, ColumnSpec>();
  for (const c of spec.columns) if (table.columnIndex[c.key] >= 0) columnAt.set(table.columnIndex[c.key], c);
  const edited: number[] = [];
  for (let c = block.col0; c <= block.colN; c++) if (columnAt.has(c)) edited.push(c);
  if (edited.length === 0) return;

  // what the rules need besides the cells: the fiscal year and round, the division names
  const types = new Set(edited.map((c) => (columnAt.get(c) as ColumnSpec).type));
  const needSettings = isDivisionTab || types.has('date');
  const needDivisions = types.has('division') || types.has('divisions');
  const tabs = [...(needSettings ? [SETTINGS_TAB.name] : []), ...(needDivisions ? [DIVISIONS_TAB.name] : [])];
  const context: WorkbookSnapshot = tabs.length ? readTabs(ss, tabs) : { tabs: {} };
  const settings = parseSettings(readTable(context, SETTINGS_TAB));
  const ctx = cellContextOf(settings.fiscalYear, parseDivisions(readTable(context, DIVISIONS_TAB)));

  // the row rules (a division's "done" needs this round's result) read several cells: all of them
  // are checked whenever one is edited
  const round = settings.currentRound;
  const rowCols = rowRuleKeys(round).map((k) => table.columnIndex[k] ?? -1);
  const checked = new Set(edited);
  const rowRules = isDivisionTab && rowCols.every((c) => c >= 0) && rowCols.some((c) => checked.has(c));
  if (rowRules) for (const c of rowCols) checked.add(c);
  const stampCols = isDivisionTab
    ? [table.columnIndex.updatedAt, table.columnIndex.updatedBy].filter((c) => c >= 0)
    : [];
  const stamping = stampCols.length > 0 && edited.some((c) => stamps((columnAt.get(c) as ColumnSpec).key));
  const keyCol = table.columnIndex.entryKey ?? -1;

  // one read of the edited rows, over every column involved
  const involved = [...checked, ...(stamping ? [...stampCols, keyCol].filter((c) => c >= 0) : [])];
  const readStart = Math.min(...involved);
  const values = sheet
    .getRange(firstRow, readStart + 1, block.numRows, Math.max(...involved) - readStart + 1)
    .getValues()
    .map((row) => row.map((v) => fromSheet(v, offsetMs)));
  const at = (i: number, c: number): Cell => values[i][c - readStart];

  const rowProblems = values.map((_, i) =>
    rowRules ? checkRow(spec, Object.fromEntries(rowCols.map((c) => [columnAt.get(c)?.key, at(i, c)])), round) : [],
  );
  const problemsAt = (i: number, c: number): CellProblems | undefined => {
    if (!checked.has(c)) return undefined;
    const column = columnAt.get(c) as ColumnSpec;
    return [...checkCell(column, at(i, c), ctx), ...rowProblems[i].filter((p) => p.column === column.key)].map((p) => ({
      severity: p.severity,
      message: p.message,
    }));
  };
  const markStart = Math.min(...checked);
  writeMarks(block, markStart, Math.max(...checked), (i, c) => problemsAt(i, c));

  if (stamping) {
    const stamp = offsetClock(offsetMs, () => now.getTime()).now();
    const by = editorEmail(e);
    const rowHasEntry = (i: number) => keyCol < 0 || !isBlank(at(i, keyCol));
    const byKey: Record<number, (i: number) => Cell> = {
      [table.columnIndex.updatedAt]: (i) => (rowHasEntry(i) ? stamp : at(i, table.columnIndex.updatedAt)),
      [table.columnIndex.updatedBy]: (i) => (rowHasEntry(i) ? by : at(i, table.columnIndex.updatedBy)),
    };
    const runs =
      stampCols.length === 2 && Math.abs(stampCols[0] - stampCols[1]) === 1
        ? [[Math.min(...stampCols), 2]]
        : stampCols.map((c) => [c, 1]);
    for (const [start, n] of runs) {
      const rows = values.map((_, i) => Array.from({ length: n }, (_, j) => byKey[start + j](i)));
      writeTable(sheet, rows, firstRow, { column: start + 1, width: n, offsetMs });
    }
  }
}

/** Notes and colours of columns [start..end] of the block's rows: one read and one write each. */
function writeMarks(
  block: Block,
  start: number,
  end: number,
  problemsAt: (i: number, c: number) => CellProblems | undefined,
): void {
  const range = block.sheet.getRange(block.firstRow, start + 1, block.numRows, end - start + 1);
  const marked = markBlock(range.getNotes(), range.getBackgrounds(), (i, j) => problemsAt(i, start + j));
  if (!marked.changed) return;
  range.setNotes(marked.notes);
  range.setBackgrounds(marked.backgrounds);
}

/**
 * The settings tab: a value's rule depends on its row's setting, so core validates the (small) tab
 * as a whole and the edited cells take the problems that fall on them.
 */
function markSettingsEdit(block: Block, snapshot: WorkbookSnapshot): void {
  const problems = validateParsed(parseWorkbook(snapshot)).filter((p) => p.tab === SETTINGS_TAB.name && p.cell !== '');
  const byCell = new Map<string, CellProblems>();
  for (const p of problems)
    byCell.set(p.cell, [...(byCell.get(p.cell) ?? []), { severity: p.severity, message: p.message }]);
  writeMarks(block, block.col0, block.colN, (i, c) => byCell.get(`${columnLetter(c)}${block.firstRow + i}`) ?? []);
}
