// What Drive's import makes of a .docx converted into a Google Doc (files.create with the Docs MIME type,
// or files.update of a Google Doc with .docx media), as far as the tracker relies on it:
//  - "Import to Google Docs types": uploading with the target mimeType application/vnd.google-apps.document
//    converts a Word file (developers.google.com/drive/api/guides/manage-uploads#import-docs); files.update
//    with media replaces the content of the file it names, which keeps its id (reference "Method:
//    files.update", developers.google.com/drive/api/reference/rest/v3/files/update: "Updates a file's
//    metadata, content, or both"; tanaikech, "Overwriting Google Documents by text files using files.update",
//    gist 55f0a57ed98ff11e7d8780cc773b6dce).
//  - The Google Doc's headers and footers (Docs API concepts "Headers, footers and footnotes";
//    DocumentStyle.defaultHeaderId / firstPageHeaderId / defaultFooterId / firstPageFooterId and
//    useFirstPageHeaderFooter, developers.google.com/docs/api/reference/rest/v1/documents#documentstyle)
//    come from the Word sections' headerReference / footerReference (default, first) and titlePg; a PAGE
//    field becomes an AutoText of type PAGE_NUMBER (documents#autotext: "a spot in the text that's
//    dynamically replaced with content that can change over time, like a page number"); the page size and
//    margins come from pgSz / pgMar (twips).
//  - The body's paragraphs keep their text (tables are read as their cells' paragraphs: enough for the
//    fakes; a test that needs more sets store.onConvert).
// The conversion of page-number fields is what Google Docs does with a Word document that has page numbers
// (they stay page numbers, not the text of the number); tests/contract/checks/docs.ts checks it live.
import { strFromU8, unzipSync } from 'fflate';

export type SegmentElement = { text: string } | { autoText: 'PAGE_NUMBER' | 'PAGE_COUNT' };

export interface SegmentParagraph {
  elements: SegmentElement[];
  alignment: 'START' | 'CENTER' | 'END' | 'JUSTIFIED';
}

export interface ImportedSegment {
  kind: 'header' | 'footer';
  type: 'default' | 'first';
  paragraphs: SegmentParagraph[];
}

export interface ImportedDocx {
  body: string[];
  segments: ImportedSegment[];
  useFirstPageHeaderFooter: boolean;
  /** points; null where the .docx does not say */
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number } | null;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
};

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const fieldKind = (instr: string): 'PAGE_NUMBER' | 'PAGE_COUNT' | null =>
  /^\s*PAGE\b/.test(instr) ? 'PAGE_NUMBER' : /^\s*NUMPAGES\b/.test(instr) ? 'PAGE_COUNT' : null;

const ALIGN: Record<string, SegmentParagraph['alignment']> = {
  left: 'START',
  start: 'START',
  center: 'CENTER',
  right: 'END',
  end: 'END',
  both: 'JUSTIFIED',
};

/** The paragraphs of a WordprocessingML part, with their text and page-number fields. */
export function paragraphsOf(xml: string): SegmentParagraph[] {
  const out: SegmentParagraph[] = [];
  for (const m of xml.matchAll(/<w:p\/>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const elements: SegmentElement[] = [];
    // tokens in order: simple fields, complex field parts, text
    let inField: 'instr' | 'result' | null = null;
    let instr = '';
    for (const t of p.matchAll(
      /<w:fldSimple\b([^>]*)>[\s\S]*?<\/w:fldSimple>|<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*\/>|<w:instrText\b[^>]*>([\s\S]*?)<\/w:instrText>|<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g,
    )) {
      if (t[1] !== undefined) {
        const kind = fieldKind(unescapeXml(attr(t[1], 'w:instr') ?? ''));
        if (kind) elements.push({ autoText: kind });
      } else if (t[2] === 'begin') {
        inField = 'instr';
        instr = '';
      } else if (t[2] === 'separate') inField = 'result';
      else if (t[2] === 'end') {
        const kind = fieldKind(instr);
        if (kind) elements.push({ autoText: kind });
        inField = null;
      } else if (t[3] !== undefined) instr += unescapeXml(t[3]);
      else if (t[4] !== undefined && inField === null) elements.push({ text: unescapeXml(t[4]) });
    }
    const jc = /<w:jc\b([^>]*)\/>/.exec(p);
    out.push({ elements, alignment: ALIGN[attr(jc?.[1] ?? '', 'w:val') ?? 'left'] ?? 'START' });
  }
  return out;
}

/** Reads a .docx as Drive's import keeps it (see the header). Throws on bytes that are not a Word package. */
export function importDocx(bytes: Uint8Array): ImportedDocx {
  const files = unzipSync(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : null);
  const document = text('word/document.xml');
  if (!document) throw new Error('not a Word document: word/document.xml is missing');
  const rels = text('word/_rels/document.xml.rels') ?? '';
  const target = (id: string) => {
    const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((r) => r[0]).find((r) => attr(r, 'Id') === id);
    return rel ? `word/${attr(rel, 'Target')}` : null;
  };
  const sect = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(document)?.[0] ?? '';
  const segments: ImportedSegment[] = [];
  for (const ref of sect.matchAll(/<w:(header|footer)Reference\b([^>]*)\/>/g)) {
    const path = target(attr(ref[2], 'r:id') ?? '');
    const xml = path ? text(path) : null;
    if (!xml) continue;
    segments.push({
      kind: ref[1] as 'header' | 'footer',
      type: attr(ref[2], 'w:type') === 'first' ? 'first' : 'default',
      paragraphs: paragraphsOf(xml),
    });
  }
  const pgSz = /<w:pgSz\b([^>]*)\/>/.exec(sect)?.[1];
  const pgMar = /<w:pgMar\b([^>]*)\/>/.exec(sect)?.[1];
  const pt = (tag: string | undefined, name: string) => Number(attr(tag ?? '', name) ?? 0) / 20;
  const body = document.replace(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g, '');
  return {
    body: paragraphsOf(body).map((p) => p.elements.map((e) => ('text' in e ? e.text : '')).join('')),
    segments,
    useFirstPageHeaderFooter: /<w:titlePg(\s[^>]*)?\/>/.test(sect) && !/<w:titlePg\b[^>]*w:val="(0|false)"/.test(sect),
    page:
      pgSz && pgMar
        ? {
            width: pt(pgSz, 'w:w'),
            height: pt(pgSz, 'w:h'),
            top: pt(pgMar, 'w:top'),
            bottom: pt(pgMar, 'w:bottom'),
            left: pt(pgMar, 'w:left'),
            right: pt(pgMar, 'w:right'),
          }
        : null,
  };
}
