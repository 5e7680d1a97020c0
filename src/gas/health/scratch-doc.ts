// A scratch document written exactly as a report is, with the report's own calls: created in the
// report folder by the Drive facade (createEmpty, supportsAllDrives), written by the report's writer
// (several tables, as a report has one per area), read back through the Docs API (tables, pinned
// header rows as documents.get reports them: tableRowStyle.tableHeader, page size, font, the list cell
// as separate paragraphs), exported to PDF (createWithContent), published by the report's very call
// (publishHead: publishAuto off), its published state read back (an omitted publishAuto is false), and
// finally the document and the PDF moved to the trash (trashFile; also when a step failed).
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { PAGE, REPORT_COLUMNS, type ReportModel, reportDocument } from '../../core/report';
import { getDocument, openDocument } from '../adapters/docs';
import {
  createEmpty,
  createWithContent,
  headRevisionState,
  MIME_DOC,
  MIME_PDF,
  publishHead,
  trashFile,
} from '../adapters/drive';
import { writeGoogleDoc } from '../document-doc';
import { errorText, type HealthCheck } from './context';

/** Two areas (two tables, as a report has one per area), two rows each, one cell a list of three items. */
export function scratchModel(font = 'Sarabun', fontSize = 16): ReportModel {
  const s = HEALTH.scratchDoc;
  return {
    fiscalYear: 2566,
    round: 6,
    numerals: 'thai',
    font,
    fontSize,
    documentName: s.docName,
    titleBlock: [s.docName],
    heading: s.docName,
    intro: s.docName,
    columns: [...REPORT_COLUMNS],
    sections: (['IIT', 'EIT'] as const).map((area, i) => ({
      area,
      heading: `${s.area} ${i + 1}`,
      measureIds: [`H${2 * i + 1}`, `H${2 * i + 2}`],
      rows: s.rows.map((row) => row.map((cell) => cell.split('\n'))),
    })),
  };
}

/**
 * THE place the scratch document is written: the report's document model through the one Google Doc
 * writer (structure through DocumentApp, layout in one Docs batchUpdate), exactly as src/gas/report.ts
 * writes a round's report.
 */
export function writeScratchDocument(docId: string, model: ReportModel): void {
  writeGoogleDoc(docId, reportDocument(model));
}

interface ReadTable {
  rows?: number;
  tableRows?: { tableRowStyle?: { tableHeader?: boolean }; tableCells?: { content?: unknown[] }[] }[];
}

/** Every font family named anywhere under a node of the Docs JSON. */
function fontsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) fontsIn(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const f = (o.weightedFontFamily as { fontFamily?: string } | undefined)?.fontFamily;
    if (f) out.add(f);
    for (const v of Object.values(o)) fontsIn(v, out);
  }
  return out;
}

/** What the document read back says that differs from what was written (Thai, one item each). */
export function readBackProblems(document: Record<string, unknown>, model: ReportModel): string[] {
  const w = HEALTH.scratchDoc.what;
  const problems: string[] = [];
  const content = ((document.body as { content?: { table?: ReadTable }[] } | undefined)?.content ?? []) as {
    table?: ReadTable;
  }[];
  const tables = content.filter((e) => e.table).map((e) => e.table as ReadTable);
  if (tables.length !== model.sections.length) problems.push(w.tables(tables.length, model.sections.length));
  tables.forEach((t, i) => {
    const want = (model.sections[i]?.rows.length ?? 0) + 1; // the header row and the section's rows
    const rows = t.tableRows?.length ?? t.rows ?? 0;
    if (rows !== want) problems.push(w.rows(i + 1, rows, want));
    // pinned header rows, as documents.get reports them: the row's own style (TableRowStyle.tableHeader)
    if (t.tableRows?.[0]?.tableRowStyle?.tableHeader !== true) problems.push(w.pinned(i + 1));
    const listCell = t.tableRows?.[1]?.tableCells?.[1]?.content ?? [];
    if (listCell.length < 3) problems.push(w.listCell);
  });
  const size = (document.documentStyle as { pageSize?: Record<string, { magnitude?: number }> } | undefined)?.pageSize;
  const width = size?.width?.magnitude ?? 0;
  const height = size?.height?.magnitude ?? 0;
  if (Math.abs(width - PAGE.widthPt) > 1 || Math.abs(height - PAGE.heightPt) > 1) problems.push(w.page(width, height));
  const fonts = [...fontsIn(document.body)];
  if (fonts.length !== 1 || fonts[0] !== model.font) problems.push(w.font(fonts.join(', ')));
  return problems;
}

export const checkScratchDocument: HealthCheck = (ctx) => {
  const s = HEALTH.scratchDoc;
  // the report's path for an admin who is not the folder's owner is the owner's queue: nothing of theirs
  // is created or published with this account's grant, so neither is the scratch document
  if (ctx.queuedTo) return pass(s.ownersQueue(ctx.queuedTo));
  if (!ctx.folderUsable) return fail(s.skipped, s.skippedTodo);
  const model = scratchModel();
  const made: string[] = [];
  let step = 'create';
  let outcome: ReturnType<HealthCheck>;
  try {
    // created, written, exported and published by the report's own calls (src/gas/document-ports.ts)
    const docId = createEmpty({ name: s.docName, mimeType: MIME_DOC, parents: [ctx.reportFolderId] }).id as string;
    made.push(docId);
    step = 'write';
    writeScratchDocument(docId, model);
    step = 'readBack';
    const problems = [...new Set(readBackProblems(getDocument(docId) as Record<string, unknown>, model))];
    step = 'pdf';
    const pdf = createWithContent(
      { name: `${s.docName}.pdf`, mimeType: MIME_PDF, parents: [ctx.reportFolderId] },
      openDocument(docId).getAs(MIME_PDF),
      'id,size',
    );
    if (pdf.id) made.push(pdf.id);
    if (!Number(pdf.size)) problems.push(s.what.pdf);
    step = 'publish';
    try {
      publishHead(docId);
    } catch (e) {
      // the report's own refusal, word for word: what the admin would read when the report publishes
      outcome = fail(errorText(e), s.publishRefusedTodo, errorText(e));
      return outcome;
    }
    step = 'publishedState';
    // Drive leaves a false boolean out of its answer: an omitted publishAuto is false, not "auto"
    const rev = headRevisionState(docId);
    if (!rev.published) problems.push(s.what.published);
    if (rev.publishAuto) problems.push(s.what.publishAuto);
    outcome = problems.length ? fail(s.mismatch(problems), s.mismatchTodo) : pass(s.ok);
  } catch (e) {
    outcome = fail(s.stepFailed(s.step[step], errorText(e)), s.stepFailedTodo, errorText(e));
  } finally {
    // the scratch files go to the trash whatever happened above
    const left: string[] = [];
    for (const id of made)
      try {
        trashFile(id);
      } catch (e) {
        left.push(errorText(e));
      }
    if (left.length && outcome?.outcome === 'pass') outcome = fail(s.trashFailed(left[0]), s.trashFailedTodo, left[0]);
  }
  return outcome;
};
