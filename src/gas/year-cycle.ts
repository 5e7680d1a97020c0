// Menus "ปิดรอบการรายงาน", "เปิดรอบอีกครั้ง" and "เริ่มปีงบประมาณใหม่" (admins). Core decides
// (src/core/year-cycle.ts) from the workbook read once; this adapter writes back only the tabs that
// changed, one setValues each, then sets the closed round's protections and refreshes the dashboard.
// Service calls: one read per tab, one write per changed tab, and per division tab a fixed few for
// the round's protection (never per row).
// "รายงานผลปีงบประมาณที่ผ่านมา" (admins): an earlier year's closed round, picked from the snapshot tab,
// reported from its snapshot through generateDocument (the report kind) at the register's URL of that
// (year, round) — the owner's queue when the clicker is not the folder's owner.
import { REPORT_KIND } from '../core/app/document-kinds';
import { offsetClock } from '../core/clock';
import { closedRoundsBefore } from '../core/closed-rounds';
import { REPORT } from '../core/messages/report';
import { YEAR_CYCLE } from '../core/messages/year-cycle';
import { resultKeyFor } from '../core/model';
import { FIXED_TABS, ROUND_SNAPSHOT_TAB, SETTINGS_TAB } from '../core/schema';
import { isoFromWallDate, numerals, type Round, toArabicDigits } from '../core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../core/workbook';
import { type Actor, closeRound, reopenRound, rollover, type YearCycleResult } from '../core/year-cycle';
import { activeSpreadsheet, confirm, currentUserEmail, showAlert, ui, withDocumentLock } from './context';
import { storedPublicUrl, writeDashboard } from './dashboard';
import { documentFromMenu, showDone } from './document-menu';
import { sheetReader } from './document-ports';
import { layoutNewTab, lockDown, protectFixedTab } from './protect';
import type { GeneratedReport } from './report';
import { ensureSheet, readWorkbook, replaceTable, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Writes the tabs core changed: one setValues each (leftover rows blanked in it); a new log tab is laid out and protected. */
export function applyChange(ss: Spreadsheet, result: Extract<YearCycleResult, { ok: true }>, offsetMs: number): void {
  const admins = parseWorkbook(result.snapshot).tracker.settings.admins;
  for (const name of result.changedTabs) {
    const { sheet, created } = ensureSheet(ss, name);
    replaceTable(sheet, result.snapshot.tabs[name], { offsetMs });
    const spec = FIXED_TABS.find((t) => t.name === name);
    if (created && spec) {
      layoutNewTab(sheet, spec);
      protectFixedTab(sheet, admins);
    }
  }
}

/** The round's result column on every division tab, for admins only (a range protection per tab). */
function protectClosedRound(ss: Spreadsheet, snapshot: WorkbookSnapshot, fy: number, round: Round): void {
  const { tracker, tables } = parseWorkbook(snapshot);
  const me = Session.getEffectiveUser();
  const description = YEAR_CYCLE.protectClosed(fy, round);
  for (const table of Object.values(tables.divisionTabs)) {
    const column = table.columnIndex[resultKeyFor(round)];
    const sheet = table.present && column >= 0 ? ss.getSheetByName(table.spec.name) : null;
    if (!sheet) continue;
    const range = sheet.getRange(2, column + 1, Math.max(1, sheet.getMaxRows() - 1), 1);
    lockDown(range.protect(), tracker.settings.admins, description, me);
  }
}

/** Removes the closed-round protections: one round's (reopen) or every one (a new year). */
function unprotectClosedRounds(ss: Spreadsheet, snapshot: WorkbookSnapshot, only?: { fy: number; round: Round }): void {
  const { tables } = parseWorkbook(snapshot);
  const wanted = only ? YEAR_CYCLE.protectClosed(only.fy, only.round) : null;
  for (const table of Object.values(tables.divisionTabs)) {
    const sheet = table.present ? ss.getSheetByName(table.spec.name) : null;
    if (!sheet) continue;
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const d = p.getDescription();
      if (wanted ? d === wanted : d.startsWith(YEAR_CYCLE.protectClosedPrefix)) p.remove();
    }
  }
}

interface Context {
  ss: Spreadsheet;
  snapshot: WorkbookSnapshot;
  offsetMs: number;
  actor: Actor;
}

/** The workbook read once; who acts (only the settings' admins get here: src/gas/actions.ts). */
function open(): Context | null {
  const ss = activeSpreadsheet();
  const offsetMs = zoneOffsetMs(ss);
  const snapshot = readWorkbook(ss);
  const by = currentUserEmail();
  return { ss, snapshot, offsetMs, actor: { now: offsetClock(offsetMs).now(), by } };
}

/** After a change: the dashboard from the new values (the round and the counts moved). */
function afterChange(c: Context, result: Extract<YearCycleResult, { ok: true }>): void {
  try {
    writeDashboard(c.ss, parseWorkbook(result.snapshot).tracker, {
      offsetMs: c.offsetMs,
      today: isoFromWallDate(c.actor.now),
      publicUrl: storedPublicUrl(),
    });
  } catch (e) {
    console.error(e);
  }
}

/** A refusal's alert: core's message already lists the blocking problems. */
const refusal = (result: Extract<YearCycleResult, { ok: false }>): string => result.message;

export function menuCloseRound(): void {
  const c = open();
  if (!c) return;
  const s = parseWorkbook(c.snapshot).tracker.settings;
  if (!confirm(YEAR_CYCLE.closeConfirm(String(s.fiscalYear), String(s.currentRound)))) return;
  const result = closeRound(c.snapshot, c.actor);
  if (!result.ok) {
    showAlert(refusal(result));
    return;
  }
  applyChange(c.ss, result, c.offsetMs);
  protectClosedRound(c.ss, result.snapshot, s.fiscalYear, s.currentRound);
  afterChange(c, result);
  showAlert(result.message);
}

export function menuReopenRound(): void {
  const c = open();
  const u = ui();
  if (!c || !u) return;
  const s = parseWorkbook(c.snapshot).tracker.settings;
  const round = s.currentRound;
  const answer = u.prompt(
    YEAR_CYCLE.reopenAction,
    YEAR_CYCLE.reasonPrompt(String(s.fiscalYear), String(round)),
    u.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== u.Button.OK) return;
  const result = reopenRound(c.snapshot, c.actor, round, answer.getResponseText());
  if (!result.ok) {
    showAlert(refusal(result));
    return;
  }
  applyChange(c.ss, result, c.offsetMs);
  unprotectClosedRounds(c.ss, result.snapshot, { fy: s.fiscalYear, round });
  afterChange(c, result);
  showAlert(result.message);
}

export function menuRollover(): void {
  const c = open();
  if (!c) return;
  const fy = parseWorkbook(c.snapshot).tracker.settings.fiscalYear;
  if (!confirm(YEAR_CYCLE.rolloverConfirm(String(fy), String(fy + 1)))) return;
  let result = rollover(c.snapshot, c.actor);
  if (!result.ok && result.openRounds?.length) {
    // the rounds still open: say which, and go on only when the admin says so
    if (!confirm(YEAR_CYCLE.rolloverForceConfirm(String(fy), result.openRounds.join(', ')))) return;
    result = rollover(c.snapshot, c.actor, { force: true });
  }
  if (!result.ok) {
    showAlert(refusal(result));
    return;
  }
  applyChange(c.ss, result, c.offsetMs);
  unprotectClosedRounds(c.ss, result.snapshot);
  afterChange(c, result);
  showAlert(result.message);
}

/**
 * Menu entry "รายงานผลปีงบประมาณที่ผ่านมา": the admin picks a closed round of an earlier fiscal year (read
 * from the snapshot tab), and its report is regenerated from the snapshot — the measures and results as
 * closed — into the document on record, so it stays at the URL it was first published at. The question is
 * asked before the document lock (the row's lock is 'inside'), as the memo's is.
 */
export function menuPastYearReport(): GeneratedReport | undefined {
  const u = ui();
  if (!u) return undefined;
  const snapshot = sheetReader(activeSpreadsheet()).read({
    tabs: [SETTINGS_TAB, ROUND_SNAPSHOT_TAB],
    divisionTabs: false,
  });
  const settings = parseWorkbook(snapshot).tracker.settings;
  const num = (n: number) => numerals(n, settings.numerals);
  const closed = closedRoundsBefore(snapshot, settings.fiscalYear);
  if (!closed.length) {
    showAlert(YEAR_CYCLE.pastReportNone(num(settings.fiscalYear)));
    return undefined;
  }
  const items = closed.map((c, i) => YEAR_CYCLE.pastReportItem(i + 1, num(c.year), num(c.round))).join('\n');
  const pick = u.prompt(YEAR_CYCLE.pastReportAction, YEAR_CYCLE.pastReportPick(items), u.ButtonSet.OK_CANCEL);
  if (pick.getSelectedButton() !== u.Button.OK) return undefined;
  const answer = pick.getResponseText().trim();
  const n = Number(toArabicDigits(answer));
  const chosen = Number.isInteger(n) ? closed[n - 1] : undefined;
  if (!chosen) {
    showAlert(YEAR_CYCLE.pastReportBadPick(answer));
    return undefined;
  }
  return withDocumentLock(
    YEAR_CYCLE.pastReportAction,
    () => {
      const request = { kind: REPORT_KIND.name, year: chosen.year, round: chosen.round };
      const doc = documentFromMenu(REPORT_KIND, request, (d) =>
        showDone(d, REPORT.doneIntro(num(d.fiscalYear), num(d.round ?? chosen.round)), REPORT.doneTitle),
      );
      if (!doc) return undefined;
      const { docId, docUrl, publishedUrl, pdfUrl, warnings, source } = doc;
      return { docId, docUrl, publishedUrl, pdfUrl, warnings, model: source };
    },
    5000,
  );
}
