// A document's frame as a .docx of its own: the page (size, orientation, margins), the sample banner and
// the page number ("- ๒ -", from page 2) in headers and footers, and an empty body. The Google Doc writer
// has Drive convert it into the document before writing the body (src/gas/document-doc.ts): the Docs API
// can read a page number (AutoText PAGE_NUMBER, developers.google.com/docs/api/reference/rest/v1/documents
// #autotext) but has no request that inserts one, while Drive's .docx import turns a PAGE field into one.
// Written by hand as WordprocessingML (ECMA-376 Part 1 §17: sectPr, headerReference, titlePg, pgNumType,
// fldSimple) and zipped with fflate; the Node .docx writer (src/node/document-docx.ts) uses the docx library.
import { strToU8, zipSync } from 'fflate';
import { type DocumentModel, fontSizeOf, PAGE_NUMBER_AROUND, pageSizePt } from './document';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const twips = (pt: number) => Math.round(pt * 20);

/** A header or footer part: its paragraphs' XML. */
interface Part {
  kind: 'header' | 'footer';
  type: 'default' | 'first';
  paragraphs: string[];
}

function runProps(doc: DocumentModel, bold = false): string {
  const font = esc(doc.font || 'Sarabun');
  const half = Math.round(fontSizeOf(doc) * 2);
  return (
    `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>` +
    `${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/><w:lang w:bidi="th-TH"/></w:rPr>`
  );
}

const run = (props: string, text: string) => `<w:r>${props}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

const paragraph = (align: 'center' | 'right', inner: string) =>
  `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="${align}"/></w:pPr>${inner}</w:p>`;

/** The frame's header and footer parts (none when the model has neither page numbers nor a banner). */
function partsOf(doc: DocumentModel): Part[] {
  const props = runProps(doc);
  const banner = doc.banner ? [paragraph('center', run(runProps(doc, true), doc.banner))] : [];
  const pn = doc.pageNumbers;
  // a plain PAGE field: the section's numbering format gives its digits (pgNumType thaiNumbers). The
  // \\* ThaiArabic switch is not used: LibreOffice renders it (and ThaiLetter, ThaiCardText) as Thai
  // letters, page 2 as "ข" (docs/documents.md)
  const field = ' PAGE ';
  const number = pn
    ? [
        paragraph(
          pn.position === 'bottom-end' ? 'right' : 'center',
          `${run(props, PAGE_NUMBER_AROUND.before)}<w:fldSimple w:instr="${field}">${run(props, '2')}</w:fldSimple>${run(props, PAGE_NUMBER_AROUND.after)}`,
        ),
      ]
    : [];
  const top = pn?.position === 'top-center';
  const parts: Part[] = [];
  if (banner.length || top) {
    parts.push({ kind: 'header', type: 'default', paragraphs: [...banner, ...(top ? number : [])] });
    // the first page carries the banner but no number
    if (pn) parts.push({ kind: 'header', type: 'first', paragraphs: banner.length ? banner : ['<w:p/>'] });
  }
  if (pn && !top) {
    parts.push({ kind: 'footer', type: 'default', paragraphs: number });
    parts.push({ kind: 'footer', type: 'first', paragraphs: ['<w:p/>'] });
  }
  return parts;
}

/** The parts of the frame's .docx, by their path in the package (also what a test reads back). */
export function documentFrameParts(doc: DocumentModel): Record<string, string> {
  const parts = partsOf(doc);
  const named = parts.map((p, i) => ({ ...p, file: `${p.kind}${i + 1}.xml`, id: `rIdF${i + 1}` }));
  const page = pageSizePt(doc.page);
  const m = doc.page.marginsPt;
  const pn = doc.pageNumbers;
  const sectPr =
    '<w:sectPr>' +
    named.map((p) => `<w:${p.kind}Reference w:type="${p.type}" r:id="${p.id}"/>`).join('') +
    `<w:pgSz w:w="${twips(page.widthPt)}" w:h="${twips(page.heightPt)}"${doc.page.orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" w:header="400" w:footer="400" w:gutter="0"/>` +
    (pn ? `<w:pgNumType w:fmt="${pn.thaiDigits ? 'thaiNumbers' : 'decimal'}" w:start="1"/>` : '') +
    (pn ? '<w:titlePg/>' : '') +
    '</w:sectPr>';
  const out: Record<string, string> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="${WORD_TYPE}.document.main+xml"/>` +
      named.map((p) => `<Override PartName="/word/${p.file}" ContentType="${WORD_TYPE}.${p.kind}+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels':
      `${XML}<Relationships xmlns="${REL}">` +
      named.map((p) => `<Relationship Id="${p.id}" Type="${R}/${p.kind}" Target="${p.file}"/>`).join('') +
      '</Relationships>',
    'word/document.xml': `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p/>${sectPr}</w:body></w:document>`,
  };
  for (const p of named)
    out[`word/${p.file}`] =
      `${XML}<w:${p.kind === 'header' ? 'hdr' : 'ftr'} xmlns:w="${W}" xmlns:r="${R}">${p.paragraphs.join('')}</w:${p.kind === 'header' ? 'hdr' : 'ftr'}>`;
  return out;
}

/** The frame as .docx bytes (stored, uncompressed: it is a few kilobytes). */
export function documentFrameDocx(doc: DocumentModel): Uint8Array {
  const parts = documentFrameParts(doc);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])), { level: 0 });
}
