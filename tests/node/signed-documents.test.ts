// The documents an executive signs, as .docx XML a user would notice: page numbers from page 2 (the
// งานสารบรรณ "- ๒ -", top centre, Thai digits), table rows kept whole, the plan's signature block or
// ประกาศ form, the sample-data banner on every page while the data is the example's, and the memo in the
// official layout (Garuda on the heading line, dotted leaders, ที่ and วันที่ on one line).
import { rowFitsOnePage } from '../../src/core/document';
import { buildMemo } from '../../src/core/memo';
import { MEMO, PLAN, SAMPLE_BANNER } from '../../src/core/messages/plan';
import { buildPlan } from '../../src/core/plan';
import { buildReport, reportDocument } from '../../src/core/report';
import { ITA_RESULTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { writeDocumentDocx } from '../../src/node/document-docx';
import { docxParagraphs, unzipEntry } from '../support/docx';

function withSetting(snapshot: WorkbookSnapshot, key: string, value: string): WorkbookSnapshot {
  const row = snapshot.tabs[SETTINGS_TAB.name].find((r) => r[0] === key);
  if (!row) throw new Error(key);
  row[2] = value;
  return snapshot;
}

/** The example with its own data: the sample flag off and the ITA rows' sample cells cleared. */
function realData(): WorkbookSnapshot {
  const snap = withSetting(templateSnapshot(), 'sampleData', 'ไม่ใช่');
  const ita = snap.tabs[ITA_RESULTS_TAB.name];
  const col = (ita[0] as string[]).indexOf('ข้อมูลตัวอย่าง');
  for (const row of ita.slice(1)) row[col] = '';
  return snap;
}

const headersOf = (docx: Uint8Array): string[] => {
  const out: string[] = [];
  for (let i = 1; i <= 6; i++)
    try {
      out.push(unzipEntry(docx, `word/header${i}.xml`));
    } catch {
      // fewer headers
    }
  return out;
};

describe('the plan as a signed document', () => {
  let xml = '';
  let headers: string[] = [];
  let paragraphs: string[] = [];
  beforeAll(async () => {
    const docx = await writeDocumentDocx(buildPlan(parseWorkbook(realData()).tracker).model);
    xml = unzipEntry(docx, 'word/document.xml');
    headers = headersOf(docx);
    paragraphs = docxParagraphs(docx).filter((p) => p !== '');
  });

  test('page numbers: "- PAGE -" centred in the header from page 2 (titlePage), Thai digits', () => {
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:pgNumType[^>]*w:fmt="thaiNumbers"/);
    const numbered = headers.filter((h) => h.includes('PAGE'));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
    expect(numbered[0]).toMatch(/- <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> -<\/w:t>/);
    // the first page's header has no number
    expect(headers.some((h) => !h.includes('PAGE'))).toBe(true);
  });

  test('every table row that fits a page is kept on one page (cantSplit), header rows repeat', () => {
    const model = buildPlan(parseWorkbook(realData()).tracker).model;
    const fits = model.blocks.flatMap((b) =>
      b.kind === 'table' ? b.rows.map((_, i) => rowFitsOnePage(model, b, i)) : [],
    );
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.length).toBe(fits.length);
    expect(rows.map((r) => r.includes('<w:cantSplit/>'))).toEqual(fits);
    // all but the longest rows
    expect(fits.filter(Boolean).length).toBeGreaterThan(fits.length - 3);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(4);
  });

  test("it ends with the executive's signature block: ลงชื่อ, the name, the position, the date, kept together", () => {
    const t = parseWorkbook(realData()).tracker;
    expect(paragraphs.slice(-4)).toEqual([
      PLAN.signatureLine,
      '(นายตัวอย่าง ทดลองใช้)',
      t.settings.executiveTitle,
      PLAN.signatureDate,
    ]);
    const last = xml.slice(xml.lastIndexOf(PLAN.signatureLine) - 600);
    expect(last.match(/<w:keepNext\/>/g)?.length).toBeGreaterThanOrEqual(3);
  });

  test('a plan from real scores carries no sample marker', () => {
    expect([xml, ...headers].join('')).not.toContain(SAMPLE_BANNER);
  });

  test('with ท้ายมาตรการประจำปี = ประกาศ: the ประกาศ title and the ประกาศ ณ วันที่ line', () => {
    const t = parseWorkbook(withSetting(realData(), 'planClosing', 'ประกาศ')).tracker;
    const text = buildPlan(t).model.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    expect(text[0]).toBe(PLAN.announcementTitle('เทศบาลตำบลปรุใหญ่'));
    expect(text.slice(-4)).toEqual([
      PLAN.announcementDate,
      PLAN.signatureLine,
      '(นายตัวอย่าง ทดลองใช้)',
      t.settings.executiveTitle,
    ]);
  });

  test('the setting เลขหน้า: ล่างขวา puts the number in the footer at the right; ไม่ใส่ none', async () => {
    const right = await writeDocumentDocx(
      buildPlan(parseWorkbook(withSetting(realData(), 'pageNumbers', 'ล่างขวา')).tracker).model,
    );
    const footer =
      unzipEntry(right, 'word/footer1.xml') +
      (() => {
        try {
          return unzipEntry(right, 'word/footer2.xml');
        } catch {
          return '';
        }
      })();
    expect(footer).toContain('PAGE');
    expect(footer).toContain('<w:jc w:val="right"/>');
    expect(headersOf(right).some((h) => h.includes('PAGE'))).toBe(false);
    const none = await writeDocumentDocx(
      buildPlan(parseWorkbook(withSetting(realData(), 'pageNumbers', 'ไม่ใส่')).tracker).model,
    );
    expect(unzipEntry(none, 'word/document.xml')).not.toContain('<w:titlePg/>');
  });
});

describe('sample data is marked on every page until replaced', () => {
  test('a plan from the sample scores carries the marker even with the setting off', async () => {
    const snap = withSetting(templateSnapshot(), 'sampleData', 'ไม่ใช่');
    const plan = buildPlan(parseWorkbook(snap).tracker).model;
    expect(plan.banner).toBe(SAMPLE_BANNER);
    const docx = await writeDocumentDocx(plan);
    // in the header of the first page and of every other page
    expect(headersOf(docx).filter((h) => h.includes(SAMPLE_BANNER))).toHaveLength(2);
  });

  test('the example (ข้อมูลตัวอย่าง = ใช่) marks the report and the memo too; real data marks nothing', () => {
    const example = parseWorkbook(templateSnapshot()).tracker;
    expect(reportDocument(buildReport(example).model).banner).toBe(SAMPLE_BANNER);
    expect(buildMemo(example, { subject: { kind: 'plan' }, date: '2022-10-05', link: '' }).banner).toBe(SAMPLE_BANNER);
    const real = parseWorkbook(realData()).tracker;
    expect(reportDocument(buildReport(real).model).banner).toBeUndefined();
    expect(buildPlan(real).model.banner).toBeUndefined();
  });
});

describe('the memo in the official layout (.docx)', () => {
  let xml = '';
  beforeAll(async () => {
    const t = parseWorkbook(realData()).tracker;
    xml = unzipEntry(
      await writeDocumentDocx(buildMemo(t, { subject: { kind: 'report', round: 6 }, date: '2023-04-05', link: '' })),
      'word/document.xml',
    );
  });
  const paragraphWith = (text: string): string => {
    const at = xml.indexOf(text);
    return xml.slice(xml.lastIndexOf('<w:p>', at), xml.indexOf('</w:p>', at));
  };

  test('ที่ and วันที่ in one paragraph: a dot-leader stop at the centre, another at the right margin', () => {
    const p = paragraphWith(`>${MEMO.numberLabel}<`);
    expect(p).toContain(`>${MEMO.dateLabel}<`);
    expect(p).toMatch(/<w:tab w:val="left" w:pos="4535" w:leader="dot"\/>/);
    expect(p).toMatch(/<w:tab w:val="right" w:pos="9071" w:leader="dot"\/>/);
    expect(p.match(/<w:tab\/>/g)).toHaveLength(2);
  });

  test('ส่วนราชการ and เรื่อง end in a dotted leader; the phone number cannot break', () => {
    for (const label of [MEMO.unitLabel, MEMO.subjectLabel])
      expect(paragraphWith(`>${label}<`)).toMatch(/w:leader="dot"/);
    // word joiners where a line could break inside the phone number, no-break spaces for its spaces
    expect(paragraphWith(`>${MEMO.unitLabel}<`)).toContain('โทร\u2060.\u2060\u00a0\u2060๐\u2060\u00a0\u2060๔๔๐๐');
    expect(paragraphWith(`>${MEMO.unitLabel}<`)).not.toContain('โทร. ๐');
  });

  test('the heading on the Garuda line: a centre tab stop; 29 pt; the body left-aligned, not justified', () => {
    const p = paragraphWith(MEMO.heading);
    expect(p).toMatch(/<w:tab w:val="center" w:pos="4535"\/>/);
    expect(p).toContain('<w:sz w:val="58"/>');
    expect(xml).not.toContain('<w:jc w:val="both"/>');
  });

  test("the executive's block stays with its heading (keepNext through the block)", () => {
    // the heading's ผู้บริหาร is a kept compound: its own run, with a word joiner
    const from = xml.lastIndexOf('<w:p>', xml.indexOf(MEMO.opinionHeading.replace('ผู้บริหาร', '')));
    const block = xml.slice(from).split('</w:p>').slice(0, -2);
    expect(block.length).toBeGreaterThanOrEqual(5);
    expect(block.every((p) => p.includes('<w:keepNext/>'))).toBe(true);
  });
});
