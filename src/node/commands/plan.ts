// `ita-tracker plan <workbook> --out <dir> [--pdf]` and `ita-tracker memo <workbook> --out <dir>
// [--round 6|12|plan] [--date YYYY-MM-DD] [--pdf]`: the plan and the memo through the one use case every
// runtime runs (src/core/app/documents.ts): validate, build the document model in core, write it through
// the one .docx writer and the one HTML writer (+ PDF through LibreOffice), record it in the workbook's
// ทะเบียนรายงาน. Nothing is written when the workbook has blocking errors, the memo has no executive to
// address, or the document it proposes was not generated yet.
import { readFileSync } from 'node:fs';
import { MEMO_KIND, PLAN_KIND } from '../../core/app/document-kinds';
import { imageKind } from '../../core/image-kind';
import type { MemoSubject } from '../../core/memo';
import { CLI } from '../../core/messages/cli';
import { PLAN_CLI } from '../../core/messages/plan';
import { REPORT_CLI } from '../../core/messages/report';
import { type ParsedWorkbook, parseWorkbook } from '../../core/workbook';
import { checkOutputFolder } from '../atomic';
import { defineCommand, EXIT, FileError, parseDateOption, UsageError } from '../command';
import { printDocumentRun, runDocument } from '../document-command';
import { findSoffice } from '../pdf';
import { openSource } from '../source';

/** --round of memo: 6, 12 or plan; default the settings' current round. */
export function parseMemoSubject(value: string | undefined, parsed: ParsedWorkbook): MemoSubject {
  if (value === undefined) return { kind: 'report', round: parsed.tracker.settings.currentRound };
  if (value === 'plan') return { kind: 'plan' };
  if (value === '6' || value === '12') return { kind: 'report', round: Number(value) as 6 | 12 };
  throw new UsageError(PLAN_CLI.badMemoRound(value));
}

/** --date (see parseDateOption). */
export const parseMemoDate = (value: string | undefined): string => parseDateOption(value, PLAN_CLI.badDate);

async function readChecked(path: string | undefined, out: string, pdf: boolean | undefined) {
  checkOutputFolder(out);
  if (pdf && !findSoffice()) {
    console.error(REPORT_CLI.pdfMissing);
    return null;
  }
  const source = await openSource(path, {}, { keep: true });
  if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  return { snapshot: source.snapshot, kept: source.kept, parsed: parseWorkbook(source.snapshot), path: path as string };
}

export const plan = defineCommand({
  name: 'plan',
  args: ['<workbook.xlsx>'],
  options: {
    out: { type: 'string', value: '<dir>', required: true },
    pdf: { type: 'boolean' },
  },
  async run({ positionals: [path], values }) {
    const read = await readChecked(path, values.out, values.pdf);
    if (!read) return EXIT.usage;
    // through the one use case (src/core/app/documents.ts), recorded in the workbook's ทะเบียนรายงาน
    const run = await runDocument(
      PLAN_KIND,
      { kind: PLAN_KIND.name },
      {
        snapshot: read.snapshot,
        out: values.out,
        pdf: values.pdf ? 'require' : 'off',
        workbook: read.path,
        kept: read.kept,
        command: 'plan',
      },
    );
    if (run.code !== EXIT.ok) return run.code;
    printDocumentRun(run);
    console.log(REPORT_CLI.recorded(read.path));
    return EXIT.ok;
  },
});

const GARUDA_ID = 'garuda-file';

/** --garuda: the image's bytes, judged by content (a PNG or a JPEG), refused in Thai otherwise. */
function readGaruda(path: string): Uint8Array {
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(path));
  } catch {
    throw new FileError(PLAN_CLI.garudaUnreadable(path));
  }
  if (!imageKind(data)) throw new FileError(PLAN_CLI.garudaNotImage(path));
  return data;
}

export const memo = defineCommand({
  name: 'memo',
  args: ['<workbook.xlsx>'],
  options: {
    out: { type: 'string', value: '<dir>', required: true },
    round: { type: 'string', value: '6|12|plan' },
    date: { type: 'string', value: 'YYYY-MM-DD' },
    garuda: { type: 'string', value: '<file.png>' },
    pdf: { type: 'boolean' },
  },
  async run({ positionals: [path], values }) {
    const date = parseMemoDate(values.date);
    const garuda = values.garuda === undefined ? null : readGaruda(values.garuda);
    if (values.round !== undefined && !['6', '12', 'plan'].includes(values.round))
      throw new UsageError(PLAN_CLI.badMemoRound(values.round));
    const read = await readChecked(path, values.out, values.pdf);
    if (!read) return EXIT.usage;
    const subject = parseMemoSubject(values.round, read.parsed);
    // a round's memo is judged by its report's inputs (a closed round: the snapshot's); its link and
    // the status เสนอแล้ว go on the proposed document's row of ทะเบียนรายงาน
    const image = garuda ? { garudaImageId: GARUDA_ID } : {};
    const request =
      subject.kind === 'plan'
        ? { kind: MEMO_KIND.name, subject: 'plan' as const, date, ...image }
        : { kind: MEMO_KIND.name, subject: 'report' as const, round: subject.round, date, ...image };
    const run = await runDocument(MEMO_KIND, request, {
      snapshot: read.snapshot,
      out: values.out,
      pdf: values.pdf ? 'require' : 'off',
      workbook: read.path,
      kept: read.kept,
      command: 'memo',
      ...(garuda ? { images: new Map([[GARUDA_ID, garuda]]) } : {}),
    });
    if (run.code !== EXIT.ok) return run.code;
    printDocumentRun(run);
    console.log(REPORT_CLI.recorded(read.path));
    return EXIT.ok;
  },
});
