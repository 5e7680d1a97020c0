// The reminder schedule (DESIGN §7), pure: given today, the tracker and the e-mail log, which
// digests go out and what to log. Both runtimes call planReminders and only move the messages
// (MailApp in Apps Script; .eml files or SMTP in Node) and append the log rows it returns.
//
// The rhythm (issue 12, docs/reminders.md) is decided from the e-mail log alone: which days a
// recipient got a message and which items ("key@stage" tokens) it listed. So a run after missed days
// sends one catch-up, and a second run on the same day sends nothing. Working days come from the one
// calendar in core (src/core/working-days.ts).
import { type Cell, escapeHtml, isBlank, isEmail, wallDateTime } from './cells';
import { cellRef, INPUT, REMIND, RHYTHM, SETTING_LABEL, STATUS_LABEL, TAB } from './messages';
import type { Division, DivisionEntry, EmailLogEntry, Tracker } from './model';
import { type RowObject, rowOf } from './rows';
import { EMAIL_LOG_TAB, headersOf } from './schema';
import { addDays, daysBetween, formatThaiDate, type Numerals, numerals } from './thai';
import { matchDivision, readTable } from './workbook';
import { mondayOf, workingCalendar } from './working-days';

export type StageKind = 'before' | 'due' | 'overdue';

export interface Stage {
  /** stable id written in the log: "d-7", "d0", "d+14" */
  id: string;
  kind: StageKind;
  /** days from the due date to the stage's date (negative before) */
  offset: number;
  date: string;
}

export interface ReminderItem {
  entry: DivisionEntry;
  /** the entry's due date, or the round's when the entry has none */
  due: string;
  /** due - today: negative when late */
  daysLeft: number;
  stage: Stage;
}

export interface Digest {
  kind: 'division' | 'escalation';
  /** '' for the executives' summary */
  divisionCode: string;
  /** what the log's division column says */
  logDivision: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** overdue items first (most late first), then due soon (soonest first) */
  items: ReminderItem[];
  /** holds an overdue item: goes first when the quota is short */
  overdue: boolean;
  /** "key@stage" (division digest) or "CODE:key@stage" (escalation) tokens for the log */
  tokens: string[];
  /** the log's stage column */
  stageText: string;
}

export interface ReminderLinks {
  /** a link that opens the division's tab */
  divisionTabUrl(divisionCode: string): string;
}

export interface ReminderInput {
  /** ISO date, Asia/Bangkok */
  today: string;
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'measures' | 'entries'> & Partial<Pick<Tracker, 'holidays'>>;
  log: readonly EmailLogEntry[];
  links: ReminderLinks;
  /** when the run happens ("wall clock as UTC"); the log's sent-at. Default: today 00:00. */
  now?: Date;
}

export interface ReminderPlan {
  today: string;
  /** one per division with something to send, overdue digests first */
  digests: Digest[];
  escalation: Digest | null;
  /** every message in sending order: overdue division digests, the escalation, then the rest */
  queue: Digest[];
  /** log rows as if everything in the queue were sent (adapters log the real outcome with logEntry) */
  logRows: EmailLogEntry[];
  /** divisions with reminders due but nobody to send them to (Thai messages) */
  unaddressed: string[];
  /**
   * Digests due but with no valid address to send to: not sent, and logged as not sent (adapters log
   * them with notSentOutcome) so the log shows them and the next run tries again.
   */
  unsent: Digest[];
}

/** How an unsent digest is logged: a failure, so it is not counted as sent and is retried. */
export const notSentOutcome: Outcome = { kind: 'failed', why: INPUT.notSentNoAddress };

export type Outcome = { kind: 'sent' } | { kind: 'deferred' } | { kind: 'failed'; why: string };

// ---------------------------------------------------------------- stages

export const stageId = (offset: number): string => (offset === 0 ? 'd0' : offset < 0 ? `d${offset}` : `d+${offset}`);

// ---------------------------------------------------------------- the log

const SENT = new Set<string>([REMIND.outcome.sent, 'sent']);
export const wasSent = (e: Pick<EmailLogEntry, 'outcome'>): boolean => SENT.has(e.outcome.trim());

const tokensOf = (items: string): string[] => items.split(/[\s,]+/).filter((t) => t !== '');

export const itemToken = (item: ReminderItem): string => `${item.entry.key}@${item.stage.id}`;
export const escalationToken = (item: ReminderItem): string => `${item.entry.divisionCode}:${itemToken(item)}`;

// ---------------------------------------------------------------- wording

interface Wording {
  n: (x: number | string) => string;
  date: (iso: string) => string;
}

const wordingFor = (style: Numerals): Wording => ({
  n: (x) => numerals(x, style),
  date: (iso) => formatThaiDate(iso, style),
});

const when = (item: ReminderItem, w: Wording): string =>
  item.daysLeft > 0
    ? REMIND.daysLeft(w.n(item.daysLeft))
    : item.daysLeft === 0
      ? REMIND.dueToday
      : REMIND.daysLate(w.n(-item.daysLeft));

const stageText = (s: Stage, w: Wording): string =>
  s.kind === 'before'
    ? REMIND.stageLabel.before(w.n(-s.offset))
    : s.kind === 'due'
      ? REMIND.stageLabel.due
      : REMIND.stageLabel.overdue(w.n(s.offset));

interface ItemView {
  measure: string;
  taskLabel: string;
  task: string[];
  due: string;
  status: string;
}

function itemView(item: ReminderItem, tracker: ReminderInput['tracker'], w: Wording): ItemView {
  const e = item.entry;
  const measure = tracker.measures.find((m) => m.id === e.measureId);
  return {
    measure: REMIND.measure(e.measureId || e.key, e.area || measure?.area || '', e.issue || measure?.issue || ''),
    taskLabel: e.kind === 'milestone' ? REMIND.milestoneTask(e.key) : REMIND.task,
    task: e.task
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    due: `${w.date(item.due)} (${when(item, w)})`,
    status: STATUS_LABEL[e.status],
  };
}

const textItem = (i: number, v: ItemView, w: Wording): string[] => [
  `${w.n(i)}. ${v.measure}`,
  ...(v.task.length ? [`   ${v.taskLabel}: ${v.task[0]}`, ...v.task.slice(1).map((l) => `      ${l}`)] : []),
  `   ${REMIND.due}: ${v.due}`,
  `   ${REMIND.status}: ${v.status}`,
];

const htmlItem = (v: ItemView): string =>
  `<li><b>${escapeHtml(v.measure)}</b><br>` +
  (v.task.length ? `${escapeHtml(v.taskLabel)}: ${v.task.map(escapeHtml).join('<br>')}<br>` : '') +
  `${escapeHtml(REMIND.due)}: ${escapeHtml(v.due)}<br>${escapeHtml(REMIND.status)}: ${escapeHtml(v.status)}</li>`;

const htmlLink = (url: string, label: string): string =>
  url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);

const htmlPage = (body: string): string =>
  `<div style="font-family:Sarabun,Tahoma,sans-serif;font-size:15px;line-height:1.6">${body}</div>`;

interface Section {
  heading: string;
  items: ReminderItem[];
}

function sectionsFor(items: ReminderItem[], w: Wording): Section[] {
  const overdue = items.filter((i) => i.daysLeft < 0);
  const soon = items.filter((i) => i.daysLeft >= 0);
  const out: Section[] = [];
  if (overdue.length) out.push({ heading: REMIND.overdueHeading(w.n(overdue.length)), items: overdue });
  if (soon.length) out.push({ heading: REMIND.dueSoonHeading(w.n(soon.length)), items: soon });
  return out;
}

/** A numbered list in the agency's numerals (CSS counter style "thai": ๑. ๒. …), as in the plain text. */
const olOpen = (style: 'thai' | 'arabic'): string => (style === 'thai' ? '<ol style="list-style-type: thai">' : '<ol>');

/** Overdue first (most late first), then due soon (soonest first); ties in tab order. */
const byUrgency = (a: ReminderItem, b: ReminderItem): number => a.daysLeft - b.daysLeft;

function divisionDigest(
  division: Division,
  items: ReminderItem[],
  to: string[],
  input: ReminderInput,
  w: Wording,
): Digest {
  const { settings } = input.tracker;
  const overdue = items.filter((i) => i.daysLeft < 0).length;
  const soon = items.length - overdue;
  const subject = REMIND.subject(division.name, overdue ? w.n(overdue) : null, soon ? w.n(soon) : null);
  const greeting = REMIND.greeting(division.head || division.name);
  const intro = REMIND.intro(settings.agencyName, w.n(settings.fiscalYear), division.name);
  const url = input.links.divisionTabUrl(division.code);
  const link = REMIND.link(division.name);
  const sections = sectionsFor(items, w);
  const text: string[] = [greeting, '', intro];
  let html = `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>`;
  for (const s of sections) {
    text.push('', s.heading);
    s.items.forEach((it, i) => {
      text.push(...textItem(i + 1, itemView(it, input.tracker, w), w));
    });
    html += `<h3>${escapeHtml(s.heading)}</h3>${olOpen(settings.numerals)}${s.items.map((it) => htmlItem(itemView(it, input.tracker, w))).join('')}</ol>`;
  }
  text.push('', url ? `${link}: ${url}` : link, '', REMIND.footer);
  html += `<p>${escapeHtml(link)}${url ? `: ${htmlLink(url, REMIND.openTab(division.name))}` : ''}</p><p style="color:#666">${escapeHtml(REMIND.footer)}</p>`;
  const stages = [...new Map(items.map((i) => [i.stage.id, i.stage])).values()].sort((a, b) => b.offset - a.offset);
  return {
    kind: 'division',
    divisionCode: division.code,
    logDivision: division.name,
    to,
    subject,
    text: text.join('\n'),
    html: htmlPage(html),
    items,
    overdue: overdue > 0,
    tokens: items.map(itemToken),
    stageText: stages.map((s) => stageText(s, w)).join(', '),
  };
}

/** How many of the oldest overdue items the executives' summary lists by name. */
export const OLDEST_LISTED = 10;

/**
 * The executives' summary (weekly, or the day a round's report is due): counts by division, then the
 * oldest overdue items. `open` is every not-done item with a due date; `overdue` those already late.
 */
function executiveSummary(
  kind: { round: number | null },
  open: ReminderItem[],
  input: ReminderInput,
  w: Wording,
  to: string[],
): Digest {
  const { settings, divisions } = input.tracker;
  const overdue = open.filter((i) => i.daysLeft < 0).sort(byUrgency);
  const groups = divisions
    .map((d) => ({
      d,
      open: open.filter((i) => i.entry.divisionCode === d.code).length,
      overdue: overdue.filter((i) => i.entry.divisionCode === d.code).length,
    }))
    .filter((g) => g.open > 0);
  const oldest = overdue.slice(0, OLDEST_LISTED);
  const subject =
    kind.round !== null
      ? RHYTHM.roundSubject(w.n(kind.round), w.n(open.length))
      : RHYTHM.weeklySubject(w.n(overdue.length), w.n(groups.filter((g) => g.overdue > 0).length));
  const greeting = REMIND.greeting(`${REMIND.executives}${settings.agencyName}`);
  const intro =
    kind.round !== null
      ? RHYTHM.roundIntro(settings.agencyName, w.n(settings.fiscalYear), w.n(kind.round), w.date(input.today))
      : RHYTHM.weeklyIntro(settings.agencyName, w.n(settings.fiscalYear));
  const text: string[] = [greeting, '', intro, '', RHYTHM.countsHeading];
  let html = `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><h3>${escapeHtml(RHYTHM.countsHeading)}</h3><ul>`;
  for (const g of groups) {
    const line = RHYTHM.countLine(g.d.name, w.n(g.overdue), w.n(g.open));
    const url = input.links.divisionTabUrl(g.d.code);
    text.push(`- ${line}${url ? ` ${url}` : ''}`);
    html += `<li>${url ? htmlLink(url, line) : escapeHtml(line)}</li>`;
  }
  html += '</ul>';
  if (oldest.length) {
    const heading = RHYTHM.oldestHeading(w.n(oldest.length));
    text.push('', heading);
    oldest.forEach((it, i) => {
      text.push(...textItem(i + 1, itemView(it, input.tracker, w), w));
      text.push(`   ${RHYTHM.division(divisionName(divisions, it.entry.divisionCode))}`);
    });
    html += `<h3>${escapeHtml(heading)}</h3>${olOpen(settings.numerals)}${oldest
      .map((it) =>
        htmlItem(itemView(it, input.tracker, w)).replace(
          '</li>',
          `<br>${escapeHtml(RHYTHM.division(divisionName(divisions, it.entry.divisionCode)))}</li>`,
        ),
      )
      .join('')}</ol>`;
  }
  text.push('', RHYTHM.footer);
  html += `<p style="color:#666">${escapeHtml(RHYTHM.footer)}</p>`;
  const tag = kind.round !== null ? [`round${kind.round}@${input.today}`] : [`week@${input.today}`];
  return {
    kind: 'escalation',
    divisionCode: '',
    logDivision: REMIND.executives,
    to,
    subject,
    text: text.join('\n'),
    html: htmlPage(html),
    items: oldest,
    overdue: overdue.length > 0,
    tokens: [...tag, ...oldest.map(escalationToken)],
    stageText: kind.round !== null ? RHYTHM.roundStage(w.n(kind.round)) : RHYTHM.weeklyStage,
  };
}

const divisionName = (divisions: readonly Division[], code: string): string =>
  divisions.find((d) => d.code === code)?.name ?? code;

// ---------------------------------------------------------------- the plan

/** What the log says was sent: per recipient (division code, '' = executives), the dates and tokens. */
interface Sent {
  dates: string[];
  /** entry key → dates a sent message listed it */
  keys: Map<string, string[]>;
}

function sentHistory(log: readonly EmailLogEntry[], divisions: readonly Division[]): Map<string, Sent> {
  const out = new Map<string, Sent>();
  for (const e of log) {
    if (!wasSent(e)) continue;
    const date = e.sentAt.trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const who = e.divisionCode.trim();
    const code = who === REMIND.executives ? '' : (matchDivision(who, divisions) ?? who);
    const sent = out.get(code) ?? { dates: [], keys: new Map<string, string[]>() };
    sent.dates.push(date);
    for (const t of tokensOf(e.items)) {
      const key = t.slice(t.indexOf(':') + 1).split('@')[0];
      sent.keys.set(key, [...(sent.keys.get(key) ?? []), date]);
    }
    out.set(code, sent);
  }
  return out;
}

const NOTHING_SENT: Sent = { dates: [], keys: new Map() };
const onOrAfter = (dates: readonly string[], from: string, to?: string): number =>
  dates.filter((d) => d >= from && (to === undefined || d <= to)).length;

/** At most this many e-mails a week to one division, and one to the executives (issue 12). */
export const DIVISION_WEEKLY_MAX = 2;

/** The stage of an item on `today`, relative to its (working-day) due date. */
function stageOf(due: string, today: string): Stage {
  const offset = daysBetween(due, today);
  return { id: stageId(offset), kind: offset < 0 ? 'before' : offset === 0 ? 'due' : 'overdue', offset, date: today };
}

/**
 * What goes out today, to whom, and the log rows that record it (docs/reminders.md):
 * nothing on a Saturday, Sunday or holiday; per division at most one digest a day and two a week: the
 * weekly digest on its weekday (everything overdue and everything due within dueSoonDays), and between
 * weekly digests only when an item due before the next one has not been mentioned since 7 days before
 * its due date; the executives at most one summary a week: the weekly one when something is overdue,
 * or, in the week a round's report is due, the round summary on that day.
 */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today, tracker } = input;
  const { settings } = tracker;
  const now = input.now ?? new Date(`${today}T00:00:00Z`);
  const calendar = workingCalendar(tracker.holidays ?? []);
  if (!calendar.isWorkingDay(today))
    return { today, digests: [], escalation: null, queue: [], logRows: [], unaddressed: [], unsent: [] };
  const w = wordingFor(settings.numerals);
  const roundDue = settings.roundDue[settings.currentRound];
  const history = sentHistory(input.log, tracker.divisions);
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const digests: Digest[] = [];
  const open: ReminderItem[] = [];
  const unaddressed: string[] = [];
  const unsent: Digest[] = [];
  const seen = new Set<string>();
  for (const division of tracker.divisions) {
    if (!division.code || seen.has(division.code)) continue;
    seen.add(division.code);
    const sent = history.get(division.code) ?? NOTHING_SENT;
    const thisWeek = calendar.weeklyDay(monday, settings.divisionDigestDay);
    // the weekly digest goes on its day, or on a later run that week when that day's run did not send
    // it (missed, deferred, failed) — but only for what it would have listed on its day
    let weeklyDue = false;
    const nextWeekly =
      thisWeek !== null && today < thisWeek
        ? thisWeek
        : calendar.weeklyDay(addDays(monday, 7), settings.divisionDigestDay);
    const items: ReminderItem[] = [];
    let urgent = false;
    for (const entry of tracker.entries) {
      if (entry.divisionCode !== division.code || entry.key === '' || entry.status === 'done') continue;
      const written = entry.due ?? roundDue;
      if (!written) continue;
      // a due date on a non-working day is due on the working day before it
      const due = calendar.onOrBefore(written);
      const daysLeft = daysBetween(today, due);
      const item: ReminderItem = { entry, due, daysLeft, stage: stageOf(due, today) };
      open.push(item);
      if (daysLeft > settings.dueSoonDays) continue;
      items.push(item);
      if (thisWeek !== null && today >= thisWeek && daysBetween(thisWeek, due) <= settings.dueSoonDays)
        weeklyDue ||= onOrAfter(sent.dates, thisWeek, sunday) === 0;
      // mentioned from 7 days before the written due date to 3 after: the promise (docs/reminders.md)
      const windowStart = addDays(written, -7);
      const inWindow = today >= windowStart && today <= addDays(written, 3);
      const mentioned = (sent.keys.get(entry.key) ?? []).some((d) => d >= windowStart);
      if (inWindow && !mentioned && !(nextWeekly !== null && nextWeekly <= due)) urgent = true;
    }
    if (items.length === 0) continue;
    const sentToday = sent.dates.includes(today);
    const sentThisWeek = onOrAfter(sent.dates, monday, sunday);
    if (sentToday || sentThisWeek >= DIVISION_WEEKLY_MAX || !(weeklyDue || urgent)) continue;
    // only real addresses: "ผอ. กองคลัง" in the notify cell is no recipient
    const notify = division.notifyEmails.filter(isEmail);
    const to = notify.length ? notify : settings.admins.filter(isEmail);
    if (to.length === 0) {
      const name = division.name || division.code;
      unaddressed.push(
        division.notifyEmails.length
          ? INPUT.noValidRecipient(
              name,
              cellRef(TAB.divisions, division.notifyCell ?? ''),
              division.notifyEmails.join(', '),
            )
          : REMIND.noRecipients(name),
      );
      unsent.push(divisionDigest(division, items.sort(byUrgency), [], input, w));
      continue;
    }
    digests.push(divisionDigest(division, items.sort(byUrgency), to, input, w));
  }
  digests.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const summary = settings.executives.length ? executivePlan(open, history.get('') ?? NOTHING_SENT) : null;
  const executives = settings.executives.filter(isEmail);
  const escalation = summary && executives.length ? executiveSummary(summary, open, input, w, executives) : null;
  if (summary && !executives.length) {
    unaddressed.push(INPUT.noValidExecutive(`${TAB.settings} "${SETTING_LABEL.executives[0]}"`));
    unsent.push(executiveSummary(summary, open, input, w, []));
  }
  const queue = [
    ...digests.filter((d) => d.overdue),
    ...(escalation ? [escalation] : []),
    ...digests.filter((d) => !d.overdue),
  ];
  return {
    today,
    digests,
    escalation,
    queue,
    logRows: queue.map((d) => logEntry(d, { kind: 'sent' }, now)),
    unaddressed,
    unsent,
  };

  /** Which summary the executives get today, if any. */
  function executivePlan(items: ReminderItem[], sent: Sent): { round: number | null } | null {
    if (onOrAfter(sent.dates, monday, sunday) > 0) return null;
    // the week a round's report is due: the round summary, on that day (or the next run that week)
    for (const round of [6, 12] as const) {
      const written = settings.roundDue[round];
      if (!written) continue;
      const day = calendar.onOrBefore(written);
      if (day < monday || day > sunday) continue;
      return today >= day ? { round } : null;
    }
    const weekly = calendar.weeklyDay(monday, settings.executiveSummaryDay);
    if (weekly === null || today < weekly) return null;
    const late = items.some((i) => -i.daysLeft > settings.escalateAfterDays);
    return late ? { round: null } : null;
  }
}

// ---------------------------------------------------------------- log rows

const outcomeText = (o: Outcome): string =>
  o.kind === 'sent'
    ? REMIND.outcome.sent
    : o.kind === 'deferred'
      ? REMIND.outcome.deferred
      : REMIND.outcome.failed(o.why);

/** The log entry for one message and what became of it. */
export function logEntry(d: Digest, outcome: Outcome, now: Date): EmailLogEntry {
  return {
    sentAt: now.toISOString().slice(0, 16).replace('T', ' '),
    divisionCode: d.logDivision,
    recipients: d.to.join(', '),
    items: d.tokens.join(' '),
    stage: d.stageText,
    outcome: outcomeText(outcome),
    subject: d.subject,
  };
}

/** A log entry as cells in the schema's column order of บันทึกอีเมล (sent-at as a date-time cell). */
export function logRowCells(e: EmailLogEntry): Cell[] {
  return rowOf(EMAIL_LOG_TAB, logRowObject(e));
}

export function logRowObject(e: EmailLogEntry): RowObject {
  return {
    sentAt: e.sentAt ? wallDateTime(e.sentAt) : null,
    logDivision: e.divisionCode,
    recipients: e.recipients,
    items: e.items,
    stage: e.stage,
    outcome: e.outcome,
    subject: e.subject,
  };
}

/**
 * Cells of a log entry placed by the columns an existing log tab has (found by header), so a user
 * who moved a column breaks nothing. `columnIndex` is readTable's; width is the header row's length.
 */
export function logRowFor(e: EmailLogEntry, columnIndex: Record<string, number>, width: number): Cell[] {
  const obj = logRowObject(e);
  const row: Cell[] = new Array(width).fill(null);
  for (const c of EMAIL_LOG_TAB.columns) {
    const i = columnIndex[c.key];
    if (i !== undefined && i >= 0) row[i] = obj[c.key] ?? null;
  }
  return row;
}

/**
 * The e-mail log tab's values with entries appended, found by header so moved columns still work.
 * A missing tab or header is added (then the whole table changed: firstChangedRow 1); otherwise
 * only the rows below the last non-blank one change, so an adapter writes just those.
 */
export function appendLogValues(
  existing: readonly Cell[][] | undefined,
  entries: readonly EmailLogEntry[],
): { values: Cell[][]; firstChangedRow: number } {
  const values: Cell[][] = existing?.length ? existing.map((r) => [...r]) : [];
  let firstChangedRow = values.length ? 0 : 1;
  if (!values.length) values.push(headersOf(EMAIL_LOG_TAB));
  const table = readTable({ tabs: { [EMAIL_LOG_TAB.name]: values } }, EMAIL_LOG_TAB);
  const header = values[0];
  for (const c of EMAIL_LOG_TAB.columns)
    if (table.columnIndex[c.key] < 0) {
      table.columnIndex[c.key] = header.length;
      header.push(c.header);
      firstChangedRow = 1;
    }
  let last = values.length;
  while (last > 1 && values[last - 1].every((c) => isBlank(c))) last--;
  values.splice(last, values.length - last, ...entries.map((e) => logRowFor(e, table.columnIndex, header.length)));
  return { values, firstChangedRow: firstChangedRow || last + 1 };
}

// ---------------------------------------------------------------- preview

/** The preview dialog's HTML: every message today's run would send, escaped; sends nothing. */
export function previewHtml(plan: ReminderPlan, quota: number | null, style: Numerals, roundView?: string): string {
  const w = wordingFor(style);
  const day = w.date(plan.today);
  const parts: string[] = [];
  // the whole round below today's e-mails, reached by a link at the top (one dialog, no round trip)
  if (roundView !== undefined) parts.push(`<p><a href="#round">${escapeHtml(RHYTHM.roundViewLink)}</a></p>`);
  parts.push(
    `<p>${escapeHtml(plan.queue.length ? REMIND.previewIntro(day, w.n(plan.queue.length)) : REMIND.nothingToSend(day))}</p>`,
  );
  if (quota !== null) parts.push(`<p>${escapeHtml(REMIND.quota(w.n(quota)))}</p>`);
  for (const u of plan.unaddressed) parts.push(`<p style="color:#b00">${escapeHtml(u)}</p>`);
  for (const d of plan.queue)
    parts.push(
      `<hr><p><b>${escapeHtml(REMIND.to)}:</b> ${escapeHtml(d.to.join(', '))}<br><b>${escapeHtml(REMIND.subjectLabel)}:</b> ${escapeHtml(d.subject)}</p>${d.html}`,
    );
  if (roundView !== undefined) parts.push(`<hr><h2 id="round">${escapeHtml(RHYTHM.roundViewHeading)}</h2>${roundView}`);
  return htmlPage(parts.join(''));
}
