// The Google Doc writer's style requests (src/gas/document-doc.ts): every paragraph gets its whole style
// explicitly — named style, alignment, indents, spacing, bold, font, size, colour — because after
// body.clear() the remaining paragraph keeps its old style, and inserted text copies the style of the
// paragraph it lands in, so nothing may be left to inheritance.
import type { Alignment, ParagraphBlock, ParagraphStyle } from '../core/document';
import type { DocsRequest } from './adapters/docs';

/** A range of the document's indexes (startIndex inclusive, endIndex exclusive). */
export type Range = { startIndex: number; endIndex: number };

export const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
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
export function paragraphRequests(
  p: ParagraphBlock,
  range: Range,
  font: string,
  baseSize: number,
  extraSpaceBelow = 0,
) {
  return [
    paragraphStyleRequest(range, p.style, extraSpaceBelow),
    textStyleRequest(range, font, p.style.sizePt ?? baseSize, p.style.bold === true),
    ...runRequests(p, range.startIndex),
  ];
}

export const hasOwnStyle = (p: ParagraphBlock): boolean =>
  Object.keys(p.style).length > 0 || p.runs.some((r) => r.bold || r.sizePt);

/** A table's header rows: bold and centred. */
export const headerParagraph: ParagraphBlock = { kind: 'paragraph', runs: [], style: { bold: true, align: 'center' } };
/** Body text with no style of its own. */
export const plainParagraph: ParagraphBlock = { kind: 'paragraph', runs: [], style: {} };
