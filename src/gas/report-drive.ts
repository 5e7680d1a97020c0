import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { SETTINGS_TAB } from '../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MIME_FOLDER = 'application/vnd.google-apps.folder';
export const MIME_DOC = 'application/vnd.google-apps.document';
export const MIME_PDF = 'application/pdf';

/** Every Drive call says it handles shared drives: without it a file there answers 404 (Drive v3 reference). */
export const ALL_DRIVES = { supportsAllDrives: true } as const;
/** Files.create without content (the typings want a Blob where the v3 service takes none). */
export const NO_MEDIA = undefined as unknown as GoogleAppsScript.Base.Blob;

/** Script property: the account whose Drive holds the report folder; its trigger runs the queue. */
export const REPORT_OWNER_KEY = 'reportOwner';

export const docUrlOf = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const publishedUrlOf = (id: string) => `https://docs.google.com/document/d/${id}/pub`;

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
): string {
  // A folder recorded as another admin's (the owner whose trigger generates) is theirs, not lost:
  // only a copy's script (no owner recorded; script properties stay with the original) replaces it.
  if (currentId && (!verify || othersFolder() || reachableFolder(currentId))) return currentId;
  const folder = drive().Files?.create({ name: REPORT.folderName, mimeType: MIME_FOLDER }, NO_MEDIA, ALL_DRIVES) as {
    id?: string;
  };
  const id = folder.id as string;
  // drive.file: only this account's token reaches the folder; the others' reports run as this account
  PropertiesService.getScriptProperties().setProperty(REPORT_OWNER_KEY, Session.getEffectiveUser().getEmail());
  // once per tracker: one cell, written where the settings tab keeps reportFolderId
  if (settingsRow !== null && valueColumn >= 0)
    ss.getSheetByName(SETTINGS_TAB.name)
      ?.getRange(settingsRow, valueColumn + 1)
      .setValue(id);
  return id;
}

/** The folder is recorded as another admin's: the owner whose trigger generates the reports. */
function othersFolder(): boolean {
  const owner = PropertiesService.getScriptProperties().getProperty(REPORT_OWNER_KEY) ?? '';
  return owner !== '' && owner.toLowerCase() !== Session.getEffectiveUser().getEmail().toLowerCase();
}

/**
 * Whether this script can still open the folder. A copy of a tracker carries the settings tab, and
 * with it the original's folder id, but not the access: drive.file reaches only files this script
 * created (the copy's script is a new project), so Drive answers 404 and setup makes a folder of its own.
 */
function reachableFolder(id: string): boolean {
  try {
    const file = drive().Files?.get(id, { fields: 'id,mimeType,trashed', ...ALL_DRIVES }) as {
      mimeType?: string;
      trashed?: boolean;
    };
    return file.mimeType === MIME_FOLDER && !file.trashed;
  } catch {
    return false;
  }
}

/**
 * Setup on a tracker whose folder predates the owner's queue: the account running setup becomes the
 * owner when its drive.file grant reaches the folder (it created it). Otherwise nothing changes, and
 * generating says the folder cannot be reached.
 */
export function adoptReportFolder(folderId: string): void {
  const props = PropertiesService.getScriptProperties();
  if (!folderId || props.getProperty(REPORT_OWNER_KEY)) return;
  try {
    drive().Files?.get(folderId, { fields: 'id', ...ALL_DRIVES });
  } catch {
    return;
  }
  props.setProperty(REPORT_OWNER_KEY, Session.getEffectiveUser().getEmail());
}

/** The advanced services this needs, or a Thai message saying to turn them on. */
export function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(REPORT.servicesMissing);
  return Drive;
}
export function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(REPORT.servicesMissing);
  return Docs;
}

/** Publishes the document's current revision at its stable /pub URL (later edits stay private until this runs again). */
/** Publishes the head revision (the report, or later its approval); returns the public URL. */
export function publishDocument(docId: string): string {
  return publish(docId);
}

// ---------------------------------------------------------------- Drive: the folder, sharing, publishing

/**
 * The report folder, checked before anything is written (a hand-pasted folder the app never created
 * is out of drive.file's reach), and shared with every admin as writer so the register's links open
 * for them all (documents and PDFs inherit the folder's sharing). One Files.get; a Permissions.create
 * only for an admin not shared with yet.
 */
export function shareFolderWithAdmins(folderId: string, admins: readonly string[]): void {
  let folder: { trashed?: boolean; permissions?: { emailAddress?: string }[]; owners?: { emailAddress?: string }[] };
  try {
    folder = drive().Files?.get(folderId, {
      fields: 'id,trashed,owners(emailAddress),permissions(emailAddress,role)',
      ...ALL_DRIVES,
    }) as typeof folder;
  } catch {
    throw new Error(REPORT_DRIVE.folderUnreachable(folderId));
  }
  if (folder.trashed) throw new Error(REPORT_DRIVE.folderUnreachable(folderId));
  const shared = new Set(
    [...(folder.permissions ?? []), ...(folder.owners ?? [])].map((p) => (p.emailAddress ?? '').toLowerCase()),
  );
  for (const admin of admins) {
    const email = admin.trim();
    if (!email || shared.has(email.toLowerCase())) continue;
    drive().Permissions?.create({ type: 'user', role: 'writer', emailAddress: email }, folderId, {
      sendNotificationEmail: false,
      ...ALL_DRIVES,
    });
    shared.add(email.toLowerCase());
  }
}

/**
 * Publishes the head revision; the URL is the publishedLink Drive returns when it gives one. Any
 * refusal (a Workspace policy against publishing outside the domain, whatever language its words are
 * in) is a Thai failure: the register and the published revision stay as they were. Never retried inside the domain: that would take the
 * earlier report away from the public on a passing error.
 */
export function publish(docId: string): string {
  let revision: { publishedLink?: string } | undefined;
  try {
    // the typings follow v2 (three arguments); the v3 service takes optional arguments fourth
    revision = (drive().Revisions as unknown as { update: (...a: unknown[]) => { publishedLink?: string } }).update(
      { published: true, publishedOutsideDomain: true, publishAuto: false },
      docId,
      'head',
      { fields: 'id,published,publishedLink', ...ALL_DRIVES },
    );
  } catch (e) {
    throw new Error(REPORT_DRIVE.publishRefused(e instanceof Error ? e.message : String(e)));
  }
  return revision?.publishedLink || publishedUrlOf(docId);
}
