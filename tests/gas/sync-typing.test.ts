// Divisions keep typing while an admin syncs (issue #11 §1). For each kind of change, sync runs once
// per service call it makes, with a person typing a result into their row just before that call
// (fakes.calls.before). Whatever they typed must end where they typed it — in their row, which sync
// may have moved, or in the archive when the row was removed — or be refused by a protection (the
// person sees Sheets' refusal). A typed value that silently disappears is a loss; there must be none.
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { setupSpreadsheet } from '../../src/gas/setup';
import { syncDivisionTabs } from '../../src/gas/sync';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { figure } from '../support/figures';

const OWNER = 'owner@example.org';
const CLERK = 'clerk@example.org';
const ADMIN = 'ita-admin@example.org';
const FINANCE = 'finance@example.org';
const WORKS = 'engineering@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const LATER = new Date(Date.UTC(2023, 3, 2, 10, 30));

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

function exampleTracker(): FakeHandles {
  const f = installFakes({
    user: CLERK,
    owner: OWNER,
    domain: 'example.org',
    editors: [CLERK, ADMIN, FINANCE, WORKS],
  });
  setupSpreadsheet(f.spreadsheet, { example: true, now: NOW });
  return f;
}

const column = (header: unknown[], name: string) => header.indexOf(name);
const letter = (i: number) => String.fromCharCode(65 + i);

/** 1-based row of an entry key on a tab as it is now (0 when absent), and the result column's letter. */
function locate(tab: string, key: string): { row: number; result: string } | null {
  const values = fakes.sheets.values(tab);
  if (!values) return null;
  const k = column(values[0], HEADER.entryKey);
  const r = column(values[0], HEADER.result6);
  if (k < 0 || r < 0) return null;
  const row = values.findIndex((v, i) => i > 0 && v[k] === key) + 1;
  return row > 0 ? { row, result: letter(r) } : null;
}

/** Admin edits, made before the sync (uncounted). */
const asAdmin = (fn: () => void) => calls.untracked(() => fakes.session.as(ADMIN, fn));
function setMeasure(id: string, header: string, value: unknown) {
  asAdmin(() => {
    const sheet = fakes.spreadsheet.getSheetByName(TAB.measures)!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === id) + 1;
    sheet.getRange(row, values[0].indexOf(header) + 1).setValue(value);
  });
}

interface SyncCase {
  name: string;
  /** the admin's change before the sync */
  change: () => void;
  /** who types, into which tab(s) (the first that exists when they type), on which entry */
  typist: string;
  tabs: string[];
  key: string;
  /** the row is removed by this sync: the typed value must be in the archive */
  archived?: boolean;
}

const CASES: SyncCase[] = [
  { name: 'nothing changed', change: () => {}, typist: FINANCE, tabs: ['กองคลัง'], key: 'OIT-03' },
  {
    name: 'a measure added first',
    change: () =>
      asAdmin(() =>
        fakes.spreadsheet
          .getSheetByName(TAB.measures)!
          .getRange(13, 1, 1, 7)
          .setValues([['IIT-09', 'IIT', 'ประเด็นใหม่', '- ขั้นตอน', 'กองคลัง', '๑. ติดตาม', 0]]),
      ),
    typist: FINANCE,
    tabs: ['กองคลัง'],
    key: 'OIT-03',
  },
  {
    name: 'a measure removed',
    change: () => setMeasure('EIT-01', HEADER.responsible, 'สำนักปลัด\nกองช่าง\nกองการศึกษา\nกองสาธารณสุข'),
    typist: FINANCE,
    tabs: ['กองคลัง'],
    key: 'EIT-01',
    archived: true,
  },
  {
    name: 'order changed',
    change: () => {
      setMeasure('EIT-01', HEADER.area, 'OIT');
      setMeasure('EIT-01', HEADER.order, 99);
    },
    typist: FINANCE,
    tabs: ['กองคลัง'],
    key: 'EIT-01',
  },
  {
    name: 'division renamed',
    change: () =>
      asAdmin(() => {
        for (const tab of [TAB.divisions, TAB.measures, TAB.milestones]) {
          const range = fakes.spreadsheet.getSheetByName(tab)!.getDataRange();
          range.setValues(
            range
              .getValues()
              .map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^กองคลัง$/m, 'กองการคลัง') : v))),
          );
        }
      }),
    typist: FINANCE,
    tabs: ['กองคลัง', 'กองการคลัง'],
    key: 'OIT-03',
  },
  {
    name: 'a second responsible division added',
    change: () => setMeasure('OIT-03', HEADER.responsible, 'กองคลัง\nกองช่าง'),
    typist: WORKS,
    tabs: ['กองช่าง'],
    key: 'EIT-01',
  },
];

interface Outcome {
  tried: number;
  refused: number;
  lost: number[];
  calls: number;
}

/** Where the typed value is after the sync: in its row (any of the case's tabs), or in the archive. */
function kept(c: SyncCase, value: string): boolean {
  for (const tab of c.tabs) {
    const at = locate(tab, c.key);
    if (at && fakes.sheets.cell(tab, `${at.result}${at.row}`).value === value) return true;
  }
  const archive = fakes.sheets.values(TAB.archive) ?? [];
  const json = column(archive[0] ?? [], HEADER.archivedRow);
  return archive.some((r) => {
    try {
      return JSON.parse(String(r[json]))[HEADER.result6] === value;
    } catch {
      return false;
    }
  });
}

function runCase(c: SyncCase): Outcome {
  fakes = exampleTracker();
  c.change();
  calls.reset();
  syncDivisionTabs(fakes.spreadsheet, { now: LATER });
  const total = calls.total();
  uninstallFakes();
  const outcome: Outcome = { tried: 0, refused: 0, lost: [], calls: total };
  for (let n = 1; n <= total; n++) {
    fakes = exampleTracker();
    c.change();
    calls.reset();
    const value = `พิมพ์ก่อนการเรียกครั้งที่ ${n}`;
    let typed = 'no row' as 'typed' | 'refused' | 'no row';
    calls.before(n, () => {
      for (const tab of c.tabs) {
        const at = locate(tab, c.key);
        if (!at) continue;
        typed = fakes.sheets.typeAs(c.typist, tab, `${at.result}${at.row}`, value);
        return;
      }
    });
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(calls.pending()).toBe(0);
    if (typed !== 'no row') outcome.tried++;
    if (typed === 'refused') outcome.refused++;
    if (typed === 'typed' && !kept(c, value)) outcome.lost.push(n);
    uninstallFakes();
  }
  return outcome;
}

describe('typing while sync runs: nothing typed is lost', () => {
  const summary: string[] = [];
  afterAll(() => figure(`sync with typing before every service call:\n${summary.join('\n')}`));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const o = runCase(c);
    summary.push(
      `  ${c.name}: ${o.calls} calls, ${o.tried} typing moments tried, ${o.refused} refused by protection, ${o.lost.length} lost${o.lost.length ? ` (before calls ${o.lost.join(', ')})` : ''}`,
    );
    expect(o.tried).toBeGreaterThan(0);
    expect(o.lost).toEqual([]);
  });
});
