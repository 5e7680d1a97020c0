// Fields Sheets puts on an edit event beyond the typings (google-apps-script-events.d.ts declares
// e.user as a User and e.range as a Range only). Observed in real simple-trigger events, not in the
// reference (https://developers.google.com/apps-script/guides/triggers/events#edit): used as a shortcut,
// with the documented call as the rule when they are missing.

/** e.user's email field ({nickname, email} in observed events), '' when absent. */
export function eventUserEmail(user: GoogleAppsScript.Base.User | undefined): string {
  const field = (user as unknown as { email?: unknown } | undefined)?.email;
  return typeof field === 'string' ? field : '';
}

/** e.range's rowStart, columnStart, rowEnd, columnEnd fields, as they came (unknown until checked). */
export function eventRangeFields(
  range: GoogleAppsScript.Spreadsheet.Range,
): Record<'rowStart' | 'columnStart' | 'rowEnd' | 'columnEnd', unknown> {
  return range as unknown as Record<'rowStart' | 'columnStart' | 'rowEnd' | 'columnEnd', unknown>;
}
