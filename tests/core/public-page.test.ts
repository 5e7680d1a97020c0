// The public page lists exactly the published documents (issue 26, class 4): the approval gate,
// one entry per (kind, fiscal year, round), and years read in every form the tracker accepts.

import { parseYear } from '../../src/core/cell-values';
import type { Cell } from '../../src/core/cells';
import { APPROVAL_STATUS, DOC_KIND, YES_NO } from '../../src/core/messages/plan';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE } from '../../src/core/messages/year-cycle';
import { publicPageData, publicPageHtml } from '../../src/core/public-page';
import { REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';

interface RegisterRow {
  fy: Cell;
  round?: Cell;
  kind?: string;
  status?: string;
  published?: string;
  pdf?: string;
  at?: Date;
}

const pub = (id: string) => `https://docs.google.com/document/d/${id}/pub`;
const pdfOf = (id: string) => `https://drive.google.com/file/d/${id}/view`;

/** The seed with its register replaced (columns by header, so the test follows the schema). */
function workbook(rows: RegisterRow[], gate = false): WorkbookSnapshot {
  const s = templateSnapshot({ example: true });
  const header = REPORTS_TAB.columns.map((c) => c.header);
  const at = (key: string) => header.indexOf(REPORTS_TAB.columns.find((c) => c.key === key)!.header);
  s.tabs[REPORTS_TAB.name] = [
    header,
    ...rows.map((r) => {
      const out: Cell[] = header.map(() => null);
      out[at('fiscalYear')] = r.fy;
      out[at('round')] = r.round ?? null;
      out[at('docKind')] = r.kind ?? null;
      out[at('approvalStatus')] = r.status ?? null;
      out[at('publishedUrl')] = r.published ?? '';
      out[at('pdfUrl')] = r.pdf ?? '';
      out[at('generatedAt')] = r.at ?? new Date(Date.UTC(2023, 3, 20, 10, 0));
      return out;
    }),
  ];
  const gateRow = s.tabs[SETTINGS_TAB.name].find((r) => r[0] === 'publishAfterApproval');
  if (gateRow) gateRow[2] = gate ? YES_NO.yes : YES_NO.no;
  else s.tabs[SETTINGS_TAB.name].push(['publishAfterApproval', '', gate ? YES_NO.yes : YES_NO.no]);
  return s;
}

const listed = (s: WorkbookSnapshot) =>
  publicPageData(s).documents.map((d) => [d.fiscalYear, d.round, d.publishedUrl, d.pdfUrl]);

describe('the approval gate', () => {
  const rows: RegisterRow[] = [
    { fy: 2566, round: 6, kind: DOC_KIND.report, status: APPROVAL_STATUS.draft, published: pub('d'), pdf: pdfOf('d') },
    {
      fy: 2566,
      round: 12,
      kind: DOC_KIND.report,
      status: APPROVAL_STATUS.proposed,
      published: pub('p'),
      pdf: pdfOf('p'),
    },
    { fy: 2566, kind: DOC_KIND.plan, status: APPROVAL_STATUS.approved, published: pub('a'), pdf: pdfOf('a') },
    {
      fy: 2565,
      round: 12,
      kind: DOC_KIND.report,
      status: APPROVAL_STATUS.published,
      published: pub('ok'),
      pdf: pdfOf('ok'),
    },
    { fy: 2565, round: 6, published: pub('old'), pdf: pdfOf('old') }, // a row older than the approval columns
  ];

  test('publishing after approval: only the documents marked published are listed, with their PDFs', () => {
    const s = workbook(rows, true);
    expect(listed(s)).toEqual([[2565, 12, pub('ok'), pdfOf('ok')]]);
    const html = publicPageHtml(s);
    for (const id of ['d', 'p', 'a', 'old']) {
      expect(html).not.toContain(pub(id));
      expect(html).not.toContain(pdfOf(id));
    }
  });

  test('publishing at generation: published rows and rows older than the approval flow; drafts still not', () => {
    expect(listed(workbook(rows, false))).toEqual([
      [2565, 6, pub('old'), pdfOf('old')],
      [2565, 12, pub('ok'), pdfOf('ok')],
    ]);
  });

  test('a plan row is told by its kind, not by a blank round', () => {
    const data = publicPageData(
      workbook([
        { fy: 2566, round: 6, kind: DOC_KIND.plan, status: APPROVAL_STATUS.published, published: pub('plan') },
      ]),
    );
    expect(data.documents.map((d) => [d.round, d.title])).toEqual([[null, PUBLIC_PAGE.plan]]);
  });
});

describe('years as people type them', () => {
  test('Thai digits, พ.ศ., and a CE year are one fiscal year each', () => {
    const s = workbook([
      { fy: '๒๕๖๕', round: 6, published: pub('thai') },
      { fy: 2022, round: 12, published: pub('ce') }, // CE 2022 = BE 2565
      { fy: 'พ.ศ. 2564', round: 6, published: pub('be-word') },
      { fy: 'ปีงบ 66', round: 6, published: pub('junk') }, // not a year: not guessed
    ]);
    expect(listed(s).map(([fy, round]) => [fy, round])).toEqual([
      [2565, 6],
      [2565, 12],
      [2564, 6],
    ]);
    const html = publicPageHtml(s);
    expect(html).toContain(PUBLIC_PAGE.fiscalYear('๒๕๖๕'));
    expect(html).not.toContain('๒๐๒๒');
    expect(html).not.toContain(pub('junk'));
    // one heading for 2565, though it was typed two ways
    expect(html.split(PUBLIC_PAGE.fiscalYear('๒๕๖๕')).length - 1).toBe(1);
  });

  test('parseYear: the one year reader', () => {
    expect(parseYear(2566)).toEqual({ be: 2566, era: 'be' });
    expect(parseYear('๒๕๖๖')).toEqual({ be: 2566, era: 'be' });
    expect(parseYear(' พ.ศ.๒๕๖๖ ')).toEqual({ be: 2566, era: 'be' });
    expect(parseYear(2023)).toEqual({ be: 2566, era: 'ce' });
    expect(parseYear('ค.ศ. 2023')).toEqual({ be: 2566, era: 'ce' });
    for (const bad of ['', '66', '2566.5', 2566.5, 'abc', '1800', 3100, 'พ.ศ. 2023', 'ค.ศ. 2566'])
      expect(parseYear(bad)).toBeNull();
  });
});

describe('one entry per document', () => {
  test('rows out of order and twice for one (year, round): one each, the latest generated, in order', () => {
    const s = workbook([
      { fy: 2566, round: 12, published: pub('12') },
      { fy: 2566, round: 6, published: pub('6-new'), at: new Date(Date.UTC(2023, 4, 2)) },
      { fy: 2567, kind: DOC_KIND.plan, published: pub('plan67') },
      { fy: 2566, round: 6, published: pub('6-old'), at: new Date(Date.UTC(2023, 3, 1)) },
      { fy: '2566', round: '๖', published: pub('6-older'), at: new Date(Date.UTC(2023, 2, 1)) },
      { fy: 2566, kind: DOC_KIND.plan, published: pub('plan66') },
    ]);
    expect(listed(s).map(([fy, round, url]) => [fy, round, url])).toEqual([
      [2567, null, pub('plan67')],
      [2566, null, pub('plan66')],
      [2566, 6, pub('6-new')],
      [2566, 12, pub('12')],
    ]);
    const html = publicPageHtml(s);
    expect(html).not.toContain(pub('6-old'));
    expect(html.split(PUBLIC_PAGE.report('๖')).length - 1).toBe(1);
  });

  test('the register header the test builds is the schema header (a renamed header would hide every row)', () => {
    expect(REPORTS_TAB.columns.find((c) => c.key === 'approvalStatus')!.header).toBe(HEADER.approvalStatus);
  });
});

describe('the page on a phone', () => {
  test('the heading and intro keep their compounds on one line (หน่วย | งาน broke at 390 px)', () => {
    const html = publicPageHtml(workbook([{ fy: 2566, round: 6, published: pub('a') }]));
    expect(html).toContain('.nb { white-space: nowrap; }');
    expect(html).toContain('ภายใน<span class="nb">หน่วยงาน</span> (ITA)</p>');
    expect(html).toContain('<span class="nb">ดำเนินการ</span>ตามมาตรการ ทุกปีงบประมาณ</p>');
  });
});
