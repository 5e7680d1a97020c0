// Why apart: what makes sync refuse is checked before any plan exists, and remind and report ask too.

import type { Problem } from './cell-rules';
import { a1, cellText } from './cells';
import { SYNC } from './messages/sync';
import { V } from './messages/validation';
import { YEAR_CYCLE } from './messages/year-cycle';
import { DIVISION_TAB_COLUMNS, DIVISIONS_TAB, FIXED_TABS, isFixedTabName, SETTINGS_TAB } from './schema';
import { divisionLikeTables, type SyncPlan } from './sync';
import type { ParsedWorkbook, WorkbookSnapshot } from './workbook';
import { headerKey } from './workbook';

/**
 * What makes a sync plan unsafe: a missing or renamed required tab or header (sync would read every
 * division row as unplanned and archive it), a division named like a fixed tab, a tab named like a
 * division or fixed tab but for invisible characters, a division tab with a renamed header (its
 * typed cells would not be found). Sync refuses, untouched, while any is there. Thai, with tab and cell.
 */
export function syncBlockers(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  // structural checks only (no cell rules): the same messages validation gives, at a fraction of its cost
  const out: Problem[] = [];
  const { tables } = parsed;
  const error = (tab: string, cell: string, code: Problem['code'], message: string) =>
    out.push({ tab, cell, severity: 'error', code, message });
  const known = new Set(DIVISION_TAB_COLUMNS.map((c) => headerKey(c.header)));
  const unknownHeaders = (tab: string) =>
    (snapshot.tabs[tab]?.[0] ?? []).map(cellText).filter((h) => h !== '' && !known.has(headerKey(h)));
  // required tabs: without one, every division row would look unplanned and be archived
  for (const t of [tables.settings, tables.divisions, tables.measures]) {
    if (!t.present) error(t.spec.name, '', 'missing-tab', V.missingTab(t.spec.name));
    else for (const h of t.missingHeaders) error(t.spec.name, '', 'missing-header', V.missingHeader(t.spec.name, h));
  }
  // milestones are optional, but a milestones tab with a renamed header would drop every milestone row
  if (tables.milestones.present)
    for (const h of tables.milestones.missingHeaders)
      error(tables.milestones.spec.name, '', 'missing-header', V.missingHeader(tables.milestones.spec.name, h));
  // a division named like a fixed tab: its tab would be that tab
  const nameColumn = tables.divisions.columnIndex.divisionName;
  if (nameColumn >= 0)
    for (const row of tables.divisions.rows) {
      const name = cellText(row.cells.divisionName);
      if (name && isFixedTabName(name))
        error(tables.divisions.spec.name, a1(nameColumn, row.row), 'reserved-tab-name', V.reservedTabName(name));
    }
  // a division tab lacking a schema column gets it added, unless a header there is one sync does not
  // know: then it is most likely that column renamed, and what is typed under it would be lost
  for (const t of Object.values(tables.divisionTabs))
    if (t.present && t.missingHeaders.length && unknownHeaders(t.spec.name).length)
      for (const h of t.missingHeaders) error(t.spec.name, '', 'missing-header', V.missingHeader(t.spec.name, h));
  out.push(...nearMissTabs(parsed, snapshot));
  return out;
}

/**
 * The blockers among the tabs a command read (Apps Script's remind reads settings, divisions,
 * milestones, the log and the division tabs, not the measures): a division tab with a renamed status
 * header would read every row as not started and send the wrong reminders.
 */
export function blockersAmongRead(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  const read = new Set([...Object.keys(snapshot.tabs), SETTINGS_TAB.name, DIVISIONS_TAB.name]);
  return syncBlockers(parsed, snapshot).filter((p) => read.has(p.tab));
}

/**
 * Tabs whose name differs from a division's or a fixed tab's only by spaces or invisible characters
 * ("กองคลัง " beside "กองคลัง", "ตั้งค่า " for the settings): read as nobody's, sync would archive and
 * delete them. Named, never renamed or dropped.
 */
export function nearMissTabs(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  const out: Problem[] = [];
  const wanted = [...FIXED_TABS.map((t) => t.name), ...parsed.tracker.divisions.map((d) => d.name).filter(Boolean)];
  for (const name of Object.keys(snapshot.tabs)) {
    if (wanted.includes(name)) continue;
    const like = wanted.find((w) => looseName(w) === looseName(name));
    if (like)
      out.push({ tab: name, cell: '', severity: 'error', code: 'missing-tab', message: SYNC.nearMissTab(name, like) });
  }
  return out;
}

/** A tab name as it looks: no surrounding or zero-width spaces, NFC, the sara am composed. */
const looseName = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Division tabs that do not match the divisions (issue 26, class 3): a tab laid out as a division's tab
 * that no division is named after (a division renamed but not synced: its old tab keeps last year's
 * results), and a tab named like a division or fixed tab but for spaces or invisible characters
 * ("กองคลัง" + NBSP). Rollover refuses on any, forced or not: it would clear only the tabs it knows.
 */
export function divisionTabMismatch(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  const near = nearMissTabs(parsed, snapshot);
  const named = new Set(near.map((p) => p.tab));
  const divisionNames = new Set(parsed.tracker.divisions.map((d) => d.name));
  const orphans: Problem[] = Object.entries(divisionLikeTables(snapshot))
    .filter(([name, t]) => !divisionNames.has(name) && !named.has(name) && t.present && t.missingHeaders.length === 0)
    .map(([name]) => ({
      tab: name,
      cell: '',
      severity: 'error',
      code: 'missing-tab',
      message: YEAR_CYCLE.orphanDivisionTab(name),
    }));
  return [...near, ...orphans];
}

/**
 * The tabs a sync plan would create or rename under a name the store cannot save: one `fits` refuses
 * (the .xlsx store: Excel's 31 characters and forbidden * ? : \ / [ ]), or one equal to another tab's
 * but for letter case (Excel's tab names ignore case). Asked before a dry run describes the plan and
 * before a real sync writes it, so a dry run never promises what the sync cannot save (issue 26).
 * Each at the division's name cell.
 */
export function unsavableTabs(
  plan: SyncPlan,
  parsed: ParsedWorkbook,
  snapshot: WorkbookSnapshot,
  fits: (name: string) => boolean,
  maxLength: number,
): Problem[] {
  const dt = parsed.tables.divisions;
  const out: Problem[] = [];
  for (const tab of plan.tabs) {
    if (!tab.created) continue;
    const others = Object.keys(snapshot.tabs).filter((n) => n !== tab.renamedFrom && n !== tab.tabName);
    const clash = others.some((n) => n.toLowerCase() === tab.tabName.toLowerCase());
    if (fits(tab.tabName) && !clash) continue;
    const row = dt.rows.find((r) => cellText(r.cells.divisionCode).toUpperCase() === tab.divisionCode.toUpperCase());
    const cell = row && dt.columnIndex.divisionName >= 0 ? a1(dt.columnIndex.divisionName, row.row) : '';
    out.push({
      tab: dt.spec.name,
      cell,
      severity: 'error',
      code: 'excel-tab-name',
      message: SYNC.unsavableTab(tab.tabName, maxLength),
    });
  }
  return out;
}
