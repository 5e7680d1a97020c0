// The one door to the Drive advanced service (v3). Every call here has exactly the signature
// @types/google-apps-script gives (apis/drive_v3.d.ts); every call that takes optional arguments says
// supportsAllDrives (without it a file in a shared drive answers 404: Drive API "Implement shared drive
// support", https://developers.google.com/drive/api/guides/enable-shareddrives); a trashed file is
// treated as missing; failures come back as Thai messages from src/core/messages/.
// Casts live here only, each beside the reference page that justifies it.
import { REPORT } from '../../core/messages/report';
import { REPORT_DRIVE } from '../../core/messages/report-drive';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Blob = GoogleAppsScript.Base.Blob;

export const MIME_FOLDER = 'application/vnd.google-apps.folder';
export const MIME_DOC = 'application/vnd.google-apps.document';
export const MIME_PDF = 'application/pdf';

/** Every call with optional arguments handles shared drives (files.get / create / update, permissions.create). */
const ALL_DRIVES = { supportsAllDrives: true } as const;

/**
 * Files.create / Files.update without content. The typings declare the media argument as a Blob
 * wherever optional arguments follow it; the service takes null for "no content" (Advanced Drive
 * service guide, https://developers.google.com/apps-script/advanced/drive: "Drive.Files.create(resource,
 * null, {supportsAllDrives: true})" style calls create metadata-only files such as folders).
 */
const NO_MEDIA = null as unknown as Blob;

export const docUrlOf = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;
export const publishedUrlOf = (id: string): string => `https://docs.google.com/document/d/${id}/pub`;
export const pdfUrlOf = (file: File): string => file.webViewLink || `https://drive.google.com/file/d/${file.id}/view`;

/** The advanced service, or a Thai message saying to turn it on. */
export function driveService(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(REPORT.servicesMissing);
  return Drive;
}

const files = (): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection => driveService().Files;

/** Whether the advanced service is on (the manifest enables it; a copy of the project made by hand may not). */
export const driveServiceOn = (): boolean => typeof Drive !== 'undefined' && Boolean(Drive?.Files);

/**
 * The smallest request there is, to see that Drive answers: one id of a file this app made, or none
 * (files.list, https://developers.google.com/drive/api/reference/rest/v3/files/list; supportsAllDrives
 * as on every call here). Throws Drive's own error.
 */
export function probeDrive(): void {
  files().list({ pageSize: 1, q: 'trashed = false', fields: 'files(id)', ...ALL_DRIVES });
}

/**
 * The file as Drive describes it, or null when it is gone: deleted, out of this account's drive.file
 * reach (Drive answers 404 "File not found"), or in the trash (files.get still returns a trashed file,
 * and DocumentApp.openById still opens it: both would let us write into and publish a binned document).
 */
export function findFile(id: string, fields = 'id,trashed'): File | null {
  if (!id) return null;
  let f: File;
  try {
    f = files().get(id, { fields: withTrashed(fields), ...ALL_DRIVES });
  } catch {
    return null;
  }
  return f.trashed ? null : f;
}

const withTrashed = (fields: string) => (/\btrashed\b/.test(fields) ? fields : `${fields},trashed`);

/** A file without content (a folder, an empty Google Doc) in the given folders. */
export function createEmpty(resource: { name: string; mimeType: string; parents?: string[] }, fields = 'id'): File {
  return files().create(resource, NO_MEDIA, { fields, ...ALL_DRIVES });
}

/** A file with content (a PDF). */
export function createWithContent(
  resource: { name: string; mimeType: string; parents?: string[] },
  media: Blob,
  fields = 'id,webViewLink',
): File {
  return files().create(resource, media, { fields, ...ALL_DRIVES });
}

/**
 * Replaces a Google Doc's whole content with a file Drive imports (a .docx): files.update with media keeps
 * the file — its id, URL, sharing and revisions — and converts the media into it (reference "Method:
 * files.update", https://developers.google.com/drive/api/reference/rest/v3/files/update: "Updates a file's
 * metadata, content, or both"; the import: https://developers.google.com/drive/api/guides/manage-uploads).
 */
export function importIntoDoc(id: string, media: Blob): void {
  files().update({}, id, media, { fields: 'id', ...ALL_DRIVES });
}

/** Moves a file to the trash (the reference's way to remove what the app made: files.update trashed). */
export function trashFile(id: string): void {
  files().update({ trashed: true }, id, NO_MEDIA, { fields: 'id', ...ALL_DRIVES });
}

/**
 * Deletes a file the app made for its own use, without the trash (the import's converted copy):
 * files.delete "Permanently deletes a file owned by the user without moving it to the trash"
 * (https://developers.google.com/drive/api/reference/rest/v3/files/delete).
 */
export function deleteFile(id: string): void {
  files().remove(id, ALL_DRIVES);
}

/** Who can open a folder: null when Drive returns no permissions (items in a shared drive). */
export function folderSharing(id: string): { trashed: boolean; emails: string[] | null } | null {
  let f: File;
  try {
    f = files().get(id, { fields: 'id,trashed,owners(emailAddress),permissions(emailAddress,role)', ...ALL_DRIVES });
  } catch {
    return null;
  }
  const listed = [...(f.permissions ?? []), ...(f.owners ?? [])];
  return {
    trashed: f.trashed === true,
    emails: f.permissions === undefined && f.owners === undefined ? null : listed.map((p) => p.emailAddress ?? ''),
  };
}

type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

/**
 * Every permission of a file, by permissions.list, page after page: "When not set for files in a shared
 * drive, at most 100 results will be returned" (permissions.list pageSize, https://developers.google.com/
 * drive/api/reference/rest/v3/permissions/list). On a shared-drive item it names the drive's members
 * (inherited) and the item's own shares (Permission.permissionDetails). Throws Drive's own error.
 */
export function listPermissions(id: string, fields = 'emailAddress'): Permission[] {
  const all: Permission[] = [];
  let pageToken: string | undefined;
  do {
    const page = driveService().Permissions.list(id, {
      fields: `nextPageToken,permissions(${fields})`,
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
      ...ALL_DRIVES,
    });
    all.push(...(page.permissions ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return all;
}

/**
 * Who can open an item in a shared drive: its file resource carries no permissions there, so they come
 * from permissions.list (listPermissions).
 */
export const sharedDriveEmails = (id: string): string[] =>
  listPermissions(id)
    .map((p) => p.emailAddress ?? '')
    .filter(Boolean);

/** Shares a file as writer without a notification e-mail; throws Drive's own error. */
export function shareAsWriter(fileId: string, email: string): void {
  driveService().Permissions.create({ type: 'user', role: 'writer', emailAddress: email }, fileId, {
    sendNotificationEmail: false,
    ...ALL_DRIVES,
  });
}

/**
 * Publishes the head revision with publishAuto false and returns the public URL. revisions.update has
 * path parameters only — no supportsAllDrives, no fields (reference "Method: revisions.update",
 * https://developers.google.com/drive/api/reference/rest/v3/revisions/update) — and the typings give it
 * exactly (resource, fileId, revisionId). "head" names the newest revision. Any refusal (a Workspace
 * policy against publishing outside the domain, in whatever language) is a Thai failure.
 */
export function publishHead(docId: string): string {
  let revision: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Revision;
  try {
    revision = driveService().Revisions.update(
      { published: true, publishedOutsideDomain: true, publishAuto: false },
      docId,
      'head',
    );
  } catch (e) {
    throw new Error(REPORT_DRIVE.publishRefused(e instanceof Error ? e.message : String(e)));
  }
  return revision.publishedLink || publishedUrlOf(docId);
}

/**
 * The head revision's publishing state (revisions.get, https://developers.google.com/drive/api/reference/
 * rest/v3/revisions/get: path parameters and fields only, no supportsAllDrives, as revisions.update).
 * Drive leaves a false boolean out of its answer, so an omitted published or publishAuto is false.
 */
export function headRevisionState(docId: string): { published: boolean; publishAuto: boolean } {
  const r = driveService().Revisions.get(docId, 'head', { fields: 'id,published,publishAuto' });
  return { published: r.published === true, publishAuto: r.publishAuto === true };
}
