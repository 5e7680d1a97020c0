// ita-tracker backup --sheet <id|URL> <file.xlsx>: the live sheet's data into a local workbook the
// offline commands can use. Read-only scope; the live sheet is never written.
import { CLI, GOOGLE } from '../../core/messages';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { connectSheets } from '../google/auth';
import { keyFlag, retryFlag, timeoutFlag } from '../google/options';
import { readTrackerFromSheet } from '../google/sheets-store';
import { writeWorkbookFile } from '../xlsx-store';

export const backup = helpedCommand('backup', async (args) => {
  const { positional, flags } = parseArgs(args);
  if (typeof flags.sheet !== 'string' || flags.sheet === '') throw new UsageError(CLI.missingArgument(CLI.arg.sheet));
  const out = positional[0];
  if (!out) throw new UsageError(CLI.missingArgument(CLI.arg.xlsxFile));
  const timeoutMs = timeoutFlag(flags);
  const retry = retryFlag(flags);
  const conn = await connectSheets({ keyFile: keyFlag(flags) });
  const live = await readTrackerFromSheet(conn, flags.sheet, { timeoutMs, retry, tabs: 'all' });
  await writeWorkbookFile(out, live.snapshot);
  const tabs = Object.values(live.snapshot.tabs);
  console.log(
    GOOGLE.backedUp(
      live.title,
      tabs.length,
      tabs.reduce((n, rows) => n + Math.max(0, rows.length - 1), 0),
    ),
  );
  console.log(CLI.wrote(out));
  return EXIT.ok;
});
