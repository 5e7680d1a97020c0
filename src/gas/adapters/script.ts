// ScriptApp calls newer than @types/google-apps-script.

/**
 * getAuthorizationInfo(authMode, oAuthScopes) and AuthorizationInfo.getAuthorizedScopes() (granular
 * consent; reference "Class ScriptApp" and "Class AuthorizationInfo",
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String))
 * are not in the typings yet.
 */
export function authorizedScopes(scopes: readonly string[]): string[] | null {
  type AuthInfo = GoogleAppsScript.Script.AuthorizationInfo & { getAuthorizedScopes(): string[] | null };
  type WithScopes = { getAuthorizationInfo(mode: unknown, scopes: string[]): AuthInfo };
  return (ScriptApp as unknown as WithScopes)
    .getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...scopes])
    .getAuthorizedScopes();
}
