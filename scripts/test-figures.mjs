// `npm run test:figures`: runs the whole jest suite once with --json and rewrites the README's marked
// block (between <!-- test-figures --> and <!-- /test-figures -->) with what was measured: suites and
// tests per project, passed and failed, and the wall time. The README's figures are never typed by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- test-figures -->';
const END = '<!-- /test-figures -->';

const out = join(mkdtempSync(join(tmpdir(), 'ita-figures-')), 'jest.json');
const began = Date.now();
const run = spawnSync('npx', ['jest', '--json', `--outputFile=${out}`, '--silent'], { stdio: 'inherit' });
const seconds = Math.round((Date.now() - began) / 1000);
const result = JSON.parse(readFileSync(out, 'utf8'));

const byProject = new Map();
for (const suite of result.testResults) {
  const project = suite.name.includes('/tests/e2e/') ? 'e2e' : 'unit';
  const p = byProject.get(project) ?? { suites: 0, tests: 0 };
  p.suites += 1;
  p.tests += suite.assertionResults.length;
  byProject.set(project, p);
}
const lines = [
  START,
  `Measured by \`npm run test:figures\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} cores):`,
  `${result.numPassedTests} of ${result.numTotalTests} tests passed in ${result.numTotalTestSuites} suites` +
    ` (${[...byProject].map(([k, v]) => `${k}: ${v.suites} suites, ${v.tests} tests`).join('; ')}),` +
    ` ${result.numFailedTests} failed, ${result.numPendingTests} skipped; jest took ${seconds} s with the build.`,
  END,
];
const readme = readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);
writeFileSync(README, readme.slice(0, from) + lines.join('\n') + readme.slice(to + END.length));
console.log(lines.slice(1, -1).join('\n'));
process.exit(run.status ?? 1);
