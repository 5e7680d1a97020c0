// A use case is written once, as a generator, and runs in both runtimes: Apps Script's services
// answer at once (MailApp, UrlFetchApp), Node's answer later (SMTP, fetch). A flow yields each port
// call's result through `call` and a driver feeds the answer back: `runSync` in Apps Script (a port
// that answers with a Promise there is a bug, said at once), `runAsync` in Node (awaits, and hands a
// rejection back into the flow as a throw, so the flow's own try/catch sees it in both runtimes).

/** What a port answers: a value (Apps Script) or a promise of it (Node). */
export type Io<T> = T | Promise<T>;

/** A use case: yields port answers, gets them back settled, returns its result. */
export type Flow<R> = Generator<unknown, R, unknown>;

/** Inside a flow: `const x = yield* call(port.thing())` gives the settled answer, typed. */
export function* call<T>(answer: Io<T>): Generator<unknown, T, unknown> {
  return (yield answer) as T;
}

const isPromise = (x: unknown): x is Promise<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';

/** Runs a flow whose ports all answer at once (Apps Script). */
export function runSync<R>(flow: Flow<R>): R {
  let step = flow.next();
  while (!step.done) {
    if (isPromise(step.value)) throw new Error('runSync: a port answered with a Promise');
    step = flow.next(step.value);
  }
  return step.value;
}

/** Runs a flow whose ports may answer with promises (Node). */
export async function runAsync<R>(flow: Flow<R>): Promise<R> {
  let step = flow.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await step.value;
    } catch (e) {
      step = flow.throw(e);
      continue;
    }
    step = flow.next(answer);
  }
  return step.value;
}
