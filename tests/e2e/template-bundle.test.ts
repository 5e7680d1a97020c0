// The template CSVs as the Apps Script bundle carries them: bundled with the real build's loaders
// (scripts/build.mjs GAS_LOADING: each .csv packed, deflated + base64) and run in a bare V8 context,
// where there is no TextDecoder, Buffer or atob: src/core/packed-text.ts unpacks them byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import type { TEMPLATE_FILES, templateSnapshot } from '../../src/core/template';
import { TEMPLATE_MANIFEST } from '../../src/core/template';

const root = join(__dirname, '../..');
const DIR = join(root, 'sheets-template');

/** Bundles `contents` with build.mjs's loaders (an ES module with a plugin: in a child node, not through jest). */
function bundle(contents: string, loading: 'GAS_LOADING' | 'LOADER'): string {
  const options = loading === 'GAS_LOADING' ? 'm.GAS_LOADING' : '{ loader: m.LOADER }';
  const script =
    "const m = await import('./scripts/build.mjs'); const esbuild = await import('esbuild');" +
    `const out = await esbuild.build({ stdin: { contents: process.env.CONTENTS, resolveDir: process.cwd(), loader: 'ts' },` +
    ` bundle: true, format: 'iife', globalName: 'T', platform: 'neutral', charset: 'utf8', write: false, ...${options} });` +
    'process.stdout.write(out.outputFiles[0].text);';
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENTS: contents },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function run<T>(code: string): T {
  const sandbox: { T?: T } = {};
  vm.runInNewContext(code, sandbox);
  return sandbox.T!;
}

type Template = { TEMPLATE_FILES: typeof TEMPLATE_FILES; templateSnapshot: typeof templateSnapshot };
let code: string;
let T: Template;
beforeAll(() => {
  code = bundle("export { TEMPLATE_FILES, templateSnapshot } from './src/core/template';", 'GAS_LOADING');
  T = run<Template>(code);
});

const csvFiles = readdirSync(DIR).filter((f) => f.endsWith('.csv'));

test('every template CSV reaches the bundle packed: none of its text is in the bundle as text', () => {
  expect(csvFiles.length).toBeGreaterThanOrEqual(16);
  const firstRow = (f: string) => readFileSync(join(DIR, f), 'utf8').split('\n')[1] ?? '';
  expect(csvFiles.filter((f) => firstRow(f).length > 20 && code.includes(firstRow(f)))).toEqual([]);
});

test.each(csvFiles)('%s unpacks in a bare V8 context to the file, byte for byte', (f) => {
  expect(Buffer.from(T.TEMPLATE_FILES[f], 'utf8').equals(readFileSync(join(DIR, f)))).toBe(true);
});

test('a CSV saved with a byte order mark, Thai in it, unpacks to what the text loader gives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-bom-'));
  const file = join(dir, 'bom.csv');
  writeFileSync(file, '\uFEFFรหัส,ด้าน\nIIT-01,"ก\nข"\n', 'utf8');
  const entry = `import t from ${JSON.stringify(file)}; import { unpackText } from './src/core/packed-text'; export default unpackText(t);`;
  const packed = run<{ default: string }>(bundle(entry, 'GAS_LOADING')).default;
  const plain = run<{ default: string }>(bundle(entry, 'LOADER')).default;
  expect(plain).toBe('รหัส,ด้าน\nIIT-01,"ก\nข"\n');
  expect(packed).toBe(plain);
});

test('the packed CSVs make the template tabs', () => {
  const tabs = T.templateSnapshot({ example: true }).tabs;
  expect(Object.keys(tabs)).toEqual(TEMPLATE_MANIFEST.map((t) => t.name));
  expect(tabs.มาตรการ).toHaveLength(12);
});
