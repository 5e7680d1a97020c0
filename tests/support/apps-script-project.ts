// Runs an Apps Script project's files the way Apps Script does, inside the in-memory fakes: every
// server .gs/.js file in one bare global scope (no require/process), the manifest deciding which
// advanced services exist (a Drive/Docs global only when enabledAdvancedServices lists it), and each
// entry point called in the authorization mode Apps Script would use (a simple trigger's onOpen is
// LIMITED; a menu click or a sidebar's google.script.run is FULL).
import vm from 'node:vm';
import type { FakeHandles } from '../fakes';
import type { FakeAuthMode } from '../fakes/auth';

export interface ProjectFile {
  name: string;
  type: 'SERVER_JS' | 'JSON' | 'HTML';
  source: string;
}

/** Advanced services the fakes provide: manifest serviceId → global. */
const ADVANCED = { drive: 'Drive', docs: 'Docs' } as const;

export interface LoadedProject {
  context: vm.Context;
  /** Calls a top-level function as Apps Script would, in the given mode (default FULL). */
  run(fn: string, mode?: FakeAuthMode, arg?: unknown): unknown;
}

export function loadProject(fakes: FakeHandles, files: readonly ProjectFile[]): LoadedProject {
  const manifestFile = files.find((f) => f.type === 'JSON' && f.name === 'appsscript');
  if (!manifestFile) throw new Error('a project without appsscript.json does not run');
  const manifest = JSON.parse(manifestFile.source) as {
    dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string }[] };
  };
  const enabled = new Set((manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol));
  // the fakes hand back this realm's Dates and Errors; Apps Script has one realm, so the script shares
  // these constructors (else `value instanceof Date` is false for every date a sheet returns)
  const globals: Record<string, unknown> = { ...fakes.globals, console, Date, Error };
  for (const symbol of Object.values(ADVANCED)) if (!enabled.has(symbol)) delete globals[symbol];
  const context = vm.createContext(globals);
  for (const f of files) if (f.type === 'SERVER_JS') vm.runInContext(f.source, context, { filename: `${f.name}.gs` });
  return {
    context,
    run(fn, mode = 'FULL', arg) {
      const event = arg ?? (fn === 'onOpen' || fn === 'onInstall' ? { authMode: mode } : undefined);
      return fakes.auth.as(mode, () => (context[fn] as (e?: unknown) => unknown)(event));
    },
  };
}
