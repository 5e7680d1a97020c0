// The file-upload dialog the menus open (import of last year's report, the Garuda image): a file input
// whose bytes go, as base64, to a server function by google.script.run; its answer is shown in place.
// One page for every upload, so a fix to the reader or the size check reaches them all.
import { escapeHtml } from '../core/cells';

export interface UploadDialogWords {
  intro: string;
  choose: string;
  start: string;
  pickFirst: string;
  working: string;
  tooLarge: string;
}

export interface UploadDialog {
  words: UploadDialogWords;
  /** the input's accept attribute (a hint only: the server judges the file by its content) */
  accept: string;
  /** bytes over which the dialog refuses before sending */
  maxBytes: number;
  /** the exported server function called with (fileName, base64) */
  handler: string;
}

export function uploadDialogHtml({ words: m, accept, maxBytes, handler }: UploadDialog): string {
  const js = JSON.stringify({ pickFirst: m.pickFirst, working: m.working, tooLarge: m.tooLarge, max: maxBytes });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{font-family:Sarabun,sans-serif;font-size:14px}#out{white-space:pre-wrap;margin-top:12px}
</style></head><body>
<p>${escapeHtml(m.intro)}</p>
<label>${escapeHtml(m.choose)} <input type="file" id="file" accept="${escapeHtml(accept)}"></label>
<button id="go">${escapeHtml(m.start)}</button>
<div id="out"></div>
<script>
var M = ${js.replace(/</g, '\\u003c')};
var out = document.getElementById('out');
document.getElementById('go').onclick = function () {
  var f = document.getElementById('file').files[0];
  if (!f) { out.textContent = M.pickFirst; return; }
  if (f.size > M.max) { out.textContent = M.tooLarge; return; }
  var reader = new FileReader();
  reader.onload = function () {
    out.textContent = M.working;
    var base64 = String(reader.result).split(',')[1] || '';
    google.script.run
      .withSuccessHandler(function (text) { out.textContent = text; })
      .withFailureHandler(function (e) { out.textContent = e && e.message ? e.message : String(e); })
      .${handler}(f.name, base64);
  };
  reader.readAsDataURL(f);
};
</script></body></html>`;
}
