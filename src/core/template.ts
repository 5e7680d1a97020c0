// The template workbook as a snapshot, built from sheets-template/ (one CSV per tab, manifest.json
// for the tab names and order). Both runtimes bundle the same files (the Apps Script bundle deflated,
// src/core/packed-text.ts), so setup in Apps Script and `init` on Node start from one source. Cells come typed the way the adapters hand them to core:
// dates as wall-clock-as-UTC Dates, whole numbers as numbers, blanks as null.

import archiveCsv from '../../sheets-template/archive.csv';
import education from '../../sheets-template/division-EDUCATION.csv';
import engineering from '../../sheets-template/division-ENGINEERING.csv';
import finance from '../../sheets-template/division-FINANCE.csv';
import health from '../../sheets-template/division-HEALTH.csv';
import palad from '../../sheets-template/division-PALAD.csv';
import divisionsCsv from '../../sheets-template/divisions.csv';
import emailLogCsv from '../../sheets-template/email-log.csv';
import holidaysCsv from '../../sheets-template/holidays.csv';
import itaResultsCsv from '../../sheets-template/ita-results.csv';
import manifestJson from '../../sheets-template/manifest.json';
import measuresCsv from '../../sheets-template/measures.csv';
import milestonesCsv from '../../sheets-template/milestones.csv';
import reportsCsv from '../../sheets-template/reports.csv';
import roundLogCsv from '../../sheets-template/round-log.csv';
import roundSnapshotsCsv from '../../sheets-template/round-snapshots.csv';
import settingsCsv from '../../sheets-template/settings.csv';
import type { Cell } from './cells';
import { wallDateTime } from './cells';
import { parseCsv } from './csv';
import { presetForYear, roundDueIso } from './framework';
import { yearHolidays } from './holidays';
import { unpackedOnRead } from './packed-text';
import {
  type ColumnType,
  divisionTab,
  FIXED_TABS,
  HOLIDAYS_TAB,
  headersOf,
  SETTINGS,
  SETTINGS_TAB,
  type TabSpec,
} from './schema';
import { syncSnapshot } from './sync';
import { parseDateText, wallDateFromIso } from './thai';
import type { WorkbookSnapshot } from './workbook';

export interface TemplateTab {
  /** the sheet's (Thai) name */
  name: string;
  /** the CSV in sheets-template/, null for a tab written by code (the dashboard) */
  file: string | null;
  /** set on a division's tab: the division's code */
  division?: string;
}

export interface TemplateOptions {
  /** true: the seed's example data; false: headers and default settings only */
  example: boolean;
  /**
   * An empty tracker's fiscal year (Buddhist era): its holidays tab starts with that year's fixed-date
   * public holidays. The example carries FY 2566's announced list instead.
   */
  fiscalYear?: number;
}

export const TEMPLATE_MANIFEST: readonly TemplateTab[] = (manifestJson as { tabs: TemplateTab[] }).tabs;

/** file name → CSV text (the Apps Script bundle carries them packed: each unpacked when first read) */
export const TEMPLATE_FILES: Readonly<Record<string, string>> = unpackedOnRead({
  'settings.csv': settingsCsv,
  'divisions.csv': divisionsCsv,
  'measures.csv': measuresCsv,
  'milestones.csv': milestonesCsv,
  'reports.csv': reportsCsv,
  'email-log.csv': emailLogCsv,
  'archive.csv': archiveCsv,
  'holidays.csv': holidaysCsv,
  'round-snapshots.csv': roundSnapshotsCsv,
  'round-log.csv': roundLogCsv,
  'ita-results.csv': itaResultsCsv,
  'division-PALAD.csv': palad,
  'division-FINANCE.csv': finance,
  'division-ENGINEERING.csv': engineering,
  'division-EDUCATION.csv': education,
  'division-HEALTH.csv': health,
});

const specOf = (tab: TemplateTab): TabSpec | null =>
  tab.division !== undefined ? divisionTab(tab.name) : (FIXED_TABS.find((t) => t.name === tab.name) ?? null);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MINUTES = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/;

/** One CSV field as the cell an adapter would give for a column of this type. */
export function typedCell(text: string, type: ColumnType | 'round-setting' | null): Cell {
  if (text === '') return null;
  switch (type) {
    case 'date':
      return ISO_DATE.test(text) && parseDateText(text) ? wallDateFromIso(text) : text;
    case 'datetime':
      if (ISO_MINUTES.test(text)) return wallDateTime(text.replace('T', ' '));
      return ISO_DATE.test(text) && parseDateText(text) ? wallDateFromIso(text) : text;
    case 'score':
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'beYear':
    case 'number':
    case 'integer':
    case 'round':
    case 'round-setting':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    default:
      return text;
  }
}

const SETTING_CELL_TYPE: Record<string, ColumnType | 'round-setting'> = {
  integer: 'integer',
  score: 'score',
  round: 'round-setting',
  date: 'date',
};

function typedRows(spec: TabSpec | null, rows: string[][]): Cell[][] {
  if (rows.length === 0) return [];
  const [header, ...body] = rows;
  const types = header.map((h) => spec?.columns.find((c) => c.header === h)?.type ?? null);
  if (spec?.key === 'settings') {
    const keyAt = header.indexOf(SETTINGS_TAB.columns[0].header);
    const valueAt = header.indexOf(SETTINGS_TAB.columns[2].header);
    return [
      header,
      ...body.map((r) =>
        r.map((f, i) => {
          if (i !== valueAt) return typedCell(f, null);
          const setting = SETTINGS.find((s) => s.key === r[keyAt]);
          return typedCell(f, setting ? (SETTING_CELL_TYPE[setting.type] ?? null) : null);
        }),
      ),
    ];
  }
  return [header, ...body.map((r) => r.map((f, i) => typedCell(f, types[i] ?? null)))];
}

/** The settings tab of a new tracker: every setting with its label, help and default value. */
function defaultSettingsRows(): Cell[][] {
  const rows = SETTINGS.map((s) => [s.key, s.label, s.defaultValue, s.help]);
  return typedRows(SETTINGS_TAB, [headersOf(SETTINGS_TAB), ...rows]);
}

/**
 * A snapshot from a manifest and CSV texts. With example false, fixed tabs keep only their header row
 * (settings: the defaults) and division tabs are left out, as a new tracker has no divisions yet.
 */
export function snapshotFromCsv(
  manifest: readonly TemplateTab[],
  files: Readonly<Record<string, string>>,
  options: TemplateOptions,
): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {};
  for (const tab of manifest) {
    const spec = specOf(tab);
    if (tab.division !== undefined && !options.example) continue;
    if (tab.file === null) {
      tabs[tab.name] = spec?.columns.length ? [headersOf(spec)] : [];
      continue;
    }
    const rows = parseCsv(files[tab.file] ?? '');
    if (!options.example) {
      tabs[tab.name] = spec?.key === 'settings' ? defaultSettingsRows() : rows.slice(0, 1);
      continue;
    }
    tabs[tab.name] = typedRows(spec, rows);
  }
  return { tabs };
}

/** The date the example's division tabs are synced at: nothing is archived, so it shows nowhere. */
const EXAMPLE_SYNCED_AT = new Date(Date.UTC(2023, 2, 31));

/**
 * The template workbook: the seed's example (default) or an empty tracker. The division CSVs hold only
 * what divisions type (key, status, results, evidence); the columns derived from มาตรการ and กำหนดการ
 * (area, issue, task, due date) are filled by the same sync that maintains them in a live tracker, so
 * the measures' text exists once.
 */
export function templateSnapshot(options: TemplateOptions = { example: true }): WorkbookSnapshot {
  const snapshot = snapshotFromCsv(TEMPLATE_MANIFEST, TEMPLATE_FILES, options);
  if (!options.example && options.fiscalYear) {
    // the year, its first round and the rounds' due dates as the year's preset has them (src/core/framework.ts)
    const framework = presetForYear(options.fiscalYear);
    const due = (r: 6 | 12): Cell => {
      const iso = roundDueIso(framework, options.fiscalYear as number, r);
      return iso ? wallDateFromIso(iso) : null;
    };
    const values: Record<string, Cell> = {
      fiscalYear: options.fiscalYear,
      currentRound: framework.rounds[0],
      round6Due: due(6),
      round12Due: due(12),
    };
    for (const row of snapshot.tabs[SETTINGS_TAB.name].slice(1))
      if (String(row[0]) in values) row[2] = values[String(row[0])];
  }
  if (!options.example && options.fiscalYear)
    snapshot.tabs[HOLIDAYS_TAB.name] = [
      headersOf(HOLIDAYS_TAB),
      ...yearHolidays(options.fiscalYear).map((h) => [wallDateFromIso(h.date), h.name]),
    ];
  return options.example ? syncSnapshot(snapshot, EXAMPLE_SYNCED_AT).snapshot : snapshot;
}
