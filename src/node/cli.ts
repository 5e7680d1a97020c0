// ita-tracker: the Node runtime's entry. Each command lives in ./commands; this file only dispatches,
// prints help, and turns any failure into a Thai message with the CLI's exit codes (never a stack trace).
import { CLI } from '../core/messages/cli';
import { BusyError, type Command, EXIT, FileError, UsageError } from './command';
import { backup } from './commands/backup';
import { demo } from './commands/demo';
import { draftMeasuresCommand } from './commands/draft-measures';
import { importCommand } from './commands/import';
import { init } from './commands/init';
import { linePair } from './commands/line-pair';
import { memo, plan } from './commands/plan';
import { remind } from './commands/remind';
import { report } from './commands/report';
import { rollup } from './commands/rollup';
import { sync } from './commands/sync';
import { validate } from './commands/validate';
import { closeRoundCommand, indexCommand, reopenRoundCommand, rolloverCommand } from './commands/year-cycle';

const COMMANDS: Command[] = [
  demo,
  init,
  importCommand,
  validate,
  remind,
  linePair,
  report,
  plan,
  draftMeasuresCommand,
  memo,
  backup,
  rollup,
  sync,
  closeRoundCommand,
  reopenRoundCommand,
  rolloverCommand,
  indexCommand,
];

export function commandList(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    CLI.title,
    '',
    CLI.usageHeader,
    '',
    CLI.commandsHeader,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(commandList());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`${CLI.unknownCommand(name)}\n\n${commandList()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof BusyError) {
      console.error(e.message);
      return EXIT.busy;
    }
    if (e instanceof FileError) {
      console.error(e.message);
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      console.error(`${CLI.usageError(e.message)}\n\n${command.usage}`);
      return EXIT.usage;
    }
    const why = e instanceof Error ? e.message : String(e);
    console.error(CLI.unexpected(why));
    if (process.env.ITA_DEBUG) console.error(e);
    return EXIT.usage;
  }
}

if (require.main === module) {
  // the exit code is set, never process.exit(): the process ends once stdout and stderr have drained,
  // so output through a pipe (`| jq`, `| less`) is never cut at the pipe's 64 KB
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.usage;
    },
  );
}
