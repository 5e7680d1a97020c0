// `ita-tracker report <workbook.xlsx> --out <dir> [--round 6|12] [--pdf|--no-pdf]`: validate, then write the
// round's report as report.docx + report.html (+ report.pdf through LibreOffice) through the one use
// case every runtime runs (src/core/app/documents.ts), and record it in the workbook's ทะเบียนรายงาน.
// Nothing is written when the workbook has blocking errors.
import { REPORT_KIND } from '../../core/app/document-kinds';
import { CLI } from '../../core/messages/cli';
import { FILES } from '../../core/messages/files';
import { REPORT_CLI } from '../../core/messages/report';
import type { ReportModel } from '../../core/report';
import { BE_YEAR_THRESHOLD, type Round, toArabicDigits } from '../../core/thai';
import type { WorkbookSnapshot } from '../../core/workbook';
import { checkOutputFolder } from '../atomic';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { printDocumentRun, runDocument } from '../document-command';
import type { PdfMode } from '../document-ports';
import { LIVE_SHEET_OPTIONS } from '../google/options';
import { findSoffice } from '../pdf';
import { openSource } from '../source';

export interface ReportFiles {
  model: ReportModel;
  warnings: string[];
  paths: { docx: string; html: string; pdf?: string };
}

export function parseRoundFlag(value: string | undefined): Round | undefined {
  if (value === undefined) return undefined;
  if (value === '6' || value === '12') return Number(value) as Round;
  throw new UsageError(REPORT_CLI.badRound(value));
}

/**
 * The report files of a workbook that passes validation, recorded in nothing (the demo's). Throws when
 * the report is blocked or fails (printed already). pdf: 'require' fails without LibreOffice, 'auto'
 * makes a PDF when soffice is on PATH, 'off' never.
 */
export async function writeReportFiles(
  snapshot: WorkbookSnapshot,
  outDir: string,
  opts: { round?: Round; year?: number; pdf: PdfMode },
): Promise<ReportFiles> {
  const run = await runDocument(
    REPORT_KIND,
    { kind: REPORT_KIND.name, round: opts.round, year: opts.year },
    { snapshot, out: outDir, pdf: opts.pdf, workbook: null, command: 'report' },
  );
  if (!run.document || !run.files) throw new FileError(FILES.nothingWritten);
  return { model: run.document.source, warnings: run.document.warnings, paths: run.files };
}

export function printReportResult(r: ReportFiles): void {
  printDocumentRun({ document: r, files: r.paths });
}

/** --year: a fiscal year (BE), Thai or Arabic digits. */
export function parseYearFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(toArabicDigits(value.trim()));
  if (!/^\d{4}$/.test(toArabicDigits(value.trim())) || year < BE_YEAR_THRESHOLD)
    throw new UsageError(REPORT_CLI.badYear(value));
  return year;
}

export const report = defineCommand({
  name: 'report',
  args: ['<workbook.xlsx>'],
  options: {
    out: { type: 'string', value: '<dir>', required: true },
    round: { type: 'string', value: '6|12' },
    year: { type: 'string', value: '<BE>' },
    pdf: { type: 'boolean' },
    'no-pdf': { type: 'boolean' },
    ...LIVE_SHEET_OPTIONS,
  },
  async run({ positionals: [path], values }) {
    const round = parseRoundFlag(values.round);
    if (values.pdf && values['no-pdf']) throw new UsageError(REPORT_CLI.pdfFlagsClash);
    checkOutputFolder(values.out);
    // say so before anything is read or written: --pdf without LibreOffice cannot succeed
    if (values.pdf && !findSoffice()) {
      console.error(REPORT_CLI.pdfMissing);
      return EXIT.usage;
    }
    const source = await openSource(path, values, { keep: true });
    if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const year = parseYearFlag(values.year);
    // a closed round is printed from its snapshot (src/core/closed-documents.ts); a local workbook
    // records the report in its ทะเบียนรายงาน, so `ita-tracker index` lists it
    const run = await runDocument(
      REPORT_KIND,
      { kind: REPORT_KIND.name, round, year },
      {
        snapshot: source.snapshot,
        out: values.out,
        pdf: values.pdf ? 'require' : values['no-pdf'] ? 'off' : 'auto',
        workbook: values.sheet === undefined && path ? path : null,
        kept: source.kept,
        command: 'report',
      },
    );
    if (run.code !== EXIT.ok) return run.code;
    printDocumentRun(run);
    if (values.sheet === undefined && path) console.log(REPORT_CLI.recorded(path));
    return EXIT.ok;
  },
});
