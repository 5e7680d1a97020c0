// The document model's builders (plan, memo, ITA analysis) pinned by their model, the HTML writer on
// every block kind, and the ITA results tab's validation.
import { documentParagraphs, type ParagraphBlock, paragraphText, type TableBlock } from '../../src/core/document';
import { renderDocumentHtml } from '../../src/core/document-html';
import { analyseIta } from '../../src/core/ita';
import { buildMemo, memoProblems, memoSubjectLine } from '../../src/core/memo';
import { ITA_V, MEMO, PLAN } from '../../src/core/messages/plan';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { buildPlan, PLAN_COLUMNS, planProblems } from '../../src/core/plan';
import { buildReport, reportDocument } from '../../src/core/report';
import { ITA_RESULTS_TAB, MEASURES_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { everyBlockDocument } from '../support/document-sample';

const tracker = () => parseWorkbook(templateSnapshot()).tracker;

function withSetting(snap: WorkbookSnapshot, key: string, value: string): WorkbookSnapshot {
  const row = snap.tabs[SETTINGS_TAB.name].find((r) => r[0] === key);
  if (row) row[2] = value;
  return snap;
}

const WJ = '\u2060';

describe('the measures plan (document model)', () => {
  const { model, analysis, warnings } = buildPlan(tracker());
  const tables = model.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const text = (t: TableBlock) =>
    t.rows.map((r) => r.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join(''))));

  test("golden: the seed's 11 measures, each with the report's first four columns exactly, and no results column", () => {
    const report = buildReport(tracker()).model;
    const measureTables = tables.slice(1);
    expect(measureTables.map((t) => t.rowIds)).toEqual(report.sections.map((s) => s.measureIds));
    expect(measureTables.flatMap((t) => t.rowIds ?? [])).toHaveLength(11);
    measureTables.forEach((t, i) => {
      expect(text(t)[0]).toEqual(PLAN_COLUMNS.map((c) => [c]));
      expect(text(t).slice(1)).toEqual(report.sections[i].rows.map((row) => row.slice(0, 4)));
      expect(t.columnWeights).toHaveLength(4);
    });
    expect(documentParagraphs(model)).not.toContain(report.columns[4]);
    expect(warnings).toEqual([]);
  });

  test('title block and intro as in the seed, landscape A4, then the analysis before the measures', () => {
    const paras = documentParagraphs(model);
    expect(paras.slice(0, 4)).toEqual([
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
      'เทศบาลตำบลปรุใหญ่',
      'อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา',
    ]);
    expect(paras[4]).toContain('จากการวิเคราะห์ผลการประเมิน');
    expect(paras[4]).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ นำมาสู่ข้อเสนอแนะ');
    expect(model.page.orientation).toBe('landscape');
    expect(paras.indexOf(PLAN.analysisHeading('๑', '๒๕๖๕'))).toBeLessThan(paras.indexOf(PLAN.measuresHeading('๒')));
  });

  test('the analysis in indicator order (IIT 1–5, EIT 6–8, OIT 9–10): score, gap, flag, the admin line, the measures that address each', () => {
    expect(analysis.year).toBe(2565);
    expect(analysis.overall).toBe(86.12);
    expect(analysis.tools.map((t) => t.tool)).toEqual(['IIT', 'EIT', 'OIT']);
    // the weak ones, weakest first, for the summary under the table
    expect(analysis.weak.map((i) => [i.indicator, i.gap])).toEqual([
      [10, -10],
      [4, -5.4],
      [8, -1.7],
      [2, -0.9],
    ]);
    const t = text(tables[0]);
    expect(t[0]).toEqual(PLAN.analysisColumns.map((c) => [c]));
    expect(t.slice(1).map((r) => r[0][0])).toEqual([
      'เครื่องมือ IIT',
      '๑. การปฏิบัติหน้าที่',
      '๒. การใช้งบประมาณ',
      '๓. การใช้อำนาจ',
      '๔. การใช้ทรัพย์สินของราชการ',
      '๕. การแก้ไขปัญหาการทุจริต',
      'เครื่องมือ EIT',
      '๖. คุณภาพการดำเนินงาน',
      '๗. ประสิทธิภาพการสื่อสาร',
      '๘. การปรับปรุงระบบการทำงาน',
      'เครื่องมือ OIT',
      '๙. การเปิดเผยข้อมูล',
      '๑๐. การป้องกันการทุจริต',
    ]);
    expect(t[1]).toEqual([['เครื่องมือ IIT'], ['๘๖.๑๑'], ['+๑.๑๑'], [PLAN.flagOk], [''], ['']]);
    expect(t[13]).toEqual([
      ['๑๐. การป้องกันการทุจริต'],
      ['๗๕.๐๐'],
      ['-๑๐.๐๐'],
      [PLAN.flagWeak],
      [PLAN.weakDefault('การป้องกันการทุจริต')],
      [
        '- รายงานการกำกับติดตาม การดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน',
        '- มาตรการส่งเสริมคุณธรรม และความโปร่งใสภายใน หน่วยงาน',
        '- การดำเนินการตาม มาตรการส่งเสริมคุณธรรม และความโปร่งใสภายใน หน่วยงาน',
      ],
    ]);
    // the admin's own line wins over the default sentence; a passing indicator no measure names: blank
    expect(t[3]).toEqual([
      ['๒. การใช้งบประมาณ'],
      ['๘๔.๑๐'],
      ['-๐.๙๐'],
      [PLAN.flagWeak],
      ['บุคลากรยังไม่ทราบแผนการใช้จ่ายงบประมาณ ควรเผยแพร่แผนและรายงานการใช้จ่ายให้บุคลากรรับทราบ'],
      ['- รายงานผลการใช้จ่าย งบประมาณประจำปี'],
    ]);
    expect(t[9]).toEqual([['๗. ประสิทธิภาพการสื่อสาร'], ['๘๗.๔๕'], ['+๒.๔๕'], [PLAN.flagOk], [''], ['']]);
    // the overall, its rating and the rule, as the framework's data says
    const paras = documentParagraphs(model);
    const at = paras.indexOf(PLAN.analysisHeading('๑', '๒๕๖๕'));
    expect(paras.slice(at + 1, at + 4)).toEqual([
      'คะแนนรวม ๘๖.๑๒ คะแนน (เกณฑ์ผ่าน ๘๕ คะแนน) ผ่านเกณฑ์',
      'ระดับผลการประเมิน: ผ่านดี',
      'เกณฑ์การจัดระดับ: เครื่องมือใดได้คะแนนต่ำกว่า ๘๕ คะแนน ระดับผลการประเมินรวมได้ไม่เกิน "ผ่าน"',
    ]);
  });

  test("a tool's own row is its score; a tool below the pass mark caps the rating, and the plan says why", () => {
    const t = tracker();
    t.itaResults.push({
      row: 99,
      year: 2565,
      tool: 'EIT',
      indicator: null,
      name: 'EIT',
      score: 70,
      analysis: '',
      sample: false,
    });
    const plan = buildPlan(t);
    expect(plan.analysis.tools.map((x) => [x.tool, x.score, x.gap, x.weak])).toEqual([
      ['IIT', 86.11, 1.11, false],
      ['EIT', 70, -15, true],
      ['OIT', 85, 0, false],
    ]);
    expect(plan.analysis.rating).toEqual({ band: 'ผ่านดี', rating: 'ผ่าน', capping: ['EIT'] });
    expect(documentParagraphs(plan.model)).toContain(
      'ระดับผลการประเมิน: ผ่าน (คะแนนรวมอยู่ในระดับผ่านดี แต่เครื่องมือ EIT ต่ำกว่าเกณฑ์ ๘๕ คะแนน จึงได้ไม่เกินระดับผ่าน)',
    );
  });

  test('a weak indicator no measure names: a dash in the plan, a warning at its row of the ITA tab; an unknown indicator: a warning at the measure', () => {
    const snap = templateSnapshot();
    const measures = snap.tabs[MEASURES_TAB.name];
    const col = measures[0].indexOf(HEADER.measureIndicators);
    // IIT-02 no longer names 4; OIT-02 names an indicator the year does not have, and a word
    measures[2][col] = '5';
    measures[8][col] = '9, 12, สี่';
    const parsed = parseWorkbook(snap);
    const row = text(buildPlan(parsed.tracker).model.blocks.find((b): b is TableBlock => b.kind === 'table')!)[5];
    expect(row[0]).toEqual(['๔. การใช้ทรัพย์สินของราชการ']);
    expect(row[5]).toEqual([PLAN.noMeasure]);
    const problems = validateWorkbook(snap).map((p) => [p.severity, p.tab, p.cell, p.code, p.message]);
    const letter = String.fromCharCode(65 + col);
    expect(problems).toEqual([
      ['warning', MEASURES_TAB.name, `${letter}9`, 'bad-indicator', ITA_V.badIndicator('สี่')],
      [
        'warning',
        MEASURES_TAB.name,
        `${letter}9`,
        'unknown-indicator',
        ITA_V.unknownIndicator('12', '2565', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10'),
      ],
      [
        'warning',
        ITA_RESULTS_TAB.name,
        'C5',
        'weak-indicator-no-measure',
        'ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ได้ 79.60 คะแนน ต่ำกว่าเกณฑ์ 85 แต่ยังไม่มีมาตรการใดระบุตัวชี้วัดนี้ในคอลัมน์ "ตัวชี้วัด ITA" ของแท็บ "มาตรการ" — ระบุในมาตรการที่รองรับ หรือเพิ่มร่างมาตรการด้วยเมนู "เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์" (ita-tracker draft-measures)',
      ],
    ]);
  });

  test('without scores the plan is refused, naming the tab; with the analysis turned off it has none and no word of one', () => {
    const snap = templateSnapshot();
    snap.tabs[ITA_RESULTS_TAB.name] = snap.tabs[ITA_RESULTS_TAB.name].slice(0, 1);
    const problems = planProblems(parseWorkbook(snap));
    expect(problems).toEqual([
      expect.objectContaining({ tab: ITA_RESULTS_TAB.name, severity: 'error', code: 'no-ita-scores' }),
    ]);
    expect(problems[0].message).toContain(`แท็บ "${ITA_RESULTS_TAB.name}"`);
    expect(problems[0].message).toContain('มาตรการมีผลวิเคราะห์ ITA');
    // the admin's choice: a plan without analysis
    const off = parseWorkbook(withSetting(snap, 'planAnalysis', 'ไม่ใช่'));
    expect(planProblems(off)).toEqual([]);
    const plan = buildPlan(off.tracker);
    const text = documentParagraphs(plan.model).join('\n');
    expect(text).not.toContain('แท็บ');
    // no analysis wording outside the measures' own text (a measure may speak of analysing)
    const own = documentParagraphs(plan.model)
      .filter((_, i) => i < 6)
      .join('\n');
    expect(own).not.toContain('วิเคราะห์');
    expect(text).not.toContain(PLAN.analysisColumns[0]);
    expect(documentParagraphs(plan.model)).toContain(PLAN.measuresHeading('๑'));
    expect(plan.model.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
    // turned off with scores present: no analysis either
    const offWithScores = parseWorkbook(withSetting(templateSnapshot(), 'planAnalysis', 'ไม่ใช่'));
    expect(documentParagraphs(buildPlan(offWithScores.tracker).model).join('\n')).not.toContain(
      PLAN.analysisColumns[0],
    );
    expect(planProblems(parseWorkbook(templateSnapshot()))).toEqual([]);
  });

  test('a FY 2566 plan analyses 2565, not a later year in the tab; without 2565 there is nothing to analyse (issue 26, class 8; the plan is then refused, naming the year)', () => {
    const t = tracker();
    const later = t.itaResults.map((r) => ({ ...r, year: 2567 }));
    const plan = buildPlan({ ...t, itaResults: later });
    expect(plan.analysis.year).toBe(2565);
    expect(plan.analysis.tools).toEqual([]);
    expect(documentParagraphs(plan.model).join('\n')).not.toContain('๒๕๖๗');
    // with both years present, 2565 is the one analysed
    const both = buildPlan({ ...t, itaResults: [...t.itaResults, ...later] });
    expect(both.analysis.year).toBe(2565);
    expect(both.analysis.tools.length).toBeGreaterThan(0);
  });

  test('the pass mark is a setting', () => {
    const t = parseWorkbook(withSetting(templateSnapshot(), 'itaPassMark', '90')).tracker;
    expect(analyseIta(t).weak.map((i) => i.indicator)).toEqual([10, 4, 8, 2, 5, 7, 3]);
  });
});

describe('the memo to the executive (บันทึกข้อความ)', () => {
  const model = buildMemo(tracker(), {
    subject: { kind: 'report', round: 6 },
    date: '2023-04-05',
    link: 'https://example.org/pub',
  });
  const paras = documentParagraphs(model);

  test('golden: every part in order, Thai date, one count, link, proposer, the executive opinion block; no closing phrase', () => {
    expect(paras).toEqual([
      `\t${MEMO.heading}`,
      'ส่วนราชการ สำนักปลัด เทศบาลตำบลปรุใหญ่ โทร. ๐ ๔๔๐๐ ๐๐๐๐\t',
      // ที่ at the margin and วันที่ from the centre share one line, each with its dotted leader
      'ที่ นม ๕๒๒๐๑/\tวันที่ ๕ เมษายน ๒๕๖๖\t',
      `เรื่อง ${MEMO.subjectReport('๒๕๖๖', '๖')}\t`,
      'เรียน นายกเทศมนตรีตำบลปรุใหญ่',
      MEMO.bodyReport('เทศบาลตำบลปรุใหญ่', '๒๕๖๖', '๖', '๑๑'),
      // one count that adds up: 11 measures, those with a division's result in the report and those without
      MEMO.counts('๖', '๑๑', '๑๑', '๐'),
      MEMO.link('https://example.org/pub'),
      MEMO.proposal,
      '(นางสาวตัวอย่าง ทดลองใช้)',
      'ปลัดเทศบาลตำบลปรุใหญ่',
      MEMO.opinionHeading,
      `${MEMO.optAcknowledge}     ${MEMO.optApprove}     ${MEMO.optOther}\t`,
      MEMO.signatureLine,
      `(${MEMO.dots})`,
      'นายกเทศมนตรีตำบลปรุใหญ่',
      MEMO.signatureDate,
    ]);
    expect(paras.join('\n')).not.toMatch(/ขอแสดงความนับถือ/);
    // the boxes come from the document's font: no ☐ (a glyph the Thai office fonts lack)
    expect(paras.join('\n')).not.toContain('☐');
  });

  test('the counts are as of the data, not the memo date; a plan memo has none', () => {
    const later = documentParagraphs(
      buildMemo(tracker(), { subject: { kind: 'report', round: 6 }, date: '2023-09-30', link: '' }),
    );
    expect(later).toContain(MEMO.counts('๖', '๑๑', '๑๑', '๐'));
    const t = tracker();
    t.entries = t.entries.filter((e) => !(e.kind === 'measure' && e.measureId === t.measures[0].id));
    expect(
      documentParagraphs(buildMemo(t, { subject: { kind: 'report', round: 6 }, date: '2023-04-05', link: '' })),
    ).toContain(MEMO.counts('๖', '๑๑', '๑๐', '๑'));
    const plan = documentParagraphs(buildMemo(tracker(), { subject: { kind: 'plan' }, date: '2022-10-05', link: '' }));
    expect(plan.some((p) => p.includes('รายงานผลรอบ'))).toBe(false);
  });

  test('the official layout: Garuda on the heading line, dotted leaders, the phone unbroken, the opinion block kept together', () => {
    const [head, unit, numberDate, subject] = model.blocks as ParagraphBlock[];
    expect(head.runs[0].image).toEqual({ imageId: '', heightPt: expect.closeTo(42.52, 1) });
    expect(head.style.tabStops).toEqual([{ atPt: expect.closeTo(226.77, 1), align: 'center' }]);
    expect(head.runs[1]).toEqual({ text: `\t${MEMO.heading}`, bold: true, sizePt: 29 });
    expect(unit.style.tabStops).toEqual([{ atPt: expect.closeTo(453.54, 1), align: 'end', leader: 'dot' }]);
    expect(unit.runs.filter((r) => r.noBreak).map((r) => r.text)).toEqual(['เทศบาลตำบลปรุใหญ่', 'โทร. ๐ ๔๔๐๐ ๐๐๐๐']);
    expect(numberDate.style.tabStops?.map((t) => [t.align, t.leader, Math.round(t.atPt)])).toEqual([
      ['start', 'dot', 227],
      ['end', 'dot', 454],
    ]);
    expect(subject.style.tabStops?.[0].leader).toBe('dot');
    // the body is not justified (Thai justification opens wide gaps)
    expect((model.blocks as ParagraphBlock[]).some((b) => b.style.align === 'justify')).toBe(false);
    const opinion = (model.blocks as ParagraphBlock[]).findIndex((b) => paragraphText(b) === MEMO.opinionHeading);
    const block = (model.blocks as ParagraphBlock[]).slice(opinion);
    expect(block.slice(0, -1).every((b) => b.style.keepWithNext)).toBe(true);
  });

  test('the body never breaks a compound or the agency name across lines (ส่ง|เสริม, ดำเนิน|การ, ปรุ|ใหญ่)', () => {
    const paras = model.blocks as ParagraphBlock[];
    const body = paras.find((b) => paragraphText(b).startsWith('ตามที่'));
    const whole = body?.runs.filter((r) => r.noBreak).map((r) => r.text) ?? [];
    expect(whole).toEqual(expect.arrayContaining(['ส่งเสริม', 'ดำเนินการ', 'รายละเอียด', 'เทศบาลตำบลปรุใหญ่']));
    // the subject line too, and the text itself is as written
    const subject = paras[3];
    expect(subject.runs.filter((r) => r.noBreak).map((r) => r.text)).toContain('ส่งเสริม');
    expect(paragraphText(subject)).toBe(
      `${MEMO.subjectLabel} ${memoSubjectLine(tracker(), { kind: 'report', round: 6 })}\t`,
    );
  });

  test('layout facts: A4 portrait, left 3 cm, right 2 cm, 16 pt, heading 29 pt bold, labels 20 pt bold', () => {
    expect(model.page.orientation).toBe('portrait');
    expect(model.page.marginsPt.left).toBeCloseTo(85.04, 1);
    expect(model.page.marginsPt.right).toBeCloseTo(56.69, 1);
    expect(model.fontSizePt).toBe(16);
    const unit = model.blocks[1];
    expect(unit.kind === 'paragraph' && unit.runs[0]).toEqual({ text: MEMO.unitLabel, bold: true, sizePt: 20 });
  });

  test('proposing the plan; the Garuda image id from settings', () => {
    const t = parseWorkbook(withSetting(templateSnapshot(), 'garudaImageId', 'drive-file-1')).tracker;
    const plan = buildMemo(t, { subject: { kind: 'plan' }, date: '2022-10-05', link: '' });
    expect(documentParagraphs(plan)).toContain(`เรื่อง ${MEMO.subjectPlan('๒๕๖๖')}\t`);
    expect(documentParagraphs(plan)).toContain(MEMO.noLink);
    expect((plan.blocks[0] as ParagraphBlock).runs[0].image).toMatchObject({ imageId: 'drive-file-1' });
  });

  test('bad input: no executive title in settings is a problem with the settings tab and cell', () => {
    const parsed = parseWorkbook(withSetting(templateSnapshot(), 'executiveTitle', ''));
    const [p] = memoProblems(parsed);
    expect(p).toMatchObject({ tab: SETTINGS_TAB.name, severity: 'error' });
    expect(p.cell).toMatch(/^C\d+$/);
    expect(p.message).toContain(p.cell);
    expect(memoProblems(parseWorkbook(templateSnapshot()))).toEqual([]);
  });
});

describe('the HTML writer, on every block kind', () => {
  const html = renderDocumentHtml(everyBlockDocument());

  test('page setup, font, escaping', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4 portrait; margin: 15.0mm 20.0mm 20.0mm 30.0mm; }');
    expect(renderDocumentHtml(everyBlockDocument('landscape'))).toContain('size: A4 landscape');
    expect(html).toContain('<title>ตัวอย่าง &lt;ทุกชนิด&gt;</title>');
    expect(html).toContain('&lt;b&gt;ไม่ใช่แท็ก&lt;/b&gt;');
    expect(html).not.toContain('<b>ไม่ใช่แท็ก');
  });

  test('paragraphs: heading level, alignment, bold runs, sizes, indents, spacing', () => {
    expect(html).toContain('<p style="text-align:center"><b><span style="font-size:29pt">หัวเรื่องใหญ่</span></b></p>');
    expect(html).toContain('<h3 style="text-align:center;font-weight:bold">หัวข้อระดับ ๒</h3>');
    expect(html).toContain('<b><span style="font-size:20pt">เรื่อง</span></b>');
    expect(html).toContain(
      '<p style="text-align:justify;text-indent:36pt;margin-top:6pt;margin-bottom:3pt">ย่อหน้าแรกเยื้อง</p>',
    );
    expect(html).toContain('<p style="text-align:right;font-size:14pt;margin-left:198pt">ย่อทั้งย่อหน้า</p>');
    expect(html).toContain('<h4>ระหว่างตาราง</h4>');
  });

  test('tables: weights, header rows that repeat in print, row anchors, cell paragraphs; the image slot keeps its room', () => {
    expect(html).toContain('<col style="width:25.0%"><col style="width:75.0%">');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('<thead><tr><th scope="col"><p>หัว ก</p></th><th scope="col"><p>หัว ข</p></th></tr></thead>');
    expect(html).toContain(
      '<tr id="R-1"><td data-label="หัว ก"><div><p>ก1</p></div></td><td data-label="หัว ข"><div><p>- รายการหนึ่ง</p><p style="font-weight:bold">- รายการสอง</p></div></td></tr>',
    );
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html).toContain('<td><p>ตารางไม่มีหัว</p></td>');
    expect(html).toMatch(/<div class="image-slot" style="height:42.5\d*pt;text-align:left"><\/div>/);
  });
});

describe('the ITA results tab: validation like every other tab', () => {
  const problemsWith = (edit: (rows: unknown[][]) => void) => {
    const snap = templateSnapshot();
    edit(snap.tabs[ITA_RESULTS_TAB.name]);
    return validateWorkbook(snap).filter((p) => p.tab === ITA_RESULTS_TAB.name);
  };

  test('the template passes, and Thai digits are read as numbers', () => {
    expect(problemsWith(() => {})).toEqual([]);
    expect(
      problemsWith((r) => {
        r[1][0] = '๒๕๖๕';
        r[1][2] = '๑';
        r[1][4] = '๙๒.๕';
      }),
    ).toEqual([]);
    const t = templateSnapshot();
    t.tabs[ITA_RESULTS_TAB.name][1][4] = '๙๒.๕';
    expect(parseWorkbook(t).tracker.itaResults[0].score).toBe(92.5);
  });

  test('missing or out-of-range score, unknown tool, CE year, a repeated indicator: Thai message with tab and cell', () => {
    const ps = problemsWith((r) => {
      r[1][4] = null;
      r[2][4] = 101;
      r[3][4] = '-3';
      r[4][1] = 'XIT';
      r[5][0] = 2022;
      r[6][2] = 1;
    });
    expect(ps.map((p) => [p.cell, p.code])).toEqual([
      ['E2', 'required'],
      ['E3', 'bad-score'],
      ['E4', 'bad-score'],
      ['B5', 'bad-area'],
      ['A6', 'bad-year'],
      ['C7', 'duplicate-indicator'],
    ]);
    expect(ps[1].message).toBe('คะแนน "101" ไม่ถูกต้อง — กรอกตัวเลข 0 ถึง 100');
    expect(ps[5].message).toContain('C2');
  });

  test('settings: the pass mark is a score, publishing after approval is ใช่ or ไม่ใช่', () => {
    const snap = withSetting(withSetting(templateSnapshot(), 'itaPassMark', '150'), 'publishAfterApproval', 'บางที');
    const codes = validateWorkbook(snap).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['bad-score', 'bad-yesno']));
    expect(
      parseWorkbook(withSetting(templateSnapshot(), 'publishAfterApproval', 'ใช่')).tracker.settings
        .publishAfterApproval,
    ).toBe(true);
  });
});

describe('HTML that reads on a phone', () => {
  const html = renderDocumentHtml(reportDocument(buildReport(parseWorkbook(templateSnapshot()).tracker).model));

  test('narrow screens get one card per measure, every value with its header beside it', () => {
    expect(html).toMatch(
      /@media screen and \(max-width: 700px\)[\s\S]*table\.cards td::before \{ content: attr\(data-label\)/,
    );
    expect(html).toContain('<table class="cards">');
    expect(html).toContain(
      `<td data-label="ผู้รับ${WJ}ผิด${WJ}ชอบ"><div><p><span class="nb">สำนักปลัด</span></p></div></td>`,
    );
  });

  test('a card label keeps its compounds whole: word joiners inside them, the label free to wrap between them', () => {
    // attr() is CSS text and takes no span: "ประเด็นที่เป็นข้อ|บกพร่อง/จุดอ่อน", "ขั้นตอนหรือวิธี|การ" on a phone
    const labels = [...html.matchAll(/data-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toContain(`ประเด็นที่เป็นข้อ${WJ}บกพร่อง/จุด${WJ}อ่อน`);
    expect(labels).toContain(`ขั้น${WJ}ตอนหรือวิธี${WJ}การ/มาตรการ`);
    // the text a reader copies is unchanged
    expect(labels.map((l) => l.replace(/\u2060/g, ''))).toContain('ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน');
  });

  test("the memo's tabbed lines wrap as text: a segment's runs in one box, not a column per run", () => {
    const memo = renderDocumentHtml(
      buildMemo(tracker(), { subject: { kind: 'report', round: 6 }, date: '2023-04-05', link: '' }),
    );
    // the subject holds no-break runs (ส่งเสริม, หน่วยงาน …); as flex items of their own they stood side by
    // side on a phone, "เรื่อง ขอ | อนุมัติ | เผยแพร่"
    const box = /<span class="tab-text">((?:(?!class="tab-)[\s\S])*?เรื่อง[\s\S]*?)<\/span><span class="tab-fill/.exec(
      memo,
    );
    const text = box?.[1]
      .replace(/<[^>]+>/g, '')
      .replace(/\u2060/g, '')
      .replace(/\u00A0/g, ' ');
    expect(text).toBe(`${MEMO.subjectLabel} ${memoSubjectLine(tracker(), { kind: 'report', round: 6 })}`);
    // the room to tick in "(   ) ทราบ" is kept (HTML folds spaces into one)
    expect(memo).toContain('(&nbsp;&nbsp; ) ทราบ&nbsp;&nbsp;&nbsp;&nbsp; (&nbsp;&nbsp; ) อนุมัติ');
    expect(memo).toMatch(
      /@media screen and \(max-width: 700px\)[\s\S]*p\[style\*="margin-left"\] \{ margin-left: 1em !important; \}/,
    );
  });

  test('no overflow-wrap: anywhere (it split Thai mid-syllable and numbers "๘๕ / .๐ / ๐")', () => {
    expect(html).not.toContain('anywhere');
  });

  test('printed: page numbers from page 2 in Thai digits, the sample banner on every page', () => {
    expect(html).toContain('counter(page, thai)');
    expect(html).toMatch(/@page :first \{ @top-center/);
    expect(html).toContain('<div class="banner" role="note">ตัวอย่าง — ไม่ใช่ข้อมูลจริง</div>');
  });
});
