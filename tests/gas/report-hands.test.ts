// Issue 11 on the report: the zone offset, a trashed document, what Drive says about publishing,
// shared drives and folders the app cannot reach, and a regenerated document that looks like a new one.
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { menuGenerateReport, readReportTabs } from '../../src/gas/report';
import { readWorkbook } from '../../src/gas/sheetio';
import { calls, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { type FakeBody, FakeParagraph, FakeTable } from '../fakes/docs';

const template = (): WorkbookSnapshot => templateSnapshot({ example: true });

afterEach(() => uninstallFakes());

describe('the report reads the tabs on the sheet’s wall clock', () => {
  test('a due date typed as 1 Oct reaches core as 1 Oct, as every other adapter reads it', () => {
    const snap = template();
    snap.tabs.สำนักปลัด[1][4] = new Date('2022-10-01T00:00:00.000Z');
    const fakes = installFakes({ timeZone: 'Asia/Bangkok' });
    seedSpreadsheet(snap);
    const ss = fakes.spreadsheet;
    const { snapshot } = calls.untracked(() => readReportTabs(ss));
    const everyOther = calls.untracked(() => readWorkbook(ss));
    expect(snapshot.tabs.สำนักปลัด[1][4]).toEqual(new Date('2022-10-01T00:00:00.000Z'));
    const dates = (tabs: WorkbookSnapshot['tabs'], names: string[]) =>
      names.flatMap((tab) =>
        (tabs[tab] ?? []).flatMap((row, r) =>
          row.flatMap((c, k) => (c instanceof Date ? [`${tab}!${r},${k}=${c.toISOString()}`] : [])),
        ),
      );
    const names = Object.keys(snapshot.tabs);
    expect(dates(snapshot.tabs, names)).toEqual(dates(everyOther.tabs, names));
  });
});

/** Every paragraph of the body, tables' cells included, as the reader sees its style. */
function looks(body: FakeBody): unknown[] {
  const out: unknown[] = [];
  const walk = (e: unknown) => {
    if (e instanceof FakeParagraph) out.push({ text: e.text, heading: e.heading, alignment: e.alignment, ...e.attrs });
    else if (e instanceof FakeTable) for (const r of e.rows) for (const c of r.cells) c.children.forEach(walk);
  };
  body.children.forEach(walk);
  return out;
}

describe('a regenerated report document', () => {
  test('looks exactly like a new one (Docs keeps the old first paragraph’s style after clear)', () => {
    const fakes = installFakes();
    seedSpreadsheet(template());
    const fresh = menuGenerateReport()!;
    const asNew = looks(fakes.docs.body(fresh.docId));
    const again = menuGenerateReport()!;
    expect(again.docId).toBe(fresh.docId);
    const regenerated = looks(fakes.docs.body(again.docId));
    expect(regenerated).toEqual(asNew);
  });
});
