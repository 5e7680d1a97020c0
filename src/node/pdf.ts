// .docx → .pdf through LibreOffice (`soffice --headless --convert-to pdf`). LibreOffice needs a
// writable profile directory, so each run gets a throwaway HOME; the PDF lands in a temp folder and
// is then moved into place atomically.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { REPORT_CLI } from '../core/messages/report';
import { writeFileAtomic } from './atomic';

/** LibreOffice is missing: the message says so in Thai and how to install it. */
export class PdfUnavailable extends Error {
  constructor() {
    super(REPORT_CLI.pdfMissing);
  }
}

/** The first of `names` found as an executable on PATH, or null. */
export function findOnPath(names: readonly string[], path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean))
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  return null;
}

/** The soffice (or libreoffice) executable on PATH, or null. */
export const findSoffice = (path = process.env.PATH ?? ''): string | null =>
  findOnPath(['soffice', 'libreoffice'], path);

/** Converts docx bytes to PDF and writes it to `outPath`. Throws PdfUnavailable or an Error with a Thai message. */
export async function writePdfFromDocx(docx: Uint8Array, outPath: string, soffice = findSoffice()): Promise<void> {
  if (!soffice) throw new PdfUnavailable();
  const work = mkdtempSync(join(tmpdir(), 'ita-pdf-'));
  try {
    const input = join(work, 'report.docx');
    writeFileSync(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        ['--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', work, input],
        { env: { ...process.env, HOME: work }, timeout: 180_000 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(REPORT_CLI.pdfFailed(String(stderr || err.message).trim()))) : resolve(),
      );
    });
    let pdf: Buffer;
    try {
      pdf = readFileSync(join(work, 'report.pdf'));
    } catch {
      throw new Error(REPORT_CLI.pdfFailed('soffice did not write report.pdf'));
    }
    writeFileAtomic(outPath, pdf);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
