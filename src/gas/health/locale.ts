// The spreadsheet's locale and time zone against what the tracker assumes (th_TH: day-first dates,
// as the help text shows; Asia/Bangkok: the reminder hour and the report's dates), and the proof: the
// help text's example date typed into a cell of the log tab reads back as that date.
import { combine, fail, pass } from '../../core/health';
import { HEALTH, HEALTH_DATE_SAMPLE } from '../../core/messages/health';
import type { HealthCheck } from './context';

const ZONE = 'Asia/Bangkok';
/** Locales Sheets reads "31/3/2023" in day-first order, like the help text (th_TH is what setup assumes). */
const LOCALE = 'th_TH';

export const checkLocale: HealthCheck = (ctx) => {
  const h = HEALTH.locale;
  const locale = ctx.ss.getSpreadsheetLocale();
  const zone = ctx.ss.getSpreadsheetTimeZone();
  const scriptZone = Session.getScriptTimeZone();
  const findings = [];
  if (locale !== LOCALE) findings.push(fail(h.wrongLocale(locale), h.todo));
  if (zone !== ZONE || scriptZone !== ZONE) findings.push(fail(h.wrongZone(zone, scriptZone), h.todo));

  // typed as a person would; the value read back must be that day in the sheet's zone
  const cell = ctx.probeCell();
  cell.setValue(HEALTH_DATE_SAMPLE.text);
  const got = cell.getValue() as unknown;
  const d = HEALTH_DATE_SAMPLE;
  const asDate =
    got instanceof Date ? Utilities.formatDate(got, zone, 'yyyy-M-d') === `${d.year}-${d.month}-${d.day}` : false;
  if (!asDate)
    findings.push(
      fail(
        h.notADate(d.text, got instanceof Date ? Utilities.formatDate(got, zone, 'yyyy-MM-dd') : `"${String(got)}"`),
        h.todo,
      ),
    );
  return findings.length ? combine(findings, '') : pass(h.ok(locale, zone, d.text));
};
