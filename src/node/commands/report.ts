// `ita-tracker report <workbook.xlsx> --out <dir> [--round 6|12] [--pdf]`: validate, then write the
// round's report as report.docx + report.html (+ report.pdf through LibreOffice). Nothing is written
// when the workbook has blocking errors.
import { join } from 'node:path';
import { CLI, formatProblem, REPORT_CLI } from '../../core/messages';
import { buildReport, type ReportModel } from '../../core/report';
import { renderReportHtml } from '../../core/report-html';
import type { Round } from '../../core/thai';
import { hasErrors, validateParsed } from '../../core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../core/workbook';
import { writeFileAtomic } from '../atomic';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { LIVE_SHEET_FLAGS } from '../google/options';
import { findSoffice, writePdfFromDocx } from '../pdf';
import { reportDocx } from '../report-docx';
import { openSource } from '../source';
import { FileError } from '../xlsx-store';

export interface ReportFiles {
  model: ReportModel;
  warnings: string[];
  paths: { docx: string; html: string; pdf?: string };
}

function writeFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path, data);
  } catch (e) {
    throw new FileError(CLI.cannotWrite(path, e instanceof Error ? e.message : String(e)));
  }
}

export function parseRoundFlag(value: string | true | undefined): Round | undefined {
  if (value === undefined) return undefined;
  if (value === '6' || value === '12') return Number(value) as Round;
  throw new UsageError(REPORT_CLI.badRound(value === true ? '' : value));
}

/**
 * Writes the report files of a workbook that has passed validation (also used by `demo`).
 * pdf: 'require' fails without LibreOffice, 'auto' makes a PDF when soffice is on PATH, 'off' never.
 */
export async function writeReportFiles(
  snapshot: WorkbookSnapshot,
  outDir: string,
  opts: { round?: Round; pdf: 'require' | 'auto' | 'off' },
): Promise<ReportFiles> {
  const { tracker } = parseWorkbook(snapshot);
  const { model, warnings } = buildReport(tracker, opts.round);
  const docx = await reportDocx(model);
  const paths: ReportFiles['paths'] = { docx: join(outDir, 'report.docx'), html: join(outDir, 'report.html') };
  writeFile(paths.docx, docx);
  writeFile(paths.html, renderReportHtml(model));
  const soffice = opts.pdf === 'off' ? null : findSoffice();
  if (soffice) {
    const pdf = join(outDir, 'report.pdf');
    try {
      await writePdfFromDocx(docx, pdf, soffice);
      paths.pdf = pdf;
    } catch (e) {
      // asked for: a failure; made only because LibreOffice happens to be installed: a warning
      if (opts.pdf === 'require') throw e;
      warnings.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { model, warnings, paths };
}

export function printReportResult(r: ReportFiles): void {
  if (r.warnings.length) {
    console.log(REPORT_CLI.warningsCount(r.warnings.length));
    for (const w of r.warnings) console.log(`  - ${w}`);
  }
  for (const p of [r.paths.docx, r.paths.html, r.paths.pdf]) if (p) console.log(CLI.wrote(p));
}

export const report = helpedCommand('report', async (args) => {
  const { positional, flags } = parseArgs(args, ['pdf', 'no-pdf']);
  if (typeof flags.out !== 'string' || flags.out === '') throw new UsageError(CLI.missingArgument(CLI.arg.folder));
  for (const f of Object.keys(flags))
    if (!['out', 'round', 'pdf', 'no-pdf', ...LIVE_SHEET_FLAGS].includes(f)) throw new UsageError(CLI.unknownFlag(f));
  const round = parseRoundFlag(flags.round);
  const wantPdf = flags.pdf === true;
  if (wantPdf && flags['no-pdf']) throw new UsageError(REPORT_CLI.pdfFlagsClash);
  // say so before anything is read or written: --pdf without LibreOffice cannot succeed
  if (wantPdf && !findSoffice()) {
    console.error(REPORT_CLI.pdfMissing);
    return EXIT.usage;
  }
  const source = await openSource(positional[0], flags);
  if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  const problems = validateParsed(parseWorkbook(source.snapshot));
  if (hasErrors(problems)) {
    for (const p of problems) if (p.severity === 'error') console.error(formatProblem(p));
    console.error(REPORT_CLI.blockedCli);
    return EXIT.workbookErrors;
  }
  let result: ReportFiles;
  try {
    result = await writeReportFiles(source.snapshot, flags.out, {
      round,
      pdf: wantPdf ? 'require' : flags['no-pdf'] ? 'off' : 'auto',
    });
  } catch (e) {
    if (e instanceof FileError || e instanceof UsageError) throw e;
    console.error(e instanceof Error ? e.message : String(e));
    return EXIT.usage;
  }
  printReportResult(result);
  return EXIT.ok;
});
