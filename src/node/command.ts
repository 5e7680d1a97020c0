// The shape every CLI command shares: its options are declared once, parsed by node:util parseArgs
// with strict: true (an undeclared flag is a usage error, never silently ignored), and its --help text
// is built from the same declaration plus the Thai wording in messages.ts' CLI_HELP.
import { parseArgs } from 'node:util';
import { CLI } from '../core/messages/cli';
import { CLI_HELP, CLI_SHARED_OPTION_HELP, type CommandName } from '../core/messages/cli-help';
import { parseDateText } from '../core/thai';
import { bangkokNow } from './clock';
import { LOCK_WAIT_MS, MAX_INFLATED_BYTES } from './limits';

export interface Command {
  name: string;
  /** one-line summary for the command list */
  summary: string;
  /** full usage text (the command line + Thai) printed by --help */
  usage: string;
  run(args: string[]): Promise<number>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** what the value looks like in --help: '<dir>', '6|12', 'YYYY-MM-DD' */
  value?: string;
  /** the command cannot run without it: shown without [ ], and its absence is a usage error */
  required?: boolean;
  /** reads a live Google Sheet in place of the workbook file: --help shows these on a line of their own */
  live?: boolean;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type Value<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : string;
/** What parsing gives a command: required options are there, and no string is empty. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O as O[K] extends { required: true } ? K : never]: Value<O[K]>;
} & { [K in keyof O as O[K] extends { required: true } ? never : K]?: Value<O[K]> };

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, workbookErrors: 1, usage: 2, busy: 3 } as const;

/** The command line was wrong: the CLI prints the Thai reason and the command's --help, exit 2. */
export class UsageError extends Error {}

/** A file could not be read or written: the CLI prints the Thai reason, exit 2. */
export class FileError extends Error {}

/** Another command is working on the workbook (src/node/lock.ts): the CLI prints who, exit 3. */
export class BusyError extends Error {}

/** --today, declared alike by every command that takes it (parsed by parseToday). */
export const TODAY_OPTION = { type: 'string', value: 'YYYY-MM-DD' } as const satisfies OptionSpec;

/**
 * A date option (--today, memo's --date): YYYY-MM-DD, a real calendar date, CE or BE year, Arabic or
 * Thai digits; default today in Bangkok whatever the machine's zone. `bad` words the refusal.
 */
export function parseDateOption(value: string | undefined, bad: (value: string) => string): string {
  if (value === undefined) return bangkokNow().toISOString().slice(0, 10);
  const parsed = /^[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-[0-9๐-๙]{1,2}$/.test(value.trim()) ? parseDateText(value) : null;
  if (!parsed) throw new UsageError(bad(value));
  return parsed.iso;
}

/** --today YYYY-MM-DD (see parseDateOption). */
export const parseToday = (value: string | undefined): string => parseDateOption(value, CLI.badToday);

const flagText = (name: string, o: OptionSpec): string =>
  o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? '<value>'}`;

/** The command line(s) of --help; a command that also reads a live sheet gets a second line for it. */
function synopsis(name: CommandName, args: readonly string[], options: OptionSpecs): string[] {
  const entries = Object.entries(options);
  const shown = ([n, o]: [string, OptionSpec], required = o.required) =>
    required ? flagText(n, o) : `[${flagText(n, o)}]`;
  const own = entries.filter(([, o]) => !o.live).map((e) => shown(e));
  const live = entries.filter(([, o]) => o.live);
  const forms = [[...args, ...own]];
  // the first live option (--sheet) stands in for the workbook path
  if (live.length) forms.push([...args.slice(1), ...live.map((e, i) => shown(e, i === 0)), ...own]);
  return forms.flatMap((words) => wrap(`ita-tracker ${name}`, words));
}

/** Breaks a long command line between words, continuing under its first argument. */
function wrap(head: string, words: string[], width = 100): string[] {
  const lines = [head];
  for (const w of words) {
    const last = lines.length - 1;
    if (lines[last].length + 1 + w.length > width && lines[last].trim() !== '') lines.push(' '.repeat(head.length));
    lines[lines.length - 1] += ` ${w}`;
  }
  return lines;
}

function helpText(name: CommandName, args: readonly string[], options: OptionSpecs): string {
  const help = CLI_HELP[name];
  const described: Record<string, string | readonly string[]> = { ...CLI_SHARED_OPTION_HELP, ...help.options };
  const flags = Object.entries(options).map(([n, o]) => flagText(n, o));
  const width = Math.max(0, ...flags.map((f) => f.length));
  const optionLines = Object.keys(options).flatMap((n, i) => {
    const text = described[n];
    const lines = typeof text === 'string' ? [text] : [...text];
    return lines.map((l, j) => `  ${(j === 0 ? flags[i] : '').padEnd(width)}  ${l}`);
  });
  return [
    ...synopsis(name, args, options),
    '',
    ...help.about,
    ...optionLines,
    '',
    CLI.exitCodes(MAX_INFLATED_BYTES / (1024 * 1024), LOCK_WAIT_MS / 1000),
  ].join('\n');
}

/**
 * Every declared option has Thai help (its command's own, or the shared one), and a command describes
 * no option it does not declare: the compiler names any that break this.
 */
type Mismatch<O, Own> = Exclude<keyof O, keyof Own | keyof typeof CLI_SHARED_OPTION_HELP> | Exclude<keyof Own, keyof O>;
type DescribedIn<O, Own> = [Mismatch<O, Own>] extends [never]
  ? unknown
  : { optionsWithoutThaiHelpOrHelpWithoutOption: Mismatch<O, Own> };

/** Reads the tokens node:util parseArgs saw to name, in Thai, the first thing strict mode refused. */
function refusal(args: string[], options: OptionSpecs): string | null {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (!spec) return CLI.unknownFlag(t.rawName);
    if (spec.type === 'boolean' && t.value !== undefined) return CLI.flagTakesNoValue(t.rawName);
    // "--out --json": strict mode will not take another flag as the value
    if (spec.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))))
      return CLI.missingValue(t.rawName, flagText(t.name, spec));
  }
  return null;
}

/**
 * A command whose options are `options`, whose positionals are named by `args` (none beyond them are
 * accepted) and whose --help text is built from both plus its entry in CLI_HELP. `options` must name
 * exactly the options CLI_HELP[name] and CLI_SHARED_OPTION_HELP describe (checked by the compiler).
 */
export function defineCommand<N extends CommandName, const O extends OptionSpecs>(spec: {
  name: N;
  args: readonly string[];
  options: O & DescribedIn<O, (typeof CLI_HELP)[N]['options']>;
  /** positionals an option brings along ("--simulate <from> <to>": the <to>), beyond `args` */
  optionArgs?: (values: OptionValues<O>) => number;
  run(input: { positionals: string[]; values: OptionValues<O> }): Promise<number>;
}): Command {
  const { name, args, options } = spec;
  return {
    name,
    summary: CLI_HELP[name].summary,
    usage: helpText(name, args, options),
    run(argv) {
      let parsed: ReturnType<typeof parseArgs>;
      try {
        parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
      } catch (e) {
        const why = refusal(argv, options);
        throw why ? new UsageError(why) : e;
      }
      const values = parsed.values as Record<string, string | boolean | undefined>;
      for (const [n, o] of Object.entries(options)) {
        if (values[n] === '') throw new UsageError(CLI.missingValue(`--${n}`, flagText(n, o)));
        if (o.required && values[n] === undefined) throw new UsageError(CLI.missingArgument(flagText(n, o)));
      }
      const extra = parsed.positionals[args.length + (spec.optionArgs?.(values as OptionValues<O>) ?? 0)];
      if (extra !== undefined) throw new UsageError(CLI.extraArgument(extra));
      return spec.run({ positionals: parsed.positionals, values: values as OptionValues<O> });
    },
  };
}
