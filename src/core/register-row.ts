// ทะเบียนรายงาน as every document flow reads it: which row is a document's (kind, fiscal year, round),
// what the row holds for it, and the warnings as one cell. Pure: both runtimes' register ports use it.
import { parseApprovalStatus, parseRound } from './cell-values';
import { type Cell, cellText, httpUrlOrBlank, nameText } from './cells';
import { DOC_KIND } from './messages/plan';
import { REPORT } from './messages/report';
import { APPROVAL_STATUSES, type ApprovalStatus } from './model';
import { REPORTS_TAB } from './schema';
import type { Round } from './thai';
import { readTable, type WorkbookSnapshot } from './workbook';

/** One row of ทะเบียนรายงาน: the document kind's label, the fiscal year, the round (null: the year's). */
export interface RegisterKey {
  fiscalYear: number;
  docKind: string;
  round: Round | null;
}

/**
 * Is this register row the key's document? A row without a kind is older than the plan: a report when
 * it has a round, else the plan (as the public page reads it).
 */
export const isRowOf =
  (key: RegisterKey) =>
  (cells: Readonly<Record<string, Cell>>): boolean => {
    if (Number(cells.fiscalYear) !== key.fiscalYear) return false;
    const round = parseRound(cells.round ?? null);
    const kind = nameText(cells.docKind) || (round ? DOC_KIND.report : DOC_KIND.plan);
    if (kind !== key.docKind) return false;
    return key.round === null || round === key.round;
  };

/** What the register holds for a document: its id, public URL, approval status, memo link. */
export interface OnRecord {
  docId: string;
  publishedUrl: string;
  docUrl: string;
  status: ApprovalStatus | '';
  memoUrl: string;
}

export function onRecordOf(snapshot: WorkbookSnapshot, key: RegisterKey): OnRecord {
  const row = readTable(snapshot, REPORTS_TAB).rows.find((r) => isRowOf(key)(r.cells));
  return {
    docId: cellText(row?.cells.docId),
    publishedUrl: httpUrlOrBlank(row?.cells.publishedUrl),
    docUrl: httpUrlOrBlank(row?.cells.docUrl),
    status: parseApprovalStatus(row?.cells.approvalStatus ?? null),
    memoUrl: cellText(row?.cells.memoUrl),
  };
}

/** The document id in a Google Docs link ('' when it is not one). */
export const docIdOfUrl = (url: string): string => /\/d\/([^/]+)/.exec(url)?.[1] ?? '';

/** The later of two statuses: the flow never goes back (ร่าง → เสนอแล้ว → อนุมัติแล้ว → เผยแพร่แล้ว). */
export const laterStatus = (a: ApprovalStatus | '' | undefined, b: ApprovalStatus): ApprovalStatus =>
  a && APPROVAL_STATUSES.indexOf(a) > APPROVAL_STATUSES.indexOf(b) ? a : b;

/** Warnings as one cell's text, cut well below Sheets' per-cell limit, saying how many were left out. */
export function warningsCell(warnings: readonly string[], maxChars = 10_000): string {
  const kept: string[] = [];
  let length = 0;
  for (const w of warnings) {
    if (length + w.length + 1 > maxChars) break;
    kept.push(w);
    length += w.length + 1;
  }
  return kept.length < warnings.length
    ? [...kept, REPORT.moreWarnings(warnings.length - kept.length)].join('\n')
    : kept.join('\n');
}

/** At most `max` items, then one saying how many more. */
export const firstOf = (items: readonly string[], max: number): string[] =>
  items.length > max ? [...items.slice(0, max), REPORT.moreWarnings(items.length - max)] : items.slice();

/**
 * The register's values with one row written: the row the matcher finds (else a new row at the end),
 * its cells set by schema key. A register older than some columns (the approval's) gets their headers
 * appended after its own; its existing columns stay where they are. No register yet: its header row first.
 */
export function withRegisterRow(
  read: readonly (readonly Cell[])[],
  match: (cells: Readonly<Record<string, Cell>>) => boolean,
  cells: Readonly<Record<string, Cell>>,
): Cell[][] {
  const values: Cell[][] = read.length ? read.map((r) => r.slice()) : [REPORTS_TAB.columns.map((c) => c.header)];
  const table = readTable({ tabs: { [REPORTS_TAB.name]: values } }, REPORTS_TAB);
  const header = values[0];
  while (header.length && (header[header.length - 1] === '' || header[header.length - 1] === null)) header.pop();
  const index: Record<string, number> = { ...table.columnIndex };
  for (const c of REPORTS_TAB.columns)
    if (index[c.key] < 0 && c.key in cells) {
      index[c.key] = header.length;
      header.push(c.header);
    }
  const existing = table.rows.find((r) => match(r.cells));
  const rowIndex = existing ? existing.row - 1 : values.length;
  while (values.length <= rowIndex) values.push([]);
  for (const [key, value] of Object.entries(cells)) {
    const ci = index[key];
    if (ci !== undefined && ci >= 0) values[rowIndex][ci] = value ?? '';
  }
  return values;
}
