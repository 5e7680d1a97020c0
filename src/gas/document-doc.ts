// Any document model as a Google Doc, in service calls that do not depend on the document's length:
//  0. Drive imports the document's frame into it (headers, footers, page; an empty body): writeGoogleDoc.
//  1. DocumentApp builds the tables: one appendTable(values) per table block (a cell's paragraphs
//     joined by "\n", so each becomes a paragraph of that cell), then saveAndClose() flushes it.
//     The body is empty: the frame's import replaced it.
//  2. One Docs API documents.get reads back where each table and each cell paragraph starts.
//  3. One Docs API batchUpdate does the rest: page size and margins; per table its pinned header
//     rows, column widths and cell styles; then the paragraphs between the tables, inserted from the
//     end of the document backwards (an insert moves only what lies after it).
// Every paragraph gets its whole style explicitly (named style, alignment, indents, spacing, bold,
// font, size, colour): after body.clear() the remaining paragraph keeps its old style, and inserted
// text copies the style of the paragraph it lands in, so nothing may be left to inheritance.
import { type Block, type DocumentModel, fontSizeOf, pageSizePt, paragraphText } from '../core/document';
import { documentFrameDocx } from '../core/document-frame-docx';
import { batchUpdate, type DocsRequest, getDocument, openDocument } from './adapters/docs';
import { createWithContent, importIntoDoc, MIME_DOC } from './adapters/drive';
import { docsModel, tableBlocks, tableValues } from './document-doc-model';
import { paragraphRequests, plainParagraph, pt } from './document-doc-styles';
import { tableRequests } from './document-doc-tables';

type DocsContent = GoogleAppsScript.Docs.Schema.StructuralElement;

/** Step 1: the tables, one call each, into an empty body. */
export function writeDocumentTables(body: GoogleAppsScript.Document.Body, doc: DocumentModel): void {
  for (const t of tableBlocks(docsModel(doc))) body.appendTable(tableValues(t));
}

/** Step 3's requests, from the document as documents.get returned it after step 1. */
export function documentRequests(fetched: GoogleAppsScript.Docs.Schema.Document, model: DocumentModel): DocsRequest[] {
  const doc = docsModel(model);
  const content = fetched.body?.content ?? [];
  const tables = tableBlocks(doc);
  const found = content.filter((e) => e.table);
  if (found.length !== tables.length)
    throw new Error(`unexpected document structure: ${found.length} tables, expected ${tables.length}`);
  // the paragraph each run of non-table blocks goes into: the one before each table, and the last one
  const gapParagraphs: DocsContent[] = [];
  content.forEach((e, i) => {
    if (e.table) {
      const before = content[i - 1];
      if (!before?.paragraph || typeof before.startIndex !== 'number')
        throw new Error(`unexpected document structure: no paragraph before table ${gapParagraphs.length + 1}`);
      gapParagraphs.push(before);
    }
  });
  const last = content[content.length - 1];
  if (!last?.paragraph || typeof last.startIndex !== 'number')
    throw new Error('unexpected document structure: the body does not end with a paragraph');
  gapParagraphs.push(last);
  const gaps: Block[][] = [[]];
  for (const b of doc.blocks) {
    if (b.kind === 'table') gaps.push([]);
    else gaps[gaps.length - 1].push(b);
  }

  const font = doc.font || 'Sarabun';
  const size = fontSizeOf(doc);
  const page = pageSizePt(doc.page);
  const m = doc.page.marginsPt;
  const requests: DocsRequest[] = [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: pt(page.widthPt), height: pt(page.heightPt) },
          marginTop: pt(m.top),
          marginBottom: pt(m.bottom),
          marginLeft: pt(m.left),
          marginRight: pt(m.right),
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
      },
    },
  ];

  // tables first, at the indexes documents.get reported (nothing has moved yet)
  found.forEach((element, ti) => {
    requests.push(...tableRequests(element, tables[ti], doc, font, size));
  });

  // the paragraphs around the tables, last gap first so earlier indexes stay valid
  for (let g = gaps.length - 1; g >= 0; g--)
    requests.push(...gapRequests(gapParagraphs[g].startIndex as number, gaps[g], font, size));
  return requests;
}

/** The paragraphs of one gap between tables inserted at index `at`, each styled as the model says. */
function gapRequests(at: number, blocks: readonly Block[], font: string, size: number): DocsRequest[] {
  const out: DocsRequest[] = [];
  // an empty gap (two tables in a row, nothing after the last): its paragraph is still styled plainly
  const lines = blocks.length ? blocks.map((b) => (b.kind === 'paragraph' ? paragraphText(b) : '')) : [''];
  const text = lines.join('\n');
  if (text.length > 0) out.push({ insertText: { location: { index: at }, text } });
  let offset = at;
  lines.forEach((line, k) => {
    const range = { startIndex: offset, endIndex: offset + line.length + 1 };
    const b = blocks[k];
    if (!b || b.kind === 'table') out.push(...paragraphRequests(plainParagraph, range, font, size));
    else if (b.kind === 'paragraph') out.push(...paragraphRequests(b, range, font, size));
    else {
      // the image slot: an empty paragraph as tall as the image, so the room stays on the page
      out.push(
        ...paragraphRequests(
          { kind: 'paragraph', runs: [], style: { align: b.align } },
          range,
          font,
          size,
          Math.max(0, b.heightPt - size * 1.15),
        ),
      );
    }
    offset += line.length + 1;
  });
  return out;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Apps Script's Byte[] is signed (-128..127). */
const signedBytes = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

/** The model's frame as the Blob Drive imports. */
const frameBlob = (model: DocumentModel): GoogleAppsScript.Base.Blob =>
  Utilities.newBlob(signedBytes(documentFrameDocx(model)), DOCX_MIME, 'frame.docx');

/** A new Google Doc in the folder: Drive's import of the model's frame (headers, footers, page; empty body). */
export const createFromFrame = (title: string, folderId: string, model: DocumentModel): string =>
  createWithContent({ name: title, mimeType: MIME_DOC, parents: [folderId] }, frameBlob(model), 'id').id as string;

/**
 * Writes the whole model into the document, the same Doc (id, URL, sharing) every time:
 *  0. unless the Doc was just made from this frame (createFromFrame), Drive imports the model's frame
 *     (src/core/document-frame-docx.ts) into it, replacing what it held: page numbers and the sample
 *     banner in its headers and footers (the Docs API cannot insert a page number), an empty body;
 *  then DocumentApp for the tables, one documents.get and one batchUpdate (src/gas/adapters/docs.ts).
 */
export function writeGoogleDoc(docId: string, model: DocumentModel, importFrame = true): void {
  if (importFrame) importIntoDoc(docId, frameBlob(model));
  const document = openDocument(docId);
  writeDocumentTables(document.getBody(), model);
  document.saveAndClose();
  batchUpdate(docId, documentRequests(getDocument(docId), model));
}
