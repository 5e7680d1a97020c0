// `ita-tracker draft-measures <workbook.xlsx>`: one draft row in มาตรการ per weak indicator of last year's
// results that no measure addresses — the menu "เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์" offline, by
// the same core rule (src/core/draft-measures.ts). Only new rows (and the ตัวชี้วัด ITA header when the
// tab has none) are written, under the workbook's lock.
import { draftMeasures, draftsMessage } from '../../core/draft-measures';
import { CLI } from '../../core/messages/cli';
import { MEASURES_TAB } from '../../core/schema';
import { parseWorkbook } from '../../core/workbook';
import { defineCommand, EXIT, UsageError } from '../command';
import { editWorkbookFile } from '../xlsx-store';

export const draftMeasuresCommand = defineCommand({
  name: 'draft-measures',
  args: ['<workbook.xlsx>'],
  options: {},
  async run({ positionals: [path] }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    return editWorkbookFile(path, 'draft-measures', (workbook) => {
      const { snapshot } = workbook;
      const values = snapshot.tabs[MEASURES_TAB.name] ?? [];
      const { drafts, header, rows } = draftMeasures(parseWorkbook(snapshot), values);
      console.log(draftsMessage(drafts));
      if (!rows.length) return EXIT.ok;
      const head = [...(values[0] ?? [])];
      if (header) head[header.column] = header.text;
      workbook.patch({ tabs: { [MEASURES_TAB.name]: [head, ...values.slice(1), ...rows] } });
      console.log(CLI.wrote(path));
      return EXIT.ok;
    });
  },
});
