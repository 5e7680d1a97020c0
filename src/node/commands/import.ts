import { existsSync } from 'node:fs';
import { applyImport, workbookDivisions } from '../../core/apply-import';
import { CLI } from '../../core/messages/cli';
import { IMPORT, IMPORT_CLI } from '../../core/messages/import';
import { templateSnapshot } from '../../core/template';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { importReportFile } from '../report-file';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';

export const importCommand = defineCommand({
  name: 'import',
  args: ['<report.docx|.pdf|.txt>', '<workbook.xlsx>'],
  options: {},
  async run({ positionals: [reportPath, workbookPath] }) {
    if (!reportPath || !workbookPath)
      throw new UsageError(CLI.missingArgument('<report.docx|.pdf|.txt> <workbook.xlsx>'));
    if (!existsSync(reportPath)) throw new FileError(CLI.fileNotFound(reportPath));
    const base = existsSync(workbookPath) ? await readWorkbookFile(workbookPath) : templateSnapshot({ example: false });
    // .docx, .pdf or text, by content; nothing is written before the whole report has been read
    const { imported: read } = await importReportFile(reportPath, workbookDivisions(base));
    const imported = read.result;
    for (const w of read.warnings) console.log(IMPORT_CLI.warning(w.place, w.message));
    // whatever could not be placed with confidence: refused, each at its page or table row; nothing written
    if (read.refused.length) {
      console.error(IMPORT.refusedTitle(read.refused.length));
      for (const w of read.refused) console.error(IMPORT_CLI.refusal(w.place, w.message));
      return EXIT.usage;
    }
    if (imported.measures.length === 0) {
      console.error(IMPORT_CLI.nothingFound(reportPath));
      return EXIT.usage;
    }
    const applied = applyImport(base, imported, bangkokNow());
    await writeWorkbookFile(workbookPath, applied.snapshot);
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
