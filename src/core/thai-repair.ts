// What PDF text extraction does to Thai, undone where the result can only have one meaning: marks
// (vowels above/below, tone marks) split from their base letter by a space or placed after the wrong
// letter ("เป็ น", "ขัน ้ ตอน", "ดังนี ้"), sara am in two halves ("ํา", "ดำ า"), a leading vowel or a
// following vowel cut off by a space, and the "ใ้" glitch (the ช or ห the extraction lost). Each rule
// fires only on a sequence no Thai word contains, so correct text never changes.

const CONSONANT = '\u0E01-\u0E2E';
/** marks written above or below a letter: never begin a word */
const MARK = '\u0E31\u0E34-\u0E3A\u0E47-\u0E4E';
const TONE = '\u0E48-\u0E4B';

interface Rule {
  re: RegExp;
  to: string | ((...m: string[]) => string);
}

const RULES: Rule[] = [
  // sara am typed or extracted as nikhahit + sara aa, or its second half repeated
  { re: /\u0E4D\s*\u0E32/g, to: '\u0E33' },
  { re: /\u0E33\s*\u0E32/g, to: '\u0E33' },
  // a mark standing alone between spaces, or after a space: it belongs to the letter before
  { re: new RegExp(`\\s+([${MARK}]+)(?:\\s+(?=[${CONSONANT}]))?`, 'g'), to: '$1' },
  // ขัน้ → ขั้น, ขึน้ → ขึ้น: a tone mark after the final consonant of a mai han-akat or sara ue syllable
  // sits on its first consonant (those vowels always close on a consonant; ิ ี do not: มิน่า)
  { re: new RegExp(`([${CONSONANT}][\u0E31\u0E36\u0E37])([${CONSONANT}])([${TONE}])`, 'g'), to: '$1$3$2' },
  // เลีย้ง → เลี้ยง, เชือ่ → เชื่อ, ชัว่ → ชั่ว: in the vowels เ-ีย, เ-ือ, -ัว the tone sits before ย อ ว
  { re: /([\u0E31\u0E35\u0E37])([ยอว])([\u0E48-\u0E4B])/g, to: '$1$3$2' },
  // mai han-akat and the short e/ae of เ-็ always close on a consonant: a space after them is not a word break
  {
    re: new RegExp(`([${CONSONANT}]\u0E31[${TONE}]?|[เแ][${CONSONANT}]{1,2}\u0E47)\\s+(?=[${CONSONANT}])`, 'g'),
    to: '$1',
  },
  // a leading vowel never ends a word; sara a, aa, am never begin one
  { re: new RegExp(`([เแโใไ])\\s+(?=[${CONSONANT}])`, 'g'), to: '$1' },
  { re: /(?<=[\u0E01-\u0E2E\u0E31-\u0E4E])\s+(?=[\u0E30\u0E32\u0E33\u0E45])/g, to: '' },
  // ใ้: the letter between was lost; ใช้ before จ่าย (ใช้จ่าย), ให้ everywhere else
  { re: /ใ้(?=\s*จ่าย)/g, to: 'ใช้' },
  { re: /ใ้/g, to: 'ให้' },
];

export interface ThaiRepair {
  text: string;
  /** each change: the text around it before and after */
  changes: Array<readonly [before: string, after: string]>;
}

function applyRules(text: string): string {
  return RULES.reduce((t, r) => t.replace(r.re, r.to as string), text);
}

/** The text with every extraction glitch undone, and what changed. */
export function repairThaiText(text: string): ThaiRepair {
  const changes: Array<readonly [string, string]> = [];
  let out = text;
  for (const rule of RULES) {
    for (const m of out.matchAll(rule.re)) {
      // the word around the change, as a person would search for it
      const before = wordAround(out, m.index, m.index + m[0].length);
      changes.push([before, applyRules(before)]);
    }
    out = out.replace(rule.re, rule.to as string);
  }
  return { text: out, changes };
}

function wordAround(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 6 && !/\s/.test(text[s - 1])) s--;
  while (e < text.length && e - end < 6 && !/\s/.test(text[e])) e++;
  return text.slice(s, e);
}
