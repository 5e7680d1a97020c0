// One table's requests for the Google Doc writer's batchUpdate (src/gas/document-doc.ts): pinned header
// rows, rows kept whole (TableRowStyle.preventOverflow), column widths, the header and body rows' styles
// (one range each), then the cell paragraphs with a style of their own. One request per kind per table:
// the count does not depend on the number of rows.
import { type DocumentModel, keepRowWhole, type TableBlock, textWidthPt } from '../core/document';
import type { DocsRequest } from './adapters/docs';
import { hasOwnStyle, headerParagraph, paragraphRequests, plainParagraph, pt, type Range } from './document-doc-styles';

/** The requests of table block `t`, whose table documents.get returned as `element` (nothing moved yet). */
export function tableRequests(
  element: GoogleAppsScript.Docs.Schema.StructuralElement,
  t: TableBlock,
  doc: DocumentModel,
  font: string,
  size: number,
): DocsRequest[] {
  const out: DocsRequest[] = [];
  const textWidth = textWidthPt(doc.page);
  const tableStartLocation = { index: element.startIndex };
  const rows = element.table?.tableRows ?? [];
  if (t.headerRows > 0) out.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: t.headerRows } });
  // rows that fit a page are never split across pages (TableRowStyle.preventOverflow): one request per table
  const whole = t.rows.map((_, r) => r).filter((r) => keepRowWhole(doc, t, r));
  if (whole.length)
    out.push({
      updateTableRowStyle: {
        tableStartLocation,
        rowIndices: whole,
        tableRowStyle: { preventOverflow: true },
        fields: 'preventOverflow',
      },
    });
  const total = t.columnWeights.reduce((a, b) => a + b, 0) || 1;
  t.columnWeights.forEach((w, c) => {
    out.push({
      updateTableColumnProperties: {
        tableStartLocation,
        columnIndices: [c],
        tableColumnProperties: {
          widthType: 'FIXED_WIDTH',
          width: pt(Math.round(((textWidth * w) / total) * 100) / 100),
        },
        fields: 'widthType,width',
      },
    });
  });
  const cellStart = (r: number, c: number) => rows[r]?.tableCells?.[c]?.content?.[0]?.startIndex;
  const rowEnd = (r: number) => {
    const cells = rows[r]?.tableCells ?? [];
    const paras = cells[cells.length - 1]?.content ?? [];
    return paras[paras.length - 1]?.endIndex;
  };
  const span = (fromRow: number, toRow: number): Range | null => {
    const s = cellStart(fromRow, 0);
    const e = rowEnd(toRow);
    return typeof s === 'number' && typeof e === 'number' && e > s ? { startIndex: s, endIndex: e } : null;
  };
  // header rows bold and centred, body rows plain: one range each, then the paragraphs with a style of their own
  const head = t.headerRows > 0 ? span(0, t.headerRows - 1) : null;
  if (head) out.push(...paragraphRequests(headerParagraph, head, font, size));
  const body = t.rows.length > t.headerRows ? span(t.headerRows, t.rows.length - 1) : null;
  if (body) out.push(...paragraphRequests(plainParagraph, body, font, size));
  t.rows.forEach((row, r) => {
    if (r < t.headerRows) return;
    row.forEach((cell, c) => {
      const paras = rows[r]?.tableCells?.[c]?.content ?? [];
      cell.paragraphs.forEach((p, k) => {
        const at = paras[k];
        if (!hasOwnStyle(p) || typeof at?.startIndex !== 'number' || typeof at.endIndex !== 'number') return;
        out.push(...paragraphRequests(p, { startIndex: at.startIndex, endIndex: at.endIndex }, font, size));
      });
    });
  });
  return out;
}
