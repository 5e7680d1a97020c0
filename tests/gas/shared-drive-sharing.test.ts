// Issue 22, reproduction 4 (second half): a report folder in a shared drive. Drive gives a shared-drive
// item's file resource neither owners nor permissions, so the folder's sharing must be read from
// permissions.list (which names the drive's members and the folder's own shares). Each admin who
// cannot open the folder yet is shared with once; members of the drive and admins already shared are
// left alone, and a second run shares no one again.
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';

const A = 'a.admin@example.org'; // set the tracker up, the folder's organizer in the shared drive
const B = 'b.admin@example.org'; // an admin who is not a member of the shared drive
const C = 'c.admin@example.org'; // an admin who is a member of the shared drive

afterEach(() => uninstallFakes());

/** The report's sharing warnings (the rest are the data's own: results not typed yet). */
const SHARING = REPORT_DRIVE.shareFailed('@', '#').split('@')[0];
const sharingWarnings = (warnings: readonly string[]) => warnings.filter((w) => w.startsWith(SHARING));

function trackerInSharedDrive(): { fakes: FakeHandles; folder: string } {
  const fakes = installFakes({ user: A, owner: A, editors: [B, C] });
  seedSpreadsheet(templateSnapshot({ example: true }));
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, `${A}, ${B}, ${C}`);
  const folder = setupSpreadsheet(fakes.spreadsheet, { example: false }).reportFolderId as string;
  fakes.drive.moveToSharedDrive(folder, 'drive-agency', [C]);
  return { fakes, folder };
}

test('the first report shares the folder with the admin outside the drive, and only with them; every admin opens the document', () => {
  const { fakes, folder } = trackerInSharedDrive();
  expect(fakes.drive.canOpen(B, folder)).toBe(false);
  fakes.calls.reset();
  const made = menuGenerateReport()!;
  expect(made).toBeDefined();
  expect(fakes.calls.by('Drive.Permissions.create')).toBe(1);
  const own = fakes.drive.store.files.get(folder)!.permissions.filter((p) => !p.inheritedFrom);
  expect(own.map((p) => [p.emailAddress, p.role])).toEqual([[B, 'writer']]);
  for (const admin of [A, B, C]) expect(fakes.drive.canOpen(admin, made.docId)).toBe(true);
  expect(sharingWarnings(made.warnings)).toEqual([]);
});

test('a regeneration shares no one again (one permissions.list, no permissions.create)', () => {
  const { fakes } = trackerInSharedDrive();
  menuGenerateReport();
  fakes.calls.reset();
  const again = menuGenerateReport()!;
  expect(again).toBeDefined();
  expect(fakes.calls.by('Drive.Permissions.create')).toBe(0);
  expect(fakes.calls.by('Drive.Permissions.list')).toBe(1);
  expect((fakes.sheets.values(REPORTS_TAB.name) ?? []).slice(1).filter((r) => r.some((c) => c !== ''))).toHaveLength(1);
});

test('Drive refusing to list the folder’s permissions never stops the report: it is made, and the warning names the admins not shared with', () => {
  const { fakes } = trackerInSharedDrive();
  fakes.drive.faults.failAt('Drive.Permissions.list', 1, 'Service error: Drive');
  const made = menuGenerateReport()!;
  expect(made).toBeDefined();
  expect(sharingWarnings(made.warnings)).toEqual([
    REPORT_DRIVE.shareFailed(`${A}, ${B}, ${C}`, 'Service error: Drive'),
  ]);
  expect(fakes.calls.by('Drive.Permissions.create')).toBe(0);
});

test('a drive of 150 members: an admin listed past the first page of permissions.list is not shared with again', () => {
  const fakes = installFakes({ user: A, owner: A, editors: [B] });
  seedSpreadsheet(templateSnapshot({ example: true }));
  const member = 'member140@example.org';
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, `${A}, ${member}`);
  const folder = setupSpreadsheet(fakes.spreadsheet, { example: false }).reportFolderId as string;
  fakes.drive.moveToSharedDrive(
    folder,
    'drive-big',
    Array.from({ length: 150 }, (_, i) => `member${i}@example.org`),
  );
  fakes.calls.reset();
  expect(menuGenerateReport()).toBeDefined();
  expect(fakes.calls.by('Drive.Permissions.list')).toBe(2);
  expect(fakes.calls.by('Drive.Permissions.create')).toBe(0);
});
