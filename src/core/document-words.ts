// Where a line of a document may break inside Thai text (issue 24). Thai has no spaces between words,
// so LibreOffice, Word and Google Docs break lines at the dictionary's word boundaries, the same ICU
// data Intl.Segmenter reads. That dictionary splits compounds and names into their parts ("ขับ|เคลื่อน",
// "เทศบาลตำบล|ปรุ|ใหญ่", "กอง|สา|ธารณ|สุขฯ"), and a narrow table cell then breaks them across lines. The
// model marks such a phrase as a no-break run (Run.noBreak); each writer keeps it on one line
// (`unbreakable`: U+2060 WORD JOINER between its segments). Only whole segments are joined: a phrase is
// kept whole only where its ends fall on the text's own word boundaries, so running prose still breaks
// between words and lines do not overflow.
import { type DocumentModel, type ParagraphStyle, paragraph, type Run, type TableCell } from './document';

/**
 * Compounds the Thai dictionary splits but a reader takes as one word, seen broken in the agencies'
 * reports, plans and memos (ขับ|เคลื่อน, ส่ง|เสริม, ราย|งาน, ช่อง|ทาง …): the official vocabulary of the
 * ITA documents. Data, not wording: add to it as renders show more. A compound that is one segment
 * alone (รายงาน) is still listed when the dictionary splits it in some text around it (ราย|งาน).
 */
export const KNOWN_COMPOUNDS: readonly string[] = [
  // the measures' own words
  'ขับเคลื่อน',
  'ส่งเสริม',
  'เสริมสร้าง',
  'ยกระดับ',
  'ดำเนินการ',
  'ดำเนินงาน',
  'ปฏิบัติงาน',
  'แนวปฏิบัติ',
  'ตรวจสอบ',
  'รายงาน',
  'รายละเอียด',
  'สรุปผล',
  'แล้วเสร็จ',
  'จัดทำ',
  'แผนงาน',
  'ขั้นตอน',
  'วิธีการ',
  'ระยะเวลา',
  'องค์ประกอบ',
  'ตัวชี้วัด',
  // the plan's analysis: "ต่ำ | กว่าเกณฑ์", "คะแนนต่ำ | สุด" at 390 px
  'ต่ำกว่า',
  'ต่ำสุด',
  'ภาพรวม',
  'ส่วนงาน',
  'คุณธรรม',
  'โปร่งใส',
  'ประเมิน',
  'งบประมาณ',
  // the dictionary reads ประจำ|ปีงบประมาณ, ประจำ|ปี: a line ending in ประจำ reads as broken
  'ประจำปีงบประมาณ',
  'ประจำปี',
  'เบิกจ่าย',
  'ใช้จ่าย',
  'จัดซื้อ',
  'จัดจ้าง',
  'บริหารจัดการ',
  'ประสานงาน',
  'ฝึกอบรม',
  'ความรู้',
  'ประมวลจริยธรรม',
  // integrity and complaints
  'ร้องเรียน',
  'ร้องทุกข์',
  'แจ้งเบาะแส',
  'ต่อต้าน',
  'ปราบปราม',
  'เฝ้าระวัง',
  'ทับซ้อน',
  'ผลประโยชน์',
  'ประพฤติมิชอบ',
  'ความเสี่ยง',
  'จุดอ่อน',
  'ข้อบกพร่อง',
  'ข้อบังคับ',
  'ข้อเสนอแนะ',
  'บทลงโทษ',
  'คำสั่ง',
  // the public and the service
  'ช่องทาง',
  // the dictionary reads ช่อง|ทางการ (official) before ช่องทาง|การ
  'ช่องทางการ',
  'รับฟัง',
  'รับทราบ',
  'เผยแพร่',
  'เปิดเผย',
  'เข้าถึง',
  'ส่วนร่วม',
  'พึงพอใจ',
  'ตอบสนอง',
  'ภาครัฐ',
  'ท้องถิ่น',
  'อาสาสมัคร',
  // who
  'หน่วยงาน',
  'ส่วนราชการ',
  'ผู้รับผิดชอบ',
  'รับผิดชอบ',
  'เจ้าหน้าที่',
  'ผู้บริหาร',
  'ผู้บังคับบัญชา',
  'ผู้รับบริการ',
  'ผู้มีส่วนได้ส่วนเสีย',
  'อำนวยการ',
  // the memo's and the signature's
  'บันทึกข้อความ',
  'เห็นชอบ',
  'ความคิดเห็น',
  'ลงนาม',
  'ถูกต้อง',
  'ครบถ้วน',
  'ดังกล่าว',
  'เกี่ยวกับ',
  'เกี่ยวข้อง',
];

/** The era and its year, one unit on a line ("พ.ศ. ๒๕๖๖", "พ.ศ.2566"). */
const BE_YEAR = 'พ\\.ศ\\.\\s?[0-9๐-๙]{4}';

/** Names longer than this (in characters) are left to break: kept whole they could not fit a column. */
const MAX_WHOLE = 40;

let shared: Intl.Segmenter | undefined;
/** Letters either side of a match segmented to find its word boundaries. */
const CONTEXT = 16;

const segmenter = (): Intl.Segmenter => {
  shared ??= new Intl.Segmenter('th', { granularity: 'word' });
  return shared;
};

/**
 * A phrase no line may break inside, as the writers put it on the page: no-break spaces for its spaces
 * and U+2060 WORD JOINER between the dictionary's segments (where Thai line breaking would break), so
 * "เทศบาลตำบลปรุใหญ่" stays whole. Text outside such phrases is written as typed.
 */
export function unbreakable(text: string): string {
  const known = joinedCache.get(text);
  if (known !== undefined) return known;
  const joined = [...segmenter().segment(text.replace(/ /g, '\u00A0'))].map((g) => g.segment).join('\u2060');
  if (joinedCache.size > 20_000) joinedCache.clear();
  joinedCache.set(text, joined);
  return joined;
}

/** unbreakable's answers: a document repeats the same names and compounds in thousands of cells. */
const joinedCache = new Map<string, string>();

const sameLook = (a: Run, b: Run): boolean => !a.image && !b.image && !a.bold === !b.bold && a.sizePt === b.sizePt;

/**
 * A paragraph's runs as the .docx and Google Doc writers put them (the one rule both follow): each
 * no-break run's text joined (`unbreakable`) and written together with its neighbours of the same look
 * (weight, size) as one run, so a kept name lies inside the text around it instead of a run of its own
 * (a 5,000-measure report: 188,530 runs in its document.xml before). Image runs stay as they are.
 */
export function joinedRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = r.noBreak ? unbreakable(r.text) : r.text;
    const prev = out[out.length - 1];
    if (prev && sameLook(prev, r)) prev.text += text;
    else out.push({ ...r, text, noBreak: undefined });
  }
  return out;
}

/** Thai marks above and below a letter take no width of their own. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/gu;
const glyphs = (text: string): number => text.replace(ZERO_WIDTH, '').length;

/** Word boundaries of a short piece of text (its ends included), remembered: the same pieces recur. */
function boundariesOf(piece: string): number[] {
  const known = boundaryCache.get(piece);
  if (known) return known;
  const bounds = [...segmenter().segment(piece)].map((g) => g.index).concat(piece.length);
  if (boundaryCache.size > 50_000) boundaryCache.clear();
  boundaryCache.set(piece, bounds);
  return bounds;
}

const boundaryCache = new Map<string, number[]>();

const segmentsOf = (text: string): number => boundariesOf(text).length - 1;

/**
 * A kept phrase as the pieces a line may break between: the whole phrase when it fits the column, else
 * its words grouped from the end while they fit ("เทศบาลตำบล|ปรุใหญ่", "กอง|สาธารณสุขฯ": a name's own
 * part comes last), so a long name breaks where a reader would and never letter by letter.
 */
function piecesOf(phrase: string, maxGlyphs: number): string[] {
  if (glyphs(phrase) <= maxGlyphs) return [phrase];
  // the name's words without its abbreviation mark (the dictionary reads "สาธารณสุขฯ" as สา|ธารณ|สุขฯ)
  const tail = /[ฯ.\s]*$/u.exec(phrase)?.[0] ?? '';
  const core = phrase.slice(0, phrase.length - tail.length);
  const at = boundariesOf(core);
  const words = at.slice(0, -1).map((b, i) => core.slice(b, at[i + 1]));
  if (words.length === 0) return [phrase];
  words[words.length - 1] += tail;
  const groups: string[] = [];
  for (let i = words.length - 1; i >= 0; i--)
    if (groups.length && glyphs(words[i] + groups[0]) <= maxGlyphs) groups[0] = words[i] + groups[0];
    else groups.unshift(words[i]);
  return groups;
}

/**
 * Finds the names and known compounds in texts and gives each text as runs (`runs`), one keeper per
 * document: the phrases are one regular expression, and what a text gives is remembered (a long report
 * repeats its steps in many rows; Thai segmentation is the costly part).
 */
export class WordKeeper {
  private readonly names: string[];
  private readonly find: RegExp;
  private readonly starts: string[];
  private readonly seen = new Map<string, Run[]>();

  /** `maxGlyphs`: about how many glyphs a line of the column holds (a wider name breaks between its words). */
  constructor(
    names: readonly string[],
    private readonly maxGlyphs = Number.POSITIVE_INFINITY,
  ) {
    this.names = [...new Set(names.map((n) => n.trim()))].filter((n) => n.length >= 3 && n.length <= MAX_WHOLE);
    const phrases = [...new Set([...this.names, ...KNOWN_COMPOUNDS])].sort((a, b) => b.length - a.length);
    // and a Buddhist-era year with its era ("พ.ศ. ๒๕๖๖"): a line ending in พ.ศ. reads as a broken date
    this.find = new RegExp([BE_YEAR, ...phrases.map(escapeRe)].join('|'), 'gu');
    // a name shortened with ฯ (ไปยาลน้อย): "กองสาธารณสุขฯ" for กองสาธารณสุขและสิ่งแวดล้อม
    this.starts = this.names;
  }

  /**
   * The text as runs in which each name or known compound is one no-break run (a name wider than the
   * column: its word groups, `piecesOf`). A match is widened to the segments it lies in ("กองสาธารณสุข"
   * in "กองสาธารณสุขฯ" keeps the ฯ); a compound is kept only where its ends are the text's own word
   * boundaries, so it is never glued to the word beside it; overlapping matches merge.
   */
  runs(text: string): Run[] {
    let runs = this.seen.get(text);
    if (!runs) {
      runs = this.runsOf(text);
      if (this.seen.size > 20_000) this.seen.clear();
      this.seen.set(text, runs);
    }
    return runs.map((r) => ({ ...r }));
  }

  private matches(text: string): { at: number; end: number; compound: boolean }[] {
    const out: { at: number; end: number; compound: boolean }[] = [];
    for (const m of text.matchAll(this.find)) {
      const at = m.index ?? 0;
      out.push({ at, end: at + m[0].length, compound: KNOWN_COMPOUNDS.includes(m[0]) });
    }
    for (let at = text.indexOf('ฯ'); at > 0; at = text.indexOf('ฯ', at + 1)) {
      if (text.startsWith('ฯลฯ', at)) continue;
      for (const n of this.starts)
        for (let k = n.length; k >= 3; k--)
          if (text.startsWith(n.slice(0, k), at - k)) {
            out.push({ at: at - k, end: at + 1, compound: false });
            break;
          }
    }
    return out;
  }

  private runsOf(text: string): Run[] {
    const found = this.matches(text);
    if (found.length === 0) return [{ text }];
    const spans: [number, number][] = [];
    for (const { at, end, compound } of found) {
      // the word boundaries around the match, from a few letters either side
      const from = Math.max(0, at - CONTEXT);
      const to = Math.min(text.length, end + CONTEXT);
      const near = new Set(boundariesOf(text.slice(from, to)).map((b) => from + b));
      // a compound must be whole segments of the text, never part of a longer word; a name (typed by
      // the agency) may end inside a segment ("กองสาธารณสุข" in "…สุขฯ"): widened to it
      if (compound && !(near.has(at) && near.has(end))) continue;
      let s = at;
      while (!near.has(s)) s--;
      let e = end;
      while (!near.has(e)) e++;
      spans.push([s, e]);
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
      for (const piece of piecesOf(text.slice(s, e), this.maxGlyphs))
        if (segmentsOf(piece) > 1) runs.push({ text: piece, noBreak: true });
        else plain(piece);
      at = e;
    }
    if (at < text.length) plain(text.slice(at));
    return runs;
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** wholeWords of one text (a keeper for it alone). */
export const wholeWords = (text: string, names: readonly string[], maxGlyphs?: number): Run[] =>
  new WordKeeper(names, maxGlyphs).runs(text);

/** A table cell whose names and known compounds never break across lines (the report's and plan's tables). */
export const wholeWordsCell = (
  texts: readonly string[],
  keeper: WordKeeper,
  style: ParagraphStyle = {},
): TableCell => ({
  paragraphs: (texts.length ? texts : ['']).map((t) => paragraph(keeper.runs(t), style)),
});

/**
 * The document with its names and known compounds kept whole in every paragraph outside its tables too
 * (titles, headings, the intro, the plan's weak-indicator lines, the memo's body): each plain run goes
 * through the keeper, keeping its bold; no-break runs, image runs and runs of their own size (the memo's
 * labels and heading, short and on lines of their own) stay as they are. The
 * tables' cells are kept by their columns' keepers (wholeWordsCell) when they are built.
 */
export function keepingWordsWhole(doc: DocumentModel, names: readonly string[]): DocumentModel {
  const keeper = new WordKeeper(names);
  const blocks = doc.blocks.map((b) =>
    b.kind !== 'paragraph'
      ? b
      : {
          ...b,
          runs: b.runs.flatMap((r) =>
            r.noBreak || r.image || r.sizePt || r.text === '' ? [r] : keeper.runs(r.text).map((k) => ({ ...r, ...k })),
          ),
        },
  );
  return { ...doc, blocks };
}

/**
 * About how many glyphs a line of each column holds (Thai glyphs of the office fonts take a little over
 * half an em; the cell's padding off), for wholeWordsCell.
 */
export function glyphsPerLine(textWidthPt: number, weights: readonly number[], sizePt: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.max(4, Math.floor(((textWidthPt * w) / total - 8) / (0.55 * sizePt))));
}
