import { CLI_HELP, helpText } from '../core/messages';

// The shape every CLI command shares, and the small helpers they use to parse flags.
export interface Command {
  name: string;
  /** one-line summary for the command list */
  summary: string;
  /** full usage text (Thai + the command line) printed by --help */
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A command whose one-line summary and --help text are its entry in CLI_HELP (src/core/messages/cli-help.ts). */
export const helpedCommand = (name: keyof typeof CLI_HELP, run: Command['run']): Command => ({
  name,
  summary: CLI_HELP[name].summary,
  usage: helpText(CLI_HELP[name]),
  run,
});

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, workbookErrors: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/** --name value, --name=value, --flag; booleanFlags never take a value. */
export function parseArgs(args: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (booleanFlags.includes(name) || i + 1 >= args.length || args[i + 1].startsWith('--')) flags[name] = true;
      else flags[name] = args[++i];
    } else positional.push(a);
  }
  return { positional, flags };
}
