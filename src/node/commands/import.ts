import { existsSync } from 'node:fs';
import { applyImport, workbookDivisions } from '../../core/apply-import';
import { CLI } from '../../core/messages/cli';
import { IMPORT, IMPORT_CLI } from '../../core/messages/import';
import { templateSnapshot } from '../../core/template';
import type { WorkbookSnapshot } from '../../core/workbook';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { importReportFile } from '../report-file';
import { createWorkbookFile, editWorkbookFile } from '../xlsx-store';

export const importCommand = defineCommand({
  name: 'import',
  args: ['<report.docx|.pdf|.txt>', '<workbook.xlsx>'],
  options: {},
  async run({ positionals: [reportPath, workbookPath] }) {
    if (!reportPath || !workbookPath)
      throw new UsageError(CLI.missingArgument('<report.docx|.pdf|.txt> <workbook.xlsx>'));
    if (!existsSync(reportPath)) throw new FileError(CLI.fileNotFound(reportPath));
    // .docx, .pdf or text, by content; nothing is written before the whole report has been read, and the
    // file is read (under the workbook's lock) only once the report has been
    const apply = async (base: WorkbookSnapshot) => {
      const { imported: read } = await importReportFile(reportPath, workbookDivisions(base));
      const imported = read.result;
      for (const w of read.warnings) console.log(IMPORT_CLI.warning(w.place, w.message));
      // whatever could not be placed with confidence: refused, each at its page or table row; nothing written
      if (read.refused.length) {
        console.error(IMPORT.refusedTitle(read.refused.length));
        for (const w of read.refused) console.error(IMPORT_CLI.refusal(w.place, w.message));
        return null;
      }
      if (imported.measures.length === 0) {
        console.error(IMPORT_CLI.nothingFound(reportPath));
        return null;
      }
      return { imported, applied: applyImport(base, imported, bangkokNow()) };
    };
    let done: Awaited<ReturnType<typeof apply>>;
    if (!existsSync(workbookPath)) {
      done = await apply(templateSnapshot({ example: false }));
      if (done) await createWorkbookFile(workbookPath, 'import', done.applied.snapshot);
    } else
      done = await editWorkbookFile(workbookPath, 'import', async (workbook) => {
        const result = await apply(workbook.snapshot);
        if (!result) return null;
        // sync's plan moves the division tabs' rows with their cells; then only the cells that differ
        // (settings, divisions, measures, the results filled) are written
        workbook.sync(result.applied.plan);
        workbook.patch(result.applied.snapshot);
        return result;
      });
    if (!done) return EXIT.usage;
    const { imported, applied } = done;
    console.log(
      IMPORT_CLI.summary(
        imported.measures.length,
        imported.divisions.length,
        applied.resultsFilled,
        applied.resultsKept,
      ),
    );
    if (applied.plan.archive.length) console.log(IMPORT_CLI.archived(applied.plan.archive.length));
    console.log(CLI.wrote(workbookPath));
    return EXIT.ok;
  },
});
