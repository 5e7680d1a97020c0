// The Node runtime's clock: the agency's wall clock in Asia/Bangkok, whatever the machine's zone
// (the Apps Script side reads the sheet's own zone instead).
import { BANGKOK_OFFSET_MS, offsetClock } from '../core/clock';

export const bangkokClock = offsetClock(BANGKOK_OFFSET_MS);

/** The wall clock in Asia/Bangkok as a "wall clock as UTC" Date (the core's convention). */
export const bangkokNow = (): Date => bangkokClock.now();
