// The README's test figures come from `npm run test:figures` (scripts/test-figures.mjs: one jest run with
// --json, the README's marked block rewritten from it), never typed by hand. Running jest inside jest to
// check them would double the suite's time; what is checked here, cheaply, is that the block is such a
// measurement, that it found the suite passing and quiet, and that it counted the test files the
// repository has, per jest project: a test file added or removed since fails here until the figures
// are measured again (`npm run test:figures`, then commit README.md). The measuring run leaves this file
// out, so that it never reads the block it is about to replace.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const config = require('../../jest.config.js') as { projects: { displayName: string; roots: string[] }[] };

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const block = readme.slice(readme.indexOf('<!-- test-figures -->'), readme.indexOf('<!-- /test-figures -->'));
const FIGURES = new RegExp(
  String.raw`Measured by \`npm run test:figures\` on \d{4}-\d\d-\d\d \(Node v[\d.]+, \d+ cores\):\s+` +
    String.raw`(?<passed>\d+) of (?<total>\d+) tests passed in (?<suites>\d+) suites ` +
    String.raw`\(unit: (?<unitSuites>\d+) suites, (?<unitTests>\d+) tests; e2e: (?<e2eSuites>\d+) suites, (?<e2eTests>\d+) tests\), ` +
    String.raw`(?<failed>\d+) failed, (?<skipped>\d+) skipped \(all but tests/e2e/readme-figures\.test\.ts\); ` +
    String.raw`jest took \d+ s with the build ` +
    String.raw`and printed \d+ non-empty lines, (?<consoleBlocks>\d+) of them a test's console output\.`,
);
const measured = Object.fromEntries(
  Object.entries(block.match(FIGURES)?.groups ?? {}).map(([k, v]) => [k, Number(v)]),
) as Record<string, number>;

/** The *.test.ts files under a jest project's roots, as jest.config.js lists them; not this one, which
 *  the measuring run leaves out (it would check the block that run replaces). */
const testFiles = (project: string): number =>
  (config.projects.find((p) => p.displayName === project)?.roots ?? [])
    .map((r) => r.replace('<rootDir>', root))
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => f.endsWith('.test.ts') && f !== __filename).length;

test('the README has its test figures as npm run test:figures writes them', () => {
  expect(block).toMatch(FIGURES);
  expect(measured.unitSuites + measured.e2eSuites).toBe(measured.suites);
  expect(measured.unitTests + measured.e2eTests).toBe(measured.total);
});

test('the figures are of a passing, quiet run: every test passed, none skipped, no console output', () => {
  expect(measured.passed).toBe(measured.total);
  expect(measured.failed).toBe(0);
  expect(measured.skipped).toBe(0);
  expect(measured.consoleBlocks).toBe(0);
});

test('the measured suites are the test files the repository has, per jest project (else: npm run test:figures)', () => {
  expect({ unit: measured.unitSuites, e2e: measured.e2eSuites }).toEqual({
    unit: testFiles('unit'),
    e2e: testFiles('e2e'),
  });
});
