// The manifest's scopes are granted. With granular consent a user can untick some of them and the
// script still starts; what they left out fails later, on the day it is needed (reference:
// ScriptApp.getAuthorizationInfo(authMode, oAuthScopes), AuthorizationInfo.getAuthorizedScopes()).
import { fail, pass } from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { authorizedScopes } from '../adapters/script';
import type { HealthCheck } from './context';

/** appsscript.json's oauthScopes (tests/gas/health.test.ts keeps the two equal). */
export const MANIFEST_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
];

export const checkScopes: HealthCheck = (ctx) => {
  const granted = authorizedScopes(MANIFEST_SCOPES) ?? [];
  ctx.grantedScopes = granted;
  const missing = MANIFEST_SCOPES.filter((s) => !granted.includes(s));
  return missing.length
    ? fail(HEALTH.scopes.missing(missing), HEALTH.scopes.missingTodo)
    : pass(HEALTH.scopes.ok(MANIFEST_SCOPES.length));
};
