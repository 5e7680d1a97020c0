// What every health check receives: the spreadsheet, who runs it, the few settings the checks need
// (read once by the runner), and what an earlier check learned that a later one uses.
import type { CheckResult } from '../../core/health';
import type { Division } from '../../core/model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface HealthContext {
  ss: Spreadsheet;
  /** the account running the check, lower case */
  me: string;
  /** the spreadsheet's owner, lower case ('' when Sheets does not say): always passes protections */
  owner: string;
  /** the settings tab's admins, lower case */
  admins: string[];
  divisions: Division[];
  reportFolderId: string;
  sendTestMail: boolean;
  /**
   * A cell of the log tab the locale check may type into: the log row written after the checks
   * overwrites it, so typing there changes nothing but the log.
   */
  probeCell(): Range;
  /** set by the folder check: whether the report's own Drive calls reach the folder */
  folderUsable?: boolean;
  /**
   * set by the folder check: the folder owner whose queue makes this account's documents (the report's
   * own rule, src/gas/document-ports.ts folderOwnerIfNotMe), '' when this account makes them itself
   */
  queuedTo?: string;
  /** set by the scopes check: what this user granted (for the developer report) */
  grantedScopes?: string[];
}

export type HealthCheck = (ctx: HealthContext) => CheckResult;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
