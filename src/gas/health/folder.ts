// The report folder: set, reachable for this admin, in My Drive or a shared drive, and which admins
// can open it. Probed as the report probes it (src/gas/adapters/drive.ts: files.get with
// supportsAllDrives, so a folder in a shared drive is reachable), in one files.get, and who can open
// it from permissions.list (a shared-drive folder returns no owners or permissions on the file itself).
// Run by an admin who is not the folder's owner, the check follows the report's own rule
// (src/gas/document-ports.ts folderOwnerIfNotMe: that admin's documents are made by the owner's queue trigger,
// as the owner): drive.file gives this admin's token no reach into the owner's folder by design, so the
// line says the folder is the owner's to check directly and that the documents go through the owner's
// queue (whose trigger is recorded) — never to clear reportFolderId, which would change every public URL.
import { type CheckResult, combine, fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { driveService, listPermissions } from '../adapters/drive';
import { folderOwnerIfNotMe, scriptProperties } from '../document-ports';
import { recordedQueueTrigger } from '../queue-trigger';
import { errorText, type HealthCheck } from './context';

interface FolderInfo {
  id?: string;
  name?: string;
  trashed?: boolean;
  driveId?: string;
  owners?: { emailAddress?: string }[];
}
interface PermissionInfo {
  type?: string;
  role?: string;
  emailAddress?: string;
  domain?: string;
}

export const checkFolder: HealthCheck = (ctx) => {
  ctx.folderUsable = false;
  const id = ctx.reportFolderId;
  if (!id) return warn(HEALTH.folder.notSet, HEALTH.folder.notSetTodo);
  // the report's decision, by the report's own function: '' when this account makes its documents itself
  const owner = folderOwnerIfNotMe(scriptProperties()).trim().toLowerCase();
  ctx.queuedTo = owner;
  let folder: FolderInfo;
  try {
    // the report's own probe: findFile's request (supportsAllDrives), kept here for Drive's error text
    folder = driveService().Files.get(id, {
      supportsAllDrives: true,
      fields: 'id,name,trashed,driveId,owners(emailAddress)',
    }) as FolderInfo;
  } catch (e) {
    if (owner) return throughOwnersQueue(owner, id);
    return fail(HEALTH.folder.unreachable(id), HEALTH.folder.unreachableTodo, errorText(e));
  }
  const name = folder.name ?? id;
  if (folder.trashed) return fail(HEALTH.folder.trashed(name), HEALTH.folder.trashedTodo);
  const findings: CheckResult[] = [
    owner
      ? withQueue(owner, pass(HEALTH.folder.ownersQueueReached(owner, name)))
      : folder.driveId
        ? pass(HEALTH.folder.sharedDriveOk(name))
        : pass(HEALTH.folder.ok(name, folder.owners?.[0]?.emailAddress ?? '')),
  ];
  // the scratch document is written here only by the account whose own grant the report uses
  ctx.folderUsable = !owner;

  // as the report reads who can open it: every page (a shared drive answers 100 a page)
  const permissions: PermissionInfo[] = listPermissions(id, 'type,role,emailAddress,domain');
  const opens = (admin: string) =>
    permissions.some(
      (p) =>
        p.type === 'anyone' ||
        (p.type === 'domain' && p.domain && admin.endsWith(`@${p.domain.toLowerCase()}`)) ||
        (p.emailAddress ?? '').toLowerCase() === admin,
    );
  const can = ctx.admins.filter(opens);
  const cannot = ctx.admins.filter((a) => !opens(a));
  findings.push(pass(HEALTH.folder.admins(can)));
  if (cannot.length) findings.push(warn(HEALTH.folder.adminsMissing(cannot), HEALTH.folder.adminsMissingTodo));
  const result = combine(findings, '');
  // a warning still says where the folder is
  return result.outcome === 'pass'
    ? result
    : { ...result, found: `${findings[0].found} · ${HEALTH.folder.admins(can)} · ${result.found}` };
};

/**
 * This account's documents are the owner's queue's to make: the folder is reached with the owner's
 * grant, which only the owner's own run can probe. What this account can check is the queue's trigger
 * on record (src/gas/queue-trigger.ts: one, the folder owner's).
 */
function throughOwnersQueue(owner: string, id: string): CheckResult {
  return withQueue(owner, pass(HEALTH.folder.ownersQueue(owner, id)));
}

/** The owner's queue trigger on record, or the line that says nothing would make this admin's documents. */
function withQueue(owner: string, ok: CheckResult): CheckResult {
  const recorded = recordedQueueTrigger();
  return recorded && recorded.owner.trim().toLowerCase() === owner
    ? ok
    : fail(HEALTH.folder.ownersQueueMissing(owner), HEALTH.folder.ownersQueueMissingTodo(owner));
}
