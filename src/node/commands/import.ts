import { existsSync, readFileSync } from 'node:fs';
import { applyImport, workbookDivisions } from '../../core/apply-import';
import { importReport } from '../../core/importer';
import { CLI, IMPORT_CLI, INPUT_CLI } from '../../core/messages';
import { templateSnapshot } from '../../core/template';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';

/**
 * The report's text: UTF-8 without NUL bytes. A .docx, PDF or image read as text would turn into
 * garbage division names (and tabs named after them), so it is refused before anything is written.
 */
function reportText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new FileError(INPUT_CLI.notText(path));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileError(INPUT_CLI.notText(path));
  }
}

export const importCommand = defineCommand({
  name: 'import',
  args: ['<report.txt>', '<workbook.xlsx>'],
  options: {},
  async run({ positionals: [reportPath, workbookPath] }) {
    if (!reportPath || !workbookPath) throw new UsageError(CLI.missingArgument('<report.txt> <workbook.xlsx>'));
    if (!existsSync(reportPath)) throw new FileError(CLI.fileNotFound(reportPath));
    const text = reportText(reportPath);
    const base = existsSync(workbookPath) ? await readWorkbookFile(workbookPath) : templateSnapshot({ example: false });
    const imported = importReport(text, workbookDivisions(base));
    for (const w of imported.warnings) console.log(IMPORT_CLI.warning(w.line, w.message));
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
