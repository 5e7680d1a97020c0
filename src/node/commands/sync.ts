// `ita-tracker sync <workbook.xlsx> [--dry-run]`: division tabs brought in line with the measures and
// divisions by the same structural plan as in Apps Script; only the cells sync owns are written.
// A workbook whose plan would be unsafe is refused untouched (exit 1, Thai lines with tab and cell).
import { columnLetter } from '../../core/cells';
import { missingColumns, missingSettingRows, withColumnInserts, withSettingRows } from '../../core/column-migrations';
import { CLI } from '../../core/messages/cli';
import { SYNC, SYNC_CLI } from '../../core/messages/sync';
import { formatProblem } from '../../core/messages/validation';
import { EXCEL_TAB_NAME_MAX, fitsExcelTabName } from '../../core/schema';
import { describePlan, planChanges, planSync } from '../../core/sync';
import { syncBlockers, unsavableTabs } from '../../core/sync-blockers';
import { parseWorkbook, type WorkbookSnapshot } from '../../core/workbook';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, UsageError } from '../command';
import { editWorkbookFile, readWorkbookFile, type WorkbookEdit } from '../xlsx-store';

export const sync = defineCommand({
  name: 'sync',
  args: ['<workbook.xlsx>'],
  options: { 'dry-run': { type: 'boolean' } },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const dryRun = values['dry-run'] === true;
    const decide = (read: WorkbookSnapshot, workbook: WorkbookEdit | null): number => {
      // a fixed tab laid out before a column existed (ตัวชี้วัด ITA on มาตรการ) gets it as an inserted
      // column, as setup does in Apps Script; the plan is made from the workbook as it then reads
      const inserts = missingColumns(read);
      const withColumns = withColumnInserts(read, inserts);
      const settingRows = missingSettingRows(withColumns);
      const snapshot = withSettingRows(withColumns, settingRows);
      const inserted = [
        ...inserts.map((i) => SYNC.columnInserted(i.tab, i.header, columnLetter(i.at))),
        ...(settingRows ? [SYNC.settingsAdded(settingRows.tab, settingRows.labels.join(', '))] : []),
      ];
      const parsed = parseWorkbook(snapshot);
      const refused = syncBlockers(parsed, snapshot);
      if (refused.length) {
        console.error(SYNC.refused);
        for (const p of refused) console.error(formatProblem(p));
        return EXIT.workbookErrors;
      }
      const plan = planSync(parsed, snapshot, bangkokNow());
      // what the .xlsx cannot save is refused before the dry run promises it and before anything is written
      const unsavable = unsavableTabs(plan, parsed, snapshot, fitsExcelTabName, EXCEL_TAB_NAME_MAX);
      if (unsavable.length) {
        console.error(SYNC.refused);
        for (const p of unsavable) console.error(formatProblem(p));
        return EXIT.workbookErrors;
      }
      if (!workbook) {
        console.log(SYNC_CLI.dryRunTitle);
        for (const line of [...inserted, ...describePlan(plan)]) console.log(line);
        return EXIT.ok;
      }
      for (const line of [...inserted, ...describePlan(plan)]) console.log(line);
      // nothing to change: the file is not written at all (not even re-saved)
      if (!inserts.length && !settingRows && !planChanges(plan)) return EXIT.ok;
      workbook.insertColumns(inserts);
      if (settingRows) workbook.patch({ tabs: { [settingRows.tab]: snapshot.tabs[settingRows.tab] } });
      if (planChanges(plan)) workbook.sync(plan);
      console.log(CLI.wrote(path));
      return EXIT.ok;
    };
    // a dry run only reads; a real sync plans from the workbook as read under its lock
    if (dryRun) return decide(await readWorkbookFile(path), null);
    return editWorkbookFile(path, 'sync', (workbook) => decide(workbook.snapshot, workbook));
  },
});
