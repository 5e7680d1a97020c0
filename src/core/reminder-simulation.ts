// `remind --simulate`: the daily run replayed one morning at a time over a date range, as if nothing
// were ever done, so an admin sees the rhythm before it happens. Nothing is sent or written: the
// plan's log rows feed the next day's plan, exactly as the trigger's own log would.
import { escapeHtml } from './cells';
import { RHYTHM, SIMULATE_CLI } from './messages/reminder-rhythm';
import { REMIND } from './messages/reminders';
import type { Division, EmailLogEntry, Tracker } from './model';
import { planReminders } from './reminders';
import { addDays, BE_YEAR_THRESHOLD, daysBetween, formatThaiDate, type Numerals, numerals, roundWindow } from './thai';
import { isWeekend, mondayOf } from './working-days';

export interface SimulatedSend {
  date: string;
  /** division code, '' for the executives */
  divisionCode: string;
  /** what the log's division column says */
  recipient: string;
  subject: string;
  /** entry keys the message lists */
  keys: string[];
  /** a Saturday, Sunday or a day in the holidays list */
  offDay: boolean;
  /** a weekday in the holidays list */
  holiday: boolean;
}

export interface RecipientFigures {
  divisionCode: string;
  recipient: string;
  total: number;
  /** sends per week, by the week's Monday */
  perWeek: Record<string, number>;
  worstWeek: { monday: string; count: number } | null;
  offDaySends: number;
  weekendSends: number;
  holidaySends: number;
}

export interface DueMention {
  divisionCode: string;
  key: string;
  due: string;
  /** the first send that listed it from 7 days before to 3 days after its due date, or null */
  mentionedOn: string | null;
}

export interface Simulation {
  from: string;
  to: string;
  sends: SimulatedSend[];
  recipients: RecipientFigures[];
  total: number;
  offDaySends: number;
  weekendSends: number;
  holidaySends: number;
  /** every due date of a not-done item inside the range, and whether a send listed it in its window */
  dueMentions: DueMention[];
}

export const MENTION_WINDOW = { before: 7, after: 3 } as const;

export interface SimulationInput {
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'measures' | 'entries' | 'holidays'> &
    Partial<Pick<Tracker, 'emailLog'>>;
  from: string;
  to: string;
  /** start from the tracker's own log (default: an empty log, as on the first day) */
  keepLog?: boolean;
}

/** Replays the daily run from `from` to `to`, every item reopened and nothing ever done. */
export function simulateReminders(input: SimulationInput): Simulation {
  const { from, to } = input;
  const holidays = new Set(input.tracker.holidays.map((h) => h.date));
  const tracker = {
    ...input.tracker,
    entries: input.tracker.entries.map((e) => (e.status === 'done' ? { ...e, status: 'not_started' as const } : e)),
  };
  const log: EmailLogEntry[] = input.keepLog ? [...(input.tracker.emailLog ?? [])] : [];
  const sends: SimulatedSend[] = [];
  for (let day = from; daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    const now = new Date(`${day}T08:00:00Z`);
    const plan = planReminders({ today: day, tracker, log, links: { divisionTabUrl: () => '' }, now });
    log.push(...plan.logRows);
    for (const d of plan.queue)
      sends.push({
        date: day,
        divisionCode: d.divisionCode,
        recipient: d.logDivision,
        subject: d.subject,
        keys: [...new Set(d.items.map((i) => i.entry.key))],
        offDay: isWeekend(day) || holidays.has(day),
        holiday: !isWeekend(day) && holidays.has(day),
      });
  }
  return { from, to, sends, ...figures(sends), dueMentions: dueMentions(tracker, from, to, sends) };
}

function figures(
  sends: SimulatedSend[],
): Pick<Simulation, 'recipients' | 'total' | 'offDaySends' | 'weekendSends' | 'holidaySends'> {
  const by = new Map<string, RecipientFigures>();
  for (const s of sends) {
    const r = by.get(s.divisionCode) ?? {
      divisionCode: s.divisionCode,
      recipient: s.recipient,
      total: 0,
      perWeek: {},
      worstWeek: null,
      offDaySends: 0,
      weekendSends: 0,
      holidaySends: 0,
    };
    r.total++;
    if (s.offDay) r.offDaySends++;
    if (s.holiday) r.holidaySends++;
    else if (s.offDay) r.weekendSends++;
    const monday = mondayOf(s.date);
    r.perWeek[monday] = (r.perWeek[monday] ?? 0) + 1;
    if (!r.worstWeek || r.perWeek[monday] > r.worstWeek.count) r.worstWeek = { monday, count: r.perWeek[monday] };
    by.set(s.divisionCode, r);
  }
  const recipients = [...by.values()].sort(
    (a, b) => Number(a.divisionCode === '') - Number(b.divisionCode === '') || b.total - a.total,
  );
  const count = (f: (s: SimulatedSend) => boolean) => sends.filter(f).length;
  return {
    recipients,
    total: sends.length,
    offDaySends: count((s) => s.offDay),
    weekendSends: count((s) => s.offDay && !s.holiday),
    holidaySends: count((s) => s.holiday),
  };
}

function dueMentions(
  tracker: SimulationInput['tracker'],
  from: string,
  to: string,
  sends: SimulatedSend[],
): DueMention[] {
  const roundDue = tracker.settings.roundDue[tracker.settings.currentRound];
  const out: DueMention[] = [];
  for (const e of tracker.entries) {
    const due = e.due ?? roundDue;
    if (!due || e.key === '' || daysBetween(from, due) < 0 || daysBetween(due, to) < 0) continue;
    const hit = sends.find(
      (s) =>
        s.divisionCode === e.divisionCode &&
        s.keys.includes(e.key) &&
        daysBetween(due, s.date) >= -MENTION_WINDOW.before &&
        daysBetween(due, s.date) <= MENTION_WINDOW.after,
    );
    out.push({ divisionCode: e.divisionCode, key: e.key, due, mentionedOn: hit?.date ?? null });
  }
  return out;
}

/** How the simulation names people and days, and one recipient's figures line: the CLI text and the dialog share it. */
function simulationWords(divisions: readonly Pick<Division, 'code' | 'name'>[], style: Numerals) {
  const day = (iso: string) => formatThaiDate(iso, style);
  const name = (code: string, fallback: string) =>
    code === '' ? REMIND.executives : (divisions.find((d) => d.code === code)?.name ?? fallback);
  const figures = (r: Simulation['recipients'][number]) =>
    RHYTHM.recipientFigures(
      name(r.divisionCode, r.recipient),
      r.total,
      r.worstWeek?.count ?? 0,
      r.worstWeek ? day(r.worstWeek.monday) : '-',
      r.weekendSends,
      r.holidaySends,
    );
  return { day, name, figures };
}

/** The simulation as text: the calendar day by day, sends per week, then each recipient's figures. */
export function simulationText(
  sim: Simulation,
  divisions: readonly Pick<Division, 'code' | 'name'>[],
  style: Numerals,
): string {
  const { day, name, figures } = simulationWords(divisions, style);
  const lines = [SIMULATE_CLI.header(day(sim.from), day(sim.to)), ''];
  const byDay = new Map<string, SimulatedSend[]>();
  for (const s of sim.sends) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  for (const [date, sends] of byDay)
    lines.push(
      SIMULATE_CLI.day(
        `${day(date)}${sends[0].offDay ? ' *' : ''}`,
        sends.map((s) => name(s.divisionCode, s.recipient)).join(', '),
      ),
    );
  lines.push('', SIMULATE_CLI.weekHeading);
  const weeks = [...new Set(sim.sends.map((s) => mondayOf(s.date)))];
  for (const monday of weeks)
    lines.push(
      SIMULATE_CLI.week(
        day(monday),
        sim.recipients
          .filter((r) => r.perWeek[monday])
          .map((r) => `${name(r.divisionCode, r.recipient)} ${r.perWeek[monday]}`)
          .join(', '),
      ),
    );
  lines.push('', SIMULATE_CLI.recipientsHeading);
  for (const r of sim.recipients) lines.push(figures(r));
  const inWindow = sim.dueMentions.filter((m) => m.mentionedOn !== null).length;
  lines.push(
    '',
    SIMULATE_CLI.total(sim.total, sim.weekendSends, sim.holidaySends),
    SIMULATE_CLI.mentions(inWindow, sim.dueMentions.length),
  );
  for (const m of sim.dueMentions.filter((x) => x.mentionedOn === null))
    lines.push(SIMULATE_CLI.missed(name(m.divisionCode, m.divisionCode), m.key, day(m.due)));
  return lines.join('\n');
}

/** The round an admin previews: from today (or the round's first day) to the round's last day. */
export function roundPreviewRange(
  today: string,
  settings: Pick<Tracker['settings'], 'fiscalYear' | 'currentRound'>,
): { from: string; to: string } | null {
  if (settings.fiscalYear < BE_YEAR_THRESHOLD) return null;
  const w = roundWindow(settings.fiscalYear, settings.currentRound);
  const from = today >= w.start && today <= w.end ? today : w.start;
  return { from, to: w.end };
}

/** The preview dialog's "whole round" section: every e-mail the round would bring, by day, escaped. */
export function roundPreviewHtml(
  sim: Simulation,
  divisions: readonly Pick<Division, 'code' | 'name'>[],
  style: Numerals,
): string {
  const { day, name, figures } = simulationWords(divisions, style);
  const n = (x: number) => numerals(x, style);
  const rows = sim.sends
    .map(
      (s) =>
        `<tr><td style="white-space:nowrap">${escapeHtml(day(s.date))}</td><td>${escapeHtml(name(s.divisionCode, s.recipient))}</td><td>${escapeHtml(s.subject)}</td></tr>`,
    )
    .join('');
  const figureLines = sim.recipients
    .map((r) => escapeHtml(figures(r).trim()))
    .map((line) => numerals(line, style))
    .map((line) => `<li>${line}</li>`)
    .join('');
  return (
    `<p>${escapeHtml(RHYTHM.roundViewIntro(day(sim.from), day(sim.to), n(sim.total)))}</p>` +
    (figureLines ? `<ul>${figureLines}</ul>` : '') +
    (rows
      ? `<table style="border-collapse:collapse" cellpadding="4" border="1"><tr><th>${escapeHtml(RHYTHM.dateHeader)}</th><th>${escapeHtml(REMIND.to)}</th><th>${escapeHtml(REMIND.subjectLabel)}</th></tr>${rows}</table>`
      : '')
  );
}
