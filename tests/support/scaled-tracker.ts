// Trackers of any size for call-count tests: the template's example with its measures repeated under
// new ids (IIT-01, …, then IIT-01-1, …), division tabs synced by core so every division has its rows
// and the example's typed results.
import type { Cell } from '../../src/core/cells';
import { TAB } from '../../src/core/messages/tabs-headers';
import { syncSnapshot } from '../../src/core/sync';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';

export function scaledTracker(
  measureCount: number,
  now: Date = new Date(Date.UTC(2023, 2, 20, 9, 0)),
): WorkbookSnapshot {
  const base = templateSnapshot({ example: true });
  const [header, ...measures] = base.tabs[TAB.measures];
  const idAt = header.indexOf('รหัสมาตรการ');
  const orderAt = header.indexOf('ลำดับ');
  const rows: Cell[][] = [];
  for (let i = 0; i < measureCount; i++) {
    const r = [...measures[i % measures.length]];
    const copy = Math.floor(i / measures.length);
    if (copy > 0) r[idAt] = `${r[idAt]}-${copy}`;
    if (orderAt >= 0) r[orderAt] = i + 1;
    rows.push(r);
  }
  return syncSnapshot({ tabs: { ...base.tabs, [TAB.measures]: [header, ...rows] } }, now).snapshot;
}
