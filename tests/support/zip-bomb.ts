// Archive bombs for the tests (issue 26, class 6), built by hand so that a 1 GB one costs 1 MB and a
// few milliseconds: a deflate block of 1 MB of zeros, ended by a sync flush, is repeated (its
// back-references reach only zeros, so any number of copies is a valid stream), and a zip is written
// around the entries with whatever sizes the central directory should declare.
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/** A raw deflate stream that inflates to `megabytes` MB of zero bytes. */
export function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0)); // one empty final block
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), end]);
}

export interface BombEntry {
  name: string;
  /** the deflated bytes (method 8) */
  deflated: Buffer;
  /** the size the central directory and local header declare (the truth, or a lie) */
  declaredSize: number;
}

/** An entry of real, small content, deflated, with its honest size. */
export function fileEntry(name: string, text: string): BombEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(raw), declaredSize: raw.length };
}

/** A zip (no zip64) holding the entries; the CRC is left 0 for entries whose declared size is not their own. */
export function zipOf(entries: readonly BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const small = e.deflated.length < 64 * 1024;
    const crc = small ? crc32(inflateRawSync(e.deflated)) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/**
 * A .docx or .xlsx of `megabytes` MB of zeros in its main part (1 GB in ~1 MB), declaring its true size,
 * or — `lying` — declaring 1 KB, so only inflating tells.
 */
export function bomb(kind: 'docx' | 'xlsx', megabytes: number, lying = false): Buffer {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  return zipOf([
    fileEntry('[Content_Types].xml', CONTENT_TYPES),
    { name: main, deflated: deflatedZeros(megabytes), declaredSize: lying ? 1024 : megabytes * MB },
  ]);
}

/** A .docx whose only content is `documentXml` (for entity tests): the parts Word needs, honest sizes. */
export function docxWith(documentXml: string): Buffer {
  return zipOf([fileEntry('[Content_Types].xml', CONTENT_TYPES), fileEntry('word/document.xml', documentXml)]);
}
