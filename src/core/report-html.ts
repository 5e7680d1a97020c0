// The report model as one standalone HTML page (the offline report.html and the public web view): the
// report's document model through the one HTML writer every document uses (core/document-html.ts).
import { renderDocumentHtml } from './document-html';
import { type ReportModel, reportDocument } from './report';

export const renderReportHtml = (model: ReportModel): string => renderDocumentHtml(reportDocument(model));
