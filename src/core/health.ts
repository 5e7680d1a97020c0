// The health check's results, laid out once for every place they appear: the dialog's HTML, the log
// tab's rows and the JSON a maintainer gets ("คัดลอกผลสำหรับผู้พัฒนา"). The checks themselves talk to
// Google and live in src/gas/health/; this file only shapes what they found.
import { escapeHtml } from './cells';
import { HEALTH } from './messages/health';

export type HealthOutcome = 'pass' | 'warn' | 'fail';

/** One check's line: what was found and what to do, in Thai; the raw error text when something threw. */
export interface HealthLine {
  id: string;
  title: string;
  outcome: HealthOutcome;
  found: string;
  todo: string;
  error?: string;
  ms?: number;
}

export interface HealthEnvironment {
  appVersion: string;
  scriptId: string;
  spreadsheetLocale: string;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  /** scopes the manifest asks for, and which of them this user granted */
  scopesRequested: string[];
  scopesGranted: string[];
}

export interface HealthReport {
  /** ISO instant the run started */
  startedAt: string;
  user: string;
  environment: HealthEnvironment;
  lines: HealthLine[];
}

/** A check's result before the runner names and times it. */
export interface CheckResult {
  outcome: HealthOutcome;
  found: string;
  todo?: string;
  error?: string;
}

export const pass = (found: string): CheckResult => ({ outcome: 'pass', found });
export const warn = (found: string, todo: string, error?: string): CheckResult => ({
  outcome: 'warn',
  found,
  todo,
  error,
});
export const fail = (found: string, todo: string, error?: string): CheckResult => ({
  outcome: 'fail',
  found,
  todo,
  error,
});

/** The worst of several findings, their texts joined: a check may find more than one thing. */
export function combine(results: readonly CheckResult[], whenNone: string): CheckResult {
  const bad = results.filter((r) => r.outcome !== 'pass');
  if (!bad.length) return pass(results.map((r) => r.found).join(' · ') || whenNone);
  const outcome: HealthOutcome = bad.some((r) => r.outcome === 'fail') ? 'fail' : 'warn';
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  return {
    outcome,
    found: uniq(bad.map((r) => r.found)).join(' · '),
    todo: uniq(bad.map((r) => r.todo)).join(' · '),
    error: uniq(bad.map((r) => r.error)).join(' · ') || undefined,
  };
}

export const counts = (lines: readonly HealthLine[]) => ({
  pass: lines.filter((l) => l.outcome === 'pass').length,
  warn: lines.filter((l) => l.outcome === 'warn').length,
  fail: lines.filter((l) => l.outcome === 'fail').length,
});

/** "ไม่ผ่าน · โฟลเดอร์รายงาน: … — ควรทำ: …": the one Thai line a check gets. */
export const healthLineText = (l: HealthLine): string =>
  `${HEALTH.outcome[l.outcome]} · ${l.title}: ${l.found}${l.outcome === 'pass' ? '' : ` — ${l.todo}`}`;

/** The log tab's rows for one run (time as an instant: Sheets shows it in the sheet's zone). */
export function healthLogRows(report: HealthReport, at: Date): (string | Date)[][] {
  return report.lines.map((l) => [
    at,
    report.user,
    l.title,
    HEALTH.outcome[l.outcome],
    l.found,
    l.outcome === 'pass' ? HEALTH.nothingToDo : l.todo,
    l.error ?? '',
  ]);
}

/** What a maintainer needs, and nothing of the tracker's data. */
export function developerJson(report: HealthReport): string {
  return JSON.stringify(
    {
      format: 'ita-tracker-health/1',
      startedAt: report.startedAt,
      user: report.user,
      ...report.environment,
      checks: report.lines.map((l) => ({
        id: l.id,
        outcome: l.outcome,
        found: l.found,
        ...(l.error ? { error: l.error } : {}),
        ...(l.ms !== undefined ? { ms: l.ms } : {}),
      })),
    },
    null,
    2,
  );
}

const COLOURS: Record<HealthOutcome, string> = { pass: '#1e7e34', warn: '#a15c00', fail: '#b00020' };
const BACKGROUNDS: Record<HealthOutcome, string> = { pass: '#e6f4ea', warn: '#fff4e0', fail: '#fde7e9' };

/** A box with the JSON and a button that copies it (the dialog runs in the user's browser). */
export function copyBoxHtml(json: string): string {
  return (
    `<p style="margin:12px 0 4px">${escapeHtml(HEALTH.copyHint)}</p>` +
    `<textarea id="dev" readonly style="width:100%;height:90px;font:11px monospace">${escapeHtml(json)}</textarea>` +
    `<button onclick="var t=document.getElementById('dev');t.select();` +
    `(navigator.clipboard?navigator.clipboard.writeText(t.value):Promise.reject()).catch(function(){document.execCommand('copy')});` +
    `document.getElementById('ok').style.display='inline'">${escapeHtml(HEALTH.copyButton)}</button> ` +
    `<span id="ok" style="display:none;color:${COLOURS.pass}">${escapeHtml(HEALTH.copied)}</span>`
  );
}

/** The result dialog: a summary, one row per check, the developer box. */
export function healthDialogHtml(report: HealthReport, logNote: string): string {
  const c = counts(report.lines);
  const worst: HealthOutcome = c.fail ? 'fail' : c.warn ? 'warn' : 'pass';
  const badge = (o: HealthOutcome) =>
    `<span style="display:inline-block;min-width:52px;text-align:center;padding:2px 6px;border-radius:10px;` +
    `font-weight:bold;color:${COLOURS[o]};background:${BACKGROUNDS[o]}">${escapeHtml(HEALTH.outcome[o])}</span>`;
  const rows = report.lines
    .map(
      (l) =>
        `<tr style="border-top:1px solid #ddd;vertical-align:top">` +
        `<td style="padding:6px 4px">${badge(l.outcome)}</td>` +
        `<td style="padding:6px 4px"><b>${escapeHtml(l.title)}</b><br>${escapeHtml(l.found)}` +
        (l.outcome === 'pass' ? '' : `<br><span style="color:${COLOURS[l.outcome]}">➜ ${escapeHtml(l.todo)}</span>`) +
        `</td></tr>`,
    )
    .join('');
  return (
    `<div style="font-family:Sarabun,'Noto Sans Thai',sans-serif;font-size:14px">` +
    `<p style="padding:8px;border-radius:6px;background:${BACKGROUNDS[worst]};color:${COLOURS[worst]};font-weight:bold">` +
    `${escapeHtml(HEALTH.summary(c.pass, c.warn, c.fail))}</p>` +
    `<table style="border-collapse:collapse;width:100%">` +
    `<tr><th style="text-align:left;width:70px">${escapeHtml(HEALTH.columns.outcome)}</th>` +
    `<th style="text-align:left">${escapeHtml(HEALTH.columns.check)}</th></tr>${rows}</table>` +
    `<p style="color:#555">${escapeHtml(logNote)}</p>` +
    copyBoxHtml(developerJson(report)) +
    `</div>`
  );
}
