// What clasp pushes to Apps Script must stay small and carry only the wording Apps Script shows:
// the command line's strings (and the .pdf/.docx file readers') live in objects of their own that nothing
// in src/gas refers to, so esbuild leaves them out of dist/Code.js (jest's globalSetup builds it fresh).
// The report importer and its warnings (IMPORT) ship since "นำเข้ารายงานปีก่อน" imports in Apps Script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_HELP } from '../../src/core/messages/cli-help';
import { IMPORT_FILE } from '../../src/core/messages/import-file';
import { MENU } from '../../src/core/messages/menu';
import { REMIND_CLI } from '../../src/core/messages/reminders';
import { REPORT } from '../../src/core/messages/report';

// Every message object, gathered from the files of src/core/messages (there is no index module).
const messagesDir = join(__dirname, '../../src/core/messages');
const messages: Record<string, unknown> = Object.assign(
  {},
  ...readdirSync(messagesDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => require(join(messagesDir, f)) as Record<string, unknown>),
);

const bundlePath = join(__dirname, '../..', 'dist', 'Code.js');
const code = readFileSync(bundlePath, 'utf8');

/** Message objects only the Node CLI uses. */
const NODE_ONLY = [
  'CLI',
  'SIMULATE_CLI',
  'CLI_HELP',
  'INIT',
  'DEMO',
  'IMPORT_CLI',
  'IMPORT_FILE',
  'IMPORT_REPAIR',
  'GOOGLE',
  'ROLLUP',
  'REPORT_CLI',
  'REMIND_CLI',
] as const;

/** Every plain string in a message object (functions' wording is checked through the plain ones). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const exported = new Map<string, unknown>(Object.entries(messages));

// wording Apps Script also shows by the same words (e.g. "ตรวจสอบแล้ว ไม่พบปัญหา") may ship, of course
const sharedWithAppsScript = new Set(
  [...exported]
    .filter(([name]) => !(NODE_ONLY as readonly string[]).includes(name))
    .flatMap(([, value]) => stringsIn(value)),
);

describe('dist/Code.js', () => {
  // Apps Script parses the whole bundle on every trigger (onEdit included), so its size is a budget:
  // 150 KB for the house-rules baseline (issue #10: 133.6 KB then), plus what each feature that ships in
  // Apps Script was granted when it landed, measured with `npm run build`. A feature that needs more
  // raises its own line here, in review, rather than the total quietly.
  const BUDGET_KB = {
    baseline: 150,
    importDialog: 21, // "นำเข้ารายงานปีก่อน": the importer, its Thai warnings, the upload dialog (+20.5 KB)
    firstRunSidebar: 9, // "เริ่มต้นใช้งาน" and the add-on-ready menu (+8.8 KB)
    // working days, the weekly rhythm, the executives' summary, the FY holidays, the preview's whole round (+8.9 KB)
    reminderRhythm: 9,
    healthCheck: 35, // "ตรวจสุขภาพระบบ": nine checks, two thirds of it their Thai wording (+34.3 KB)
    planMemoApproval: 34, // the measures plan, the memo, the approval flow and the one Google Doc writer (+33.5 KB)
    yearCycle: 24, // close / reopen a round, rollover, the public page's web app and their wording (+23.8 KB)
    manyHands: 9, // issue 11: the report owner's queue and admin sharing, Drive checks, the onEdit rewrite (+~9 KB)
    // issue 11 §1 / 17: sync as structural steps, the lock-and-reread of rows it removes, its refusals (+~5 KB)
    syncSafety: 6,
    actionsTable: 3, // issue 21: the actions table (labels, access, locks), the one access rule (+2.8 KB)
  };
  const budget = Object.values(BUDGET_KB).reduce((a, b) => a + b, 0);
  it(`is within its budget (${budget} KB)`, () => {
    const kb = statSync(bundlePath).size / 1024;
    expect(kb).toBeLessThanOrEqual(budget);
  });

  it('keeps Thai text as UTF-8, so looking for a string in it means something', () => {
    // the menu title is shown by Apps Script: if the bundle escaped Thai, none of the checks below could fail
    expect(code).toContain(MENU.title);
    expect(code).toContain(REPORT.title);
  });

  it("carries no command-line string, nor the PDF reader's", () => {
    expect(code).not.toContain(CLI_HELP.rollup.summary);
    expect(code).not.toContain(REMIND_CLI.dryRun);
    expect(code).not.toContain(IMPORT_FILE.pdfToolMissing);
  });

  // one case per object, so a failure names the object that started shipping and its strings
  it.each(NODE_ONLY)('leaves out every string of %s', (name) => {
    const shipped = stringsIn(exported.get(name)).filter(
      (s) => s.trim().length >= 8 && !sharedWithAppsScript.has(s) && code.includes(s),
    );
    expect(shipped).toEqual([]);
  });
});
