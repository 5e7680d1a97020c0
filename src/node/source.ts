// Where a read-only command gets its workbook from: a local .xlsx file (and, with --sheet, a live
// Google Sheet once that adapter exists). Every read-only command goes through here.
import type { WorkbookSnapshot } from '../core/workbook';
import { readWorkbookFile } from './xlsx-store';

export interface Source {
  /** what to call it in messages */
  label: string;
  snapshot: WorkbookSnapshot;
}

export async function openSource(path: string | undefined, _flags: Record<string, string | true>): Promise<Source | null> {
  if (!path) return null;
  return { label: path, snapshot: await readWorkbookFile(path) };
}
