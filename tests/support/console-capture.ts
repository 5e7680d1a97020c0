// An error path that logs (console.error in Apps Script goes to the execution log, where a maintainer
// reads what failed) is run with the log captured, so `npm test` stays quiet on success, and the test
// asserts what was logged, so it fails if the logging goes away or says something else.

type Method = 'error' | 'warn' | 'log' | 'info';

/** What one console call shows: an Error as its first line in the log ("Error: message"; also for an Error
 *  of dist/Code.js's own V8 context, where `instanceof Error` would not hold), the rest as text. */
const text = (args: unknown[]) => args.map(String).join(' ');

/** Runs `fn` with console[method] captured (nothing printed); answers its value and one line per call. */
export function captureConsole<T>(method: Method, fn: () => T): { value: T; logged: string[] } {
  const spy = jest.spyOn(console, method).mockImplementation(() => undefined);
  try {
    const value = fn();
    return { value, logged: spy.mock.calls.map(text) };
  } finally {
    spy.mockRestore();
  }
}
