// `ita-tracker remind`: the daily reminders offline. Core plans the digests from the workbook and its
// e-mail log and sendReminders (core/app/send-reminders.ts) delivers them through this command's
// notifier (an .eml file in the outbox, or SMTP), then appends what happened to the log tab and saves
// the workbook — so a second run the same day sends nothing.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { runAsync } from '../../core/app/flow';
import { DEFERRED, type Delivery, type EmailMessage, type Notifier, reasonOf, SENT } from '../../core/app/notifier';
import { type SendRemindersResult, sendReminders } from '../../core/app/send-reminders';
import { isEmail } from '../../core/cells';
import type { Clock } from '../../core/clock';
import { lineMonths, lineMonthsText } from '../../core/line';
import { CLI } from '../../core/messages/cli';
import { INPUT_CLI } from '../../core/messages/input-safety';
import { LINE_CLI, LINE_SIM } from '../../core/messages/line';
import { SIMULATE_CLI } from '../../core/messages/reminder-rhythm';
import { REMIND, REMIND_CLI } from '../../core/messages/reminders';
import { SYNC } from '../../core/messages/sync';
import { formatProblem } from '../../core/messages/validation';
import type { EmailLogEntry } from '../../core/model';
import { appendLogValues } from '../../core/reminder-log';
import { simulateReminders, simulationText } from '../../core/reminder-simulation';
import { planReminders } from '../../core/reminders';
import { EMAIL_LOG_TAB } from '../../core/schema';
import { syncBlockers } from '../../core/sync-blockers';
import { daysBetween, formatThaiDate } from '../../core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../../core/workbook';
import { checkOutputFolder, writeFileAtomic } from '../atomic';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, parseToday, TODAY_OPTION, UsageError } from '../command';
import { LIVE_SHEET_OPTIONS } from '../google/options';
import { lineChannelFromEnv } from '../line-http';
import { outputPath, safeSlug } from '../paths';
import { openSource } from '../source';
import { editWorkbookFile, type WorkbookEdit } from '../xlsx-store';

/** Default outbox: out/outbox beside the workbook, so runs from any folder land in one place. */
export const defaultOutbox = (workbookPath: string): string => join(dirname(resolve(workbookPath)), 'out', 'outbox');

/** The digest's .eml in the outbox, named from a slug of its division code (a code may hold "../"). */
function fileName(outbox: string, today: string, m: EmailMessage, used: Set<string>): string {
  const stem = m.divisionCode ? `${today}-${safeSlug(m.divisionCode, 'division')}` : `${today}-executives`;
  let name = `${stem}.eml`;
  for (let i = 2; used.has(name) || existsSync(outputPath(outbox, name)); i++) name = `${stem}-${i}.eml`;
  used.add(name);
  return outputPath(outbox, name);
}

/**
 * SMTP answers a 4xx when it will take the message later (RFC 5321 §4.2.1: 421 closing, 450/451/452
 * mailbox busy, local error, too many recipients): a rate limit or quota, so the digest is deferred.
 */
const transient = (e: unknown): boolean => {
  const code = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 400 && code < 500;
};

/**
 * The notifier port in Node: each e-mail written as an .eml file in the outbox, or sent through SMTP.
 * Neither keeps a count of what it still takes (remaining: null); an SMTP server that answers "later"
 * defers the digest and the rest of the queue. Each outcome is said on the console as it happens.
 */
function emailNotifier(opts: {
  smtp?: string;
  outbox: string;
  today: string;
  fromAddress: string;
}): Notifier<EmailMessage> & { close(): void } {
  const message = (m: EmailMessage) => ({
    from: { name: m.senderName, address: opts.fromAddress },
    to: m.to.join(', '),
    subject: m.subject,
    text: m.text,
    html: m.html,
  });
  const said = async (m: EmailMessage, send: () => Promise<string>): Promise<Delivery> => {
    try {
      console.log(await send());
      return SENT;
    } catch (e) {
      if (transient(e)) {
        console.error(REMIND_CLI.deferredLine(m.subject, reasonOf(e)));
        return DEFERRED;
      }
      console.error(REMIND_CLI.failedLine(m.subject, reasonOf(e)));
      return { kind: 'failed', why: reasonOf(e) };
    }
  };
  if (opts.smtp) {
    if (!/^smtps?:\/\/[^\s]+$/i.test(opts.smtp)) throw new UsageError(REMIND_CLI.badSmtp(opts.smtp));
    const transport = nodemailer.createTransport(opts.smtp);
    return {
      remaining: () => null,
      deliver: (m) =>
        said(m, async () => {
          await transport.sendMail(message(m));
          return REMIND_CLI.sentSmtp(m.subject, m.to.join(', '));
        }),
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const used = new Set<string>();
  return {
    remaining: () => null,
    deliver: (m) =>
      said(m, async () => {
        const info = await transport.sendMail(message(m));
        const path = fileName(opts.outbox, opts.today, m, used);
        writeFileAtomic(path, new Uint8Array(info.message as Buffer));
        return REMIND_CLI.wroteEml(m.subject, m.to.join(', '), path);
      }),
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
    'line-token-file': { type: 'string', value: '<file>' },
    'line-members': { type: 'string', value: '<n>' },
    'line-quota': { type: 'string', value: '<n>' },
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
      const members = values['line-members'];
      const quota = values['line-quota'] ?? '300';
      if (members !== undefined && !/^\d+$/.test(members.trim())) throw new UsageError(LINE_SIM.badMembers(members));
      if (members !== undefined && (Number(members) < 1 || Number(members) > 500))
        throw new UsageError(LINE_SIM.badMembers(members));
      if (!/^\d+$/.test(quota.trim()) || Number(quota) < 1) throw new UsageError(LINE_SIM.badQuota(quota));
      // LINE's month: one push per division digest, counted per member of the group (docs/line.md)
      const months = members === undefined ? null : lineMonths(simulation.sends, () => Number(members), Number(quota));
      if (values.json)
        console.log(JSON.stringify(months ? { ...simulation, lineMonths: months } : simulation, null, 2));
      else
        console.log(
          simulationText(simulation, tracker.divisions, tracker.settings.numerals) +
            (months
              ? `\n${lineMonthsText(months, tracker.divisions, {
                  quota: Number(quota),
                  members: Number(members),
                  style: tracker.settings.numerals,
                })}`
              : ''),
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
    // LINE's token (ITA_LINE_TOKEN or --line-token-file): a file that cannot be read is refused here
    const line = values['dry-run'] ? null : lineChannelFromEnv(values['line-token-file']);

    // a run that sends holds the workbook's lock from reading the log to writing it: another remind (or
    // any writer) waits, then decides from the log as this run left it (src/node/lock.ts)
    if (path && !values['dry-run'] && values.sheet === undefined)
      return editWorkbookFile(path, 'remind', (workbook) => decide(workbook.snapshot, workbook));
    const source = await openSource(path, values);
    if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    return decide(source.snapshot, null);

    async function decide(snapshot: WorkbookSnapshot, workbook: WorkbookEdit | null): Promise<number> {
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
      const clock: Clock = { now: () => new Date(`${today}T${bangkokNow().toISOString().slice(11)}`) };
      // an .xlsx has no web address for a tab: the e-mail names the tab instead of linking it
      const links = { divisionTabUrl: () => '' };
      const day = formatThaiDate(today, tracker.settings.numerals);
      if (values['dry-run']) {
        const plan = planReminders({ today, tracker, log: tracker.emailLog, links, now: clock.now() });
        for (const u of plan.unaddressed) console.error(u);
        if (plan.queue.length === 0) {
          console.log(REMIND.nothingToSend(day));
          return EXIT.ok;
        }
        console.log(REMIND_CLI.dryRun);
        for (const d of plan.queue)
          console.log(
            ['', `${REMIND.to}: ${d.to.join(', ')}`, `${REMIND.subjectLabel}: ${d.subject}`, '', d.text].join('\n'),
          );
        return EXIT.ok;
      }

      const email = emailNotifier({
        smtp: values.smtp,
        outbox,
        today,
        fromAddress: values.from?.trim() ?? tracker.settings.admins.find(isEmail) ?? 'ita-tracker@localhost',
      });
      let logValues = snapshot.tabs[EMAIL_LOG_TAB.name];
      const log = {
        async append(rows: readonly EmailLogEntry[]) {
          if (!workbook) return;
          logValues = appendLogValues(logValues, rows).values;
          // only the log's new rows are written: every other cell of the workbook stays as it was
          workbook.patch({ tabs: { [EMAIL_LOG_TAB.name]: logValues } });
          await workbook.save();
        },
      };
      let result: SendRemindersResult;
      try {
        result = await runAsync(
          sendReminders({ tracker, log: tracker.emailLog, links }, { clock, email, log, ...(line ? { line } : {}) }),
        );
      } finally {
        email.close();
      }
      for (const d of result.deliveries) {
        if (d.line?.sent) console.log(LINE_CLI.pushed(d.digest.subject, d.digest.logDivision));
        else if (d.line) console.log(LINE_CLI.fellBack(d.digest.subject, d.line.why));
      }
      for (const u of result.plan.unaddressed) console.error(u);
      if (result.rows.length === 0) {
        console.log(REMIND.nothingToSend(day));
        return EXIT.ok;
      }
      const unsent = result.plan.unsent.length;
      console.log(REMIND_CLI.summary(result.sent, result.deferred, result.failed + unsent));
      if (result.byLine > 0) console.log(LINE_CLI.summaryByLine(result.byLine));
      // a send that failed: 2 as before; only digests without a valid address: the workbook needs fixing
      return result.failed > 0 ? EXIT.usage : unsent > 0 ? EXIT.workbookErrors : EXIT.ok;
    }
  },
});
