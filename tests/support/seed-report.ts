// The seed report's text (sheets-template/ita-measures-report-2566-round6.txt) as every report output
// must reproduce it: the model, the .docx, the HTML page and the Google Doc are all compared with it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = join(__dirname, '../..', '..', 'shared', 'seed', 'ita-measures-report-2566-round6.txt');
const seedPath = existsSync(SEED)
  ? SEED
  : join(__dirname, '../..', 'sheets-template', 'ita-measures-report-2566-round6.txt');

// ---------------------------------------------------------------- the seed's text, as expected

/**
 * Whitespace carries no meaning after PDF extraction (it broke lines mid-phrase): compare without it.
 * Nor do the word joiners (U+2060) a document puts inside names and compounds to keep them on one line.
 */
export const squeeze = (s: string): string => s.replace(/[\s\u2060]+/g, '');

/** The text as a reader sees it: without the word joiners that keep names and compounds on one line. */
export const visible = (s: string): string => s.replace(/\u2060/g, '');

/**
 * The seed report's text in reading order, read from the file itself: HTML list markup and markdown
 * heading marks dropped, the table header kept once per area (the extraction repeats it at every
 * page break), and the two extraction glitches docs/design.md §1 lists corrected the way the template does:
 * the title's ปทุมใหญ่ is the agency's ปรุใหญ่, `ใ้` lost its ช (ใช้จ่าย) or its ห (ให้), and sara am split
 * into nikhahit + sara aa (สํารวจ) is one letter again.
 */
export function seedText(): string {
  const lines = readFileSync(seedPath, 'utf8')
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/<[^>]*>/g, ' ')
        .replace(/^#+\s*/, '')
        .trim(),
    )
    .filter((l) => l !== '');
  const header = lines.find((l) => l.startsWith('ประเด็นที่เป็นข้อบกพร่อง'));
  const out: string[] = [];
  let headerSeenInSection = false;
  for (const line of lines) {
    if (/^[๐-๙0-9]+\.\s*ด้าน\s/.test(line)) headerSeenInSection = false;
    if (line === header) {
      if (headerSeenInSection) continue;
      headerSeenInSection = true;
    }
    out.push(line);
  }
  return squeeze(out.join('\n'))
    .replace(/ปทุมใหญ่/g, 'ปรุใหญ่')
    .replace(/ใ้(?=จ่าย)/g, 'ใช้')
    .replace(/ใ้/g, 'ให้')
    .replace(/\u0E4D\u0E32/g, '\u0E33');
}
