// npm run package: the paste-in release for a clerk without Node (docs/install-th.md says every step).
// release/ (git-ignored build output) gets exactly three files:
//   Code.gs          the Apps Script bundle, byte for byte dist/Code.js (.gs: what the editor calls the
//                    file, and no program on Windows runs a .gs when double-clicked, unlike .js)
//   appsscript.json  the manifest (scopes, time zone, the Drive and Docs advanced services)
//   INSTALL-TH.md    the Thai step-by-step guide, copied from docs/install-th.md
// Usage: node scripts/package.mjs [--out <dir>]   (npm run package builds first)
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What the release holds: release file name → where it comes from. */
export const RELEASE_FILES = {
  'Code.gs': 'dist/Code.js',
  'appsscript.json': 'dist/appsscript.json',
  'INSTALL-TH.md': 'docs/install-th.md',
};

export function packageRelease(outDir = join(root, 'release')) {
  for (const from of Object.values(RELEASE_FILES))
    if (!existsSync(join(root, from))) throw new Error(`${from} is missing: run npm run build first`);
  // a clean folder: nothing left over from an older release can be pasted by mistake
  if (existsSync(outDir)) for (const f of readdirSync(outDir)) rmSync(join(outDir, f), { recursive: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, from] of Object.entries(RELEASE_FILES)) copyFileSync(join(root, from), join(outDir, name));
  return Object.keys(RELEASE_FILES).map((name) => join(outDir, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  try {
    const files = packageRelease(values.out ? resolve(values.out) : undefined);
    for (const f of files) console.log(f);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
