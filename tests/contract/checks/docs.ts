// Docs: what documents.get returns for what the report writes.
// Through the app's own facades: the contract checks the very calls the report makes.
import { batchUpdate, type DocsRequest, getDocument } from '../../../src/gas/adapters/docs';
import { trashFile } from '../../../src/gas/adapters/drive';
import { type Contract, same } from '../contract';

/** A fresh document with two 2-row tables, the first one's header row pinned (as the report pins). */
function twoTables(): { id: string; trash(): void } {
  const doc = DocumentApp.create('ita-contract-tables');
  const body = doc.getBody();
  body.appendTable([
    ['h1', 'h2'],
    ['a', 'b'],
  ]);
  body.appendTable([
    ['x', 'y'],
    ['c', 'd'],
  ]);
  doc.saveAndClose();
  const id = doc.getId();
  const start = (getDocument(id).body?.content ?? []).find((e) => e.table)?.startIndex as number;
  const pin: DocsRequest = { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 1 } };
  batchUpdate(id, [pin]);
  return { id, trash: () => trashFile(id) };
}

/** Each table's rows' styles (the shipped typings' TableRowStyle predates preventOverflow). */
const rowStyles = (id: string) =>
  (getDocument(id).body?.content ?? [])
    .filter((e) => e.table)
    .map((e) => (e.table?.tableRows ?? []).map((r) => r.tableRowStyle ?? {}));

export const DOCS_CONTRACTS: Contract[] = [
  {
    behaviour:
      'documents.get: a pinned header row says so in its own tableRowStyle.tableHeader; a table carries rows, columns, tableRows and tableStyle, no pinned count',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents#table and #tablerowstyle ("tableHeader: Whether the row is a table header"); PinTableHeaderRowsRequest: https://developers.google.com/docs/api/reference/rest/v1/documents/request#pintableheaderrowsrequest',
    live: true,
    check() {
      const made = twoTables();
      try {
        const tables = (getDocument(made.id).body?.content ?? []).filter((e) => e.table).map((e) => e.table);
        same(tables.length, 2, 'tables read back');
        const [first, second] = tables as Record<string, unknown>[];
        same('pinnedHeaderRowsCount' in first, false, 'a pinned count on the table');
        const header = (t: Record<string, unknown>) =>
          (t.tableRows as { tableRowStyle?: { tableHeader?: boolean } }[]).map(
            (r) => r.tableRowStyle?.tableHeader === true,
          );
        same(header(first), [true, false], 'the first table’s rows marked as header');
        same(header(second), [false, false], 'the second table’s rows (none pinned)');
        same([first.rows, first.columns], [2, 2], 'rows and columns');
      } finally {
        made.trash();
      }
    },
  },
  {
    behaviour:
      'updateTableRowStyle sets preventOverflow on the rows named (all rows when none are), only with fields naming it; documents.get reads it back in each row’s tableRowStyle',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablerowstylerequest ("rowIndices … If no indices are specified, all rows will be updated"; fields required) and https://developers.google.com/docs/api/reference/rest/v1/documents#tablerowstyle (preventOverflow: "Whether the row cannot overflow across page or column boundaries")',
    live: true,
    check() {
      const made = twoTables();
      try {
        const starts = (getDocument(made.id).body?.content ?? []).filter((e) => e.table).map((e) => e.startIndex);
        const at = (n: number) => ({ index: starts[n] as number });
        batchUpdate(made.id, [
          {
            updateTableRowStyle: {
              tableStartLocation: at(0),
              rowIndices: [1],
              tableRowStyle: { preventOverflow: true },
              fields: 'preventOverflow',
            },
          },
          { updateTableRowStyle: { tableStartLocation: at(1), tableRowStyle: { preventOverflow: true }, fields: '*' } },
        ]);
        const kept = rowStyles(made.id).map((t) =>
          t.map((s) => (s as { preventOverflow?: boolean }).preventOverflow === true),
        );
        same(
          kept,
          [
            [false, true],
            [true, true],
          ],
          'rows kept whole',
        );
      } finally {
        made.trash();
      }
    },
  },
];
