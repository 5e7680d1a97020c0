// `npm run test:live:gas`: the contract checks (tests/contract/) and the self-test (healthCheckHeadless)
// on a real test spreadsheet, opt-in for a maintainer (docs/live-checks.md, step by step). Never part of
// `npm test`: it pushes to Google. It refuses to start without its environment variables:
//   ITA_LIVE_SCRIPT_ID  the test sheet's bound Apps Script project (Extensions > Apps Script > Project settings)
//   ITA_LIVE_SHEET_ID   the test spreadsheet's id (from its URL); the contracts refuse to run in any other sheet
//   ITA_LIVE_CLASP_USER optional: the clasp credentials to use (clasp login --user <name>), default "default"
// Then: build dist/Code.js, bundle the live contracts as Contract.js, write a clasp project for that
// script in build/live-gas/, `clasp push --force`, `clasp run-function contractRunAll '["<sheet id>"]'`,
// `clasp run-function healthCheckHeadless` (both with --json, so an exception is told from a result).
// Exit 0 when every live contract and every health line passes (warnings are printed, not failures),
// 1 when one fails or clasp does, 2 when refused.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const REQUIRED = {
  ITA_LIVE_SCRIPT_ID: "the test sheet's Apps Script project id (Extensions > Apps Script > Project settings > IDs)",
  ITA_LIVE_SHEET_ID: "the test spreadsheet's id (the part of its URL after /d/)",
};

/** The variables that are not set (or blank). */
export const missingVariables = (env) => Object.keys(REQUIRED).filter((k) => !String(env[k] ?? '').trim());

/** The arguments of one clasp call: the global options first, then the command. */
export function claspArgs(command, env) {
  const user = String(env.ITA_LIVE_CLASP_USER ?? '').trim();
  return [...(user ? ['--user', user] : []), ...command];
}

/**
 * What `clasp --json run-function` printed: { response, error } (clasp 3's run-function.js). A spinner or
 * a notice may come before it, so the JSON is taken from the first line that opens an object.
 */
export function parseRun(stdout) {
  const lines = String(stdout).split('\n');
  const start = lines.findIndex((l) => l.startsWith('{'));
  if (start < 0) return { error: { message: `clasp printed no result: ${String(stdout).trim() || '(nothing)'}` } };
  try {
    return JSON.parse(lines.slice(start).join('\n'));
  } catch {
    return { error: { message: `clasp printed what is not JSON: ${lines.slice(start).join('\n').trim()}` } };
  }
}

const errorOf = (run) =>
  run.error
    ? [run.error.message, ...(run.error.details ?? []).map((d) => d.errorMessage)].filter(Boolean).join(' — ')
    : '';

/**
 * The verdict on the two runs: the lines to print and whether everything passed. contracts is
 * contractRunAll's answer (tests/contract/live.ts LiveRun), health healthCheckHeadless's (HealthReport).
 */
export function judge(contracts, health) {
  const out = [];
  let ok = true;
  const c = contracts.response;
  if (contracts.error || !c) {
    ok = false;
    out.push(`contracts: the run failed: ${errorOf(contracts) || 'no answer'}`);
  } else if (c.refused) {
    ok = false;
    out.push(`contracts: refused: ${c.refused}`);
  } else {
    out.push(`contracts: ${c.passed.length} passed, ${c.failed.length} failed, ${c.notLive.length} only on the fakes`);
    for (const p of c.passed) out.push(`  pass  ${p}`);
    for (const f of c.failed) out.push(`  FAIL  ${f.behaviour}\n        ${f.error}\n        reference: ${f.reference}`);
    for (const n of c.notLive) out.push(`  fakes ${n.behaviour} (${n.why})`);
    if (c.failed.length || !c.passed.length) ok = false;
  }
  const h = health.response;
  if (health.error || !h) {
    ok = false;
    out.push(`self-test: the run failed: ${errorOf(health) || 'no answer'}`);
  } else {
    const lines = h.lines ?? [];
    const count = (o) => lines.filter((l) => l.outcome === o).length;
    out.push(`self-test (${h.user}): ${count('pass')} pass, ${count('warn')} warn, ${count('fail')} fail`);
    for (const l of lines)
      out.push(`  ${l.outcome.padEnd(5)} ${l.id}: ${l.found}${l.outcome === 'pass' ? '' : ` → ${l.todo}`}`);
    if (count('fail') || !lines.length) ok = false;
  }
  out.push(ok ? 'live: every contract and health line passed' : 'live: something failed (above)');
  return { ok, lines: out };
}

function refuse(missing) {
  console.error('npm run test:live:gas: not started — it pushes to a real Apps Script project, and needs:');
  for (const k of missing) console.error(`  ${k}: ${REQUIRED[k]}`);
  console.error('Set them (step by step: docs/live-checks.md) and run it again. Nothing was built or pushed.');
  process.exit(2);
}

const CLASP = join(root, 'node_modules/.bin/clasp');

function clasp(command, cwd, { echo = true } = {}) {
  const r = spawnSync(CLASP, claspArgs(command, process.env), { cwd, encoding: 'utf8' });
  if (echo) process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`clasp ${command.join(' ')} exited ${r.status}`);
  return r.stdout ?? '';
}

async function main() {
  const missing = missingVariables(process.env);
  if (missing.length) refuse(missing);
  const scriptId = process.env.ITA_LIVE_SCRIPT_ID.trim();
  const sheetId = process.env.ITA_LIVE_SHEET_ID.trim();
  const { buildGas, LOADER } = await import('./build.mjs');
  const esbuild = await import('esbuild');
  await buildGas();
  const out = join(root, 'build/live-gas');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const contract = await esbuild.build({
    entryPoints: [join(root, 'tests/contract/live.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ITA_CONTRACT',
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    loader: LOADER,
    write: false,
  });
  writeFileSync(
    join(out, 'Contract.js'),
    `${contract.outputFiles[0].text}\n` +
      'function contractRunAll(sheetId) { return ITA_CONTRACT.runAll(sheetId); }\n' +
      'function contractNoop() { return ITA_CONTRACT.noop(); }\n',
  );
  copyFileSync(join(root, 'dist/Code.js'), join(out, 'Code.js'));
  // scripts.run needs the project deployed as an API executable; the manifest says who may call it
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  manifest.executionApi = { access: 'MYSELF' };
  writeFileSync(join(out, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(out, '.clasp.json'), JSON.stringify({ scriptId, rootDir: '.' }));
  console.log(`test sheet: https://docs.google.com/spreadsheets/d/${sheetId}/edit`);
  clasp(['push', '--force'], out);
  const contracts = parseRun(
    clasp(['--json', 'run-function', 'contractRunAll', '--params', JSON.stringify([sheetId])], out, { echo: false }),
  );
  const health = parseRun(clasp(['--json', 'run-function', 'healthCheckHeadless'], out, { echo: false }));
  const verdict = judge(contracts, health);
  console.log(verdict.lines.join('\n'));
  process.exit(verdict.ok ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
