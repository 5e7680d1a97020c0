// The images of a written Google Doc (the memo's Garuda), placed after src/gas/document-doc.ts wrote the text.
import { type DocumentModel, fontSizeOf } from '../core/document';
import { openDocument } from './adapters/docs';

/**
 * The images the model's paragraphs name (the memo's Garuda: a run with image.imageId) placed in the
 * written Doc, each at the left margin of its paragraph as tall as the model says, the paragraph's text
 * centred on the page as before. The Docs API's insertInlineImage takes only a public URL
 * (https://developers.google.com/docs/api/how-tos/images: "The image must be publicly accessible"), so
 * DocumentApp does it from a Blob: the image is read back from the app's own Doc holding it
 * (src/gas/garuda.ts; InlineImage.getBlob) and anchored to the paragraph (Paragraph.addPositionedImage,
 * in front of the text, its foot on the line's foot). A Garuda Doc that is gone or holds no image leaves
 * the room empty, as without one. Top-level blocks are the body's children in order (document-doc's
 * step 3 writes one paragraph per block, a table is one child).
 */
export function placeImages(docId: string, model: DocumentModel): void {
  const wanted = model.blocks.flatMap((b, index) =>
    b.kind === 'paragraph'
      ? b.runs.flatMap((r) =>
          r.image?.imageId ? [{ index, imageId: r.image.imageId, heightPt: r.image.heightPt, block: b }] : [],
        )
      : [],
  );
  if (wanted.length === 0) return;
  const document = openDocument(docId);
  const body = document.getBody();
  for (const w of wanted) {
    const stored = storedImage(w.imageId);
    if (!stored) continue;
    const lineHeight =
      Math.max(...w.block.runs.map((r) => r.sizePt ?? w.block.style.sizePt ?? fontSizeOf(model))) * 1.2;
    body
      .getChild(w.index)
      .asParagraph()
      .addPositionedImage(stored.blob)
      .setLayout(DocumentApp.PositionedLayout.ABOVE_TEXT)
      .setHeight(w.heightPt)
      .setWidth(Math.round(w.heightPt * stored.ratio * 10) / 10)
      .setLeftOffset(0)
      .setTopOffset(Math.min(0, lineHeight - w.heightPt));
  }
  document.saveAndClose();
}

/** The image kept in the app's Doc `id` and its width / height, or null when it cannot be read. */
function storedImage(id: string): { blob: GoogleAppsScript.Base.Blob; ratio: number } | null {
  try {
    const image = openDocument(id).getBody().getImages()[0];
    if (!image) return null;
    const ratio = image.getWidth() / image.getHeight();
    return { blob: image.getBlob(), ratio: Number.isFinite(ratio) && ratio > 0 ? ratio : 1 };
  } catch {
    return null;
  }
}
