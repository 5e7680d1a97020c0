// The agency's clock, the one way every runtime tells core the time. Core reads no clock itself: each
// runtime makes one (Node: Thailand's offset; Apps Script: the spreadsheet zone's), so every date core
// stamps or compares is the agency's wall clock as UTC (see cells.ts).
import { isoFromWallDate } from './thai';

export interface Clock {
  /** the agency's wall clock now, as UTC (core's convention) */
  now(): Date;
}

/**
 * A clock at a fixed offset from UTC: exact for zones without daylight saving, such as Thailand's.
 * instant: ms since the epoch, Date.now unless a test or a trigger's event gives its own.
 */
export const offsetClock = (offsetMs: number, instant: () => number = () => Date.now()): Clock => ({
  now: () => new Date(instant() + offsetMs),
});

/** Thailand keeps UTC+7 all year. */
export const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** Today's calendar date (ISO) on a clock. */
export const todayOn = (clock: Clock): string => isoFromWallDate(clock.now());
