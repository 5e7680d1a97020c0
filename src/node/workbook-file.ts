// What a file handed to the CLI as a workbook really is, told from its first bytes before exceljs
// reads it, and whether the workbook read is a tracker at all: anything else is refused (exit 2)
// before a command writes a byte, so a renamed .ods or an encrypted file is never overwritten.

import { cleanText } from '../core/cells';
import { CLI } from '../core/messages/cli';
import { INPUT_CLI } from '../core/messages/input-safety';
import { FIXED_TABS } from '../core/schema';
import type { WorkbookSnapshot } from '../core/workbook';
import { FileError } from './command';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old .xls, or an .xlsx Excel encrypted with a password (it wraps it in one) */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
const holds = (bytes: Uint8Array, text: string, encoding: 'latin1' | 'utf16le'): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, encoding));

/**
 * Refuses bytes that cannot be an .xlsx workbook, each kind with its own Thai message; returns when
 * they may be one (exceljs then has the last word, and its failure is CLI.notXlsx).
 */
export function checkWorkbookBytes(bytes: Uint8Array, path: string): void {
  if (startsWith(bytes, OLE)) {
    // an encrypted OOXML package keeps its key in a stream named EncryptionInfo
    if (holds(bytes, 'EncryptionInfo', 'utf16le')) throw new FileError(INPUT_CLI.encrypted(path));
    throw new FileError(INPUT_CLI.oldXls(path));
  }
  if (!startsWith(bytes, ZIP)) return;
  // an OpenDocument package names its kind in its first, uncompressed entry
  if (holds(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument', 'latin1'))
    throw new FileError(INPUT_CLI.ods(path));
  // a zip's entry names are stored uncompressed: a workbook part must be among them
  if (!holds(bytes, 'xl/workbook', 'latin1')) throw new FileError(CLI.notXlsx(path));
}

/** A workbook with none of the tracker's fixed tabs is someone else's file: never written over. */
export function checkIsTracker(snapshot: WorkbookSnapshot, path: string): void {
  const names = new Set(Object.keys(snapshot.tabs).map(cleanText));
  if (!FIXED_TABS.some((t) => names.has(t.name))) throw new FileError(INPUT_CLI.notTracker(path));
}
