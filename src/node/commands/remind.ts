// `ita-tracker remind`: the daily reminders offline. Core plans the digests from the workbook and its
// e-mail log; this command writes each as an .eml file (or sends it through SMTP), then appends what
// happened to the log tab and saves the workbook atomically — so a second run the same day sends nothing.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { isEmail } from '../../core/cells';
import { CLI } from '../../core/messages/cli';
import { INPUT_CLI } from '../../core/messages/input-safety';
import { SIMULATE_CLI } from '../../core/messages/reminder-rhythm';
import { REMIND, REMIND_CLI } from '../../core/messages/reminders';
import { SYNC } from '../../core/messages/sync';
import { formatProblem } from '../../core/messages/validation';
import { appendLogValues, logEntry, notSentOutcome, type Outcome } from '../../core/reminder-log';
import { simulateReminders, simulationText } from '../../core/reminder-simulation';
import type { Digest } from '../../core/reminder-types';
import { planReminders } from '../../core/reminders';
import { EMAIL_LOG_TAB } from '../../core/schema';
import { syncBlockers } from '../../core/sync-blockers';
import { daysBetween, formatThaiDate } from '../../core/thai';
import { parseWorkbook } from '../../core/workbook';
import { checkOutputFolder, writeFileAtomic } from '../atomic';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, parseToday, TODAY_OPTION, UsageError } from '../command';
import { LIVE_SHEET_OPTIONS } from '../google/options';
import { outputPath, safeSlug } from '../paths';
import { openSource } from '../source';
import { patchWorkbookFile } from '../xlsx-store';

/** Default outbox: out/outbox beside the workbook, so runs from any folder land in one place. */
export const defaultOutbox = (workbookPath: string): string => join(dirname(resolve(workbookPath)), 'out', 'outbox');

type Sender = (d: Digest) => Promise<{ line: string }>;

/** The digest's .eml in the outbox, named from a slug of its division code (a code may hold "../"). */
function fileName(outbox: string, today: string, d: Digest, used: Set<string>): string {
  const stem = d.divisionCode ? `${today}-${safeSlug(d.divisionCode, 'division')}` : `${today}-executives`;
  let name = `${stem}.eml`;
  for (let i = 2; used.has(name) || existsSync(outputPath(outbox, name)); i++) name = `${stem}-${i}.eml`;
  used.add(name);
  return outputPath(outbox, name);
}

function senders(opts: { smtp?: string; outbox: string; today: string; from: { name: string; address: string } }): {
  send: Sender;
  close(): void;
} {
  const message = (d: Digest) => ({
    from: opts.from,
    to: d.to.join(', '),
    subject: d.subject,
    text: d.text,
    html: d.html,
  });
  if (opts.smtp) {
    if (!/^smtps?:\/\/[^\s]+$/i.test(opts.smtp)) throw new UsageError(REMIND_CLI.badSmtp(opts.smtp));
    const transport = nodemailer.createTransport(opts.smtp);
    return {
      async send(d) {
        await transport.sendMail(message(d));
        return { line: REMIND_CLI.sentSmtp(d.subject, d.to.join(', ')) };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const used = new Set<string>();
  return {
    async send(d) {
      const info = await transport.sendMail(message(d));
      const path = fileName(opts.outbox, opts.today, d, used);
      writeFileAtomic(path, new Uint8Array(info.message as Buffer));
      return { line: REMIND_CLI.wroteEml(d.subject, d.to.join(', '), path) };
    },
    close: () => transport.close(),
  };
}

export const remind = defineCommand({
  name: 'remind',
  args: ['<workbook.xlsx>'],
  options: {
    today: TODAY_OPTION,
    outbox: { type: 'string', value: '<dir>' },
    smtp: { type: 'string', value: '<url>' },
    from: { type: 'string', value: '<email>' },
    'dry-run': { type: 'boolean' },
    simulate: { type: 'string', value: '<from> <to>' },
    json: { type: 'boolean' },
    ...LIVE_SHEET_OPTIONS,
  },
  optionArgs: (values) => (values.simulate !== undefined ? 1 : 0),
  async run({ positionals: [path, until], values }) {
    if (values.simulate !== undefined) {
      if (until === undefined) throw new UsageError(SIMULATE_CLI.missingTo);
      const from = parseToday(values.simulate);
      const to = parseToday(until);
      if (daysBetween(from, to) < 0 || daysBetween(from, to) > 3 * 366)
        throw new UsageError(SIMULATE_CLI.badRange(from, to));
      const source = await openSource(path, values);
      if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
      const { tracker } = parseWorkbook(source.snapshot);
      const simulation = simulateReminders({ tracker, from, to });
      console.log(
        values.json
          ? JSON.stringify(simulation, null, 2)
          : simulationText(simulation, tracker.divisions, tracker.settings.numerals),
      );
      return EXIT.ok;
    }
    // a live sheet is read-only here: nothing would record what was sent, so only a dry run
    if (values.sheet !== undefined && !values['dry-run']) throw new UsageError(REMIND_CLI.sheetNeedsDryRun);
    const today = parseToday(values.today);
    // the sender is checked before anything is read or sent: "ฝ่ายธุรการ" is not an address
    if (values.from !== undefined && !isEmail(values.from.trim())) throw new UsageError(INPUT_CLI.badFrom(values.from));
    const outbox = values.outbox !== undefined ? resolve(values.outbox) : defaultOutbox(path ?? '');
    // a file where the .eml files should go: refused before anything is sent
    if (path && !values['dry-run'] && values.smtp === undefined) checkOutputFolder(outbox);

    const source = await openSource(path, values);
    if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const snapshot = source.snapshot;
    const parsed = parseWorkbook(snapshot);
    const { tracker } = parsed;
    // a workbook sync would refuse (a renamed header, a tab missing…) would send wrong reminders
    const unsafe = syncBlockers(parsed, snapshot);
    if (unsafe.length) {
      console.error(SYNC.remindRefused);
      for (const p of unsafe) console.error(formatProblem(p));
      return EXIT.workbookErrors;
    }
    // the log's sent-at is on the day the run acts for: the rhythm counts a recipient's e-mails by
    // those dates, so a run with --today is logged on that day (at the wall clock's time)
    const clock = bangkokNow();
    const now = new Date(`${today}T${clock.toISOString().slice(11)}`);
    // an .xlsx has no web address for a tab: the e-mail names the tab instead of linking it
    const plan = planReminders({ today, tracker, log: tracker.emailLog, links: { divisionTabUrl: () => '' }, now });
    for (const u of plan.unaddressed) console.error(u);
    const day = formatThaiDate(today, tracker.settings.numerals);
    if (plan.queue.length === 0 && (plan.unsent.length === 0 || values['dry-run'])) {
      console.log(REMIND.nothingToSend(day));
      return EXIT.ok;
    }
    if (values['dry-run']) {
      console.log(REMIND_CLI.dryRun);
      for (const d of plan.queue)
        console.log(
          ['', `${REMIND.to}: ${d.to.join(', ')}`, `${REMIND.subjectLabel}: ${d.subject}`, '', d.text].join('\n'),
        );
      return EXIT.ok;
    }

    const from = {
      name: REMIND.senderName(tracker.settings.agencyName),
      address: values.from?.trim() ?? tracker.settings.admins.find(isEmail) ?? 'ita-tracker@localhost',
    };
    const { send, close } = senders({
      smtp: values.smtp,
      outbox,
      today,
      from,
    });
    const rows = [];
    let failed = 0;
    try {
      for (const d of plan.queue) {
        let outcome: Outcome;
        try {
          console.log((await send(d)).line);
          outcome = { kind: 'sent' };
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          console.error(REMIND_CLI.failedLine(d.subject, why));
          outcome = { kind: 'failed', why };
          failed++;
        }
        rows.push(logEntry(d, outcome, now));
      }
    } finally {
      close();
    }
    // due but with no valid address: not sent, logged as not sent so the next run tries again
    for (const d of plan.unsent) rows.push(logEntry(d, notSentOutcome, now));
    snapshot.tabs[EMAIL_LOG_TAB.name] = appendLogValues(snapshot.tabs[EMAIL_LOG_TAB.name], rows).values;
    // only the log's new rows are written: every other cell of the workbook stays as it was
    await patchWorkbookFile(path, snapshot);
    console.log(REMIND_CLI.summary(rows.length - failed - plan.unsent.length, failed + plan.unsent.length));
    // a send that failed: 2 as before; only digests without a valid address: the workbook needs fixing
    return failed > 0 ? EXIT.usage : plan.unsent.length > 0 ? EXIT.workbookErrors : EXIT.ok;
  },
});
