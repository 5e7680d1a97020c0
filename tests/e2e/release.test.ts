// The paste-in release (npm run package → release/): exactly the build's bundle and manifest plus the
// Thai guide, the guide naming every file; then the paste path itself — the release's files as a
// clerk pastes them into a new sheet's Apps Script project, run in the fakes: reload, setup, report.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_RUN } from '../../src/core/messages/first-run';
import { MENU } from '../../src/core/messages/menu';
import { REPORT } from '../../src/core/messages/report';
import { SETUP } from '../../src/core/messages/setup';
import { templateSnapshot } from '../../src/core/template';
import { installFakes, uninstallFakes } from '../fakes';
import { loadProject } from '../support/apps-script-project';
import { captureConsole } from '../support/console-capture';
import { visible } from '../support/seed-report';

const root = join(__dirname, '../..');
let release: string;

beforeAll(() => {
  release = mkdtempSync(join(tmpdir(), 'ita-release-'));
  const r = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', release], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
afterEach(() => uninstallFakes());

const file = (name: string) => readFileSync(join(release, name), 'utf8');

describe('npm run package', () => {
  it('writes the bundle, the manifest and the guide, and nothing else', () => {
    expect(readdirSync(release).sort()).toEqual(['Code.gs', 'INSTALL-TH.md', 'appsscript.json']);
  });

  it("the bundle is the build's, byte for byte; the manifest is the project's", () => {
    expect(readFileSync(join(release, 'Code.gs')).equals(readFileSync(join(root, 'dist/Code.js')))).toBe(true);
    expect(JSON.parse(file('appsscript.json'))).toEqual(
      JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')),
    );
  });

  it('the guide names every file in the release and numbers its steps 1, 2, 3, … with what the person sees', () => {
    const guide = file('INSTALL-TH.md');
    for (const name of readdirSync(release)) expect(guide).toContain(`\`${name}\``);
    const steps = [...guide.matchAll(/^## ขั้นที่ (\d+) /gm)].map((m) => Number(m[1]));
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    expect(steps.length).toBeGreaterThanOrEqual(8);
    // every step says what the person sees
    const bodies = guide.split(/^## ขั้นที่ \d+ /m).slice(1);
    expect(bodies.filter((b) => !b.includes('**สิ่งที่เห็น'))).toEqual([]);
    // the menu labels it tells the clerk to click are the ones the code shows
    expect(guide).toContain(`${MENU.title} → ${MENU.items.setup}`);
    expect(guide).toContain(`${MENU.title} → ${FIRST_RUN.menuItem}`);
  });

  it('a new sheet with the release pasted in: reload, setup with the example, a report', () => {
    const fakes = installFakes({ user: 'clerk@pru-yai.go.th' });
    const project = loadProject(fakes, [
      { name: 'Code', type: 'SERVER_JS', source: file('Code.gs') },
      { name: 'appsscript', type: 'JSON', source: file('appsscript.json') },
    ]);
    project.run('onOpen', 'LIMITED');
    expect(fakes.ui.menus[0].title).toBe(MENU.title);
    expect(fakes.ui.menus[0].items[0]).toEqual({ caption: FIRST_RUN.menuItem, functionName: 'menuFirstRun' });

    fakes.ui.respond('YES'); // the example data
    project.run('menuSetup');
    expect(fakes.ui.lastAlert()?.prompt).toContain(SETUP.done);

    project.run('menuGenerateReport');
    const docs = [...fakes.drive.store.files.values()].filter(
      (f) => f.mimeType === 'application/vnd.google-apps.document',
    );
    expect(docs).toHaveLength(1);
    // the words' joiners (U+2060, no line break inside a compound) are invisible in the document
    expect(visible(fakes.docs.documentText(docs[0].id))).toContain('เทศบาลตำบลปรุใหญ่');
    expect([...fakes.drive.store.files.values()].some((f) => f.mimeType === 'application/pdf')).toBe(true);
  });

  it("setup from the release writes the template's tabs cell for cell (the bundle carries them packed)", () => {
    const fakes = installFakes({ user: 'clerk@pru-yai.go.th' });
    const project = loadProject(fakes, [
      { name: 'Code', type: 'SERVER_JS', source: file('Code.gs') },
      { name: 'appsscript', type: 'JSON', source: file('appsscript.json') },
    ]);
    fakes.ui.respond('YES'); // the example data
    project.run('menuSetup');
    // jest reads sheets-template/ as plain text: the same cells, Thai and multi-line texts included (tabs
    // without dates: a sheet hands back a date as its instant, the snapshot as wall clock)
    const template = templateSnapshot({ example: true }).tabs;
    for (const tab of ['มาตรการ', 'หน่วยงาน']) {
      const values = fakes.spreadsheet.getSheetByName(tab)!.getDataRange().getValues();
      expect([tab, values.slice(0, template[tab].length)]).toEqual([
        tab,
        template[tab].map((r) => r.map((c) => c ?? '')),
      ]);
    }
    expect(JSON.stringify(template.มาตรการ)).toContain('เผยแพร่ประชาสัมพันธ์แนวทางในการขับเคลื่อน');
  });

  it('without the manifest pasted (no Drive advanced service), the report says so in Thai instead of failing', () => {
    const fakes = installFakes({ user: 'clerk@pru-yai.go.th' });
    const manifest = JSON.parse(file('appsscript.json'));
    delete manifest.dependencies;
    const project = loadProject(fakes, [
      { name: 'Code', type: 'SERVER_JS', source: file('Code.gs') },
      { name: 'appsscript', type: 'JSON', source: JSON.stringify(manifest) },
    ]);
    fakes.ui.respond('YES');
    project.run('menuSetup');
    const { logged } = captureConsole('error', () => project.run('menuGenerateReport'));
    expect(fakes.ui.alerts.map((a) => a.prompt).join('\n')).toMatch(/Drive/);
    // the bundle's execution log names the missing services, as the alert does
    expect(logged).toEqual([`Error: ${REPORT.servicesMissing}`]);
  });
});
