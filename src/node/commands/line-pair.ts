// `ita-tracker line-pair`: a LINE group paired with a division (or the executives) from the command
// line, for an agency without the Apps Script web app (issue 25, docs/line.md). The CLI has no public
// webhook of its own, so there are two ways a user can finish:
// - --listen <port>: a one-time code (core's rule: 6 digits, 30 minutes, single use) and a webhook
//   receiver on 127.0.0.1:<port> that the admin exposes to LINE through a tunnel; the first text
//   message in a group holding the code pairs that group, anything else is ignored. Node can read the
//   X-Line-Signature header, so with the channel secret in ITA_LINE_SECRET a body LINE did not sign is
//   ignored too (the web app cannot check it).
// - --group <id>: a group id the admin already has (the web app's log, another tracker), recorded once
//   LINE confirms the bot is in that group (members count).
// Either way the token is checked first (a quota call; nothing is sent) and the pairing writes the
// one cell core names (pairingWrites), under the workbook's lock.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runAsync } from '../../core/app/flow';
import { type LineChannel, lineMembers, lineQuota } from '../../core/app/line-api';
import { isGroupId, PAIRING_MINUTES, type PendingPairing } from '../../core/line';
import { addPairing, applyWebhook, pairingSubject, pairingWrites, withWrites } from '../../core/line-pairing';
import { CLI } from '../../core/messages/cli';
import { LINE, LINE_CLI, LINE_HEALTH } from '../../core/messages/line';
import { REMIND } from '../../core/messages/reminders';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../../core/schema';
import { parseWorkbook } from '../../core/workbook';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { lineChannelFromEnv } from '../line-http';
import { editWorkbookFile, readWorkbookFile } from '../xlsx-store';

/** A webhook body larger than this is not LINE's (its events are small): dropped unread. */
const MAX_BODY_BYTES = 1 << 20;

/** LINE signs the body: base64 HMAC-SHA256 with the channel secret (Messaging API, "Verify the signature"). */
export function lineSignatureValid(body: string, signature: string | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface PairingListener {
  /** where LINE's webhook reaches it (http://127.0.0.1:<port>/) */
  url: string;
  port: number;
  /** the group and who it pairs, or null when the code expired unused */
  done: Promise<{ groupId: string; divisionCode: string } | null>;
  close(): Promise<void>;
}

/**
 * A webhook receiver for the pending codes: every POST is answered 200 (LINE retries otherwise) and
 * judged by core's rule (applyWebhook); the first that pairs a group ends it, and so does the last
 * code's expiry. With `secret`, a body without LINE's valid signature is ignored before it is read.
 */
export async function listenForPairing(opts: {
  port: number;
  pending: readonly PendingPairing[];
  now: () => number;
  secret?: string;
}): Promise<PairingListener> {
  let pending = [...opts.pending];
  let finish: (v: { groupId: string; divisionCode: string } | null) => void = () => {};
  const done = new Promise<{ groupId: string; divisionCode: string } | null>((resolve) => (finish = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
      if (req.method !== 'POST' || size > MAX_BODY_BYTES) return;
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['x-line-signature'];
      if (opts.secret && !lineSignatureValid(body, typeof signature === 'string' ? signature : undefined, opts.secret))
        return;
      const { paired, pending: left } = applyWebhook(body, pending, opts.now());
      pending = left;
      if (paired) finish(paired);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const latest = Math.max(...opts.pending.map((p) => p.expiresAt));
  const timer = setTimeout(() => finish(null), Math.max(0, latest - opts.now()));
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, port, done, close };
}

export const linePair = defineCommand({
  name: 'line-pair',
  args: ['<workbook.xlsx>'],
  options: {
    division: { type: 'string', value: '<code|name>', required: true },
    listen: { type: 'string', value: '<port>' },
    group: { type: 'string', value: '<id>' },
    'line-token-file': { type: 'string', value: '<file>' },
  },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    if ((values.listen === undefined) === (values.group === undefined)) throw new UsageError(LINE_CLI.pairMode);
    const port = values.listen?.trim();
    if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535))
      throw new UsageError(LINE_CLI.badPort(values.listen ?? ''));
    const group = values.group?.trim();
    if (group !== undefined && !isGroupId(group)) throw new UsageError(LINE_CLI.badGroup(values.group ?? ''));
    const channel = lineChannelFromEnv(values['line-token-file']);
    if (!channel) throw new UsageError(LINE_CLI.pairNoToken);

    const { tracker } = parseWorkbook(await readWorkbookFile(path));
    const subject = pairingSubject(values.division, tracker.divisions);
    if (subject === null) throw new UsageError(LINE.pairingUnknown(values.division.trim()));
    const name =
      subject === '' ? REMIND.executives : (tracker.divisions.find((d) => d.code === subject)?.name ?? subject);

    // the token first, so a wrong one is said now and not after a member has typed the code
    const quota = await runAsync(lineQuota(channel));
    if (!quota.ok) {
      console.error(LINE_HEALTH.failed(quota.why));
      return EXIT.usage;
    }

    if (group !== undefined) {
      const members = await runAsync(lineMembers(channel, group));
      if (!members.ok) {
        console.error(LINE_CLI.notInGroup(members.why));
        return EXIT.usage;
      }
      await record(path, subject, name, group);
      console.log(LINE_CLI.pairedCost(members.value));
      return EXIT.ok;
    }

    const { pairing } = addPairing([], subject, Date.now(), Math.random);
    const secret = process.env.ITA_LINE_SECRET?.trim() || undefined;
    const listener = await listenForPairing({ port: Number(port), pending: [pairing], now: Date.now, secret });
    const stop = () => void listener.close().then(() => process.exit(EXIT.usage));
    process.once('SIGINT', stop);
    try {
      console.log(LINE.pairingInstruction(pairing.code, name, PAIRING_MINUTES));
      console.log(LINE_CLI.listening(listener.url, listener.port));
      console.log(secret ? LINE_CLI.signatureOn : LINE_CLI.signatureOff);
      const paired = await listener.done;
      if (!paired) {
        console.error(LINE_CLI.expired(PAIRING_MINUTES));
        return EXIT.workbookErrors;
      }
      await record(path, subject, name, paired.groupId);
      await saySize(channel, paired.groupId);
      return EXIT.ok;
    } finally {
      process.off('SIGINT', stop);
      await listener.close();
    }
  },
});

/** The pairing written where core says (the division's LINE cell, or the executives' setting). */
async function record(path: string, subject: string, name: string, groupId: string): Promise<void> {
  const spec = subject === '' ? SETTINGS_TAB : DIVISIONS_TAB;
  await editWorkbookFile(path, 'line-pair', (workbook) => {
    const rows = workbook.snapshot.tabs[spec.name];
    const writes = pairingWrites(workbook.snapshot.tabs, subject, groupId);
    if (!rows || !writes) throw new FileError(LINE_CLI.noRow(name, spec.name));
    workbook.patch({ tabs: { [spec.name]: withWrites(rows, writes) } });
  });
  console.log(LINE.paired(name, groupId));
}

/** How many a push into the new group costs, said when LINE answers (the pairing stands either way). */
async function saySize(channel: LineChannel, groupId: string): Promise<void> {
  const members = await runAsync(lineMembers(channel, groupId));
  if (members.ok) console.log(LINE_CLI.pairedCost(members.value));
}
