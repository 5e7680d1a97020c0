import { CLI, SYNC } from '../../core/messages';
import { syncSnapshot } from '../../core/sync';
import { bangkokNow } from '../clock';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';

export const sync = helpedCommand('sync', async (args) => {
  const { positional } = parseArgs(args);
  const path = positional[0];
  if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  const { snapshot, plan } = syncSnapshot(await readWorkbookFile(path), bangkokNow());
  await writeWorkbookFile(path, snapshot);
  for (const t of plan.tabs) console.log(SYNC.tabSummary(t.tabName, t.entries.length, t.created));
  if (plan.archive.length) console.log(SYNC.archivedSummary(plan.archive.length));
  for (const name of plan.orphanTabs) console.log(SYNC.orphanRemoved(name));
  console.log(CLI.wrote(path));
  return EXIT.ok;
});
