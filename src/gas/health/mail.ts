// Mail: the recipients left in today's quota against the reminders' recipients; and, only when the
// admin said yes, one test e-mail to themselves (it uses one recipient of the quota).
import { type CheckResult, combine, fail, pass, warn } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { errorText, type HealthCheck } from './context';

export const checkMail: HealthCheck = (ctx) => {
  const h = HEALTH.mail;
  const quota = MailApp.getRemainingDailyQuota();
  const findings: CheckResult[] = [];
  const recipients = new Set(ctx.divisions.flatMap((d) => d.notifyEmails.map((e) => e.toLowerCase()))).size;
  if (quota <= 0) findings.push(fail(h.zero, h.zeroTodo));
  else if (quota < recipients) findings.push(warn(h.low(quota, recipients), h.lowTodo));
  else findings.push(pass(h.ok(quota)));
  if (ctx.sendTestMail && quota > 0) {
    try {
      MailApp.sendEmail(ctx.me, h.testSubject, h.testBody);
      findings.push(pass(h.sent(ctx.me)));
    } catch (e) {
      findings.push(fail(h.sendFailed(errorText(e)), h.sendFailedTodo, errorText(e)));
    }
  }
  return combine(findings, '');
};
