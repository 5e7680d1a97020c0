// The document lock (every batch operation holds it) and the script properties (the trigger's owner,
// sync's stamps) work: a lock taken and released, a value written, read back and removed.
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import type { HealthCheck } from './context';

const PROBE_KEY = 'healthCheckProbe';

export const checkLockAndProperties: HealthCheck = () => {
  const h = HEALTH.lockProperties;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) return fail(h.lockBusy, h.lockBusyTodo);
  try {
    const properties = PropertiesService.getScriptProperties();
    const value = `${Date.now()}`;
    properties.setProperty(PROBE_KEY, value);
    const back = properties.getProperty(PROBE_KEY);
    properties.deleteProperty(PROBE_KEY);
    return back === value ? pass(h.ok) : fail(h.propertiesWrong, h.propertiesTodo);
  } finally {
    lock.releaseLock();
  }
};
