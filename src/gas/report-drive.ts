// The report folder and its sharing, on the Drive facade (src/gas/adapters/drive.ts).
import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { SETTINGS_TAB } from '../core/schema';
import {
  createEmpty,
  findFile,
  folderSharing,
  MIME_FOLDER,
  publishHead,
  shareAsWriter,
  sharedDriveEmails,
} from './adapters/drive';
import { type RunAccount, runAccount } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script property: the account whose Drive holds the report folder; its trigger runs the queue. */
export const REPORT_OWNER_KEY = 'reportOwner';

// ---------------------------------------------------------------- the report folder

/**
 * The folder PDFs go to: the id in settings, else a folder this app creates (drive.file reaches only
 * what the app created) and records in the settings tab. Setup may call this once so generation never has to.
 */
export function ensureReportFolder(
  ss: Spreadsheet,
  currentId: string,
  settingsRow: number | null,
  valueColumn: number,
  verify = false,
  account: RunAccount = runAccount(),
): string {
  // A folder recorded as another admin's (the owner whose trigger generates) is theirs, not lost:
  // only a copy's script (no owner recorded; script properties stay with the original) replaces it.
  if (currentId && (!verify || othersFolder(account) || reachableFolder(currentId))) return currentId;
  const id = createEmpty({ name: REPORT.folderName, mimeType: MIME_FOLDER }).id as string;
  // drive.file: only this account's token reaches the folder; the others' reports run as this account
  account.props().setProperty(REPORT_OWNER_KEY, account.email());
  // once per tracker: one cell, written where the settings tab keeps reportFolderId
  if (settingsRow !== null && valueColumn >= 0)
    ss.getSheetByName(SETTINGS_TAB.name)
      ?.getRange(settingsRow, valueColumn + 1)
      .setValue(id);
  return id;
}

/** The folder is recorded as another admin's: the owner whose trigger generates the reports. */
function othersFolder(account: RunAccount): boolean {
  const owner = account.props().getProperty(REPORT_OWNER_KEY) ?? '';
  return owner !== '' && owner.toLowerCase() !== account.email().toLowerCase();
}

/**
 * Whether this script can still open the folder. A copy of a tracker carries the settings tab, and
 * with it the original's folder id, but not the access: drive.file reaches only files this script
 * created (the copy's script is a new project), so Drive answers 404 and setup makes a folder of its own.
 */
function reachableFolder(id: string): boolean {
  return findFile(id, 'id,mimeType')?.mimeType === MIME_FOLDER;
}

/**
 * Setup on a tracker whose folder predates the owner's queue: the account running setup becomes the
 * owner when its drive.file grant reaches the folder (it created it). Otherwise nothing changes, and
 * generating says the folder cannot be reached.
 */
export function adoptReportFolder(folderId: string, account: RunAccount = runAccount()): void {
  const props = account.props();
  if (!folderId || props.getProperty(REPORT_OWNER_KEY)) return;
  if (!findFile(folderId)) return;
  props.setProperty(REPORT_OWNER_KEY, account.email());
}

// ---------------------------------------------------------------- Drive: the folder, sharing, publishing

/**
 * The report folder, checked before anything is written (a hand-pasted folder the app never created
 * is out of drive.file's reach), and shared with every admin as writer so the register's links open
 * for them all (documents and PDFs inherit the folder's sharing). One Files.get (and in a shared drive
 * one Permissions.list); a Permissions.create only for an admin not shared with yet.
 */
export function shareFolderWithAdmins(folderId: string, admins: readonly string[]): string[] {
  const folder = folderSharing(folderId);
  if (!folder || folder.trashed) throw new Error(REPORT_DRIVE.folderUnreachable(folderId));
  const failed: string[] = [];
  // in a shared drive files.get returns no permissions: who can open the folder (the drive's members,
  // its own shares) comes from permissions.list, so an admin outside the drive is shared with once and
  // nobody is shared with again on every run
  let emails = folder.emails;
  if (emails === null) {
    try {
      emails = sharedDriveEmails(folderId);
    } catch (e) {
      failed.push(REPORT_DRIVE.shareFailed(admins.join(', '), e instanceof Error ? e.message : String(e)));
      return failed;
    }
  }
  const shared = new Set(emails.map((e) => e.toLowerCase()));
  for (const admin of admins) {
    const email = admin.trim();
    if (!email || shared.has(email.toLowerCase())) continue;
    try {
      shareAsWriter(folderId, email);
    } catch (e) {
      // one address Drive refuses (not a Google account, outside an allowed domain) never stops the document
      failed.push(REPORT_DRIVE.shareFailed(email, e instanceof Error ? e.message : String(e)));
    }
    shared.add(email.toLowerCase());
  }
  return failed;
}

/** Publishes the head revision at its stable URL (later edits stay private until this runs again). */
export const publishDocument = (docId: string): string => publishHead(docId);
