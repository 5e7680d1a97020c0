// Small workbooks for tests, built through the same core row builders the product uses.
import { type Cell, wallDateTime } from '../../src/core/cells';
import { HEADER, STATUS_LABEL } from '../../src/core/messages/tabs-headers';
import type { Division, DivisionEntry, Measure, Milestone, Status } from '../../src/core/model';
import {
  divisionObject,
  entryObject,
  measureObject,
  milestoneObject,
  settingsObjects,
  tableOf,
} from '../../src/core/rows';
import {
  DIVISIONS_TAB,
  divisionOwnedColumns,
  divisionTab,
  MEASURES_TAB,
  MILESTONES_TAB,
  SETTINGS_TAB,
} from '../../src/core/schema';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';

export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function division(code: string, name: string, extra: Partial<Division> = {}): Division {
  return { code, name, head: '', notifyEmails: [`${code.toLowerCase()}@example.org`], editors: [], ...extra };
}

export function measure(
  id: string,
  area: Measure['area'],
  responsible: string[],
  extra: Partial<Measure> = {},
): Measure {
  return {
    id,
    area,
    issue: `ประเด็น ${id}`,
    steps: [`- ขั้นตอน ${id}`],
    responsible,
    responsibleCodes: [],
    monitoring: [`๑. ติดตาม ${id}`],
    order: 0,
    indicators: [],
    ...extra,
  };
}

/**
 * A test entry's typed fields as the cells a division would have typed, for every owned column of the
 * schema (a column's field has its key): the status as its label, a date-time as a date cell.
 */
function ownedCellsOf(e: Partial<DivisionEntry>): Record<string, Cell> {
  const fields = e as Record<string, unknown>;
  return Object.fromEntries(
    divisionOwnedColumns().map((c) => {
      const v = fields[c.key];
      if (c.type === 'status') return [c.key, STATUS_LABEL[(v as Status | undefined) ?? 'not_started']];
      if (v === undefined || v === '') return [c.key, null];
      return [c.key, c.type === 'datetime' ? wallDateTime(String(v)) : (v as Cell)];
    }),
  );
}

export interface MiniWorkbook {
  settings?: Record<string, Cell>;
  divisions: Division[];
  measures: Measure[];
  milestones?: Milestone[];
  /** division code → entries */
  entries?: Record<string, Partial<DivisionEntry>[]>;
}

export function miniWorkbook(w: MiniWorkbook): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {
    [SETTINGS_TAB.name]: tableOf(
      SETTINGS_TAB,
      settingsObjects({
        agencyName: 'เทศบาลตำบลทดสอบ',
        fiscalYear: 2566,
        currentRound: 6,
        round6Due: d('2023-03-31'),
        ...w.settings,
      }),
    ),
    [DIVISIONS_TAB.name]: tableOf(DIVISIONS_TAB, w.divisions.map(divisionObject)),
    [MEASURES_TAB.name]: tableOf(
      MEASURES_TAB,
      w.measures.map((m, i) => measureObject({ ...m, order: m.order || i + 1 })),
    ),
    [MILESTONES_TAB.name]: tableOf(
      MILESTONES_TAB,
      (w.milestones ?? []).map((m) => milestoneObject(m, w.divisions)),
    ),
  };
  for (const div of w.divisions) {
    const entries = w.entries?.[div.code];
    if (!entries) continue;
    tabs[div.name] = tableOf(
      divisionTab(div.name),
      entries.map((e) =>
        entryObject({
          divisionCode: div.code,
          key: '',
          kind: 'measure',
          measureId: '',
          area: '',
          issue: '',
          task: '',
          due: null,
          status: 'not_started',
          result6: '',
          result12: '',
          evidenceUrl: '',
          updatedAt: '',
          updatedBy: '',
          ...e,
          owned: ownedCellsOf(e),
        }),
      ),
    );
  }
  return { tabs };
}

/** `s` with a round-12 result typed on every row its division marked done (so round 12 can close too). */
export function withRound12Results(s: WorkbookSnapshot): WorkbookSnapshot {
  for (const div of parseWorkbook(s).tracker.divisions) {
    const values = s.tabs[div.name];
    for (const r of values.slice(1))
      if (r[values[0].indexOf(HEADER.status)] === STATUS_LABEL.done)
        r[values[0].indexOf(HEADER.result12)] = `ผลรอบ ๑๒ เดือนของ ${div.name}`;
  }
  return s;
}
