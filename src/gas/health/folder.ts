// The report folder: set, reachable for this admin, in My Drive or a shared drive, and which admins
// can open it. Asked once with supportsAllDrives (to learn where it is) and once exactly as the report
// asks (src/gas/report.ts: no supportsAllDrives), so a folder the report cannot reach fails here first.
import { type CheckResult, combine, fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { drive, errorText, type HealthCheck } from './context';

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
    folder = drive().Files?.get(id, {
      supportsAllDrives: true,
      fields: 'id,name,trashed,driveId,owners(emailAddress)',
    }) as FolderInfo;
  } catch (e) {
    return fail(HEALTH.folder.unreachable(id), HEALTH.folder.unreachableTodo, errorText(e));
  }
  const name = folder.name ?? id;
  if (folder.trashed) return fail(HEALTH.folder.trashed(name), HEALTH.folder.trashedTodo);
  const findings: CheckResult[] = [];
  if (folder.driveId) {
    try {
      drive().Files?.get(id, { fields: 'id' }); // as the report asks
      findings.push(pass(HEALTH.folder.sharedDriveOk(name)));
    } catch (e) {
      return fail(HEALTH.folder.sharedDrive(name), HEALTH.folder.sharedDriveTodo, errorText(e));
    }
  } else findings.push(pass(HEALTH.folder.ok(name, folder.owners?.[0]?.emailAddress ?? '')));
  ctx.folderUsable = true;

  const listed = drive().Permissions?.list(id, {
    supportsAllDrives: true,
    fields: 'permissions(type,role,emailAddress,domain)',
  }) as { permissions?: PermissionInfo[] } | undefined;
  const permissions = listed?.permissions ?? [];
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
