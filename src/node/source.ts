// Where a read-only command gets its workbook from: a local .xlsx file (and, with --sheet, a live
// Google Sheet once that adapter exists). Every read-only command goes through here.
import type { WorkbookSnapshot } from '../core/workbook';
import { openLiveSheet } from './google/live-source';
import { readWorkbookFile } from './xlsx-store';

export interface Source {
  /** what to call it in messages */
  label: string;
  snapshot: WorkbookSnapshot;
}

export async function openSource(
  path: string | undefined,
  flags: Record<string, string | true>,
): Promise<Source | null> {
  // --sheet <id or URL>: the live Google Sheet, read once (src/node/google)
  if (flags.sheet !== undefined) return openLiveSheet(path, flags);
  if (!path) return null;
  return { label: path, snapshot: await readWorkbookFile(path) };
}
