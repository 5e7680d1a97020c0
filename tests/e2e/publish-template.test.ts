// The make-a-copy path end to end, against local stand-ins of Drive, Apps Script and Google's token
// endpoint (tests/support/fake-drive-script-api.ts) and the Apps Script fakes:
// publish (twice: the same template is updated) → a clerk's "Make a copy" → the copy's first open →
// setup from the first-run sidebar → a report. Nothing the copy runs on comes from anywhere but the copy.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FIRST_RUN } from '../../src/core/messages/first-run';
import { MENU } from '../../src/core/messages/menu';
import { PUBLISH } from '../../src/core/messages/publish';
import { SETUP } from '../../src/core/messages/setup';
import { TAB } from '../../src/core/messages/tabs-headers';
import { templateSnapshot } from '../../src/core/template';
import { copyUrlOf, publishTemplate, TEMPLATE_APP_PROPERTY } from '../../src/node/google/publish-template';
import { workbookOf } from '../../src/node/xlsx-store';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { loadProject } from '../support/apps-script-project';
import { FakeDriveScriptApi } from '../support/fake-drive-script-api';
import { visible } from '../support/seed-report';

const root = join(__dirname, '../..');
const bundle = readFileSync(join(root, 'dist/Code.js'), 'utf8');
const manifest = readFileSync(join(root, 'dist/appsscript.json'), 'utf8');

let api: FakeDriveScriptApi;
let credentialsFile: string;
let workbook: Uint8Array;

beforeAll(async () => {
  api = await FakeDriveScriptApi.start();
  const dir = mkdtempSync(join(tmpdir(), 'ita-publish-'));
  credentialsFile = join(dir, '.clasprc.json');
  // clasp 3's layout: { tokens: { default: an authorized_user credential } }
  writeFileSync(
    credentialsFile,
    JSON.stringify({ tokens: { default: { ...api.registerLogin(), access_token: 'expired' } } }),
  );
  workbook = new Uint8Array((await workbookOf(templateSnapshot({ example: true })).xlsx.writeBuffer()) as ArrayBuffer);
});
afterAll(() => api.close());
afterEach(() => uninstallFakes());

const publish = (lines: string[] = []) =>
  publishTemplate({
    workbook,
    bundle,
    manifest,
    credentialsFile,
    endpoints: { apiRoot: api.rootUrl, tokenUrl: api.tokenUrl },
    fetch,
    log: (l) => lines.push(l),
  });

/** A clerk's "Make a copy" on the /copy page: Drive's files.copy under the clerk's own login. */
async function makeACopy(fileId: string): Promise<string> {
  const clerk = api.registerLogin();
  const token = await fetch(api.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', ...clerk }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const copy = await fetch(`${api.rootUrl}drive/v3/files/${fileId}/copy`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ติดตามมาตรการ ITA ของเรา' }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  return copy.id;
}

describe('npm run publish-template against the Drive and Apps Script stand-ins', () => {
  let first: Awaited<ReturnType<typeof publish>>;

  it('creates the template sheet with the example data, binds the tracker to it, shares it, prints the /copy link', async () => {
    const lines: string[] = [];
    first = await publish(lines);
    expect(first.createdSheet).toBe(true);
    expect(first.copyUrl).toBe(`https://docs.google.com/spreadsheets/d/${first.spreadsheetId}/copy`);
    expect(lines.at(-1)).toContain(first.copyUrl);

    const sheet = api.files.get(first.spreadsheetId)!;
    expect(sheet.mimeType).toBe('application/vnd.google-apps.spreadsheet');
    expect(sheet.appProperties[TEMPLATE_APP_PROPERTY]).toBe('1');
    expect(sheet.snapshot?.tabs[TAB.settings]?.find((r) => r[0] === 'agencyName')?.[2]).toBe('เทศบาลตำบลปรุใหญ่');
    // the template carries no report folder: a copy makes its own
    expect(sheet.snapshot?.tabs[TAB.settings]?.find((r) => r[0] === 'reportFolderId')?.[2] ?? null).toBeNull();
    expect(sheet.permissions).toEqual([{ id: 'anyoneWithLink', type: 'anyone', role: 'reader' }]);

    const [project] = api.projectsOf(first.spreadsheetId);
    expect(project.scriptId).toBe(first.scriptId);
    expect(project.files).toEqual([
      { name: 'appsscript', type: 'JSON', source: manifest },
      { name: 'Code', type: 'SERVER_JS', source: bundle },
    ]);
  });

  it('a second run updates the same sheet and the same bound script', async () => {
    const again = await publish();
    expect(again).toEqual({ ...first, createdSheet: false, createdScript: false });
    expect(api.projectsOf(first.spreadsheetId)).toHaveLength(1);
    expect(api.projects.get(first.scriptId)?.updates).toBe(2);
    expect([...api.files.values()]).toHaveLength(1);
  });

  it('the built command (npm run publish-template) prints the same /copy link', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [join(root, 'build/publish-template.js'), '--credentials', credentialsFile, '--dist', join(root, 'dist')],
      { env: { ...process.env, ITA_GOOGLE_API_ROOT: api.rootUrl, ITA_GOOGLE_TOKEN_URL: api.tokenUrl } },
    );
    expect(stdout).toContain(PUBLISH.updated(first.spreadsheetId));
    expect(stdout.trim().split('\n').at(-1)).toBe(PUBLISH.copyLink(first.copyUrl));
    expect(api.projectsOf(first.spreadsheetId)).toHaveLength(1);
  });

  it('refuses a login clasp did not store, in Thai, before calling anything', async () => {
    const before = api.calls.length;
    await expect(
      publishTemplate({ workbook, bundle, manifest, credentialsFile: join(tmpdir(), 'nope.json') }),
    ).rejects.toThrow(/clasp login/);
    expect(api.calls.length).toBe(before);
  });

  it('a copy: first open, setup from the first-run sidebar, a report', async () => {
    const copyId = await makeACopy(first.spreadsheetId);
    expect(copyUrlOf(copyId)).toContain(copyId);
    const [copiedScript] = api.projectsOf(copyId);
    expect(copiedScript.scriptId).not.toBe(first.scriptId);

    // the copy as Apps Script runs it: its own tabs, its own script; no properties, triggers or files
    const fakes = installFakes({ user: 'clerk@pru-yai.go.th', spreadsheetId: copyId });
    seedSpreadsheet(api.files.get(copyId)!.snapshot!);
    const project = loadProject(fakes, copiedScript.files);

    // first open: the bound script's onOpen in LIMITED; the guide comes first
    project.run('onOpen', 'LIMITED');
    expect(fakes.ui.menus[0].title).toBe(MENU.title);
    expect(fakes.ui.menus[0].items[0]).toEqual({ caption: FIRST_RUN.menuItem, functionName: 'menuFirstRun' });

    project.run('menuFirstRun');
    const opened = fakes.ui.lastDialog()!;
    expect(opened.kind).toBe('sidebar');
    expect(opened.html.match(/class="step open"/g)).toHaveLength(5);

    // the sidebar's first button (google.script.run.firstRunStep('setup')); the example is there already
    project.run('firstRunStep', 'FULL', 'setup');
    expect(fakes.ui.alerts.map((a) => a.prompt).join('\n')).toContain(SETUP.done);
    expect(fakes.ui.alerts.some((a) => a.prompt === SETUP.askExample)).toBe(false);
    // and the report owner's queue trigger (issue 11: other admins' reports run as the folder's owner)
    expect(fakes.triggers.list().map((t) => t.handler)).toEqual(['dailyReminders', 'processReportQueue']);

    project.run('firstRunStep', 'FULL', 'report');
    const docs = [...fakes.drive.store.files.values()].filter(
      (f) => f.mimeType === 'application/vnd.google-apps.document',
    );
    expect(docs).toHaveLength(1);
    // the words' joiners (U+2060, no line break inside a compound) are invisible in the document
    expect(visible(fakes.docs.documentText(docs[0].id))).toContain('เทศบาลตำบลปรุใหญ่');

    const after = fakes.ui.lastDialog()!;
    expect(after.kind).toBe('sidebar');
    // setup, report and reminders done; the people still the example's
    expect([...after.html.matchAll(/class="step (done|open)"/g)].map((m) => m[1])).toEqual([
      'done',
      'open',
      'open',
      'done',
      'done',
    ]);
    // to look at in a browser: ITA_SIDEBAR_HTML=/tmp/sidebar.html (and /tmp/sidebar-first.html)
    const out = process.env.ITA_SIDEBAR_HTML;
    if (out) {
      writeFileSync(out.replace(/\.html$/, '-first.html'), opened.html);
      writeFileSync(out, after.html);
    }
  });
});
