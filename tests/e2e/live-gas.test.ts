// `npm run test:live:gas` (scripts/live-gas.mjs, docs/live-checks.md) pushes to a real Apps Script
// project, so nothing here reaches Google: it refuses to start without its environment variables
// (nothing built or pushed then, build/live-gas/ not made, the missing ones named with where the steps
// are); its verdict on what `clasp --json run-function` printed is checked on canned answers; and the
// live contracts bundle for Apps Script without the fakes.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'build/live-gas');
const SCRIPT = join(ROOT, 'scripts/live-gas.mjs');

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

/** Calls one of the script's exported functions in a child Node (it is an ES module) and returns its answer. */
function call(name: string, ...args: unknown[]): unknown {
  const code = `import(${JSON.stringify(SCRIPT)}).then((m) => process.stdout.write(JSON.stringify(m[${JSON.stringify(name)}](...${JSON.stringify(args)}))))`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

test.each([
  [{}, ['ITA_LIVE_SCRIPT_ID', 'ITA_LIVE_SHEET_ID']],
  [{ ITA_LIVE_SCRIPT_ID: 'abc' }, ['ITA_LIVE_SHEET_ID']],
  [{ ITA_LIVE_SCRIPT_ID: '  ', ITA_LIVE_SHEET_ID: 'x' }, ['ITA_LIVE_SCRIPT_ID']],
])('without its variables (%j) it refuses, names what is missing, and builds or pushes nothing', (env, missing) => {
  rmSync(OUT, { recursive: true, force: true });
  const r = run(env as Record<string, string>);
  expect(r.status).toBe(2);
  for (const name of ['ITA_LIVE_SCRIPT_ID', 'ITA_LIVE_SHEET_ID'])
    expect(r.stderr.includes(`${name}:`)).toBe(missing.includes(name));
  expect(r.stderr).toContain('docs/live-checks.md');
  expect(r.stderr).toContain('Nothing was built or pushed');
  expect(r.stdout).toBe('');
  expect(existsSync(OUT)).toBe(false);
});

test('clasp is called with the named credentials first, when ITA_LIVE_CLASP_USER is set', () => {
  expect(call('claspArgs', ['push', '--force'], {})).toEqual(['push', '--force']);
  expect(call('claspArgs', ['--json', 'run-function', 'f'], { ITA_LIVE_CLASP_USER: 'tester' })).toEqual([
    '--user',
    'tester',
    '--json',
    'run-function',
    'f',
  ]);
});

const passing = { sheetId: 's', passed: ['a'], failed: [], notLive: [{ behaviour: 'b', why: 'needs two accounts' }] };
const healthy = { user: 'admin@gmail.com', lines: [{ id: 'folder', outcome: 'pass', found: 'ok', todo: '' }] };
type Verdict = { ok: boolean; lines: string[] };
const judge = (contracts: unknown, health: unknown) => call('judge', contracts, health) as Verdict;

test('the verdict: every live contract and health line passing is a pass, with the fakes-only ones listed', () => {
  const v = judge({ response: passing }, { response: healthy });
  expect(v.ok).toBe(true);
  expect(v.lines).toContain('contracts: 1 passed, 0 failed, 1 only on the fakes');
  expect(v.lines).toContain('  fakes b (needs two accounts)');
  expect(v.lines.at(-1)).toBe('live: every contract and health line passed');
});

test.each([
  [
    'a contract fails',
    { response: { ...passing, failed: [{ behaviour: 'c', error: 'got 1', reference: 'https://x' }] } },
    { response: healthy },
    '  FAIL  c\n        got 1\n        reference: https://x',
  ],
  [
    'the script is bound to another sheet',
    { response: { ...passing, passed: [], refused: 'bound to t, not to s' } },
    { response: healthy },
    'contracts: refused: bound to t, not to s',
  ],
  [
    'the contract run threw (clasp still exits 0)',
    { error: { message: 'ScriptError', details: [{ errorMessage: 'ReferenceError: x' }] } },
    { response: healthy },
    'contracts: the run failed: ScriptError — ReferenceError: x',
  ],
  [
    'a health line fails',
    { response: passing },
    { response: { ...healthy, lines: [{ id: 'publish', outcome: 'fail', found: 'refused', todo: 'ask IT' }] } },
    '  fail  publish: refused → ask IT',
  ],
  ['the self-test answered nothing', { response: passing }, {}, 'self-test: the run failed: no answer'],
])('the verdict fails when %s', (_what, contracts, health, line) => {
  const v = judge(contracts, health);
  expect(v.ok).toBe(false);
  expect(v.lines).toContain(line);
  expect(v.lines.at(-1)).toBe('live: something failed (above)');
});

test('what clasp --json printed is read from its first JSON line; anything else is an error, not a pass', () => {
  expect(call('parseRun', '- Running function: f\n{\n  "response": {"a": 1}\n}\n')).toEqual({ response: { a: 1 } });
  expect(call('parseRun', 'Unable to run script function.')).toEqual({
    error: { message: 'clasp printed no result: Unable to run script function.' },
  });
});

test('the live contracts bundle for Apps Script: no fakes, no Node, and the sheet guard inside', async () => {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'tests/contract/live.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    write: false,
    metafile: true,
    loader: { '.csv': 'text', '.json': 'json' },
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((i) => i.includes('tests/fakes/') || i.startsWith('node:'))).toEqual([]);
  expect(result.outputFiles[0].text).toContain('nothing was run');
});
