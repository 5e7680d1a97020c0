// Any document model as one standalone HTML page (the offline .html files and the public web view).
// Print-friendly: the page size and margins go into @page, a table's header rows repeat on every
// printed page (thead). Every text is escaped: it comes from the sheet, so none of it is markup.
import { escapeHtml } from './cells';
import {
  type Alignment,
  type Block,
  type DocumentModel,
  fontSizeOf,
  type ParagraphBlock,
  type ParagraphStyle,
  type TableBlock,
} from './document';
import { htmlPage, THAI_FONT_STACK } from './html';

const cssFont = (font: string): string =>
  /^[\w -]+$/.test(font) && !THAI_FONT_STACK.includes(font) ? `"${font}", ` : '';

const ALIGN: Record<Alignment, string> = { start: 'left', center: 'center', end: 'right', justify: 'justify' };
const mm = (pt: number): string => `${(pt / 2.8346).toFixed(1)}mm`;

function styleAttr(s: ParagraphStyle, baseSize: number): string {
  const css: string[] = [];
  if (s.align && s.align !== 'start') css.push(`text-align:${ALIGN[s.align]}`);
  if (s.bold) css.push('font-weight:bold');
  if (s.sizePt && s.sizePt !== baseSize) css.push(`font-size:${s.sizePt}pt`);
  if (s.indentFirstPt) css.push(`text-indent:${s.indentFirstPt}pt`);
  if (s.indentStartPt) css.push(`margin-left:${s.indentStartPt}pt`);
  if (s.spaceBeforePt) css.push(`margin-top:${s.spaceBeforePt}pt`);
  if (s.spaceAfterPt) css.push(`margin-bottom:${s.spaceAfterPt}pt`);
  return css.length ? ` style="${css.join(';')}"` : '';
}

function paragraphHtml(p: ParagraphBlock, baseSize: number): string {
  const text = p.runs
    .map((r) => {
      const t = escapeHtml(r.text);
      const sized = r.sizePt ? `<span style="font-size:${r.sizePt}pt">${t}</span>` : t;
      return r.bold && !p.style.bold ? `<b>${sized}</b>` : sized;
    })
    .join('');
  const tag = p.style.heading ? `h${p.style.heading + 1}` : 'p';
  return `<${tag}${styleAttr(p.style, baseSize)}>${text}</${tag}>`;
}

function tableHtml(t: TableBlock, baseSize: number): string {
  const total = t.columnWeights.reduce((a, b) => a + b, 0) || 1;
  const colgroup = `<colgroup>${t.columnWeights.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
  const cells = (row: TableBlock['rows'][number], tag: 'th' | 'td') =>
    row
      .map(
        (c) =>
          `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${c.paragraphs.map((p) => paragraphHtml(p, baseSize)).join('')}</${tag}>`,
      )
      .join('');
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  const thead = head.length ? `<thead>${head.map((r) => `<tr>${cells(r, 'th')}</tr>`).join('')}</thead>` : '';
  const rowId = (i: number) => (t.rowIds?.[i] ? ` id="${escapeHtml(t.rowIds[i])}"` : '');
  return `<table>${colgroup}${thead}\n<tbody>\n${body.map((r, i) => `<tr${rowId(i)}>${cells(r, 'td')}</tr>`).join('\n')}\n</tbody></table>`;
}

function blockHtml(b: Block, baseSize: number): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraphHtml(b, baseSize);
    case 'table':
      return tableHtml(b, baseSize);
    case 'image':
      // the room is kept whether or not an image is set; an image id is a Drive file, not a URL here
      return `<div class="image-slot" style="height:${b.heightPt}pt;text-align:${ALIGN[b.align]}"${b.imageId ? ` data-image-id="${escapeHtml(b.imageId)}"` : ''}></div>`;
  }
}

export function renderDocumentHtml(doc: DocumentModel): string {
  const size = fontSizeOf(doc);
  const m = doc.page.marginsPt;
  return htmlPage({
    title: doc.title,
    style: `
@page { size: A4 ${doc.page.orientation}; margin: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)}; }
body { font-family: ${cssFont(doc.font)}${THAI_FONT_STACK}; font-size: ${size}pt; line-height: 1.4; margin: 0 auto; max-width: ${doc.page.orientation === 'landscape' ? 1200 : 820}px; padding: 12px; color: #000; background: #fff; }
p, h1, h2, h3, h4 { margin: 0; }
h1, h2, h3, h4 { font-size: 1em; font-weight: bold; }
h2, h3, h4 { margin-top: 0.5em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.3em 0; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; text-align: left; font-weight: normal; }
th { text-align: center; font-weight: bold; background: #f0f0f0; vertical-align: middle; }
tr { break-inside: avoid-page; }
@media print { body { max-width: none; padding: 0; } th { background: none; } }
@media screen and (max-width: 700px) { body { font-size: 12pt; } }
`,
    body: doc.blocks.map((b) => blockHtml(b, size)).join('\n'),
  });
}
