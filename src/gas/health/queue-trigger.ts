// The queue's one trigger (src/gas/queue-trigger.ts): whose it is. No account can see another's
// triggers (guides/triggers/installable), so the owner and rate come from the record setup keeps; this
// account's own queue triggers are counted: the owner should have exactly one, anyone else none.
import { fail, pass, warn } from '../../core/health';
import { QUEUE_TRIGGER } from '../../core/messages/queue-trigger';
import { REPORT_QUEUE_HANDLER } from '../document-queue';
import { queueRate, recordedQueueTrigger } from '../queue-trigger';
import { REPORT_OWNER_KEY } from '../report-drive';
import type { HealthCheck } from './context';

export const checkQueueTrigger: HealthCheck = (ctx) => {
  const h = QUEUE_TRIGGER.check;
  const owner = (PropertiesService.getScriptProperties().getProperty(REPORT_OWNER_KEY) ?? '').trim().toLowerCase();
  if (!owner) return pass(h.noFolder);
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REPORT_QUEUE_HANDLER).length;
  const recorded = recordedQueueTrigger();
  if (owner !== ctx.me) {
    if (mine) return warn(h.strays(mine, owner), h.fixTodo);
    return recorded && recorded.owner.toLowerCase() === owner ? pass(h.others(owner)) : fail(h.none(owner), h.noneTodo);
  }
  if (mine === 0) return fail(h.none(owner), h.noneTodo);
  if (mine > 1) return fail(h.many(mine), h.fixTodo);
  return pass(h.ok(owner, recorded?.rate ?? queueRate()));
};
