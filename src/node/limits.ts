// The CLI's two limits on a workbook, in one leaf module so that the code enforcing them and every
// command's --help (command.ts) read the same numbers (docs/input-safety.md).

/** The most a workbook or a report may inflate to: the 5,000-measure × 50-division workbook inflates to 6 MB, so 100 MB is 16 times it. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/** How long a command waits for another to finish with the workbook before it gives up (ITA_LOCK_WAIT_MS overrides). */
export const LOCK_WAIT_MS = 15_000;
