// The report model as one standalone HTML page: the offline report.html and the public web view.
// Print-friendly (landscape A4, the header row repeats on every printed page) and escaped throughout:
// every text comes from the sheet, so none of it is trusted as markup.
import { escapeHtml } from './cells';
import { htmlPage, THAI_FONT_STACK } from './html';
import { COLUMN_WEIGHTS, type Paragraphs, type ReportModel } from './report';

const cssFont = (font: string): string =>
  /^[\w -]+$/.test(font) && !THAI_FONT_STACK.includes(font) ? `"${font}", ` : '';

const paragraphs = (cell: Paragraphs): string => cell.map((p) => `<p>${escapeHtml(p)}</p>`).join('');

export function renderReportHtml(model: ReportModel): string {
  const total = COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
  const colgroup = `<colgroup>${COLUMN_WEIGHTS.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
  const thead = `<thead><tr>${model.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const sections = model.sections
    .map((s) => {
      const rows = s.rows
        .map(
          (row, i) =>
            `<tr id="${escapeHtml(s.measureIds[i] ?? '')}">${row.map((cell) => `<td>${paragraphs(cell)}</td>`).join('')}</tr>`,
        )
        .join('\n');
      return `<section>\n<h3>${escapeHtml(s.heading)}</h3>\n<table>${colgroup}${thead}\n<tbody>\n${rows}\n</tbody></table>\n</section>`;
    })
    .join('\n');
  const size = Number.isFinite(model.fontSize) && model.fontSize > 0 ? model.fontSize : 16;
  return htmlPage({
    title: model.documentName,
    style: `
@page { size: A4 landscape; margin: 15mm; }
body { font-family: ${cssFont(model.font)}${THAI_FONT_STACK}; font-size: ${size}pt; line-height: 1.4; margin: 0 auto; max-width: 1200px; padding: 12px; color: #000; background: #fff; }
header { text-align: center; margin-bottom: 1em; }
header p { margin: 0; }
header p:first-child { font-weight: bold; }
h2 { font-size: 1em; font-weight: bold; text-align: center; margin: 1em 0 0.5em; }
.intro { text-indent: 2.5em; margin: 0 0 0.5em; }
h3 { font-size: 1em; font-weight: bold; margin: 1em 0 0.3em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
th { text-align: center; font-weight: bold; background: #f0f0f0; }
td p { margin: 0; }
tr { break-inside: avoid-page; }
@media print { body { max-width: none; padding: 0; } th { background: none; } }
@media screen and (max-width: 700px) { body { font-size: 12pt; } }
`,
    body: `
<header>
${model.titleBlock.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</header>
<main>
<h2>${escapeHtml(model.heading)}</h2>
<p class="intro">${escapeHtml(model.intro)}</p>
${sections}
</main>
`,
  });
}
