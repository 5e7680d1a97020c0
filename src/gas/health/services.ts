// The Docs and Drive advanced services are on (the manifest enables them; a copy of the project made
// by hand may not) and Drive answers. The scratch-document check proves Docs answers too.
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { errorText, type HealthCheck } from './context';

export const checkServices: HealthCheck = () => {
  const off: string[] = [];
  if (typeof Drive === 'undefined' || !Drive?.Files) off.push('Drive API v3');
  if (typeof Docs === 'undefined' || !Docs?.Documents) off.push('Google Docs API v1');
  if (off.length) return fail(HEALTH.services.off(off), HEALTH.services.offTodo);
  try {
    // the smallest request there is: one id of a file this app made, or none
    Drive?.Files?.list({ pageSize: 1, q: 'trashed = false', fields: 'files(id)' });
  } catch (e) {
    return fail(HEALTH.services.noAnswer(errorText(e)), HEALTH.services.noAnswerTodo, errorText(e));
  }
  return pass(HEALTH.services.ok);
};
