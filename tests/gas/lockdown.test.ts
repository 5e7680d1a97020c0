// One protection lockdown (issue #21): every lock the tracker puts on a range or a sheet — a fixed tab,
// a division tab and its editable columns, a closed round's result column, sync's row lock — is made by
// the one function in src/gas/protect.ts (lockDown), so the rules cannot drift apart between copies:
//  - nobody but the listed accounts (and the owner, whom Sheets always lets through) may write there,
//    not even a file editor of the agency's own domain;
//  - domain edit is turned off only where the domain allows it: on a sheet a consumer (Gmail) account
//    owns, Protection.setDomainEdit throws, and the reference's sample guards it with canDomainEdit()
//    (developers.google.com/apps-script/reference/spreadsheet/protection);
//  - what is added is lower-case e-mail addresses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { resultKeyFor } from '../../src/core/model';
import { lockRowsForRemoval } from '../../src/gas/protect';
import { setupSpreadsheet } from '../../src/gas/setup';
import { syncDivisionTabs } from '../../src/gas/sync';
import { menuCloseRound } from '../../src/gas/year-cycle';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

const ADMIN = 'ita-admin@example.org'; // the admin listed in the example's settings
const FINANCE = 'finance@example.org'; // the example's editor of กองคลัง
const COLLEAGUE = 'colleague@example.org'; // a file editor of the agency's domain, in no list
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));

const WORLDS = {
  gmail: { owner: 'prooyai.ita@gmail.com', domain: undefined },
  workspace: { owner: 'owner@example.org', domain: 'example.org' },
} as const;

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

function tracker(world: keyof typeof WORLDS): FakeHandles {
  const w = WORLDS[world];
  const f = installFakes({
    user: ADMIN,
    owner: w.owner,
    ...(w.domain ? { domain: w.domain } : {}),
    editors: [ADMIN, FINANCE, COLLEAGUE],
  });
  setupSpreadsheet(f.spreadsheet, { example: true, now: NOW });
  calls.reset();
  return f;
}

const letter = (tab: string, header: string): string =>
  String.fromCharCode(65 + (fakes.sheets.values(tab) ?? [[]])[0].indexOf(header));

/** The settings tab's value cell of a key (column C in the example). */
const settingCell = (key: string): string => {
  const row = (fakes.sheets.values(TAB.settings) ?? []).findIndex((r) => r[0] === key);
  return `C${row + 1}`;
};

describe.each(Object.keys(WORLDS) as Array<keyof typeof WORLDS>)('every lock on a %s-owned sheet', (world) => {
  beforeEach(() => {
    fakes = tracker(world);
  });

  /** No protection mirrors the spreadsheet's permissions or lets the domain in; its editors are addresses. */
  function everyLockIsExplicit(): void {
    const protections = fakes.sheets.protections();
    expect(protections.length).toBeGreaterThan(0);
    for (const p of protections) {
      expect({ tab: p.tab, range: p.range, editors: p.editors === null }).toEqual({
        tab: p.tab,
        range: p.range,
        editors: false,
      });
      expect({ tab: p.tab, range: p.range, domainEdit: p.domainEdit }).toEqual({
        tab: p.tab,
        range: p.range,
        domainEdit: false,
      });
      for (const e of p.editors ?? []) expect(e).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    }
  }

  test('setup: fixed tabs for the admins, a division tab’s own columns for its editors and the admins', () => {
    everyLockIsExplicit();
    expect(fakes.sheets.canEdit(ADMIN, TAB.settings, 'C3')).toBe(true);
    expect(fakes.sheets.canEdit(FINANCE, TAB.settings, 'C3')).toBe(false);
    expect(fakes.sheets.canEdit(COLLEAGUE, TAB.settings, 'C3')).toBe(false);
    const status = `${letter('กองคลัง', HEADER.status)}3`;
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', status)).toBe(true);
    expect(fakes.sheets.canEdit(ADMIN, 'กองคลัง', status)).toBe(true);
    expect(fakes.sheets.canEdit(COLLEAGUE, 'กองคลัง', status)).toBe(false);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'A3')).toBe(false);
  });

  test('closing a round: its result column for the admins only (the admins setting as typed, in capitals)', () => {
    fakes.sheets.typeAs(WORLDS[world].owner, TAB.settings, settingCell('admins'), ` ${ADMIN.toUpperCase()} `);
    menuCloseRound();
    expect(fakes.ui.lastAlert()?.prompt).toContain(YEAR_CYCLE.nowRound('12'));
    const closed = fakes.sheets
      .protections('กองคลัง')
      .filter((p) => p.description === YEAR_CYCLE.protectClosed(2566, 6));
    expect(closed).toHaveLength(1);
    everyLockIsExplicit();
    const result = `${letter('กองคลัง', HEADER[resultKeyFor(6)])}3`;
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', result)).toBe(false);
    expect(fakes.sheets.canEdit(COLLEAGUE, 'กองคลัง', result)).toBe(false);
    expect(fakes.sheets.canEdit(ADMIN, 'กองคลัง', result)).toBe(true);
  });

  test('sync’s row lock: only the account running sync (and the owner)', () => {
    calls.untracked(() => {
      const sheet = fakes.spreadsheet.getSheetByName('กองคลัง')!;
      lockRowsForRemoval(sheet, [3, 4, 6], 'lock', Session.getEffectiveUser());
    });
    const locks = fakes.sheets.protections('กองคลัง').filter((p) => p.description === 'lock');
    expect(locks.map((p) => p.range)).toEqual([
      expect.stringMatching(/^A3:[A-Z]+4$/),
      expect.stringMatching(/^A6:[A-Z]+6$/),
    ]);
    everyLockIsExplicit();
    const status = letter('กองคลัง', HEADER.status);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', `${status}3`)).toBe(false);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', `${status}5`)).toBe(true);
    expect(fakes.sheets.canEdit(ADMIN, 'กองคลัง', `${status}6`)).toBe(true);
  });
});

test('the lockdown is written once: no Apps Script file but protect.ts changes a protection’s editors', () => {
  const root = join(__dirname, '../../src');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  const calls = /\.(addEditors?|removeEditors?|setDomainEdit)\(/g; // what changes who may edit (reading canDomainEdit is free)
  const where: Record<string, string[]> = {};
  for (const path of files) {
    const found = readFileSync(path, 'utf8').match(calls);
    if (found) where[relative(root, path)] = found;
  }
  expect(where).toEqual({
    'gas/protect.ts': ['.addEditor(', '.removeEditors(', '.setDomainEdit(', '.addEditors('],
  });
});

describe.each(Object.keys(WORLDS) as Array<keyof typeof WORLDS>)('a removed division on a %s-owned sheet', (world) => {
  test('its tab, unprotected by hand, is locked to the admins until sync has archived and deleted it', () => {
    fakes = tracker(world);
    const health = 'กองสาธารณสุขและสิ่งแวดล้อม';
    const owner = WORLDS[world].owner;
    const row = (fakes.sheets.values(TAB.divisions) ?? []).findIndex((r) => r.includes('HEALTH')) + 1;
    calls.untracked(() =>
      fakes.session.as(owner, () => {
        for (const p of fakes.spreadsheet.getSheetByName(health)!.getProtections(SpreadsheetApp.ProtectionType.SHEET))
          p.remove();
        for (const p of fakes.spreadsheet.getSheetByName(health)!.getProtections(SpreadsheetApp.ProtectionType.RANGE))
          p.remove();
        fakes.spreadsheet.getSheetByName(TAB.divisions)?.deleteRows(row, 1);
      }),
    );
    const cell = `${letter(health, HEADER.status)}3`;
    expect(fakes.sheets.canEdit(COLLEAGUE, health, cell)).toBe(true);
    // just before each of sync's calls: could a file editor in no list still type into the tab?
    let open: boolean | null = null;
    for (let n = 1; n <= 400; n++)
      calls.before(n, () => {
        if (fakes.sheets.tabNames().includes(health)) open = fakes.sheets.canEdit(COLLEAGUE, health, cell);
      });
    syncDivisionTabs(fakes.spreadsheet, { now: NOW });
    expect(fakes.sheets.tabNames()).not.toContain(health);
    // the last look before the tab went: locked
    expect(open).toBe(false);
  });
});
