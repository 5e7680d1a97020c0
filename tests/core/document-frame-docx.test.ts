// The frame .docx the Google Doc writer has Drive import (src/core/document-frame-docx.ts): its parts as
// Word reads them, for each page-number position, with and without the sample banner.
import { unzipSync } from 'fflate';
import type { DocumentModel } from '../../src/core/document';
import { documentFrameDocx, documentFrameParts } from '../../src/core/document-frame-docx';
import { importDocx } from '../fakes/docx-import';

const model = (extra: Partial<DocumentModel>): DocumentModel => ({
  title: 'แผน',
  page: { size: 'A4', orientation: 'landscape', marginsPt: { top: 56.7, bottom: 56.7, left: 85, right: 56.7 } },
  font: 'Sarabun',
  fontSizePt: 16,
  blocks: [],
  ...extra,
});

const text = (p: { elements: ({ text: string } | { autoText: string })[] }) =>
  p.elements.map((e) => ('text' in e ? e.text : `[${e.autoText}]`)).join('');

describe('the frame .docx', () => {
  test('"- ๒ -" at the top from page 2: a PAGE field in the default header, an empty first-page header, Thai digits', () => {
    const parts = documentFrameParts(model({ pageNumbers: { position: 'top-center', thaiDigits: true } }));
    expect(parts['word/document.xml']).toContain('<w:pgNumType w:fmt="thaiNumbers" w:start="1"/>');
    expect(parts['word/document.xml']).toContain('<w:titlePg/>');
    expect(parts['word/document.xml']).toContain('w:orient="landscape"');
    const read = importDocx(documentFrameDocx(model({ pageNumbers: { position: 'top-center', thaiDigits: true } })));
    expect(read.useFirstPageHeaderFooter).toBe(true);
    expect(read.segments.map((s) => [s.kind, s.type, s.paragraphs.map(text), s.paragraphs[0].alignment])).toEqual([
      ['header', 'default', ['- [PAGE_NUMBER] -'], 'CENTER'],
      ['header', 'first', [''], 'START'],
    ]);
    // A4 landscape in points, the margins as the model says
    expect(read.page).toEqual({ width: 841.9, height: 595.3, top: 56.7, bottom: 56.7, left: 85, right: 56.7 });
    expect(read.body).toEqual(['']);
  });

  test('bottom right: a right-aligned footer, Arabic digits; no header', () => {
    const read = importDocx(documentFrameDocx(model({ pageNumbers: { position: 'bottom-end', thaiDigits: false } })));
    expect(read.segments.map((s) => [s.kind, s.type, s.paragraphs.map(text), s.paragraphs[0].alignment])).toEqual([
      ['footer', 'default', ['- [PAGE_NUMBER] -'], 'END'],
      ['footer', 'first', [''], 'START'],
    ]);
    expect(
      documentFrameParts(model({ pageNumbers: { position: 'bottom-end', thaiDigits: false } }))['word/document.xml'],
    ).toContain('w:fmt="decimal"');
  });

  test('the sample banner on every page, the first included, above the number', () => {
    const banner = 'ตัวอย่าง — ไม่ใช่ข้อมูลจริง';
    const read = importDocx(
      documentFrameDocx(model({ banner, pageNumbers: { position: 'top-center', thaiDigits: true } })),
    );
    expect(read.segments.map((s) => [s.type, s.paragraphs.map(text)])).toEqual([
      ['default', [banner, '- [PAGE_NUMBER] -']],
      ['first', [banner]],
    ]);
    // without page numbers: the banner alone, one header for every page
    const only = importDocx(documentFrameDocx(model({ banner })));
    expect([only.useFirstPageHeaderFooter, only.segments.map((s) => [s.type, s.paragraphs.map(text)])]).toEqual([
      false,
      [['default', [banner]]],
    ]);
  });

  test('no page numbers and no banner: no header or footer at all (a memo), and text is escaped', () => {
    const parts = documentFrameParts(model({ banner: undefined }));
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
    ]);
    expect(documentFrameParts(model({ banner: 'A & <B>' }))['word/header1.xml']).toContain('A &amp; &lt;B&gt;');
    // a Word package: the content types name every part
    const zip = unzipSync(documentFrameDocx(model({ banner: 'x' })));
    expect(Object.keys(zip).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/header1.xml',
    ]);
  });
});
