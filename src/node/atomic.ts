// The one way the CLI writes a file: create the folder, write beside the target, then rename, so a
// crash never leaves half a workbook; any failure becomes a FileError with a Thai message.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FileError } from './command';

/** The nearest existing ancestor of `path` (or path itself) when it is a file, not a folder. */
function fileInTheWay(path: string): string | null {
  for (let p = resolve(path); ; p = dirname(p)) {
    if (existsSync(p)) return statSync(p).isDirectory() ? null : p;
    if (dirname(p) === p) return null;
  }
}

/**
 * Refuses, before any work is done, an output folder (--out, --outbox) that is an existing file or
 * lies under one; the folder itself is created when the first file is written.
 */
export function checkOutputFolder(dir: string): void {
  const file = fileInTheWay(dir);
  if (file) throw new FileError(CLI.notAFolder(file === resolve(dir) ? dir : file));
}

function writeError(path: string, e: unknown): FileError {
  const code = (e as NodeJS.ErrnoException).code;
  const file = code === 'EEXIST' || code === 'ENOTDIR' ? fileInTheWay(dirname(path)) : null;
  if (file) return new FileError(CLI.notAFolder(file));
  if (code === 'EISDIR') return new FileError(CLI.isAFolder(path));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new FileError(CLI.noPermission(path));
  if (code === 'ENOSPC') return new FileError(CLI.diskFull(path));
  return new FileError(CLI.cannotWrite(path, e instanceof Error ? e.message : String(e)));
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    // existsSync first: rmSync itself throws when a file stands where the folder should be
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
}
