// The tests' view of the fake spreadsheet (never counted) and seeding it from a snapshot.
import type { Cell } from '../../../src/core/cells';
import type { WorkbookSnapshot } from '../../../src/core/workbook';
import { calls } from '../calls';
import { identityVisible } from '../context';
import { instantFromWallAsUtc, wallAsUtc } from '../time';
import { parseA1, rectA1 } from './a1';
import { copyValue, enteredValue, type StoredValue } from './cells';
import type { ChartState } from './charts';
import { ERR } from './errors';
import { FakeUser } from './protection';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ProtectionInfo {
  type: 'RANGE' | 'SHEET';
  tab: string;
  /** A1 of the protected range ('' for a whole sheet) */
  range: string;
  description: string;
  /** explicit editors, or null while the permissions still mirror the spreadsheet's */
  editors: string[] | null;
  domainEdit: boolean;
  warningOnly: boolean;
  unprotected: string[];
}

export interface CellInfo {
  value: StoredValue;
  formula: string;
  note: string;
  background: string;
  numberFormat: string;
  fontWeight: string;
  wrap: boolean;
  validation: { type: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null;
}

export interface SheetsInspector {
  /** The spreadsheet code under test gets from SpreadsheetApp.getActive() (counted). */
  readonly api: GSpreadsheet;
  tabNames(): string[];
  /** What getDataRange().getValues() returns for a tab (Dates are instants), or undefined if there is no such tab. */
  values(tab: string): StoredValue[][] | undefined;
  /** Every tab in core's convention (Dates as wall clock in UTC), as the adapter would read it. */
  snapshot(): WorkbookSnapshot;
  cell(tab: string, a1: string): CellInfo;
  protections(tab?: string): ProtectionInfo[];
  /** Would a write by `email` to this cell pass the protections? */
  canEdit(email: string, tab: string, a1: string): boolean;
  frozenRows(tab: string): number;
  columnWidth(tab: string, column: number): number;
  isHidden(tab: string): boolean;
  tabColor(tab: string): string | null;
  charts(tab: string): ChartState[];
  maxRows(tab: string): number;
  readonly toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  /** Creates the snapshot's tabs (see seedSpreadsheet in index.ts). */
  seed(snapshot: WorkbookSnapshot, options?: SeedOptions): void;
  /**
   * A person typing into cells (uncounted): values parse as typed, protections apply to the acting
   * user (a refused edit throws Sheets' message and changes nothing), and the result is the event an
   * onEdit trigger receives — value/oldValue only for a single cell, oldValue absent when it was empty.
   */
  typeInto(tab: string, a1: string, values: unknown): GoogleAppsScript.Events.SheetsOnEdit;
  /**
   * What Sheets does when the acting user types: typeInto, then the simple trigger `onEdit(event)` run
   * as a simple trigger runs — AuthMode LIMITED (no mail, no other files, no triggers: ../auth.ts), the
   * person's e-mail withheld unless they are of the sheet's Workspace domain. The trigger's calls count.
   */
  edit(
    tab: string,
    a1: string,
    values: unknown,
    onEdit: (e: GoogleAppsScript.Events.SheetsOnEdit) => void,
  ): GoogleAppsScript.Events.SheetsOnEdit;
  /**
   * What Sheets does when the acting user opens the file: the simple trigger `onOpen(event)` run in
   * LIMITED mode, as a bound script's is (the mode refuses what ../auth.ts says, the calls count), with
   * the event of events#open: authMode, source, triggerUid and the user (e-mail withheld as for onEdit).
   * 'NONE' asks by name for an Editor add-on not yet used in this file (editor-auth-lifecycle: "the
   * add-on … is installed for the user but not enabled in the current document"): no source, no user.
   */
  open(onOpen: (e: GoogleAppsScript.Events.SheetsOnOpen) => void, mode?: 'LIMITED' | 'NONE'): void;
  /**
   * `email` types one value into a cell, as that person (uncounted; the script's own user is back
   * afterwards). 'refused' when a protection stops them — Sheets shows them the refusal, so nothing is
   * silently lost; 'typed' otherwise. Meant for calls.before(n, …): someone typing while a script runs.
   */
  typeAs(email: string, tab: string, a1: string, value: unknown): 'typed' | 'refused';
  /** The bare model, for what the inspector does not cover. */
  readonly book: FakeSpreadsheet;
}

export interface SeedOptions {
  /** keep tabs the snapshot does not name (default: the spreadsheet ends with exactly the snapshot's tabs) */
  keepOtherTabs?: boolean;
  /** store strings as if typed (numbers, dates, formulas parsed); default: stored literally, as getValues returned them */
  asTyped?: boolean;
}

export function inspector(book: FakeSpreadsheet): SheetsInspector {
  const sheet = (tab: string) => {
    const s = book._sheet(tab);
    if (!s)
      throw new Error(`no tab "${tab}" in the fake spreadsheet (tabs: ${book.sheets.map((x) => x.name).join(', ')})`);
    return s;
  };
  const dataValues = (s: FakeSheet): StoredValue[][] => {
    const nr = s._lastRow();
    const nc = s._lastColumn();
    const out: StoredValue[][] = [];
    for (let r = 0; r < Math.max(1, nr); r++) {
      const row: StoredValue[] = [];
      for (let c = 0; c < Math.max(1, nc); c++) {
        const d = s._cell(r, c);
        row.push(d ? copyValue(d.v) : '');
      }
      out.push(row);
    }
    return out;
  };
  const view: SheetsInspector = {
    api: book._api,
    book,
    get toasts() {
      return book.toasts;
    },
    tabNames: () => book.sheets.map((s) => s.name),
    values: (tab) => {
      const s = book._sheet(tab);
      return s ? dataValues(s) : undefined;
    },
    snapshot: () => {
      const tabs: Record<string, Cell[][]> = {};
      for (const s of book.sheets)
        tabs[s.name] = dataValues(s).map((row) =>
          row.map((v) => (v instanceof Date ? wallAsUtc(v, book.timeZone) : v)),
        );
      return { tabs };
    },
    cell: (tab, a1) => {
      const s = sheet(tab);
      const r = parseA1(a1, s.maxRows, s.maxCols);
      const d = s._cell(r.r0, r.c0);
      return {
        value: d ? copyValue(d.v) : '',
        formula: d?.f ?? '',
        note: d?.note ?? '',
        background: d?.bg ?? '#ffffff',
        numberFormat: d?.nf ?? 'General',
        fontWeight: d?.fw ?? 'normal',
        wrap: d?.wrap ?? true,
        validation: d?.dv
          ? {
              type: d.dv.criteriaType,
              values: [...d.dv.criteriaValues],
              allowInvalid: d.dv.allowInvalid,
              helpText: d.dv.helpText,
            }
          : null,
      };
    },
    protections: (tab) =>
      book.protections
        .filter((p) => tab === undefined || p.sheet.name === tab)
        .map((p) => ({
          type: p.type,
          tab: p.sheet.name,
          range: p.rect ? rectA1(p.rect) : '',
          description: p.description,
          editors: p.editors === null ? null : [...p.editors].sort(),
          domainEdit: p.domainEdit,
          warningOnly: p.warningOnly,
          unprotected: p.unprotected.map(rectA1),
        })),
    canEdit: (email, tab, a1) => {
      const s = sheet(tab);
      const r = parseA1(a1, s.maxRows, s.maxCols);
      return s._protections().every((p) => p._allows(email) || !p._covers(r.r0, r.c0));
    },
    frozenRows: (tab) => sheet(tab).frozenRows,
    columnWidth: (tab, column) => sheet(tab).columnWidths.get(column) ?? 100,
    isHidden: (tab) => sheet(tab).hidden,
    tabColor: (tab) => sheet(tab).tabColor,
    charts: (tab) => sheet(tab).charts.map((c) => ({ ...c.state })),
    maxRows: (tab) => sheet(tab).maxRows,
    seed: (snapshot, options) => seedBook(book, snapshot, options),
    typeAs: (email, tab, a1, value) =>
      calls.untracked(() => {
        const users = book.ctx.users;
        const saved = { active: users.active, effective: users.effective };
        users.active = email;
        users.effective = email;
        try {
          sheet(tab)._range(a1).setValue(value);
          return 'typed' as const;
        } catch (e) {
          if (String((e as Error).message).startsWith(ERR.protectedCell.slice(0, 30))) return 'refused' as const;
          throw e;
        } finally {
          users.active = saved.active;
          users.effective = saved.effective;
        }
      }),
    open(onOpen, mode = 'LIMITED') {
      // events#open (developers.google.com/apps-script/guides/triggers/events#open): authMode, source,
      // triggerUid, user; a simple onOpen runs LIMITED for a bound script, NONE for an add-on not yet
      // enabled in the file (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle)
      const event: Record<string, unknown> = { authMode: mode, triggerUid: '' };
      if (mode === 'LIMITED') {
        const who = book.ctx.users.active;
        event.source = book._api;
        event.user = new FakeUser(identityVisible(book.ctx, who) ? who : '')._api;
      }
      const before = book.ctx.authMode;
      book.ctx.authMode = mode;
      try {
        onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
      } finally {
        book.ctx.authMode = before;
      }
    },
    edit(tab, a1, values, onEdit) {
      const event = view.typeInto(tab, a1, values);
      const before = book.ctx.authMode;
      book.ctx.authMode = 'LIMITED';
      try {
        onEdit(event);
      } finally {
        book.ctx.authMode = before;
      }
      return event;
    },
    typeInto: (tab, a1, values) =>
      calls.untracked(() => {
        const range = sheet(tab)._range(a1);
        const single = range.rect.nr === 1 && range.rect.nc === 1;
        const grid = Array.isArray(values) ? (values as unknown[][]) : [[values]];
        const old = single ? range.getDisplayValue() : '';
        range.setValues(grid);
        // as JSON.stringify(e) shows a real simple-trigger event (observed, not in the reference;
        // tanaikech.github.io "Benchmark: Event Objects for Google Apps Script"): the range carries its
        // block as fields, the user {nickname, email} (blank where Google withholds the address)
        const { r0, c0, nr, nc } = range.rect;
        Object.assign(range, { rowStart: r0 + 1, columnStart: c0 + 1, rowEnd: r0 + nr, columnEnd: c0 + nc });
        // e.user: "A User object, representing the active user, if available (depending on a complex set
        // of security restrictions)" (developers.google.com/apps-script/guides/triggers/events#edit): its
        // e-mail is blank unless the editor is of the sheet's Workspace domain (../context.ts identityVisible)
        const who = book.ctx.users.active;
        const user = new FakeUser(identityVisible(book.ctx, who) ? who : '');
        Object.assign(user, { email: user._email, nickname: user._email.split('@')[0] });
        const event: Record<string, unknown> = {
          range: range._api,
          source: book._api,
          user: user._api,
          authMode: 'LIMITED',
          triggerUid: '',
        };
        if (single) {
          event.value = range.getDisplayValue();
          if (old !== '') event.oldValue = old;
        }
        return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
      }),
  };
  return view;
}

/** Creates (or refills) the snapshot's tabs without counting and without protection checks. */
function seedBook(book: FakeSpreadsheet, snapshot: WorkbookSnapshot, options: SeedOptions = {}): void {
  calls.untracked(() => {
    const names = Object.keys(snapshot.tabs);
    for (const name of names) {
      const values = snapshot.tabs[name];
      const nr = values.length;
      const nc = values.reduce((m, row) => Math.max(m, row.length), 0);
      const existing = book._sheet(name);
      const sheet = existing ?? book._addSheet(name, undefined, Math.max(1000, nr), Math.max(26, nc));
      sheet.rows = [];
      sheet.maxRows = Math.max(sheet.maxRows, nr);
      sheet.maxCols = Math.max(sheet.maxCols, nc);
      values.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === '') return;
          const d = sheet._cellForWrite(r, c);
          if (v instanceof Date) d.v = instantFromWallAsUtc(v, book.timeZone);
          else if (options.asTyped) Object.assign(d, enteredValue(v, false, book.timeZone));
          else d.v = v;
        });
      });
    }
    if (!options.keepOtherTabs && names.length > 0) {
      for (const s of [...book.sheets]) if (!names.includes(s.name)) book._removeSheet(s);
      book.sheets.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
    }
    if (!book.active || !book.sheets.includes(book.active)) book.active = book.sheets[0];
  });
}
