// The report model as a Word document: the report's document model through the one .docx writer every
// document uses (node/document-docx.ts). Landscape A4, "TH Sarabun New" at the settings' size, one table
// per area whose header row repeats on every page.
import { type ReportModel, reportDocument } from '../core/report';
import { writeDocumentDocx } from './document-docx';

export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  return writeDocumentDocx(reportDocument(model));
}
