// The public page (หน้าเผยแพร่): the agency's name and every published document in the register,
// grouped by fiscal year, newest first — the one link an agency puts on its website. Served by the
// Apps Script web app (doGet, from a stored copy) and written offline by `ita-tracker index`.
// Only public things are shown: the agency, the documents' titles, dates and public links (published
// page and PDF). No e-mail, no editing link, no warnings, no who-generated; every value is escaped and
// a link that is not http(s) is left out.

import { parseApprovalStatus, parseRound, parseYear } from './cell-values';
import { cellDateTime, cellText, escapeHtml, isHttpUrl, nameText } from './cells';
import { WordKeeper } from './document-words';
import { htmlPage, THAI_FONT_STACK } from './html';
import { DOC_KIND } from './messages/plan';
import { PUBLIC_PAGE } from './messages/year-cycle';
import type { ApprovalStatus } from './model';
import { REPORTS_TAB, SETTINGS_TAB } from './schema';
import { parseSettings } from './settings-tab';
import type { TableRow } from './table';
import { formatThaiDate, type Numerals, numerals } from './thai';
import { readTable, type WorkbookSnapshot } from './workbook';

export interface PublicDocument {
  fiscalYear: number;
  /** 6 or 12 for a round's report; null for a document of the whole year (the measures plan) */
  round: 6 | 12 | null;
  title: string;
  publishedUrl: string;
  pdfUrl: string;
  /** ISO date it was last generated, '' when unknown */
  date: string;
}

export interface PublicPageData {
  agencyName: string;
  place: string;
  numerals: Numerals;
  documents: PublicDocument[];
}

/**
 * How a page links a file the CLI wrote (a file: URL in the register offline): `ita-tracker index` links
 * it relative to the page, so the folder can be copied to a website as it is. Absent: such links are left out.
 */
export type LocalLink = (fileUrl: string) => string;

const publicUrl = (s: string, local?: LocalLink): string => {
  const t = s.trim();
  if (isHttpUrl(t)) return t;
  return local && /^file:\/\//i.test(t) ? local(t) : '';
};

/** One register row as the page reads it: what the document is, where it is public, whether it was published. */
export interface RegisterEntry extends PublicDocument {
  status: ApprovalStatus | '';
  /** "YYYY-MM-DD HH:mm" it was generated ('' unknown): of two rows for one document the later wins */
  generatedAt: string;
  /** the register's data row (2 = the first), so the later of two equal rows wins */
  row: number;
}

/**
 * A register row read for the page, or null when it cannot name a document: a year that is no year
 * (parseYear: Thai digits, พ.ศ., a CE year converted), a report without round 6 or 12, a kind the
 * tracker does not write, or no http(s) link at all. A row without a kind (older than the plan) is a
 * report when it has a round, else the plan.
 */
export function readRegisterEntry(r: TableRow, style: Numerals, local?: LocalLink): RegisterEntry | null {
  const year = parseYear(r.cells.fiscalYear);
  const kindText = nameText(r.cells.docKind);
  const roundRead = parseRound(r.cells.round);
  const kind =
    kindText === DOC_KIND.plan
      ? 'plan'
      : kindText === DOC_KIND.report
        ? 'report'
        : kindText
          ? null
          : roundRead
            ? 'report'
            : 'plan';
  const publishedUrl = publicUrl(cellText(r.cells.publishedUrl), local);
  const pdfUrl = publicUrl(cellText(r.cells.pdfUrl), local);
  if (!year || !kind || (kind === 'report' && !roundRead) || (!publishedUrl && !pdfUrl)) return null;
  const round = kind === 'plan' ? null : roundRead;
  return {
    fiscalYear: year.be,
    round,
    title: round ? PUBLIC_PAGE.report(numerals(round, style)) : PUBLIC_PAGE.plan,
    publishedUrl,
    pdfUrl,
    date: cellDateTime(r.cells.generatedAt).slice(0, 10),
    generatedAt: cellDateTime(r.cells.generatedAt),
    status: parseApprovalStatus(r.cells.approvalStatus),
    row: r.row,
  };
}

/**
 * Is the document public? Marked เผยแพร่แล้ว, always. A row with no status is older than the approval
 * flow: it was published when generated, which is so only while publishing does not wait for
 * approval. With the gate on, a draft, a proposed and an approved-but-not-yet-published document are
 * not public (nor their PDFs), and neither is a row nobody marked.
 */
export const isPublic = (e: Pick<RegisterEntry, 'status'>, publishAfterApproval: boolean): boolean =>
  e.status === 'published' || (e.status === '' && !publishAfterApproval);

/**
 * The documents the page lists: the public ones, one per (kind, fiscal year, round) — of several rows
 * for one document the one generated last (then the lower row) — newest year first and in a year the
 * plan, then round 6, then round 12.
 */
export function listedDocuments(entries: readonly RegisterEntry[], publishAfterApproval: boolean): PublicDocument[] {
  const best = new Map<string, RegisterEntry>();
  for (const e of entries) {
    if (!isPublic(e, publishAfterApproval)) continue;
    const key = `${e.fiscalYear}|${e.round ?? 'plan'}`;
    const held = best.get(key);
    if (!held || e.generatedAt > held.generatedAt || (e.generatedAt === held.generatedAt && e.row > held.row))
      best.set(key, e);
  }
  const order = (d: PublicDocument) => d.round ?? 0;
  return [...best.values()]
    .sort((a, b) => b.fiscalYear - a.fiscalYear || order(a) - order(b))
    .map(({ status: _s, row: _r, generatedAt: _g, ...doc }) => doc);
}

/** The register's published documents, read by header (a column another feature adds is ignored). */
export function publicPageData(snapshot: WorkbookSnapshot, local?: LocalLink): PublicPageData {
  const settings = parseSettings(readTable(snapshot, SETTINGS_TAB));
  const register = readTable(snapshot, REPORTS_TAB);
  const style = settings.numerals;
  const entries = register.rows
    .map((r) => readRegisterEntry(r, style, local))
    .filter((e): e is RegisterEntry => e !== null);
  return {
    ...titleSettings(settings),
    documents: listedDocuments(entries, settings.publishAfterApproval),
  };
}

/** A new tab: the web app runs in Apps Script's sandboxed frame, where Google Docs will not open in place. */
const link = (url: string, label: string): string =>
  url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(label)}</a>` : '';

/** The page's look, shared by the page and its not-ready form. */
const PAGE_STYLE = `
body { font-family: ${THAI_FONT_STACK}; font-size: 18px; line-height: 1.5; margin: 0 auto; max-width: 760px; padding: 16px; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid #5b2c83; margin-bottom: 16px; padding-bottom: 8px; }
header h1 { font-size: 1.5em; margin: 0; }
header p { margin: 2px 0; color: #444; }
h2 { font-size: 1.2em; margin: 24px 0 8px; color: #5b2c83; }
ul { list-style: none; margin: 0; padding: 0; }
li { border: 1px solid #ddd; border-radius: 8px; padding: 10px 12px; margin: 0 0 10px; }
.doc { display: block; font-weight: bold; }
.nb { white-space: nowrap; }
.date { display: block; font-size: 0.85em; color: #555; }
.links { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.links a { display: inline-block; padding: 6px 14px; border-radius: 6px; background: #5b2c83; color: #fff; text-decoration: none; }
.links a + a { background: #fff; color: #5b2c83; border: 1px solid #5b2c83; }
.none { color: #555; }
.notice { background: #f4eff8; border-left: 4px solid #5b2c83; border-radius: 6px; padding: 10px 12px; font-weight: bold; }
.soon li { color: #333; }
`;

/** The page's title (the browser tab): the agency's, or a plain one when the settings name none. */
export const publicPageTitle = (agencyName: string): string =>
  PUBLIC_PAGE.title(agencyName.trim() || PUBLIC_PAGE.noAgency);

/**
 * Running text whose known compounds never break across lines (a no-break span each): the heading's
 * "หน่วย | งาน (ITA)" broke at 390 px.
 */
const keptHtml = (text: string): string =>
  new WordKeeper([])
    .runs(text)
    .map((r) => (r.noBreak ? `<span class="nb">${escapeHtml(r.text)}</span>` : escapeHtml(r.text)))
    .join('');

/** The title block: the agency's name (or a plain heading when the settings have none), its place, ITA. */
const header = (agencyName: string, place: string): string => `
<header>
<h1>${escapeHtml(agencyName.trim() || PUBLIC_PAGE.noAgency)}</h1>
${place ? `<p>${escapeHtml(place)}</p>` : ''}
<p>${keptHtml(PUBLIC_PAGE.heading)}</p>
</header>`;

export function renderPublicPage(data: PublicPageData): string {
  const n = (x: number) => numerals(x, data.numerals);
  const years = [...new Set(data.documents.map((d) => d.fiscalYear))];
  const sections = years
    .map((fy) => {
      const items = data.documents
        .filter((d) => d.fiscalYear === fy)
        .map((d) => {
          const links = [link(d.publishedUrl, PUBLIC_PAGE.open), link(d.pdfUrl, PUBLIC_PAGE.pdf)].filter(Boolean);
          const date = /^\d{4}-\d{2}-\d{2}$/.test(d.date)
            ? `<span class="date">${escapeHtml(PUBLIC_PAGE.updated(formatThaiDate(d.date, data.numerals)))}</span>`
            : '';
          return `<li><span class="doc">${escapeHtml(d.title)}</span>${date}<span class="links">${links.join(' ')}</span></li>`;
        })
        .join('\n');
      return `<section>\n<h2>${escapeHtml(PUBLIC_PAGE.fiscalYear(n(fy)))}</h2>\n<ul>\n${items}\n</ul>\n</section>`;
    })
    .join('\n');
  return htmlPage({
    title: PUBLIC_PAGE.title(data.agencyName),
    style: PAGE_STYLE,
    body: `
${header(data.agencyName, data.place)}
<main>
<p>${keptHtml(PUBLIC_PAGE.intro)}</p>
${sections || `<p class="none">${escapeHtml(PUBLIC_PAGE.none)}</p>`}
</main>
`,
  });
}

/**
 * The web app's page before anything is published (doGet with no stored page): the agency's name from
 * its settings, that nothing is published yet, and what will appear here and when; in the page's look.
 */
export function renderNotReadyPage(settings: NotReadySettings): string {
  const n = (x: number) => numerals(x, settings.numerals);
  const soon = [PUBLIC_PAGE.plan, PUBLIC_PAGE.report(n(6)), PUBLIC_PAGE.report(n(12))]
    .map((t) => `<li><span class="doc">${escapeHtml(t)}</span></li>`)
    .join('\n');
  return htmlPage({
    title: publicPageTitle(settings.agencyName),
    style: PAGE_STYLE,
    body: `
${header(settings.agencyName, settings.place)}
<main>
<p class="notice">${escapeHtml(PUBLIC_PAGE.notReady)}</p>
<h2>${escapeHtml(PUBLIC_PAGE.notReadyWhat)}</h2>
<ul class="soon">
${soon}
</ul>
<p>${escapeHtml(PUBLIC_PAGE.notReadyLinks)}</p>
<p>${escapeHtml(PUBLIC_PAGE.notReadyWhen)}</p>
</main>
`,
  });
}

/** What the page's title block needs from the settings: the agency, its place, the numerals. */
export type NotReadySettings = Pick<PublicPageData, 'agencyName' | 'place' | 'numerals'>;

/** The title block's settings, from the settings tab as read (all the not-ready page reads). */
export const notReadySettings = (snapshot: WorkbookSnapshot): NotReadySettings =>
  titleSettings(parseSettings(readTable(snapshot, SETTINGS_TAB)));

function titleSettings(settings: ReturnType<typeof parseSettings>): NotReadySettings {
  return {
    agencyName: settings.agencyName,
    place: [settings.district, settings.province].filter((p) => p.trim() !== '').join(' '),
    numerals: settings.numerals,
  };
}

/** The page from a workbook's values (its settings and register tabs are all it reads). */
export const publicPageHtml = (snapshot: WorkbookSnapshot, local?: LocalLink): string =>
  renderPublicPage(publicPageData(snapshot, local));

/** The tabs the page is built from: Apps Script reads only these when it refreshes the stored page. */
export const PUBLIC_PAGE_TABS = [SETTINGS_TAB, REPORTS_TAB] as const;
