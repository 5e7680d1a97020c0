// The DocumentApp/Docs and Drive fakes behave as their reference pages say (see the headers of
// tests/fakes/docs.ts and drive.ts): tests that rely on them can trust what they observe.

import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { ERR_DOCS, FakeTable } from '../fakes/docs';

let fakes: FakeHandles;
const g = globalThis as unknown as {
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Drive: GoogleAppsScript.Drive;
  Docs: GoogleAppsScript.Docs;
};

beforeEach(() => {
  fakes = installFakes({ user: 'admin@example.org' });
});
afterEach(() => uninstallFakes());

describe('DocumentApp fake', () => {
  test('appendTable(string[][]) builds rows and cells in one call; "\\n" in a cell makes separate paragraphs; a table is followed by a paragraph', () => {
    const doc = g.DocumentApp.create('t');
    const body = doc.getBody();
    calls.reset();
    const table = body.appendTable([
      ['a', 'b'],
      ['- x\n- y', ''],
    ]);
    expect(calls.total()).toBe(1);
    expect(table.getNumRows()).toBe(2);
    const cell = table.getCell(1, 0);
    expect(cell.getNumChildren()).toBe(2);
    expect(cell.getChild(1).asParagraph().getText()).toBe('- y');
    expect(body.getNumChildren()).toBe(3); // the empty paragraph clear() leaves, the table, a paragraph after it
    expect(body.getChild(2).getType()).toBe(g.DocumentApp.ElementType.PARAGRAPH);
    expect(() => body.appendTable([['a'], ['b', 'c']])).toThrow(ERR_DOCS.cellsShape);
  });

  test('a closed document refuses edits; the last paragraph of a body cannot be removed', () => {
    const doc = g.DocumentApp.create('t');
    const body = doc.getBody();
    expect(() => body.getChild(0).asParagraph().removeFromParent()).toThrow(ERR_DOCS.lastParagraph);
    doc.saveAndClose();
    expect(() => body.appendParagraph('x')).toThrow(ERR_DOCS.closed);
    expect(() => doc.getBody()).toThrow(ERR_DOCS.closed);
    expect(g.DocumentApp.openById(doc.getId()).getBody().getNumChildren()).toBe(1);
  });

  test('saveAndClose makes a Drive revision; a document the app did not create cannot be opened (drive.file)', () => {
    const doc = g.DocumentApp.create('t');
    doc.getBody().appendParagraph('hello');
    doc.saveAndClose();
    const revs = g.Drive.Revisions?.list(doc.getId()).revisions!;
    expect(revs.map((r) => Object.keys(r).sort())).toEqual([
      ['id', 'kind', 'mimeType', 'modifiedTime'],
      ['id', 'kind', 'mimeType', 'modifiedTime'],
    ]);
    const foreign = fakes.drive.addForeignFile('someone else', 'application/vnd.google-apps.document');
    expect(() => g.DocumentApp.openById(foreign)).toThrow(/Document is missing/);
    expect(() => g.Drive.Files?.get(foreign)).toThrow(
      `API call to drive.files.get failed with error: File not found: ${foreign}.`,
    );
  });
});

describe('Docs advanced service fake', () => {
  test('documents.get numbers the body as the Docs API does; batchUpdate applies in order, or not at all', () => {
    const doc = g.DocumentApp.create('t');
    doc.getBody().appendTable([['ab', 'c']]);
    doc.saveAndClose();
    const id = doc.getId();
    const content = g.Docs.Documents?.get(id).body?.content!;
    expect(
      content.map((e) => [e.startIndex ?? 0, e.endIndex, e.table ? 'table' : e.paragraph ? 'paragraph' : 'section']),
    ).toEqual([
      [0, 1, 'section'],
      [1, 2, 'paragraph'],
      [2, 12, 'table'], // table 2, row 3, cell 4, "ab\n" 5–8, cell 8, "c\n" 9–11, table end
      [12, 13, 'paragraph'],
    ]);
    const request = (r: object) => r as GoogleAppsScript.Docs.Schema.Request;
    expect(() =>
      g.Docs.Documents?.batchUpdate(
        {
          requests: [
            request({ insertText: { location: { index: 1 }, text: 'title' } }),
            request({ pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 1 } }),
          ],
        },
        id,
      ),
    ).toThrow(/requests\[1\]\.pinTableHeaderRows: The provided table start location \(2\) is not the start of a table/);
    expect(fakes.docs.documentText(id)).toBe('\nab\nc\n'); // nothing applied
    g.Docs.Documents?.batchUpdate(
      {
        requests: [
          request({ pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 1 } }),
          request({ insertText: { location: { index: 1 }, text: 'title\nsub' } }),
        ],
      },
      id,
    );
    expect(fakes.docs.documentText(id)).toBe('title\nsub\nab\nc\n');
    expect(fakes.docs.batchUpdates).toHaveLength(1);
  });

  test('updateTableRowStyle sets preventOverflow on the rows named (all when none), fields required', () => {
    const doc = g.DocumentApp.create('t');
    doc.getBody().appendTable([['h'], ['a'], ['b']]);
    doc.saveAndClose();
    const id = doc.getId();
    const table = (g.Docs.Documents?.get(id).body?.content ?? []).find((e) => e.table)!;
    const at = { index: table.startIndex };
    const request = (r: object) => r as GoogleAppsScript.Docs.Schema.Request;
    expect(() =>
      g.Docs.Documents?.batchUpdate(
        {
          requests: [
            request({ updateTableRowStyle: { tableStartLocation: at, tableRowStyle: { preventOverflow: true } } }),
          ],
        },
        id,
      ),
    ).toThrow(/fields is required/);
    g.Docs.Documents?.batchUpdate(
      {
        requests: [
          request({
            updateTableRowStyle: {
              tableStartLocation: at,
              rowIndices: [1, 2],
              tableRowStyle: { preventOverflow: true },
              fields: 'preventOverflow',
            },
          }),
        ],
      },
      id,
    );
    const rows = fakes.docs.body(id).children.find((c): c is FakeTable => c instanceof FakeTable)!.rows;
    expect(rows.map((r) => r.preventOverflow)).toEqual([false, true, true]);
  });
});

describe('Drive advanced service fake', () => {
  test('the published content follows a revision only when it is published (publishAuto false), every revision when publishAuto is true', () => {
    const doc = g.DocumentApp.create('t');
    doc.getBody().appendParagraph('v1');
    doc.saveAndClose();
    const id = doc.getId();
    expect(fakes.drive.publishedContent(id)).toBeNull();
    g.Drive.Revisions?.update({ published: true, publishedOutsideDomain: true, publishAuto: false }, id, 'head');
    expect(fakes.drive.publishedContent(id)).toBe('\nv1');
    const again = g.DocumentApp.openById(id);
    again.getBody().appendParagraph('v2');
    again.saveAndClose();
    expect(fakes.drive.publishedContent(id)).toBe('\nv1'); // a later edit does not show
    g.Drive.Revisions?.update({ published: true, publishAuto: true }, id, 'head');
    const third = g.DocumentApp.openById(id);
    third.getBody().appendParagraph('v3');
    third.saveAndClose();
    expect(fakes.drive.publishedContent(id)).toBe('\nv1\nv2\nv3');
    expect(() => g.Drive.Revisions?.update({ id: '9' } as GoogleAppsScript.Drive.Schema.Revision, id, 'head')).toThrow(
      /not directly writable: id/,
    );
  });

  test('a document in a shared drive: files.get needs supportsAllDrives, revisions.update (path parameters only) does not', () => {
    const doc = g.DocumentApp.create('t');
    doc.saveAndClose();
    const id = doc.getId();
    fakes.drive.moveToSharedDrive(id);
    expect(() => g.Drive.Files.get(id, { fields: 'id' })).toThrow(/File not found/);
    expect(g.Drive.Files.get(id, { fields: 'id', supportsAllDrives: true }).id).toBe(id);
    const r = g.Drive.Revisions.update(
      { published: true, publishedOutsideDomain: true, publishAuto: false },
      id,
      'head',
    );
    expect(r.id).toBeTruthy();
    expect(fakes.drive.publishedContent(id)).not.toBeNull();
  });

  test('files.create in a folder, fields projection, parents not writable in update', () => {
    const folder = g.Drive.Files?.create({ name: 'f', mimeType: 'application/vnd.google-apps.folder' });
    expect(Object.keys(folder).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const blob = g.DocumentApp.create('d').getAs('application/pdf');
    const pdf = g.Drive.Files?.create({ name: 'r.pdf', parents: [folder.id!] }, blob, {
      fields: 'id,webViewLink,lastModifyingUser(emailAddress)',
    }) as {
      id: string;
      webViewLink: string;
      lastModifyingUser: { emailAddress: string };
    };
    expect(pdf.webViewLink).toBe(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`);
    expect(pdf.lastModifyingUser.emailAddress).toBe('admin@example.org');
    expect(
      g.Drive.Files?.list({ q: `'${folder.id}' in parents and trashed = false` }).files?.map((f) => f.name),
    ).toEqual(['r.pdf']);
    expect(() => g.Drive.Files?.update({ parents: ['x'] }, pdf.id)).toThrow(/addParents and removeParents/);
    expect(() => g.Drive.Files?.create({ name: 'x', parents: ['nope'] })).toThrow('File not found: nope.');
  });
});
