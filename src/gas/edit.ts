// onEdit (a simple trigger): check the edited cells with core's rules, mark problems with a Thai note
// and a colour, clear the mark once fixed, and stamp updated at/by on a division's rows.
// A simple trigger runs as the person editing and without authorization: it may read and write this
// spreadsheet (only where that person may edit) but cannot send mail or open other files.
// Batched even for a multi-cell paste: the header row and the edited rows are read once; notes,
// backgrounds and stamps are written with one call each.

import { cellContextOf, checkCell, checkRow, rowRuleKeys } from '../core/cell-rules';
import { type A1Block, type Cell, columnLetter, isBlank, parseA1, quoteTabName } from '../core/cells';
import { MARK } from '../core/messages/validation';
import {
  type ColumnSpec,
  DIVISION_STAMP_KEYS,
  DIVISIONS_TAB,
  divisionOwnedKeys,
  divisionTab,
  MEASURES_TAB,
  MILESTONES_TAB,
  SETTINGS_TAB,
  type TabSpec,
} from '../core/schema';
import { parseSettings } from '../core/settings-tab';
import { validateParsed } from '../core/validate';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { eventRangeFields, eventUserEmail } from './adapters/sheets';
import { fromSheet, readTabs, zoneOffsetMs } from './sheetio';
import { type CellProblems, markBlock } from './validate';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** Fixed tabs whose cells people type into; the others (dashboard, register, log, archive) are the system's. */
const CHECKED_FIXED: readonly TabSpec[] = [DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB];

/** A change in one of the division's own columns (the stamps themselves aside) stamps updated at/by. */
const stamps = (key: string): boolean => divisionOwnedKeys().includes(key) && !DIVISION_STAMP_KEYS.includes(key);

/**
 * Who edited, by the documented rule: a simple trigger is told the editor's e-mail only when they are
 * of the sheet's own Workspace domain (reference, class User getEmail(): "not available in any context
 * that allows a script to run without that user's authorization, like a simple onOpen(e) or onEdit(e)
 * trigger … these restrictions generally do not apply if the developer … belongs to the same Google
 * Workspace domain as the user"). On a Gmail-owned sheet, or for an editor from another domain, it is
 * blank: the time is still stamped and the account is said to be unknown (in Thai), rather than
 * leaving the previous editor's name. Asked once: e.user is the active user (events#edit), so
 * Session.getActiveUser() is asked only when the event carries no user.
 */
function editorEmail(e: EditEvent): string {
  // Sheets hands the e-mail in the event's user as a field ({nickname, email}: observed, not in the
  // reference): a shortcut when it is there; the documented getEmail() is the rule
  const field = eventUserEmail(e.user);
  if (field) return field;
  let email = '';
  try {
    email = (e.user ? e.user.getEmail() : Session.getActiveUser().getEmail()) || '';
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
  /** a range of the edited tab by 1-based row and column: an offset of the edited range (no sheet needed) */
  rangeAt: (row: number, column: number, numRows: number, numColumns: number) => GoogleAppsScript.Spreadsheet.Range;
  firstRow: number;
  numRows: number;
  /** 0-based first and last edited columns */
  col0: number;
  colN: number;
  /** the edited range, when it is exactly these rows and columns (written without a getRange) */
  edited: GoogleAppsScript.Spreadsheet.Range | null;
}

/**
 * Columns read first, through the edited range's own offset (no getSheet): a new tab's width in Sheets
 * (the app never trims its tabs), holding every tab the tracker checks. A tab whose columns are not all
 * within them, or that is narrower, is read whole through its sheet instead (one or two calls more).
 */
const NARROW_READ_COLUMNS = 26;

/**
 * The edited block from the event's own fields: Sheets puts rowStart, columnStart, rowEnd and
 * columnEnd on e.range (observed in every simple-trigger event, not in the reference). Without them,
 * or with numbers that do not make a block, one getA1Notation.
 */
function editedBlock(range: GoogleAppsScript.Spreadsheet.Range): Omit<A1Block, 'tab'> | null {
  const f = eventRangeFields(range);
  const [r1, c1, r2, c2] = [f.rowStart, f.columnStart, f.rowEnd, f.columnEnd];
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1;
  if (whole(r1) && whole(c1) && whole(r2) && whole(c2) && r2 >= r1 && c2 >= c1)
    return { row: r1, column: c1, numRows: r2 - r1 + 1, numColumns: c2 - c1 + 1 };
  return parseA1(range.getA1Notation());
}

/** Rows read with the header in one call while the edit is this near the top (division tabs are short). */
const READ_WITH_HEADER_ROWS = 500;

/** The tab a header row belongs to: the fixed tabs by their key column, a division tab by its own columns. */
function specOfHeader(header: Cell[]): TabSpec | null {
  // the candidate whose identifying columns are all there and that matches most of its columns
  // (the milestones tab also has a measure-id column, the archive an entry-key column)
  const candidates: [TabSpec, string[]][] = [
    [SETTINGS_TAB, ['settingKey', 'settingValue']],
    ...CHECKED_FIXED.map((spec): [TabSpec, string[]] => [spec, [spec.columns[0].key]]),
    [divisionTab(''), ['entryKey', 'status', 'updatedAt']],
  ];
  let best: TabSpec | null = null;
  let bestCount = 0;
  for (const [spec, keys] of candidates) {
    const t = readTable({ tabs: { [spec.name]: [header] } }, spec);
    if (!keys.every((k) => t.columnIndex[k] >= 0)) continue;
    const count = spec.columns.filter((c) => t.columnIndex[c.key] >= 0).length;
    if (count > bestCount) [best, bestCount] = [spec, count];
  }
  return best;
}

/**
 * The settings in two calls: one sheet-qualified read of the tab's own columns (its layout is the
 * app's). A tab rearranged by hand is read whole instead.
 */
function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): WorkbookSnapshot {
  try {
    const values = ss
      .getRange(`${quoteTabName(SETTINGS_TAB.name)}!A:${columnLetter(SETTINGS_TAB.columns.length - 1)}`)
      .getValues() as Cell[][];
    let last = values.length;
    while (last > 0 && values[last - 1].every((v) => v === '' || v === null)) last--;
    const snapshot = { tabs: { [SETTINGS_TAB.name]: values.slice(0, last) } };
    const t = readTable(snapshot, SETTINGS_TAB);
    if (t.columnIndex.settingKey >= 0 && t.columnIndex.settingValue >= 0) return snapshot;
  } catch {
    // no settings tab, or narrower than the app made it: below
  }
  return readTabs(ss, [SETTINGS_TAB.name]);
}

/**
 * Service calls, for the most frequent operation (issue 11 §6): the geometry and the editor's e-mail
 * from the event's fields (one call each when missing), the spreadsheet from the event, every range
 * as an offset of the edited one (no getSheet), the header and the edited rows in one read, notes
 * read once and colours only when a mark changes, the settings only when a rule needs them (a date,
 * or a "done" whose verdict depends on the round), the zone offset only for date columns, the stamps
 * as an instant (Sheets shows it in the sheet's zone). A one-cell edit on a division tab costs 5–10
 * calls (tests/gas/edit-calls.test.ts).
 */
export function handleEdit(e: EditEvent, now: Date = new Date()): void {
  const where = identifyBlock(e);
  if (!where) return;
  const read = readEditedTab(e.range, where);
  if (!read) return;
  const ss = e.source ?? e.range.getSheet().getParent();
  if (read.spec === SETTINGS_TAB) {
    markSettingsEdit(where.block, readTabs(ss, [SETTINGS_TAB.name]));
    return;
  }
  const rows = readEditedRows(ss, where, read);
  if (!rows) return;
  writeMarks(where.block, rows.rowsRange, rows.rowOffset, ...checkEdit(ss, rows));
  stampEdit(e, where.block, rows, now);
}

/** The edited block, header row left out; null when only the header (or nothing) was edited. */
interface EditedBlock {
  block: Block;
  /** 1-based last edited row */
  lastRow: number;
  /** header and edited rows read together (one call) */
  together: boolean;
}

/** 1. Identify: the edited block from the event, as offsets of the edited range (no getSheet). */
function identifyBlock(e: EditEvent): EditedBlock | null {
  if (!e?.range) return null;
  const range = e.range;
  const g = editedBlock(range);
  if (!g) return null;
  const firstRow = Math.max(2, g.row); // edits to the header row are not data
  const lastRow = g.row + g.numRows - 1;
  if (lastRow < firstRow) return null;
  const block: Block = {
    rangeAt: (row, column, numRows, numColumns) => range.offset(row - g.row, column - g.column, numRows, numColumns),
    firstRow,
    numRows: lastRow - firstRow + 1,
    col0: g.column - 1,
    colN: g.column + g.numColumns - 2,
    edited: g.row === firstRow ? range : null,
  };
  // header and edited rows together (one read) while near the top; else the header, then the rows
  return { block, lastRow, together: lastRow <= READ_WITH_HEADER_ROWS };
}

interface TabRead {
  spec: TabSpec;
  /** what was read from row 1: the header, and the edited rows when read together */
  top: Cell[][];
  topRange: GoogleAppsScript.Spreadsheet.Range;
}

/** 2. Read: the header (and the rows when near the top) and which of the tracker's tabs it is. */
function readEditedTab(range: GoogleAppsScript.Spreadsheet.Range, where: EditedBlock): TabRead | null {
  const { block, lastRow, together } = where;
  const topRows = together ? lastRow : 1;
  let topRange: GoogleAppsScript.Spreadsheet.Range | null = null;
  let top: Cell[][] = [];
  let spec: TabSpec | null = null;
  try {
    topRange = block.rangeAt(1, 1, topRows, NARROW_READ_COLUMNS);
    top = topRange.getValues() as Cell[][];
    spec = specOfHeader(top[0] ?? []);
    const t = spec && readTable({ tabs: { [spec.name]: [top[0]] } }, spec);
    // every column of the tab found; or no tab of the tracker's, and its header ends within the read
    const whole = t
      ? spec?.columns.every((c) => t.columnIndex[c.key] >= 0)
      : isBlank(top[0]?.[NARROW_READ_COLUMNS - 1] ?? null);
    if (!whole) topRange = null;
  } catch {
    topRange = null; // a tab narrower than that: read below
  }
  if (!topRange) {
    const sheet = range.getSheet(); // only when the first NARROW_READ_COLUMNS do not hold the tab
    topRange = together ? sheet.getRange(`1:${lastRow}`) : sheet.getRange('1:1');
    top = topRange.getValues() as Cell[][];
    spec = specOfHeader(top[0] ?? []);
  }
  // no spec: the dashboard, register, log, archive, or a tab of one's own
  return spec ? { spec, top, topRange } : null;
}

interface EditedRows {
  spec: TabSpec;
  table: ReturnType<typeof readTable>;
  isDivisionTab: boolean;
  /** 0-based column → its spec, for the tab's columns found by header */
  columnAt: Map<number, ColumnSpec>;
  /** the edited columns the tab has (0-based) */
  edited: number[];
  rowsRange: GoogleAppsScript.Spreadsheet.Range;
  /** where the edited rows start in rowsRange */
  rowOffset: number;
  /** the edited rows as Sheets returned them, and in core's convention */
  raw: unknown[][];
  values: Cell[][];
  hasDates: boolean;
  types: Set<string>;
}

/** The edited rows (from the read above when together, else one read); null when no tracked column was edited. */
function readEditedRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  where: EditedBlock,
  read: TabRead,
): EditedRows | null {
  const { block, together } = where;
  const { spec, top, topRange } = read;
  const header = top[0] ?? [];
  const table = readTable({ tabs: { [spec.name]: [header] } }, spec);
  const columnAt = new Map<number, ColumnSpec>();
  for (const c of spec.columns) if (table.columnIndex[c.key] >= 0) columnAt.set(table.columnIndex[c.key], c);
  const edited: number[] = [];
  for (let c = block.col0; c <= block.colN; c++) if (columnAt.has(c)) edited.push(c);
  if (edited.length === 0) return null;
  const firstRow = block.firstRow;
  const rowsRange = together ? topRange : block.rangeAt(firstRow, 1, block.numRows, header.length);
  const raw = (together ? top.slice(firstRow - 1) : (rowsRange.getValues() as Cell[][])) as unknown[][];
  const types = new Set<string>(edited.map((c) => (columnAt.get(c) as ColumnSpec).type));
  const hasDates = [...types].some((t) => t === 'date' || t === 'datetime');
  const offsetMs = hasDates ? zoneOffsetMs(ss) : 0;
  return {
    spec,
    table,
    isDivisionTab: spec.key === 'division',
    columnAt,
    edited,
    rowsRange,
    rowOffset: together ? firstRow - 1 : 0,
    raw,
    values: raw.map((row) => row.map((v) => fromSheet(v, offsetMs))),
    hasDates,
    types,
  };
}

/**
 * 3. Check: the columns to mark and each cell's problems. The row rules (a division's "done" needs this
 * round's result) read several cells: all of them are checked whenever one is edited; the settings
 * (and the round) are read only when a date or the verdict depends on them.
 */
function checkEdit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: EditedRows,
): [Set<number>, (i: number, c: number) => CellProblems | undefined] {
  const { spec, table, columnAt, edited, values, types } = rows;
  const at = (i: number, c: number): Cell => values[i]?.[c] ?? null;
  const ruleCols = rows.isDivisionTab
    ? [...new Set([...rowRuleKeys(6), ...rowRuleKeys(12)])].map((k) => table.columnIndex[k] ?? -1)
    : [];
  const checked = new Set(edited);
  const rowRules = ruleCols.length > 0 && ruleCols.every((c) => c >= 0) && ruleCols.some((c) => checked.has(c));
  if (rowRules) for (const c of ruleCols) checked.add(c);
  const rowCells = (i: number) => Object.fromEntries(ruleCols.map((c) => [columnAt.get(c)?.key, at(i, c)]));
  const byRound = (round: 6 | 12) => values.map((_, i) => (rowRules ? checkRow(spec, rowCells(i), round) : []));
  const [for6, for12] = [byRound(6), byRound(12)];
  const roundMatters = JSON.stringify(for6) !== JSON.stringify(for12);

  const needDivisions = types.has('division') || types.has('divisions');
  const tabs = needDivisions ? [DIVISIONS_TAB.name] : [];
  const context: WorkbookSnapshot = tabs.length ? readTabs(ss, tabs) : { tabs: {} };
  if (rows.hasDates || roundMatters) Object.assign(context.tabs, readSettings(ss).tabs);
  const settings = parseSettings(readTable(context, SETTINGS_TAB));
  const ctx = cellContextOf(settings.fiscalYear, parseDivisions(readTable(context, DIVISIONS_TAB)));
  const rowProblems = settings.currentRound === 12 ? for12 : for6;

  const problemsAt = (i: number, c: number): CellProblems | undefined => {
    if (!checked.has(c)) return undefined;
    const column = columnAt.get(c) as ColumnSpec;
    return [...checkCell(column, at(i, c), ctx), ...rowProblems[i].filter((p) => p.column === column.key)].map((p) => ({
      severity: p.severity,
      message: p.message,
    }));
  };
  return [checked, problemsAt];
}

/** 5. Stamp: updated at / by on a division tab's edited rows that hold an entry, one write per run of columns. */
function stampEdit(e: EditEvent, block: Block, rows: EditedRows, now: Date): void {
  const { table, columnAt, edited, values, raw } = rows;
  const stampCols = rows.isDivisionTab
    ? [table.columnIndex.updatedAt, table.columnIndex.updatedBy].filter((c) => c >= 0)
    : [];
  const stamping = stampCols.length > 0 && edited.some((c) => stamps((columnAt.get(c) as ColumnSpec).key));
  if (!stamping) return;
  const by = editorEmail(e);
  const keyCol = table.columnIndex.entryKey ?? -1;
  const rowHasEntry = (i: number) => keyCol < 0 || !isBlank(values[i]?.[keyCol] ?? null);
  // an instant: Sheets shows it on the sheet's wall clock (no zone offset needed)
  const stamp = new Date(now.getTime());
  const cell = (i: number, c: number): unknown =>
    c === table.columnIndex.updatedAt
      ? rowHasEntry(i)
        ? stamp
        : (raw[i]?.[c] ?? '')
      : rowHasEntry(i)
        ? by
        : (raw[i]?.[c] ?? '');
  const runs =
    stampCols.length === 2 && Math.abs(stampCols[0] - stampCols[1]) === 1
      ? [[Math.min(...stampCols), 2]]
      : stampCols.map((c) => [c, 1]);
  for (const [start, n] of runs)
    block
      .rangeAt(block.firstRow, start + 1, block.numRows, n)
      .setValues(values.map((_, i) => Array.from({ length: n }, (_, j) => cell(i, start + j))));
}

/**
 * The marks of the checked cells. Notes are read once, on the range already read for the values;
 * nothing more when no mark appears, changes or goes (most edits). Otherwise notes and colours are
 * written on the smallest block of edited rows holding every changed cell — the edited range itself
 * when it is that block — and colours are read only when that block holds a cell whose colour is
 * not the tracker's to decide.
 */
function writeMarks(
  block: Block,
  readRange: GoogleAppsScript.Spreadsheet.Range,
  rowOffset: number,
  checked: ReadonlySet<number>,
  problemsAt: (i: number, c: number) => CellProblems | undefined,
): void {
  const notes = (readRange.getNotes() as string[][])
    .slice(rowOffset, rowOffset + block.numRows)
    .map((row) => row.map((n) => String(n ?? '')));
  const width = notes[0]?.length ?? 0;
  const cols = [...checked].filter((c) => c < width);
  // what each checked cell's note becomes (markBlock on notes alone; colours follow below)
  const next = markBlock(
    notes,
    notes.map((row) => row.map(() => '')),
    (i, c) => (cols.includes(c) ? problemsAt(i, c) : undefined),
  ).notes;
  let [i0, i1, c0, c1] = [Number.POSITIVE_INFINITY, -1, Number.POSITIVE_INFINITY, -1];
  for (let i = 0; i < notes.length; i++)
    for (const c of cols)
      if (next[i][c] !== notes[i][c])
        [i0, i1, c0, c1] = [Math.min(i0, i), Math.max(i1, i), Math.min(c0, c), Math.max(c1, c)];
  if (i1 < 0) return; // no mark appears, changes or goes
  const rows = i1 - i0 + 1;
  const cellsW = c1 - c0 + 1;
  // a cell in the block whose colour the tracker does not decide: not checked, or unmarked before and after
  const decided = (i: number, c: number) => cols.includes(c) && (next[i][c] !== '' || notes[i][c] !== '');
  let current: string[][] | null = null;
  for (let i = i0; i <= i1 && !current; i++)
    for (let c = c0; c <= c1; c++)
      if (!decided(i, c)) {
        current = (readRange.getBackgrounds() as string[][]).slice(rowOffset, rowOffset + block.numRows);
        break;
      }
  const slice = <T>(grid: T[][]) => grid.slice(i0, i1 + 1).map((row) => row.slice(c0, c1 + 1));
  const marked = markBlock(
    slice(notes),
    current ? slice(current).map((row) => row.map(String)) : slice(notes).map((row) => row.map(() => '')),
    (i, j) => (cols.includes(c0 + j) ? problemsAt(i0 + i, c0 + j) : undefined),
  );
  // colours the tracker decides: its colour on a marked cell, none where its mark went; every other
  // cell keeps the colour read
  const backgrounds = marked.backgrounds.map((row, i) =>
    row.map((b, j) => (decided(i0 + i, c0 + j) && next[i0 + i][c0 + j] === '' ? null : b)),
  );
  const out =
    block.edited && i0 === 0 && rows === block.numRows && c0 === block.col0 && c1 === block.colN
      ? block.edited
      : block.rangeAt(block.firstRow + i0, c0 + 1, rows, cellsW);
  out.setNotes(marked.notes);
  out.setBackgrounds(backgrounds);
}

/** Notes and colours of columns [start..end] of the block's rows: one read and one write each. */
function writeBlockMarks(
  block: Block,
  start: number,
  end: number,
  problemsAt: (i: number, c: number) => CellProblems | undefined,
): void {
  const range = block.rangeAt(block.firstRow, start + 1, block.numRows, end - start + 1);
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
  writeBlockMarks(block, block.col0, block.colN, (i, c) => byCell.get(`${columnLetter(c)}${block.firstRow + i}`) ?? []);
}
