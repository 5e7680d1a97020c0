// A contract: one behaviour the fakes model, the reference page it comes from, and one check written
// against the Apps Script globals only, so the very same check runs on the fakes (tests/contract/
// contract.test.ts, in every `npm test`) and on a real test spreadsheet (`npm run test:live:gas`,
// docs/live-checks.md) — where the two disagree, the fake is wrong.
//
// A check throws when the behaviour does not hold (no jest inside: the live bundle runs it in Apps
// Script). What only the fakes can arrange (a second account, a person typing, a shared drive) comes
// through `arrange`, and such a check says why it is not run live.
import type { FakeHandles } from '../fakes';
import type { FakeOptions } from '../fakes/context';

export interface Contract {
  /** what Google does, in one sentence: the test's name */
  behaviour: string;
  /** the reference page (or pages) it comes from */
  reference: string;
  /** the world the fakes are installed in (default: the strictest one, a Gmail-owned sheet) */
  world?: FakeOptions;
  /** true: run on the live test sheet too; a string: why it cannot be (it needs what only the fakes arrange) */
  live: true | string;
  /** the check; `fakes` is there on the fakes only (a live check never uses it) */
  check(fakes?: FakeHandles): void;
}

/** Throws, naming what differed, when actual is not (deeply) what the reference says. */
export function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, the reference says ${e}`);
}

/** Throws unless fn throws an error whose message matches. */
export function refuses(fn: () => unknown, message: RegExp, what: string): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === null) throw new Error(`${what}: it did not throw; the reference says it does`);
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  if (!message.test(text)) throw new Error(`${what}: threw "${text}", expected ${message}`);
}

/** What the fakes-only part of a check needs: the handles, or a clear error on live. */
export function fakesOnly(fakes: FakeHandles | undefined): FakeHandles {
  if (!fakes) throw new Error('this check arranges its world through the fakes: not run live');
  return fakes;
}
