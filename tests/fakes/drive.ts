// In-memory Drive advanced service (Drive API v3 as Apps Script exposes it: `Drive.Files.*`,
// `Drive.Revisions.*`), plus the Blob the document and Drive fakes hand around. Written from the
// Drive v3 reference and guides; where the fake decides something they state, a comment cites them:
//  - developers.google.com/drive/api/guides/manage-revisions ("Publish a revision"):
//    "To publish a Google Docs … revision, set the published property … in the revisions resource";
//    "Published revisions don't reflect changes made to a file unless the publishAuto property is set.
//    If that property is set to true, newer revisions of a file are automatically published and
//    overwrite the previous revision." and "the revisions.list method only returns the id, mimeType,
//    kind, and modifiedTime fields" unless `fields` asks for more.
//  - developers.google.com/drive/api/reference/rest/v3/revisions: writable fields are published,
//    publishAuto, publishedOutsideDomain, keepForever.
//  - developers.google.com/drive/api/reference/rest/v3/files/update: "parents" is not writable in an
//    update; use the addParents / removeParents parameters.
//  - The drive.file scope (developers.google.com/drive/api/guides/api-specific-auth): the app reaches
//    only files it created (or the user opened with it); any other file answers 404 "File not found".
//  - developers.google.com/drive/api/guides/enable-shareddrives: "supportsAllDrives=true … Whether the
//    requesting application supports both My Drives and shared drives"; without it a file in a shared
//    drive is not found (files.get / create in it / update), and files.list leaves shared-drive items out
//    unless includeItemsFromAllDrives is set too. Files in a shared drive carry its driveId.
//  - developers.google.com/drive/api/reference/rest/v3/permissions/list: who can open a file
//    (type user/group/domain/anyone, role owner/organizer/writer/reader, emailAddress).
//  - drive.file grants are per user (developers.google.com/drive/api/guides/api-specific-auth: the
//    app sees the files "the user" created or opened with it): a folder one admin's run created is not
//    found when another admin runs the app, until that admin opens it with the app (Picker). Opt-in
//    here (handles.limitAppAccess) so tests that switch users keep their folder.
//  - A Workspace admin can forbid publishing outside the domain (or at all); revisions.update then
//    answers 403 "Insufficient permissions for this file" (odeke-em/drive issue #864: "pub is not
//    allowed" by the company; the exact wording in Apps Script is not verified).
//  - Sharing (permissions.create, reference/rest/v3/permissions/create): a user opens a file they own,
//    one shared with them, or one inside a folder shared with them (My Drive inheritance); only an
//    owner, organizer or writer may share. store.grantsPerUser (opt-in) gives each file the app creates
//    a drive.file grant for its creator only (issue 11's admins A/B/C).
//  - revisions.update on a Docs file returns publishedLink ("A link to the published revision", only
//    populated for Docs editors files) when `fields` asks for it.
// Errors read as Apps Script reports advanced-service failures: "API call to drive.<m> failed with error: …".
import { calls, counted } from './calls';
import type { FakeContext, FakeModule } from './context';

type GBlob = GoogleAppsScript.Base.Blob;

// ---------------------------------------------------------------- Blob (one class for every fake: ./blob)

import type { FakeBlob } from './blob';

/** The bare blob behind what code under test passed in (a counted proxy, or a blob-like object). */
export function blobData(blob: unknown): { bytes: Uint8Array; contentType: string | null; name: string | null } {
  const b = blob as Partial<FakeBlob> & Partial<GBlob>;
  if (b?._bytes) return { bytes: b._bytes, contentType: b._contentType ?? null, name: b._name ?? null };
  if (b && typeof b.getBytes === 'function') {
    return calls.untracked(() => ({
      bytes: Uint8Array.from((b.getBytes as () => number[])(), (x) => x & 255),
      contentType: (b.getContentType as () => string | null)(),
      name: (b.getName as () => string | null)(),
    }));
  }
  throw new Error('mediaData must be a Blob');
}

// ---------------------------------------------------------------- the store

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface RevisionRecord {
  id: string;
  modifiedTime: string;
  /** what the file said at this revision (a Google Doc: its text, paragraphs joined by "\n") */
  content: string;
  published: boolean;
  publishAuto: boolean;
  publishedOutsideDomain: boolean;
  keepForever: boolean;
  /** order of the last publish action (0 = never published) */
  publishedSeq: number;
}

export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** created by this app: reachable with drive.file */
  appCreated: boolean;
  trashed: boolean;
  createdTime: string;
  /** the account that created / last changed it */
  lastModifyingUser: string;
  bytes: Uint8Array | null;
  revisions: RevisionRecord[];
  /** the shared drive it lives in (undefined: My Drive) */
  driveId?: string;
  /** who can open it (permissions.list); the creator is the owner */
  permissions: PermissionRecord[];
  /** drive.file per-user grant: only these accounts reach it through the app (undefined: everyone running it) */
  appUsers?: string[];
}

export interface PermissionRecord {
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
  /** a shared drive's member: the drive's id (the permission comes from membership, not from the item) */
  inheritedFrom?: string;
}

/** Who may publish Docs outside the domain (a Workspace admin setting). */
export type PublishingPolicy = 'anyone' | 'domainOnly' | 'none';

export class DriveStore {
  files = new Map<string, FileRecord>();
  /** who acts: files record them as owner / last modifier */
  user = 'admin@example.org';
  publishing: PublishingPolicy = 'anyone';
  /**
   * Addresses Drive refuses to share with (lower case): permissions.create answers 400 "Invalid sharing
   * request" — "The Access Control List (ACL) change is not allowed for this user" (Drive API "Resolve
   * errors", https://developers.google.com/drive/api/guides/handle-errors: an address outside the domains a
   * Workspace allows, or one with no Google account when no notification is sent).
   */
  refusedSharing = new Set<string>();
  /** drive.file per user for what the app creates from now on: its creator's grant only (default on; driveGrants: 'shared' turns it off) */
  grantsPerUser = false;
  private seq = 0;
  private publishSeq = 0;
  /**
   * How an upload converted to a Google Doc gets its content (files.create with the Docs MIME type and a
   * .docx): a test sets what Drive's converter would make of it; unset, the Doc starts empty.
   */
  onConvert: ((file: FileRecord, bytes: Uint8Array) => void) | null = null;
  /**
   * Drive's own import of a .docx into a Google Doc (set by the Docs fake, which holds the documents:
   * tests/fakes/docx-import.ts says what it keeps); used when a test sets no onConvert.
   */
  importDocx: ((file: FileRecord, bytes: Uint8Array) => void) | null = null;
  /** A Word file converted into the Google Doc `file` (files.create or files.update with .docx media). */
  convert(file: FileRecord, media: { bytes: Uint8Array; contentType: string | null }): void {
    if (this.onConvert) this.onConvert(file, media.bytes);
    else if (media.contentType === MIME.docx) this.importDocx?.(file, media.bytes);
  }
  constructor(readonly now: () => Date) {}

  newId(prefix: string): string {
    this.seq++;
    return `${prefix}${String(this.seq).padStart(4, '0')}${'x'.repeat(20)}`;
  }

  addFile(
    f: Omit<FileRecord, 'id' | 'createdTime' | 'revisions' | 'trashed' | 'lastModifyingUser' | 'permissions'> & {
      id?: string;
      content?: string;
    },
  ): FileRecord {
    const id = f.id ?? this.newId(f.mimeType === MIME.folder ? 'fold' : f.mimeType === MIME.document ? 'doc' : 'file');
    const rec: FileRecord = {
      id,
      name: f.name,
      mimeType: f.mimeType,
      parents: f.parents,
      appCreated: f.appCreated,
      trashed: false,
      createdTime: this.now().toISOString(),
      lastModifyingUser: this.user,
      bytes: f.bytes,
      revisions: [],
      driveId: f.driveId,
      permissions: [{ type: 'user', role: 'owner', emailAddress: this.user }],
      appUsers: f.appUsers ?? (this.grantsPerUser && f.appCreated ? [this.user.toLowerCase()] : undefined),
    };
    this.files.set(id, rec);
    if (f.mimeType !== MIME.folder)
      this.addRevision(rec, f.content ?? (f.bytes ? new TextDecoder().decode(f.bytes) : ''));
    return rec;
  }

  /** A new head revision (a save of a Google Doc, an upload). */
  addRevision(file: FileRecord, content: string): RevisionRecord {
    const last = file.revisions[file.revisions.length - 1];
    const rev: RevisionRecord = {
      id: String(Number(last?.id ?? 0) + 1),
      modifiedTime: this.now().toISOString(),
      content,
      published: false,
      publishAuto: false,
      publishedOutsideDomain: false,
      keepForever: false,
      publishedSeq: 0,
    };
    file.revisions.push(rev);
    return rev;
  }

  /** Owner or any permission for the user (or anyone / the domain), on the file or a folder above it. */
  canAccess(user: string, fileId: string, roles?: PermissionRecord['role'][], seen = new Set<string>()): boolean {
    const f = this.files.get(fileId);
    if (!f || seen.has(fileId)) return false;
    seen.add(fileId);
    const u = user.toLowerCase();
    const mine = f.permissions.some(
      (p) =>
        (p.type === 'anyone' || p.type === 'domain' || (p.emailAddress ?? '').toLowerCase() === u) &&
        (!roles || roles.includes(p.role)),
    );
    return mine || f.parents.some((p) => p !== 'root' && this.canAccess(user, p, roles, seen));
  }

  markPublished(rev: RevisionRecord): void {
    rev.publishedSeq = ++this.publishSeq;
  }

  /**
   * What the file's public URL (…/pub) shows: the revision published last; when that revision has
   * publishAuto, the newest revision instead (the guide: newer revisions are then published
   * automatically). null when nothing is published.
   */
  publishedContent(fileId: string): string | null {
    const f = this.files.get(fileId);
    if (!f) return null;
    const published = f.revisions.filter((r) => r.published).sort((a, b) => b.publishedSeq - a.publishedSeq)[0];
    if (!published) return null;
    return published.publishAuto ? f.revisions[f.revisions.length - 1].content : published.content;
  }
}

// ---------------------------------------------------------------- fields parameter

const FILE_DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const REVISION_DEFAULT_FIELDS = ['kind', 'id', 'mimeType', 'modifiedTime'];

/** "id,name,parents" / "files(id,name),nextPageToken" / "*" → the fields asked of one item (null = all). */
function itemFields(fields: unknown, listKey?: string): string[] | null | undefined {
  if (typeof fields !== 'string' || fields.trim() === '') return undefined;
  const f = fields.replace(/\s+/g, '');
  if (f === '*' || (listKey && f.includes(`${listKey}(*)`))) return null;
  if (listKey) {
    const m = new RegExp(`${listKey}\\((.*)\\)`).exec(f);
    if (m) return topLevel(m[1]);
    if (f.split(',').includes(listKey)) return null;
    return [];
  }
  return topLevel(f);
}

/** "id,lastModifyingUser(emailAddress),name" → ["id", "lastModifyingUser", "name"] (sub-fields returned whole). */
const topLevel = (f: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of f) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else if (depth === 0 && ch !== ')') cur += ch;
  }
  if (cur) out.push(cur);
  return out;
};

const pick = (
  obj: Record<string, unknown>,
  fields: string[] | null | undefined,
  defaults: string[],
): Record<string, unknown> => {
  if (fields === null) return { ...obj };
  const keys = fields ?? defaults;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
};

// ---------------------------------------------------------------- Drive.Files / Drive.Revisions

const apiError = (method: string, message: string) =>
  new Error(`API call to drive.${method} failed with error: ${message}`);

export interface Faults {
  /** Make the nth next call of a counted method ('Drive.Files.create', 'Body.appendTable' …) throw. */
  failAt(method: string, nth?: number, message?: string): void;
  check(method: string): void;
  clear(): void;
}

export function createFaults(): Faults {
  const pending = new Map<string, { left: number; message: string }>();
  return {
    failAt(method, nth = 1, message = 'Service error: injected failure') {
      pending.set(method, { left: nth, message });
    },
    check(method) {
      const p = pending.get(method);
      if (!p) return;
      p.left--;
      if (p.left <= 0) {
        pending.delete(method);
        throw new Error(p.message);
      }
    },
    clear() {
      pending.clear();
    },
  };
}

class FakeFiles {
  readonly _api: unknown;
  constructor(
    private store: DriveStore,
    private faults: Faults,
  ) {
    this._api = counted('Drive.Files', this);
  }

  private reachable(fileId: string, method: string, optionalArgs?: Record<string, unknown>): FileRecord {
    const f = this.store.files.get(fileId);
    // drive.file: files the app did not create are invisible, as if they did not exist
    if (!f || !reachableFor(f, this.store.user, optionalArgs)) throw apiError(method, `File not found: ${fileId}.`);
    return f;
  }

  private view(f: FileRecord): Record<string, unknown> {
    const webViewLink =
      f.mimeType === MIME.folder
        ? `https://drive.google.com/drive/folders/${f.id}`
        : f.mimeType === MIME.document
          ? `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`
          : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
    return {
      kind: 'drive#file',
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      parents: [...f.parents],
      trashed: f.trashed,
      createdTime: f.createdTime,
      webViewLink,
      lastModifyingUser: {
        kind: 'drive#user',
        emailAddress: f.lastModifyingUser,
        me: f.lastModifyingUser === this.store.user,
      },
      size: f.bytes ? String(f.bytes.length) : undefined,
      driveId: f.driveId,
      // an item in a shared drive has neither owners nor permissions on the file resource: "The
      // following fields are not populated for files located within a shared drive: … owners …"
      // (developers.google.com/drive/api/guides/shared-drives-diffs) and File.permissions "Not populated
      // for items in shared drives" (developers.google.com/drive/api/reference/rest/v3/files);
      // permissions.list still answers for them
      owners: f.driveId
        ? undefined
        : f.permissions
            .filter((p) => p.role === 'owner')
            .map((p) => ({ kind: 'drive#user', emailAddress: p.emailAddress })),
      permissions: f.driveId ? undefined : f.permissions.map((p) => ({ kind: 'drive#permission', ...p })),
    };
  }

  create(
    resource: Record<string, unknown>,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    this.faults.check('Drive.Files.create');
    const media = mediaData === undefined || mediaData === null ? null : blobData(mediaData);
    const parents = (resource.parents as string[] | undefined) ?? ['root'];
    for (const p of parents) if (p !== 'root') this.reachable(p, 'files.create', optionalArgs);
    const driveId = parents.map((p) => this.store.files.get(p)?.driveId).find(Boolean);
    const mimeType = (resource.mimeType as string | undefined) ?? media?.contentType ?? 'application/octet-stream';
    const rec = this.store.addFile({
      name: (resource.name as string | undefined) ?? media?.name ?? 'Untitled',
      mimeType,
      parents,
      appCreated: true,
      bytes: media ? media.bytes : null,
      driveId,
    });
    if (media && mimeType === MIME.document && media.contentType !== MIME.document) this.store.convert(rec, media);
    return pick(this.view(rec), itemFields(optionalArgs?.fields), FILE_DEFAULT_FIELDS);
  }

  /** Reference: files.delete "Permanently deletes a file owned by the user without moving it to the trash." */
  remove(fileId: string, optionalArgs?: Record<string, unknown>): void {
    this.faults.check('Drive.Files.remove');
    this.reachable(fileId, 'files.delete', optionalArgs);
    this.store.files.delete(fileId);
  }

  get(fileId: string, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.faults.check('Drive.Files.get');
    return pick(
      this.view(this.reachable(fileId, 'files.get', optionalArgs)),
      itemFields(optionalArgs?.fields),
      FILE_DEFAULT_FIELDS,
    );
  }

  update(
    resource: Record<string, unknown>,
    fileId: string,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    this.faults.check('Drive.Files.update');
    const f = this.reachable(fileId, 'files.update', optionalArgs);
    if (resource && 'parents' in resource)
      throw apiError(
        'files.update',
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    const add = typeof optionalArgs?.addParents === 'string' ? (optionalArgs.addParents as string).split(',') : [];
    const remove =
      typeof optionalArgs?.removeParents === 'string' ? (optionalArgs.removeParents as string).split(',') : [];
    for (const p of add) if (p !== 'root') this.reachable(p, 'files.update', optionalArgs);
    f.parents = [...f.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !f.parents.includes(p))];
    if (typeof resource?.name === 'string') f.name = resource.name;
    if (typeof resource?.trashed === 'boolean') f.trashed = resource.trashed;
    if (mediaData !== undefined && mediaData !== null) {
      const media = blobData(mediaData);
      // media for a Google Doc is imported into it: the same file (id, sharing, revisions) with the new content
      if (f.mimeType === MIME.document && media.contentType !== MIME.document) this.store.convert(f, media);
      else {
        f.bytes = media.bytes;
        this.store.addRevision(f, new TextDecoder().decode(media.bytes));
      }
    }
    return pick(this.view(f), itemFields(optionalArgs?.fields), FILE_DEFAULT_FIELDS);
  }

  /** q supports what the app uses: "'<id>' in parents", "name = '…'", "mimeType = '…'", "trashed = false", joined by "and". */
  list(optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.faults.check('Drive.Files.list');
    const q = typeof optionalArgs?.q === 'string' ? optionalArgs.q : '';
    const tests: ((f: FileRecord) => boolean)[] = [];
    for (const clause of q
      .split(/\s+and\s+/i)
      .map((c) => c.trim())
      .filter(Boolean)) {
      let m: RegExpExecArray | null;
      if ((m = /^'([^']+)'\s+in\s+parents$/.exec(clause))) {
        const id = m[1];
        tests.push((f) => f.parents.includes(id));
      } else if ((m = /^(name|mimeType)\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause))) {
        const [key, value] = [m[1] as 'name' | 'mimeType', m[2].replace(/\\(.)/g, '$1')];
        tests.push((f) => f[key] === value);
      } else if ((m = /^trashed\s*=\s*(true|false)$/.exec(clause))) {
        const t = m[1] === 'true';
        tests.push((f) => f.trashed === t);
      } else throw apiError('files.list', `Invalid Value (q: ${clause})`);
    }
    const allDrives = optionalArgs?.includeItemsFromAllDrives === true;
    const files = [...this.store.files.values()].filter(
      (f) => reachableFor(f, this.store.user, allDrives ? optionalArgs : {}) && tests.every((t) => t(f)),
    );
    return {
      kind: 'drive#fileList',
      files: files.map((f) => pick(this.view(f), itemFields(optionalArgs?.fields, 'files'), FILE_DEFAULT_FIELDS)),
    };
  }
}

/** What the app can reach for `user` with these request parameters (drive.file, shared drives). */
function reachableFor(f: FileRecord, user: string, optionalArgs?: Record<string, unknown>): boolean {
  if (!f.appCreated) return false;
  if (f.appUsers && !f.appUsers.includes(user.toLowerCase())) return false;
  if (f.driveId && optionalArgs?.supportsAllDrives !== true) return false;
  return true;
}

class FakePermissions {
  readonly _api: unknown;
  constructor(
    private store: DriveStore,
    private faults: Faults,
  ) {
    this._api = counted('Drive.Permissions', this);
  }

  create(
    resource: Record<string, unknown>,
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    this.faults.check('Drive.Permissions.create');
    const f = this.store.files.get(fileId);
    if (!f || !reachableFor(f, this.store.user, optionalArgs))
      throw apiError('permissions.create', `File not found: ${fileId}.`);
    if (!this.store.canAccess(this.store.user, fileId, ['owner', 'organizer', 'fileOrganizer', 'writer']))
      throw apiError('permissions.create', 'The user does not have sufficient permissions for this file.');
    const email = String(resource?.emailAddress ?? '');
    const role = resource?.role as PermissionRecord['role'];
    if (resource?.type !== 'user' || !email || !['reader', 'commenter', 'writer'].includes(role))
      throw apiError('permissions.create', 'Invalid permission: type user, emailAddress and role are required.');
    if (this.store.refusedSharing.has(email.toLowerCase()))
      throw apiError('permissions.create', 'Bad Request. User message: "ACL change not allowed."');
    const existing = f.permissions.find((p) => p.emailAddress === email);
    if (existing) existing.role = role;
    else f.permissions.push({ type: 'user', role, emailAddress: email });
    return { kind: 'drive#permission', id: `perm-${email}`, type: 'user', emailAddress: email, role };
  }

  list(fileId: string, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.faults.check('Drive.Permissions.list');
    const f = this.store.files.get(fileId);
    if (!f || !reachableFor(f, this.store.user, optionalArgs))
      throw apiError('permissions.list', `File not found: ${fileId}.`);
    // on a shared-drive item each permission says where it comes from: Permission.permissionDetails,
    // "Details of whether the permissions on this shared drive item are inherited or are directly on
    // this item … present only for shared drive items" — permissionType "file" or "member", role,
    // inherited, inheritedFrom (developers.google.com/drive/api/reference/rest/v3/permissions#Permission);
    // the drive's members are listed with the item's own shares
    // paged as permissions.list says: "pageSize: The maximum number of permissions to return per page.
    // When not set for files in a shared drive, at most 100 results will be returned. When not set for
    // files that are not in a shared drive, the entire list will be returned"; pageToken continues
    // where nextPageToken left off (developers.google.com/drive/api/reference/rest/v3/permissions/list)
    const asked = typeof optionalArgs?.pageSize === 'number' ? (optionalArgs.pageSize as number) : undefined;
    const size = asked ?? (f.driveId ? 100 : f.permissions.length);
    const from = optionalArgs?.pageToken ? Number(String(optionalArgs.pageToken).replace('page-', '')) : 0;
    if (!Number.isInteger(from) || from < 0 || from > f.permissions.length)
      throw apiError('permissions.list', 'Invalid pageToken');
    const next = from + size < f.permissions.length ? `page-${from + size}` : undefined;
    return {
      kind: 'drive#permissionList',
      ...(next ? { nextPageToken: next } : {}),
      permissions: f.permissions.slice(from, from + size).map(({ inheritedFrom, ...p }, j) => ({
        kind: 'drive#permission',
        id: String(from + j + 1),
        ...p,
        ...(f.driveId
          ? {
              permissionDetails: [
                inheritedFrom
                  ? { permissionType: 'member', role: p.role, inherited: true, inheritedFrom }
                  : { permissionType: 'file', role: p.role, inherited: false },
              ],
            }
          : {}),
      })),
    };
  }
}

const WRITABLE_REVISION_FIELDS = ['published', 'publishAuto', 'publishedOutsideDomain', 'keepForever'];

class FakeRevisions {
  readonly _api: unknown;
  constructor(
    private store: DriveStore,
    private faults: Faults,
  ) {
    this._api = counted('Drive.Revisions', this);
  }

  /**
   * Revisions take no supportsAllDrives: the shared-drive guide lists the methods that need it (files.*,
   * changes.*, permissions.*) and revisions are not among them; revisions.update has path parameters only
   * (https://developers.google.com/drive/api/guides/enable-shareddrives,
   * https://developers.google.com/drive/api/reference/rest/v3/revisions/update). drive.file still applies.
   */
  private file(fileId: string, method: string, _optionalArgs?: Record<string, unknown>): FileRecord {
    const f = this.store.files.get(fileId);
    if (!f || !reachableFor(f, this.store.user, { supportsAllDrives: true }))
      throw apiError(method, `File not found: ${fileId}.`);
    return f;
  }

  /**
   * "head" names the newest revision: the v3 endpoint accepts it as a revision id (tidyverse/googledrive
   * publishes with revisions.update(revisionId = "head"), PR #47), saving a revisions.list call.
   */
  private revision(f: FileRecord, revisionId: string, method: string): RevisionRecord {
    const r =
      revisionId === 'head' ? f.revisions[f.revisions.length - 1] : f.revisions.find((x) => x.id === revisionId);
    if (!r) throw apiError(method, `Revision not found: ${revisionId}.`);
    return r;
  }

  private view(f: FileRecord, r: RevisionRecord): Record<string, unknown> {
    const isDoc = f.mimeType.startsWith('application/vnd.google-apps.');
    return {
      kind: 'drive#revision',
      id: r.id,
      mimeType: f.mimeType,
      modifiedTime: r.modifiedTime,
      // the publishing fields apply to Docs editors files only
      ...(isDoc
        ? {
            published: r.published,
            publishAuto: r.publishAuto,
            publishedOutsideDomain: r.publishedOutsideDomain,
            publishedLink: r.published ? `https://docs.google.com/document/d/e/2PACX-${f.id}/pub` : undefined,
          }
        : { keepForever: r.keepForever }),
    };
  }

  list(fileId: string, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.faults.check('Drive.Revisions.list');
    const f = this.file(fileId, 'revisions.list', optionalArgs);
    const pageSize = Math.min(Number(optionalArgs?.pageSize ?? 200), 1000);
    const start = Number(optionalArgs?.pageToken ?? 0);
    const page = f.revisions.slice(start, start + pageSize);
    const fields = itemFields(optionalArgs?.fields, 'revisions');
    const out: Record<string, unknown> = {
      kind: 'drive#revisionList',
      revisions: page.map((r) => pick(this.view(f, r), fields, REVISION_DEFAULT_FIELDS)),
    };
    if (start + pageSize < f.revisions.length) out.nextPageToken = String(start + pageSize);
    return out;
  }

  get(fileId: string, revisionId: string, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.faults.check('Drive.Revisions.get');
    const f = this.file(fileId, 'revisions.get', optionalArgs);
    return pick(
      this.view(f, this.revision(f, revisionId, 'revisions.get')),
      itemFields(optionalArgs?.fields),
      REVISION_DEFAULT_FIELDS,
    );
  }

  update(
    resource: Record<string, unknown>,
    fileId: string,
    revisionId: string,
    optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    this.faults.check('Drive.Revisions.update');
    const f = this.file(fileId, 'revisions.update', optionalArgs);
    const r = this.revision(f, revisionId, 'revisions.update');
    const bad = Object.keys(resource ?? {}).filter((k) => !WRITABLE_REVISION_FIELDS.includes(k));
    if (bad.length)
      throw apiError(
        'revisions.update',
        `The resource body includes fields which are not directly writable: ${bad.join(', ')}.`,
      );
    const isDoc = f.mimeType.startsWith('application/vnd.google-apps.');
    if (!isDoc && ('published' in resource || 'publishAuto' in resource))
      throw apiError('revisions.update', 'Only revisions of Google Docs editors files can be published.');
    const outside = resource.publishedOutsideDomain === true;
    if (
      resource.published === true &&
      (this.store.publishing === 'none' || (this.store.publishing === 'domainOnly' && outside))
    )
      throw apiError('revisions.update', 'Insufficient permissions for this file');
    if (typeof resource.publishAuto === 'boolean') r.publishAuto = resource.publishAuto;
    if (typeof resource.publishedOutsideDomain === 'boolean')
      r.publishedOutsideDomain = resource.publishedOutsideDomain;
    if (typeof resource.keepForever === 'boolean') r.keepForever = resource.keepForever;
    if (typeof resource.published === 'boolean') {
      r.published = resource.published;
      if (r.published) this.store.markPublished(r);
    }
    return pick(this.view(f, r), itemFields(optionalArgs?.fields), REVISION_DEFAULT_FIELDS);
  }
}

// ---------------------------------------------------------------- module

export interface DriveHandles {
  /** Uncounted state: files, revisions, published content. */
  store: DriveStore;
  faults: Faults;
  /** What https://docs.google.com/document/d/<id>/pub shows now (null: not published). */
  publishedContent(fileId: string): string | null;
  /** A file the app did not create (drive.file cannot reach it), owned by someone else. */
  addForeignFile(name: string, mimeType: string): string;
  /** Can this account open the file in Drive (owner, or shared with them directly or through a folder)? */
  canOpen(email: string, fileId: string): boolean;
  /** drive.file per user: from now on only these accounts reach the file through the app. */
  limitAppAccess(fileId: string, users: string[]): void;
  /**
   * Moves the file (and what the app later creates in it) into a shared drive whose members are the
   * acting user (organizer) and `members` (writers, default none): they reach it through the drive.
   */
  moveToSharedDrive(fileId: string, driveId?: string, members?: string[]): void;
  /** Shares the file with an account. */
  share(fileId: string, emailAddress: string, role?: PermissionRecord['role']): void;
  /** The domain's publishing policy (default 'anyone'). */
  setPublishingPolicy(policy: PublishingPolicy): void;
  /** Drive refuses to share any file with this address from now on (store.refusedSharing). */
  refuseSharingWith(email: string): void;
}

const stores = new WeakMap<FakeContext, DriveStore>();

/** The one Drive of an installation: DocumentApp's documents live in it too. */
export function driveStoreOf(ctx: FakeContext): DriveStore {
  let s = stores.get(ctx);
  if (!s) {
    s = new DriveStore(() => new Date());
    // the strict world by default: drive.file grants per user (FakeOptions.driveGrants)
    s.grantsPerUser = ctx.options.driveGrants !== 'shared';
    // the acting user is whoever the test made effective at the time of the call
    Object.defineProperty(s, 'user', { get: () => ctx.users.effective });
    stores.set(ctx, s);
  }
  return s;
}

export function installDrive(ctx: FakeContext): FakeModule<DriveHandles> {
  const store = driveStoreOf(ctx);
  const faults = createFaults();
  const files = new FakeFiles(store, faults);
  const revisions = new FakeRevisions(store, faults);
  const permissions = new FakePermissions(store, faults);
  const file = (id: string) => {
    const f = store.files.get(id);
    if (!f) throw new Error(`no file ${id} in the fake Drive`);
    return f;
  };
  return {
    globals: { Drive: { Files: files._api, Revisions: revisions._api, Permissions: permissions._api } },
    handles: {
      store,
      faults,
      publishedContent: (id) => store.publishedContent(id),
      addForeignFile: (name, mimeType) => {
        const f = store.addFile({ name, mimeType, parents: ['root'], appCreated: false, bytes: null });
        f.permissions = [{ type: 'user', role: 'owner', emailAddress: 'someone@elsewhere.example' }];
        return f.id;
      },
      canOpen: (email, fileId) => store.canAccess(email, fileId),
      limitAppAccess: (id, users) => {
        file(id).appUsers = users.map((u) => u.toLowerCase());
      },
      moveToSharedDrive: (id, driveId = 'shared-drive-0001', members = []) => {
        const f = file(id);
        f.driveId = driveId;
        f.permissions = [
          { type: 'user', role: 'organizer', emailAddress: store.user, inheritedFrom: driveId },
          ...members.map((m) => ({
            type: 'user' as const,
            role: 'writer' as const,
            emailAddress: m,
            inheritedFrom: driveId,
          })),
        ];
      },
      share: (id, emailAddress, role = 'writer') => {
        file(id).permissions.push({ type: 'user', role, emailAddress });
      },
      setPublishingPolicy: (policy) => {
        store.publishing = policy;
      },
      refuseSharingWith: (email) => {
        store.refusedSharing.add(email.toLowerCase());
      },
    },
  };
}
