// The shared service-call counter. Every public method call on any fake service object (what the
// code under test reaches through the Apps Script globals) increments a count keyed
// '<Class>.<method>', e.g. 'Range.getValues', 'Sheet.getRange', 'SpreadsheetApp.getActive'.
// Tests and the bench read it to show I/O is batched (one getValues / setValues per tab).
// Calls the fakes make among themselves, and test set-up done inside calls.untracked(), are not counted.

export type CallCounts = Record<string, number>;

class CallCounter {
  private counts = new Map<string, number>();
  private pausedDepth = 0;
  /** Set by installFakes: throws for a call the current authorization mode does not allow. */
  guard: ((name: string) => void) | null = null;
  /** counted calls since the last reset: the index `before` hooks wait for */
  private seq = 0;
  private hooks = new Map<number, Array<() => void>>();
  private refusals: string[] = [];

  /**
   * The calls the authorization mode refused since the last reset, in order (they throw and are not
   * counted): code that catches such a refusal and carries on is still seen asking.
   */
  refused(): string[] {
    return [...this.refusals];
  }

  /** Records one call (the fakes call this; tests do not); refused calls throw before they run. */
  record(name: string): void {
    if (this.pausedDepth > 0) return;
    try {
      this.guard?.(name);
    } catch (e) {
      this.refusals.push(name);
      throw e;
    }
    const hooks = this.hooks.get(this.seq + 1);
    if (hooks) {
      this.hooks.delete(this.seq + 1);
      // what a person does between two of the script's calls: uncounted, and not itself hooked
      for (const fn of hooks) this.untracked(fn);
    }
    this.seq++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /**
   * Runs fn just before the n-th counted call after the last reset (1-based), as another person's
   * edit landing between two of the script's service calls. fn runs uncounted; a hook whose call
   * never comes does not run (pending() says so).
   */
  before(n: number, fn: () => void): void {
    if (n < 1) throw new Error(`calls.before(${n}): calls are numbered from 1`);
    const list = this.hooks.get(n) ?? [];
    list.push(fn);
    this.hooks.set(n, list);
  }

  /** Hooks set with before() whose call has not come yet. */
  pending(): number {
    let n = 0;
    for (const list of this.hooks.values()) n += list.length;
    return n;
  }

  /** Every counted call since the last reset. */
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /**
   * Calls of one method ('Range.getValues'), or summed over a pattern with '*':
   * 'Range.*' (every Range method), '*.setValues', 'SpreadsheetApp.*'.
   */
  by(name: string): number {
    if (!name.includes('*')) return this.counts.get(name) ?? 0;
    const re = new RegExp(`^${name.split('*').map(escapeRegExp).join('.*')}$`);
    let n = 0;
    for (const [k, v] of this.counts) if (re.test(k)) n += v;
    return n;
  }

  /** A copy of every count, sorted by name (handy in a failure message or the bench output). */
  snapshot(): CallCounts {
    const out: CallCounts = {};
    for (const k of [...this.counts.keys()].sort()) out[k] = this.counts.get(k) as number;
    return out;
  }

  /** Counts since an earlier snapshot (only names whose count grew). */
  since(before: CallCounts): CallCounts {
    const out: CallCounts = {};
    for (const [k, v] of Object.entries(this.snapshot())) {
      const d = v - (before[k] ?? 0);
      if (d > 0) out[k] = d;
    }
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.refusals = [];
    this.seq = 0;
    this.hooks.clear();
  }

  /** Runs fn without counting its calls (test set-up and inspection). */
  untracked<T>(fn: () => T): T {
    this.pausedDepth++;
    try {
      return fn();
    } finally {
      this.pausedDepth--;
    }
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one counter all fakes share. */
export const calls = new CallCounter();
export type { CallCounter };

// ---------------------------------------------------------------- counting proxies

/** Prefixes of Apps Script method names: a call to one the fake lacks fails loudly, naming it. */
const API_METHOD =
  /^(get|set|add|remove|insert|delete|clear|new|create|copy|move|hide|show|protect|activate|sort|merge|append|build|require|unhide|flush|update|publish|open|make|send|evaluate|release|try|wait|has|can|is|at|every|in|for|on|time|after|near|offset|auto|check|uncheck|trim|format|parse|base64|compute|sleep|alert|prompt|modify|as|replace|find|break|toast|duplicate|rename|reset|expand|collapse|group|ungroup|freeze)([A-Z0-9].*)?$/;

const NOT_API = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'constructor',
  'nodeType',
  'tagName',
  'inspect',
  'toString',
  'valueOf',
  'length',
  'prototype',
]);

const targets = new WeakMap<object, object>();

/**
 * Wraps a fake so every call of one of its methods is counted as '<typeName>.<method>'.
 * Methods are called on the bare object, so calls the fake makes on `this` are not counted.
 * Names starting with '_' are the fakes' internals and are neither counted nor meant for code under test.
 */
export function counted<T extends object>(typeName: string, target: T): T {
  const proxy = new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver === proxy ? t : receiver);
      if (typeof prop !== 'string' || prop.startsWith('_')) return value;
      if (typeof value === 'function') {
        return function countedMethod(this: unknown, ...args: unknown[]) {
          calls.record(`${typeName}.${prop}`);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      if (value === undefined && !(prop in t) && !NOT_API.has(prop) && API_METHOD.test(prop)) {
        return () => {
          throw new Error(
            `${typeName}.${prop}() is not implemented by the Apps Script fakes — add it in tests/fakes/ (following the reference page)`,
          );
        };
      }
      return value;
    },
  });
  targets.set(proxy, target);
  return proxy;
}

/** The bare fake behind a counted proxy (for the fakes' own bookkeeping; never counted). */
export function unwrap<T extends object>(maybeProxy: T): T {
  return (targets.get(maybeProxy) as T | undefined) ?? maybeProxy;
}
