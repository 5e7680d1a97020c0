// LINE groups behind e-mail (issue 25), the parts that are pure: the digest shortened for a phone
// within the Messaging API's limits, whether a push fits the month's quota (counted per recipient:
// one push into a group of 10 = 10 messages), and pairing a group by a one-time code seen in a
// webhook event. The adapters (UrlFetchApp, Node's fetch) and the routing in sendReminders build on it.
import { LINE, LINE_SIM } from './messages/line';
import { REMIND } from './messages/reminders';
import type { Division } from './model';
import { ADMINS_CODE, type ReminderItem } from './reminder-types';
import { type Numerals, numerals, THAI_MONTHS, toBE } from './thai';

/** POST /v2/bot/message/push: at most 5 message objects, a text message at most 5,000 characters. */
export const LINE_LIMITS = { messages: 5, textChars: 5000 } as const;

export interface LineTextMessage {
  type: 'text';
  text: string;
}

/**
 * One division's digest for its LINE group: what is overdue, what is due this week (within `weekDays`
 * days), and where to type the status; one text message, cut to LINE's length with "…and N more".
 */
export function lineDigest(opts: {
  divisionName: string;
  items: readonly ReminderItem[];
  url: string;
  n: (x: number | string) => string;
  weekDays?: number;
  /** the first line (default: the division's heading) */
  heading?: string;
  /** the last line (default: where to type the status, with the link) */
  tail?: string;
  /** how an item is named (default: its key) */
  label?: (i: ReminderItem) => string;
}): LineTextMessage[] {
  const { n } = opts;
  const weekDays = opts.weekDays ?? 7;
  const when = (i: ReminderItem) =>
    i.daysLeft > 0
      ? REMIND.daysLeft(n(i.daysLeft))
      : i.daysLeft === 0
        ? REMIND.dueToday
        : REMIND.daysLate(n(-i.daysLeft));
  const line = (i: ReminderItem) => LINE.item(opts.label ? opts.label(i) : i.entry.key, when(i));
  const overdue = opts.items.filter((i) => i.daysLeft < 0);
  const soon = opts.items.filter((i) => i.daysLeft >= 0 && i.daysLeft <= weekDays);
  const head = [opts.heading ?? LINE.heading(opts.divisionName)];
  const tail = [
    '',
    opts.tail ?? (opts.url ? `${LINE.openTab(opts.divisionName)}: ${opts.url}` : LINE.openTab(opts.divisionName)),
  ];
  const body: string[] = [];
  if (overdue.length) body.push('', LINE.overdue(n(overdue.length)), ...overdue.map(line));
  if (soon.length) body.push('', LINE.dueThisWeek(n(soon.length)), ...soon.map(line));
  const listed = body.filter((l) => l.startsWith('- ')).length;
  const fits = (lines: string[]) => lines.join('\n').length <= LINE_LIMITS.textChars;
  let kept = body;
  // drop item lines from the end until the text fits, saying how many were left out
  while (!fits([...head, ...kept, LINE.more(n(listed)), ...tail]) && kept.length > 0) kept = kept.slice(0, -1);
  const left = listed - kept.filter((l) => l.startsWith('- ')).length;
  const text = [...head, ...kept, ...(left > 0 ? [LINE.more(n(left))] : []), ...tail].join('\n');
  return [{ type: 'text', text }];
}

/** Where the month stands: GET /v2/bot/message/quota (limit; null = "none", no limit) and …/consumption. */
export interface LineQuota {
  limit: number | null;
  used: number;
}

/** Whether one push into a group of `members` fits what is left this month; the Thai verdict for the log. */
export function pushFits(quota: LineQuota, members: number): { fits: boolean; left: number | null; why: string } {
  if (quota.limit === null) return { fits: true, left: null, why: LINE.unlimited(members) };
  const left = Math.max(0, quota.limit - quota.used);
  return members <= left
    ? { fits: true, left: left - members, why: LINE.fits(members, left - members) }
    : { fits: false, left, why: LINE.noRoom(members, left) };
}

// ---------------------------------------------------------------- pairing

export const PAIRING_MINUTES = 30;

/** A LINE group id as the webhook gives it: "C" and 32 hex digits. */
export const isGroupId = (s: string): boolean => /^C[0-9a-f]{32}$/.test(s.trim());

export interface PendingPairing {
  code: string;
  /** division code, '' for the executives */
  divisionCode: string;
  /** ms since the epoch */
  expiresAt: number;
}

/** A fresh code: 6 digits from the given random source (Math.random in production, seeded in tests). */
export function newPairing(divisionCode: string, nowMs: number, random: () => number): PendingPairing {
  const code = String(Math.floor(random() * 900_000) + 100_000);
  return { code, divisionCode, expiresAt: nowMs + PAIRING_MINUTES * 60_000 };
}

/**
 * The pairing a webhook body proves, or null. Only a text message event from a group, whose text is a
 * pending code that has not expired, pairs that group; any other body (junk, no events, a wrong or
 * expired code, a code typed in a one-to-one chat) is ignored and never throws. Single use: the
 * caller removes the code it gets back.
 */
export function pairingFrom(
  body: string,
  pending: readonly PendingPairing[],
  nowMs: number,
): { groupId: string; pairing: PendingPairing } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const events = (parsed as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return null;
  for (const e of events) {
    const ev = e as {
      type?: unknown;
      message?: { type?: unknown; text?: unknown };
      source?: { type?: unknown; groupId?: unknown };
    } | null;
    if (ev?.type !== 'message' || ev.message?.type !== 'text' || typeof ev.message.text !== 'string') continue;
    if (ev.source?.type !== 'group' || typeof ev.source.groupId !== 'string' || !isGroupId(ev.source.groupId)) continue;
    const typed = ev.message.text.trim();
    const hit = pending.find((p) => p.code === typed && p.expiresAt > nowMs);
    if (hit) return { groupId: ev.source.groupId, pairing: hit };
  }
  return null;
}

// ---------------------------------------------------------------- the month, simulated

/** LINE messages one division's pushes would cost per month ("YYYY-MM"), with `members` in its group. */
export interface LineMonth {
  month: string;
  /** division code → messages (pushes × members) */
  byDivision: Record<string, number>;
  total: number;
  /** the total is above the month's quota */
  overflow: boolean;
}

/**
 * The simulation's division digests as LINE pushes: one push per digest, counted per recipient, per
 * calendar month (the quota resets on the 1st). The executives and the admins' ITA calendar stay on e-mail here.
 */
export function lineMonths(
  sends: readonly { date: string; divisionCode: string }[],
  members: (divisionCode: string) => number,
  quota: number,
): LineMonth[] {
  const months = new Map<string, LineMonth>();
  for (const s of sends) {
    if (s.divisionCode === '' || s.divisionCode === ADMINS_CODE) continue;
    const month = s.date.slice(0, 7);
    const m = months.get(month) ?? { month, byDivision: {}, total: 0, overflow: false };
    const cost = members(s.divisionCode);
    m.byDivision[s.divisionCode] = (m.byDivision[s.divisionCode] ?? 0) + cost;
    m.total += cost;
    m.overflow = m.total > quota;
    months.set(month, m);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The divisions to move to e-mail in an overflowing month, largest first, until the rest fits the
 * quota (what a warning suggests).
 */
export function largestToEmail(month: LineMonth, quota: number): string[] {
  const out: string[] = [];
  let total = month.total;
  for (const [code, cost] of Object.entries(month.byDivision).sort((a, b) => b[1] - a[1])) {
    if (total <= quota) break;
    out.push(code);
    total -= cost;
  }
  return out;
}

/** `remind --simulate --line-members N`: LINE messages per month per division against the quota, and the warnings. */
export function lineMonthsText(
  months: readonly LineMonth[],
  divisions: readonly Pick<Division, 'code' | 'name'>[],
  opts: { quota: number; members: number; style: Numerals },
): string {
  const name = (code: string) => divisions.find((d) => d.code === code)?.name ?? code;
  const monthName = (ym: string) =>
    numerals(`${THAI_MONTHS[Number(ym.slice(5, 7)) - 1]} ${toBE(Number(ym.slice(0, 4)))}`, opts.style);
  const lines = ['', LINE_SIM.heading(opts.members, opts.quota)];
  for (const m of months)
    lines.push(
      LINE_SIM.month(
        monthName(m.month),
        m.total,
        opts.quota,
        Object.entries(m.byDivision)
          .sort((a, b) => b[1] - a[1])
          .map(([code, c]) => `${name(code)} ${c}`)
          .join(', '),
        m.overflow,
      ),
    );
  const over = months.filter((m) => m.overflow);
  if (over.length === 0) {
    const peak = months.reduce<LineMonth | null>((a, m) => (a && a.total >= m.total ? a : m), null);
    lines.push(LINE_SIM.fits(peak ? monthName(peak.month) : '-', peak?.total ?? 0, opts.quota));
  }
  for (const m of over)
    lines.push(
      LINE_SIM.overflow(monthName(m.month), m.total, opts.quota, largestToEmail(m, opts.quota).map(name).join(', ')),
    );
  return lines.join('\n');
}
