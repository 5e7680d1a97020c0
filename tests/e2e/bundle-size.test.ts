// What clasp pushes to Apps Script must stay small and carry only the wording Apps Script shows:
// the command line's strings (and the .pdf/.docx file readers') live in objects of their own that nothing
// in src/gas refers to, so esbuild leaves them out of dist/Code.js (jest's globalSetup builds it fresh).
// The report importer and its warnings (IMPORT) ship since "นำเข้ารายงานปีก่อน" imports in Apps Script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BUDGET from '../../scripts/bundle-budget.json';
import { CLI_HELP } from '../../src/core/messages/cli-help';
import { IMPORT_FILE } from '../../src/core/messages/import-file';
import { MENU } from '../../src/core/messages/menu';
import { REMIND_CLI } from '../../src/core/messages/reminders';

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

const BUNDLE_BUDGET_KB = BUDGET.kb;

describe('dist/Code.js', () => {
  // one budget for the whole bundle (scripts/bundle-budget.json); the build prints where the
  // bytes go, by folder and module, from esbuild's metafile (also in build/bundle-breakdown.json)
  it(`is within its budget (${BUNDLE_BUDGET_KB} KB)`, () => {
    const kb = statSync(bundlePath).size / 1024;
    expect(kb).toBeLessThanOrEqual(BUNDLE_BUDGET_KB);
  });

  it('the breakdown accounts for the bundle: folders sum to the modules, the largest is named', () => {
    const breakdown = JSON.parse(readFileSync(join(__dirname, '../..', 'build', 'bundle-breakdown.json'), 'utf8')) as {
      folders: { path: string; bytes: number }[];
      modules: { path: string; bytes: number }[];
    };
    const sum = (xs: { bytes: number }[]) => xs.reduce((a, x) => a + x.bytes, 0);
    expect(sum(breakdown.folders)).toBe(sum(breakdown.modules));
    // the modules' bytes are most of the file (the rest: esbuild's wrapper and the top-level functions)
    expect(sum(breakdown.modules)).toBeGreaterThan(0.9 * statSync(bundlePath).size);
    expect(breakdown.folders.map((f) => f.path)).toEqual(expect.arrayContaining(['src/core', 'src/gas']));
  });

  it('keeps Thai text as UTF-8, so looking for a string in it means something', () => {
    // the menu title is shown by Apps Script: if the bundle escaped Thai, none of the checks below could fail
    expect(code).toContain(MENU.title);
    expect(code).toContain('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
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
