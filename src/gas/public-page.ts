// The public page as an Apps Script web app: doGet serves a stored copy, so a visit reads no sheet.
// The copy is the HTML core builds (src/core/public-page.ts) from the settings and the register, stored
// in script properties (a value holds at most 9 KB, so the page is kept in chunks) whenever a report is
// published and from the menu "ปรับปรุงหน้าเผยแพร่". Script properties, not document properties: a web
// app has no document to hang them on. A visit costs 5 service calls (PropertiesService.getScriptProperties,
// Properties.getProperties, HtmlService.createHtmlOutput, HtmlOutput.setTitle, HtmlOutput.addMetaTag;
// tests/gas/year-cycle.test.ts and the bench count them); before anything is published, the not-ready page
// reads the settings tab once for the agency's name. No scope beyond the project's: properties and
// HtmlService need none; the deployment is "execute as me, anyone" (appsscript.json "webapp").

import type { Cell } from '../core/cells';
import { PUBLIC_PAGE } from '../core/messages/year-cycle';
import {
  notReadySettings,
  PUBLIC_PAGE_TABS,
  publicPageData,
  publicPageTitle,
  renderNotReadyPage,
  renderPublicPage,
} from '../core/public-page';
import { SETTINGS_TAB } from '../core/schema';
import type { WorkbookSnapshot } from '../core/workbook';
import { activeSpreadsheet, showAlert } from './context';
import { PUBLIC_URL_PROPERTY, refreshDashboard } from './dashboard';
import { readTab, TEXT_ONLY, zoneOffsetMs } from './sheetio';

const PAGE_PREFIX = 'ita.publicPage.';
const PAGE_COUNT = `${PAGE_PREFIX}count`;
const PAGE_TITLE = `${PAGE_PREFIX}title`;
/** Thai is 3 bytes a character in UTF-8: 2,800 characters stay under the 9 KB a property value may hold. */
const CHUNK_CHARS = 2800;

/** The page as properties: its chunks, how many, and its title. */
export function pageProperties(html: string, title: string): Record<string, string> {
  const out: Record<string, string> = { [PAGE_COUNT]: '0', [PAGE_TITLE]: title };
  let i = 0;
  for (let at = 0; at < html.length; at += CHUNK_CHARS, i++)
    out[`${PAGE_PREFIX}${i}`] = html.slice(at, at + CHUNK_CHARS);
  out[PAGE_COUNT] = String(i);
  return out;
}

function storedPage(props: Record<string, string>): { html: string; title: string } | null {
  const count = Number(props[PAGE_COUNT]);
  if (!Number.isInteger(count) || count <= 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = props[`${PAGE_PREFIX}${i}`];
    if (part === undefined) return null;
    parts.push(part);
  }
  return { html: parts.join(''), title: props[PAGE_TITLE] ?? '' };
}

/** Builds the page from the tabs already read (settings and register) and stores it: 2 service calls. */
export function storePublicPage(
  snapshot: WorkbookSnapshot,
  props: GoogleAppsScript.Properties.Properties = PropertiesService.getScriptProperties(),
): void {
  const data = publicPageData(snapshot);
  props.setProperties(pageProperties(renderPublicPage(data), PUBLIC_PAGE.title(data.agencyName)));
}

/**
 * The web app's entry: the stored page (no sheet read), or, before anything is published, the Thai
 * not-ready page with the agency's name: the settings tab read in one batch (a tab that cannot be
 * read leaves the name out; a visit never fails).
 */
export function doGet(): GoogleAppsScript.HTML.HtmlOutput {
  const page = storedPage(PropertiesService.getScriptProperties().getProperties()) ?? notReadyPage();
  return HtmlService.createHtmlOutput(page.html)
    .setTitle(page.title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

function notReadyPage(): { html: string; title: string } {
  let settings = notReadySettings({ tabs: {} });
  try {
    const t = readTab(activeSpreadsheet(), SETTINGS_TAB, TEXT_ONLY);
    if (t) settings = notReadySettings({ tabs: { [SETTINGS_TAB.name]: t.values } });
  } catch {
    // no spreadsheet to read (an add-on's deployment, a deleted tab): the page without the name
  }
  return { html: renderNotReadyPage(settings), title: publicPageTitle(settings.agencyName) };
}

/**
 * The deployed web app's URL ('/exec'), or '' with the reason. Service.getUrl() "returns the URL of the web
 * app, if it has been deployed; otherwise returns null. If you are running the development mode web app,
 * this returns the development mode url" (developers.google.com/apps-script/reference/script/service):
 * that '/dev' URL opens only for the script's editors, so it is never recorded as the public link.
 */
export function deployedWebAppUrl(): { url: string; dev: boolean } {
  let url = '';
  try {
    url = ScriptApp.getService().getUrl() ?? '';
  } catch {
    return { url: '', dev: false };
  }
  const path = url.split(/[?#]/)[0];
  if (/\/exec$/.test(path)) return { url, dev: false };
  return { url: '', dev: url !== '' };
}

/**
 * Menu "ปรับปรุงหน้าเผยแพร่": rebuilds the stored page from the settings and the register (two tabs),
 * records the web app's URL for the dashboard, refreshes the dashboard and shows the URL.
 */
export function menuRefreshPublicPage(): void {
  const ss = activeSpreadsheet();
  const tabs: Record<string, Cell[][]> = {};
  // the register's dates on the sheet's wall clock: a document generated just after local midnight is of that day
  const offset = zoneOffsetMs(ss);
  for (const spec of PUBLIC_PAGE_TABS) {
    const t = readTab(ss, spec, offset);
    if (t) tabs[spec.name] = t.values;
  }
  storePublicPage({ tabs });
  const { url, dev } = deployedWebAppUrl();
  PropertiesService.getDocumentProperties().setProperty(PUBLIC_URL_PROPERTY, url);
  refreshDashboard();
  showAlert(
    url
      ? PUBLIC_PAGE.menuDone(url)
      : `${PUBLIC_PAGE.menuDone('')}\n${dev ? PUBLIC_PAGE.devUrlOnly : PUBLIC_PAGE.notDeployed}`,
  );
}
