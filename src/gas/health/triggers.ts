// Exactly one daily reminder trigger, owned by someone who is still an admin. getProjectTriggers()
// lists only the current user's triggers (reference), so installReminderTrigger records the owner in
// the script properties; a trigger of another account is known only through that record.
import { fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { REMINDER_HANDLER, REMINDER_OWNER_PROPERTY } from '../reminders';
import type { HealthCheck } from './context';

export const checkTriggers: HealthCheck = (ctx) => {
  const h = HEALTH.triggers;
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REMINDER_HANDLER).length;
  const owner = (PropertiesService.getScriptProperties().getProperty(REMINDER_OWNER_PROPERTY) ?? '').toLowerCase();
  if (mine > 1) return fail(h.many(mine), h.manyTodo);
  if (!owner) return mine === 1 ? pass(h.ok(ctx.me)) : warn(h.unknownOwner, h.unknownOwnerTodo);
  if (owner === ctx.me) return mine === 1 ? pass(h.ok(owner)) : fail(h.none, h.noneTodo);
  if (ctx.admins.length && !ctx.admins.includes(owner)) return fail(h.ownerRemoved(owner), h.ownerRemovedTodo(owner));
  if (mine === 1) return warn(h.alsoMine(owner), h.alsoMineTodo);
  return pass(h.otherAdmin(owner));
};
