// The year's journey as an account matrix (issue 22): one scripted year of a tracker — setup, divisions
// typing (some while sync runs), validate, report, a second admin regenerating, the plan, the memo, the
// executive's approval, a week of reminders, closing the round, rollover, the public page — run in the
// fakes for every account kind an agency has: {consumer Gmail owner, Workspace owner} × {My Drive
// folder, shared-drive folder} × {one admin, three admins of whom the second and third run setup again}
// × {th_TH, en_US sheet}, plus the Editor add-on build.
//
// Each step acts through the Apps Script entry points (src/gas/actions.ts ENTRY_POINTS), as the person
// the step names, then checks what a user would notice (node:assert, so the bench can run the same
// journey): the document at the same URL and published, the cells each division can type after sync,
// exactly one queue trigger owned by the folder's owner, the mails that went out. The service calls each
// step makes are counted through the fakes' call counter (tests/fakes/calls.ts); the jest matrix
// (tests/gas/journey-matrix.test.ts) and `npm run bench` both use this driver.
import assert from 'node:assert/strict';
import { healthLineText } from '../../src/core/health';
import { HEALTH } from '../../src/core/messages/health';
import { APPROVAL_STATUS, DOC_KIND } from '../../src/core/messages/plan';
import { QUEUE_TRIGGER } from '../../src/core/messages/queue-trigger';
import { SETUP } from '../../src/core/messages/setup';
import { SYNC_MENU } from '../../src/core/messages/sync';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { MARK, VALIDATE_MENU } from '../../src/core/messages/validation';
import { PUBLIC_PAGE, YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { REPORTS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { REPORT_QUEUE_HANDLER } from '../../src/gas/document-queue';
import { queueRate } from '../../src/gas/queue-trigger';
import { REMINDER_HANDLER } from '../../src/gas/reminders';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

// ---------------------------------------------------------------- profiles

export interface Profile {
  /** the jest name and the table's row: e.g. "gmail · my-drive · 3 admins · en_US" */
  name: string;
  world: 'gmail' | 'workspace';
  folder: 'my-drive' | 'shared-drive';
  admins: 1 | 3;
  locale: 'th_TH' | 'en_US';
  /** the Editor add-on build (ITA_ADDON): its queue trigger runs hourly */
  addon: boolean;
}

const profile = (p: Omit<Profile, 'name'>): Profile => ({
  ...p,
  name: [p.addon ? 'add-on' : '', p.world, p.folder, `${p.admins} admin${p.admins > 1 ? 's' : ''}`, p.locale]
    .filter(Boolean)
    .join(' · '),
});

/** The 16 profiles of the matrix, then the add-on build (a Gmail owner, three admins, th_TH). */
export const PROFILES: readonly Profile[] = [
  ...(['gmail', 'workspace'] as const).flatMap((world) =>
    (['my-drive', 'shared-drive'] as const).flatMap((folder) =>
      ([1, 3] as const).flatMap((admins) =>
        (['th_TH', 'en_US'] as const).map((locale) => profile({ world, folder, admins, locale, addon: false })),
      ),
    ),
  ),
  profile({ world: 'gmail', folder: 'my-drive', admins: 3, locale: 'th_TH', addon: true }),
];

// ---------------------------------------------------------------- people

/** Who is who in a profile: the owner and admins, the mayor, each division's one account. */
interface People {
  /** the owner: makes the copy, runs setup first, owns the report folder */
  a: string;
  b: string;
  c: string;
  mayor: string;
  /** division name → its editor (who is also its notification address) */
  divisions: Record<string, string>;
  domain?: string;
}

/** A Gmail-owned tracker: admins and the mayor on Gmail, divisions on Gmail and on the agency's own domain. */
const GMAIL: People = {
  a: 'pruyai.ita@gmail.com',
  b: 'pruyai.clerk2@gmail.com',
  c: 'pruyai.clerk3@gmail.com',
  mayor: 'pruyai.mayor@gmail.com',
  divisions: {
    สำนักปลัด: 'pruyai.palad@gmail.com',
    กองคลัง: 'pruyai.finance@gmail.com',
    กองช่าง: 'engineering@pruyai.go.th',
    กองการศึกษา: 'pruyai.education@gmail.com',
    กองสาธารณสุขและสิ่งแวดล้อม: 'health@pruyai.go.th',
  },
};

/** A Workspace-owned tracker (pruyai.go.th): everyone on the domain but one division clerk on Gmail. */
const WORKSPACE: People = {
  a: 'ita@pruyai.go.th',
  b: 'clerk2@pruyai.go.th',
  c: 'clerk3@pruyai.go.th',
  mayor: 'mayor@pruyai.go.th',
  divisions: {
    สำนักปลัด: 'palad@pruyai.go.th',
    กองคลัง: 'pruyai.finance@gmail.com',
    กองช่าง: 'engineering@pruyai.go.th',
    กองการศึกษา: 'education@pruyai.go.th',
    กองสาธารณสุขและสิ่งแวดล้อม: 'health@pruyai.go.th',
  },
  domain: 'pruyai.go.th',
};

export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfy-journey/exec';

// ---------------------------------------------------------------- the clock

/**
 * The journey's wall clock: while a step runs, `new Date()` and `Date.now()` are that moment (Bangkok
 * time given), as on the day the step happens; the real Date is back afterwards.
 */
function atMoment<T>(bangkok: string, fn: () => T): T {
  const RealDate = Date;
  const instant = RealDate.parse(`${bangkok}+07:00`);
  class JourneyDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(instant);
      else super(...(args as [string]));
    }
    static override now() {
      return instant;
    }
    // a Date made before the step (a cell's value) is still a Date
    static override [Symbol.hasInstance](x: unknown) {
      return x instanceof RealDate;
    }
  }
  globalThis.Date = JourneyDate as unknown as DateConstructor;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

// ---------------------------------------------------------------- the steps

export const STEPS = [
  'setup',
  'divisions type',
  'validate',
  'report',
  'second admin regenerates',
  'plan',
  'memo',
  'approval',
  'reminders (a week)',
  'close round',
  'rollover',
  'public page',
  'self-test',
  'self-test (second admin)',
] as const;
export type StepName = (typeof STEPS)[number];

export interface StepResult {
  step: StepName;
  /** service calls the step made (every entry point, trigger and onEdit it ran) */
  calls: number;
  /** the first failed check, or null */
  error: Error | null;
}

const records = (fakes: FakeHandles, tab: string): Record<string, unknown>[] => {
  const [header, ...rows] = fakes.sheets.values(tab) ?? [[]];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * A document's text as a reader sees it: no-break runs are written with word joiners and no-break
 * spaces (src/core/document-words.ts), which show as nothing and as a space.
 */
const readable = (text: string) => text.replace(/\u2060/g, '').replace(/\u00A0/g, ' ');

/** The 1-based row of an entry key on a division tab (0 when absent). */
function rowOf(fakes: FakeHandles, tab: string, key: string): number {
  const values = fakes.sheets.values(tab) ?? [[]];
  const k = values[0].indexOf(HEADER.entryKey);
  return values.findIndex((r, i) => i > 0 && r[k] === key) + 1;
}

/** The A1 of a division tab's column (by header) on an entry's row. */
function cellOf(fakes: FakeHandles, tab: string, key: string, header: string): string {
  const values = fakes.sheets.values(tab) ?? [[]];
  const row = rowOf(fakes, tab, key);
  assert.ok(row > 0, `${tab}: no row ${key}`);
  return `${letter(values[0].indexOf(header))}${row}`;
}

/** The division that never reports its round-6 result: the week's overdue reminders are its. */
const LATE = 'กองช่าง';

/** The columns a division types into. */
const TYPED = [HEADER.status, HEADER.result6, HEADER.result12, HEADER.evidenceUrl] as const;

/** The register's row of a document kind (and round), by column key. */
function registerRow(fakes: FakeHandles, docKind: string, round?: number): Record<string, unknown> | undefined {
  const values = fakes.sheets.values(REPORTS_TAB.name) ?? [[]];
  const header = values[0].map(String);
  const col = (key: string) => header.indexOf(REPORTS_TAB.columns.find((c) => c.key === key)!.header);
  const row = values
    .slice(1)
    .find((r) => r[col('docKind')] === docKind && (round === undefined || Number(r[col('round')]) === round));
  return row ? Object.fromEntries(REPORTS_TAB.columns.map((c) => [c.key, row[header.indexOf(c.header)]])) : undefined;
}

// ---------------------------------------------------------------- the journey

/** One profile's year, step by step, in one fake spreadsheet (installed at setup, removed by end()). */
export class Journey {
  readonly people: People;
  fakes!: FakeHandles;
  readonly results: StepResult[] = [];
  /** what earlier steps made, for later ones to find at the same URL */
  report?: { docId: string; docUrl: string; publishedUrl: string };
  plan?: { docId: string; publishedUrl: string };
  memo?: { docId: string; docUrl: string };
  /** what each division typed, to find in the report */
  typed = new Map<string, string>();

  constructor(readonly profile: Profile) {
    this.people = profile.world === 'gmail' ? GMAIL : WORKSPACE;
  }

  /** the admins in settings: A alone, or A, B and C */
  get admins(): string[] {
    const { a, b, c } = this.people;
    return this.profile.admins === 3 ? [a, b, c] : [a];
  }

  /** the admin who acts after setup: B when there are three (not the folder's owner), else A */
  get second(): string {
    return this.profile.admins === 3 ? this.people.b : this.people.a;
  }

  /** Runs one step, counting its calls; a failed check is recorded (and returned), never thrown. */
  run(step: StepName): StepResult {
    // setup installs the fakes (the counter starts at zero); later steps count on from where it is
    const before = step === 'setup' ? 0 : calls.total();
    let error: Error | null = null;
    const addon = this.profile.addon;
    if (addon) (globalThis as { ITA_ADDON?: boolean }).ITA_ADDON = true;
    const log = console.log;
    const err = console.error;
    // what the script logs goes to Apps Script's execution log, not the test's output
    console.log = () => undefined;
    console.error = () => undefined;
    try {
      STEP_RUNS[step](this);
      this.checkQueueTrigger();
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    } finally {
      console.log = log;
      console.error = err;
      if (addon) delete (globalThis as { ITA_ADDON?: boolean }).ITA_ADDON;
    }
    const result = { step, calls: calls.total() - before, error };
    this.results.push(result);
    return result;
  }

  end(): void {
    uninstallFakes();
  }

  // -------------------------------------------------------------- what every step leaves true

  /** Exactly one queue trigger, the folder owner's, at this build's rate. */
  checkQueueTrigger(): void {
    const queue = this.fakes.triggers.list().filter((t) => t.handler === REPORT_QUEUE_HANDLER);
    assert.deepEqual(
      queue.map((t) => ({ owner: t.owner, everyMinutes: t.everyMinutes, everyHours: t.everyHours })),
      [
        this.profile.addon
          ? { owner: this.people.a, everyMinutes: undefined, everyHours: 1 }
          : { owner: this.people.a, everyMinutes: 5, everyHours: undefined },
      ],
      'exactly one queue trigger, owned by the folder owner',
    );
  }

  // -------------------------------------------------------------- acting

  /** A person runs a menu item (or anything else) as themselves. */
  as<T>(who: string, fn: () => T): T {
    return this.fakes.session.as(who, fn);
  }

  /** A person types into a cell, and Sheets runs the simple trigger onEdit (LIMITED, e-mail withheld off-domain). */
  type(who: string, tab: string, a1: string, value: unknown): void {
    this.as(who, () => this.fakes.sheets.edit(tab, a1, value, (e) => ENTRY_POINTS.onEdit(e)));
  }

  /** An installable trigger fires: as its owner, without a UI. */
  fire(handler: string, run: () => unknown): number {
    const triggers = this.fakes.triggers.list().filter((t) => t.handler === handler);
    this.fakes.ui.setAvailable(false);
    try {
      for (const t of triggers) this.as(t.owner, run);
    } finally {
      this.fakes.ui.setAvailable(true);
    }
    return triggers.length;
  }

  /** The owner's queue trigger fires (every 5 minutes; hourly in the add-on). */
  queueRuns(): void {
    this.fire(REPORT_QUEUE_HANDLER, () => ENTRY_POINTS.processReportQueue());
  }

  lastPrompt(): string {
    return this.fakes.ui.lastAlert()?.prompt ?? '';
  }

  /** The settings tab's value cell of a key. */
  settingCell(key: string): string {
    const row = (this.fakes.sheets.values(TAB.settings) ?? []).findIndex((r) => r[0] === key);
    return `C${row + 1}`;
  }

  setting(key: string): unknown {
    return this.fakes.sheets.cell(TAB.settings, this.settingCell(key)).value;
  }

  /** The template copy the owner made, with the agency's people typed in. */
  seed(): WorkbookSnapshot {
    const snapshot = templateSnapshot({ example: true });
    const tabs = { ...snapshot.tabs };
    tabs[TAB.settings] = tabs[TAB.settings].map((r) =>
      r[0] === 'admins'
        ? [r[0], r[1], this.admins.join(', '), r[3]]
        : r[0] === 'executives'
          ? [r[0], r[1], this.people.mayor, r[3]]
          : r,
    );
    const header = tabs[TAB.divisions][0];
    const name = header.indexOf(HEADER.divisionName);
    const notify = header.indexOf(HEADER.divisionNotify);
    const editors = header.indexOf(HEADER.divisionEditors);
    tabs[TAB.divisions] = tabs[TAB.divisions].map((r, i) => {
      if (i === 0) return r;
      const who = this.people.divisions[String(r[name])];
      const row = r.slice();
      row[notify] = who;
      row[editors] = who;
      return row;
    });
    return { tabs };
  }
}

/** Each step: what the people do, then what they would notice. */
const STEP_RUNS: Record<StepName, (j: Journey) => void> = {
  setup: (j) =>
    atMoment('2023-03-01T09:00:00', () => {
      const { a, b, c, domain } = j.people;
      j.fakes = installFakes({
        ...(j.profile.world === 'workspace' ? { world: 'workspace' as const, domain } : {}),
        user: a,
        owner: a,
        editors: [b, c, j.people.mayor, ...Object.values(j.people.divisions)],
        spreadsheetLocale: j.profile.locale,
        addon: j.profile.addon,
        webAppUrl: WEB_APP_URL,
      });
      calls.untracked(() => seedSpreadsheet(j.seed()));
      calls.reset();
      j.as(a, () => ENTRY_POINTS.menuSetup());
      const first = j.lastPrompt();
      assert.ok(first.endsWith(SETUP.done), `setup finished: ${first}`);
      assert.ok(
        first.includes(QUEUE_TRIGGER.installed(queueRate())),
        'the owner is told the queue trigger is in place',
      );
      if (j.profile.locale !== 'th_TH')
        assert.equal(
          calls.untracked(() => j.fakes.spreadsheet.getSpreadsheetLocale()),
          'th_TH',
          'setup sets the sheet to th_TH',
        );
      const folderId = String(j.setting('reportFolderId'));
      assert.ok(folderId, 'the report folder is in the settings');
      // the owner moves the folder into the agency's shared drive; of the other admins only B is a member
      // of that drive (C must be shared with by the report itself)
      if (j.profile.folder === 'shared-drive')
        calls.untracked(() =>
          j.as(a, () => j.fakes.drive.moveToSharedDrive(folderId, undefined, j.profile.admins === 3 ? [b] : [])),
        );
      // the second and third admins run setup again: told whose the queue trigger is, nothing doubled
      for (const other of j.admins.slice(1)) {
        j.as(other, () => ENTRY_POINTS.menuSetup());
        const said = j.lastPrompt();
        assert.ok(said.endsWith(SETUP.done), `${other}'s setup finished: ${said}`);
        assert.ok(said.includes(QUEUE_TRIGGER.othersOwner(a)), `${other} is told the queue trigger is ${a}'s`);
        assert.equal(String(j.setting('reportFolderId')), folderId, 'the same report folder');
      }
      const reminders = j.fakes.triggers.list().filter((t) => t.handler === REMINDER_HANDLER);
      assert.equal(reminders.length, 1, `one daily reminder trigger (${reminders.map((t) => t.owner).join(', ')})`);
      // every division can type into its own tab
      for (const [tab, who] of Object.entries(j.people.divisions))
        for (const h of TYPED)
          assert.ok(j.fakes.sheets.canEdit(who, tab, cellOf(j.fakes, tab, 'EIT-01', h)), `${who} types ${h} in ${tab}`);
    }),

  'divisions type': (j) =>
    atMoment('2023-03-10T10:00:00', () => {
      const { fakes } = j;
      // each division reports its round-6 result on the measure every division shares
      // … all but กองช่าง, which forgets (its item falls overdue on 31 March)
      for (const [tab, who] of Object.entries(j.people.divisions)) {
        if (tab === LATE) continue;
        const text = `${tab} รายงานผลรอบ ๖ เดือนแล้ว`;
        j.type(who, tab, cellOf(fakes, tab, 'EIT-01', HEADER.status), STATUS_LABEL.done);
        j.type(who, tab, cellOf(fakes, tab, 'EIT-01', HEADER.result6), text);
        j.typed.set(tab, text);
        assert.equal(fakes.sheets.cell(tab, cellOf(fakes, tab, 'EIT-01', HEADER.result6)).value, text, `${tab}'s text`);
        assert.ok(fakes.sheets.cell(tab, cellOf(fakes, tab, 'EIT-01', HEADER.updatedAt)).value, `${tab}: edit stamped`);
        // who: Sheets names only an editor of the sheet's own Workspace domain to a simple trigger
        const seen = !!j.people.domain && who.endsWith(`@${j.people.domain}`);
        assert.equal(
          fakes.sheets.cell(tab, cellOf(fakes, tab, 'EIT-01', HEADER.updatedBy)).value,
          seen ? who : MARK.unknownUser,
          `${tab}: stamped by whom`,
        );
      }
      // an admin drops two milestones (rows not adjacent in กองคลัง) and syncs while กองคลัง types
      const admin = j.second;
      const milestones = fakes.sheets.values(TAB.milestones) ?? [];
      for (const id of ['MS-01', 'MS-03']) {
        const row = milestones.findIndex((r) => r[0] === id) + 1;
        j.type(admin, TAB.milestones, `A${row}:E${row}`, [['', '', '', '', '']]);
      }
      const finance = j.people.divisions.กองคลัง;
      const moments = [3, 30].map((k) => calls.total() + k);
      const tries: Array<{ key: string; value: string; outcome?: 'typed' | 'refused' }> = [
        { key: 'MS-02', value: 'รายงานผลระหว่างปรับปรุงแท็บ' },
        { key: 'OIT-03', value: 'พิมพ์ระหว่างปรับปรุงแท็บ' },
      ];
      tries.forEach((t, i) => {
        calls.before(moments[i], () => {
          t.outcome = fakes.sheets.typeAs(finance, 'กองคลัง', cellOf(fakes, 'กองคลัง', t.key, HEADER.result6), t.value);
        });
      });
      j.as(admin, () => ENTRY_POINTS.menuSyncDivisionTabs());
      assert.equal(calls.pending(), 0, 'both typists typed during the sync');
      // what was typed is where it was typed; a refusal Sheets showed is typed again after sync
      for (const t of tries) {
        const a1 = cellOf(fakes, 'กองคลัง', t.key, HEADER.result6);
        if (t.outcome === 'refused') j.type(finance, 'กองคลัง', a1, t.value);
        assert.equal(
          fakes.sheets.cell('กองคลัง', a1).value,
          t.value,
          `${t.key}'s result typed during sync (${t.outcome})`,
        );
      }
      const keys = (fakes.sheets.values('กองคลัง') ?? []).slice(1).map((r) => r[0]);
      assert.deepEqual(keys, ['EIT-01', 'OIT-03', 'MS-02'], 'the dropped milestones left กองคลัง');
      const archived = records(fakes, TAB.archive).map((r) => r[HEADER.entryKey]);
      assert.ok(archived.includes('MS-01') && archived.includes('MS-03'), 'their rows are in the archive');
      assert.deepEqual(
        fakes.sheets.protections().filter((p) => p.description === SYNC_MENU.lockDescription),
        [],
        'no sync lock left',
      );
      // after sync, every kept row is typeable by its division
      for (const [tab, who] of Object.entries(j.people.divisions))
        for (const r of records(fakes, tab))
          for (const h of TYPED) {
            const a1 = cellOf(fakes, tab, String(r[HEADER.entryKey]), h);
            assert.ok(fakes.sheets.canEdit(who, tab, a1), `${who} can type ${tab}!${a1} (${h}) after sync`);
          }
    }),

  validate: (j) =>
    atMoment('2023-03-30T14:00:00', () => {
      j.as(j.second, () => ENTRY_POINTS.menuValidateAll());
      const html = j.fakes.ui.lastDialog()?.html ?? '';
      assert.ok(
        html.includes(VALIDATE_MENU.noProblems) || html.includes(VALIDATE_MENU.summary(0, 0).split(' คำเตือน')[0]),
        `validate: no errors (${html.slice(0, 300)})`,
      );
      assert.ok(!html.includes(VALIDATE_MENU.errorsHeading), 'no error list');
    }),

  report: (j) =>
    atMoment('2023-03-31T15:00:00', () => {
      const { fakes } = j;
      const made = j.as(j.people.a, () => ENTRY_POINTS.menuGenerateReport());
      assert.ok(made, `the owner's report is made (${j.lastPrompt()})`);
      j.report = { docId: made.docId, docUrl: made.docUrl, publishedUrl: made.publishedUrl };
      const text = fakes.docs.documentText(made.docId);
      for (const [tab, typed] of j.typed) assert.ok(readable(text).includes(typed), `the report has ${tab}'s result`);
      assert.equal(fakes.drive.publishedContent(made.docId), text, 'the report is published as written');
      assert.ok(made.pdfUrl, 'a PDF is archived');
      assert.deepEqual(
        {
          docId: registerRow(fakes, DOC_KIND.report, 6)?.docId,
          publishedUrl: registerRow(fakes, DOC_KIND.report, 6)?.publishedUrl,
        },
        { docId: made.docId, publishedUrl: made.publishedUrl },
        'the register has the round-6 report',
      );
      if (j.profile.folder === 'shared-drive')
        assert.ok(fakes.drive.store.files.get(made.docId)?.driveId, 'the report is in the shared drive');
      for (const admin of j.admins) assert.ok(fakes.drive.canOpen(admin, made.docId), `${admin} can open the report`);
    }),

  'second admin regenerates': (j) =>
    atMoment('2023-04-01T09:30:00', () => {
      const { fakes } = j;
      const report = j.report;
      assert.ok(report, 'a report to regenerate');
      // กองคลัง corrects its result, then the second admin regenerates
      const corrected = 'กองคลังแก้ไขผลรอบ ๖ เดือน';
      j.type(j.people.divisions.กองคลัง, 'กองคลัง', cellOf(fakes, 'กองคลัง', 'EIT-01', HEADER.result6), corrected);
      const sent = fakes.mail.sent.length;
      const made = j.as(j.second, () => ENTRY_POINTS.menuGenerateReport());
      if (j.second !== j.people.a) {
        assert.equal(made, undefined, 'another admin’s click is queued');
        const dialog = fakes.ui.lastDialog()?.html ?? '';
        assert.ok(dialog.includes(j.people.a), 'the dialog names the folder owner');
        assert.ok(dialog.includes(QUEUE_TRIGGER.wait(queueRate())), 'and the wait (about an hour in the add-on)');
        j.queueRuns();
        const mails = fakes.mail.sent.slice(sent);
        assert.ok(
          mails.some((m) => m.to.includes(j.second) && m.body.includes(report.publishedUrl)),
          `${j.second} gets the links by e-mail`,
        );
      } else assert.equal(made?.docId, report.docId, 'regenerated in place');
      assert.equal(registerRow(fakes, DOC_KIND.report, 6)?.docId, report.docId, 'the same document');
      assert.equal(registerRow(fakes, DOC_KIND.report, 6)?.publishedUrl, report.publishedUrl, 'the same public URL');
      const text = fakes.docs.documentText(report.docId);
      assert.ok(readable(text).includes(corrected), 'the correction is in the report');
      assert.equal(fakes.drive.publishedContent(report.docId), text, 'the correction is published');
    }),

  plan: (j) =>
    atMoment('2023-04-03T10:00:00', () => {
      const { fakes } = j;
      const made = j.as(j.second, () => ENTRY_POINTS.menuGeneratePlan());
      if (j.second !== j.people.a) {
        assert.equal(made, undefined, 'queued for the owner');
        j.queueRuns();
      }
      const row = registerRow(fakes, DOC_KIND.plan);
      assert.ok(row?.docId, 'the plan is in the register');
      const docId = String(row.docId);
      assert.equal(fakes.drive.publishedContent(docId), fakes.docs.documentText(docId), 'the plan is published');
      assert.equal(row.generatedBy, j.second, 'generated for the admin who asked');
      j.plan = { docId, publishedUrl: String(row.publishedUrl) };
    }),

  memo: (j) =>
    atMoment('2023-04-03T11:00:00', () => {
      const { fakes } = j;
      assert.ok(j.plan, 'a plan to propose');
      fakes.ui.respond('OK', '1');
      j.as(j.second, () => ENTRY_POINTS.menuProposeToExecutive('2023-04-03'));
      if (j.second !== j.people.a) j.queueRuns();
      const row = registerRow(fakes, DOC_KIND.plan);
      // published at generation (เผยแพร่หลังผู้บริหารอนุมัติ is off): proposing keeps the later status
      assert.equal(row?.approvalStatus, APPROVAL_STATUS.published, 'the plan stays published');
      assert.ok(row?.memoUrl, 'the memo is linked on the plan’s row');
      const memo = [...fakes.drive.store.files.values()].find(
        (f) => f.mimeType === 'application/vnd.google-apps.document' && String(row?.memoUrl).includes(f.id),
      );
      assert.ok(memo, 'the memo is a Google Doc');
      assert.ok(fakes.docs.documentText(memo.id).includes(j.plan.publishedUrl), 'the memo links the plan');
      j.memo = { docId: memo.id, docUrl: String(row?.memoUrl) };
    }),

  approval: (j) =>
    atMoment('2023-04-04T09:00:00', () => {
      const { fakes } = j;
      const sent = fakes.mail.sent.length;
      fakes.ui.respond('OK', '1');
      fakes.ui.respond('OK', 'เห็นชอบ');
      const done = j.as(j.people.mayor, () => ENTRY_POINTS.menuRecordApproval());
      assert.ok(done, `the mayor's approval is taken (${j.lastPrompt()})`);
      assert.equal(done.queued, true, 'queued for the owner (the register is the admins’)');
      j.queueRuns();
      const row = registerRow(fakes, DOC_KIND.plan);
      assert.equal(row?.approver, j.people.mayor, 'the approver on record');
      assert.equal(row?.approvalComment, 'เห็นชอบ', 'the comment on record');
      assert.equal(row?.approvalStatus, APPROVAL_STATUS.published, 'still published');
      assert.ok(row?.approvedAt, 'when it was approved');
      assert.ok(
        fakes.mail.sent.slice(sent).some((m) => m.to.includes(j.people.mayor)),
        'the mayor is told it is recorded',
      );
      assert.equal(row?.publishedUrl, j.plan?.publishedUrl, 'the plan keeps its URL');
    }),

  'reminders (a week)': (j) => {
    const { fakes } = j;
    const sent = fakes.mail.sent.length;
    const days = ['2023-04-24', '2023-04-25', '2023-04-26', '2023-04-27', '2023-04-28', '2023-04-29', '2023-04-30'];
    const byDay = new Map<string, number>();
    for (const day of days)
      atMoment(`${day}T08:00:00`, () => {
        const before = fakes.mail.sent.length;
        const fired = j.fire(REMINDER_HANDLER, () => ENTRY_POINTS.dailyReminders());
        assert.equal(fired, 1, `${day}: one reminder trigger fires`);
        byDay.set(day, fakes.mail.sent.length - before);
      });
    const mails = fakes.mail.sent.slice(sent);
    // Monday 24 April: กองช่าง's item overdue since 31 March, the executives' weekly summary of it,
    // กองคลัง's milestone due on 30 April, and the admins' ITA calendar (the 6-month report is to be
    // published on 30 April, issue 23); nothing more that week (the weekend included)
    assert.deepEqual(
      [...byDay],
      days.map((d, i) => [d, i === 0 ? 4 : 0]),
      'e-mails per day, Monday to Sunday',
    );
    assert.deepEqual(
      mails.map((m) => [m.to, m.subject]),
      [
        [[j.people.divisions[LATE]], `แจ้งเตือนมาตรการ ITA ของ${LATE}: เกินกำหนด ๑ รายการ`],
        [[j.people.mayor], 'สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน'],
        [[j.people.divisions.กองคลัง], 'แจ้งเตือนมาตรการ ITA ของกองคลัง: ใกล้ครบกำหนด ๑ รายการ'],
        [j.admins, 'ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่รายงานผลรอบ 6 เดือน ๓๐ เมษายน ๒๕๖๖ (อีก ๖ วัน)'],
      ],
      'the mails that went out',
    );
    const log = records(fakes, TAB.emailLog);
    assert.equal(log.length, mails.length, 'one log row per e-mail');
  },

  'close round': (j) =>
    atMoment('2023-05-02T10:00:00', () => {
      const { fakes } = j;
      const admin = j.profile.admins === 3 ? j.people.c : j.people.a;
      j.as(admin, () => ENTRY_POINTS.menuCloseRound());
      assert.ok(j.lastPrompt().includes(YEAR_CYCLE.nowRound('12')), `round 6 closed (${j.lastPrompt()})`);
      assert.equal(j.setting('currentRound'), 12, 'the round moves on');
      for (const [tab, who] of Object.entries(j.people.divisions)) {
        assert.equal(
          fakes.sheets.canEdit(who, tab, cellOf(fakes, tab, 'EIT-01', HEADER.result6)),
          false,
          `${tab}: round 6 locked`,
        );
        assert.ok(
          fakes.sheets.canEdit(who, tab, cellOf(fakes, tab, 'EIT-01', HEADER.result12)),
          `${tab}: round 12 open`,
        );
      }
    }),

  rollover: (j) =>
    atMoment('2023-10-02T09:00:00', () => {
      const { fakes } = j;
      for (const [tab, who] of Object.entries(j.people.divisions))
        j.type(who, tab, cellOf(fakes, tab, 'EIT-01', HEADER.result12), `${tab} รายงานผลรอบ ๑๒ เดือน`);
      j.as(j.people.a, () => ENTRY_POINTS.menuCloseRound());
      fakes.ui.respond('YES');
      j.as(j.second, () => ENTRY_POINTS.menuRollover());
      assert.ok(j.lastPrompt().includes(YEAR_CYCLE.rolledOver('2566', '2567', 0).slice(0, 25)), j.lastPrompt());
      assert.equal(j.setting('fiscalYear'), 2567, 'the new fiscal year');
      for (const [tab, who] of Object.entries(j.people.divisions)) {
        const rows = records(fakes, tab);
        assert.ok(
          rows.every((r) => r[HEADER.status] === STATUS_LABEL.not_started),
          `${tab}: statuses reset`,
        );
        for (const h of TYPED)
          assert.ok(fakes.sheets.canEdit(who, tab, cellOf(fakes, tab, 'EIT-01', h)), `${tab}: ${h} typeable in 2567`);
      }
      assert.equal(
        registerRow(fakes, DOC_KIND.report, 6)?.publishedUrl,
        j.report?.publishedUrl,
        'last year’s report kept',
      );
    }),

  'public page': (j) =>
    atMoment('2023-10-03T09:00:00', () => {
      const { fakes } = j;
      j.as(j.second, () => ENTRY_POINTS.menuRefreshPublicPage());
      assert.equal(j.lastPrompt(), PUBLIC_PAGE.menuDone(WEB_APP_URL), 'the admin is given the /exec link');
      const dashboard = (fakes.sheets.values(TAB.dashboard) ?? []).map((r) => r.filter((c) => c !== ''));
      assert.ok(
        dashboard.some((r) => r[0] === PUBLIC_PAGE.dashboardLine && r[1] === WEB_APP_URL),
        'the dashboard shows the /exec link',
      );
      // a visitor, signed in or not
      const page = ENTRY_POINTS.doGet();
      assert.ok(page, 'the page is served');
      const html = calls.untracked(() => page.getContent());
      assert.ok(html.includes('เทศบาลตำบลปรุใหญ่'), 'the agency’s name');
      assert.ok(html.includes(String(j.report?.publishedUrl)), 'the round-6 report’s public link');
      assert.ok(html.includes(String(j.plan?.publishedUrl)), 'the plan’s public link');
      assert.ok(!/[\w.-]+@[\w.-]+\.\w+/.test(html), 'no one’s e-mail address');
    }),
  'self-test': (j) =>
    atMoment('2023-10-03T10:00:00', () => {
      // the folder's owner runs ตรวจสุขภาพระบบ on this working tracker (with the test e-mail)
      const run = j.as(j.people.a, () => ENTRY_POINTS.menuHealthCheck());
      assert.ok(run, `the self-test ran (${j.lastPrompt()})`);
      const notPassing = run.report.lines.filter((l) => l.outcome !== 'pass').map(healthLineText);
      assert.deepEqual(notPassing, [], 'every line of the self-test passes on a working tracker');
      const queue = run.report.lines.find((l) => l.id === 'queueTrigger');
      assert.ok(queue?.found.includes(j.people.a), 'the self-test names the queue trigger’s owner');
    }),

  'self-test (second admin)': (j) =>
    atMoment('2023-10-03T10:30:00', () => {
      // B (A alone: A) runs ตรวจสุขภาพระบบ on the same working tracker: B's drive.file grant never reaches
      // A's folder, and B's documents go through A's queue, so the self-test says so and passes; it never
      // advises clearing reportFolderId (a new folder would change every public URL)
      const run = j.as(j.second, () => ENTRY_POINTS.menuHealthCheck());
      assert.ok(run, `the self-test ran (${j.lastPrompt()})`);
      const texts = run.report.lines.map(healthLineText);
      assert.deepEqual(
        run.report.lines.filter((l) => l.outcome !== 'pass').map(healthLineText),
        [],
        'every line passes for the second admin on a working tracker',
      );
      assert.ok(!texts.some((t) => t.includes('reportFolderId')), 'no line speaks of clearing the folder id');
      if (j.second !== j.people.a) {
        const folder = run.report.lines.find((l) => l.id === 'folder');
        const scratch = run.report.lines.find((l) => l.id === 'scratchDoc');
        for (const line of [folder, scratch])
          assert.ok(line?.found.includes(j.people.a), `${line?.title}: names the folder owner (${line?.found})`);
        assert.ok(folder?.found.includes('คิว'), `the folder line says reports go through the queue (${folder?.found})`);
        // B made nothing in the folder: the scratch document is the owner's queue's to make
        const scratchDocs = [...j.fakes.drive.store.files.values()].filter(
          (f) => f.name === HEALTH.scratchDoc.docName && !f.trashed,
        );
        assert.deepEqual(scratchDocs, [], 'no scratch document left behind');
      }
    }),
};
