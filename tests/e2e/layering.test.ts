// The three rooms: src/core is pure (bundled into both runtimes), src/gas and src/node only talk to core.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globalUses, importSpecifiers, topLevelFunctions } from '../support/js-scan';

const root = join(__dirname, '../..');
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.(ts|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const rel = (p: string) => relative(root, p).split(sep).join('/');
const room = (abs: string): string | null => {
  const r = rel(abs);
  const m = /^src\/(core|gas|node)\//.exec(r);
  return m ? m[1] : null;
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'DocumentApp',
  'DriveApp',
  'Drive',
  'Docs',
  'MailApp',
  'GmailApp',
  'Session',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Utilities',
  'HtmlService',
  'UrlFetchApp',
  'Logger',
  'Charts',
  'ContentService',
  'GoogleAppsScript',
];
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'module', 'exports', 'setImmediate'];

interface Violation {
  file: string;
  what: string;
}

function importViolations(
  fromRoom: string,
  forbidden: (targetRoom: string | null, spec: string) => string | null,
): Violation[] {
  const out: Violation[] = [];
  for (const file of filesUnder(join(src, fromRoom))) {
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = spec.startsWith('.') ? room(resolve(dirname(file), spec)) : null;
      const why = forbidden(target, spec);
      if (why) out.push({ file: rel(file), what: `imports '${spec}' (${why})` });
    }
  }
  return out;
}

describe('src/core is pure', () => {
  it('imports nothing from src/gas, src/node or Node', () => {
    const v = importViolations('core', (target, spec) =>
      target === 'gas' || target === 'node' ? `src/${target}` : isNodeBuiltin(spec) ? 'a Node builtin' : null,
    );
    expect(v).toEqual([]);
  });

  it('uses no Apps Script or Node globals', () => {
    const v: Violation[] = [];
    for (const file of filesUnder(join(src, 'core'))) {
      for (const use of globalUses(readFileSync(file, 'utf8'), [...APPS_SCRIPT_GLOBALS, ...NODE_GLOBALS]))
        v.push({ file: `${rel(file)}:${use.line}`, what: use.name });
    }
    expect(v).toEqual([]);
  });
});

describe('the runtimes do not reach into each other', () => {
  it('src/gas does not import src/node or Node builtins', () => {
    expect(
      importViolations('gas', (target, spec) =>
        target === 'node' ? 'src/node' : isNodeBuiltin(spec) ? 'a Node builtin' : null,
      ),
    ).toEqual([]);
  });

  it('src/node does not import src/gas', () => {
    expect(importViolations('node', (target) => (target === 'gas' ? 'src/gas' : null))).toEqual([]);
  });
});

describe('the scanner the structure tests rely on', () => {
  const sample = [
    '// function inComment() {}',
    "const s = 'function inString() {}';",
    'const t = `function inTemplate() { ${ (() => { return 1; })() } }`;',
    'const re = /function inRegex\\(/g;',
    'var ITA = (() => { function inside() {} return { inside }; })();',
    'const f = function named() {};',
    'function topLevel(e) { return ITA.inside.apply(this, arguments); }',
    "import x from './core/a'; export { y } from \"../node/b\"; const z = require('node:fs'); import('fs');",
    'obj.Session.x; const o = { Drive: 1 }; Session.getActiveUser();',
  ].join('\n');

  it('finds only real top-level function declarations', () => {
    expect(topLevelFunctions(sample)).toEqual(['topLevel']);
  });

  it('finds import, export-from, require and dynamic import specifiers', () => {
    expect(importSpecifiers(sample)).toEqual(['./core/a', '../node/b', 'node:fs', 'fs']);
  });

  it('reports free uses of a global, not property accesses or object keys', () => {
    expect(globalUses(sample, ['Session', 'Drive'])).toEqual([{ name: 'Session', line: 9 }]);
  });
});
