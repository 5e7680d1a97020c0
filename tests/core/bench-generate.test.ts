// The bench's trackers must be valid trackers of the stated size, or its figures mean nothing.
import { generateTracker } from '../../bench/generate';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook } from '../../src/core/workbook';

test.each([
  [11, 5],
  [100, 10],
])('a generated tracker of %i measures over %i divisions validates clean', (m, d) => {
  const snapshot = generateTracker(m, d);
  const { tracker } = parseWorkbook(snapshot);
  expect(tracker.measures).toHaveLength(m);
  expect(tracker.divisions).toHaveLength(d);
  expect(tracker.entries.length).toBeGreaterThanOrEqual(m);
  expect(tracker.entries.filter((e) => e.status === 'done' && e.result6).length).toBeGreaterThan(0);
  expect(validateWorkbook(snapshot).filter((p) => p.severity === 'error')).toEqual([]);
});
