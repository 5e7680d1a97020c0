// Where a line of a document may break inside Thai text (issue 24). Thai has no spaces between words,
// so LibreOffice, Word and Google Docs break lines at the dictionary's word boundaries, the same ICU
// data Intl.Segmenter reads. That dictionary splits compounds and names into their parts ("ขับ|เคลื่อน",
// "เทศบาลตำบล|ปรุ|ใหญ่", "กอง|สา|ธารณ|สุขฯ"), and a narrow table cell then breaks them across lines. The
// model marks such a phrase as a no-break run (Run.noBreak); each writer keeps it on one line
// (`unbreakable`: U+2060 WORD JOINER between its segments). Only whole segments are joined: a phrase is
// kept whole only where its ends fall on the text's own word boundaries, so running prose still breaks
// between words and lines do not overflow.
import { type ParagraphStyle, paragraph, type Run, type TableCell } from './document';

/**
 * Compounds the Thai dictionary splits but a reader takes as one word, seen broken in the agencies'
 * reports (the seed's measures: ขับเคลื่อน, ร้องเรียน, ต่อต้าน …). Data, not wording: add to it as
 * renders show more.
 */
export const KNOWN_COMPOUNDS: readonly string[] = [
  'ขับเคลื่อน',
  'ร้องเรียน',
  'ต่อต้าน',
  'หน่วยงาน',
  'งบประมาณ',
  'ระยะเวลา',
  'องค์ประกอบ',
  'เฝ้าระวัง',
  'ผู้รับผิดชอบ',
  'เจ้าหน้าที่',
  'ผู้บริหาร',
  'พึงพอใจ',
  'ตรวจสอบ',
  'เผยแพร่',
  'จุดอ่อน',
  'ทับซ้อน',
  'ข้อบกพร่อง',
  'บทลงโทษ',
];

/** Names longer than this (in characters) are left to break: kept whole they could not fit a column. */
const MAX_WHOLE = 40;

let shared: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => {
  shared ??= new Intl.Segmenter('th', { granularity: 'word' });
  return shared;
};

/** Characters either side of a match read to find its word boundaries (a long cell is not segmented whole). */
const CONTEXT = 16;

/**
 * A phrase no line may break inside, as the writers put it on the page: no-break spaces for its spaces
 * and U+2060 WORD JOINER between the dictionary's segments (where Thai line breaking would break), so
 * "เทศบาลตำบลปรุใหญ่" stays whole. Text outside such phrases is written as typed.
 */
export const unbreakable = (text: string): string =>
  [...segmenter().segment(text.replace(/ /g, '\u00A0'))].map((g) => g.segment).join('\u2060');

/** Thai marks above and below a letter take no width of their own. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/gu;
const glyphs = (text: string): number => text.replace(ZERO_WIDTH, '').length;

const segmentsOf = (text: string): string[] => [...segmenter().segment(text)].map((g) => g.segment);

/**
 * A kept phrase as the pieces a line may break between: the whole phrase when it fits the column, else
 * its words grouped from the end while they fit ("เทศบาลตำบล|ปรุใหญ่", "กอง|สาธารณสุขฯ": a name's own
 * part comes last), so a long name breaks where a reader would and never letter by letter.
 */
function piecesOf(phrase: string, maxGlyphs: number): string[] {
  if (glyphs(phrase) <= maxGlyphs) return [phrase];
  // the name's words without its abbreviation mark (the dictionary reads "สาธารณสุขฯ" as สา|ธารณ|สุขฯ)
  const tail = /[ฯ.\s]*$/u.exec(phrase)?.[0] ?? '';
  const words = segmentsOf(phrase.slice(0, phrase.length - tail.length));
  if (words.length === 0) return [phrase];
  words[words.length - 1] += tail;
  const groups: string[] = [];
  for (let i = words.length - 1; i >= 0; i--)
    if (groups.length && glyphs(words[i] + groups[0]) <= maxGlyphs) groups[0] = words[i] + groups[0];
    else groups.unshift(words[i]);
  return groups;
}

/**
 * A name shortened with ฯ (ไปยาลน้อย) as the text writes it: "กองสาธารณสุขฯ" for กองสาธารณสุขและสิ่งแวดล้อม,
 * the longest start of a name (three letters or more) right before a ฯ that does not begin ฯลฯ.
 */
function abbreviations(text: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('ฯ'); at > 0; at = text.indexOf('ฯ', at + 1)) {
    if (text.startsWith('ฯลฯ', at)) continue;
    const before = text.slice(0, at);
    for (const name of names) {
      const n = name.trim();
      for (let k = n.length; k >= 3; k--)
        if (before.endsWith(n.slice(0, k))) {
          out.push(`${n.slice(0, k)}ฯ`);
          break;
        }
    }
  }
  return out;
}

/**
 * The text as runs in which each occurrence of a name or a known compound is one no-break run (a name
 * wider than the column: its word groups, `piecesOf`). A match is widened to the segments it lies in
 * ("กองสาธารณสุข" in "กองสาธารณสุขฯ" keeps the ฯ); a compound is kept only when it starts and ends on
 * the text's own word boundaries, so it is never glued to the word beside it; overlapping matches merge.
 * `maxGlyphs`: about how many glyphs a line of the column holds.
 */
export function wholeWords(text: string, names: readonly string[], maxGlyphs = Number.POSITIVE_INFINITY): Run[] {
  const phrases = [
    ...new Set([...names.map((n) => n.trim()), ...abbreviations(text, names), ...KNOWN_COMPOUNDS]),
  ].filter((p) => p !== '' && p.length <= MAX_WHOLE);
  if (text === '' || !phrases.some((p) => text.includes(p))) return [{ text }];
  const spans: [number, number][] = [];
  for (const p of phrases)
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
      // the word boundaries around the match, from the text either side of it
      const from = Math.max(0, at - CONTEXT);
      const to = Math.min(text.length, at + p.length + CONTEXT);
      const bounds = [...segmenter().segment(text.slice(from, to))].map((g) => from + g.index).concat(to);
      const s = Math.max(...bounds.filter((b) => b <= at));
      const e = Math.min(...bounds.filter((b) => b >= at + p.length));
      // a name (typed by the agency) may end inside a segment ("กองสาธารณสุข" in "…สุขฯ"): widened to it;
      // a compound must be whole segments of the text, never part of a longer word
      const isName = !KNOWN_COMPOUNDS.includes(p);
      if (isName || (bounds.includes(at) && bounds.includes(at + p.length))) spans.push([s, e]);
    }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const runs: Run[] = [];
  const plain = (t: string) => {
    const prev = runs[runs.length - 1];
    if (prev && !prev.noBreak) prev.text += t;
    else runs.push({ text: t });
  };
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) plain(text.slice(at, s));
    // a single segment needs no joining
    for (const piece of piecesOf(text.slice(s, e), maxGlyphs))
      if (segmentsOf(piece).length > 1) runs.push({ text: piece, noBreak: true });
      else plain(piece);
    at = e;
  }
  if (at < text.length) plain(text.slice(at));
  return runs;
}

/** A table cell whose names and known compounds never break across lines (the report's and plan's tables). */
export const wholeWordsCell = (
  texts: readonly string[],
  names: readonly string[],
  maxGlyphs = Number.POSITIVE_INFINITY,
  style: ParagraphStyle = {},
): TableCell => ({
  paragraphs: (texts.length ? texts : ['']).map((t) => paragraph(wholeWords(t, names, maxGlyphs), style)),
});

/**
 * About how many glyphs a line of each column holds (Thai glyphs of the office fonts take a little over
 * half an em; the cell's padding off), for wholeWordsCell.
 */
export function glyphsPerLine(textWidthPt: number, weights: readonly number[], sizePt: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.max(4, Math.floor(((textWidthPt * w) / total - 8) / (0.55 * sizePt))));
}
