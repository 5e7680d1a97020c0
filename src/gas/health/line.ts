// LINE (issue 25, docs/line.md): with a token in the script properties, one quota call (and its
// consumption) proves the token works and says where the month stands; nothing is sent. Without a
// token LINE is not in use, which is fine: every digest goes by e-mail.
import { runSync } from '../../core/app/flow';
import { lineQuota } from '../../core/app/line-api';
import { fail, pass, warn } from '../../core/health';
import { isGroupId } from '../../core/line';
import { LINE_HEALTH } from '../../core/messages/line';
import { lineChannel } from '../line';
import type { HealthCheck } from './context';

export const checkLine: HealthCheck = (ctx) => {
  const channel = lineChannel();
  const paired = ctx.divisions.filter((d) => isGroupId(d.lineGroup ?? '')).length;
  if (!channel) return pass(LINE_HEALTH.notUsed(paired));
  const q = runSync(lineQuota(channel));
  if (!q.ok) {
    // no answer at all is the network's fault, a refusal (401/403) the token's, anything else LINE's
    const todo =
      q.status === null
        ? LINE_HEALTH.unreachableTodo
        : q.status === 401 || q.status === 403
          ? LINE_HEALTH.failedTodo
          : LINE_HEALTH.otherTodo;
    return fail(LINE_HEALTH.failed(q.why), todo, q.why);
  }
  const { limit, used } = q.value;
  if (limit !== null && used >= limit) return warn(LINE_HEALTH.spent(used, limit), LINE_HEALTH.spentTodo);
  return pass(LINE_HEALTH.ok(limit, used, paired));
};
