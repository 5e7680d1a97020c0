// The three rooms — src/core pure (bundled into both runtimes), src/gas and src/node talking only to
// core — are guarded by Biome (biome.json overrides per room) and by tsconfig.core.json (core checked
// with no ambient types). These tests show the guards fire on a violation and stay quiet on clean
// code, then that the real tree passes them.
//
// Biome gives no diagnostics for --stdin-file-path input (by design since Biome 1.9), so the probes
// are real files: a temp folder with src/core, src/gas and src/node and a copy of the project's
// biome.json (VCS off, as the folder is not a repository), linted in one run with the JSON reporter.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '../..');
const BIOME = require.resolve('@biomejs/biome/bin/biome');
// typescript's package exports hide bin/: find it next to its package.json
const TSC = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

interface Diagnostic {
  severity: string;
  category: string;
  message: string;
  location: { path: string };
}

/** Runs Biome's linter in `cwd` on `paths`; diagnostics from the JSON reporter (Biome is pinned in package.json). */
function biomeLint(cwd: string, paths: string[]): Diagnostic[] {
  const r = spawnSync(process.execPath, [BIOME, 'lint', '--reporter=json', '--max-diagnostics=none', ...paths], {
    cwd,
    encoding: 'utf8',
  });
  const report = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
  return report.diagnostics.filter((d) => d.category.startsWith('lint/'));
}

// ---------------------------------------------------------------- probes: the rules fire

/** One file per violation (and a clean file per room): path under the probe folder → source. */
const PROBES: Record<string, string> = {
  'src/core/node-fs.ts': "import fs from 'node:fs';\nexport const exists = fs.existsSync;\n",
  'src/core/bare-fs.ts': "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n",
  'src/core/imports-gas.ts': "import { menu } from '../gas/x';\nexport const m = menu;\n",
  'src/core/imports-node.ts': "import { cli } from '../node/x';\nexport const c = cli;\n",
  'src/core/spreadsheet-app.ts': 'export const book = () => SpreadsheetApp.getActive();\n',
  'src/core/process.ts': 'export const home = () => process.env.HOME;\n',
  'src/core/buffer.ts': "export const bytes = (s: string) => Buffer.from(s, 'utf8');\n",
  'src/gas/imports-node.ts': "import { cli } from '../node/x';\nexport const c = cli;\n",
  'src/gas/node-fs.ts': "import fs from 'node:fs';\nexport const exists = fs.existsSync;\n",
  'src/node/imports-gas.ts': "import { menu } from '../gas/x';\nexport const m = menu;\n",
  // clean: core and both runtimes importing core, core using only the language
  'src/core/clean.ts': "import { other } from './other';\nexport const twice = (n: number) => other(n) * 2;\n",
  'src/gas/clean.ts':
    "import { twice } from '../core/clean';\nexport const cell = () => twice(SpreadsheetApp.getActive().getSheets().length);\n",
  'src/node/clean.ts':
    "import { readFileSync } from 'node:fs';\nimport { twice } from '../core/clean';\nexport const size = (p: string) => twice(readFileSync(p).length + Number(process.env.N ?? 0));\n",
};

describe('the Biome rules of biome.json fire on each kind of violation', () => {
  let dir: string;
  let byFile: Map<string, Diagnostic[]>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ita-layering-'));
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
    delete config.$schema;
    config.vcs = { enabled: false };
    writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
    for (const [path, source] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    byFile = new Map();
    for (const d of biomeLint(dir, ['src'])) {
      byFile.set(d.location.path, [...(byFile.get(d.location.path) ?? []), d]);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const diagnostics = (path: string) => (byFile.get(path) ?? []).map((d) => `${d.severity} ${d.category}`);
  /** The errors on a probe (a bare 'fs' also gets an info-level hint to write 'node:fs'). */
  const errorsOn = (path: string) => diagnostics(path).filter((d) => d.startsWith('error '));

  test.each([
    ['src/core/node-fs.ts', "import fs from 'node:fs'", 'lint/correctness/noNodejsModules'],
    ['src/core/bare-fs.ts', "import from 'fs' (no node: prefix)", 'lint/correctness/noNodejsModules'],
    ['src/core/imports-gas.ts', "import from '../gas/x'", 'lint/style/noRestrictedImports'],
    ['src/core/imports-node.ts', "import from '../node/x'", 'lint/style/noRestrictedImports'],
    ['src/core/spreadsheet-app.ts', 'SpreadsheetApp', 'lint/style/noRestrictedGlobals'],
    ['src/core/process.ts', 'process', 'lint/style/noRestrictedGlobals'],
    ['src/core/buffer.ts', 'Buffer', 'lint/style/noRestrictedGlobals'],
    ['src/gas/imports-node.ts', "import from '../node/x'", 'lint/style/noRestrictedImports'],
    ['src/gas/node-fs.ts', "import fs from 'node:fs'", 'lint/correctness/noNodejsModules'],
    ['src/node/imports-gas.ts', "import from '../gas/x'", 'lint/style/noRestrictedImports'],
  ])('%s (%s): an error from %s', (path, _what, rule) => {
    expect(errorsOn(path)).toEqual([`error ${rule}`]);
  });

  test('the messages say which room may hold it', () => {
    const message = (path: string) => byFile.get(path)?.find((d) => d.severity === 'error')?.message;
    expect(message('src/core/imports-gas.ts')).toMatch(/src\/core is pure/);
    expect(message('src/node/imports-gas.ts')).toMatch(/src\/node does not import src\/gas/);
    expect(message('src/gas/imports-node.ts')).toMatch(/src\/gas does not import src\/node/);
  });

  test('clean probes in each room: no diagnostic (gas may use SpreadsheetApp, node may use node:fs and process)', () => {
    expect(diagnostics('src/core/clean.ts')).toEqual([]);
    expect(diagnostics('src/gas/clean.ts')).toEqual([]);
    expect(diagnostics('src/node/clean.ts')).toEqual([]);
  });
});

// ---------------------------------------------------------------- probe: core compiled with no ambient types

test('tsconfig.core.json knows no Node or Apps Script names, so core cannot use one Biome does not list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-core-types-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'tsconfig.core.json'), include: ['*.ts'] }),
    );
    writeFileSync(join(dir, 'clean.ts'), 'export const twice = (n: number): number => n * 2;\n');
    const clean = spawnSync(process.execPath, [TSC, '--noEmit', '-p', dir], { encoding: 'utf8' });
    expect(clean.stdout).toBe('');
    expect(clean.status).toBe(0);

    writeFileSync(
      join(dir, 'ambient.ts'),
      [
        'export const later = setTimeout;',
        'export const chart = Charts.ChartType.BAR;',
        'export type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;',
        'export const home = process.env.HOME;',
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [TSC, '--noEmit', '-p', dir], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    const unknown = [
      ...r.stdout.matchAll(/ambient\.ts\((\d+),\d+\): error TS\d+: Cannot find (?:name|namespace) '(\w+)'/g),
    ];
    expect(unknown.map((m) => [Number(m[1]), m[2]])).toEqual([
      [1, 'setTimeout'],
      [2, 'Charts'],
      [3, 'GoogleAppsScript'],
      [4, 'process'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- the real tree

test('src passes the layering rules: `biome lint src` reports no error', () => {
  const errors = biomeLint(root, ['src'])
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.location.path}: ${d.category} ${d.message}`);
  expect(errors).toEqual([]);
});

/** Every .ts file under a folder, repository-relative with forward slashes. */
const tsFilesUnder = (dir: string): string[] =>
  (readdirSync(join(root, dir), { recursive: true }) as string[])
    .map((p) => `${dir}/${p.split('\\').join('/')}`)
    .filter((p) => p.endsWith('.ts'));

test('casts that switch the type check off (`as unknown as`, `as never`) live only in the Google facades', () => {
  // the typed facades of Apps Script (src/gas/adapters/), each cast beside the reference it relies on;
  // a library Node uses is typed by its own declarations or checked at run time (src/node/exceljs-validations.ts)
  const FACADES = 'src/gas/adapters/';
  const escapes = /\bas unknown as\b|\bas never\b/;
  const found: string[] = [];
  for (const file of tsFilesUnder('src')) {
    if (file.startsWith(FACADES)) continue;
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (escapes.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
  // and each facade's cast cites a reference (a URL) in the comment above it
  for (const file of tsFilesUnder(FACADES.slice(0, -1))) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!escapes.test(line)) return;
      const above = lines.slice(Math.max(0, i - 25), i + 1).join('\n');
      expect({ at: `${file}:${i + 1}`, cites: /https?:\/\/|developers\.google\.com|reference/.test(above) }).toEqual({
        at: `${file}:${i + 1}`,
        cites: true,
      });
    });
  }
});

test('the Drive and Docs advanced services are reached only through their facades (src/gas/adapters/)', () => {
  // issue 22: "every Drive call through the typed facade with supportsAllDrives" — the import's converted
  // copy, the self-test's probe and its revision read included. The globals `Drive` and `Docs` (not a
  // type such as GoogleAppsScript.Drive, not a word in a comment or a string) appear in no other file.
  const FACADES = 'src/gas/adapters/';
  const uses = /(^|[^.\w'"`])(Drive|Docs)\b(?!\s*[:'"`])/;
  const found: string[] = [];
  for (const file of tsFilesUnder('src/gas')) {
    if (file.startsWith(FACADES)) continue;
    readFileSync(join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').replace(/'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`/g, "''"))
      .forEach((line, i) => {
        if (uses.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

// ---------------------------------------------------------------- the tests' own layout

test('every test file sits in a folder a jest project runs (a test anywhere else would silently never run)', () => {
  const config = require(join(root, 'jest.config.js')) as { projects: { roots: string[] }[] };
  const run = config.projects.flatMap((p) => p.roots.map((r) => r.replace('<rootDir>/', '')));
  expect(run.sort()).toEqual(['tests/contract', 'tests/core', 'tests/e2e', 'tests/gas', 'tests/node']);
  const tests = (readdirSync(join(root, 'tests'), { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.test.ts') && !p.startsWith('live/'));
  expect(tests.length).toBeGreaterThan(30);
  expect(tests.filter((p) => !run.some((dir) => `tests/${p}`.startsWith(`${dir}/`)))).toEqual([]);
});
