// Issue 11 on the report: the zone offset, a trashed document, what Drive says about publishing,
// shared drives and folders the app cannot reach, and a regenerated document that looks like a new one.
import { REPORT } from '../../src/core/messages/report';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { menuGenerateReport, readReportTabs } from '../../src/gas/report';
import { readWorkbook } from '../../src/gas/sheetio';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { type FakeBody, FakeParagraph, FakeTable } from '../fakes/docs';
import { captureConsole } from '../support/console-capture';

const template = (): WorkbookSnapshot => templateSnapshot({ example: true });

afterEach(() => uninstallFakes());

describe('the report reads the tabs on the sheet’s wall clock', () => {
  test('a due date typed as 1 Oct reaches core as 1 Oct, as every other adapter reads it', () => {
    const snap = template();
    snap.tabs.สำนักปลัด[1][4] = new Date('2022-10-01T00:00:00.000Z');
    const fakes = installFakes({ timeZone: 'Asia/Bangkok' });
    seedSpreadsheet(snap);
    const ss = fakes.spreadsheet;
    const { snapshot } = calls.untracked(() => readReportTabs(ss));
    const everyOther = calls.untracked(() => readWorkbook(ss));
    expect(snapshot.tabs.สำนักปลัด[1][4]).toEqual(new Date('2022-10-01T00:00:00.000Z'));
    const dates = (tabs: WorkbookSnapshot['tabs'], names: string[]) =>
      names.flatMap((tab) =>
        (tabs[tab] ?? []).flatMap((row, r) =>
          row.flatMap((c, k) => (c instanceof Date ? [`${tab}!${r},${k}=${c.toISOString()}`] : [])),
        ),
      );
    const names = Object.keys(snapshot.tabs);
    expect(dates(snapshot.tabs, names)).toEqual(dates(everyOther.tabs, names));
  });
});

/** Every paragraph of the body, tables' cells included, as the reader sees its style. */
function looks(body: FakeBody): unknown[] {
  const out: unknown[] = [];
  const walk = (e: unknown) => {
    if (e instanceof FakeParagraph) out.push({ text: e.text, heading: e.heading, alignment: e.alignment, ...e.attrs });
    else if (e instanceof FakeTable) for (const r of e.rows) for (const c of r.cells) c.children.forEach(walk);
  };
  body.children.forEach(walk);
  return out;
}

describe('a regenerated report document', () => {
  test('looks exactly like a new one (Docs keeps the old first paragraph’s style after clear)', () => {
    const fakes = installFakes();
    seedSpreadsheet(template());
    const fresh = menuGenerateReport()!;
    const asNew = looks(fakes.docs.body(fresh.docId));
    const again = menuGenerateReport()!;
    expect(again.docId).toBe(fresh.docId);
    const regenerated = looks(fakes.docs.body(again.docId));
    expect(regenerated).toEqual(asNew);
  });
});

/** The report folder, created by the app as the current user; its id in the settings tab. */
function seedWithFolder(fakes: FakeHandles, snap: WorkbookSnapshot = template()): string {
  const id = calls.untracked(
    () =>
      (globalThis as unknown as { Drive: GoogleAppsScript.Drive }).Drive.Files?.create({
        name: REPORT.folderName,
        mimeType: 'application/vnd.google-apps.folder',
      }).id as string,
  );
  const settings = snap.tabs[SETTINGS_TAB.name];
  settings[settings.findIndex((r) => r[0] === 'reportFolderId')][2] = id;
  seedSpreadsheet(snap);
  void fakes;
  return id;
}

const pdfCount = (fakes: FakeHandles) =>
  [...fakes.drive.store.files.values()].filter((f) => f.mimeType === 'application/pdf' && !f.trashed).length;

describe('Drive as agencies have it', () => {
  test('a report folder moved into a shared drive: generation and regeneration work (supportsAllDrives on every call)', () => {
    const fakes = installFakes();
    const folder = seedWithFolder(fakes);
    fakes.drive.moveToSharedDrive(folder);
    const first = menuGenerateReport()!;
    expect(first).toBeDefined();
    expect(fakes.drive.store.files.get(first.docId)?.driveId).toBeTruthy();
    expect(menuGenerateReport()?.publishedUrl).toBe(first.publishedUrl);
  });

  test('a folder id pasted by hand (not created by the app): a Thai message saying what to do, nothing written', () => {
    const fakes = installFakes();
    const snap = template();
    seedSpreadsheet(snap);
    const foreign = fakes.drive.addForeignFile('โฟลเดอร์ของฉัน', 'application/vnd.google-apps.folder');
    fakes.sheets.typeInto(
      SETTINGS_TAB.name,
      `C${snap.tabs[SETTINGS_TAB.name].findIndex((r) => r[0] === 'reportFolderId') + 1}`,
      foreign,
    );
    const before = fakes.drive.store.files.size;
    const register = JSON.stringify(fakes.sheets.values(REPORTS_TAB.name));
    const { value, logged } = captureConsole('error', () => menuGenerateReport());
    expect(value).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(REPORT.failed(REPORT_DRIVE.folderUnreachable(foreign)));
    expect(logged).toEqual([`Error: ${REPORT_DRIVE.folderUnreachable(foreign)}`]);
    expect(fakes.drive.store.files.size).toBe(before);
    expect(JSON.stringify(fakes.sheets.values(REPORTS_TAB.name))).toBe(register);
  });

  test('a report document in the trash (openById still opens it) is treated as missing', () => {
    const fakes = installFakes();
    seedWithFolder(fakes);
    const first = menuGenerateReport()!;
    fakes.drive.store.files.get(first.docId)!.trashed = true;
    const second = menuGenerateReport()!;
    expect(second.docId).not.toBe(first.docId);
    expect(second.warnings[0]).toBe(REPORT.docReplaced(first.docId));
  });

  test('a Workspace policy refuses publishing outside the domain: Thai message, register as it was, no extra PDF per retry', () => {
    const fakes = installFakes();
    seedWithFolder(fakes);
    const first = menuGenerateReport()!;
    const register = JSON.stringify(fakes.sheets.values(REPORTS_TAB.name));
    const pdfs = pdfCount(fakes);
    fakes.drive.setPublishingPolicy('domainOnly');
    for (let retry = 0; retry < 3; retry++) {
      const { value, logged } = captureConsole('error', () => menuGenerateReport());
      expect(value).toBeUndefined();
      expect(fakes.ui.lastAlert()?.prompt).toContain('นโยบายไม่อนุญาตให้เผยแพร่ไฟล์นอกโดเมน');
      // the log keeps Drive's own refusal inside the Thai message, for the maintainer
      expect(logged).toEqual([
        `Error: ${REPORT_DRIVE.publishRefused('API call to drive.revisions.update failed with error: Insufficient permissions for this file')}`,
      ]);
    }
    expect(JSON.stringify(fakes.sheets.values(REPORTS_TAB.name))).toBe(register);
    expect(pdfCount(fakes)).toBe(pdfs);
    fakes.drive.setPublishingPolicy('anyone');
    expect(menuGenerateReport()?.publishedUrl).toBe(first.publishedUrl);
  });
});
