// `--sheet <id or URL>` for every read-only command (validate, report, remind --dry-run): the live
// sheet, read once, in place of a workbook file. Called from openSource (src/node/source.ts).
import { CLI, GOOGLE } from '../../core/messages';
import type { WorkbookSnapshot } from '../../core/workbook';
import { UsageError } from '../command';
import { connectSheets } from './auth';
import { keyFlag, retryFlag, timeoutFlag } from './options';
import { readTrackerFromSheet } from './sheets-store';

export async function openLiveSheet(
  path: string | undefined,
  flags: Record<string, string | true>,
): Promise<{ label: string; snapshot: WorkbookSnapshot }> {
  if (flags.sheet === true || flags.sheet === '') throw new UsageError(CLI.missingArgument(CLI.arg.sheet));
  if (path) throw new UsageError(GOOGLE.sheetAndFile);
  const conn = await connectSheets({ keyFile: keyFlag(flags) });
  const live = await readTrackerFromSheet(conn, flags.sheet, {
    timeoutMs: timeoutFlag(flags),
    retry: retryFlag(flags),
  });
  return { label: live.title, snapshot: live.snapshot };
}
