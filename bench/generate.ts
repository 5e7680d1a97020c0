// Trackers of any size for the benchmarks: the template's measures repeated with new ids, spread over
// more divisions, every division tab synced and filled the way divisions fill them in a real round.
import type { Cell } from '../src/core/cells';
import { STATUS_LABEL } from '../src/core/messages/tabs-headers';
import type { Division, Measure, Milestone } from '../src/core/model';
import { divisionObject, measureObject, milestoneObject, tableOf } from '../src/core/rows';
import { DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB } from '../src/core/schema';
import { syncSnapshot } from '../src/core/sync';
import { templateSnapshot } from '../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../src/core/workbook';

/** The sizes the bench runs, with how many divisions share the work. */
export const SIZES = [
  { measures: 11, divisions: 5 },
  { measures: 100, divisions: 10 },
  { measures: 1000, divisions: 25 },
  { measures: 5000, divisions: 50 },
] as const;

/** A small deterministic PRNG, so every run measures the same workbook. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateTracker(measureCount: number, divisionCount: number): WorkbookSnapshot {
  const template = templateSnapshot({ example: true });
  const { tracker } = parseWorkbook(template);
  const random = prng(measureCount * 31 + divisionCount);
  const divisions: Division[] = Array.from({ length: divisionCount }, (_, i) => {
    const base = tracker.divisions[i % tracker.divisions.length];
    const n = Math.floor(i / tracker.divisions.length);
    const code = n === 0 ? base.code : `${base.code}${n + 1}`;
    return {
      ...base,
      code,
      name: n === 0 ? base.name : `${base.name} ${n + 1}`,
      notifyEmails: [`${code.toLowerCase()}@example.org`],
    };
  });
  const perArea = { IIT: 0, EIT: 0, OIT: 0 };
  const measures: Measure[] = Array.from({ length: measureCount }, (_, i) => {
    const base = tracker.measures[i % tracker.measures.length];
    perArea[base.area]++;
    const owners = [divisions[Math.floor(random() * divisions.length)]];
    if (random() < 0.3) owners.push(divisions[Math.floor(random() * divisions.length)]);
    const unique = [...new Set(owners)];
    return {
      ...base,
      id: `${base.area}-${String(perArea[base.area]).padStart(4, '0')}`,
      responsible: unique.map((d) => d.name),
      responsibleCodes: unique.map((d) => d.code),
      order: perArea[base.area],
    };
  });
  const milestones: Milestone[] = measures
    .filter((_, i) => i % 10 === 3)
    .map((m, i) => ({
      id: `MS-${String(i + 1).padStart(4, '0')}`,
      measureId: m.id,
      divisionCode: '',
      task: 'รายงานความก้าวหน้า',
      due: i % 2 ? '2023-03-15' : '2023-04-30',
    }));
  const tabs: Record<string, Cell[][]> = { ...template.tabs };
  for (const d of tracker.divisions) delete tabs[d.name];
  tabs[DIVISIONS_TAB.name] = tableOf(DIVISIONS_TAB, divisions.map(divisionObject));
  tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, measures.map(measureObject));
  tabs[MILESTONES_TAB.name] = tableOf(
    MILESTONES_TAB,
    milestones.map((m) => milestoneObject(m, divisions)),
  );
  const { snapshot } = syncSnapshot({ tabs }, new Date(Date.UTC(2023, 2, 1)));
  // fill in the round as divisions do: most done with a result, some in progress, a few not started
  for (const d of divisions) {
    const values = snapshot.tabs[d.name];
    if (!values) continue;
    const h = values[0];
    const [status, result6, evidence] = ['สถานะ', 'ผลการดำเนินการ รอบ ๖ เดือน', 'ลิงก์หลักฐาน'].map((x) => h.indexOf(x));
    for (let r = 1; r < values.length; r++) {
      const p = random();
      if (p < 0.7) {
        values[r][status] = STATUS_LABEL.done;
        values[r][result6] = `${d.name}ได้ดำเนินการตามมาตรการ ${values[r][0]} และประชาสัมพันธ์ให้ประชาชนได้รับทราบแล้ว`;
        values[r][evidence] = `https://example.org/evidence/${d.code}/${values[r][0]}`;
      } else if (p < 0.9) values[r][status] = STATUS_LABEL.in_progress;
    }
  }
  return snapshot;
}
