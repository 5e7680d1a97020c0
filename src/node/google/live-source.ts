// `--sheet <id or URL>` for every read-only command (validate, report, remind --dry-run): the live
// sheet, read once, in place of a workbook file. Called from openSource (src/node/source.ts).
import { GOOGLE } from '../../core/messages/google';
import type { WorkbookSnapshot } from '../../core/workbook';
import { UsageError } from '../command';
import { connectSheets } from './auth';
import { type GoogleValues, retryFlag, timeoutFlag } from './options';
import { readTrackerFromSheet } from './sheets-store';

export async function openLiveSheet(
  path: string | undefined,
  sheet: string,
  values: GoogleValues,
): Promise<{ label: string; snapshot: WorkbookSnapshot }> {
  if (path) throw new UsageError(GOOGLE.sheetAndFile);
  const conn = await connectSheets({ keyFile: values.key });
  const live = await readTrackerFromSheet(conn, sheet, {
    timeoutMs: timeoutFlag(values),
    retry: retryFlag(values),
  });
  return { label: live.title, snapshot: live.snapshot };
}
