// The one door to the Docs advanced service (v1) and to DocumentApp's openById: every call with the
// signature @types/google-apps-script gives (apis/docs_v1.d.ts, google-apps-script.document.d.ts).
import { REPORT } from '../../core/messages/report';

type Document = GoogleAppsScript.Docs.Schema.Document;
type Request = GoogleAppsScript.Docs.Schema.Request;

/**
 * A batchUpdate request. The REST reference's Request
 * (https://developers.google.com/docs/api/reference/rest/v1/documents/request) has kinds the typings
 * predate — updateDocumentStyle, pinTableHeaderRows, updateTableColumnProperties, updateTableRowStyle — added here as
 * optional fields, so every other kind keeps the typings' check.
 */
export type DocsRequest = Request & {
  updateDocumentStyle?: object;
  pinTableHeaderRows?: object;
  updateTableColumnProperties?: object;
  updateTableRowStyle?: object;
};

/** The advanced service, or a Thai message saying to turn it on. */
export function docsService(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(REPORT.servicesMissing);
  return Docs;
}

/** Whether the advanced service is on (the manifest enables it; a copy of the project made by hand may not). */
export const docsServiceOn = (): boolean => typeof Docs !== 'undefined' && Boolean(Docs?.Documents);

/** documents.get: the document's structure (body content with start and end indexes). */
export const getDocument = (docId: string): Document => docsService().Documents.get(docId);

/**
 * A document's headers or footers by id. The typings declare both maps as `object`; the reference gives
 * them as "map (key: string, value: object (Header))" and likewise Footer, each with its content
 * (https://developers.google.com/docs/api/reference/rest/v1/documents#Document).
 */
export const segmentsOf = (
  doc: Document,
  kind: 'headers' | 'footers',
): Record<string, { content?: GoogleAppsScript.Docs.Schema.StructuralElement[] }> =>
  (doc[kind] ?? {}) as Record<string, { content?: GoogleAppsScript.Docs.Schema.StructuralElement[] }>;

/** documents.batchUpdate: every request applied together, or none. */
export function batchUpdate(docId: string, requests: readonly DocsRequest[]): void {
  docsService().Documents.batchUpdate({ requests: [...requests] }, docId);
}

/** DocumentApp.openById (the documents scope opens any document the user can open, trashed or not). */
export const openDocument = (docId: string): GoogleAppsScript.Document.Document => DocumentApp.openById(docId);

/**
 * The text of a paragraph or list item element (both have getText(); the Element interface does not
 * declare it: reference "Class Paragraph" / "Class ListItem",
 * https://developers.google.com/apps-script/reference/document/paragraph#getText()). One call, where
 * asParagraph() / asListItem() would add one.
 */
export const textOf = (e: GoogleAppsScript.Document.Element): string =>
  (e as unknown as { getText(): string }).getText();
