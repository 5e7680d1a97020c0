// The figures a test measures on its way (service calls per step, e-mails per day, LINE messages per
// month, rows read per file) are printed only when ITA_FIGURES=1, so that `npm test` says nothing on
// success but jest's PASS lines and summary: `ITA_FIGURES=1 npx jest tests/gas/edit-calls.test.ts`.
// They are for reading, not for gating: the test asserts on them; speed is `npm run bench`'s.

/** console.log, when ITA_FIGURES=1 */
export function figure(...parts: unknown[]): void {
  if (process.env.ITA_FIGURES === '1') console.log(...parts);
}
