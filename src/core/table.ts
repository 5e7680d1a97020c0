// A tab read by its headers: the shape readTable (workbook.ts) gives every reader of a tab. A leaf
// module, so the cell and settings readers can name it without importing the workbook reader.
import type { Cell } from './cells';
import type { TabSpec } from './schema';

export interface TableRow {
  /** 1-based sheet row */
  row: number;
  cells: Record<string, Cell>;
}

export interface Table {
  spec: TabSpec;
  present: boolean;
  /** column key → 0-based column index, -1 when the header is missing */
  columnIndex: Record<string, number>;
  missingHeaders: string[];
  rows: TableRow[];
}
