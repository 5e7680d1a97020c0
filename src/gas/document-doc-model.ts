// The document model as the Google Doc writer can put it into Docs (src/gas/document-doc.ts): no-break
// runs joined with word joiners (src/core/document-words.ts), tab stops as the Docs API can write them
// (its ParagraphStyle.tabStops are read-only), a table's cells as appendTable takes them.
import {
  type DocumentModel,
  fontSizeOf,
  type ParagraphBlock,
  paragraphText,
  type TableBlock,
  textWidthPt,
} from '../core/document';
import { joinedRuns } from '../core/document-words';

/** The model's tables in order. */
export const tableBlocks = (doc: DocumentModel): TableBlock[] =>
  doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** The cells of a table block as appendTable takes them. */
export const tableValues = (t: TableBlock): string[][] =>
  t.rows.map((row) => row.map((c) => c.paragraphs.map(paragraphText).join('\n')));

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

/**
 * A paragraph's no-break runs as text Docs keeps on one line (word joiners), joined into their
 * neighbours of the same look: joinedRuns, the rule the .docx writer follows (src/core/document-words.ts).
 */
const joined = (p: ParagraphBlock): ParagraphBlock =>
  p.runs.some((r) => r.noBreak) ? { ...p, runs: joinedRuns(p.runs) } : p;

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
