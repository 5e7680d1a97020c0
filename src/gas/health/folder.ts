// The report folder: set, reachable for this admin, in My Drive or a shared drive, and which admins
// can open it. Probed as the report probes it (src/gas/adapters/drive.ts: files.get with
// supportsAllDrives, so a folder in a shared drive is reachable), in one files.get, and who can open
// it from permissions.list (a shared-drive folder returns no owners or permissions on the file itself).
import { type CheckResult, combine, fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { driveService, listPermissions } from '../adapters/drive';
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
  let folder: FolderInfo;
  try {
    // the report's own probe: findFile's request (supportsAllDrives), kept here for Drive's error text
    folder = driveService().Files.get(id, {
      supportsAllDrives: true,
      fields: 'id,name,trashed,driveId,owners(emailAddress)',
    }) as FolderInfo;
  } catch (e) {
    return fail(HEALTH.folder.unreachable(id), HEALTH.folder.unreachableTodo, errorText(e));
  }
  const name = folder.name ?? id;
  if (folder.trashed) return fail(HEALTH.folder.trashed(name), HEALTH.folder.trashedTodo);
  const findings: CheckResult[] = [
    folder.driveId
      ? pass(HEALTH.folder.sharedDriveOk(name))
      : pass(HEALTH.folder.ok(name, folder.owners?.[0]?.emailAddress ?? '')),
  ];
  ctx.folderUsable = true;

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
