// dist/Code.js as Apps Script runs it: a plain script in a global scope with no require/process/module,
// only the Apps Script services (our fakes). Menus and triggers find functions only when they are
// top-level function declarations, so every entry point and every menu item is checked for one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { MENU } from '../../src/core/messages/menu';
import { FIRST_RUN_ITEM, MENU_ITEMS } from '../../src/gas/actions';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';

const root = join(__dirname, '../..');
const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');

/** The names of the script's top-level function declarations (what Apps Script lists as runnable). */
function topLevelFunctions(source: string): string[] {
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
  return program.body.flatMap((node) => (node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : []));
}
const topLevel = new Set(topLevelFunctions(code));

let fakes: FakeHandles;
let sandbox: vm.Context;

/** Loads the bundle the way Apps Script does: one global scope holding the services and nothing of Node. */
function loadBundle(): vm.Context {
  const context = vm.createContext({ ...fakes.globals, console });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

beforeEach(() => {
  fakes = installFakes({ user: 'admin@example.org' });
  sandbox = loadBundle();
});
afterEach(() => uninstallFakes());

describe('dist/Code.js in a bare V8 global scope', () => {
  it('loads with no require, process, module or exports', () => {
    expect(
      vm.runInContext('[typeof require, typeof process, typeof module, typeof exports, typeof Buffer]', sandbox),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    expect(typeof sandbox.ITA).toBe('object');
  });

  it('exposes every exported entry point as a top-level function declaration', () => {
    // index.ts exports the actions table's entry points (src/gas/actions.ts), and nothing else
    expect(Object.keys(sandbox.ITA)).toEqual(['ENTRY_POINTS']);
    const exported = Object.keys(sandbox.ITA.ENTRY_POINTS).filter(
      (k) => typeof sandbox.ITA.ENTRY_POINTS[k] === 'function',
    );
    expect(exported).toContain('onOpen');
    const notDeclared = exported.filter((name) => !topLevel.has(name) || typeof sandbox[name] !== 'function');
    expect(notDeclared).toEqual([]);
    // and nothing else is declared at the top level but those wrappers
    expect([...topLevel].filter((n) => !exported.includes(n))).toEqual([]);
  });

  it('onOpen builds the Thai menu, each item bound to a top-level function', () => {
    vm.runInContext('onOpen({})', sandbox);
    expect(fakes.ui.menus).toHaveLength(1);
    const [menu] = fakes.ui.menus;
    expect(menu.title).toBe(MENU.title);
    // a sheet not set up yet: the first-run guide comes first
    expect(menu.items).toEqual([
      { caption: FIRST_RUN_ITEM[0], functionName: FIRST_RUN_ITEM[1] },
      ...MENU_ITEMS.map(([caption, fn]) => ({ caption, functionName: fn })),
    ]);
  });

  // One assertion per menu item, so a failure names exactly the entry points still missing.
  it.each<readonly [string, string]>([
    ...MENU_ITEMS.map(([caption, fn]) => [fn, caption] as const),
    [FIRST_RUN_ITEM[1], FIRST_RUN_ITEM[0]],
  ])('menu item %s ("%s") names a top-level function in the bundle', (fn) => {
    expect({ entry: fn, declared: topLevel.has(fn) }).toEqual({ entry: fn, declared: true });
    expect(vm.runInContext(`typeof ${fn}`, sandbox)).toBe('function');
  });

  it('uses no service that needs a broader scope than the manifest grants', () => {
    // DriveApp needs the full drive scope: the design uses the Drive advanced service with drive.file
    expect(code).not.toMatch(/\bDriveApp\b/);
    // UrlFetchApp only for LINE (issue 25): the manifest grants script.external_request and allows
    // only https://api.line.me/ (urlFetchWhitelist)
    expect(code).toMatch(/\bUrlFetchApp\b/);
    const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.external_request');
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.line.me/']);
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  const shipped = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));

  it('is the project manifest, unchanged', () => {
    expect(shipped).toEqual(manifest);
  });

  it('runs on V8 in Asia/Bangkok with explicit least-privilege scopes', () => {
    expect(shipped.timeZone).toBe('Asia/Bangkok');
    expect(shipped.runtimeVersion).toBe('V8');
    expect(Array.isArray(shipped.oauthScopes)).toBe(true);
    expect(shipped.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(shipped.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive.readonly');
    expect(shipped.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  });
});
