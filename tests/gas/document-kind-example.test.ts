// Issue 21: adding a document kind is its builder plus one registry line. A small example kind (a
// one-page count of the measures by area) is registered beside the real ones and generated through the
// same use case: from the menu in the Apps Script fakes (Doc, PDF, published, on the register), through
// the folder owner's queue when admin B asks, and by the CLI's adapter into a folder and the .xlsx register.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_KINDS, documentCells } from '../../src/core/app/document-kinds';
import type { DocumentKind } from '../../src/core/app/documents';
import { paragraph } from '../../src/core/document';
import { APPROVAL_STATUS } from '../../src/core/messages/plan';
import { onRecordOf, type RegisterKey } from '../../src/core/register-row';
import { DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateParsed } from '../../src/core/validate';
import { documentFromMenu } from '../../src/gas/document-menu';
import { runQueue } from '../../src/gas/document-queue';
import { setupSpreadsheet } from '../../src/gas/setup';
import { runDocument } from '../../src/node/document-command';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';

/** The example kind: its builder, the whole of it. */
const SUMMARY: DocumentKind<number> = {
  name: 'summary',
  label: 'สร้างสรุปจำนวนมาตรการ',
  errorsTitle: 'สร้างสรุปไม่สำเร็จ',
  blockedTitle: 'สร้างสรุปไม่ได้',
  blockedIntro: (n) => `พบข้อผิดพลาด ${n} รายการ`,
  failed: (why) => `สร้างสรุปไม่สำเร็จ: ${why}`,
  needs: { tabs: [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB], divisionTabs: false },
  problems: (_snapshot, parsed) => validateParsed(parsed),
  build(snapshot, parsed) {
    const { measures, settings } = parsed.tracker;
    const areas = ['IIT', 'EIT', 'OIT'].map((a) => `${a}: ${measures.filter((m) => m.area === a).length}`);
    const row: RegisterKey = { fiscalYear: settings.fiscalYear, docKind: 'สรุป', round: null };
    const title = `สรุปจำนวนมาตรการ ${settings.agencyName}`;
    return {
      model: {
        title,
        page: { size: 'A4', orientation: 'portrait', marginsPt: { top: 72, right: 72, bottom: 72, left: 72 } },
        font: 'Sarabun',
        fontSizePt: 16,
        blocks: [paragraph(title, { bold: true }), ...areas.map((a) => paragraph(a))],
      },
      title,
      warnings: [],
      source: measures.length,
      row,
      onRecord: onRecordOf(snapshot, row),
      fiscalYear: settings.fiscalYear,
      round: null,
      numerals: settings.numerals,
      archivePdf: true,
      publishable: true,
      registerCells: documentCells(row, []),
    };
  },
};

/** The registry with the one line added. */
const KINDS = { ...DOCUMENT_KINDS, summary: SUMMARY };

afterEach(() => uninstallFakes());

test('Apps Script: the example kind from the menu and through the owner’s queue, as the real kinds go', () => {
  const A = 'a.admin@example.org';
  const B = 'b.admin@example.org';
  const fakes = installFakes({ user: A, owner: A, editors: [B] });
  seedSpreadsheet(templateSnapshot({ example: true }));
  const adminsRow = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.sheets.typeInto(SETTINGS_TAB.name, `C${adminsRow}`, `${A}, ${B}`);
  fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));

  const made = fakes.session.as(A, () => documentFromMenu(SUMMARY, { kind: 'summary' }, () => undefined))!;
  expect(made.source).toBe(11);
  expect(fakes.docs.documentText(made.docId)).toContain('IIT: 3');
  expect(fakes.drive.publishedContent(made.docId)).toBe(fakes.docs.documentText(made.docId));
  const register = fakes.sheets.values(REPORTS_TAB.name)!;
  const header = register[0].map(String);
  const row = register.find((r) => r[header.indexOf('ประเภทเอกสาร')] === 'สรุป')!;
  expect(row[header.indexOf(REPORTS_TAB.columns.find((c) => c.key === 'approvalStatus')!.header)]).toBe(
    APPROVAL_STATUS.published,
  );

  // admin B: queued, then the owner's trigger regenerates the same document at the same URL
  expect(fakes.session.as(B, () => documentFromMenu(SUMMARY, { kind: 'summary' }, () => undefined))).toBeUndefined();
  fakes.ui.setAvailable(false);
  const queued = fakes.session.as(A, () => runQueue(KINDS))!;
  expect(queued).toMatchObject({ kind: 'summary', docId: made.docId, publishedUrl: made.publishedUrl });
  expect(fakes.mail.sent.at(-1)?.to).toContain(B);
});

test('CLI adapter: the example kind into an output folder and the workbook’s register', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-kind-'));
  const wb = join(dir, 'tracker.xlsx');
  await writeWorkbookFile(wb, templateSnapshot({ example: true }));
  const run = await runDocument(
    SUMMARY,
    { kind: 'summary' },
    {
      snapshot: await readWorkbookFile(wb),
      out: join(dir, 'out'),
      pdf: 'off',
      workbook: wb,
      command: 'summary',
    },
  );
  expect(run.code).toBe(0);
  expect(readFileSync(join(dir, 'out', 'summary.html'), 'utf8')).toContain('OIT: 5');
  const register = (await readWorkbookFile(wb)).tabs[REPORTS_TAB.name];
  expect(register.some((r) => r.includes('สรุป'))).toBe(true);
});
