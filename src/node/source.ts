// Where a read-only command gets its workbook from: a local .xlsx file, or with --sheet a live Google
// Sheet. Every read-only command goes through here.
import type { WorkbookSnapshot } from '../core/workbook';
import { openLiveSheet } from './google/live-source';
import type { GoogleValues } from './google/options';
import { readWorkbookFile } from './xlsx-store';

export interface Source {
  /** what to call it in messages */
  label: string;
  snapshot: WorkbookSnapshot;
}

export async function openSource(
  path: string | undefined,
  values: GoogleValues & { sheet?: string },
): Promise<Source | null> {
  // --sheet <id or URL>: the live Google Sheet, read once (src/node/google)
  if (values.sheet !== undefined) return openLiveSheet(path, values.sheet, values);
  if (!path) return null;
  return { label: path, snapshot: await readWorkbookFile(path) };
}
