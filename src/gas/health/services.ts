// The Docs and Drive advanced services are on (the manifest enables them; a copy of the project made
// by hand may not) and Drive answers. The scratch-document check proves Docs answers too.
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { docsServiceOn } from '../adapters/docs';
import { driveServiceOn, probeDrive } from '../adapters/drive';
import { errorText, type HealthCheck } from './context';

export const checkServices: HealthCheck = () => {
  const off: string[] = [];
  if (!driveServiceOn()) off.push('Drive API v3');
  if (!docsServiceOn()) off.push('Google Docs API v1');
  if (off.length) return fail(HEALTH.services.off(off), HEALTH.services.offTodo);
  try {
    probeDrive();
  } catch (e) {
    return fail(HEALTH.services.noAnswer(errorText(e)), HEALTH.services.noAnswerTodo, errorText(e));
  }
  return pass(HEALTH.services.ok);
};
