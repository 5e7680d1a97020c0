// The Garuda in the memo's Google Doc (issue 24): the admin uploads it through the dialog (judged by its
// bytes, at most 500 KB), the app keeps it as its own file (a Doc holding the image, in the report
// folder) named by the setting ภาพครุฑ, and every memo places it at the top left, 1.5 cm high.
import { CM } from '../../src/core/document';
import { GARUDA } from '../../src/core/messages/garuda';
import { MEMO } from '../../src/core/messages/plan';
import { SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { GARUDA_MAX_BYTES, garudaDialogHtml, menuUploadGaruda, uploadGarudaImage } from '../../src/gas/garuda';
import { menuGeneratePlan, menuProposeToExecutive } from '../../src/gas/plan';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import type { FakeParagraph } from '../fakes/docs';

/** A 4×3 PNG (the Garuda's stand-in): width / height 4:3. */
const PNG_4X3 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAADElEQVR4nGNgIAoAAAAnAAHKRxGqAAAAAElFTkSuQmCC',
  'base64',
);

function install(): FakeHandles {
  const fakes = installFakes({ user: 'ita-admin@example.org' });
  const folder = calls.untracked(
    () =>
      (globalThis as unknown as { Drive: GoogleAppsScript.Drive }).Drive.Files?.create({
        name: 'รายงานมาตรการ ITA',
        mimeType: 'application/vnd.google-apps.folder',
      }).id as string,
  );
  const snapshot = templateSnapshot();
  const rows = snapshot.tabs[SETTINGS_TAB.name];
  const row = rows.find((r) => r[0] === 'reportFolderId');
  if (row) row[2] = folder;
  seedSpreadsheet(snapshot);
  calls.reset();
  return fakes;
}

const settingValue = (fakes: FakeHandles, key: string) =>
  String((fakes.sheets.values(SETTINGS_TAB.name) ?? []).find((r) => r[0] === key)?.[2] ?? '');

describe('Apps Script: the Garuda for the memo', () => {
  afterEach(() => uninstallFakes());

  test('uploaded once, every memo carries it at the top left: 1.5 cm high, at its aspect ratio, in front of the centred heading', () => {
    const fakes = install();
    expect(uploadGarudaImage('ครุฑ.png', PNG_4X3.toString('base64'))).toBe(GARUDA.done);
    const garudaId = settingValue(fakes, 'garudaImageId');
    expect(fakes.docs.documentIds()).toEqual([garudaId]);
    menuGeneratePlan();
    fakes.ui.respond('OK', '1');
    const memo = menuProposeToExecutive('2022-10-05')!;
    const body = fakes.docs.body(memo.memoId);
    const first = body.children[0] as FakeParagraph;
    expect([first.text, first.alignment]).toEqual([MEMO.heading, 'CENTER']);
    expect(first.positioned).toHaveLength(1);
    const g = first.positioned[0];
    expect([g.layout, g.height, g.width, g.leftOffset]).toEqual([
      'ABOVE_TEXT',
      1.5 * CM,
      Math.round(((1.5 * CM * 4) / 3) * 10) / 10,
      0,
    ]);
    // its foot on the heading line's foot (29 pt × 1.2): it rises into the top margin, not over ส่วนราชการ
    expect(g.topOffset).toBeCloseTo(29 * 1.2 - 1.5 * CM, 5);
    expect([...g.bytes]).toEqual([...PNG_4X3]);
    // proposing again rewrites the same memo: one Garuda, not two
    fakes.ui.respond('OK', '1');
    const again = menuProposeToExecutive('2022-10-06')!;
    expect(again.memoId).toBe(memo.memoId);
    expect((fakes.docs.body(memo.memoId).children[0] as FakeParagraph).positioned).toHaveLength(1);
  });

  test('judged by its bytes: a text file named .png and a file over 500 KB are refused in Thai, nothing kept', () => {
    const fakes = install();
    expect(() => uploadGarudaImage('ครุฑ.png', Buffer.from('not an image').toString('base64'))).toThrow(
      GARUDA.notImage('ครุฑ.png'),
    );
    const big = Buffer.concat([PNG_4X3, Buffer.alloc(GARUDA_MAX_BYTES)]);
    expect(() => uploadGarudaImage('ครุฑ.png', big.toString('base64'))).toThrow(GARUDA.tooLarge);
    expect(fakes.docs.documentIds()).toEqual([]);
    expect(settingValue(fakes, 'garudaImageId')).toBe('');
  });

  test('a Garuda Doc that is gone leaves the room empty; the memo is still written', () => {
    const fakes = install();
    uploadGarudaImage('ครุฑ.jpg', PNG_4X3.toString('base64'));
    const garudaId = settingValue(fakes, 'garudaImageId');
    fakes.drive.store.files.delete(garudaId);
    menuGeneratePlan();
    fakes.ui.respond('OK', '1');
    const memo = menuProposeToExecutive('2022-10-05')!;
    const first = fakes.docs.body(memo.memoId).children[0] as FakeParagraph;
    expect([first.text, first.positioned.length]).toEqual([MEMO.heading, 0]);
  });

  test('the dialog escapes its text and sends the file to uploadGarudaImage', () => {
    const html = garudaDialogHtml();
    expect(html).toContain('.uploadGarudaImage(f.name, base64)');
    expect(html).toContain('accept="image/png,image/jpeg"');
    expect(html).not.toMatch(/<\/script>.*<\/script>/s);
  });
});

describe('an admin who is not the report folder’s owner (drive.file is per account)', () => {
  afterEach(() => uninstallFakes());
  const A = 'a.admin@example.org';
  const B = 'b.admin@example.org';

  test('the menu says the owner uploads it, and the upload itself is refused in Thai: no file, ภาพครุฑ untouched', () => {
    const fakes = installFakes({ user: A, owner: A, editors: [B] });
    seedSpreadsheet(templateSnapshot({ example: true }));
    const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
    fakes.session.as(A, () => fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, `${A}, ${B}`));
    fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
    const files = fakes.drive.store.files.size;

    fakes.session.as(B, () => menuUploadGaruda());
    expect(fakes.ui.lastAlert()?.prompt).toBe(GARUDA.ownerOnly(A));
    expect(() => fakes.session.as(B, () => uploadGarudaImage('garuda.png', PNG_4X3.toString('base64')))).toThrow(
      GARUDA.ownerOnly(A),
    );
    expect(fakes.drive.store.files.size).toBe(files);
    expect(settingValue(fakes, 'garudaImageId')).toBe('');

    // the owner's own upload goes through as before
    expect(fakes.session.as(A, () => uploadGarudaImage('garuda.png', PNG_4X3.toString('base64')))).toBe(GARUDA.done);
    expect(settingValue(fakes, 'garudaImageId')).not.toBe('');
  });
});
