// Where a read-only command gets its workbook from: a local .xlsx file, or with --sheet a live Google
// Sheet. Every read-only command goes through here.
import type { WorkbookSnapshot } from '../core/workbook';
import { openLiveSheet } from './google/live-source';
import type { GoogleValues } from './google/options';
import { type KeptWorkbook, readWorkbookToEdit } from './xlsx-store';

export interface Source {
  /** what to call it in messages */
  label: string;
  snapshot: WorkbookSnapshot;
  /** a local file: the workbook as read, for the command's one edit of it (editWorkbookFile's `kept`) */
  kept?: KeptWorkbook;
}

export async function openSource(
  path: string | undefined,
  values: GoogleValues & { sheet?: string },
  /** a command that records in the file afterwards: the parsed workbook kept for that edit */
  opts: { keep?: boolean } = {},
): Promise<Source | null> {
  // --sheet <id or URL>: the live Google Sheet, read once (src/node/google)
  if (values.sheet !== undefined) return openLiveSheet(path, values.sheet, values);
  if (!path) return null;
  const read = await readWorkbookToEdit(path);
  return opts.keep ? { label: path, ...read } : { label: path, snapshot: read.snapshot };
}
