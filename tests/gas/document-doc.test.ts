// The Google Doc writer, once on every block kind, against the DocumentApp and Docs API fakes: the text
// in order, page setup, tables (pinned header rows, widths, cell styles), and every paragraph styled
// explicitly even when the paragraph the text lands in carries another style.
import { documentParagraphs } from '../../src/core/document';
import { segmentsOf } from '../../src/gas/adapters/docs';
import { writeGoogleDoc } from '../../src/gas/document-doc';
import { installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { type FakeBody, FakeParagraph, FakeTable } from '../fakes/docs';
import { everyBlockDocument } from '../support/document-sample';

const g = globalThis as unknown as { DocumentApp: GoogleAppsScript.Document.DocumentApp; Docs: GoogleAppsScript.Docs };

function written(styleLeftBehind: boolean): { body: FakeBody; text: string } {
  const fakes = installFakes({ user: 'admin@example.org' });
  const doc = calls.untracked(() => g.DocumentApp.create('ตัวอย่าง'));
  const id = doc.getId();
  if (styleLeftBehind) {
    // the paragraph every insert lands in carries a heading, bold, centred style (as Drive's import or
    // body.clear() may leave it)
    const store = fakes.drive.store;
    const importDocx = store.importDocx;
    store.onConvert = (file, bytes) => {
      importDocx?.(file, bytes);
      const p = fakes.docs.body(id).children[0] as FakeParagraph;
      Object.assign(p, { heading: 'HEADING1', alignment: 'CENTER' });
      p.attrs.BOLD = true;
      p.attrs.FONT_SIZE = 40;
    };
  }
  calls.reset();
  writeGoogleDoc(id, everyBlockDocument());
  return { body: fakes.docs.body(id), text: fakes.docs.documentText(id) };
}

/** The text of a header or footer, the page number as "#". */
function segmentText(docId: string, kind: 'headers' | 'footers', id: string | undefined): string | null {
  if (!id) return null;
  const segment = segmentsOf(g.Docs.Documents.get(docId), kind)[id];
  return (segment?.content ?? [])
    .map((c) =>
      (c.paragraph?.elements ?? [])
        .map((e) => (e.autoText ? '#' : (e.textRun?.content ?? '')))
        .join('')
        .replace(/\n$/, ''),
    )
    .join('|');
}

describe('document → Google Doc', () => {
  afterEach(() => uninstallFakes());

  test('the text in order, in one appendTable per table, one documents.get and one batchUpdate', () => {
    const { text } = written(false);
    const expected = documentParagraphs(everyBlockDocument()).filter((p) => p !== '');
    expect(text.split('\n').filter((p) => p !== '')).toEqual(expected);
    expect(calls.by('Body.appendTable')).toBe(2);
    expect(calls.by('Docs.Documents.get')).toBe(1);
    expect(calls.by('Docs.Documents.batchUpdate')).toBe(1);
    // the frame first: one files.update importing it into the Doc
    expect(calls.by('Drive.Files.update')).toBe(1);
  });

  test("page numbers and the sample banner in the Doc's headers, from page 2; a regeneration takes a changed setting, same Doc", () => {
    const fakes = installFakes({ user: 'admin@example.org' });
    const id = calls.untracked(() => g.DocumentApp.create('แผน').getId());
    const model = {
      ...everyBlockDocument(),
      banner: 'ตัวอย่าง — ไม่ใช่ข้อมูลจริง',
      pageNumbers: { position: 'top-center' as const, thaiDigits: true },
    };
    writeGoogleDoc(id, model);
    const style = () => g.Docs.Documents.get(id).documentStyle ?? {};
    expect(segmentText(id, 'headers', style().defaultHeaderId)).toBe('ตัวอย่าง — ไม่ใช่ข้อมูลจริง|- # -');
    expect(segmentText(id, 'headers', style().firstPageHeaderId)).toBe('ตัวอย่าง — ไม่ใช่ข้อมูลจริง');
    expect(style().useFirstPageHeaderFooter).toBe(true);
    const text = fakes.docs.documentText(id);
    // the setting changed to ล่างขวา and the sample replaced: the same Doc, a footer, no banner, the text once
    writeGoogleDoc(id, { ...everyBlockDocument(), pageNumbers: { position: 'bottom-end', thaiDigits: true } });
    expect([style().defaultHeaderId, style().firstPageHeaderId]).toEqual([undefined, undefined]);
    expect(segmentText(id, 'footers', style().defaultFooterId)).toBe('- # -');
    expect(segmentText(id, 'footers', style().firstPageFooterId)).toBe('');
    expect(fakes.docs.documentText(id)).toBe(text);
    expect(fakes.docs.documentIds()).toEqual([id]);
  });

  test('page setup: A4 portrait with the model margins', () => {
    const { body } = written(false);
    expect(body.page).toEqual({
      width: 595.28,
      height: 841.89,
      marginTop: expect.closeTo(42.52, 1),
      marginRight: expect.closeTo(56.69, 1),
      marginBottom: expect.closeTo(56.69, 1),
      marginLeft: expect.closeTo(85.04, 1),
    });
  });

  test("every paragraph gets the model's style, not the style of the paragraph it landed in", () => {
    const { body } = written(true);
    const paras = body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph);
    const find = (t: string) => paras.find((p) => p.text === t) as FakeParagraph;
    const style = (p: FakeParagraph) => [p.heading, p.alignment, p.attrs.BOLD, p.attrs.FONT_SIZE, p.attrs.FONT_FAMILY];
    expect(style(find('หัวเรื่องใหญ่'))).toEqual(['NORMAL', 'CENTER', true, 29, 'Sarabun']);
    expect(style(find('หัวข้อระดับ ๒'))).toEqual(['HEADING2', 'CENTER', true, 16, 'Sarabun']);
    // a bold label run then plain text: the fakes keep one weight per paragraph, the run's comes last
    expect(find('เรื่อง ข้อความธรรมดา <b>ไม่ใช่แท็ก</b>').heading).toBe('NORMAL');
    const indented = find('ย่อหน้าแรกเยื้อง');
    expect(style(indented)).toEqual(['NORMAL', 'JUSTIFY', false, 16, 'Sarabun']);
    expect([indented.attrs.INDENT_FIRST_LINE, indented.attrs.SPACING_BEFORE, indented.attrs.SPACING_AFTER]).toEqual([
      36, 6, 3,
    ]);
    expect(style(find('ย่อทั้งย่อหน้า'))).toEqual(['NORMAL', 'RIGHT', false, 14, 'Sarabun']);
    expect(style(find('ระหว่างตาราง'))).toEqual(['HEADING3', 'LEFT', false, 16, 'Sarabun']);
    expect(style(find('ท้ายเอกสาร'))).toEqual(['NORMAL', 'LEFT', false, 16, 'Sarabun']);
    // the image slot: an empty paragraph holding the room (space below), plain
    const slot = paras[0];
    expect([slot.text, slot.heading, slot.attrs.BOLD]).toEqual(['', 'NORMAL', false]);
    expect(slot.attrs.SPACING_AFTER as number).toBeGreaterThan(20);
  });

  test('tables: header rows pinned, bold and centred; widths split the text area; cell paragraphs styled', () => {
    const { body } = written(true);
    const [first, second] = body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    expect([first.pinnedHeaderRows, second.pinnedHeaderRows]).toEqual([1, 0]);
    const widths = first.columnWidths as number[];
    expect(widths[1] / widths[0]).toBeCloseTo(3, 1);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(595.28 - 85.04 - 56.69, 0);
    const cellParas = (t: FakeTable, r: number, c: number) => t.rows[r].cells[c].children as FakeParagraph[];
    expect(cellParas(first, 0, 0).map((p) => [p.alignment, p.attrs.BOLD])).toEqual([['CENTER', true]]);
    expect(cellParas(first, 1, 1).map((p) => [p.text, p.attrs.BOLD])).toEqual([
      ['- รายการหนึ่ง', false],
      ['- รายการสอง', true],
    ]);
    expect(cellParas(first, 2, 0)[0].alignment).toBe('CENTER');
    expect(cellParas(second, 0, 0).map((p) => [p.alignment, p.attrs.BOLD, p.attrs.FONT_SIZE])).toEqual([
      ['LEFT', false, 16],
    ]);
  });
});
