// The Node runtime's clock. Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset
// is exact; the Apps Script side reads the sheet's own zone instead.
const BANGKOK_MS = 7 * 3_600_000;

/** The wall clock in Asia/Bangkok as a "wall clock as UTC" Date (the core's convention). */
export const bangkokNow = (): Date => new Date(Date.now() + BANGKOK_MS);
