// Reading a .docx back without a docx library: enough of zip and WordprocessingML to get its paragraphs.
import { inflateRawSync } from 'node:zlib';

/** Reads one entry of a zip (stored or deflated), enough for a .docx's word/document.xml. */
export function unzipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  let offset = 0;
  while (offset < buf.length - 30 && buf.readUInt32LE(offset) === 0x04034b50) {
    const method = buf.readUInt16LE(offset + 8);
    let compressed = buf.readUInt32LE(offset + 18);
    const nameLength = buf.readUInt16LE(offset + 26);
    const extraLength = buf.readUInt16LE(offset + 28);
    const entryName = buf.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    const flags = buf.readUInt16LE(offset + 6);
    if (flags & 8) {
      // sizes follow the data: find them in the central directory
      const cd = buf.lastIndexOf(Buffer.from(entryName), buf.length);
      compressed = buf.readUInt32LE(cd - 46 + 20);
    }
    if (entryName === name) {
      const data = buf.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset = start + compressed + (flags & 8 ? 16 : 0);
  }
  throw new Error(`${name} not in zip`);
}

const xmlUnescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Paragraph texts of word/document.xml, in order (w:t runs joined per w:p), as a reader sees them: the
 * word joiners (U+2060) that keep a name on one line are no text.
 */
export function docxParagraphs(docx: Uint8Array): string[] {
  const xml = unzipEntry(docx, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => xmlUnescape(t[1]))
      .join('')
      .replace(/\u2060/g, ''),
  );
}
