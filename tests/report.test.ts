// The round's report: the model from the template equals the seed report's text (model, .docx and
// the Google Doc written into the fakes), results by division, numerals, HTML escaping, the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { REPORT } from '../src/core/messages';
import { buildReport, reportParagraphs, type ReportModel } from '../src/core/report';
import { renderReportHtml } from '../src/core/report-html';
import { templateSnapshot } from '../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../src/core/workbook';
import { reportDocx } from '../src/node/report-docx';
import { division, measure, miniWorkbook } from './support/workbook';

const SEED = join(__dirname, '..', '..', 'shared', 'seed', 'ita-measures-report-2566-round6.txt');
const seedPath = existsSync(SEED) ? SEED : join(__dirname, '..', 'sheets-template', 'ita-measures-report-2566-round6.txt');

// ---------------------------------------------------------------- the seed's text, as expected

/** Whitespace carries no meaning after PDF extraction (it broke lines mid-phrase): compare without it. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/**
 * The seed report's text in reading order, read from the file itself: HTML list markup and markdown
 * heading marks dropped, the table header kept once per area (the extraction repeats it at every
 * page break), and the two extraction glitches DESIGN §1 lists corrected the way the template does:
 * the title's ปทุมใหญ่ is the agency's ปรุใหญ่, and `ใ้` lost its ช (ใช้จ่าย) or its ห (ให้).
 */
function seedText(): string {
  const lines = readFileSync(seedPath, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/<[^>]*>/g, ' ').replace(/^#+\s*/, '').trim())
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
    .replace(/ใ้/g, 'ให้');
}

const template = (): WorkbookSnapshot => templateSnapshot({ example: true });
const reportOf = (snapshot: WorkbookSnapshot, round?: 6 | 12) => buildReport(parseWorkbook(snapshot).tracker, round);

// ---------------------------------------------------------------- .docx text

/** Reads one entry of a zip (stored or deflated), enough for a .docx's word/document.xml. */
function unzipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  let offset = 0;
  while (offset < buf.length - 30 && buf.readUInt32LE(offset) === 0x04034b50) {
    const method = buf.readUInt16LE(offset + 8);
    let compressed = buf.readUInt32LE(offset + 18);
    const nameLength = buf.readUInt16LE(offset + 26);
    const extraLength = buf.readUInt16LE(offset + 28);
    const entryName = buf.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    const flags = buf.readUInt16LE(offset + 6);
    if (flags & 8) {
      // sizes follow the data: find them in the central directory
      const cd = buf.lastIndexOf(Buffer.from(entryName), buf.length);
      compressed = buf.readUInt32LE(cd - 46 + 20);
    }
    if (entryName === name) {
      const data = buf.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset = start + compressed + (flags & 8 ? 16 : 0);
  }
  throw new Error(`${name} not in zip`);
}

const xmlUnescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraph texts of word/document.xml, in order (w:t runs joined per w:p). */
function docxParagraphs(docx: Uint8Array): string[] {
  const xml = unzipEntry(docx, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => xmlUnescape(t[1])).join(''),
  );
}

// ---------------------------------------------------------------- golden

describe('report golden: the template built from the seed reproduces the seed report', () => {
  const expected = seedText();

  test('the model text equals the seed text (whitespace removed)', () => {
    const { model } = reportOf(template(), 6);
    expect(squeeze(reportParagraphs(model).join('\n'))).toBe(expected);
  });

  test('11 rows × 5 cells in three numbered areas', () => {
    const { model } = reportOf(template(), 6);
    expect(model.sections.map((s) => s.heading)).toEqual(['๑. ด้าน IIT', '๒. ด้าน EIT', '๓. ด้าน OIT']);
    expect(model.sections.map((s) => s.rows.length)).toEqual([3, 3, 5]);
    for (const s of model.sections) for (const row of s.rows) expect(row).toHaveLength(5);
    expect(model.titleBlock).toEqual([
      'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)',
      'เทศบาลตำบลปรุใหญ่',
      'อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา',
    ]);
    // list items stay separate paragraphs
    const iit1 = model.sections[0].rows[0];
    expect(iit1[1]).toHaveLength(4);
    expect(iit1[1][0]).toMatch(/^- จัดทำแนวทาง/);
    expect(iit1[3][2]).toMatch(/^๓\. ผู้บริหาร/);
  });

  test('the .docx text equals the seed text (whitespace removed)', async () => {
    const { model } = reportOf(template(), 6);
    const docx = await reportDocx(model);
    expect(squeeze(docxParagraphs(docx).join('\n'))).toBe(expected);
  });
});

// ---------------------------------------------------------------- rules of the model

const divisions = [division('PALAD', 'สำนักปลัด'), division('FIN', 'กองคลัง'), division('HEALTH', 'กองสาธารณสุข')];

function shared(entries: Record<string, { key: string; result6?: string; result12?: string }[]>, settings = {}): WorkbookSnapshot {
  return miniWorkbook({
    settings: { district: 'เมืองทดสอบ', province: 'ทดสอบ', ...settings },
    divisions,
    measures: [measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง', 'กองสาธารณสุข']), measure('OIT-01', 'OIT', ['กองคลัง'])],
    entries,
  });
}

const resultCell = (model: ReportModel, id: string): string[] => {
  for (const s of model.sections) {
    const i = s.measureIds.indexOf(id);
    if (i >= 0) return s.rows[i][4];
  }
  throw new Error(`no row ${id}`);
};

describe('report model', () => {
  test('round 12 gives the whole fiscal year in its months line', () => {
    const { model } = reportOf(template(), 12);
    expect(model.titleBlock[1]).toBe('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖)');
  });

  test('arabic numerals setting: every number the report writes is arabic', () => {
    const { model } = reportOf(shared({ FIN: [{ key: 'OIT-01', result6: 'ทำแล้ว' }] }, { numerals: 'เลขอารบิก' }), 6);
    expect(model.titleBlock[1]).toBe('ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน (เดือนตุลาคม 2565 - มีนาคม 2566)');
    expect(model.heading).toBe('มาตรการส่งเสริมคุณธรรมและความโปร่งใสของเทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. 2566');
    expect(model.intro).toContain('ประจำปีงบประมาณ พ.ศ. 2565 นำมาสู่');
    expect(model.sections.map((s) => s.heading)).toEqual(['1. ด้าน EIT', '2. ด้าน OIT']);
  });

  test('bare district and province names get their prefixes; numbering skips absent areas', () => {
    const { model } = reportOf(shared({}), 6);
    expect(model.titleBlock[3]).toBe('อำเภอเมืองทดสอบ จังหวัดทดสอบ');
    expect(model.sections.map((s) => s.heading)).toEqual(['๑. ด้าน EIT', '๒. ด้าน OIT']);
  });

  test('several divisions reported: each prefixed by its name, in the measure\'s order; the silent one is warned about', () => {
    const { model, warnings } = reportOf(
      shared({
        HEALTH: [{ key: 'EIT-01', result6: 'ตรวจสุขภาพแล้ว\nส่งรายงานแล้ว' }],
        PALAD: [{ key: 'EIT-01', result6: 'จัดประชุมแล้ว' }],
        FIN: [{ key: 'EIT-01', result6: '' }, { key: 'OIT-01', result6: 'ทำแผนแล้ว' }],
      }),
      6,
    );
    expect(resultCell(model, 'EIT-01')).toEqual(['สำนักปลัด: จัดประชุมแล้ว', 'กองสาธารณสุข: ตรวจสุขภาพแล้ว', 'ส่งรายงานแล้ว']);
    expect(resultCell(model, 'OIT-01')).toEqual(['ทำแผนแล้ว']);
    expect(warnings).toEqual([REPORT.warnDivisionMissing('กองคลัง', REPORT.measureLabel('EIT-01', 'ประเด็น EIT-01'), '๖')]);
    expect(warnings[0]).toContain('กองคลัง');
    expect(warnings[0]).toContain('EIT-01');
  });

  test('one division reported: its text alone; the round picks its own column', () => {
    const snap = shared({ FIN: [{ key: 'OIT-01', result6: 'ผลรอบหก', result12: 'ผลรอบสิบสอง' }] });
    expect(resultCell(reportOf(snap, 6).model, 'OIT-01')).toEqual(['ผลรอบหก']);
    expect(resultCell(reportOf(snap, 12).model, 'OIT-01')).toEqual(['ผลรอบสิบสอง']);
  });

  test('no division reported: "-" and a warning naming the measure', () => {
    const { model, warnings } = reportOf(shared({ FIN: [{ key: 'OIT-01', result6: 'ทำแผนแล้ว' }] }), 6);
    expect(resultCell(model, 'EIT-01')).toEqual(['-']);
    expect(warnings).toEqual([REPORT.warnNoResult(REPORT.measureLabel('EIT-01', 'ประเด็น EIT-01'), '๖')]);
    expect(warnings[0]).toMatch(/มาตรการ EIT-01 "ประเด็น EIT-01": ยังไม่มีหน่วยงานใดกรอกผลการดำเนินการรอบ ๖ เดือน/);
  });

  test('milestone rows do not count as a measure\'s result', () => {
    const snap = miniWorkbook({
      divisions,
      measures: [measure('OIT-01', 'OIT', ['กองคลัง'])],
      milestones: [{ id: 'MS-01', measureId: 'OIT-01', divisionCode: 'FIN', task: 'แผน', due: '2022-10-31' }],
      entries: { FIN: [{ key: 'OIT-01' }, { key: 'MS-01', kind: 'milestone', measureId: 'OIT-01', result6: 'ส่งแผนแล้ว' }] },
    });
    expect(resultCell(reportOf(snap, 6).model, 'OIT-01')).toEqual(['-']);
  });
});

describe('report HTML', () => {
  test('text from the sheet is escaped, never markup', () => {
    const { model } = reportOf(shared({ FIN: [{ key: 'OIT-01', result6: '<script>alert("x")</script> & <b>ok</b>' }] }), 6);
    const html = renderReportHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;ok&lt;/b&gt;');
  });

  test('a standalone landscape page: Thai font stack, the header row repeats when printed, every list item a paragraph', () => {
    const { model } = reportOf(template(), 6);
    const html = renderReportHtml(model);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('"TH Sarabun New", Sarabun, Laksaman, sans-serif');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html.match(/<thead>/g)).toHaveLength(3);
    expect(html.match(/<tr id="/g)).toHaveLength(11);
    expect(html).toContain('<p>- จัดทำแนวทางในการขับเคลื่อนเกี่ยวกับการ เฝ้าระวังการทุจริต</p>');
    // the page's text is the seed's too
    const text = html
      .replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&');
    expect(squeeze(text)).toBe(seedText());
  });
});
