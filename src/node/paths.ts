// Where the CLI may write: every output file is named from a safe slug and checked to stay inside
// the folder it was asked to go to (--out, --outbox), whatever a workbook cell says.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { INPUT_CLI } from '../core/messages/input-safety';
import { FileError } from './command';

/**
 * A file-name part from text a person typed (a division code, a tab name): letters of any script,
 * marks, digits, dot, dash and underscore kept; every other run of characters (slashes, "..", spaces,
 * control characters) becomes one dash; never empty, never starting with a dot.
 */
export function safeSlug(text: string, fallback = 'file'): string {
  const slug = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return slug === '' ? fallback : slug;
}

/** folder/name, refused (FileError, nothing written) when the result would lie outside folder. */
export function outputPath(folder: string, name: string): string {
  const root = resolve(folder);
  const path = resolve(join(root, name));
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new FileError(INPUT_CLI.outsideFolder(name, folder));
  return path;
}
