// The round's report from the menu สร้างรายงาน (Apps Script fakes): the Google Doc has the seed
// report's text and layout, the register and dashboard record it, regenerating keeps its public URL,
// and service calls stay flat as the tracker grows.

import { generateTracker } from '../../bench/generate';
import { type Cell, escapeHtml } from '../../src/core/cells';
import { LAST_REPORT_ROW } from '../../src/core/dashboard';
import { DASHBOARD } from '../../src/core/messages/dashboard';
import { APP, MENU } from '../../src/core/messages/menu';
import { REPORT } from '../../src/core/messages/report';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { REPORT_COLUMNS } from '../../src/core/report';
import { MEASURES_TAB, REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { writeDashboard } from '../../src/gas/dashboard';
import { menuGenerateReport } from '../../src/gas/report';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { FakeParagraph, FakeTable } from '../fakes/docs';
import { captureConsole } from '../support/console-capture';
import { figure } from '../support/figures';
import { seedText, squeeze, visible } from '../support/seed-report';

const template = (): WorkbookSnapshot => templateSnapshot({ example: true });

const REGISTER = REPORTS_TAB.name;

/** The template with its measures repeated (new ids, results copied to every division's tab) up to n measures. */
function scaledTemplate(n: number): WorkbookSnapshot {
  const snap = template();
  const measures = snap.tabs[MEASURES_TAB.name];
  const header = measures[0].map(String);
  const idCol = header.indexOf(HEADER.measureId);
  const orderCol = header.indexOf(HEADER.order);
  const base = measures.slice(1);
  const copyId = (id: string, k: number) => (k === 0 ? id : `${id}-R${k}`);
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / base.length);
    const row = base[i % base.length].slice();
    row[idCol] = copyId(String(row[idCol]), k);
    if (orderCol >= 0) row[orderCol] = i + 1;
    rows.push(row);
  }
  snap.tabs[MEASURES_TAB.name] = [measures[0], ...rows];
  const copies = Math.ceil(n / base.length);
  const baseIds = new Set(base.map((r) => String(r[idCol])));
  for (const [tab, values] of Object.entries(snap.tabs)) {
    const keyCol = values[0]?.map(String).indexOf(HEADER.entryKey) ?? -1;
    if (keyCol < 0 || tab === MEASURES_TAB.name) continue;
    const out: Cell[][] = [values[0]];
    for (let k = 0; k < copies; k++)
      for (const r of values.slice(1)) {
        const key = String(r[keyCol]);
        if (!baseIds.has(key)) continue;
        const id = copyId(key, k);
        if (!rows.some((m) => m[idCol] === id)) continue;
        const copy = r.slice();
        copy[keyCol] = id;
        out.push(copy);
      }
    snap.tabs[tab] = out;
  }
  return snap;
}

/** The report folder exists (setup creates it): its id in the settings tab. */
function withFolder(snapshot: WorkbookSnapshot, fakes: FakeHandles): WorkbookSnapshot {
  const id = calls.untracked(
    () =>
      (globalThis as unknown as { Drive: GoogleAppsScript.Drive }).Drive.Files?.create({
        name: 'รายงานมาตรการ ITA',
        mimeType: 'application/vnd.google-apps.folder',
      }).id as string,
  );
  const settings = snapshot.tabs[SETTINGS_TAB.name];
  const row = settings.findIndex((r) => r[0] === 'reportFolderId');
  settings[row][2] = id;
  void fakes;
  return snapshot;
}

function installWith(snapshot: WorkbookSnapshot): FakeHandles {
  const fakes = installFakes({ user: 'admin@example.org' });
  seedSpreadsheet(withFolder(snapshot, fakes));
  calls.reset();
  return fakes;
}

const registerRows = (fakes: FakeHandles) =>
  (fakes.sheets.values(REGISTER) ?? []).slice(1).filter((r) => r.some((c) => c !== ''));

describe('Apps Script: menu สร้างรายงาน', () => {
  afterEach(() => uninstallFakes());

  test("golden: the Google Doc written into the fakes has the seed report's text, and is what the public sees", () => {
    const fakes = installWith(template());
    const result = menuGenerateReport();
    expect(result).toBeDefined();
    const docId = result!.docId;
    expect(squeeze(fakes.docs.documentText(docId))).toBe(seedText());
    expect(fakes.drive.publishedContent(docId)).toBe(fakes.docs.documentText(docId));
  });

  test('the Google Doc: landscape A4, Sarabun 16 pt, centred title block, header rows pinned and bold, list items as paragraphs', () => {
    const fakes = installWith(template());
    const { docId } = menuGenerateReport()!;
    const body = fakes.docs.body(docId);
    expect(body.page.width).toBeCloseTo(841.89);
    expect(body.page.height).toBeCloseTo(595.28);
    const tables = body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    expect(tables.map((t) => [t.rows.length, t.pinnedHeaderRows])).toEqual([
      [4, 1],
      [4, 1],
      [6, 1],
    ]);
    expect(tables[0].rows[0].cells.map((c) => visible(c._text()))).toEqual(REPORT_COLUMNS);
    expect(tables[0].rows[0].cells.every((c) => (c.children[0] as FakeParagraph).attrs.BOLD === true)).toBe(true);
    // total column width = the page's text width
    const widths = tables[0].columnWidths as number[];
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(841.89 - 2 * 42.52, 0);
    // steps of IIT-01: four "- " items, four paragraphs in the cell
    const steps = tables[0].rows[1].cells[1].children.map((p) => (p as FakeParagraph).text);
    expect(steps).toHaveLength(4);
    // compounds the dictionary splits are joined (U+2060) so Docs keeps each on one line
    expect(steps[0]).toBe('- จัด\u2060ทำแนวทางในการขับ\u2060เคลื่อนเกี่ยว\u2060กับการเฝ้า\u2060ระวังการทุจริต');
    const paras = body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph);
    const title = paras.find((p) => p.text.replace(/\u2060/g, '').startsWith('รายงานการดำเนินการ'))!;
    expect([title.alignment, title.attrs.BOLD]).toEqual(['CENTER', true]);
    expect(paras.find((p) => p.text.startsWith('อำเภอ'))?.alignment).toBe('CENTER');
    expect(paras.find((p) => p.text === '๓. ด้าน OIT')?.heading).toBe('HEADING3');
    expect(
      paras.filter((p) => p.text !== '').every((p) => p.attrs.FONT_FAMILY === 'Sarabun' && p.attrs.FONT_SIZE === 16),
    ).toBe(true);
    expect(tables[2].rows[5].cells[4].children.every((p) => (p as FakeParagraph).attrs.FONT_FAMILY === 'Sarabun')).toBe(
      true,
    );
    // the dialog links, escaped
    const dialog = fakes.ui.lastDialog()!;
    expect(dialog.title).toBe(REPORT.doneTitle);
    expect(dialog.html).toContain(`https://docs.google.com/document/d/${docId}/pub`);
  });

  test('the dashboard names the new report on its last-report line', () => {
    const snapshot = template();
    const fakes = installWith(snapshot);
    calls.untracked(() => writeDashboard(fakes.spreadsheet, parseWorkbook(snapshot).tracker, { today: '2023-04-01' }));
    expect(fakes.sheets.values(TAB.dashboard)?.[LAST_REPORT_ROW - 1].slice(0, 2)).toEqual([
      DASHBOARD.lastReport,
      DASHBOARD.noReport,
    ]);
    const { publishedUrl } = menuGenerateReport()!;
    expect(fakes.sheets.values(TAB.dashboard)?.[LAST_REPORT_ROW - 1].slice(0, 3)).toEqual([
      DASHBOARD.lastReport,
      DASHBOARD.reportLabel('๒๕๖๖', '๖'),
      publishedUrl,
    ]);
  });

  test('the register gets one row per (FY, round); regenerating keeps the same document and public URL and updates that row', () => {
    const fakes = installWith(template());
    const first = menuGenerateReport()!;
    const rows1 = registerRows(fakes);
    expect(rows1).toHaveLength(1);
    const header = fakes.sheets.values(REGISTER)![0];
    const at = (k: keyof typeof HEADER) => header.indexOf(HEADER[k]);
    expect(rows1[0][at('fiscalYear')]).toBe(2566);
    expect(rows1[0][at('round')]).toBe(6);
    expect(rows1[0][at('docId')]).toBe(first.docId);
    // the stable /pub URL of the document (revisions.update returns no publishedLink without a fields parameter, which the typed call has none of)
    expect(rows1[0][at('publishedUrl')]).toBe(first.publishedUrl);
    expect(first.publishedUrl).toBe(`https://docs.google.com/document/d/${first.docId}/pub`);
    expect(rows1[0][at('pdfUrl')]).toBe(first.pdfUrl);
    expect(rows1[0][at('generatedBy')]).toBe('admin@example.org');
    expect(String(rows1[0][at('warnings')])).toContain('กองคลัง ยังไม่ได้กรอกผลการดำเนินการรอบ ๖ เดือน');

    // a division adds a result, the report is generated again
    const palad = fakes.sheets.values('สำนักปลัด')!;
    const resultCol = palad[0].indexOf(HEADER.result6);
    fakes.sheets.typeInto('สำนักปลัด', `${String.fromCharCode(65 + resultCol)}2`, 'ผลที่แก้ไขใหม่');
    const second = menuGenerateReport()!;
    expect(second.docId).toBe(first.docId);
    expect(second.publishedUrl).toBe(first.publishedUrl);
    expect(registerRows(fakes)).toHaveLength(1);
    expect(fakes.drive.publishedContent(first.docId)).toContain('ผลที่แก้ไขใหม่');
    expect(fakes.docs.documentIds()).toEqual([first.docId]);
    // two PDFs archived in the report folder, one per generation
    const pdfs = [...fakes.drive.store.files.values()].filter((f) => f.mimeType === 'application/pdf');
    expect(pdfs).toHaveLength(2);
    expect(new TextDecoder().decode(pdfs[1].bytes!)).toContain('ผลที่แก้ไขใหม่');
  });

  test.each(['Body.appendTable', 'Docs.Documents.batchUpdate', 'Drive.Files.create', 'Drive.Revisions.update'])(
    'a failure at %s: a Thai error; the register and the published report stay as they were',
    (method) => {
      const fakes = installWith(template());
      const first = menuGenerateReport()!;
      const published = fakes.drive.publishedContent(first.docId);
      const register = JSON.stringify(fakes.sheets.values(REGISTER));
      const palad = fakes.sheets.values('สำนักปลัด')!;
      const resultCol = palad[0].indexOf(HEADER.result6);
      fakes.sheets.typeInto('สำนักปลัด', `${String.fromCharCode(65 + resultCol)}2`, 'ผลรอบใหม่ที่ยังไม่ควรเผยแพร่');
      const faults = method.startsWith('Drive.') ? fakes.drive.faults : fakes.docs.faults;
      faults.failAt(method, method === 'Body.appendTable' ? 2 : 1, 'Service unavailable');
      const { value, logged } = captureConsole('error', () => menuGenerateReport());
      expect(value).toBeUndefined();
      fakes.docs.endExecution(); // Apps Script saves open documents when the script ends
      const cause =
        method === 'Drive.Revisions.update'
          ? REPORT_DRIVE.publishRefused('Service unavailable')
          : 'Service unavailable';
      expect(fakes.ui.lastAlert()?.prompt).toBe(REPORT.failed(cause));
      // the execution log keeps the error itself (with its stack) for the maintainer
      expect(logged).toEqual([`Error: ${cause}`]);
      expect(fakes.drive.publishedContent(first.docId)).toBe(published);
      expect(JSON.stringify(fakes.sheets.values(REGISTER))).toBe(register);
      // the next generation succeeds and publishes the new text at the same URL
      const again = menuGenerateReport()!;
      expect(again.publishedUrl).toBe(first.publishedUrl);
      expect(visible(fakes.drive.publishedContent(first.docId) ?? '')).toContain('ผลรอบใหม่ที่ยังไม่ควรเผยแพร่');
    },
  );

  test('no report folder yet: the first generation creates it once, records its id in the settings tab and files the PDF there', () => {
    const fakes = installFakes({ user: 'admin@example.org' });
    seedSpreadsheet(template());
    const first = menuGenerateReport()!;
    const folders = [...fakes.drive.store.files.values()].filter(
      (f) => f.mimeType === 'application/vnd.google-apps.folder',
    );
    expect(folders.map((f) => f.name)).toEqual([REPORT.folderName]);
    const settings = fakes.sheets.values(SETTINGS_TAB.name)!;
    expect(settings.find((r) => r[0] === 'reportFolderId')?.[2]).toBe(folders[0].id);
    const pdf = [...fakes.drive.store.files.values()].find((f) => f.mimeType === 'application/pdf')!;
    expect(pdf.parents).toEqual([folders[0].id]);
    expect(fakes.drive.store.files.get(first.docId)?.parents).toEqual([folders[0].id]);
    menuGenerateReport();
    expect(
      [...fakes.drive.store.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.folder'),
    ).toHaveLength(1);
  });

  test('the registered document was deleted: a new one, and the user is told its public URL changed', () => {
    const fakes = installWith(template());
    const first = menuGenerateReport()!;
    fakes.drive.store.files.get(first.docId)!.trashed = true;
    const second = menuGenerateReport()!;
    expect(second.docId).not.toBe(first.docId);
    expect(second.warnings[0]).toBe(REPORT.docReplaced(first.docId));
    expect(registerRows(fakes)).toHaveLength(1);
    expect(fakes.ui.lastDialog()?.html).toContain(escapeHtml(REPORT.docReplaced(first.docId)));
  });

  test('two generations (or a sync) at once: the second is told the report is busy and writes nothing', () => {
    const fakes = installWith(template());
    const other = fakes.locks.hold('document');
    expect(ENTRY_POINTS.menuGenerateReport()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(APP.busy(MENU.items.report));
    expect(fakes.docs.documentIds()).toEqual([]);
    expect(registerRows(fakes)).toHaveLength(0);
    other.release();
    expect(ENTRY_POINTS.menuGenerateReport()).toBeDefined();
  });

  test('blocking errors: a dialog lists them (escaped) and nothing is written', () => {
    const snap = template();
    const measures = snap.tabs[MEASURES_TAB.name];
    const areaCol = measures[0].indexOf(HEADER.area);
    measures[2][areaCol] = '<b>XIT</b>';
    const fakes = installWith(snap);
    expect(menuGenerateReport()).toBeUndefined();
    const dialog = fakes.ui.lastDialog()!;
    expect(dialog.title).toBe(REPORT.blockedTitle);
    expect(dialog.html).toContain('มาตรการ!B3');
    expect(dialog.html).toContain('&lt;b&gt;XIT&lt;/b&gt;');
    expect(dialog.html).not.toContain('<b>XIT');
    expect(fakes.docs.documentIds()).toEqual([]);
    expect(calls.by('Drive.*')).toBe(0);
  });

  test('service calls stay flat at 11, 100 and 1,000 measures; regenerating stays within 50', () => {
    const counts: Record<number, { first: number; again: number }> = {};
    for (const n of [11, 100, 1000]) {
      const fakes = installWith(scaledTemplate(n));
      const first = menuGenerateReport()!;
      expect(first.model.sections.reduce((a, s) => a + s.rows.length, 0)).toBe(n);
      const firstCount = calls.total();
      calls.reset();
      menuGenerateReport();
      counts[n] = { first: firstCount, again: calls.total() };
      if (n === 1000)
        figure(`report calls by service (1,000 measures, regenerate):\n${JSON.stringify(calls.snapshot(), null, 1)}`);
      uninstallFakes();
      void fakes;
    }
    // once per tracker, when setup has not made the report folder yet: + creating it and recording its id
    installFakes({ user: 'admin@example.org' });
    seedSpreadsheet(scaledTemplate(11));
    calls.reset();
    menuGenerateReport();
    const withoutFolder = calls.total();
    uninstallFakes();
    figure(
      `Apps Script service calls for "สร้างรายงาน" (template's 5 divisions; ${withoutFolder} on a first run that must also create the report folder):\n` +
        Object.entries(counts)
          .map(([n, c]) => `  ${n.padStart(5)} measures: first generation ${c.first}, regeneration ${c.again}`)
          .join('\n'),
    );
    expect(counts[100]).toEqual(counts[11]);
    expect(counts[1000]).toEqual(counts[11]);
    // regenerating a round (the usual click) was within 40 calls; issue 14 adds 4: reading the closed
    // rounds' snapshot tab (+2: a closed round's report is built from it) and storing the public page's
    // copy (+2: so that a visit reads no sheet); issue 11 adds 6: the zone offset for dates (+2), the
    // Drive checks of the folder and the document (+2) and who owns the report folder (+2: whether this
    // click generates now or queues for the owner's trigger). The first generation of a round also creates its
    // document and writes the dashboard's last-report line (+2)
    // issue 21: the report reads the milestones tab and the closing log too (+4), so a milestone id equal
    // to a measure id and snapshot rows deleted by hand block the menu's report as they block the CLI's;
    // the script properties are fetched once (-1) and the owner's check is on the same handle
    // issue 24: Drive imports the document's frame (page numbers, sample banner) into it on every write:
    // a Blob and files.update in place of body.clear() (+1), so a changed setting or replaced sample data shows
    expect(counts[11].again).toBeLessThanOrEqual(50);
    expect(counts[11].first).toBeLessThanOrEqual(counts[11].again + 2);
  });
});

test('each division beyond the first adds at most 2 calls to a regeneration (its tab: one getRange, one getValues)', () => {
  const regenerate = (divisions: number, measures = 11) => {
    installFakes({ user: 'admin@example.org', owner: 'admin@example.org' });
    seedSpreadsheet(generateTracker(measures, divisions));
    calls.untracked(() => ENTRY_POINTS.menuSetup());
    calls.untracked(() => ENTRY_POINTS.menuGenerateReport());
    calls.reset();
    expect(ENTRY_POINTS.menuGenerateReport()).toBeDefined();
    const n = { total: calls.total(), byService: calls.snapshot() };
    uninstallFakes();
    return n;
  };
  const five = regenerate(5);
  const ten = regenerate(10);
  figure(
    `report regeneration as the bench counts it (11 measures, after setup): 5 divisions ${five.total}, 10 divisions ${ten.total}`,
  );
  // every step's calls, so a regression names the step that grew (the goal is 40; what the 54
  // are and why none goes without losing a behaviour: docs/documents.md "The round's report, step by step")
  expect(five.byService).toEqual({
    // the action: the document lock, the bound spreadsheet
    'LockService.getDocumentLock': 1,
    'Lock.tryLock': 1,
    'Lock.releaseLock': 1,
    'SpreadsheetApp.getActive': 1,
    // the zone dates are read and written with (Asia/Bangkok's offset is fixed: no Utilities call)
    'Spreadsheet.getSpreadsheetTimeZone': 1,
    // 7 fixed tabs and 5 division tabs, one getRange + one getValues each
    'Spreadsheet.getRange': 12,
    'Range.getValues': 12,
    // the owner's queue: who owns the folder (one properties handle for the run), who is clicking
    'PropertiesService.getScriptProperties': 1,
    'Properties.getProperty': 1,
    'Session.getEffectiveUser': 1,
    'User.getEmail': 1,
    // the folder (sharing, trashed) and the document on record (trashed = missing)
    'Drive.Files.get': 2,
    // the document: its frame imported by Drive (page numbers, banner: a Blob and files.update, issue 24),
    // rewritten through DocumentApp (one table per area), its layout in one Docs batchUpdate
    'Utilities.newBlob': 1,
    'Drive.Files.update': 1,
    'DocumentApp.openById': 2,
    'Document.getBody': 1,
    'Body.appendTable': 3,
    'Document.saveAndClose': 1,
    'Docs.Documents.get': 1,
    'Docs.Documents.batchUpdate': 1,
    // the PDF (the second openById above), publishing
    'Document.getAs': 1,
    'Drive.Files.create': 1,
    'Drive.Revisions.update': 1,
    // the register's row, the public page's stored copy
    'Range.setValues': 1,
    'Properties.setProperties': 1,
    // the dialog with the links
    'SpreadsheetApp.getUi': 1,
    'HtmlService.createHtmlOutput': 1,
    'Ui.showModalDialog': 1,
  });
  // 55 after issue 24's frame import (+1, src/gas/document-doc.ts); 54 without the Utilities.formatDate
  // that Asia/Bangkok's fixed offset does not need (src/gas/sheetio.ts);
  // why the rest stays above issue 21's 40, call by call: docs/documents.md "The round's report, step by step"
  expect(five.total).toBe(54);
  // each further division: its tab's getRange and getValues, nothing else
  expect(ten.byService).toEqual({
    ...five.byService,
    'Spreadsheet.getRange': 12 + 5,
    'Range.getValues': 12 + 5,
  });
  expect(ten.total - five.total).toBeLessThanOrEqual(2 * 5);
  // ten times the rows on the same 5 divisions: the very same calls, service by service
  expect(regenerate(5, 110)).toEqual(five);
});
