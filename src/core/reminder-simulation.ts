// `remind --simulate`: the daily run replayed one morning at a time over a date range, as if nothing
// were ever done, so an admin sees the rhythm before it happens. Nothing is sent or written: the
// plan's log rows feed the next day's plan, exactly as the trigger's own log would.
import type { EmailLogEntry, Tracker } from './model';
import { planReminders } from './reminders';
import { addDays, daysBetween } from './thai';
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
}

export interface RecipientFigures {
  divisionCode: string;
  recipient: string;
  total: number;
  /** sends per week, by the week's Monday */
  perWeek: Record<string, number>;
  worstWeek: { monday: string; count: number } | null;
  offDaySends: number;
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
      });
  }
  return { from, to, sends, ...figures(sends), dueMentions: dueMentions(tracker, from, to, sends) };
}

function figures(sends: SimulatedSend[]): Pick<Simulation, 'recipients' | 'total' | 'offDaySends'> {
  const by = new Map<string, RecipientFigures>();
  for (const s of sends) {
    const r = by.get(s.divisionCode) ?? {
      divisionCode: s.divisionCode,
      recipient: s.recipient,
      total: 0,
      perWeek: {},
      worstWeek: null,
      offDaySends: 0,
    };
    r.total++;
    if (s.offDay) r.offDaySends++;
    const monday = mondayOf(s.date);
    r.perWeek[monday] = (r.perWeek[monday] ?? 0) + 1;
    if (!r.worstWeek || r.perWeek[monday] > r.worstWeek.count) r.worstWeek = { monday, count: r.perWeek[monday] };
    by.set(s.divisionCode, r);
  }
  const recipients = [...by.values()].sort(
    (a, b) => Number(a.divisionCode === '') - Number(b.divisionCode === '') || b.total - a.total,
  );
  return { recipients, total: sends.length, offDaySends: sends.filter((s) => s.offDay).length };
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
