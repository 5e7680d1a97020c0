// Thai text on its way into a document: the extraction glitches thai-repair.ts undoes (floating marks
// such as ใ้, marks split from their letters) and the stray spaces a PDF line break leaves inside a
// Thai word. A space is stray when the letters either side of it are one dictionary word — the word
// segmentation of Intl.Segmenter (ICU's Thai dictionary, in Node and in Apps Script's V8) finds a
// word across it — or when the word before it is the prefix การ / ความ, which never ends a phrase
// ("การ ทุจริต"). Spaces before ๆ or a lone letter (พ.ศ.) are Thai convention and stay.
import { TEXT_CHECK } from './messages/document-text';
import { repairThaiText } from './thai-repair';

export interface TextFix {
  text: string;
  /** each change: the words around it before and after */
  changes: Array<readonly [before: string, after: string]>;
}

const THAI_RUN = /[\u0E01-\u0E4E]+/g;
/** what a Thai word begins with: a consonant or a leading vowel */
const WORD_START = /[\u0E01-\u0E2E\u0E40-\u0E44]/;
/** words that make a noun of the next word: a space after one is never a phrase break */
const NOMINALISERS = new Set(['การ', 'ความ']);
/** verbs that take การ as their own end (ดำเนินการ): a space after them is a phrase break */
const TAKES_KARN = new Set(['ดำเนิน', 'ปฏิบัติ']);

interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; index: number }>;
}

/** Thai word segmentation when the runtime has it (Intl.Segmenter); null where it does not. */
function thaiSegmenter(): WordSegmenter | null {
  // typed by lib ES2022.Intl; a runtime without it (an older Apps Script V8) has no Intl.Segmenter at all
  return typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
}

let segmenter: WordSegmenter | null | undefined;
const words = (text: string): string[] => {
  if (segmenter === undefined) segmenter = thaiSegmenter();
  return segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : [text];
};

/** True when the single space between left and right (both Thai runs) sits inside one word. */
function isStray(left: string, right: string): boolean {
  if (right.startsWith('ๆ') || left.length < 2 || right.length < 2 || !WORD_START.test(right[0])) return false;
  const lw = words(left);
  const last = lw[lw.length - 1];
  if (NOMINALISERS.has(last) && !TAKES_KARN.has(lw[lw.length - 2] ?? '')) return true;
  // a dictionary word across the space: the segment boundaries of the joined text skip the junction
  const joined = words(last + words(right)[0]);
  return joined.length === 1;
}

/** Removes the stray spaces inside Thai words (one line at a time), and lists what it joined. */
export function joinStraySpaces(text: string): TextFix {
  const changes: Array<readonly [string, string]> = [];
  const out = text
    .split('\n')
    .map((line) =>
      line.replace(/([\u0E01-\u0E4E]+) (?=([\u0E01-\u0E4E]+))/g, (whole, left: string, right: string) => {
        if (!isStray(left, right)) return whole;
        // the words either side, as a person would search for them
        const before = words(left).pop() as string;
        const after = words(right)
          .reduce((w, seg) => (w.length < 6 ? w + seg : w), '')
          .slice(0, Math.max(words(right)[0].length, 12));
        changes.push([`${before} ${after}`, `${before}${after}`]);
        return left;
      }),
    )
    .join('\n');
  return { text: out, changes };
}

/**
 * What fixThaiText said of each text already seen: validation checks every document-bound cell, and a
 * measure's text is repeated on the tab of each division responsible for it (5,000 measures × 50
 * divisions: 5.9 s of a report's 14 s was the same few texts segmented again). Pure, so kept; emptied
 * past a bound so a long-running process does not keep every text it ever read.
 */
const fixed = new Map<string, Readonly<TextFix>>();
const FIXED_MAX = 20_000;

/** Every glitch undone (per line: a repair never reaches across a line break) and every stray space joined. */
export function fixThaiText(text: string): Readonly<TextFix> {
  const known = fixed.get(text);
  if (known) return known;
  if (fixed.size >= FIXED_MAX) fixed.clear();
  const fix = computeFix(text);
  fixed.set(text, fix);
  return fix;
}

function computeFix(text: string): TextFix {
  const changes: Array<readonly [string, string]> = [];
  const repaired = text
    .split('\n')
    .map((line) => {
      const r = repairThaiText(line);
      // each change shown with the next word too: ใ้ is ใช้ or ให้ by the word after it
      for (const [before] of r.changes) {
        const at = line.indexOf(before);
        const next = at < 0 ? null : /^\s+\S+/.exec(line.slice(at + before.length));
        const shown = next ? before + next[0] : before;
        changes.push([shown, repairThaiText(shown).text]);
      }
      return r.text;
    })
    .join('\n');
  const joined = joinStraySpaces(repaired);
  return { text: joined.text, changes: [...changes, ...joined.changes] };
}

/** True when the text has Thai letters at all (no check is worth running otherwise). */
export const hasThai = (text: string): boolean => {
  THAI_RUN.lastIndex = 0;
  return THAI_RUN.test(text);
};

/** What the importer says about the spaces it joined in one row: how many, and the first few. */
export function joinedNote(changes: ReadonlyArray<readonly [string, string]>): string {
  const unique = [...new Map(changes.map((c) => [c[0], c])).values()];
  return TEXT_CHECK.joined(
    changes.length,
    unique
      .slice(0, 3)
      .map(([b, a]) => TEXT_CHECK.change(b, a))
      .join(', '),
  );
}
