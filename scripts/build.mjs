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

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL = 'ITA';
// the one export of src/gas/index.ts: every entry point by name
const ENTRY = 'ENTRY_POINTS';
// sheets-template/*.csv are imported as text and manifest.json as data by src/core/template.ts
export const LOADER = { '.csv': 'text', '.json': 'json' };

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
    loader: LOADER,
    legalComments: 'none',
    // minified to stay well under the size goal; keepNames so Apps Script's execution log still
    // names our functions in stack traces
    minify: true,
    keepNames: true,
    // ITA_ADDON=1 builds the Editor add-on: onOpen builds the add-on menu (src/gas/menu.ts)
    define: { ITA_ADDON: process.env.ITA_ADDON === '1' ? 'true' : 'false' },
    write: false,
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
  return names;
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
    const names = await buildGas();
    await buildNode();
    const size = readFileSync(join(root, 'dist/Code.js')).length;
    console.log(`dist/Code.js ${(size / 1024).toFixed(1)} KB, entry points: ${names.join(', ')}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
