// The Garuda for the memo's Google Doc. drive.file cannot read an image the admin put in Drive
// themselves (the app sees only files it created), so the admin uploads it here: the dialog sends the
// bytes (base64), the image is judged by its content (PNG or JPEG signature, at most 500 KB) and kept as
// the app's own file — a small Google Doc in the report folder holding the image — whose id goes into the
// setting ภาพครุฑ (garudaImageId). The memo's writer reads it back with DocumentApp (InlineImage.getBlob,
// no Drive download) and places it (src/gas/document-doc.ts placeImages).
import { imageKind } from '../core/image-kind';
import { GARUDA } from '../core/messages/garuda';
import { SETTINGS_TAB } from '../core/schema';
import { openDocument } from './adapters/docs';
import { createEmpty, MIME_DOC } from './adapters/drive';
import { activeSpreadsheet, showAlert, showDialog } from './context';
import { folderOwnerIfNotMe, scriptProperties } from './document-ports';
import { uploadDialogHtml } from './upload-dialog';

export const GARUDA_MAX_BYTES = 500 * 1024;

const header = (key: string) => SETTINGS_TAB.columns.find((c) => c.key === key)?.header ?? '';

/** Called by the dialog (google.script.run) with the file's name and base64 bytes; returns the Thai result. */
export function uploadGarudaImage(name: string, base64: string): string {
  // the folder is the owner's, and so are the memos (their queue): another admin's file would reach neither
  const owner = folderOwnerIfNotMe(scriptProperties());
  if (owner) throw new Error(GARUDA.ownerOnly(owner));
  const signed = Utilities.base64Decode(String(base64));
  if (signed.length > GARUDA_MAX_BYTES) throw new Error(GARUDA.tooLarge);
  const bytes = Uint8Array.from(signed, (b) => b & 255);
  const kind = imageKind(bytes);
  if (!kind) throw new Error(GARUDA.notImage(String(name)));
  // the settings tab: one read, one write (the ภาพครุฑ cell, or a row for it)
  const sheet = activeSpreadsheet().getSheetByName(SETTINGS_TAB.name);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const head = (values[0] ?? []).map(String);
  const keyCol = head.indexOf(header('settingKey'));
  const valueCol = head.indexOf(header('settingValue'));
  const rowOf = (key: string) => values.findIndex((r, i) => i > 0 && String(r[keyCol]).trim() === key);
  const folderRow = rowOf('reportFolderId');
  const folderId = folderRow > 0 ? String(values[folderRow][valueCol] ?? '').trim() : '';
  if (!sheet || keyCol < 0 || valueCol < 0 || !folderId) throw new Error(GARUDA.noFolder);
  const id = createEmpty({ name: GARUDA.fileName, mimeType: MIME_DOC, parents: [folderId] }).id as string;
  const doc = openDocument(id);
  doc.getBody().appendImage(Utilities.newBlob(signed, kind === 'png' ? 'image/png' : 'image/jpeg', String(name)));
  doc.saveAndClose();
  const row = rowOf('garudaImageId');
  if (row > 0) sheet.getRange(row + 1, valueCol + 1).setValue(id);
  else {
    const line = head.map(() => '' as string);
    line[keyCol] = 'garudaImageId';
    line[valueCol] = id;
    sheet.appendRow(line);
  }
  return GARUDA.done;
}

/** The upload dialog: a file input; the bytes go to uploadGarudaImage, the answer is shown in place. */
export function garudaDialogHtml(): string {
  return uploadDialogHtml({
    words: GARUDA,
    accept: 'image/png,image/jpeg',
    maxBytes: GARUDA_MAX_BYTES,
    handler: 'uploadGarudaImage',
  });
}

/** Menu "อัปโหลดภาพครุฑ". */
export function menuUploadGaruda(): void {
  const owner = folderOwnerIfNotMe(scriptProperties());
  if (owner) showAlert(GARUDA.ownerOnly(owner), GARUDA.title);
  else showDialog(garudaDialogHtml(), GARUDA.title, { width: 560, height: 380 });
}
