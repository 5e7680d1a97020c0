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
import {
  type Alignment,
  type Block,
  type DocumentModel,
  fontSizeOf,
  keepRowWhole,
  type ParagraphBlock,
  type ParagraphStyle,
  pageSizePt,
  paragraphText,
  type TableBlock,
  textWidthPt,
} from '../core/document';
import { documentFrameDocx } from '../core/document-frame-docx';
import { unbreakable } from '../core/document-words';
import { batchUpdate, type DocsRequest, getDocument, openDocument } from './adapters/docs';
import { createWithContent, importIntoDoc, MIME_DOC } from './adapters/drive';

type Range = { startIndex: number; endIndex: number };

type DocsContent = GoogleAppsScript.Docs.Schema.StructuralElement;

const tableBlocks = (doc: DocumentModel): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** The cells of a table block as appendTable takes them. */
export const tableValues = (t: TableBlock): string[][] =>
  t.rows.map((row) => row.map((c) => c.paragraphs.map(paragraphText).join('\n')));

/** Step 1: the tables, one call each, into an empty body. */
export function writeDocumentTables(body: GoogleAppsScript.Document.Body, doc: DocumentModel): void {
  for (const t of tableBlocks(docsModel(doc))) body.appendTable(tableValues(t));
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
const ALIGN: Record<Alignment, string> = { start: 'START', center: 'CENTER', end: 'END', justify: 'JUSTIFIED' };
const NAMED = ['NORMAL_TEXT', 'HEADING_1', 'HEADING_2', 'HEADING_3'] as const;
const BLACK = { color: { rgbColor: { red: 0, green: 0, blue: 0 } } };

/** The paragraph style requests of one paragraph (or a range of like paragraphs), every field set. */
function paragraphStyleRequest(range: Range, s: ParagraphStyle, extraSpaceBelow = 0): DocsRequest {
  return {
    updateParagraphStyle: {
      range,
      paragraphStyle: {
        namedStyleType: NAMED[s.heading ?? 0],
        alignment: ALIGN[s.align ?? 'start'],
        indentFirstLine: pt(s.indentFirstPt ?? 0),
        indentStart: pt(s.indentStartPt ?? 0),
        spaceAbove: pt(s.spaceBeforePt ?? 0),
        spaceBelow: pt((s.spaceAfterPt ?? 0) + extraSpaceBelow),
      },
      fields: 'namedStyleType,alignment,indentFirstLine,indentStart,spaceAbove,spaceBelow',
    },
  };
}

function textStyleRequest(range: Range, font: string, sizePt: number, bold: boolean): DocsRequest {
  return {
    updateTextStyle: {
      range,
      textStyle: { bold, weightedFontFamily: { fontFamily: font }, fontSize: pt(sizePt), foregroundColor: BLACK },
      fields: 'bold,weightedFontFamily,fontSize,foregroundColor',
    },
  };
}

/** Runs with a weight or size of their own inside a paragraph starting at `start`. */
function runRequests(p: ParagraphBlock, start: number): DocsRequest[] {
  const out: DocsRequest[] = [];
  let at = start;
  for (const r of p.runs) {
    const bold = r.bold === true && !p.style.bold;
    if ((bold || r.sizePt) && r.text.length > 0)
      out.push({
        updateTextStyle: {
          range: { startIndex: at, endIndex: at + r.text.length },
          textStyle: { ...(bold ? { bold: true } : {}), ...(r.sizePt ? { fontSize: pt(r.sizePt) } : {}) },
          fields: [bold ? 'bold' : '', r.sizePt ? 'fontSize' : ''].filter(Boolean).join(','),
        },
      });
    at += r.text.length;
  }
  return out;
}

/** Every style request of one paragraph whose text occupies range (its newline included). */
function paragraphRequests(p: ParagraphBlock, range: Range, font: string, baseSize: number, extraSpaceBelow = 0) {
  return [
    paragraphStyleRequest(range, p.style, extraSpaceBelow),
    textStyleRequest(range, font, p.style.sizePt ?? baseSize, p.style.bold === true),
    ...runRequests(p, range.startIndex),
  ];
}

const hasOwnStyle = (p: ParagraphBlock): boolean =>
  Object.keys(p.style).length > 0 || p.runs.some((r) => r.bold || r.sizePt);

/** Thai glyphs take about half an em; a dot of the leader about a quarter (Sarabun). */
const glyphsOf = (text: string): number => text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/gu, '').length;

/**
 * A paragraph with tab stops as the Docs API can write it: its ParagraphStyle.tabStops are read-only
 * (developers.google.com/workspace/docs/api/reference/rest/v1/documents#paragraphstyle), so a centre stop
 * after nothing but an image slot centres the paragraph, and a dot-leader tab becomes dots up to about
 * where the stop is (estimated from the text before it), any other tab a space.
 */
export function docsParagraph(p: ParagraphBlock, widthPt: number, baseSize: number): ParagraphBlock {
  const stops = p.style.tabStops;
  if (!stops?.length) return p;
  const style = { ...p.style, tabStops: undefined };
  const first = p.runs.findIndex((r) => r.text.includes('\t'));
  const before = p.runs.slice(0, first).every((r) => r.text === '') && p.runs[first]?.text.startsWith('\t');
  if (stops[0].align === 'center' && before)
    return {
      ...p,
      style: { ...style, align: 'center' },
      runs: p.runs.map((r, i) => (i === first ? { ...r, text: r.text.slice(1) } : r)),
    };
  let x = 0;
  let k = 0;
  const runs = p.runs.map((r) => {
    const size = r.sizePt ?? p.style.sizePt ?? baseSize;
    const pieces = r.text.split('\t');
    const text = pieces
      .map((piece, i) => {
        x += glyphsOf(piece) * 0.5 * size;
        if (i === pieces.length - 1) return piece;
        const stop = stops[k++];
        if (stop?.leader !== 'dot') {
          x += 0.25 * size;
          return `${piece} `;
        }
        const dots = Math.max(3, Math.floor((Math.min(stop.atPt, widthPt) - x) / (0.27 * size)) - 2);
        x = stop.atPt;
        return `${piece}${'.'.repeat(dots)}`;
      })
      .join('');
    return { ...r, text };
  });
  return { ...p, style, runs };
}

/** A paragraph's no-break runs as text Docs keeps on one line (word joiners, src/core/document-words.ts). */
const joined = (p: ParagraphBlock): ParagraphBlock =>
  p.runs.some((r) => r.noBreak)
    ? { ...p, runs: p.runs.map((r) => (r.noBreak ? { ...r, text: unbreakable(r.text), noBreak: false } : r)) }
    : p;

/** The model as Docs can write it: no-break runs joined, tabbed paragraphs as docsParagraph writes them. */
export const docsModel = (doc: DocumentModel): DocumentModel => ({
  ...doc,
  blocks: doc.blocks.map((b) => {
    if (b.kind === 'paragraph') return docsParagraph(joined(b), textWidthPt(doc.page), fontSizeOf(doc));
    if (b.kind === 'table')
      return { ...b, rows: b.rows.map((row) => row.map((c) => ({ paragraphs: c.paragraphs.map(joined) }))) };
    return b;
  }),
});

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
  const textWidth = textWidthPt(doc.page);
  found.forEach((element, ti) => {
    const t = tables[ti];
    const tableStartLocation = { index: element.startIndex };
    const rows = element.table?.tableRows ?? [];
    if (t.headerRows > 0)
      requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: t.headerRows } });
    // rows that fit a page are never split across pages (TableRowStyle.preventOverflow): one request per table
    const whole = t.rows.map((_, r) => r).filter((r) => keepRowWhole(doc, t, r));
    if (whole.length)
      requests.push({
        updateTableRowStyle: {
          tableStartLocation,
          rowIndices: whole,
          tableRowStyle: { preventOverflow: true },
          fields: 'preventOverflow',
        },
      });
    const total = t.columnWeights.reduce((a, b) => a + b, 0) || 1;
    t.columnWeights.forEach((w, c) => {
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
    if (head) requests.push(...paragraphRequests(headerParagraph, head, font, size));
    const body = t.rows.length > t.headerRows ? span(t.headerRows, t.rows.length - 1) : null;
    if (body) requests.push(...paragraphRequests(plainParagraph, body, font, size));
    t.rows.forEach((row, r) => {
      if (r < t.headerRows) return;
      row.forEach((cell, c) => {
        const paras = rows[r]?.tableCells?.[c]?.content ?? [];
        cell.paragraphs.forEach((p, k) => {
          const at = paras[k];
          if (!hasOwnStyle(p) || typeof at?.startIndex !== 'number' || typeof at.endIndex !== 'number') return;
          requests.push(...paragraphRequests(p, { startIndex: at.startIndex, endIndex: at.endIndex }, font, size));
        });
      });
    });
  });

  // the paragraphs around the tables, last gap first so earlier indexes stay valid
  for (let g = gaps.length - 1; g >= 0; g--) {
    const at = gapParagraphs[g].startIndex as number;
    const blocks = gaps[g];
    // an empty gap (two tables in a row, nothing after the last): its paragraph is still styled plainly
    const lines = blocks.length ? blocks.map((b) => (b.kind === 'paragraph' ? paragraphText(b) : '')) : [''];
    const text = lines.join('\n');
    if (text.length > 0) requests.push({ insertText: { location: { index: at }, text } });
    let offset = at;
    lines.forEach((line, k) => {
      const range = { startIndex: offset, endIndex: offset + line.length + 1 };
      const b = blocks[k];
      if (!b || b.kind === 'table') requests.push(...paragraphRequests(plainParagraph, range, font, size));
      else if (b.kind === 'paragraph') requests.push(...paragraphRequests(b, range, font, size));
      else {
        // the image slot: an empty paragraph as tall as the image, so the room stays on the page
        requests.push(
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
  }
  return requests;
}

const headerParagraph: ParagraphBlock = { kind: 'paragraph', runs: [], style: { bold: true, align: 'center' } };
const plainParagraph: ParagraphBlock = { kind: 'paragraph', runs: [], style: {} };

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

/**
 * The images the model's paragraphs name (the memo's Garuda: a run with image.imageId) placed in the
 * written Doc, each at the left margin of its paragraph as tall as the model says, the paragraph's text
 * centred on the page as before. The Docs API's insertInlineImage takes only a public URL
 * (https://developers.google.com/docs/api/how-tos/images: "The image must be publicly accessible"), so
 * DocumentApp does it from a Blob: the image is read back from the app's own Doc holding it
 * (src/gas/garuda.ts; InlineImage.getBlob) and anchored to the paragraph (Paragraph.addPositionedImage,
 * in front of the text, its foot on the line's foot). A Garuda Doc that is gone or holds no image leaves
 * the room empty, as without one. Top-level blocks are the body's children in order (document-doc's
 * step 3 writes one paragraph per block, a table is one child).
 */
export function placeImages(docId: string, model: DocumentModel): void {
  const wanted = model.blocks.flatMap((b, index) =>
    b.kind === 'paragraph'
      ? b.runs.flatMap((r) =>
          r.image?.imageId ? [{ index, imageId: r.image.imageId, heightPt: r.image.heightPt, block: b }] : [],
        )
      : [],
  );
  if (wanted.length === 0) return;
  const document = openDocument(docId);
  const body = document.getBody();
  for (const w of wanted) {
    const stored = storedImage(w.imageId);
    if (!stored) continue;
    const lineHeight =
      Math.max(...w.block.runs.map((r) => r.sizePt ?? w.block.style.sizePt ?? fontSizeOf(model))) * 1.2;
    body
      .getChild(w.index)
      .asParagraph()
      .addPositionedImage(stored.blob)
      .setLayout(DocumentApp.PositionedLayout.ABOVE_TEXT)
      .setHeight(w.heightPt)
      .setWidth(Math.round(w.heightPt * stored.ratio * 10) / 10)
      .setLeftOffset(0)
      .setTopOffset(Math.min(0, lineHeight - w.heightPt));
  }
  document.saveAndClose();
}

/** The image kept in the app's Doc `id` and its width / height, or null when it cannot be read. */
function storedImage(id: string): { blob: GoogleAppsScript.Base.Blob; ratio: number } | null {
  try {
    const image = openDocument(id).getBody().getImages()[0];
    if (!image) return null;
    const ratio = image.getWidth() / image.getHeight();
    return { blob: image.getBlob(), ratio: Number.isFinite(ratio) && ratio > 0 ? ratio : 1 };
  } catch {
    return null;
  }
}
