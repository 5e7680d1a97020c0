// Issue 23, the menu "รายงานผลปีงบประมาณที่ผ่านมา" (fakes): after the tracker has rolled over, an admin
// picks a closed (year, round) and its report is regenerated from the snapshot — the measures and the
// results as closed — into the document on record, so it is republished at the URL it was first
// published at; the current year's report is a document of its own, unaffected. Another admin's click
// goes through the folder owner's queue and lands at the same URL.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyImport, workbookDivisions } from '../../src/core/apply-import';
import { importReport } from '../../src/core/importer';
import { ACCESS } from '../../src/core/messages/menu';
import { DOC_KIND, DOCUMENT_LABEL } from '../../src/core/messages/plan';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { templateSnapshot } from '../../src/core/template';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { processReportQueue, REPORT_QUEUE_HANDLER } from '../../src/gas/document-queue';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet } from '../../src/gas/setup';
import { menuCloseRound, menuPastYearReport, menuRollover } from '../../src/gas/year-cycle';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { seedText, squeeze, visible } from '../support/seed-report';

const OWNER = 'owner@example.org';
const ADMIN = 'ita-admin@example.org'; // the admin listed in the example's settings; sets up, owns the folder
const B = 'b.admin@example.org';
const FINANCE = 'finance@example.org'; // editor of กองคลัง in the example
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const NEW_ISSUE = 'ประเด็นของปีงบประมาณ 2567 ที่แก้ไขหลังเริ่มปีใหม่';

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

const settingCell = (key: string): string => {
  const row = (fakes.sheets.values(TAB.settings) ?? []).findIndex((r) => r[0] === key);
  return `C${row + 1}`;
};

const registerRows = (): Record<string, unknown>[] => {
  const [header, ...rows] = fakes.sheets.values(TAB.reports) ?? [[]];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};

/**
 * FY 2566's round-6 report published, the round closed, the year rolled over (round 12 never closed: the
 * admin goes on anyway), then the measures tab rewritten for FY 2567 and a division's cell typed anew.
 */
function rolledOver(): { docId: string; publishedUrl: string } {
  fakes = installFakes({ user: ADMIN, owner: OWNER, domain: 'example.org', editors: [ADMIN, B, FINANCE] });
  setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
  fakes.sheets.typeInto(TAB.settings, settingCell('admins'), `${ADMIN}, ${B}`);
  const first = menuGenerateReport()!;
  expect(first).toBeDefined();
  menuCloseRound();
  fakes.ui.respond('YES'); // start FY 2567?
  fakes.ui.respond('YES'); // round 12 is open: go on anyway
  menuRollover();
  expect(fakes.sheets.cell(TAB.settings, settingCell('fiscalYear')).value).toBe(2567);
  const measures = fakes.sheets.values(TAB.measures) ?? [];
  const issueCol = measures[0].indexOf(HEADER.issue);
  fakes.sheets.typeInto(TAB.measures, `${String.fromCharCode(65 + issueCol)}2`, NEW_ISSUE);
  fakes.sheets.typeInto('กองคลัง', 'G3', 'ผลของปี 2567 ที่กรอกใหม่');
  return first;
}

describe('Apps Script: the report of an earlier fiscal year, from the menu', () => {
  test('the admin picks FY 2566 round 6: the closed text, at the URL it was first published at', () => {
    const first = rolledOver();
    fakes.ui.respond('OK', '1');
    const past = menuPastYearReport()!;
    expect(fakes.ui.alerts.at(-1)?.prompt).toBe(YEAR_CYCLE.pastReportPick(YEAR_CYCLE.pastReportItem(1, '๒๕๖๖', '๖')));
    expect(past).toBeDefined();
    // the same document, the same public URL, republished with the closed text
    expect(past.docId).toBe(first.docId);
    expect(past.publishedUrl).toBe(first.publishedUrl);
    const text = fakes.docs.documentText(past.docId);
    expect(squeeze(text)).toBe(seedText());
    expect(text).not.toContain(NEW_ISSUE);
    expect(text).not.toContain('ผลของปี 2567');
    expect(fakes.drive.publishedContent(past.docId)).toBe(text);
    // still one register row for (2566, round 6), the URL on record unchanged
    const rows = registerRows().filter((r) => r[HEADER.docKind] === DOC_KIND.report);
    expect(rows.map((r) => [r[HEADER.fiscalYear], r[HEADER.round], r[HEADER.publishedUrl]])).toEqual([
      [2566, 6, first.publishedUrl],
    ]);

    // the current year's report: its own document, this year's text; the past one is untouched
    const current = menuGenerateReport()!;
    expect(current.docId).not.toBe(first.docId);
    const now = fakes.docs.documentText(current.docId);
    expect(now).toContain('๒๕๖๗');
    expect(now).toContain(NEW_ISSUE);
    expect(fakes.docs.documentText(first.docId)).toBe(text);
  });

  test('another admin’s click goes through the folder owner’s queue and lands at the same URL', () => {
    const first = rolledOver();
    fakes.ui.respond('OK', '๑'); // Thai digits read as the number
    expect(fakes.session.as(B, () => ENTRY_POINTS.menuPastYearReport())).toBeUndefined();
    expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.report));
    const trigger = fakes.triggers.list().find((t) => t.handler === REPORT_QUEUE_HANDLER)!;
    fakes.ui.setAvailable(false);
    const done = fakes.session.as(trigger.owner, () => processReportQueue());
    fakes.ui.setAvailable(true);
    expect(done).toMatchObject({ kind: 'report', docId: first.docId, publishedUrl: first.publishedUrl });
    const text = fakes.docs.documentText(first.docId);
    expect(squeeze(text)).toBe(seedText());
    expect(text).not.toContain(NEW_ISSUE);
  });

  test('no earlier closed round: told so, nothing asked; a number not listed: nothing made; not an admin: refused', () => {
    fakes = installFakes({ user: ADMIN, owner: OWNER, domain: 'example.org', editors: [ADMIN, FINANCE] });
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    menuCloseRound(); // this year's closed round is the report menu's, not an earlier year's
    const asked = fakes.ui.alerts.length;
    expect(menuPastYearReport()).toBeUndefined();
    expect(fakes.ui.alerts.slice(asked).map((a) => a.prompt)).toEqual([YEAR_CYCLE.pastReportNone('๒๕๖๖')]);

    fakes.ui.respond('YES');
    fakes.ui.respond('YES');
    menuRollover();
    fakes.ui.respond('OK', '2');
    expect(menuPastYearReport()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(YEAR_CYCLE.pastReportBadPick('2'));
    expect(registerRows()).toEqual([]);

    fakes.session.setUser(FINANCE);
    ENTRY_POINTS.menuPastYearReport();
    expect(fakes.ui.lastAlert()?.prompt).toBe(ACCESS.denied(YEAR_CYCLE.pastReportAction, ['admin'], FINANCE));
  });
});

describe('Apps Script: a FY 2567 tracker imported from a 12-month report (issue 23, as the CLI in closed-round-documents-cli)', () => {
  test('close round 12 closes the year, rollover to 2568 asks nothing more, and FY 2567 round 12 is republished as closed at its URL', () => {
    const SEED = join(__dirname, '../../sheets-template/ita-measures-report-2566-round6.txt');
    // the Doc's text as read: word joiners and the no-break space that keeps พ.ศ. with its year are no text
    const plain = (s: string) => visible(s).replace(/\u00a0/g, ' ');
    const text2567 = readFileSync(SEED, 'utf8')
      .replace(/๒๕๖๖/g, '๒๕๖๗')
      .replace(/๒๕๖๕/g, '๒๕๖๖')
      .replace('รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)', 'รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)');
    const empty = templateSnapshot({ example: false, fiscalYear: 2570 });
    const imported = applyImport(empty, importReport(text2567, workbookDivisions(empty)), NOW).snapshot;
    fakes = installFakes({ user: ADMIN, owner: ADMIN, editors: [FINANCE] });
    seedSpreadsheet(imported);
    fakes.sheets.typeInto(TAB.settings, settingCell('admins'), ADMIN);
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(fakes.sheets.cell(TAB.settings, settingCell('fiscalYear')).value).toBe(2567);

    const first = menuGenerateReport()!;
    expect(first).toBeDefined();
    const published = fakes.docs.documentText(first.docId);
    expect(plain(published)).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)');

    fakes.ui.respond('YES'); // close round 12 of 2567?
    menuCloseRound();
    expect(fakes.ui.alerts.at(-1)?.prompt).toContain(YEAR_CYCLE.yearClosed('2567'));
    fakes.ui.respond('YES'); // start FY 2568? — and nothing more: no round is left open
    menuRollover();
    expect(fakes.ui.alerts.map((a) => a.prompt).filter((p) => p.includes('ยังไม่ได้ปิด'))).toEqual([]);
    expect(fakes.sheets.cell(TAB.settings, settingCell('fiscalYear')).value).toBe(2568);
    const measures = fakes.sheets.values(TAB.measures) ?? [];
    fakes.sheets.typeInto(TAB.measures, `${String.fromCharCode(65 + measures[0].indexOf(HEADER.issue))}2`, NEW_ISSUE);

    fakes.ui.respond('OK', '1');
    const past = menuPastYearReport()!;
    expect(fakes.ui.alerts.at(-1)?.prompt).toBe(YEAR_CYCLE.pastReportPick(YEAR_CYCLE.pastReportItem(1, '๒๕๖๗', '๑๒')));
    expect({ docId: past.docId, publishedUrl: past.publishedUrl }).toEqual({
      docId: first.docId,
      publishedUrl: first.publishedUrl,
    });
    expect(fakes.docs.documentText(past.docId)).toBe(published);
    expect(fakes.drive.publishedContent(past.docId)).toBe(published);

    // the current year's report: a document of its own, FY ๒๕๖๘ with the new text
    const current = menuGenerateReport()!;
    expect(current.docId).not.toBe(first.docId);
    expect(plain(fakes.docs.documentText(current.docId))).toContain('๒๕๖๘');
    expect(plain(fakes.docs.documentText(current.docId))).toContain(NEW_ISSUE);
    expect(fakes.docs.documentText(first.docId)).toBe(published);
  });
});
