// A small JavaScript/TypeScript scanner for the structure tests (bundle entry points, layering):
// it skips comments, strings, template text and regular expressions, tracks bracket depth, and
// yields identifiers with what precedes them. Enough to ask "is `function x(` at the top level?"
// and "which global names does this file use?" without a parser dependency.

export type Token =
  | { kind: 'ident'; value: string; depth: number; afterDot: boolean; pos: number }
  | { kind: 'string'; value: string; depth: number; pos: number }
  | { kind: 'punct'; value: string; depth: number; pos: number };

const ID_START = /[A-Za-z_$\u00C0-\uFFFF]/;
const ID_PART = /[A-Za-z0-9_$\u00C0-\uFFFF]/;
/** after these keywords a '/' starts a regular expression, not a division */
const REGEX_AFTER_WORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);

export function scan(source: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  /** template literals nest: each entry is the bracket depth at which its ${ } closes */
  const templateStack: number[] = [];
  const last = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const t = last();
    if (!t) return true;
    if (t.kind === 'string') return false;
    if (t.kind === 'ident') return REGEX_AFTER_WORDS.has(t.value);
    return !/^[)\]}]$/.test(t.value);
  };

  const readString = (quote: string): string => {
    let out = '';
    i++;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') {
        out += source[i + 1];
        i += 2;
        continue;
      }
      out += source[i++];
    }
    i++;
    return out;
  };

  /** Reads template text from i (just after ` or }) up to the closing ` or the next ${. */
  const readTemplateText = (): void => {
    while (i < source.length) {
      const ch = source[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '`') {
        i++;
        tokens.push({ kind: 'string', value: '`', depth, pos: i });
        return;
      }
      if (ch === '$' && source[i + 1] === '{') {
        i += 2;
        templateStack.push(depth);
        depth++;
        tokens.push({ kind: 'punct', value: '${', depth, pos: i });
        return;
      }
      i++;
    }
  };

  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const pos = i;
      tokens.push({ kind: 'string', value: readString(ch), depth, pos });
      continue;
    }
    if (ch === '`') {
      i++;
      readTemplateText();
      continue;
    }
    if (ch === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < source.length) {
        const c = source[i];
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        else if (c === '\n') break;
        i++;
      }
      i++;
      while (i < source.length && /[a-z]/i.test(source[i])) i++;
      tokens.push({ kind: 'string', value: '/regex/', depth, pos: i });
      continue;
    }
    if (ID_START.test(ch)) {
      const pos = i;
      let j = i + 1;
      while (j < source.length && ID_PART.test(source[j])) j++;
      const prev = last();
      const afterDot = !!prev && prev.kind === 'punct' && (prev.value === '.' || prev.value === '?.');
      tokens.push({ kind: 'ident', value: source.slice(i, j), depth, afterDot, pos });
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < source.length && /[0-9A-Za-z_.]/.test(source[j])) j++;
      tokens.push({ kind: 'punct', value: source.slice(i, j), depth, pos: i });
      i = j;
      continue;
    }
    if (ch === '?' && next === '.' && !/[0-9]/.test(source[i + 2] ?? '')) {
      tokens.push({ kind: 'punct', value: '?.', depth, pos: i });
      i += 2;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') {
      tokens.push({ kind: 'punct', value: ch, depth, pos: i });
      depth++;
      i++;
      continue;
    }
    if (ch === '}' || ch === ')' || ch === ']') {
      depth = Math.max(0, depth - 1);
      if (ch === '}' && templateStack.length && templateStack[templateStack.length - 1] === depth) {
        templateStack.pop();
        i++;
        readTemplateText();
        continue;
      }
      tokens.push({ kind: 'punct', value: ch, depth, pos: i });
      i++;
      continue;
    }
    tokens.push({ kind: 'punct', value: ch, depth, pos: i });
    i++;
  }
  return tokens;
}

/** Names of `function name(` declarations at bracket depth 0. */
export function topLevelFunctions(source: string): string[] {
  const t = scan(source);
  const out: string[] = [];
  for (let k = 0; k + 2 < t.length; k++) {
    const a = t[k];
    const b = t[k + 1];
    const c = t[k + 2];
    if (
      a.kind === 'ident' &&
      a.value === 'function' &&
      a.depth === 0 &&
      !a.afterDot &&
      b.kind === 'ident' &&
      c.kind === 'punct' &&
      c.value === '('
    ) {
      const before = t[k - 1];
      // `x = function name(` is an expression, not a declaration
      if (before && before.kind === 'punct' && /^[=(,:?!&|]$/.test(before.value)) continue;
      out.push(b.value);
    }
  }
  return out;
}

/** Module specifiers a TypeScript/JavaScript file imports, exports from, or requires. */
export function importSpecifiers(source: string): string[] {
  const t = scan(source);
  const out: string[] = [];
  for (let k = 0; k < t.length; k++) {
    const a = t[k];
    if (a.kind !== 'ident' || a.afterDot) continue;
    const b = t[k + 1];
    const c = t[k + 2];
    if ((a.value === 'from' || a.value === 'import') && b?.kind === 'string' && b.value !== '`') out.push(b.value);
    else if (
      (a.value === 'import' || a.value === 'require') &&
      b?.kind === 'punct' &&
      b.value === '(' &&
      c?.kind === 'string'
    )
      out.push(c.value);
  }
  return out;
}

/** Free uses of the given names (not property accesses like `x.Session`, not object keys like `{ Drive: … }`). */
export function globalUses(source: string, names: readonly string[]): { name: string; line: number }[] {
  const wanted = new Set(names);
  const t = scan(source);
  const out: { name: string; line: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    const a = t[k];
    if (a.kind !== 'ident' || a.afterDot || !wanted.has(a.value)) continue;
    const next = t[k + 1];
    const prev = t[k - 1];
    const isKey =
      next?.kind === 'punct' &&
      next.value === ':' &&
      prev?.kind === 'punct' &&
      (prev.value === '{' || prev.value === ',');
    if (isKey) continue;
    out.push({ name: a.value, line: source.slice(0, a.pos).split('\n').length });
  }
  return out;
}
