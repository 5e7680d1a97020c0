// Archives bigger than they look (issue 26, class 6): a .docx or .xlsx is a zip, and 1 MB of deflate can
// inflate to gigabytes. Before jszip or exceljs inflates anything, the central directory's declared sizes
// are summed against the cap, and then each entry is inflated once into nothing, counting, and stopped
// as soon as the count passes the cap (declared sizes can lie). Memory stays flat whatever the archive.
import { createInflateRaw } from 'node:zlib';
import { FILES } from '../core/messages/files';
import { FileError } from './command';
import { MAX_INFLATED_BYTES } from './limits';

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory's entries, or null when the bytes are not a zip (the caller's own check says so). */
function centralDirectory(bytes: Buffer): Entry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64: the real count and offset are in the zip64 end record the locator points to
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(bytes.readBigUInt64LE(eocd - 12));
    if (z + 56 <= bytes.length && bytes.readUInt32LE(z) === 0x06064b50) {
      count = Number(bytes.readBigUInt64LE(z + 32));
      offset = Number(bytes.readBigUInt64LE(z + 48));
    }
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count && p + 46 <= bytes.length && bytes.readUInt32LE(p) === 0x02014b50; n++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let size = bytes.readUInt32LE(p + 24);
    let localOffset = bytes.readUInt32LE(p + 42);
    // ZIP64 extended information: the 8-byte values, in this order, for the fields that are 0xFFFFFFFF
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = bytes.readUInt16LE(x);
      const length = bytes.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let at = x + 4;
        const next = () => {
          const v = at + 8 <= x + 4 + length ? Number(bytes.readBigUInt64LE(at)) : Number.MAX_SAFE_INTEGER;
          at += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      x += 4 + length;
    }
    entries.push({ method: bytes.readUInt16LE(p + 10), compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates `data` into nothing, counting; resolves the count, or `limit + 1` as soon as it passes limit. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let count = 0;
    inflate.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > limit) {
        inflate.destroy();
        resolve(limit + 1);
      }
    });
    inflate.on('end', () => resolve(count));
    // damaged deflate: jszip will say so in its own words; the size is what was counted
    inflate.on('error', () => resolve(count));
    inflate.end(data);
  });
}

/**
 * Refuses (FileError "ไฟล์ใหญ่เกินไป" with the limit) a zip whose entries would inflate past `limit`:
 * first by the sizes it declares, then by what its deflate streams really produce.
 */
export async function checkInflatedSize(bytes: Uint8Array, path: string, limit = MAX_INFLATED_BYTES): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buffer);
  if (!entries) return;
  const refuse = () => new FileError(FILES.tooBig(path, limit));
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limit) throw refuse();
  let total = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > buffer.length || buffer.readUInt32LE(p) !== 0x04034b50) continue;
    const start = p + 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28);
    const data = buffer.subarray(start, Math.min(buffer.length, start + e.compressedSize));
    total += e.method === 8 ? await inflatedSize(data, limit - total) : data.length;
    if (total > limit) throw refuse();
  }
}
