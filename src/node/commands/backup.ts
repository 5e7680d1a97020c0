// ita-tracker backup --sheet <id|URL> <file.xlsx>: the live sheet's data into a local workbook the
// offline commands can use. Read-only scope; the live sheet is never written.
import { CLI } from '../../core/messages/cli';
import { GOOGLE } from '../../core/messages/google';
import { defineCommand, EXIT, UsageError } from '../command';
import { connectSheets } from '../google/auth';
import { GOOGLE_OPTIONS, retryFlag, timeoutFlag } from '../google/options';
import { readTrackerFromSheet } from '../google/sheets-store';
import { writeWorkbookFile } from '../xlsx-store';

export const backup = defineCommand({
  name: 'backup',
  args: ['<file.xlsx>'],
  options: { sheet: { type: 'string', value: '<id|URL>', required: true }, ...GOOGLE_OPTIONS },
  async run({ positionals: [out], values }) {
    if (!out) throw new UsageError(CLI.missingArgument('<file.xlsx>'));
    const timeoutMs = timeoutFlag(values);
    const retry = retryFlag(values);
    const conn = await connectSheets({ keyFile: values.key });
    const live = await readTrackerFromSheet(conn, values.sheet, { timeoutMs, retry, tabs: 'all' });
    await writeWorkbookFile(out, live.snapshot);
    const tabs = Object.values(live.snapshot.tabs);
    console.log(
      GOOGLE.backedUp(
        live.title,
        tabs.length,
        tabs.reduce((n, rows) => n + Math.max(0, rows.length - 1), 0),
      ),
    );
    console.log(CLI.wrote(out));
    return EXIT.ok;
  },
});
