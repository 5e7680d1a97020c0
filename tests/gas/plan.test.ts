// The year's other half from the menu (Apps Script fakes): สร้างมาตรการประจำปี writes the plan's
// Google Doc (analysis + measures, four columns), archives a PDF and publishes it at a stable URL;
// เสนอผู้บริหาร writes the memo and links it on the register row; บันทึกการอนุมัติ is for executives
// and admins only, records who and when, and publishes when publishing waits for the approval.

import { escapeHtml, quoteTabName } from '../../src/core/cells';
import { ACCESS, MENU } from '../../src/core/messages/menu';
import { APPROVAL, APPROVAL_STATUS, DOC_KIND, MEMO, PLAN, SAMPLE_BANNER } from '../../src/core/messages/plan';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { PLAN_COLUMNS } from '../../src/core/plan';
import { ITA_RESULTS_TAB, REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { segmentsOf } from '../../src/gas/adapters/docs';
import { menuGeneratePlan, menuProposeToExecutive, menuRecordApproval } from '../../src/gas/plan';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { FakeParagraph, FakeTable } from '../fakes/docs';
import { visible } from '../support/seed-report';

const REGISTER = REPORTS_TAB.name;
const g = globalThis as unknown as { Docs: GoogleAppsScript.Docs };

function setting(snapshot: WorkbookSnapshot, key: string, value: string): WorkbookSnapshot {
  const rows = snapshot.tabs[SETTINGS_TAB.name];
  const row = rows.find((r) => r[0] === key);
  if (row) row[2] = value;
  else rows.push([key, key, value, '']);
  return snapshot;
}

function installWith(snapshot: WorkbookSnapshot, user = 'ita-admin@example.org'): FakeHandles {
  const fakes = installFakes({ user });
  const id = calls.untracked(
    () =>
      (globalThis as unknown as { Drive: GoogleAppsScript.Drive }).Drive.Files?.create({
        name: 'รายงานมาตรการ ITA',
        mimeType: 'application/vnd.google-apps.folder',
      }).id as string,
  );
  seedSpreadsheet(setting(snapshot, 'reportFolderId', id));
  calls.reset();
  return fakes;
}

const registerRows = (fakes: FakeHandles) => {
  const values = fakes.sheets.values(REGISTER) ?? [];
  const header = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(REPORTS_TAB.columns.map((c) => [c.key, r[header.indexOf(c.header)]])));
};

describe('Apps Script: สร้างมาตรการประจำปี', () => {
  afterEach(() => uninstallFakes());

  test('the plan as a Google Doc: analysis table, the 11 measures in four columns, landscape, published, on the register', () => {
    const fakes = installWith(templateSnapshot());
    const result = menuGeneratePlan()!;
    expect(result).toBeDefined();
    // the done dialog is the plan's, not the report's
    expect(fakes.ui.lastDialog()?.title).toBe(PLAN.doneTitle);
    expect(fakes.ui.lastDialog()?.title).not.toContain('รายงาน');
    const body = fakes.docs.body(result.docId);
    expect(body.page.width).toBeCloseTo(841.89);
    const tables = body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    // the analysis table, then one per area
    expect(tables).toHaveLength(4);
    expect(tables[0].rows[0].cells.map((c) => visible(c._text()))).toEqual(PLAN.analysisColumns);
    expect(tables.slice(1).map((t) => t.rows.length - 1)).toEqual([3, 3, 5]);
    // rows kept whole on one page (TableRowStyle.preventOverflow): all but the longest (which must break:
    // the example's four measures over 14 lines, a landscape page's room under the header row)
    const rows = tables.flatMap((t) => t.rows);
    expect(tables[0].rows.every((r) => r.preventOverflow)).toBe(true);
    expect(rows.length - rows.filter((r) => r.preventOverflow).length).toBe(4);
    for (const t of tables.slice(1)) {
      expect(t.rows[0].cells.map((c) => visible(c._text()))).toEqual(PLAN_COLUMNS);
      expect(t.pinnedHeaderRows).toBe(1);
    }
    const text = fakes.docs.documentText(result.docId);
    expect(text).not.toContain(HEADER.result6);
    expect(text).toContain('ต่ำกว่าเกณฑ์');
    // every paragraph styled explicitly: the title centred and bold, body text plain, Sarabun 16
    const paras = body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph);
    const title = paras.find((p) => p.text.replace(/\u2060/g, '') === 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน')!;
    expect([title.alignment, title.attrs.BOLD]).toEqual(['CENTER', true]);
    const intro = paras.find((p) => p.text.replace(/\u2060/g, '').startsWith('จากการวิเคราะห์'))!;
    expect([intro.heading, intro.attrs.BOLD, intro.attrs.FONT_SIZE]).toEqual(['NORMAL', false, 16]);
    expect(paras.filter((p) => p.text !== '').every((p) => p.attrs.FONT_FAMILY === 'Sarabun')).toBe(true);
    expect(fakes.drive.publishedContent(result.docId)).toBe(fakes.docs.documentText(result.docId));
    const [row] = registerRows(fakes);
    expect([row.docKind, row.approvalStatus, row.round, row.docId]).toEqual([
      DOC_KIND.plan,
      APPROVAL_STATUS.published,
      '',
      result.docId,
    ]);
  });

  test('regenerating keeps the document and its URL; the round report keeps its own row', () => {
    const fakes = installWith(templateSnapshot());
    const first = menuGeneratePlan()!;
    const report = menuGenerateReport()!;
    const again = menuGeneratePlan()!;
    expect(again.docId).toBe(first.docId);
    expect(report.docId).not.toBe(first.docId);
    expect(registerRows(fakes).map((r) => r.docKind)).toEqual([DOC_KIND.plan, DOC_KIND.report]);
  });

  test('the plan Doc numbers its pages "- # -" at the top from page 2 under the sample banner; regenerating after the sample is replaced keeps the Doc and drops the banner', () => {
    installWith(templateSnapshot());
    const first = menuGeneratePlan()!;
    const headers = () => {
      const doc = g.Docs.Documents.get(first.docId);
      const text = (id: string | undefined) =>
        (segmentsOf(doc, 'headers')[id ?? '']?.content ?? [])
          .map((c) => (c.paragraph?.elements ?? []).map((e) => (e.autoText ? '#' : e.textRun?.content)).join(''))
          .join('')
          .trim();
      return [text(doc.documentStyle?.defaultHeaderId), text(doc.documentStyle?.firstPageHeaderId)];
    };
    // the example's data: the sample marker on every page, the number from page 2
    expect(headers()).toEqual([`${SAMPLE_BANNER}\n- # -`, SAMPLE_BANNER]);
    uninstallFakes();
    const real = setting(templateSnapshot(), 'sampleData', 'ไม่ใช่');
    for (const r of real.tabs[ITA_RESULTS_TAB.name].slice(1)) r.length = Math.min(r.length, 6);
    const fakes = installWith(real);
    const plan = menuGeneratePlan()!;
    const again = menuGeneratePlan()!;
    expect(again.docId).toBe(plan.docId);
    const doc = g.Docs.Documents.get(plan.docId);
    const top = segmentsOf(doc, 'headers')[doc.documentStyle?.defaultHeaderId ?? '']?.content ?? [];
    expect(
      top.map((c) => (c.paragraph?.elements ?? []).map((e) => (e.autoText ? '#' : e.textRun?.content)).join('')),
    ).toEqual(['- # -\n']);
    void fakes;
  });

  test('bad input: a score out of range and an unknown tool block it with tab and cell; nothing is written', () => {
    const snap = templateSnapshot();
    const ita = snap.tabs[ITA_RESULTS_TAB.name];
    ita[2][4] = 120;
    ita[3][1] = 'XIT';
    const fakes = installWith(snap);
    expect(menuGeneratePlan()).toBeUndefined();
    const dialog = fakes.ui.lastDialog()!;
    expect(dialog.title).toBe(PLAN.blockedTitle);
    expect(dialog.html).toContain(escapeHtml(`${quoteTabName(ITA_RESULTS_TAB.name)}!E3`));
    expect(dialog.html).toContain(escapeHtml(`${quoteTabName(ITA_RESULTS_TAB.name)}!B4`));
    expect(fakes.docs.documentIds()).toEqual([]);
    expect(registerRows(fakes)).toHaveLength(0);
  });

  test('service calls do not grow with the number of ITA rows or measures (one appendTable per table)', () => {
    installWith(templateSnapshot());
    menuGeneratePlan();
    expect(calls.by('Body.appendTable')).toBe(4);
    expect(calls.by('Docs.Documents.batchUpdate')).toBe(1);
  });
});

describe('Apps Script: เสนอผู้บริหาร and บันทึกการอนุมัติ', () => {
  afterEach(() => uninstallFakes());

  test('with publishing after approval: generate (draft, not public) → propose (memo) → approve (published)', () => {
    const fakes = installWith(setting(templateSnapshot(), 'publishAfterApproval', 'ใช่'), 'mayor@example.org');
    const plan = menuGeneratePlan()!;
    expect(plan.published).toBe(false);
    expect(fakes.drive.publishedContent(plan.docId)).toBeNull();
    expect(registerRows(fakes)[0].approvalStatus).toBe(APPROVAL_STATUS.draft);

    // the prompt asks for a number in Thai wording, never the English "plan"; the clerk types 1
    fakes.ui.respond('OK', '1');
    const memo = menuProposeToExecutive('2022-10-05')!;
    expect(memo).toBeDefined();
    const asked = fakes.ui.alerts.find((a) => a.prompt.startsWith(APPROVAL.proposeWhich([])));
    expect(asked?.prompt).toContain('มาตรการประจำปี');
    expect(asked?.prompt).not.toMatch(/plan/i);
    // word joiners and no-break spaces keep compounds and "พ.ศ. ๒๕๖๖" on one line (src/core/document-words.ts)
    const memoText = fakes.docs
      .documentText(memo.memoId)
      .replace(/\u2060/g, '')
      .replace(/\u00A0/g, ' ');
    const order = [MEMO.heading, MEMO.unitLabel, MEMO.numberLabel, MEMO.dateLabel, MEMO.subjectLabel, MEMO.toLabel];
    const at = order.map((l) => memoText.indexOf(l));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(memoText).toContain('วันที่ ๕ ตุลาคม ๒๕๖๕');
    expect(memoText).toContain(`https://docs.google.com/document/d/${plan.docId}/pub`);
    expect(memoText).toContain(MEMO.opinionHeading);
    // the memo: A4 portrait, left margin 3 cm, right 2 cm, the heading 29 pt
    const body = fakes.docs.body(memo.memoId);
    expect(body.page.width).toBeCloseTo(595.28);
    expect(body.page.marginLeft).toBeCloseTo(85.04, 1);
    expect(body.page.marginRight).toBeCloseTo(56.69, 1);
    const heading = body.children.find((c) => c instanceof FakeParagraph && c.text === MEMO.heading) as FakeParagraph;
    expect([heading.alignment, heading.attrs.FONT_SIZE, heading.attrs.BOLD]).toEqual(['CENTER', 29, true]);
    let row = registerRows(fakes)[0];
    expect([row.approvalStatus, row.memoUrl]).toEqual([APPROVAL_STATUS.proposed, memo.memoUrl]);

    fakes.ui.respond('OK', '1');
    fakes.ui.respond('OK', 'เห็นชอบ');
    const approval = menuRecordApproval()!;
    expect(approval.published).toBe(true);
    expect(fakes.drive.publishedContent(plan.docId)).toBe(fakes.docs.documentText(plan.docId));
    row = registerRows(fakes)[0];
    expect([row.approvalStatus, row.approver, row.approvalComment]).toEqual([
      APPROVAL_STATUS.published,
      'mayor@example.org',
      'เห็นชอบ',
    ]);
    expect(row.approvedAt).toBeInstanceOf(Date);
  });

  test('the round report honours the gate too: not public until its approval is recorded', () => {
    const fakes = installWith(setting(templateSnapshot(), 'publishAfterApproval', 'ใช่'), 'mayor@example.org');
    const report = menuGenerateReport()!;
    expect(fakes.drive.publishedContent(report.docId)).toBeNull();
    expect(registerRows(fakes)[0]).toMatchObject({ docKind: DOC_KIND.report, approvalStatus: APPROVAL_STATUS.draft });
    fakes.ui.respond('OK', '6');
    const memo = menuProposeToExecutive('2023-04-05')!;
    expect(
      fakes.docs
        .documentText(memo.memoId)
        .replace(/\u2060/g, '')
        .replace(/\u00A0/g, ' '),
    ).toContain(MEMO.subjectReport('๒๕๖๖', '๖'));
    fakes.ui.respond('OK', '1');
    fakes.ui.respond('OK', '');
    expect(menuRecordApproval()?.published).toBe(true);
    expect(fakes.drive.publishedContent(report.docId)).toBe(fakes.docs.documentText(report.docId));
    expect(registerRows(fakes)[0]).toMatchObject({
      approvalStatus: APPROVAL_STATUS.published,
      approver: 'mayor@example.org',
    });
  });

  test('no executive title in settings: the memo is refused with tab and cell, nothing written', () => {
    const fakes = installWith(setting(templateSnapshot(), 'executiveTitle', ''));
    menuGeneratePlan();
    const docsBefore = fakes.docs.documentIds();
    fakes.ui.respond('OK', 'plan');
    expect(menuProposeToExecutive('2022-10-05')).toBeUndefined();
    expect(fakes.ui.lastDialog()?.html).toContain(`${SETTINGS_TAB.name}!C`);
    expect(fakes.docs.documentIds()).toEqual(docsBefore);
    expect(registerRows(fakes)[0].memoUrl).toBe('');
  });

  test('a memo for a document not generated yet is refused', () => {
    const fakes = installWith(templateSnapshot());
    fakes.ui.respond('OK', '12');
    expect(menuProposeToExecutive('2023-04-05')).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toContain('ยังไม่ได้สร้าง');
  });

  test('a FY 2569 tracker: the question offers the plan and round 12 only, and "6" makes no memo', () => {
    const fakes = installWith(setting(templateSnapshot(), 'fiscalYear', '2569'));
    const docsBefore = fakes.docs.documentIds();
    fakes.ui.respond('OK', '6');
    expect(menuProposeToExecutive('2026-04-05')).toBeUndefined();
    const [asked, told] = fakes.ui.alerts.slice(-2).map((a) => a.prompt);
    expect(asked).toBe('เสนอเอกสารใด? พิมพ์หมายเลข:\n1 = มาตรการประจำปี\n12 = รายงานผลรอบ ๑๒ เดือน');
    expect(told).toBe('"6" ไม่ใช่ 1 หรือ 12 — ไม่ได้สร้างบันทึก');
    expect(fakes.docs.documentIds()).toEqual(docsBefore);
  });

  test('a FY 2566 tracker: the plan and rounds 6 and 12', () => {
    const fakes = installWith(templateSnapshot());
    fakes.ui.respond('OK', 'รายงาน');
    expect(menuProposeToExecutive('2023-04-05')).toBeUndefined();
    const [asked, told] = fakes.ui.alerts.slice(-2).map((a) => a.prompt);
    expect(asked).toBe(
      'เสนอเอกสารใด? พิมพ์หมายเลข:\n1 = มาตรการประจำปี\n6 = รายงานผลรอบ ๖ เดือน\n12 = รายงานผลรอบ ๑๒ เดือน',
    );
    expect(told).toBe('"รายงาน" ไม่ใช่ 1, 6 หรือ 12 — ไม่ได้สร้างบันทึก');
  });

  test('approval: nothing proposed is said; a number not listed records nothing; an approved document is no longer offered', () => {
    const fakes = installWith(templateSnapshot(), 'mayor@example.org');
    expect(menuRecordApproval()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(APPROVAL.noDocument);
    menuGeneratePlan();
    fakes.ui.respond('OK', 'plan');
    menuProposeToExecutive('2022-10-05');
    fakes.ui.respond('OK', '2');
    expect(menuRecordApproval()).toBeUndefined();
    const [asked, told] = fakes.ui.alerts.slice(-2).map((a) => a.prompt);
    expect(asked).toBe(
      APPROVAL.pick('1. ขออนุมัติเผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'),
    );
    expect(told).toBe(APPROVAL.badPick('2'));
    expect(registerRows(fakes)[0].approver).toBe('');
    // cancelling the comment records nothing either
    fakes.ui.respond('OK', '1');
    fakes.ui.respond('CANCEL', '');
    expect(menuRecordApproval()).toBeUndefined();
    expect(registerRows(fakes)[0].approver).toBe('');
    fakes.ui.respond('OK', '1');
    fakes.ui.respond('OK', 'ดำเนินการได้');
    expect(menuRecordApproval()?.record).toMatchObject({
      approver: 'mayor@example.org',
      approvalComment: 'ดำเนินการได้',
    });
    expect(menuRecordApproval()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(APPROVAL.noDocument);
  });

  test('approval: only executives and admins in settings', () => {
    const fakes = installWith(templateSnapshot(), 'clerk@example.org');
    expect(ENTRY_POINTS.menuRecordApproval()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(
      ACCESS.denied(MENU.items.approve, ['admin', 'executive'], 'clerk@example.org'),
    );
  });
});

describe('Apps Script: setup makes the ITA results tab', () => {
  afterEach(() => uninstallFakes());

  test('with the example: the ten indicators and the overall row; the tool column a dropdown; admins only', () => {
    const fakes = installFakes({ user: 'owner@example.org', owner: 'owner@example.org' });
    fakes.ui.respond('YES');
    setupSpreadsheet(fakes.spreadsheet, { now: new Date(Date.UTC(2023, 2, 20)) });
    const values = fakes.sheets.values(ITA_RESULTS_TAB.name)!;
    expect(values[0]).toEqual(ITA_RESULTS_TAB.columns.map((c) => c.header));
    expect(values.slice(1).filter((r) => r[2] !== '')).toHaveLength(10);
    expect(fakes.sheets.cell(ITA_RESULTS_TAB.name, 'B2').validation?.values[0]).toEqual(['IIT', 'EIT', 'OIT']);
    expect(fakes.sheets.protections().some((p) => p.type === 'SHEET' && p.tab === ITA_RESULTS_TAB.name)).toBe(true);
  });
});
