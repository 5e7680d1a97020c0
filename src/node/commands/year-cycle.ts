// `ita-tracker close-round | reopen-round | rollover <workbook.xlsx>` and `ita-tracker index`: the year
// cycle offline, by the same core rules as the Apps Script menus (src/core/year-cycle.ts). A refusal
// leaves the file untouched (exit 1); the public page is written as index.html.
import { userInfo } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from '../../core/messages/cli';
import { YEAR_CYCLE_CLI } from '../../core/messages/year-cycle';
import { publicPageData, renderPublicPage } from '../../core/public-page';
import { REPORTS_TAB } from '../../core/schema';
import type { Round } from '../../core/thai';
import { parseWorkbook, readTable, type WorkbookSnapshot } from '../../core/workbook';
import { type Actor, closeRound, reopenRound, rollover, type YearCycleResult } from '../../core/year-cycle';
import { checkOutputFolder, writeFileAtomic } from '../atomic';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, UsageError } from '../command';
import { outputPath } from '../paths';
import { editWorkbookFile, readWorkbookFile } from '../xlsx-store';

const parseRound = (value: string | undefined): Round | undefined => {
  if (value === undefined) return undefined;
  if (value === '6' || value === '12') return Number(value) as Round;
  throw new UsageError(YEAR_CYCLE_CLI.badRound(value));
};

const parseYear = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim()) || Number(value) < 2400) throw new UsageError(YEAR_CYCLE_CLI.badYear(value));
  return Number(value);
};

/** Who acts offline: --by, else the account running the command. */
const actorOf = (by: string | undefined): Actor => {
  let who = by?.trim() ?? '';
  if (!who)
    try {
      who = userInfo().username;
    } catch {
      who = 'ita-tracker';
    }
  return { now: bangkokNow(), by: who };
};

/**
 * Runs a year-cycle operation on the workbook as read under its lock and patches the tabs core changed
 * (only the cells that differ; src/node/xlsx-store.ts); a refusal is printed and leaves the file as it was.
 */
async function cycle(
  path: string,
  command: string,
  operation: (snapshot: WorkbookSnapshot) => YearCycleResult,
): Promise<number> {
  return editWorkbookFile(path, command, (workbook) => {
    const result = operation(workbook.snapshot);
    if (!result.ok) {
      console.error(result.message);
      return EXIT.workbookErrors;
    }
    if (result.changedTabs.length) {
      workbook.patch({ tabs: Object.fromEntries(result.changedTabs.map((t) => [t, result.snapshot.tabs[t]])) });
      console.log(result.message);
      console.log(CLI.wrote(path));
    } else console.log(result.message);
    return EXIT.ok;
  });
}

const BY = { type: 'string', value: '<name>' } as const;

/** A file's link from the page's folder, with forward slashes and each segment URL-encoded. */
const relativeLink = (from: string, file: string): string =>
  relative(from, file).split(sep).map(encodeURIComponent).join('/');

export const closeRoundCommand = defineCommand({
  name: 'close-round',
  args: ['<workbook.xlsx>'],
  options: { round: { type: 'string', value: '6|12' }, by: BY },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const round = parseRound(values.round);
    return cycle(path, 'close-round', (snapshot) => closeRound(snapshot, actorOf(values.by), round));
  },
});

export const reopenRoundCommand = defineCommand({
  name: 'reopen-round',
  args: ['<workbook.xlsx>'],
  options: {
    round: { type: 'string', value: '6|12' },
    reason: { type: 'string', value: '<text>', required: true },
    by: BY,
  },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const asked = parseRound(values.round);
    return cycle(path, 'reopen-round', (snapshot) => {
      const round = asked ?? parseWorkbook(snapshot).tracker.settings.currentRound;
      return reopenRound(snapshot, actorOf(values.by), round, values.reason);
    });
  },
});

export const rolloverCommand = defineCommand({
  name: 'rollover',
  args: ['<workbook.xlsx>'],
  options: { year: { type: 'string', value: '<BE>' }, force: { type: 'boolean' }, by: BY },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const year = parseYear(values.year);
    return cycle(path, 'rollover', (snapshot) =>
      rollover(snapshot, actorOf(values.by), { year, force: values.force === true }),
    );
  },
});

export const indexCommand = defineCommand({
  name: 'index',
  args: ['<workbook.xlsx>'],
  options: { out: { type: 'string', value: '<dir>', required: true } },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    checkOutputFolder(values.out);
    const snapshot = await readWorkbookFile(path);
    const out = outputPath(values.out, 'index.html');
    // the files `report` and `plan` wrote are on record as file: URLs: linked relative to the page, so
    // the folder can go on a website as it is
    const local = (url: string) => relativeLink(dirname(resolve(out)), fileURLToPath(url));
    const data = publicPageData(snapshot, local);
    writeFileAtomic(out, renderPublicPage(data));
    console.log(YEAR_CYCLE_CLI.wroteIndex(out));
    if (!data.documents.length) {
      const rows = readTable(snapshot, REPORTS_TAB).rows.length;
      console.log(rows ? YEAR_CYCLE_CLI.indexNonePublic(rows) : YEAR_CYCLE_CLI.indexEmpty);
    }
    return EXIT.ok;
  },
});
