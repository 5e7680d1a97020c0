// Any document model as one standalone HTML page (the offline .html files and the public web view).
// Print-friendly: the page size and margins go into @page, a table's header rows repeat on every
// printed page (thead). Every text is escaped: it comes from the sheet, so none of it is markup.
import { escapeHtml } from './cells';
import {
  type Alignment,
  type Block,
  type DocumentModel,
  fontSizeOf,
  PAGE_NUMBER_AROUND,
  type ParagraphBlock,
  type ParagraphStyle,
  type Run,
  type TableBlock,
  textWidthPt,
} from './document';
import { unbreakable } from './document-words';
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

function runHtml(r: Run, p: ParagraphBlock): string {
  if (r.image)
    // the room is kept whether or not an image is set; an image id is a Drive file, not a URL here
    return `<span class="image-slot" style="height:${r.image.heightPt}pt;width:${r.image.heightPt}pt"${r.image.imageId ? ` data-image-id="${escapeHtml(r.image.imageId)}"` : ''}></span>`;
  if (r.text === '') return '';
  // spaces typed to make room (the memo's "(   ) ทราบ", where the executive ticks) are kept: HTML would
  // fold them into one
  const text = escapeHtml(r.text).replace(/ {2,}/g, (m) => `${'&nbsp;'.repeat(m.length - 1)} `);
  const t = r.noBreak ? `<span class="nb">${text}</span>` : text;
  const sized = r.sizePt ? `<span style="font-size:${r.sizePt}pt">${t}</span>` : t;
  return r.bold && !p.style.bold ? `<b>${sized}</b>` : sized;
}

/** The runs between tabs: each "\t" in a run's text ends a segment. */
function segmentsOf(p: ParagraphBlock): Run[][] {
  const out: Run[][] = [[]];
  for (const r of p.runs)
    r.text.split('\t').forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece !== '' || (i === 0 && r.image)) out[out.length - 1].push({ ...r, text: piece });
    });
  return out;
}

/**
 * A line with tab stops as boxes that end at the stops: a dot leader is a dotted filler up to the stop,
 * a centre stop centres what follows on the line (the memo's heading beside the Garuda).
 */
function tabbedHtml(p: ParagraphBlock, widthPt: number): string {
  const stops = p.style.tabStops ?? [];
  const segs = segmentsOf(p);
  // a segment's runs in one box: as flex items of their own, each run (a no-break name, a label) was a
  // column of its own on a phone ("เรื่อง ขอ | อนุมัติ | เผยแพร่ …")
  const html = (runs: Run[]) => {
    const inner = runs.map((r) => runHtml(r, p)).join('');
    return inner ? `<span class="tab-text">${inner}</span>` : '';
  };
  const parts: string[] = [];
  let edge = 0;
  let k = 0;
  for (let j = 0; j < stops.length && k < segs.length; j++) {
    const stop = stops[j];
    if (stop.align === 'center') {
      parts.push(`<span class="tab-box">${html(segs[k])}</span>`);
      parts.push(`<span class="tab-center">${html(segs[k + 1] ?? [])}</span>`);
      k += 2;
      continue;
    }
    const share = Math.max(0, ((stop.atPt - edge) / widthPt) * 100);
    const after = stop.align === 'end' ? html(segs[k + 1] ?? []) : '';
    parts.push(
      `<span class="tab-box" style="flex:0 0 ${share.toFixed(1)}%">${html(segs[k])}<span class="tab-fill${stop.leader === 'dot' ? ' dots' : ''}"></span>${after}</span>`,
    );
    k += stop.align === 'end' ? 2 : 1;
    edge = stop.atPt;
  }
  for (; k < segs.length; k++) parts.push(`<span class="tab-box">${html(segs[k])}</span>`);
  return parts.join('');
}

function paragraphHtml(p: ParagraphBlock, baseSize: number, widthPt = 0): string {
  const tabbed = p.style.tabStops?.length && widthPt > 0;
  const text = tabbed ? tabbedHtml(p, widthPt) : p.runs.map((r) => runHtml(r, p)).join('');
  const tag = p.style.heading ? `h${p.style.heading + 1}` : 'p';
  const style = styleAttr(p.style, baseSize);
  return `<${tag}${tabbed ? ' class="tabbed"' : ''}${style}>${text}</${tag}>`;
}

function tableHtml(t: TableBlock, baseSize: number): string {
  const total = t.columnWeights.reduce((a, b) => a + b, 0) || 1;
  const colgroup = `<colgroup>${t.columnWeights.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
  const head = t.rows.slice(0, t.headerRows);
  // on a phone each row is a card: every value with its column's header beside it (data-label)
  // a label is CSS text (attr()), which takes no span: its no-break runs carry word joiners instead
  const labelText = (p: ParagraphBlock) => p.runs.map((r) => (r.noBreak ? unbreakable(r.text) : r.text)).join('');
  const labels = (head[head.length - 1] ?? []).map((c) => c.paragraphs.map(labelText).join(' '));
  const label = (ci: number, tag: 'th' | 'td') =>
    tag === 'td' && labels[ci] ? ` data-label="${escapeHtml(labels[ci])}"` : '';
  // a body cell's paragraphs in one box: on a phone the card's grid puts the label beside all of them
  const wrap = (tag: 'th' | 'td', html: string) => (tag === 'td' && labels.length ? `<div>${html}</div>` : html);
  const cells = (row: TableBlock['rows'][number], tag: 'th' | 'td') =>
    row
      .map(
        (c, ci) =>
          `<${tag}${tag === 'th' ? ' scope="col"' : ''}${label(ci, tag)}>${wrap(tag, c.paragraphs.map((p) => paragraphHtml(p, baseSize)).join(''))}</${tag}>`,
      )
      .join('');
  const body = t.rows.slice(t.headerRows);
  const thead = head.length ? `<thead>${head.map((r) => `<tr>${cells(r, 'th')}</tr>`).join('')}</thead>` : '';
  const rowId = (i: number) => (t.rowIds?.[i] ? ` id="${escapeHtml(t.rowIds[i])}"` : '');
  return `<table${labels.length ? ' class="cards"' : ''}>${colgroup}${thead}\n<tbody>\n${body.map((r, i) => `<tr${rowId(i)}>${cells(r, 'td')}</tr>`).join('\n')}\n</tbody></table>`;
}

function blockHtml(b: Block, baseSize: number, widthPt: number): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraphHtml(b, baseSize, widthPt);
    case 'table':
      return tableHtml(b, baseSize);
    case 'image':
      // the room is kept whether or not an image is set; an image id is a Drive file, not a URL here
      return `<div class="image-slot" style="height:${b.heightPt}pt;text-align:${ALIGN[b.align]}"${b.imageId ? ` data-image-id="${escapeHtml(b.imageId)}"` : ''}></div>`;
  }
}

/** CSS text: a string in double quotes. */
const cssString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\A ')}"`;

/**
 * Printed page numbers and the banner in the page's margin boxes (CSS Paged Media; Chromium prints
 * them): "- ๒ -" from page 2 where the model says, in Thai digits when the document uses them.
 */
function pageBoxes(doc: DocumentModel): string {
  const pn = doc.pageNumbers;
  const banner = doc.banner ? `${cssString(doc.banner)}` : '';
  const counter = pn
    ? `"${PAGE_NUMBER_AROUND.before}" counter(page${pn.thaiDigits ? ', thai' : ''}) "${PAGE_NUMBER_AROUND.after}"`
    : '';
  const box = !pn
    ? ''
    : pn.position === 'top-center'
      ? 'top-center'
      : pn.position === 'bottom-center'
        ? 'bottom-center'
        : 'bottom-right';
  const rules: string[] = [];
  if (banner && box === 'top-center')
    rules.push(`@page { @top-center { content: ${banner} "\\A " ${counter}; white-space: pre; font-weight: bold; } }`);
  else {
    if (banner) rules.push(`@page { @top-center { content: ${banner}; font-weight: bold; } }`);
    if (box) rules.push(`@page { @${box} { content: ${counter}; } }`);
  }
  if (box) rules.push(`@page :first { @${box} { content: ${banner && box === 'top-center' ? banner : 'none'}; } }`);
  return rules.join('\n');
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
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: break-word; text-align: left; font-weight: normal; }
th { text-align: center; font-weight: bold; background: #f0f0f0; vertical-align: middle; }
tr { break-inside: avoid-page; }
.nb { white-space: nowrap; }
.banner { border: 2px solid #000; text-align: center; font-weight: bold; padding: 2pt; margin-bottom: 6pt; }
.tabbed { display: flex; flex-wrap: nowrap; align-items: baseline; position: relative; }
.tab-box { display: inline-flex; align-items: baseline; min-width: 0; }
.tab-box:last-child { flex: 1 1 auto; }
.tab-text { min-width: 0; }
.tab-fill { flex: 1 1 0.5em; min-width: 0.5em; }
.tab-fill.dots { border-bottom: 1.5px dotted #000; margin: 0 0.2em; align-self: flex-end; margin-bottom: 0.35em; }
.tab-center { position: absolute; left: 0; right: 0; text-align: center; pointer-events: none; }
.image-slot { display: inline-block; vertical-align: bottom; }
${pageBoxes(doc)}
@media print { body { max-width: none; padding: 0; } th { background: none; } .banner { display: none; } }
@media screen and (max-width: 700px) {
  body { font-size: 13pt; padding: 8px; }
  .tabbed { flex-wrap: wrap; }
  .tab-center { position: static; flex: 1 1 100%; }
  /* a signature block's indent (7 cm) would leave it a column of a few letters */
  p[style*="margin-left"] { margin-left: 1em !important; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: auto; }
  table.cards colgroup, table.cards thead { display: none; }
  table.cards tr { border: 1px solid #000; margin: 0 0 10px; }
  table.cards td { border: 0; border-top: 1px solid #ccc; display: grid; grid-template-columns: 7.5em 1fr; gap: 6px; padding: 4px 6px; }
  table.cards td:first-child { border-top: 0; }
  table.cards td::before { content: attr(data-label); font-weight: bold; }
}
`,
    body: [
      ...(doc.banner ? [`<div class="banner" role="note">${escapeHtml(doc.banner)}</div>`] : []),
      ...doc.blocks.map((b) => blockHtml(b, size, textWidthPt(doc.page))),
    ].join('\n'),
  });
}
