// How a reminder reads: the division digests, the executives' summary and the preview dialog, in
// the agency's numerals; kept apart from the schedule so wording changes never touch who gets what.
import { escapeHtml } from './cells';
import { CALENDAR_NOTICE_DAYS, type ItaCalendarView, type UpcomingMilestone } from './ita-calendar';
import { ITA_CALENDAR } from './messages/ita-calendar';
import { RHYTHM } from './messages/reminder-rhythm';
import { REMIND } from './messages/reminders';
import { STATUS_LABEL } from './messages/tabs-headers';
import type { Division } from './model';
import { escalationToken, itemToken } from './reminder-log';
import { byUrgency } from './reminder-schedule';
import {
  ADMINS_CODE,
  type Digest,
  type ReminderInput,
  type ReminderItem,
  type ReminderPlan,
  type Stage,
} from './reminder-types';
import { formatThaiDate, type Numerals, numerals } from './thai';

// ---------------------------------------------------------------- wording

export interface Wording {
  n: (x: number | string) => string;
  date: (iso: string) => string;
}

export const wordingFor = (style: Numerals): Wording => ({
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

export function divisionDigest(
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
export function executiveSummary(
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

// ---------------------------------------------------------------- the admins' ITA calendar

const milestoneWhen = (m: UpcomingMilestone, w: Wording): string =>
  m.daysLeft === 0 ? ITA_CALENDAR.today : ITA_CALENDAR.daysLeft(w.n(m.daysLeft));

/** A milestone's lines: its date and label (marked while the preset's estimate), then what it still needs. */
function milestoneLines(m: UpcomingMilestone, i: number, w: Wording): string[] {
  const head = ITA_CALENDAR.line(w.n(i), w.date(m.date), milestoneWhen(m, w), m.label, m.estimated);
  if (!m.need) return [head];
  const say = m.need.published ? ITA_CALENDAR.done : ITA_CALENDAR.needs;
  return [head, `   ${say(m.need.title, m.need.code, w.n(m.need.fiscalYear))}`];
}

/**
 * The admins' weekly summary of the ITA calendar (src/core/ita-calendar.ts): the year's next milestones,
 * soonest first, each with what it still needs; the preset's note when its dates are not confirmed.
 */
export function adminsCalendar(view: ItaCalendarView, input: ReminderInput, w: Wording, to: string[]): Digest {
  const { settings } = input.tracker;
  const next = view.upcoming[0];
  const subject = ITA_CALENDAR.subject(next.label, w.date(next.date), milestoneWhen(next, w));
  const intro = ITA_CALENDAR.intro(settings.agencyName, w.n(view.fiscalYear), view.frameworkLabel);
  const items = view.upcoming.map((m, i) => milestoneLines(m, i + 1, w));
  const note = view.upcoming.some((m) => m.estimated) ? [ITA_CALENDAR.unconfirmedNote(view.note)] : [];
  const footer = ITA_CALENDAR.footer(w.n(CALENDAR_NOTICE_DAYS));
  const text = [
    ITA_CALENDAR.greeting,
    '',
    intro,
    '',
    ...items.flat(),
    ...(note.length ? ['', ...note] : []),
    '',
    footer,
  ];
  const html =
    `<p>${escapeHtml(ITA_CALENDAR.greeting)}</p><p>${escapeHtml(intro)}</p><ul>` +
    items.map((lines) => `<li>${lines.map((l) => escapeHtml(l.trim())).join('<br>')}</li>`).join('') +
    `</ul>${note.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}<p style="color:#666">${escapeHtml(footer)}</p>`;
  return {
    kind: 'admins',
    divisionCode: ADMINS_CODE,
    logDivision: ITA_CALENDAR.admins,
    to,
    subject,
    text: text.join('\n'),
    html: htmlPage(html),
    items: [],
    overdue: false,
    tokens: [`calendar@${input.today}`, ...view.upcoming.map((m) => `ita:${m.key}@${m.date}`)],
    stageText: ITA_CALENDAR.stage,
  };
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
