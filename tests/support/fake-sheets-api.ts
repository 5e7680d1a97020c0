// A local stand-in for Google's Sheets API v4 and OAuth token endpoint, on 127.0.0.1 (port 0), for the
// real googleapis client (pointed here through its rootUrl option and the token URL rewrite).
// It answers as the reference pages describe:
//  - POST /token: the service-account JWT-bearer grant; the assertion's RS256 signature is checked
//    against the registered public keys (unknown key → 400 invalid_grant "Invalid JWT Signature.").
//  - GET /v4/spreadsheets/{id}?fields=…: the spreadsheet's properties and sheets' properties.
//  - GET /v4/spreadsheets/{id}/values:batchGet?ranges=…&valueRenderOption=…&dateTimeRenderOption=…:
//    one ValueRange per range, in request order; trailing blank cells and rows left out; with
//    UNFORMATTED_VALUE + SERIAL_NUMBER dates are day serials from 1899-12-30, blanks "" inside a row;
//    FORMATTED_VALUE (the API's default) gives strings.
//  - errors as {error: {code, message, status, details}}; 401 without a token it issued.
// Each sheet can fail first (429 with Retry-After, 500 …), answer slowly, or refuse (403/404).
import { createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Cell } from '../../src/core/cells';
import type { WorkbookSnapshot } from '../../src/core/workbook';

export interface FakeSpreadsheet {
  title: string;
  /** tab name → cells as the snapshot holds them (Dates are wall-clock-as-UTC) */
  tabs: Record<string, Cell[][]>;
}

export interface SheetBehaviour {
  /**
   * answers given, in order, before the sheet answers normally: each request to the sheet takes the
   * first one meant for it (`on` unset: any request)
   */
  failFirst?: { status: number; retryAfter?: string; on?: 'get' | 'batchGet' }[];
  /** every answer waits this long */
  delayMs?: number;
  /** a permanent refusal: 403 not shared, 404 not found, or 403 with reason SERVICE_DISABLED */
  refuse?: 403 | 404 | 'SERVICE_DISABLED';
}

export interface LoggedRequest {
  method: string;
  /** 'token' | 'get' | 'batchGet' | 'other' */
  kind: string;
  spreadsheetId?: string;
  query: URLSearchParams;
  status: number;
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const toSerial = (d: Date): number => (d.getTime() - SERIAL_EPOCH_MS) / 86_400_000;

const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};
const MESSAGE: Record<number, string> = {
  401: 'Request is missing required authentication credential. Expected OAuth 2 access token.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.",
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

const columnName = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** One cell as the API renders it. */
function rendered(c: Cell, unformatted: boolean): string | number | boolean {
  if (c === null) return '';
  if (c instanceof Date) {
    if (unformatted) return toSerial(c);
    return `${c.getUTCDate()}/${c.getUTCMonth() + 1}/${c.getUTCFullYear()}`;
  }
  if (!unformatted) return typeof c === 'boolean' ? (c ? 'TRUE' : 'FALSE') : String(c);
  return c;
}

/** A tab's values as the API returns them: trailing blanks trimmed per row, trailing empty rows dropped. */
function valuesOf(rows: Cell[][], unformatted: boolean): (string | number | boolean)[][] {
  const out = rows.map((r) => {
    const v = r.map((c) => rendered(c, unformatted));
    while (v.length && v[v.length - 1] === '') v.pop();
    return v;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** '…' quoted A1 sheet name (quotes doubled) or a bare name → the tab name. */
function tabOfRange(range: string): string {
  const bang = range.lastIndexOf('!');
  const name = bang > 0 && /^[A-Z]+\d*(:[A-Z]+\d*)?$/.test(range.slice(bang + 1)) ? range.slice(0, bang) : range;
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

export interface ServiceAccountKey {
  path: string;
  email: string;
  publicKey: KeyObject;
}

/** A service-account key file in Google's JSON layout, with an RSA key made now. */
export function makeServiceAccountKey(dir: string, name = 'ita-reader'): ServiceAccountKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const email = `${name}@ita-test-project.iam.gserviceaccount.com`;
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'service_account',
      project_id: 'ita-test-project',
      private_key_id: `${name}-key-1`,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      client_email: email,
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );
  return { path, email, publicKey };
}

const b64url = (s: string): Buffer => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

export class FakeSheetsApi {
  readonly log: LoggedRequest[] = [];
  /** scope claims of the assertions the token endpoint accepted */
  readonly grantedScopes: string[] = [];
  /** keep the log small for big runs: only counts */
  logRequests = true;
  readonly counts = { token: 0, get: 0, batchGet: 0, other: 0 };
  private sheets = new Map<string, FakeSpreadsheet | (() => FakeSpreadsheet)>();
  private behaviour = new Map<string, SheetBehaviour>();
  private keys: KeyObject[] = [];
  private tokens = new Set<string>();
  private timers = new Set<NodeJS.Timeout>();

  private constructor(private server: Server) {}

  static async start(): Promise<FakeSheetsApi> {
    const server = createServer();
    const api = new FakeSheetsApi(server);
    server.on('request', (req, res) => api.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  /** for googleapis' rootUrl option / ITA_GOOGLE_API_ROOT */
  get rootUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }
  get tokenUrl(): string {
    return `http://127.0.0.1:${this.port}/token`;
  }
  /** env for the CLI: this server in place of Google */
  env(keyFile?: string): NodeJS.ProcessEnv {
    return {
      ITA_GOOGLE_API_ROOT: this.rootUrl,
      ITA_GOOGLE_TOKEN_URL: this.tokenUrl,
      ...(keyFile ? { GOOGLE_APPLICATION_CREDENTIALS: keyFile } : {}),
    };
  }

  acceptKey(key: ServiceAccountKey): void {
    this.keys.push(key.publicKey);
  }

  /** a sheet, or a function that builds it on every request (so big runs hold nothing) */
  addSheet(id: string, sheet: FakeSpreadsheet | (() => FakeSpreadsheet), behaviour: SheetBehaviour = {}): void {
    this.sheets.set(id, sheet);
    this.behaviour.set(id, { ...behaviour, failFirst: [...(behaviour.failFirst ?? [])] });
  }

  requestsFor(id: string, kind?: string): LoggedRequest[] {
    return this.log.filter((r) => r.spreadsheetId === id && (!kind || r.kind === kind));
  }

  get total(): number {
    return this.counts.token + this.counts.get + this.counts.batchGet + this.counts.other;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- handling

  private send(
    res: ServerResponse,
    entry: LoggedRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    entry.status = status;
    if (res.destroyed || res.writableEnded) return; // the client gave up (timeout)
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private apiError(
    res: ServerResponse,
    entry: LoggedRequest,
    status: number,
    extra: { message?: string; reason?: string; headers?: Record<string, string> } = {},
  ): void {
    const error: Record<string, unknown> = {
      code: status,
      message: extra.message ?? MESSAGE[status] ?? 'Error',
      status: STATUS_TEXT[status] ?? 'UNKNOWN',
    };
    if (extra.reason)
      error.details = [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: extra.reason, domain: 'googleapis.com' },
      ];
    this.send(res, entry, status, { error }, extra.headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const entry: LoggedRequest = { method: req.method ?? 'GET', kind: 'other', query: url.searchParams, status: 0 };
    const m = /^\/v4\/spreadsheets\/([^/:]+)(\/values:batchGet)?$/.exec(url.pathname);
    if (url.pathname === '/token' && req.method === 'POST') entry.kind = 'token';
    else if (m && req.method === 'GET') {
      entry.kind = m[2] ? 'batchGet' : 'get';
      entry.spreadsheetId = decodeURIComponent(m[1]);
    }
    this.counts[entry.kind as keyof FakeSheetsApi['counts']]++;
    if (this.logRequests) this.log.push(entry);

    if (entry.kind === 'token') return this.token(res, entry, new URLSearchParams(body));
    if (entry.kind === 'other')
      return this.apiError(res, entry, 404, { message: `Method not found: ${req.method} ${url.pathname}` });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !this.tokens.has(auth.slice(7))) return this.apiError(res, entry, 401);

    const id = entry.spreadsheetId as string;
    const behaviour = this.behaviour.get(id) ?? {};
    if (behaviour.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          resolve();
        }, behaviour.delayMs);
        this.timers.add(t);
      });
    }
    const queue = behaviour.failFirst ?? [];
    const at = queue.findIndex((f) => !f.on || f.on === entry.kind);
    const fail = at >= 0 ? queue.splice(at, 1)[0] : undefined;
    if (fail)
      return this.apiError(res, entry, fail.status, {
        headers: fail.retryAfter !== undefined ? { 'retry-after': fail.retryAfter } : {},
      });
    if (behaviour.refuse === 'SERVICE_DISABLED')
      return this.apiError(res, entry, 403, {
        message: 'Google Sheets API has not been used in project 100000000001 before or it is disabled.',
        reason: 'SERVICE_DISABLED',
      });
    const found = this.sheets.get(id);
    if (behaviour.refuse === 404 || !found) return this.apiError(res, entry, 404);
    if (behaviour.refuse === 403) return this.apiError(res, entry, 403);
    const sheet = typeof found === 'function' ? found() : found;
    return entry.kind === 'get'
      ? this.get(res, entry, id, sheet, url.searchParams)
      : this.batchGet(res, entry, id, sheet, url.searchParams);
  }

  private token(res: ServerResponse, entry: LoggedRequest, form: URLSearchParams): void {
    const assertion = form.get('assertion') ?? '';
    const [h, p, s] = assertion.split('.');
    const invalid = () =>
      this.send(res, entry, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !h || !p || !s) return invalid();
    const header = JSON.parse(b64url(h).toString('utf8')) as { alg?: string };
    const ok =
      header.alg === 'RS256' &&
      this.keys.some((k) => createVerify('RSA-SHA256').update(`${h}.${p}`).verify(k, b64url(s)));
    if (!ok) return invalid();
    const claims = JSON.parse(b64url(p).toString('utf8')) as { scope?: string; aud?: string; exp?: number };
    if (claims.aud !== 'https://oauth2.googleapis.com/token') return invalid();
    this.grantedScopes.push(claims.scope ?? '');
    const token = `ya29.fake-${this.tokens.size + 1}`;
    this.tokens.add(token);
    this.send(res, entry, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  }

  private get(res: ServerResponse, entry: LoggedRequest, id: string, sheet: FakeSpreadsheet, q: URLSearchParams): void {
    const names = Object.keys(sheet.tabs);
    const full = {
      spreadsheetId: id,
      properties: { title: sheet.title, locale: 'th_TH', timeZone: 'Asia/Bangkok' },
      sheets: names.map((title, index) => ({
        properties: {
          sheetId: index === 0 ? 0 : 1000 + index,
          title,
          index,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26 },
        },
      })),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
    };
    const fields = q.get('fields');
    if (!fields) return this.send(res, entry, 200, full);
    // the two masks the client uses; anything else gets the full resource
    const out: Record<string, unknown> = {};
    if (fields.includes('properties.title')) out.properties = { title: sheet.title };
    if (fields.includes('sheets.properties'))
      out.sheets = full.sheets.map((s) => ({
        properties: { title: s.properties.title, sheetType: s.properties.sheetType },
      }));
    this.send(res, entry, 200, out);
  }

  private batchGet(
    res: ServerResponse,
    entry: LoggedRequest,
    id: string,
    sheet: FakeSpreadsheet,
    q: URLSearchParams,
  ): void {
    const ranges = q.getAll('ranges');
    if (ranges.length === 0) return this.apiError(res, entry, 400, { message: 'Must specify at least one range.' });
    const unformatted =
      q.get('valueRenderOption') === 'UNFORMATTED_VALUE' && q.get('dateTimeRenderOption') !== 'FORMATTED_STRING';
    const valueRanges = [];
    for (const range of ranges) {
      const name = tabOfRange(range);
      const rows = sheet.tabs[name];
      if (!rows) return this.apiError(res, entry, 400, { message: `Unable to parse range: ${range}` });
      const values = valuesOf(rows, unformatted);
      const width = Math.max(26, ...rows.map((r) => r.length));
      const quoted = `'${name.replace(/'/g, "''")}'`;
      valueRanges.push({
        range: `${quoted}!A1:${columnName(width)}${Math.max(1000, rows.length)}`,
        majorDimension: 'ROWS',
        ...(values.length ? { values } : {}),
      });
    }
    this.send(res, entry, 200, { spreadsheetId: id, valueRanges });
  }
}

/** A snapshot as a fake spreadsheet. */
export const spreadsheetOf = (title: string, snapshot: WorkbookSnapshot): FakeSpreadsheet => ({
  title,
  tabs: snapshot.tabs,
});
