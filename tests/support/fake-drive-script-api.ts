// A local stand-in for the parts of Google's Drive API v3 and Apps Script API v1 that
// `npm run publish-template` uses, plus the OAuth token endpoint's refresh-token grant (what a
// clasp login holds), on 127.0.0.1 for the real googleapis client (rootUrl + token URL rewrite, as
// tests/support/fake-sheets-api.ts does for Sheets). Behaviour from the reference pages:
//  - POST /token grant_type=refresh_token: the client id/secret and refresh token must be the ones
//    registered (else 400 invalid_grant); the access token it returns is the only one the APIs accept.
//  - Drive files.create / files.update with uploadType=multipart (metadata JSON + media): an .xlsx
//    uploaded as mimeType application/vnd.google-apps.spreadsheet is converted into a Google Sheet
//    (here: the workbook's tabs, read with exceljs in core's convention); update with media replaces
//    the content, metadata-only PATCH merges appProperties key by key ("appProperties … merged with
//    existing values" on update).
//  - files.list with q "appProperties has { key='k' and value='v' }" and "trashed = false".
//  - files.copy: a new file with the same content; a Google Sheets file's bound script projects are
//    copied with it (a new scriptId, parentId = the copy) — what "Make a copy" gives a clerk.
//  - permissions.create {type: 'anyone', role: 'reader'} → id "anyoneWithLink".
//  - Apps Script projects.create {title, parentId}: a project bound to that file (a container may have
//    several); projects.updateContent replaces every file, and refuses content without the
//    "appsscript" JSON manifest or with a file type other than SERVER_JS / HTML / JSON (400).
// Errors as {error: {code, message, status}}; 401 without a token it issued.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { snapshotOf } from '../../src/node/xlsx-store';

export const MIME_SHEET = 'application/vnd.google-apps.spreadsheet';

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  appProperties: Record<string, string>;
  /** a converted Google Sheet's content */
  snapshot: WorkbookSnapshot | null;
  permissions: { id: string; type: string; role: string }[];
  trashed: boolean;
}

export interface ScriptFile {
  name: string;
  type: 'SERVER_JS' | 'HTML' | 'JSON';
  source: string;
}

export interface ScriptProject {
  scriptId: string;
  title: string;
  parentId: string | null;
  files: ScriptFile[];
  /** how many times projects.updateContent replaced the files */
  updates: number;
}

export interface OAuthClientCredential {
  type: 'authorized_user';
  client_id: string;
  client_secret: string;
  refresh_token: string;
}

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * A deep copy whose Dates are this realm's: exceljs and structuredClone make Dates outside jest's
 * sandbox, and the script under test (node:vm, sharing this realm's Date) checks `instanceof Date`.
 */
function cloneSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    tabs: Object.fromEntries(
      Object.entries(snapshot.tabs).map(([name, rows]) => [
        name,
        rows.map((r) => r.map((v) => (isDate(v) ? new Date(v.getTime()) : v))),
      ]),
    ),
  };
}

/** multipart/related → its parts' headers and bytes (binary-safe). */
function multipartParts(body: Buffer, contentType: string): { type: string; data: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new HttpError(400, 'Missing multipart boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { type: string; data: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start, next);
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    let data = chunk.subarray(split + 4);
    if (data.subarray(-2).toString() === '\r\n') data = data.subarray(0, -2);
    parts.push({ type: /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? '', data });
    at = next;
  }
  return parts;
}

export class FakeDriveScriptApi {
  readonly files = new Map<string, DriveFileRecord>();
  readonly projects = new Map<string, ScriptProject>();
  /** "METHOD path" of every API call, in order (tokens excluded) */
  readonly calls: string[] = [];
  private clients: OAuthClientCredential[] = [];
  private tokens = new Set<string>();
  private seq = 0;

  private constructor(private server: Server) {}

  static async start(): Promise<FakeDriveScriptApi> {
    const server = createServer();
    const api = new FakeDriveScriptApi(server);
    server.on('request', (req, res) => {
      api.handle(req, res).catch((e) => api.error(res, e instanceof HttpError ? e.status : 500, String(e)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get rootUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }
  get tokenUrl(): string {
    return `${this.rootUrl}token`;
  }

  /** A maintainer's login (what `clasp login` stores): the token endpoint accepts its refresh token. */
  registerLogin(): OAuthClientCredential {
    const n = this.clients.length + 1;
    const credential: OAuthClientCredential = {
      type: 'authorized_user',
      client_id: `clasp-client-${n}.apps.googleusercontent.com`,
      client_secret: `secret-${n}`,
      refresh_token: `1//refresh-${n}`,
    };
    this.clients.push(credential);
    return credential;
  }

  /** The bound projects of a file. */
  projectsOf(fileId: string): ScriptProject[] {
    return [...this.projects.values()].filter((p) => p.parentId === fileId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- handling

  private newId(prefix: string): string {
    return `${prefix}${(++this.seq).toString(36).padStart(6, '0')}`;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  error(res: ServerResponse, status: number, message: string): void {
    this.send(res, status, { error: { code: status, message, status: STATUS[status] ?? 'INTERNAL' } });
  }

  private file(id: string): DriveFileRecord {
    const f = this.files.get(id);
    if (!f || f.trashed) throw new HttpError(404, `File not found: ${id}.`);
    return f;
  }

  private view(f: DriveFileRecord, fields: string | null): Record<string, unknown> {
    const full: Record<string, unknown> = {
      kind: 'drive#file',
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      appProperties: f.appProperties,
    };
    if (!fields) return { kind: full.kind, id: f.id, name: f.name, mimeType: f.mimeType };
    const wanted = fields.replace(/^files\(|\)$/g, '').split(',');
    return Object.fromEntries(Object.entries(full).filter(([k]) => wanted.includes(k)));
  }

  /** An upload's content as Drive stores it: an .xlsx for a Google Sheet is converted. */
  private async convert(mimeType: string, media: { type: string; data: Buffer } | undefined) {
    if (!media) return null;
    if (mimeType !== MIME_SHEET) return null;
    if (!/spreadsheetml|excel/.test(media.type))
      throw new HttpError(400, `Cannot convert ${media.type} to a spreadsheet.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(media.data as unknown as ArrayBuffer);
    return cloneSnapshot(snapshotOf(wb));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path === '/token' && method === 'POST') {
      const form = new URLSearchParams(raw.toString('utf8'));
      const client = this.clients.find(
        (c) =>
          c.client_id === form.get('client_id') &&
          c.client_secret === form.get('client_secret') &&
          c.refresh_token === form.get('refresh_token'),
      );
      if (form.get('grant_type') !== 'refresh_token' || !client)
        return this.send(res, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
      const token = `ya29.user-${this.tokens.size + 1}`;
      this.tokens.add(token);
      return this.send(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !this.tokens.has(auth.slice(7)))
      return this.error(res, 401, 'Request is missing required authentication credential.');
    this.calls.push(`${method} ${path}`);
    const json = () => (raw.length ? JSON.parse(raw.toString('utf8')) : {});
    const fields = url.searchParams.get('fields');

    // Drive: uploads (create / update with media)
    let m = /^\/upload\/drive\/v3\/files(?:\/([^/]+))?$/.exec(path);
    if (m) {
      const parts = multipartParts(raw, String(req.headers['content-type']));
      const meta = JSON.parse(parts[0]?.data.toString('utf8') || '{}');
      if (method === 'POST' && !m[1]) {
        const f: DriveFileRecord = {
          id: this.newId('sheet-'),
          name: meta.name ?? 'Untitled',
          mimeType: meta.mimeType ?? parts[1]?.type ?? 'application/octet-stream',
          appProperties: { ...(meta.appProperties ?? {}) },
          snapshot: null,
          permissions: [],
          trashed: false,
        };
        f.snapshot = await this.convert(f.mimeType, parts[1]);
        this.files.set(f.id, f);
        return this.send(res, 200, this.view(f, fields));
      }
      if (method === 'PATCH' && m[1]) {
        const f = this.file(m[1]);
        if (meta.name) f.name = meta.name;
        Object.assign(f.appProperties, meta.appProperties ?? {});
        if (parts[1]) f.snapshot = await this.convert(f.mimeType, parts[1]);
        return this.send(res, 200, this.view(f, fields));
      }
    }
    // Drive: metadata
    if (path === '/drive/v3/files' && method === 'GET') {
      const q = url.searchParams.get('q') ?? '';
      const props = [...q.matchAll(/appProperties has \{ key='([^']*)' and value='([^']*)' \}/g)];
      const files = [...this.files.values()].filter(
        (f) => !(/trashed = false/.test(q) && f.trashed) && props.every(([, k, v]) => f.appProperties[k] === v),
      );
      return this.send(res, 200, { files: files.map((f) => this.view(f, fields)) });
    }
    m = /^\/drive\/v3\/files\/([^/]+)(\/copy|\/permissions)?$/.exec(path);
    if (m) {
      const f = this.file(m[1]);
      if (!m[2] && method === 'GET') return this.send(res, 200, this.view(f, fields));
      if (!m[2] && method === 'PATCH') {
        const meta = json();
        if (meta.name) f.name = meta.name;
        Object.assign(f.appProperties, meta.appProperties ?? {});
        return this.send(res, 200, this.view(f, fields));
      }
      if (m[2] === '/copy' && method === 'POST') {
        const meta = json();
        const copy: DriveFileRecord = {
          ...f,
          id: this.newId('copy-'),
          name: meta.name ?? `Copy of ${f.name}`,
          // appProperties are the app's own bookkeeping; a copy is not the template
          appProperties: {},
          snapshot: f.snapshot ? cloneSnapshot(f.snapshot) : null,
          permissions: [],
        };
        this.files.set(copy.id, copy);
        for (const p of this.projectsOf(f.id)) {
          const scriptId = this.newId('script-');
          this.projects.set(scriptId, {
            scriptId,
            title: p.title,
            parentId: copy.id,
            files: p.files.map((x) => ({ ...x })),
            updates: 0,
          });
        }
        return this.send(res, 200, this.view(copy, fields));
      }
      if (m[2] === '/permissions' && method === 'POST') {
        const p = json();
        const id = p.type === 'anyone' ? 'anyoneWithLink' : this.newId('perm-');
        f.permissions = [...f.permissions.filter((x) => x.id !== id), { id, type: p.type, role: p.role }];
        return this.send(res, 200, { kind: 'drive#permission', id, type: p.type, role: p.role });
      }
    }
    // Apps Script
    if (path === '/v1/projects' && method === 'POST') {
      const body = json();
      if (body.parentId) this.file(body.parentId);
      const scriptId = this.newId('script-');
      const project: ScriptProject = {
        scriptId,
        title: body.title ?? 'Untitled project',
        parentId: body.parentId ?? null,
        files: [],
        updates: 0,
      };
      this.projects.set(scriptId, project);
      return this.send(res, 200, { scriptId, title: project.title, parentId: project.parentId ?? undefined });
    }
    m = /^\/v1\/projects\/([^/]+)\/content$/.exec(path);
    if (m) {
      const project = this.projects.get(m[1]);
      if (!project) throw new HttpError(404, 'Requested entity was not found.');
      if (method === 'GET') return this.send(res, 200, { scriptId: project.scriptId, files: project.files });
      if (method === 'PUT') {
        const files = (json().files ?? []) as ScriptFile[];
        if (!files.some((f) => f.name === 'appsscript' && f.type === 'JSON'))
          throw new HttpError(400, 'Manifest file is missing or invalid.');
        const bad = files.find((f) => !['SERVER_JS', 'HTML', 'JSON'].includes(f.type));
        if (bad) throw new HttpError(400, `Invalid file type: ${bad.type}.`);
        project.files = files.map((f) => ({ name: f.name, type: f.type, source: f.source }));
        project.updates++;
        return this.send(res, 200, { scriptId: project.scriptId, files: project.files });
      }
    }
    throw new HttpError(404, `No stand-in for ${method} ${path}.`);
  }
}
