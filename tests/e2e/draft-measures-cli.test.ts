// `ita-tracker draft-measures` (issue 23): the same rule as the menu, offline — a draft row per weak
// indicator no measure addresses, only new rows written, nothing the second time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN } from '../../src/core/messages/plan';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';

test('draft-measures adds IIT-04 for indicator 4 once no measure names it; run again, nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-drafts-'));
  const wb = join(dir, 'tracker.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  const s = await readWorkbookFile(wb);
  const measures = s.tabs[TAB.measures];
  const c = measures[0].indexOf(HEADER.measureIndicators);
  measures[2][c] = '5'; // IIT-02 no longer names indicator 4
  await writeWorkbookFile(wb, s);
  const before = (await readWorkbookFile(wb)).tabs[TAB.measures];

  const r = runCli(['draft-measures', wb]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('- IIT-04: ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ');
  const after = (await readWorkbookFile(wb)).tabs[TAB.measures];
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after.slice(before.length)).toEqual([
    ['IIT-04', 'IIT', PLAN.weakDefault('การใช้ทรัพย์สินของราชการ'), null, null, null, 4, '4'],
  ]);

  const again = runCli(['draft-measures', wb]);
  expect(again.code).toBe(0);
  expect((await readWorkbookFile(wb)).tabs[TAB.measures]).toEqual(after);
});
