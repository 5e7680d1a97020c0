// npm run publish-template: the make-a-copy template. One Google Sheet holding the template with the
// example data, with the tracker bound to it, shared for anyone with the link to view; a clerk opens
// its /copy link, clicks "Make a copy", and the copy carries the script (Drive copies a file's bound
// script with it). Idempotent: the file is found again by its appProperties (files.list, drive.file
// sees only files this client created), the script by the id kept there; a second run updates both.
//
// Only what the maintainer's clasp login grants (script.projects, drive.file): the data goes in as an
// .xlsx upload that Drive converts to a Google Sheet (files.create / files.update with media), the code
// through the Apps Script API (projects.create with parentId, projects.updateContent). The Apps Script
// API does not accept service accounts, hence the user login from ~/.clasprc.json.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PUBLISH } from '../../core/messages/publish';
import type { GoogleEndpoints } from './auth';

export const TEMPLATE_APP_PROPERTY = 'itaTrackerTemplate';
const SCRIPT_ID_PROPERTY = 'itaTrackerScriptId';
const MIME_SHEET = 'application/vnd.google-apps.spreadsheet';
const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface PublishOptions {
  /** the template workbook (.xlsx bytes) Drive converts into the sheet */
  workbook: Uint8Array;
  /** dist/Code.js and dist/appsscript.json */
  bundle: string;
  manifest: string;
  title?: string;
  /** clasp's login file (default ~/.clasprc.json): an authorized_user credential under tokens.default */
  credentialsFile?: string;
  endpoints?: GoogleEndpoints;
  /** tests in jest's VM pass Node's fetch (see auth.ts) */
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface PublishResult {
  spreadsheetId: string;
  scriptId: string;
  copyUrl: string;
  createdSheet: boolean;
  createdScript: boolean;
}

export const copyUrlOf = (spreadsheetId: string) => `https://docs.google.com/spreadsheets/d/${spreadsheetId}/copy`;

interface StoredCredential {
  type?: string;
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
}

/** clasp 3 keeps { tokens: { default: credential } }; clasp 1–2 kept { token, oauth2ClientSettings }. */
export function readClaspCredential(path: string): StoredCredential {
  if (!existsSync(path)) throw new Error(PUBLISH.noCredentials(path));
  let json: {
    tokens?: Record<string, StoredCredential>;
    token?: { refresh_token?: string };
    oauth2ClientSettings?: { clientId?: string; clientSecret?: string };
  };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(PUBLISH.badCredentials(path));
  }
  const credential: StoredCredential | undefined =
    json.tokens?.default ??
    (json.token
      ? {
          type: 'authorized_user',
          refresh_token: json.token.refresh_token,
          client_id: json.oauth2ClientSettings?.clientId,
          client_secret: json.oauth2ClientSettings?.clientSecret,
        }
      : undefined);
  if (!credential?.refresh_token || !credential.client_id || !credential.client_secret)
    throw new Error(PUBLISH.badCredentials(path));
  return { ...credential, type: 'authorized_user' };
}

const googleMessage = (e: unknown): string => {
  const data = (e as { response?: { data?: { error?: { message?: string } | string; error_description?: string } } })
    ?.response?.data;
  if (data && typeof data.error === 'object' && data.error?.message) return data.error.message;
  if (data && typeof data.error === 'string') return [data.error, data.error_description].filter(Boolean).join(': ');
  return e instanceof Error ? e.message : String(e);
};

export async function publishTemplate(options: PublishOptions): Promise<PublishResult> {
  const log = options.log ?? (() => {});
  const credential = readClaspCredential(options.credentialsFile ?? join(homedir(), '.clasprc.json'));
  const endpoints = options.endpoints ?? {};
  const driveApi = await import('googleapis/build/src/apis/drive/index.js');
  const scriptApi = await import('googleapis/build/src/apis/script/index.js');
  const oauth = new driveApi.auth.OAuth2(credential.client_id, credential.client_secret);
  oauth.setCredentials({ refresh_token: credential.refresh_token });
  if (options.fetch) oauth.transporter.defaults.fetchImplementation = options.fetch;
  oauth.transporter.interceptors.request.add({
    resolved: async (o) => {
      if (endpoints.tokenUrl && String(o.url).startsWith(GOOGLE_TOKEN_URL)) o.url = new URL(endpoints.tokenUrl);
      return o;
    },
  });
  const common = { auth: oauth, ...(endpoints.apiRoot ? { rootUrl: endpoints.apiRoot } : {}) };
  const drive = driveApi.drive({ version: 'v3', ...common });
  const script = scriptApi.script({ version: 'v1', ...common });
  const title = options.title ?? PUBLISH.templateTitle;
  const media = () => ({ mimeType: MIME_XLSX, body: Readable.from(Buffer.from(options.workbook)) });
  // googleapis rewrites an API's URLs to the client's rootUrl but not the upload URL: that one is
  // built from the rootUrl of the call's own options
  const uploadOptions = endpoints.apiRoot ? { rootUrl: endpoints.apiRoot } : {};

  try {
    // 1. the sheet: found by its app property, else created; its data replaced by the template's either way
    const found = await drive.files.list({
      q: `appProperties has { key='${TEMPLATE_APP_PROPERTY}' and value='1' } and trashed = false`,
      fields: 'files(id,appProperties)',
      spaces: 'drive',
    });
    const existing = found.data.files?.[0];
    let spreadsheetId: string;
    if (existing?.id) {
      spreadsheetId = existing.id;
      await drive.files.update(
        { fileId: spreadsheetId, requestBody: { name: title }, media: media(), fields: 'id' },
        uploadOptions,
      );
      log(PUBLISH.updated(spreadsheetId));
    } else {
      const created = await drive.files.create(
        {
          requestBody: { name: title, mimeType: MIME_SHEET, appProperties: { [TEMPLATE_APP_PROPERTY]: '1' } },
          media: media(),
          fields: 'id',
        },
        uploadOptions,
      );
      spreadsheetId = created.data.id as string;
      log(PUBLISH.created(spreadsheetId));
    }

    // 2. the bound script: created once (a container may hold several bound projects, so its id is
    // kept on the file and reused), then its content replaced by the build's
    let scriptId = existing?.appProperties?.[SCRIPT_ID_PROPERTY] ?? '';
    const createdScript = !scriptId;
    if (!scriptId) {
      const project = await script.projects.create({ requestBody: { title: 'ITA tracker', parentId: spreadsheetId } });
      scriptId = project.data.scriptId as string;
      await drive.files.update({
        fileId: spreadsheetId,
        requestBody: { appProperties: { [SCRIPT_ID_PROPERTY]: scriptId } },
        fields: 'id',
      });
      log(PUBLISH.scriptCreated(scriptId));
    }
    await script.projects.updateContent({
      scriptId,
      requestBody: {
        files: [
          { name: 'appsscript', type: 'JSON', source: options.manifest },
          { name: 'Code', type: 'SERVER_JS', source: options.bundle },
        ],
      },
    });
    log(PUBLISH.scriptUpdated(scriptId));

    // 3. anyone with the link may view it, which is what "Make a copy" needs
    await drive.permissions.create({ fileId: spreadsheetId, requestBody: { type: 'anyone', role: 'reader' } });
    log(PUBLISH.shared);
    const copyUrl = copyUrlOf(spreadsheetId);
    log(PUBLISH.copyLink(copyUrl));
    return { spreadsheetId, scriptId, copyUrl, createdSheet: !existing, createdScript };
  } catch (e) {
    const why = googleMessage(e);
    if (/Apps Script API/i.test(why) && /(not (been )?used|disabled|enable)/i.test(why))
      throw new Error(PUBLISH.apiDisabled);
    throw new Error(PUBLISH.failed(why));
  }
}
