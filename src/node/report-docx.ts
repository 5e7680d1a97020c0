// The report model as a Word document: the report's document model through the one .docx writer every
// document uses (node/document-docx.ts). Landscape A4, "TH Sarabun New" at the settings' size, one table
// per area whose header row repeats on every page.
import { type ReportModel, reportDocument } from '../core/report';
import { writeDocumentDocx } from './document-docx';

/** Google Docs' Sarabun is "TH Sarabun New" on office PCs (LibreOffice substitutes Laksaman, metric-alike). */
export const DOCX_DEFAULT_FONT = 'TH Sarabun New';

export const docxFont = (settingsFont: string): string =>
  !settingsFont || settingsFont.toLowerCase() === 'sarabun' ? DOCX_DEFAULT_FONT : settingsFont;

export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  return writeDocumentDocx(reportDocument(model));
}
