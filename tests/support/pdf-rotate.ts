// A PDF with some pages turned, as a viewer's "rotate page" and save leaves it (issue 26, class 5): the
// pages' dictionaries get /Rotate in an incremental update appended to the file (new copies of those
// objects, an xref section for them, a trailer pointing back at the old one), so the content streams —
// LibreOffice's own output — are untouched. For LibreOffice's PDFs: a classic xref table and trailer.

/** `pdf` with each page (1-based) in `turns` shown turned clockwise by that many degrees. */
export function rotatePages(pdf: Buffer, turns: Record<number, 90 | 180 | 270>): Buffer {
  const text = pdf.toString('latin1');
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(text);
  if (!kids) throw new Error('rotatePages: no /Kids (a page tree with one level is expected)');
  const pageIds = [...kids[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+0\s+R)/.exec(trailer)?.[1];
  const info = /\/Info\s+(\d+\s+0\s+R)/.exec(trailer)?.[1];
  const prev = /startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1];
  if (!size || !root || !prev) throw new Error('rotatePages: no classic trailer');
  let body = '\n';
  const offsets: Array<[number, number]> = [];
  for (const [page, degrees] of Object.entries(turns)) {
    const id = pageIds[Number(page) - 1];
    const start = text.search(new RegExp(`(?:^|[\\r\\n])${id} 0 obj`));
    const from = text.indexOf('<<', start);
    const end = text.indexOf('endobj', from);
    const dict = text
      .slice(from, end)
      .trimEnd()
      .replace(/\/Rotate\s+\d+/, '');
    offsets.push([id, pdf.length + Buffer.byteLength(body, 'latin1')]);
    body += `${id} 0 obj\n<</Rotate ${degrees}${dict.slice(2)}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(body, 'latin1');
  body += 'xref\n';
  for (const [id, offset] of offsets.sort((a, b) => a[0] - b[0]))
    body += `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${size}/Root ${root}${info ? `/Info ${info}` : ''}/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body, 'latin1')]);
}
