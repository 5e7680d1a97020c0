// The public page's link (issue #22, reproduction 4). ScriptApp.getService().getUrl() "returns the URL of
// the web app, if it has been deployed; otherwise returns null. If you are running the development mode
// web app, this returns the development mode url" (developers.google.com/apps-script/reference/script/
// service#getUrl()). The development URL ends in /dev and opens only for the script's editors; the
// assessor and the public need the deployment's /exec URL. So the tracker records and shows /exec only.

import { TAB } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE } from '../../src/core/messages/year-cycle';
import { PUBLIC_URL_PROPERTY } from '../../src/gas/dashboard';
import { menuRefreshPublicPage } from '../../src/gas/public-page';
import { setupSpreadsheet } from '../../src/gas/setup';
import { installFakes, uninstallFakes } from '../fakes';

const DEV = 'https://script.google.com/macros/s/AKfycbxSCRIPT0123456789/dev';
const EXEC = 'https://script.google.com/macros/s/AKfycbyDEPLOYMENT0123456789/exec';
afterEach(() => uninstallFakes());

function tracker(webAppUrl: string | null) {
  const f = installFakes({ user: 'prooyai.ita@gmail.com', webAppUrl });
  setupSpreadsheet(f.spreadsheet, { example: true, now: new Date(Date.UTC(2023, 2, 20, 9, 0)) });
  return f;
}

test('a development-mode URL (/dev) is never recorded nor shown as the public link', () => {
  const fakes = tracker(DEV);
  menuRefreshPublicPage();
  const prompt = fakes.ui.lastAlert()?.prompt ?? '';
  expect(prompt).not.toContain(DEV);
  expect(prompt).toContain(PUBLIC_PAGE.devUrlOnly);
  expect(fakes.properties.document.get(PUBLIC_URL_PROPERTY) ?? '').toBe('');
  expect((fakes.sheets.values(TAB.dashboard) ?? []).flat()).not.toContain(DEV);
});

test('the deployment URL (/exec) is recorded and shown', () => {
  const fakes = tracker(EXEC);
  menuRefreshPublicPage();
  expect(fakes.ui.lastAlert()?.prompt).toBe(PUBLIC_PAGE.menuDone(EXEC));
  expect(fakes.properties.document.get(PUBLIC_URL_PROPERTY)).toBe(EXEC);
});
