// ita-tracker rollup --sheets <list> --out <dir>: many agencies' live trackers summarised into one
// workbook and one web page. Exit 1 when some sheet could not be read (the others are still summarised).
import { join } from 'node:path';
import { BANGKOK_OFFSET_MS, offsetClock, todayOn } from '../../core/clock';
import { CLI, ROLLUP } from '../../core/messages';
import { renderRollupHtml } from '../../core/rollup';
import { parseDateText } from '../../core/thai';
import { writeFileAtomic } from '../atomic';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { connectSheets } from '../google/auth';
import { countFlag, keyFlag, retryFlag, timeoutFlag } from '../google/options';
import { readSheetList, rollupSheets, writeRollupWorkbook } from '../google/rollup';
import { FileError } from '../xlsx-store';

export const ROLLUP_FILES = { workbook: 'rollup.xlsx', page: 'rollup.html' } as const;

/** Today's calendar date in Thailand, whatever the machine's zone. */
export const todayInBangkok = (now = new Date()): string =>
  todayOn(offsetClock(BANGKOK_OFFSET_MS, () => now.getTime()));

function todayFlag(v: string | true | undefined): string {
  if (v === undefined) return todayInBangkok();
  const parsed = v === true ? null : parseDateText(v);
  if (!parsed) throw new UsageError(CLI.badToday(String(v)));
  return parsed.iso;
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

async function writing(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    throw new FileError(CLI.cannotWrite(path, e instanceof Error ? e.message : String(e)));
  }
}

export const rollup = helpedCommand('rollup', async (args) => {
  const { flags } = parseArgs(args, ['stats']);
  if (typeof flags.sheets !== 'string' || flags.sheets === '')
    throw new UsageError(CLI.missingArgument(CLI.arg.sheetList));
  if (typeof flags.out !== 'string' || flags.out === '') throw new UsageError(CLI.missingArgument(CLI.arg.folder));
  const today = todayFlag(flags.today);
  const options = {
    today,
    concurrency: countFlag(flags, 'concurrency', 4),
    timeoutMs: timeoutFlag(flags),
    retry: retryFlag(flags),
  };
  const list = readSheetList(flags.sheets);
  const started = performance.now();
  // heap sampled while the roll-up runs: it should stay flat however many trackers there are
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = flags.stats
    ? setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20)
    : undefined;
  sampler?.unref();
  const conn = await connectSheets({ keyFile: keyFlag(flags) });
  const entries = await rollupSheets(
    conn,
    list.map((l) => l.ref),
    {
      ...options,
      onEntry: (e) => {
        if (e.error) console.error(ROLLUP.failedLine(e.no, e.sheet, e.error));
      },
    },
  );
  if (sampler) clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const readSeconds = (performance.now() - started) / 1000;
  // with node --expose-gc: what the roll-up still holds once garbage is gone (the summary rows)
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retained = gc ? process.memoryUsage().heapUsed : null;
  const workbook = join(flags.out, ROLLUP_FILES.workbook);
  const page = join(flags.out, ROLLUP_FILES.page);
  await writing(workbook, () => writeRollupWorkbook(workbook, entries, today));
  await writing(page, async () => writeFileAtomic(page, renderRollupHtml(entries, today)));
  const failed = entries.filter((e) => e.error).length;
  console.log(ROLLUP.done(entries.length - failed, failed));
  console.log(CLI.wrote(workbook));
  console.log(CLI.wrote(page));
  if (flags.stats) {
    console.log(
      ROLLUP.stats(readSeconds.toFixed(2), conn.requests(), mb(peakHeap), retained === null ? null : mb(retained)),
    );
  }
  return failed ? EXIT.workbookErrors : EXIT.ok;
});
