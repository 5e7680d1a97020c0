// The template CSVs as the Apps Script bundle carries them: bundled with the real build's loaders
// (esbuild text loader, no Node APIs) and run in a bare V8 context.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import type { templateSnapshot } from '../../src/core/template';
import { TEMPLATE_MANIFEST } from '../../src/core/template';

test('the CSVs reach an Apps Script style bundle (esbuild text loader, no Node APIs)', async () => {
  // the loaders the real build uses (build.mjs is an ES module: read it in a child node, not through jest)
  const LOADER = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('./scripts/build.mjs'); console.log(JSON.stringify(m.LOADER))",
      ],
      {
        cwd: join(__dirname, '../..'),
        encoding: 'utf8',
      },
    ),
  );
  const out = await esbuild.build({
    stdin: {
      contents: "export { templateSnapshot } from './src/core/template';",
      resolveDir: join(__dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'T',
    platform: 'neutral',
    loader: LOADER,
    write: false,
  });
  const sandbox: { T?: { templateSnapshot: typeof templateSnapshot } } = {};
  vm.runInNewContext(out.outputFiles[0].text, sandbox);
  const tabs = sandbox.T!.templateSnapshot({ example: true }).tabs;
  expect(Object.keys(tabs)).toEqual(TEMPLATE_MANIFEST.map((t) => t.name));
  expect(tabs.มาตรการ).toHaveLength(12);
});
