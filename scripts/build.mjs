// Builds the two runtimes from one code base:
//  - dist/Code.js + dist/appsscript.json: the Apps Script bundle that clasp pushes (rootDir = dist)
//  - build/cli.js (and build/bench.js when bench/ exists): the Node CLI
// Apps Script only sees top-level function declarations (menus, triggers, google.script.run),
// so after bundling we load the bundle in a sandbox, list what it exports and append one wrapper each.

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { deflateSync, strToU8 } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL = 'ITA';
// the one export of src/gas/index.ts: every entry point by name
const ENTRY = 'ENTRY_POINTS';
// sheets-template/*.csv are imported as text and manifest.json as data by src/core/template.ts
export const LOADER = { '.csv': 'text', '.json': 'json' };

// must match src/core/packed-text.ts, which unpacks what packText makes
const PACKED = '\u0000deflate+base64:';

/** A text as the Apps Script bundle carries it: PACKED + base64 of its raw DEFLATE bytes (level 9). */
export function packText(text) {
  return PACKED + Buffer.from(deflateSync(strToU8(text), { level: 9 })).toString('base64');
}

/**
 * The Apps Script build's .csv loader: each file packed (packText) instead of as text, ~45 → ~12 KB of
 * the bundle; src/core/template.ts unpacks a file when it is first read (src/core/packed-text.ts).
 * The text is the text loader's (a leading byte order mark dropped, as esbuild does).
 */
export const packedCsvPlugin = {
  name: 'packed-csv',
  setup(build) {
    build.onLoad({ filter: /\.csv$/ }, (args) => ({
      contents: `export default ${JSON.stringify(packText(readFileSync(args.path, 'utf8').replace(/^\uFEFF/, '')))};`,
      loader: 'js',
    }));
  },
};

/** The Apps Script build's loaders: LOADER's, the .csv files packed. */
export const GAS_LOADING = { loader: LOADER, plugins: [packedCsvPlugin] };

/** THE size budget of dist/Code.js, in KB: one number, in scripts/bundle-budget.json (why: there). */
export const BUNDLE_BUDGET_KB = JSON.parse(readFileSync(join(root, 'scripts/bundle-budget.json'), 'utf8')).kb;

/** Where a bundled input belongs in the breakdown: its folder (src/gas/health, src/core/messages, …). */
function groupOf(input) {
  if (input.includes('node_modules/')) return `node_modules/${input.split('node_modules/')[1].split('/')[0]}`;
  const parts = input.split('/');
  return parts.length > 1 ? parts.slice(0, -1).join('/') : input;
}

/** bytes in dist/Code.js per folder and per module, largest first, from esbuild's metafile */
export function bundleBreakdown(metafile) {
  const [output] = Object.values(metafile.outputs);
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const folders = new Map();
  for (const m of modules) folders.set(groupOf(m.path), (folders.get(groupOf(m.path)) ?? 0) + m.bytes);
  return {
    folders: [...folders].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes),
    modules,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The breakdown as the build prints it: every folder, then the ten largest modules. */
export function formatBreakdown(size, breakdown) {
  const lines = [`dist/Code.js ${kb(size)} of its ${BUNDLE_BUDGET_KB} KB budget (scripts/bundle-budget.json)`];
  lines.push('  by folder:');
  for (const f of breakdown.folders) lines.push(`    ${kb(f.bytes).padStart(9)}  ${f.path}`);
  lines.push('  largest modules:');
  for (const m of breakdown.modules.slice(0, 10)) lines.push(`    ${kb(m.bytes).padStart(9)}  ${m.path}`);
  return lines.join('\n');
}

export async function buildGas() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/gas/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    ...GAS_LOADING,
    legalComments: 'none',
    // minified to stay well under the size goal; keepNames so Apps Script's execution log still
    // names our functions in stack traces
    minify: true,
    keepNames: true,
    // ITA_ADDON=1 builds the Editor add-on: onOpen builds the add-on menu (src/gas/menu.ts)
    define: { ITA_ADDON: process.env.ITA_ADDON === '1' ? 'true' : 'false' },
    write: false,
    metafile: true,
  });
  const bundle = result.outputFiles[0].text;
  // one wrapper per row of the actions table (src/gas/actions.ts), which index.ts exports as ENTRY_POINTS;
  // any other function exported from index.ts would never be reachable from Apps Script: refused here
  const sandbox = {};
  vm.runInNewContext(
    `${bundle}\nthis.__names = Object.keys(${GLOBAL}.${ENTRY}).filter(k => typeof ${GLOBAL}.${ENTRY}[k] === 'function');` +
      `\nthis.__strays = Object.keys(${GLOBAL}).filter(k => k !== '${ENTRY}');`,
    sandbox,
  );
  if (sandbox.__strays.length)
    throw new Error(
      `src/gas/index.ts exports ${sandbox.__strays.join(', ')} beside ${ENTRY}: add entry points as rows of src/gas/actions.ts`,
    );
  const names = sandbox.__names;
  const wrappers = names
    .map(
      (n) =>
        `/** Apps Script entry point: see src/gas/actions.ts. */\nfunction ${n}() { return ${GLOBAL}.${ENTRY}.${n}.apply(this, arguments); }`,
    )
    .join('\n');
  writeFileSync(join(root, 'dist/Code.js'), `${bundle}\n${wrappers}\n`);
  copyFileSync(join(root, 'appsscript.json'), join(root, 'dist/appsscript.json'));
  const breakdown = bundleBreakdown(result.metafile);
  // beside the CLI, not in dist/ (clasp pushes what dist/ holds)
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(join(root, 'build/bundle-breakdown.json'), `${JSON.stringify(breakdown, null, 2)}\n`);
  return { names, breakdown };
}

export async function buildNode() {
  mkdirSync(join(root, 'build'), { recursive: true });
  const entries = [
    ['src/node/cli.ts', 'build/cli.js'],
    ['src/node/publish-template.ts', 'build/publish-template.js'],
  ];
  if (existsSync(join(root, 'bench/index.ts'))) entries.push(['bench/index.ts', 'build/bench.js']);
  for (const [from, to] of entries) {
    await esbuild.build({
      entryPoints: [join(root, from)],
      outfile: join(root, to),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      packages: 'external',
      charset: 'utf8',
      loader: LOADER,
      sourcemap: 'inline',
      banner: { js: '#!/usr/bin/env node' },
    });
    chmodSync(join(root, to), 0o755);
  }
}

// no top-level await: jest's globalSetup loads this module through require()
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  (async () => {
    const { names, breakdown } = await buildGas();
    await buildNode();
    const size = readFileSync(join(root, 'dist/Code.js')).length;
    console.log(formatBreakdown(size, breakdown));
    console.log(`  entry points (src/gas/actions.ts): ${names.join(', ')}`);
    if (size > BUNDLE_BUDGET_KB * 1024) console.warn(`dist/Code.js is over its ${BUNDLE_BUDGET_KB} KB budget`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
