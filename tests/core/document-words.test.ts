// No line break inside a name or a known compound in the tables of the report and the plan (issue 24):
// LibreOffice and Docs break Thai at the dictionary's boundaries, which split "ขับ|เคลื่อน", "ปรุ|ใหญ่",
// "กองสาธารณ|สุขฯ"; the model marks them as no-break runs, and never joins across a real word boundary.
import { documentParagraphs, type ParagraphBlock, type TableBlock } from '../../src/core/document';
import { joinedRuns, KNOWN_COMPOUNDS, unbreakable, wholeWords } from '../../src/core/document-words';
import { buildPlan } from '../../src/core/plan';
import { buildReport, reportDocument } from '../../src/core/report';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';

const WJ = '\u2060';

describe('wholeWords: names and compounds as no-break runs', () => {
  test('a division name is one run, widened to its abbreviation mark ("กองสาธารณสุข" → "กองสาธารณสุขฯ")', () => {
    expect(wholeWords('กองสาธารณสุขฯ ได้ประสาน', ['กองสาธารณสุข'])).toEqual([
      { text: 'กองสาธารณสุขฯ', noBreak: true },
      { text: ' ได้ประสาน' },
    ]);
  });

  test('the agency name inside running text; the text around it is left to break', () => {
    expect(wholeWords('ภายในเทศบาลตำบลปรุใหญ่ ดังนี้', ['เทศบาลตำบลปรุใหญ่'])).toEqual([
      { text: 'ภายใน' },
      { text: 'เทศบาลตำบลปรุใหญ่', noBreak: true },
      { text: ' ดังนี้' },
    ]);
  });

  test('a name wider than the column breaks between its words, its own part kept whole', () => {
    expect(wholeWords('กองสาธารณสุขฯ', ['กองสาธารณสุข'], 10)).toEqual([
      { text: 'กอง' },
      { text: 'สาธารณสุขฯ', noBreak: true },
    ]);
    expect(wholeWords('เทศบาลตำบลปรุใหญ่', ['เทศบาลตำบลปรุใหญ่'], 10)).toEqual([
      { text: 'เทศบาล' },
      { text: 'ตำบลปรุใหญ่', noBreak: true },
    ]);
  });

  test('a compound in prose is kept whole; the words beside it are not joined to it', () => {
    expect(wholeWords('แนวทางในการขับเคลื่อนเกี่ยวกับการเฝ้าระวัง', [])).toEqual([
      { text: 'แนวทางในการ' },
      { text: 'ขับเคลื่อน', noBreak: true },
      { text: 'เกี่ยวกับ', noBreak: true },
      { text: 'การ' },
      { text: 'เฝ้าระวัง', noBreak: true },
    ]);
  });

  test('the official compounds the dictionary splits are kept (ส่ง|เสริม, ดำเนิน|การ, ช่อง|ทางการ, ภาพ|รวม)', () => {
    const kept = (text: string) =>
      wholeWords(text, [])
        .filter((r) => r.noBreak)
        .map((r) => r.text);
    expect(kept('มาตรการส่งเสริมคุณธรรมและความโปร่งใส')).toEqual(['ส่งเสริม']);
    expect(kept('ได้ดำเนินการตรวจสอบงบประมาณ')).toEqual(['ดำเนินการ', 'ตรวจสอบ', 'งบประมาณ']);
    // the dictionary reads ช่อง|ทางการ (official) here, so ช่องทาง alone would not end on a boundary
    expect(kept('มีช่องทางการติดต่อ')).toEqual(['ช่องทางการ']);
    expect(kept('เป็นเนื้อหาภาพรวมของหน่วยงาน')).toEqual(['ภาพรวม', 'หน่วยงาน']);
    expect(kept('มอบรายละเอียดให้')).toEqual(['รายละเอียด']);
    // the plan's analysis broke ต่ำ | กว่าเกณฑ์ and คะแนนต่ำ | สุด
    expect(kept('ตัวชี้วัดต่ำกว่าเกณฑ์ เรียงจากคะแนนต่ำสุด')).toEqual(['ตัวชี้วัด', 'ต่ำกว่า', 'ต่ำสุด']);
    // the memo's subject broke ประจำ | ปีงบประมาณ
    expect(kept('ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖')).toEqual(['หน่วยงาน', 'ประจำปีงบประมาณ', 'พ.ศ. ๒๕๖๖']);
  });

  test('every listed compound is kept where it stands between words of its own', () => {
    // between spaces (the dictionary's reading of the letters around it is not the list's concern)
    for (const c of KNOWN_COMPOUNDS) {
      const runs = wholeWords(`ทั้ง ${c} และ`, []);
      const whole = runs.filter((r) => r.noBreak).map((r) => r.text);
      // a compound that is one segment here needs no run of its own
      if (unbreakable(c) !== c) expect([c, whole]).toEqual([c, [c]]);
    }
  });

  test('a compound that is only part of a longer word is left alone (ตรวจ|สอบถาม, จุด|อ่อนแอ)', () => {
    expect(wholeWords('ตรวจสอบถามข้อมูล', [])).toEqual([{ text: 'ตรวจสอบถามข้อมูล' }]);
    expect(wholeWords('จุดอ่อนแอของระบบ', [])).toEqual([{ text: 'จุดอ่อนแอของระบบ' }]);
  });

  test('the era stays with its year: "พ.ศ. ๒๕๖๖" is one no-break run (titles broke พ.ศ. | ๒๕๖๖ at 390 px)', () => {
    expect(wholeWords('ปีงบประมาณ พ.ศ. ๒๕๖๖', [])).toEqual([
      { text: 'ปีงบประมาณ ' },
      { text: 'พ.ศ. ๒๕๖๖', noBreak: true },
    ]);
    expect(unbreakable('พ.ศ. ๒๕๖๖')).not.toContain(' ');
  });

  test('prose without names or compounds is one plain run', () => {
    const prose = 'สำนักงานได้วางแนวทางและได้ประชาสัมพันธ์ให้ประชาชนได้ทราบแล้ว';
    expect(wholeWords(prose, ['กองคลัง'])).toEqual([{ text: prose }]);
  });

  test('unbreakable: word joiners between the segments, no-break spaces for spaces', () => {
    expect(unbreakable('เทศบาลตำบลปรุใหญ่')).toBe(['เทศบาล', 'ตำบล', 'ปรุ', 'ใหญ่'].join(WJ));
    expect(unbreakable('ขับเคลื่อน')).toBe(`ขับ${WJ}เคลื่อน`);
    expect(unbreakable('ก ข')).not.toContain(' ');
    expect(unbreakable('ก ข').replace(new RegExp(WJ, 'g'), '')).toBe('ก\u00A0ข');
  });
});

describe('joinedRuns: the runs the .docx and Google Doc writers write', () => {
  test('a no-break run is joined into the text of its neighbours of the same look: one run', () => {
    expect(joinedRuns([{ text: 'ภายใน' }, { text: 'เทศบาลตำบลปรุใหญ่', noBreak: true }, { text: ' ดังนี้' }])).toEqual([
      { text: `ภายในเทศบาล${WJ}ตำบล${WJ}ปรุ${WJ}ใหญ่ ดังนี้` },
    ]);
  });

  test('a bold or larger neighbour and an image stay runs of their own; the text is the same', () => {
    const image = { imageId: 'g', heightPt: 40 };
    const runs = joinedRuns([
      { text: 'เรื่อง', bold: true, sizePt: 20 },
      { text: ' ขอรายงาน', sizePt: 20 },
      { text: 'ขับเคลื่อน', noBreak: true, sizePt: 20 },
      { text: '', image },
      { text: 'โทร. ๐ ๔๔๐๐', noBreak: true },
      { text: ' ต่อ ๑', bold: false },
    ]);
    expect(runs.map((r) => [r.text, r.bold ?? false, r.sizePt, r.image])).toEqual([
      ['เรื่อง', true, 20, undefined],
      [` ขอรายงานขับ${WJ}เคลื่อน`, false, 20, undefined],
      ['', false, undefined, image],
      [`โทร${WJ}.${WJ}\u00A0${WJ}๐${WJ}\u00A0${WJ}๔๔๐๐ ต่อ ๑`, false, undefined, undefined],
    ]);
    expect(runs.every((r) => !r.noBreak)).toBe(true);
  });
});

describe('the example (the seed) as a document model: its names never broken in a table cell', () => {
  const tracker = parseWorkbook(templateSnapshot()).tracker;
  const names = [tracker.settings.agencyName, ...tracker.divisions.map((d) => d.name)];
  const cellParagraphs = (blocks: readonly { kind: string }[]): ParagraphBlock[] =>
    (blocks.filter((b) => b.kind === 'table') as TableBlock[]).flatMap((t) =>
      t.rows.flatMap((row) => row.flatMap((c) => c.paragraphs)),
    );

  test.each([
    ['report', reportDocument(buildReport(tracker).model)],
    ['plan', buildPlan(tracker).model],
  ])('%s: every compound in a cell lies in a no-break run; every no-break run is a name or compound', (_, doc) => {
    const paragraphs = cellParagraphs(doc.blocks);
    let kept = 0;
    for (const p of paragraphs) {
      const text = p.runs.map((r) => r.text).join('');
      const whole = p.runs.filter((r) => r.noBreak).map((r) => r.text);
      for (const w of whole)
        expect(
          names.some((n) => w.includes(n) || n.includes(w.replace(/ฯ$/, ''))) ||
            KNOWN_COMPOUNDS.includes(w) ||
            /^พ\.ศ\. [๐-๙]{4}$/.test(w),
        ).toBe(true);
      for (const c of ['ขับเคลื่อน', 'ร้องเรียน', 'ต่อต้าน', 'เฝ้าระวัง'])
        if (text.includes(c)) {
          expect(whole.some((w) => w.includes(c))).toBe(true);
          kept++;
        }
    }
    expect(kept).toBeGreaterThan(5);
    // the text itself is unchanged: only where lines may break
    expect(documentParagraphs(doc).join('')).not.toContain(WJ);
  });

  test('report: the divisions in the responsible column are whole (สำนักปลัด, กองคลัง) or broken between words', () => {
    const doc = reportDocument(buildReport(tracker).model);
    const responsible = (doc.blocks.filter((b) => b.kind === 'table') as TableBlock[]).flatMap((t) =>
      t.rows.slice(1).flatMap((row) => row[2].paragraphs),
    );
    const runs = responsible.flatMap((p) => p.runs);
    expect(runs).toContainEqual({ text: 'สำนักปลัด', noBreak: true });
    expect(runs).toContainEqual({ text: 'กองคลัง', noBreak: true });
    // too wide for the column: กอง | สาธารณสุขฯ, never กองสาธารณ | สุขฯ (the dictionary's สา|ธารณ|สุขฯ)
    expect(runs).toContainEqual({ text: 'สาธารณสุขฯ', noBreak: true });
    expect(runs.map((r) => r.text)).not.toContain('กองสาธารณ');
  });
});
