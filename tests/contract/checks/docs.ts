// Docs: what documents.get returns for what the report writes.
// Through the app's own facades: the contract checks the very calls the report makes.
import type { DocumentModel } from '../../../src/core/document';
import { documentFrameDocx } from '../../../src/core/document-frame-docx';
import { batchUpdate, type DocsRequest, getDocument, segmentsOf } from '../../../src/gas/adapters/docs';
import { createWithContent, importIntoDoc, MIME_DOC, trashFile } from '../../../src/gas/adapters/drive';
import { type Contract, refuses, same } from '../contract';

/** A fresh document with two 2-row tables, the first one's header row pinned (as the report pins). */
function twoTables(): { id: string; trash(): void } {
  const doc = DocumentApp.create('ita-contract-tables');
  const body = doc.getBody();
  body.appendTable([
    ['h1', 'h2'],
    ['a', 'b'],
  ]);
  body.appendTable([
    ['x', 'y'],
    ['c', 'd'],
  ]);
  doc.saveAndClose();
  const id = doc.getId();
  const start = (getDocument(id).body?.content ?? []).find((e) => e.table)?.startIndex as number;
  const pin: DocsRequest = { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 1 } };
  batchUpdate(id, [pin]);
  return { id, trash: () => trashFile(id) };
}

/** Each table's rows' styles (the shipped typings' TableRowStyle predates preventOverflow). */
const rowStyles = (id: string) =>
  (getDocument(id).body?.content ?? [])
    .filter((e) => e.table)
    .map((e) => (e.table?.tableRows ?? []).map((r) => r.tableRowStyle ?? {}));

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A frame (page number "- 2 -" where `position` says, from page 2; no body) as the Google Doc writer makes it. */
const frameBlob = (position: 'top-center' | 'bottom-end') => {
  const model: DocumentModel = {
    title: 'ita-contract-frame',
    page: { size: 'A4', orientation: 'portrait', marginsPt: { top: 72, bottom: 72, left: 72, right: 72 } },
    font: 'Sarabun',
    fontSizePt: 16,
    blocks: [],
    pageNumbers: { position, thaiDigits: false },
  };
  return Utilities.newBlob([...documentFrameDocx(model)], DOCX, 'frame.docx');
};

type Segment = {
  content?: { paragraph?: { elements?: { autoText?: { type?: string }; textRun?: { content?: string } }[] } }[];
};
/** A header's or footer's elements: the page number as "#", text as itself. */
const segmentText = (segment: Segment | undefined): string =>
  (segment?.content ?? [])
    .flatMap((c) => c.paragraph?.elements ?? [])
    .map((e) => (e.autoText ? (e.autoText.type === 'PAGE_NUMBER' ? '#' : '?') : (e.textRun?.content ?? '')))
    .join('');

/** A 2×1 PNG (red, blue). */
const PNG_2X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==';

export const DOCS_CONTRACTS: Contract[] = [
  {
    behaviour:
      'an image appended to a Doc from a Blob (Body.appendImage) comes back from InlineImage.getBlob() as a PNG once the Doc is saved and opened again, at its aspect ratio; a paragraph takes a positioned image from a Blob, sized and offset in points',
    reference:
      'https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource), https://developers.google.com/apps-script/reference/document/inline-image#getBlob(), https://developers.google.com/apps-script/reference/document/paragraph#addPositionedImage(BlobSource), https://developers.google.com/apps-script/reference/document/positioned-image',
    live: true,
    check() {
      const doc = DocumentApp.create('ita-contract-image');
      const id = doc.getId();
      try {
        doc.getBody().appendImage(Utilities.newBlob(Utilities.base64Decode(PNG_2X1), 'image/png', 'g.png'));
        doc.saveAndClose();
        const again = DocumentApp.openById(id);
        const image = again.getBody().getImages()[0];
        const bytes = image.getBlob().getBytes();
        same([bytes[0] & 255, bytes[1], bytes[2], bytes[3]], [0x89, 0x50, 0x4e, 0x47], 'the PNG signature');
        same(Math.round(image.getWidth() / image.getHeight()), 2, 'the aspect ratio');
        const placed = again
          .getBody()
          .getParagraphs()[0]
          .addPositionedImage(image.getBlob())
          .setLayout(DocumentApp.PositionedLayout.ABOVE_TEXT)
          .setHeight(42)
          .setWidth(84)
          .setLeftOffset(0)
          .setTopOffset(-6);
        same([placed.getHeight(), placed.getWidth()], [42, 84], 'the positioned size');
        again.saveAndClose();
      } finally {
        trashFile(id);
      }
    },
  },
  {
    behaviour:
      'a .docx converted into a Google Doc (files.create) keeps its header PAGE field as an AutoText PAGE_NUMBER, and its first-page header apart (useFirstPageHeaderFooter); files.update of that Doc with another .docx keeps the id and replaces headers, footers and body; body.clear() keeps them',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents#autotext and #documentstyle (defaultHeaderId, firstPageHeaderId, useFirstPageHeaderFooter); https://developers.google.com/drive/api/guides/manage-uploads (import to Google Docs types); https://developers.google.com/drive/api/reference/rest/v3/files/update',
    live: true,
    check() {
      const id = createWithContent({ name: 'ita-contract-frame', mimeType: MIME_DOC }, frameBlob('top-center'), 'id')
        .id as string;
      try {
        const first = getDocument(id);
        const style = first.documentStyle ?? {};
        same(segmentText(segmentsOf(first, 'headers')[String(style.defaultHeaderId)]), '- # -\n', 'the default header');
        same(
          segmentText(segmentsOf(first, 'headers')[String(style.firstPageHeaderId)]).trim(),
          '',
          'the first page header',
        );
        same(style.useFirstPageHeaderFooter, true, 'useFirstPageHeaderFooter');
        importIntoDoc(id, frameBlob('bottom-end'));
        const doc = DocumentApp.openById(id);
        doc.getBody().appendParagraph('body text');
        doc.getBody().clear();
        doc.saveAndClose();
        const second = getDocument(id);
        const style2 = second.documentStyle ?? {};
        same(second.documentId, id, 'the same document');
        same(style2.defaultHeaderId ?? null, null, 'no header after the update');
        same(
          segmentText(segmentsOf(second, 'footers')[String(style2.defaultFooterId)]),
          '- # -\n',
          'the default footer',
        );
      } finally {
        trashFile(id);
      }
    },
  },
  {
    behaviour:
      'documents.get: a pinned header row says so in its own tableRowStyle.tableHeader; a table carries rows, columns, tableRows and tableStyle, no pinned count',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents#table and #tablerowstyle ("tableHeader: Whether the row is a table header"); PinTableHeaderRowsRequest: https://developers.google.com/docs/api/reference/rest/v1/documents/request#pintableheaderrowsrequest',
    live: true,
    check() {
      const made = twoTables();
      try {
        const tables = (getDocument(made.id).body?.content ?? []).filter((e) => e.table).map((e) => e.table);
        same(tables.length, 2, 'tables read back');
        const [first, second] = tables as Record<string, unknown>[];
        same('pinnedHeaderRowsCount' in first, false, 'a pinned count on the table');
        const header = (t: Record<string, unknown>) =>
          (t.tableRows as { tableRowStyle?: { tableHeader?: boolean } }[]).map(
            (r) => r.tableRowStyle?.tableHeader === true,
          );
        same(header(first), [true, false], 'the first table’s rows marked as header');
        same(header(second), [false, false], 'the second table’s rows (none pinned)');
        same([first.rows, first.columns], [2, 2], 'rows and columns');
      } finally {
        made.trash();
      }
    },
  },
  {
    behaviour:
      'updateTableRowStyle sets preventOverflow on the rows named (all rows when none are), only with fields naming it; documents.get reads it back in each row’s tableRowStyle',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablerowstylerequest ("rowIndices … If no indices are specified, all rows will be updated"; fields required) and https://developers.google.com/docs/api/reference/rest/v1/documents#tablerowstyle (preventOverflow: "Whether the row cannot overflow across page or column boundaries")',
    live: true,
    check() {
      const made = twoTables();
      try {
        const starts = (getDocument(made.id).body?.content ?? []).filter((e) => e.table).map((e) => e.startIndex);
        const at = (n: number) => ({ index: starts[n] as number });
        batchUpdate(made.id, [
          {
            updateTableRowStyle: {
              tableStartLocation: at(0),
              rowIndices: [1],
              tableRowStyle: { preventOverflow: true },
              fields: 'preventOverflow',
            },
          },
          { updateTableRowStyle: { tableStartLocation: at(1), tableRowStyle: { preventOverflow: true }, fields: '*' } },
        ]);
        const kept = rowStyles(made.id).map((t) =>
          t.map((s) => (s as { preventOverflow?: boolean }).preventOverflow === true),
        );
        same(
          kept,
          [
            [false, true],
            [true, true],
          ],
          'rows kept whole',
        );
      } finally {
        made.trash();
      }
    },
  },
  {
    behaviour:
      'batchUpdate is all or nothing: one invalid request fails the batch, naming requests[i], and none of the others is applied',
    reference:
      'https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate ("Each request is validated before being applied. If any request is not valid, then the entire request will fail and nothing will be applied")',
    live: true,
    check() {
      const doc = DocumentApp.create('ita-contract-atomic');
      doc.getBody().appendParagraph('เดิม');
      doc.saveAndClose();
      const id = doc.getId();
      try {
        refuses(
          () =>
            batchUpdate(id, [
              { insertText: { location: { index: 1 }, text: 'ใหม่ ' } },
              { deleteContentRange: { range: { startIndex: 2, endIndex: 2 } } },
            ]),
          /requests\[1\]/,
          'the invalid second request',
        );
        same(DocumentApp.openById(id).getBody().getText().includes('ใหม่'), false, 'the first request applied');
      } finally {
        trashFile(id);
      }
    },
  },
  {
    behaviour:
      'Body.clear() leaves one empty paragraph that keeps the style of the body’s first paragraph (alignment, bold)',
    reference:
      'https://developers.google.com/apps-script/reference/document/body#clear() ("Clears the contents of the body"); the kept style is observed (issue 11), which this check settles live',
    live: true,
    check() {
      const doc = DocumentApp.create('ita-contract-clear');
      const body = doc.getBody();
      const first = body.getParagraphs()[0];
      first.setText('หัวเรื่อง');
      first.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      first.editAsText().setBold(true);
      body.appendParagraph('ย่อหน้า');
      body.clear();
      const left = body.getParagraphs();
      const id = doc.getId();
      try {
        same(
          [
            left.length,
            left[0].getText(),
            String(left[0].getAlignment()),
            (left[0].getAttributes() as Record<string, unknown>)[String(DocumentApp.Attribute.BOLD)],
          ],
          [1, '', String(DocumentApp.HorizontalAlignment.CENTER), true],
          'what clear() leaves',
        );
      } finally {
        doc.saveAndClose();
        trashFile(id);
      }
    },
  },
  {
    behaviour: 'a Document saved and closed refuses edits through the objects taken from it',
    reference:
      'https://developers.google.com/apps-script/reference/document/document#saveAndClose() ("A closed Document can\'t be edited. Use DocumentApp.openById() to reopen")',
    live: true,
    check() {
      const doc = DocumentApp.create('ita-contract-closed');
      const id = doc.getId();
      const body = doc.getBody();
      doc.saveAndClose();
      try {
        refuses(() => body.appendParagraph('ต่อท้าย'), /Document is closed/, 'appendParagraph after saveAndClose');
        same(DocumentApp.openById(id).getBody().getText().includes('ต่อท้าย'), false, 'the document');
      } finally {
        trashFile(id);
      }
    },
  },
];
