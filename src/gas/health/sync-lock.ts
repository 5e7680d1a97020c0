// Sync's row lock on this account kind (issue 22, reproduction 1): the very calls sync makes
// (src/gas/protect.ts lockRowsForRemoval → lockDown, with its canDomainEdit() guard, then removeRowLocks)
// tried on one row of the log tab under the probe's own description, and removed after. On a sheet a
// Gmail account owns there is no domain: canDomainEdit() is false and setDomainEdit is never called
// (reference, class Protection: setDomainEdit throws "if the spreadsheet does not belong to a Google
// Workspace domain").
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { HEALTH_LEFTOVERS, HEALTH_SYNC_LOCK } from '../../core/messages/health-sync-lock';
import { SYNC_MENU } from '../../core/messages/sync';
import { lockRowsForRemoval, removeRowLocks } from '../protect';
import { errorText, type HealthCheck } from './context';

export const checkSyncLock: HealthCheck = (ctx) => {
  const h = HEALTH_SYNC_LOCK;
  const log = ctx.ss.getSheetByName(HEALTH.logTab);
  if (!log) return fail(h.failed(HEALTH.logTab), h.failedTodo);
  const row = ctx.probeCell().getRow();
  let workspace = false;
  try {
    // which kind of sheet: a new protection starts with domain edit on only in a Workspace domain
    const fresh = log.getRange(`${row}:${row}`).protect().setDescription(h.probeDescription);
    workspace = fresh.canDomainEdit();
    fresh.remove();
    // then sync's own lock on that row, exactly as sync locks rows it is about to remove
    lockRowsForRemoval(log, [row], h.probeDescription, Session.getEffectiveUser());
  } catch (e) {
    removeRowLocks(log, h.probeDescription);
    return fail(h.failed(errorText(e)), h.failedTodo, errorText(e));
  }
  removeRowLocks(log, h.probeDescription);
  const left = log
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === h.probeDescription).length;
  return left ? fail(h.failed(h.left), h.failedTodo) : pass(h.ok(workspace));
};

/**
 * Protections nobody owns: sync's row locks (an interrupted sync leaves them; the division cannot type
 * those rows until the next sync removes them) and the probe's own, on any tab. One getProtections per
 * tab and one getDescription per range protection.
 */
export const checkLeftoverProtections: HealthCheck = (ctx) => {
  const h = HEALTH_LEFTOVERS;
  const what = new Map([
    [SYNC_MENU.lockDescription, h.whatSync],
    [HEALTH_SYNC_LOCK.probeDescription, h.whatProbe],
  ]);
  const found: string[] = [];
  for (const sheet of ctx.ss.getSheets())
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const kind = what.get(p.getDescription());
      if (kind) found.push(h.at(sheet.getName(), p.getRange().getA1Notation(), kind));
    }
  return found.length ? fail(h.found(found), h.foundTodo) : pass(h.ok);
};
