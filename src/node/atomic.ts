// The one way the CLI writes a file: create the folder, write beside the target, then rename, so a
// crash never leaves half a workbook; a folder of output files (a report's .docx, .html, .pdf) is
// written in a temp folder beside it and moved into place only when every file is there. Places no
// file can live (/proc, /sys, a device or pipe) are refused before any work; any failure becomes a
// FileError with a Thai message (never the system's English error code).
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FILES } from '../core/messages/files';
import { FileError } from './command';
import { outputPath } from './paths';

/** The nearest existing ancestor of `path` (or path itself). */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** The nearest existing ancestor of `path` (or path itself) when it is a file, not a folder. */
function fileInTheWay(path: string): string | null {
  const p = nearestExisting(path);
  return existsSync(p) && !statSync(p).isDirectory() ? p : null;
}

/**
 * Linux pseudo file systems (statfs(2) f_type): files there are the kernel's, not the user's. Writing
 * under /proc makes Node's recursive mkdir spin forever (it retries ENOENT); these are refused first.
 * Magic numbers from linux/magic.h.
 */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x73636673, // securityfs
  0x6165676c, // pstore
  0xcafe4a11, // bpf
]);

function onPseudoFileSystem(path: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return PSEUDO_FILE_SYSTEMS.has(statfsSync(path).type);
  } catch {
    return false;
  }
}

/** Refuses a place no file can be written: a system folder, or an existing folder that is read-only. */
function checkPlace(folder: string, shown: string): void {
  const existing = nearestExisting(folder);
  if (onPseudoFileSystem(existing)) throw new FileError(FILES.specialPlace(shown));
  try {
    accessSync(existing, constants.W_OK);
  } catch (e) {
    throw writeError(shown, e);
  }
}

/**
 * Refuses, before any work is done, an output folder (--out, --outbox) that is an existing file, lies
 * under one, or lies where no file can be written; the folder itself is created when the first file
 * is written.
 */
export function checkOutputFolder(dir: string): void {
  const file = fileInTheWay(dir);
  if (file) throw new FileError(CLI.notAFolder(file === resolve(dir) ? dir : file));
  checkPlace(dir, dir);
}

/** Refuses a target file that is a device, pipe, socket or folder, or lies where no file can be written. */
export function checkOutputFile(path: string): void {
  if (existsSync(path)) {
    const s = statSync(path);
    if (s.isDirectory()) throw new FileError(CLI.isAFolder(path));
    if (!s.isFile()) throw new FileError(FILES.specialFile(path));
  }
  const file = fileInTheWay(dirname(resolve(path)));
  if (file) throw new FileError(CLI.notAFolder(file));
  checkPlace(dirname(resolve(path)), path);
}

/** The system's reason as a Thai sentence; nothing of its English text reaches the user. */
function writeError(path: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const file = code === 'EEXIST' || code === 'ENOTDIR' ? fileInTheWay(dirname(path)) : null;
  if (file) return new FileError(CLI.notAFolder(file));
  switch (code) {
    case 'EISDIR':
      return new FileError(CLI.isAFolder(path));
    case 'EACCES':
    case 'EPERM':
      return new FileError(CLI.noPermission(path));
    case 'EROFS':
      return new FileError(FILES.readOnlyPlace(path));
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileError(CLI.diskFull(path));
    case 'ENAMETOOLONG':
      return new FileError(FILES.nameTooLong(path));
    case 'ENOENT':
      return new FileError(FILES.cannotCreateFolder(dirname(path)));
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileError(FILES.busyFile(path));
    case 'EMFILE':
    case 'ENFILE':
      return new FileError(FILES.tooManyOpen(path));
    case 'EIO':
      return new FileError(FILES.diskError(path));
    default:
      return new FileError(FILES.writeRefused(path));
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir retries ENOENT forever under /proc (100% CPU),
 * while a plain mkdir fails at once.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) mkdirSync(p);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  checkOutputFile(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    makeFolders(dirname(path));
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    // existsSync first: rmSync itself throws when a file stands where the folder should be
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
}

/** Where a command puts the files of one output folder while it writes them. */
export interface StagedFolder {
  /** `name` in the temp folder (to write there) and where it will be once the folder is in place */
  path(name: string): { staged: string; final: string };
  /** writes `name` into the temp folder; returns where it will be */
  write(name: string, data: string | Uint8Array): string;
}

/**
 * Writes a folder of output files all or nothing: `fill` writes into a temp folder beside `target`;
 * when it returns, the files move into `target` (the temp folder is renamed to it when it does not
 * exist yet); when it throws, the temp folder is removed and `target` is as it was. A file-system
 * failure becomes a Thai FileError.
 */
export async function writeOutputFolder<T>(target: string, fill: (folder: StagedFolder) => Promise<T>): Promise<T> {
  checkOutputFolder(target);
  const root = resolve(target);
  let staging: string;
  try {
    makeFolders(dirname(root));
    staging = mkdtempSync(join(dirname(root), `.${basename(root)}.tmp-`));
    // mkdtemp makes it private (0700); once renamed it is the user's output folder like any other
    chmodSync(staging, 0o755);
  } catch (e) {
    throw writeError(join(root, '.'), e);
  }
  const folder: StagedFolder = {
    path(name) {
      // a name that would leave the folder is refused against the folder the user named
      const final = outputPath(target, name);
      return { staged: outputPath(staging, name), final };
    },
    write(name, data) {
      const { staged, final } = folder.path(name);
      try {
        writeFileSync(staged, data);
      } catch (e) {
        throw writeError(final, e);
      }
      return final;
    },
  };
  let result: T;
  try {
    result = await fill(folder);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  try {
    if (!existsSync(root)) renameSync(staging, root);
    else {
      for (const name of readdirSync(staging)) renameSync(join(staging, name), join(root, name));
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw writeError(root, e);
  }
  return result;
}
