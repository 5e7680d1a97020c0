// The temporary lock sync puts on rows it is about to remove (issue #22, reproductions 1 and 2).
// Sync locks those rows (admins only), reads the tab again so what was typed up to the lock reaches the
// archive, then deletes them. On real Google:
//  - a sheet owned by a consumer (Gmail) account has no domain: Protection.setDomainEdit throws there,
//    and the reference's own sample guards it with canDomainEdit()
//    (developers.google.com/apps-script/reference/spreadsheet/protection);
//  - the lock must cover only the rows that go, and must be gone after sync: a division types its
//    results in every kept row.
import { SYNC_MENU } from '../../src/core/messages/sync';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { setupSpreadsheet } from '../../src/gas/setup';
import { syncDivisionTabs } from '../../src/gas/sync';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const LATER = new Date(Date.UTC(2023, 3, 2, 10, 30));

/** The two worlds an agency lives in: a Gmail-owned sheet (no domain) and a Workspace-owned one. */
const WORLDS = {
  gmail: {
    user: 'clerk.prooyai@gmail.com',
    owner: 'prooyai.ita@gmail.com',
    finance: 'finance@example.org', // the example's editor of กองคลัง (any account kind)
    domain: undefined,
  },
  workspace: {
    user: 'clerk@example.org',
    owner: 'owner@example.org',
    finance: 'finance@example.org',
    domain: 'example.org',
  },
} as const;

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

function tracker(world: keyof typeof WORLDS): FakeHandles {
  const w = WORLDS[world];
  const f = installFakes({
    user: w.user,
    owner: w.owner,
    ...(w.domain ? { domain: w.domain } : {}),
    editors: [w.user, w.finance, 'engineering@example.org'],
  });
  setupSpreadsheet(f.spreadsheet, { example: true, now: NOW });
  calls.reset();
  return f;
}

const keyColumn = () => (fakes.sheets.values('กองคลัง') ?? [[]])[0].indexOf(HEADER.entryKey);
const keysOf = (tab: string) => (fakes.sheets.values(tab) ?? []).slice(1).map((r) => String(r[keyColumn()]));
const statusLetter = () => String.fromCharCode(65 + (fakes.sheets.values('กองคลัง') ?? [[]])[0].indexOf(HEADER.status));

/** Empties milestone rows by key, as an admin would (uncounted): their rows leave กองคลัง at the next sync. */
function dropMilestones(...keys: string[]): void {
  calls.untracked(() =>
    fakes.session.as(String(fakes.context.options.owner), () => {
      const sheet = fakes.spreadsheet.getSheetByName(TAB.milestones)!;
      const values = sheet.getDataRange().getValues();
      values.forEach((r, i) => {
        if (keys.includes(String(r[0]))) sheet.getRange(i + 1, 1, 1, r.length).setValues([r.map(() => '')]);
      });
    }),
  );
}

const syncLocks = () => fakes.sheets.protections().filter((p) => p.description === SYNC_MENU.lockDescription);

/** After sync, can the division type a status into every kept row of its tab? */
function everyKeptRowTypeable(email: string): Array<[string, boolean]> {
  const letter = statusLetter();
  return keysOf('กองคลัง').map((key, i) => [key, fakes.sheets.canEdit(email, 'กองคลัง', `${letter}${i + 2}`)]);
}

describe.each(['gmail', 'workspace'] as const)('sync lock on a %s-owned sheet', (world) => {
  beforeEach(() => {
    fakes = tracker(world);
  });

  it('removes non-adjacent rows and leaves every kept row typeable by its division, with no lock left', () => {
    expect(keysOf('กองคลัง')).toEqual(['EIT-01', 'OIT-03', 'MS-01', 'MS-02', 'MS-03']);
    dropMilestones('MS-01', 'MS-03'); // MS-02 stays between the two rows that go

    expect(() => syncDivisionTabs(fakes.spreadsheet, { now: LATER })).not.toThrow();

    expect(keysOf('กองคลัง')).toEqual(['EIT-01', 'OIT-03', 'MS-02']);
    expect(everyKeptRowTypeable(WORLDS[world].finance)).toEqual([
      ['EIT-01', true],
      ['OIT-03', true],
      ['MS-02', true],
    ]);
    expect(syncLocks()).toEqual([]);
    // and the division really types there
    expect(fakes.sheets.typeAs(WORLDS[world].finance, 'กองคลัง', `${statusLetter()}4`, STATUS_LABEL.done)).toBe('typed');
  });

  it('a retry after a failed run leaves no lock either (each run cleans the locks on the tabs it locks)', () => {
    dropMilestones('MS-02');
    const attempt = () => {
      try {
        syncDivisionTabs(fakes.spreadsheet, { now: LATER });
        return 'ran';
      } catch (e) {
        return (e as Error).message;
      }
    };
    const outcomes = [attempt(), attempt()];
    expect({ outcomes, locks: syncLocks().length }).toEqual({ outcomes: ['ran', 'ran'], locks: 0 });
    expect(syncLocks()).toEqual([]);
    expect(everyKeptRowTypeable(WORLDS[world].finance).every(([, ok]) => ok)).toBe(true);
  });
});

test('a row lock an interrupted sync left on kept rows is removed by the next sync of that tab', () => {
  // a run that stopped after locking and before its cleanup left rows 2–3 of กองคลัง (EIT-01, OIT-03,
  // both kept) locked; the next sync, which removes MS-02 there, takes that lock away with its own
  fakes = tracker('gmail');
  calls.untracked(() =>
    fakes.session.as(WORLDS.gmail.user, () => {
      const left = fakes.spreadsheet.getSheetByName('กองคลัง')!.getRange('2:3').protect();
      left.setDescription(SYNC_MENU.lockDescription);
      left.removeEditors(left.getEditors());
    }),
  );
  expect(fakes.sheets.canEdit(WORLDS.gmail.finance, 'กองคลัง', `${statusLetter()}2`)).toBe(false);
  dropMilestones('MS-02');

  syncDivisionTabs(fakes.spreadsheet, { now: LATER });

  expect(keysOf('กองคลัง')).toEqual(['EIT-01', 'OIT-03', 'MS-01', 'MS-03']);
  expect(syncLocks()).toEqual([]);
  expect(everyKeptRowTypeable(WORLDS.gmail.finance)).toEqual([
    ['EIT-01', true],
    ['OIT-03', true],
    ['MS-01', true],
    ['MS-03', true],
  ]);
});
