// The naive baseline: the same operations written the way tutorials do them — one getValue/setValue per
// cell, one appendTableCell per cell, one e-mail per item. Kept here, in the bench only, so that the
// ratio in the table is measured against the same fakes in the same run, not claimed.
// They do the I/O of the real operation (read what it reads, write what it writes), not its logic.
import { TAB } from '../src/core/messages/tabs-headers';
import { REPORT_COLUMNS } from '../src/core/report';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const divisionSheets = (): Sheet[] => {
  const fixed = new Set<string>(Object.values(TAB));
  return ss()
    .getSheets()
    .filter((s) => !fixed.has(s.getName()));
};

/** Reads every cell of a tab one by one. */
function readCellByCell(sheet: Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  const out: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= cols; c++) row.push(sheet.getRange(r, c).getValue());
    out.push(row);
  }
  return out;
}

export function naiveValidate(): void {
  for (const sheet of ss().getSheets()) {
    const values = readCellByCell(sheet);
    // mark each data cell (clear or set its note) one by one
    for (let r = 2; r <= values.length; r++)
      for (let c = 1; c <= (values[0]?.length ?? 0); c++) sheet.getRange(r, c).setNote('');
  }
}

export function naiveSync(): void {
  const measures = readCellByCell(ss().getSheetByName(TAB.measures)!);
  readCellByCell(ss().getSheetByName(TAB.divisions)!);
  for (const sheet of divisionSheets()) {
    const values = readCellByCell(sheet);
    for (let r = 1; r <= values.length; r++)
      for (let c = 1; c <= values[0].length; c++) sheet.getRange(r, c).setValue(values[r - 1][c - 1]);
  }
  void measures;
}

export function naiveOnEdit(sheet: Sheet, row: number, column: number): void {
  // reads the header cell by cell to find the column, then the edited cell, then writes note + stamp
  for (let c = 1; c <= sheet.getLastColumn(); c++) sheet.getRange(1, c).getValue();
  const v = sheet.getRange(row, column).getValue();
  sheet.getRange(row, column).setNote(v ? '' : 'ต้องกรอก');
  sheet.getRange(row, column).setBackground(null);
  sheet.getRange(row, 10).setValue(new Date());
  sheet.getRange(row, 11).setValue(Session.getActiveUser().getEmail());
}

export function naiveReport(): void {
  const measures = readCellByCell(ss().getSheetByName(TAB.measures)!);
  for (const sheet of divisionSheets()) readCellByCell(sheet);
  const doc = DocumentApp.create('naive report');
  const body = doc.getBody();
  body.appendParagraph('รายงาน');
  const table = body.appendTable();
  const header = table.appendTableRow();
  for (const h of REPORT_COLUMNS) header.appendTableCell(h);
  for (let r = 1; r < measures.length; r++) {
    const row = table.appendTableRow();
    for (let c = 0; c < REPORT_COLUMNS.length; c++) row.appendTableCell(String(measures[r][c + 2] ?? ''));
  }
  doc.saveAndClose();
}

export function naiveReminders(): void {
  // division name → its notify address, read cell by cell like everything else here
  const divisions = readCellByCell(ss().getSheetByName(TAB.divisions)!);
  const emailOf = new Map(divisions.slice(1).map((r) => [String(r[1]), String(r[3]).split(',')[0].trim()]));
  for (const sheet of divisionSheets()) {
    const values = readCellByCell(sheet);
    const to = emailOf.get(sheet.getName());
    if (!to) continue;
    // one e-mail per open item, every day: no digest, no log
    for (let r = 1; r < values.length; r++)
      if (values[r][5] !== 'ดำเนินการแล้ว') MailApp.sendEmail(to, `แจ้งเตือน ${values[r][0]}`, String(values[r][3]));
  }
}

export function naiveSetup(): void {
  for (const sheet of ss().getSheets()) {
    const cols = sheet.getLastColumn();
    for (let c = 1; c <= cols; c++) {
      sheet.getRange(1, c).setFontWeight('bold');
      sheet.setColumnWidth(c, 140);
    }
    for (let r = 2; r <= sheet.getLastRow(); r++)
      for (let c = 1; c <= cols; c++) sheet.getRange(r, c).setDataValidation(null);
  }
}

/** Closing a round cell by cell: each division row read one cell at a time, one appendRow per row. */
export function naiveCloseRound(): void {
  const snapshot = ss().getSheetByName(TAB.roundSnapshot) ?? ss().insertSheet(TAB.roundSnapshot);
  for (const sheet of divisionSheets()) {
    const rows = readCellByCell(sheet);
    for (const r of rows.slice(1))
      snapshot.appendRow([2566, 6, sheet.getName(), r[0], r[5], r[6], r[8], new Date(), '']);
  }
}

/** A public page that reads the sheet on every visit: settings and register, cell by cell. */
export function naivePublicPageVisit(): void {
  readCellByCell(ss().getSheetByName(TAB.settings)!);
  readCellByCell(ss().getSheetByName(TAB.reports)!);
  HtmlService.createHtmlOutput('<p>…</p>');
}
