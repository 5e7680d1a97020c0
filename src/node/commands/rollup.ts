// ita-tracker rollup --sheets <list> --out <dir>: many agencies' live trackers summarised into one
// workbook and one web page. Exit 1 when some sheet could not be read (the others are still summarised).
import { CLI } from '../../core/messages/cli';
import { ROLLUP } from '../../core/messages/rollup';
import { renderRollupHtml } from '../../core/rollup';
import { checkOutputFolder, writeFileAtomic } from '../atomic';
import { defineCommand, EXIT, parseToday, TODAY_OPTION } from '../command';
import { connectSheets } from '../google/auth';
import { countFlag, GOOGLE_OPTIONS, retryFlag, timeoutFlag } from '../google/options';
import { readSheetList, rollupSheets, writeRollupWorkbook } from '../google/rollup';
import { outputPath } from '../paths';

export const ROLLUP_FILES = { workbook: 'rollup.xlsx', page: 'rollup.html' } as const;

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

export const rollup = defineCommand({
  name: 'rollup',
  args: [],
  options: {
    sheets: { type: 'string', value: '<list.txt>', required: true },
    out: { type: 'string', value: '<dir>', required: true },
    today: TODAY_OPTION,
    concurrency: { type: 'string', value: '<n>' },
    stats: { type: 'boolean' },
    ...GOOGLE_OPTIONS,
  },
  async run({ values }) {
    const today = parseToday(values.today);
    const options = {
      today,
      concurrency: countFlag(values, 'concurrency', 4),
      timeoutMs: timeoutFlag(values),
      retry: retryFlag(values),
    };
    // refused before a single sheet is read: the reads are the slow part
    checkOutputFolder(values.out);
    const list = readSheetList(values.sheets);
    const started = performance.now();
    // heap sampled while the roll-up runs: it should stay flat however many trackers there are
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = values.stats
      ? setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20)
      : undefined;
    sampler?.unref();
    const conn = await connectSheets({ keyFile: values.key });
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
    const workbook = outputPath(values.out, ROLLUP_FILES.workbook);
    const page = outputPath(values.out, ROLLUP_FILES.page);
    await writeRollupWorkbook(workbook, entries, today);
    writeFileAtomic(page, renderRollupHtml(entries, today));
    const failed = entries.filter((e) => e.error).length;
    console.log(ROLLUP.done(entries.length - failed, failed));
    console.log(CLI.wrote(workbook));
    console.log(CLI.wrote(page));
    if (values.stats) {
      console.log(
        ROLLUP.stats(readSeconds.toFixed(2), conn.requests(), mb(peakHeap), retained === null ? null : mb(retained)),
      );
    }
    return failed ? EXIT.workbookErrors : EXIT.ok;
  },
});
