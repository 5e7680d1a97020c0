// The report model as a Google Doc, in a number of service calls that does not depend on the number
// of measures:
//  1. DocumentApp builds the structure: one appendTable(values) per area (every cell's list items
//     joined by "\n", so each item becomes its own paragraph), then saveAndClose() flushes it.
//  2. One Docs API documents.get reads back where each table starts.
//  3. One Docs API batchUpdate does the rest: title block, headings and intro inserted before the
//     tables (insertText; "\n" makes paragraphs), landscape A4 page and margins, column widths, bold
//     centred header rows pinned so they repeat on every page (pinTableHeaderRows), font and size.
// Requests in a batchUpdate apply in order, so table requests come first (their indexes are the ones
// documents.get gave), then the inserts from the end of the document backwards (an insert moves only
// what lies after it), each followed by the styles of what it inserted; the font for the whole body last.
import { COLUMN_WEIGHTS, PAGE, type ReportModel } from '../core/report';

type DocsRequest = Record<string, unknown>;

interface DocsParagraphElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: unknown;
  table?: {
    tableRows?: {
      startIndex?: number;
      endIndex?: number;
      tableCells?: { content?: { startIndex?: number; endIndex?: number }[] }[];
    }[];
  };
}

/** The cells of one area's table as appendTable takes them: header row, then a row per measure. */
export function tableValues(model: ReportModel, sectionIndex: number): string[][] {
  const s = model.sections[sectionIndex];
  return [model.columns.slice(), ...s.rows.map((row) => row.map((cell) => cell.join('\n')))];
}

/** Step 1: the tables, in one call each. The body must be empty (a new document, or after clear()). */
export function writeReportTables(body: GoogleAppsScript.Document.Body, model: ReportModel): void {
  model.sections.forEach((_, i) => {
    body.appendTable(tableValues(model, i));
  });
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

/** Step 3's requests, from the document as documents.get returned it after step 1. */
export function reportDocRequests(
  document: { body?: { content?: DocsParagraphElement[] } },
  model: ReportModel,
): DocsRequest[] {
  const content = document.body?.content ?? [];
  const tables: { element: DocsParagraphElement; before: DocsParagraphElement }[] = [];
  content.forEach((e, i) => {
    if (e.table) {
      const before = content[i - 1];
      if (!before?.paragraph || typeof before.startIndex !== 'number')
        throw new Error(`unexpected document structure: no paragraph before table ${tables.length + 1}`);
      tables.push({ element: e, before });
    }
  });
  if (tables.length !== model.sections.length)
    throw new Error(`unexpected document structure: ${tables.length} tables, expected ${model.sections.length}`);
  const bodyEnd = content.length ? (content[content.length - 1].endIndex ?? 1) : 1;

  const requests: DocsRequest[] = [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: pt(PAGE.widthPt), height: pt(PAGE.heightPt) },
          marginTop: pt(PAGE.marginPt),
          marginBottom: pt(PAGE.marginPt),
          marginLeft: pt(PAGE.marginPt),
          marginRight: pt(PAGE.marginPt),
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
      },
    },
  ];

  // tables, at the indexes documents.get reported (nothing has moved yet)
  const textWidth = PAGE.widthPt - 2 * PAGE.marginPt;
  const total = COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
  for (const { element } of tables) {
    const tableStartLocation = { index: element.startIndex };
    requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } });
    COLUMN_WEIGHTS.forEach((w, c) => {
      requests.push({
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
    const cells = element.table?.tableRows?.[0]?.tableCells ?? [];
    const first = cells[0]?.content?.[0]?.startIndex;
    const lastCell = cells[cells.length - 1]?.content ?? [];
    const last = lastCell[lastCell.length - 1]?.endIndex;
    if (typeof first === 'number' && typeof last === 'number') {
      const range = { startIndex: first, endIndex: last };
      requests.push({ updateTextStyle: { range, textStyle: { bold: true }, fields: 'bold' } });
      requests.push({ updateParagraphStyle: { range, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } });
    }
  }

  // the text before each table, last table first so earlier indexes stay valid
  let inserted = 0;
  for (let i = tables.length - 1; i >= 0; i--) {
    const at = tables[i].before.startIndex as number;
    const section = model.sections[i];
    const lines = i === 0 ? [...model.titleBlock, model.heading, model.intro, section.heading] : [section.heading];
    const text = lines.join('\n');
    requests.push({ insertText: { location: { index: at }, text } });
    inserted += text.length;
    // each line's paragraph range after the insert (the last line keeps the empty paragraph's newline)
    const ranges: { startIndex: number; endIndex: number }[] = [];
    let offset = at;
    for (const line of lines) {
      ranges.push({ startIndex: offset, endIndex: offset + line.length + 1 });
      offset += line.length + 1;
    }
    const style = (k: number, paragraphStyle: Record<string, unknown>, fields: string) =>
      requests.push({ updateParagraphStyle: { range: ranges[k], paragraphStyle, fields } });
    const bold = (k: number) =>
      lines[k].length > 0 &&
      requests.push({
        updateTextStyle: {
          range: { startIndex: ranges[k].startIndex, endIndex: ranges[k].endIndex - 1 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      });
    if (i === 0) {
      const tb = model.titleBlock.length;
      if (tb > 0)
        requests.push({
          updateParagraphStyle: {
            range: { startIndex: ranges[0].startIndex, endIndex: ranges[tb - 1].endIndex },
            paragraphStyle: { alignment: 'CENTER' },
            fields: 'alignment',
          },
        });
      bold(0);
      style(tb, { namedStyleType: 'HEADING_2', alignment: 'CENTER' }, 'namedStyleType,alignment');
      bold(tb);
      style(tb + 1, { indentFirstLine: pt(36) }, 'indentFirstLine');
    }
    style(lines.length - 1, { namedStyleType: 'HEADING_3' }, 'namedStyleType');
    bold(lines.length - 1);
  }

  // one font and size for everything (headings' named styles included), in black
  const size = Number.isFinite(model.fontSize) && model.fontSize > 0 ? model.fontSize : 16;
  requests.push({
    updateTextStyle: {
      range: { startIndex: 1, endIndex: bodyEnd + inserted - 1 },
      textStyle: {
        weightedFontFamily: { fontFamily: model.font || 'Sarabun' },
        fontSize: pt(size),
        foregroundColor: { color: { rgbColor: { red: 0, green: 0, blue: 0 } } },
      },
      fields: 'weightedFontFamily,fontSize,foregroundColor',
    },
  });
  return requests;
}
