// `ita-tracker report <workbook.xlsx> --out <dir> [--round 6|12] [--pdf|--no-pdf]`: validate, then write the
// round's report as report.docx + report.html (+ report.pdf through LibreOffice). Nothing is written
// when the workbook has blocking errors.
import { reportInputs } from '../../core/closed-documents';
import { documentTextProblems } from '../../core/document-text';
import { CLI } from '../../core/messages/cli';
import { FILES } from '../../core/messages/files';
import { REPORT_CLI } from '../../core/messages/report';
import { formatProblem } from '../../core/messages/validation';
import { buildReport, type ReportModel } from '../../core/report';
import { renderReportHtml } from '../../core/report-html';
import { BE_YEAR_THRESHOLD, type Round, toArabicDigits } from '../../core/thai';
import { hasErrors } from '../../core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../core/workbook';
import { checkOutputFolder, writeOutputFolder } from '../atomic';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { LIVE_SHEET_OPTIONS } from '../google/options';
import { findSoffice, writePdfFromDocx } from '../pdf';
import { reportDocx } from '../report-docx';
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
 * Writes the report files of a workbook that has passed validation (also used by `demo`).
 * pdf: 'require' fails without LibreOffice, 'auto' makes a PDF when soffice is on PATH, 'off' never.
 */
export async function writeReportFiles(
  snapshot: WorkbookSnapshot,
  outDir: string,
  opts: { round?: Round; year?: number; pdf: 'require' | 'auto' | 'off' },
): Promise<ReportFiles> {
  const parsed = parseWorkbook(snapshot);
  // a closed round: the measures and results that were closed (src/core/closed-documents.ts), so the text is the published one
  const from = reportInputs(snapshot, parsed, { year: opts.year, round: opts.round });
  const { model, warnings } = buildReport(from.tracker, from.round);
  warnings.unshift(...from.warnings);
  // text the report prints as the cell holds it: extraction glitches and stray spaces, at their cells
  if (from.year === parsed.tracker.settings.fiscalYear)
    warnings.push(...documentTextProblems(parsed).map(formatProblem));
  const docx = await reportDocx(model);
  // all or nothing: a PDF that fails leaves no half-written report folder (src/node/atomic.ts)
  const paths = await writeOutputFolder(outDir, async (folder) => {
    const written: ReportFiles['paths'] = {
      docx: folder.write('report.docx', docx),
      html: folder.write('report.html', renderReportHtml(model)),
    };
    const soffice = opts.pdf === 'off' ? null : findSoffice();
    if (soffice) {
      const pdf = folder.path('report.pdf');
      try {
        await writePdfFromDocx(docx, pdf.staged, soffice);
        written.pdf = pdf.final;
      } catch (e) {
        // asked for: a failure; made only because LibreOffice happens to be installed: a warning
        if (opts.pdf === 'require') throw e;
        warnings.push(e instanceof Error ? e.message : String(e));
      }
    }
    return written;
  });
  return { model, warnings, paths };
}

export function printReportResult(r: ReportFiles): void {
  if (r.warnings.length) {
    console.log(REPORT_CLI.warningsCount(r.warnings.length));
    for (const w of r.warnings) console.log(`  - ${w}`);
  }
  for (const p of [r.paths.docx, r.paths.html, r.paths.pdf]) if (p) console.log(CLI.wrote(p));
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
    const source = await openSource(path, values);
    if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const parsed = parseWorkbook(source.snapshot);
    const year = parseYearFlag(values.year);
    // the requested round's rules; a closed round is printed from its snapshot (src/core/closed-documents.ts)
    const { problems } = reportInputs(source.snapshot, parsed, { year, round });
    if (hasErrors(problems)) {
      for (const p of problems) if (p.severity === 'error') console.error(formatProblem(p));
      console.error(REPORT_CLI.blockedCli);
      return EXIT.workbookErrors;
    }
    let result: ReportFiles;
    try {
      result = await writeReportFiles(source.snapshot, values.out, {
        round,
        year,
        pdf: values.pdf ? 'require' : values['no-pdf'] ? 'off' : 'auto',
      });
    } catch (e) {
      if (e instanceof FileError || e instanceof UsageError) throw e;
      console.error(e instanceof Error ? e.message : String(e));
      console.error(FILES.nothingWritten);
      return EXIT.usage;
    }
    printReportResult(result);
    return EXIT.ok;
  },
});
