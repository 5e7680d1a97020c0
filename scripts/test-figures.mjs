// `npm run test:figures`: runs the whole jest suite once with --json and rewrites the README's marked
// block (between <!-- test-figures --> and <!-- /test-figures -->) with what was measured: suites and
// tests per project, passed and failed, the wall time, and how much jest printed (lines, and console
// blocks: 0 when every test is quiet on success). The README's figures are never typed by hand;
// tests/e2e/readme-figures.test.ts checks the block's suite counts against the test files there are (and
// is the one file this run leaves out).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- test-figures -->';
const END = '<!-- /test-figures -->';
const SELF_CHECK = 'tests/e2e/readme-figures.test.ts';

const out = join(mkdtempSync(join(tmpdir(), 'ita-figures-')), 'jest.json');
const began = Date.now();
// jest's own output goes through as it comes (as `npm test` shows it), and is counted
const printed = [];
const status = await new Promise((resolve) => {
  // all but the test that checks this block against the test files (it would read the block being replaced)
  const args = ['jest', '--json', `--outputFile=${out}`, '--testPathIgnorePatterns', '/node_modules/', SELF_CHECK];
  const run = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tee = (to) => (b) => {
    to.write(b);
    printed.push(b);
  };
  run.stdout.on('data', tee(process.stdout));
  run.stderr.on('data', tee(process.stderr));
  run.on('close', (code) => resolve(code ?? 1));
});
const seconds = Math.round((Date.now() - began) / 1000);
const result = JSON.parse(readFileSync(out, 'utf8'));
const text = Buffer.concat(printed).toString('utf8');
// the line --outputFile adds ("Test results written to: …") is not part of what `npm test` prints
const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('Test results written to')).length;
const consoleBlocks = text.split('\n').filter((l) => /^\s+console\.(log|info|warn|error|debug)$/.test(l)).length;

const byProject = new Map([
  ['unit', { suites: 0, tests: 0 }],
  ['e2e', { suites: 0, tests: 0 }],
]);
for (const suite of result.testResults) {
  const project = suite.name.includes('/tests/e2e/') ? 'e2e' : 'unit';
  const p = byProject.get(project);
  p.suites += 1;
  p.tests += suite.assertionResults.length;
}
const block = [
  START,
  `Measured by \`npm run test:figures\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} cores):`,
  `${result.numPassedTests} of ${result.numTotalTests} tests passed in ${result.numTotalTestSuites} suites` +
    ` (${[...byProject].map(([k, v]) => `${k}: ${v.suites} suites, ${v.tests} tests`).join('; ')}),` +
    ` ${result.numFailedTests} failed, ${result.numPendingTests} skipped (all but ${SELF_CHECK});` +
    ` jest took ${seconds} s with the build` +
    ` and printed ${lines} non-empty lines, ${consoleBlocks} of them a test's console output.`,
  END,
];
const readme = readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);
writeFileSync(README, readme.slice(0, from) + block.join('\n') + readme.slice(to + END.length));
console.log(block.slice(1, -1).join('\n'));
process.exit(status);
