// Auth as Google documents it for Node: googleapis' GoogleAuth with a service-account key file
// (--key, or GOOGLE_APPLICATION_CREDENTIALS) or else Application Default Credentials, asking only
// for the read-only Sheets scope. The sheets client is loaded from googleapis' per-API entry
// (googleapis/build/src/apis/sheets): the same classes as `google.sheets` / `google.auth.GoogleAuth`,
// without loading the other ~300 APIs (≈70 ms instead of ≈900 ms at start-up).
import { existsSync, readFileSync } from 'node:fs';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { GOOGLE } from '../../core/messages/google';
import { GoogleError, httpStatusOf, isNetworkError } from './errors';

export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * Where the APIs live. Unset: Google. Set (ITA_GOOGLE_API_ROOT, ITA_GOOGLE_TOKEN_URL): a stand-in such
 * as the tests' local server or a company's egress proxy. apiRoot uses googleapis' documented `rootUrl`
 * option; the token URL is fixed inside google-auth-library, so it is rewritten on the auth client's
 * own transporter (every request the client makes passes through it).
 */
export interface GoogleEndpoints {
  apiRoot?: string;
  tokenUrl?: string;
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): GoogleEndpoints {
  return { apiRoot: env.ITA_GOOGLE_API_ROOT || undefined, tokenUrl: env.ITA_GOOGLE_TOKEN_URL || undefined };
}

export interface SheetsConnection {
  sheets: sheets_v4.Sheets;
  /** the service account's e-mail (what a sheet must be shared with), when the credentials say */
  account?: string;
  /** HTTP requests made so far through this connection (token + API, retries included) */
  requests(): number;
}

export interface ConnectOptions {
  /** path to a service-account key (.json); default GOOGLE_APPLICATION_CREDENTIALS, then ADC */
  keyFile?: string;
  endpoints?: GoogleEndpoints;
  /**
   * The fetch the client uses. Default: gaxios' own choice (node-fetch, imported on first use). Tests
   * running inside jest's VM, where that dynamic import is not allowed, pass Node's global fetch.
   */
  fetch?: typeof fetch;
}

interface KeyJson {
  type?: string;
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
}

/**
 * Reads and checks a key file before anything uses it (google-auth-library asks callers to validate
 * credential files they are handed rather than pass a path through): it must be JSON with a type,
 * and a service-account key must carry its e-mail and private key.
 */
function readKeyFile(path: string): KeyJson {
  if (!existsSync(path)) throw new GoogleError('credentials', GOOGLE.keyNotFound(path));
  let json: KeyJson;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new GoogleError('credentials', GOOGLE.keyNotJson(path));
  }
  if (!json || typeof json !== 'object' || typeof json.type !== 'string')
    throw new GoogleError('credentials', GOOGLE.keyNotJson(path));
  if (
    json.type === 'service_account' &&
    (typeof json.client_email !== 'string' || typeof json.private_key !== 'string')
  )
    throw new GoogleError('credentials', GOOGLE.keyNotJson(path));
  return json;
}

const credentialsMessage = (e: unknown): string => {
  const data = (e as { response?: { data?: { error?: unknown; error_description?: string } } })?.response?.data;
  if (data && typeof data.error === 'string') return [data.error, data.error_description].filter(Boolean).join(': ');
  return e instanceof Error ? e.message : String(e);
};

/** Signs in once (one token request) and returns a Sheets client that reuses the token. */
export async function connectSheets(options: ConnectOptions = {}): Promise<SheetsConnection> {
  const fromFlag = options.keyFile;
  const keyFile = fromFlag ?? (process.env.GOOGLE_APPLICATION_CREDENTIALS || undefined);
  const key = keyFile ? readKeyFile(keyFile) : undefined;
  // --key must be a service-account key; through GOOGLE_APPLICATION_CREDENTIALS other ADC types
  // (a gcloud user login, workload identity) are left to GoogleAuth, which reads that variable itself.
  if (fromFlag && key?.type !== 'service_account') throw new GoogleError('credentials', GOOGLE.keyNotJson(fromFlag));
  const account = key?.type === 'service_account' ? key.client_email : undefined;
  const endpoints = options.endpoints ?? endpointsFromEnv();
  const { auth, sheets } = await import('googleapis/build/src/apis/sheets/index.js');
  const scopes = [SHEETS_READONLY_SCOPE];
  const serviceAccount =
    key?.type === 'service_account'
      ? new auth.JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes })
      : undefined;
  const googleAuth = new auth.GoogleAuth({ scopes, ...(serviceAccount ? { authClient: serviceAccount } : {}) });
  let client: Awaited<ReturnType<typeof googleAuth.getClient>>;
  try {
    client = await googleAuth.getClient();
  } catch (e) {
    if (/default credentials/i.test(credentialsMessage(e))) throw new GoogleError('credentials', GOOGLE.noCredentials);
    throw new GoogleError('credentials', GOOGLE.badCredentials(credentialsMessage(e)));
  }
  if (options.fetch) client.transporter.defaults.fetchImplementation = options.fetch;
  let requests = 0;
  client.transporter.interceptors.request.add({
    resolved: async (opts) => {
      requests++;
      if (endpoints.tokenUrl && String(opts.url).startsWith(GOOGLE_TOKEN_URL)) opts.url = new URL(endpoints.tokenUrl);
      return opts;
    },
  });
  try {
    await client.getAccessToken();
  } catch (e) {
    const status = httpStatusOf(e);
    if (status === undefined && isNetworkError(e))
      throw new GoogleError('network', GOOGLE.network(credentialsMessage(e)));
    throw new GoogleError('credentials', GOOGLE.badCredentials(credentialsMessage(e)), status);
  }
  const api = sheets({
    version: 'v4',
    auth: googleAuth,
    ...(endpoints.apiRoot ? { rootUrl: endpoints.apiRoot } : {}),
  });
  return { sheets: api, account, requests: () => requests };
}
