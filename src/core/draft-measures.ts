// Draft measure rows for the weak indicators no measure addresses (issue 23): one row per such indicator
// of last year's results, in the measures tab, the same in both runtimes (the menu "เพิ่มร่างมาตรการ
// สำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์", `ita-tracker draft-measures`). The row's issue is the analysis line
// (the admin's own, else the default sentence), its ตัวชี้วัด ITA the indicator, its area the indicator's
// tool and its id the next free one of that tool ("IIT-04"); the steps, the responsible divisions and the
// monitoring are the admin's to write (validate says so at each cell until they are). New rows only: no
// cell already in the tab is written but, when the tab has no ตัวชี้วัด ITA column yet, that header.

import { type Cell, idKey } from './cells';
import { analyseIta } from './ita';
import { DRAFT_MEASURES } from './messages/plan';
import { AREAS, type Area } from './model';
import { MEASURES_TAB } from './schema';
import { headerKey, type ParsedWorkbook, readTable } from './workbook';

export interface DraftMeasure {
  id: string;
  indicator: number;
  /** the indicator's name, as the ITA results tab has it */
  name: string;
  area: Area;
  issue: string;
}

export interface MeasureDrafts {
  drafts: DraftMeasure[];
  /** the ตัวชี้วัด ITA header to add (0-based column) when the tab has none; null: the tab has it */
  header: { column: number; text: string } | null;
  /** the new rows, laid out under the tab's header (with the added column) */
  rows: Cell[][];
}

const INDICATORS_COLUMN = MEASURES_TAB.columns.find((c) => c.key === 'measureIndicators');

/** The next free id of a tool: one past the highest "<tool>-NN" in use, never one a measure or milestone has. */
function nextId(tool: Area, taken: Set<string>): string {
  const pattern = new RegExp(`^${tool}-(\\d+)$`);
  let n = 0;
  for (const id of taken) n = Math.max(n, Number(pattern.exec(id)?.[1] ?? 0));
  let id = '';
  do id = `${tool}-${String(++n).padStart(2, '0')}`;
  while (taken.has(idKey(id)));
  taken.add(idKey(id));
  return id;
}

/** The draft rows for the weak indicators of the analysed year that no measure names (none: nothing to add). */
export function draftMeasures(parsed: ParsedWorkbook, values: readonly Cell[][]): MeasureDrafts {
  const { tracker } = parsed;
  const analysis = analyseIta(tracker);
  const taken = new Set([...tracker.measures.map((m) => idKey(m.id)), ...tracker.milestones.map((m) => idKey(m.id))]);
  const lastOrder = new Map<Area, number>();
  for (const m of tracker.measures) lastOrder.set(m.area, Math.max(lastOrder.get(m.area) ?? 0, m.order));
  const toolOf = (n: number, tool: Area | null): Area =>
    tool ?? analysis.framework.indicators.find((i) => i.number === n)?.tool ?? AREAS[AREAS.length - 1];
  // in the analysis's order (the framework's), so the rows read as the plan's table does
  const weak = analysis.tools.flatMap((t) => t.indicators).filter((i) => i.weak && i.measures.length === 0);
  const drafts = weak.map((i): DraftMeasure => {
    const area = toolOf(i.indicator, i.tool);
    return { id: nextId(area, taken), indicator: i.indicator, name: i.name, area, issue: i.note };
  });

  const header = [...(values[0] ?? [])];
  const present = new Set(header.map(headerKey));
  const headerToAdd =
    INDICATORS_COLUMN && drafts.length && !present.has(headerKey(INDICATORS_COLUMN.header))
      ? { column: header.length, text: INDICATORS_COLUMN.header }
      : null;
  if (headerToAdd) header.push(headerToAdd.text);
  const { columnIndex } = readTable({ tabs: { [MEASURES_TAB.name]: [header] } }, MEASURES_TAB);
  const rows = drafts.map((d) => {
    const order = (lastOrder.get(d.area) ?? 0) + 1;
    lastOrder.set(d.area, order);
    const cells: Record<string, Cell> = {
      measureId: d.id,
      area: d.area,
      issue: d.issue,
      order,
      measureIndicators: String(d.indicator),
    };
    const row: Cell[] = new Array(header.length).fill(null);
    for (const [key, value] of Object.entries(cells)) if (columnIndex[key] >= 0) row[columnIndex[key]] = value;
    return row;
  });
  return { drafts, header: headerToAdd, rows };
}

/** What the admin is told: the rows added, and what to write in them; or that there was nothing to add. */
export const draftsMessage = (drafts: readonly DraftMeasure[]): string =>
  drafts.length
    ? DRAFT_MEASURES.added(
        drafts.length,
        MEASURES_TAB.name,
        drafts.map((d) => DRAFT_MEASURES.line(d.id, String(d.indicator), d.name)).join('\n'),
      )
    : DRAFT_MEASURES.none;
