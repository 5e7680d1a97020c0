// Drive v3 through the app's facade (src/gas/adapters/drive.ts): what the file resource says, and to whom.
import {
  createEmpty,
  findFile,
  MIME_FOLDER,
  publishHead,
  shareAsWriter,
  trashFile,
} from '../../../src/gas/adapters/drive';
import { type Contract, fakesOnly, refuses, same } from '../contract';

const SHARING_FIELDS = 'id,driveId,owners(emailAddress),permissions(emailAddress,role)';

export const DRIVE_CONTRACTS: Contract[] = [
  {
    behaviour:
      'files.get on an item in a shared drive returns its driveId and neither owners nor permissions; a My Drive item returns both',
    reference:
      'https://developers.google.com/drive/api/guides/shared-drives-diffs ("not populated for files located within a shared drive": owners) and https://developers.google.com/drive/api/reference/rest/v3/files (permissions: "Not populated for items in shared drives")',
    live: 'needs a folder in a shared drive: the fakes move one there (drive.moveToSharedDrive)',
    check(fakes) {
      const mine = createEmpty({ name: 'ita-contract-mydrive', mimeType: MIME_FOLDER }).id as string;
      const shared = createEmpty({ name: 'ita-contract-shared', mimeType: MIME_FOLDER }).id as string;
      fakesOnly(fakes).drive.moveToSharedDrive(shared);
      try {
        const a = findFile(mine, SHARING_FIELDS);
        same([!!a?.owners?.length, !!a?.permissions?.length, a?.driveId ?? null], [true, true, null], 'My Drive');
        const b = findFile(shared, SHARING_FIELDS);
        same([b?.owners, b?.permissions, !!b?.driveId], [undefined, undefined, true], 'shared drive');
      } finally {
        trashFile(mine);
        trashFile(shared);
      }
    },
  },
  {
    behaviour:
      'in a shared drive files.list gives an item without owners or permissions, and permissions.list answers who can open it: the drive’s members as inherited (permissionType member), a share on the item itself as its own (file)',
    reference:
      'https://developers.google.com/drive/api/reference/rest/v3/files (permissions, owners: not populated for shared-drive items) and https://developers.google.com/drive/api/reference/rest/v3/permissions#Permission (permissionDetails: "present only for shared drive items"; permissionType file or member, inherited, inheritedFrom)',
    live: 'needs a folder in a shared drive with a member: the fakes arrange one (drive.moveToSharedDrive with members)',
    check(fakes) {
      const me = Session.getEffectiveUser().getEmail();
      const folder = createEmpty({ name: 'ita-contract-listed', mimeType: MIME_FOLDER }).id as string;
      fakesOnly(fakes).drive.moveToSharedDrive(folder, 'drive-contract', ['member@example.org']);
      try {
        const drive = Drive as GoogleAppsScript.Drive;
        const listed = drive.Files.list({
          q: "name = 'ita-contract-listed'",
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
          fields: 'files(id,driveId,owners(emailAddress),permissions(emailAddress))',
        }).files?.[0];
        same([listed?.id, listed?.owners, listed?.permissions], [folder, undefined, undefined], 'the listed item');
        shareAsWriter(folder, 'guest@example.org');
        const perms =
          drive.Permissions.list(folder, {
            supportsAllDrives: true,
            fields: 'permissions(emailAddress,role,permissionDetails)',
          }).permissions ?? [];
        same(
          perms.map((p) => [
            p.emailAddress,
            p.permissionDetails?.[0]?.permissionType,
            p.permissionDetails?.[0]?.inherited,
          ]),
          [
            [me, 'member', true],
            ['member@example.org', 'member', true],
            ['guest@example.org', 'file', false],
          ],
          'who can open it',
        );
      } finally {
        trashFile(folder);
      }
    },
  },
  {
    behaviour:
      'permissions.create for an address Drive will not share with fails with 400 "Invalid sharing request" for that address only; the file and its other permissions are unchanged',
    reference:
      'https://developers.google.com/drive/api/guides/handle-errors ("Resolve a 400 error: Invalid sharing request": "The Access Control List (ACL) change is not allowed for this user")',
    live: 'needs an address the domain refuses (Workspace sharing outside allowed domains): the fakes name one (drive.refuseSharingWith)',
    check(fakes) {
      const folder = createEmpty({ name: 'ita-contract-share', mimeType: MIME_FOLDER }).id as string;
      fakesOnly(fakes).drive.refuseSharingWith('outsider@refused.example');
      try {
        let refused = '';
        try {
          shareAsWriter(folder, 'outsider@refused.example');
        } catch (e) {
          refused = e instanceof Error ? e.message : String(e);
        }
        same(/ACL change not allowed/.test(refused), true, 'the refusal');
        shareAsWriter(folder, 'colleague@example.org');
        const emails = (findFile(folder, 'id,permissions(emailAddress,role)')?.permissions ?? []).map(
          (p) => p.emailAddress,
        );
        same(
          [emails.includes('colleague@example.org'), emails.includes('outsider@refused.example')],
          [true, false],
          'permissions',
        );
      } finally {
        trashFile(folder);
      }
    },
  },
];

const FILES = 'https://developers.google.com/drive/api/reference/rest/v3/files';
const drive = () => Drive as GoogleAppsScript.Drive;

DRIVE_CONTRACTS.push(
  {
    behaviour:
      'drive.file is per account: what the app created for one admin answers 404 "File not found" to another admin running the app, even one it is shared with',
    reference:
      'https://developers.google.com/workspace/drive/api/guides/api-specific-auth ("drive.file": "files that the user has opened or created with the app")',
    live: 'needs a second account running the app',
    check(fakes) {
      const f = fakesOnly(fakes);
      const folder = createEmpty({ name: 'ita-contract-grant', mimeType: MIME_FOLDER }).id as string;
      try {
        shareAsWriter(folder, 'other-admin@example.org');
        same(f.drive.canOpen('other-admin@example.org', folder), true, 'opens it in Drive');
        f.session.as('other-admin@example.org', () =>
          refuses(() => drive().Files.get(folder, { supportsAllDrives: true }), /File not found/, 'through the app'),
        );
      } finally {
        trashFile(folder);
      }
    },
  },
  {
    behaviour: 'an item in a shared drive answers 404 to a request without supportsAllDrives',
    reference: 'https://developers.google.com/drive/api/guides/enable-shareddrives ("supportsAllDrives")',
    live: 'needs a folder in a shared drive',
    check(fakes) {
      const folder = createEmpty({ name: 'ita-contract-alldrives', mimeType: MIME_FOLDER }).id as string;
      fakesOnly(fakes).drive.moveToSharedDrive(folder);
      try {
        refuses(() => drive().Files.get(folder, { fields: 'id' }), /File not found/, 'without supportsAllDrives');
        same(drive().Files.get(folder, { fields: 'id', supportsAllDrives: true }).id, folder, 'with it');
      } finally {
        trashFile(folder);
      }
    },
  },
  {
    behaviour:
      'a document in the trash is still returned by files.get (trashed: true) and still opened by DocumentApp.openById',
    reference: `${FILES} (trashed: "Whether the file has been trashed"); https://developers.google.com/apps-script/reference/document/document-app#openById(String)`,
    live: true,
    check() {
      const id = DocumentApp.create('ita-contract-trashed').getId();
      trashFile(id);
      same(drive().Files.get(id, { fields: 'id,trashed', supportsAllDrives: true }).trashed, true, 'files.get');
      same(DocumentApp.openById(id).getId(), id, 'openById');
      same(findFile(id), null, 'the app’s findFile (trashed is missing)');
    },
  },
  {
    behaviour:
      'revisions.update with published true publishes the head revision, and the revision says where (publishedLink)',
    reference:
      'https://developers.google.com/drive/api/reference/rest/v3/revisions/update and https://developers.google.com/drive/api/reference/rest/v3/revisions (publishedLink: "A link to the published revision")',
    live: true,
    check() {
      const id = DocumentApp.create('ita-contract-publish').getId();
      try {
        const url = publishHead(id);
        same(/^https:\/\/docs\.google\.com\/document\/d\/.+\/pub/.test(url), true, `the published link (${url})`);
      } finally {
        trashFile(id);
      }
    },
  },
  {
    behaviour:
      'a Workspace policy against publishing outside the domain: revisions.update publishing outside it (published, publishedOutsideDomain) answers 403 "Insufficient permissions for this file"',
    reference:
      'https://support.google.com/a/answer/60781 (admins may keep users from publishing files to the web) and https://developers.google.com/drive/api/guides/handle-errors (403 errors)',
    live: 'needs a Workspace domain whose admin forbids publishing outside it',
    check(fakes) {
      const id = DocumentApp.create('ita-contract-policy').getId();
      fakesOnly(fakes).drive.setPublishingPolicy('domainOnly');
      try {
        // the app's facade says it in Thai, with Drive's own reason inside
        refuses(() => publishHead(id), /Insufficient permissions for this file/, 'the report’s publish');
        refuses(
          () => drive().Revisions.update({ published: true, publishedOutsideDomain: true }, id, 'head'),
          /Insufficient permissions for this file/,
          'revisions.update',
        );
      } finally {
        trashFile(id);
      }
    },
  },
  {
    behaviour:
      'permissions.list of a shared-drive item answers at most 100 permissions a page unless pageSize says otherwise, with a nextPageToken for the rest; a My Drive item answers its whole list',
    reference:
      'https://developers.google.com/drive/api/reference/rest/v3/permissions/list (pageSize: "When not set for files in a shared drive, at most 100 results will be returned. When not set for files that are not in a shared drive, the entire list will be returned"; pageToken)',
    live: 'needs a shared drive with more than 100 members',
    check(fakes) {
      const f = fakesOnly(fakes);
      const members = Array.from({ length: 120 }, (_, i) => `member${i}@example.org`);
      const shared = createEmpty({ name: 'ita-contract-pages', mimeType: MIME_FOLDER }).id as string;
      const mine = createEmpty({ name: 'ita-contract-whole', mimeType: MIME_FOLDER }).id as string;
      f.drive.moveToSharedDrive(shared, 'drive-big', members);
      for (const m of members) f.drive.share(mine, m);
      try {
        const list = (id: string, more: Record<string, unknown> = {}) =>
          drive().Permissions.list(id, { supportsAllDrives: true, ...more });
        const first = list(shared);
        const rest = list(shared, { pageToken: first.nextPageToken });
        same(
          [first.permissions?.length, !!first.nextPageToken, rest.permissions?.length, rest.nextPageToken],
          [100, true, 21, undefined],
          'the shared-drive folder’s pages',
        );
        same([list(shared, { pageSize: 50 }).permissions?.length], [50], 'pageSize 50');
        const whole = list(mine);
        same([whole.permissions?.length, whole.nextPageToken], [121, undefined], 'the My Drive folder');
      } finally {
        trashFile(shared);
        trashFile(mine);
      }
    },
  },
);
