// Menu "นำเข้ารายงานปีก่อน": the person picks last year's Word file in a dialog; the dialog sends its bytes
// (base64) to importPreviousReportFile, which has Drive convert it to a Google Doc (Drive.Files.create with
// the Docs MIME type — the file is the app's own, so drive.file is enough), reads the Doc's paragraphs and
// tables, deletes it, and imports through the same core importer as the CLI. No new OAuth scope.
// Sheet I/O: one read of the workbook; one write per tab written (settings, divisions, measures, archive),
// then the division-tab sync writes each division tab once.
import { applyImport, workbookDivisions } from '../core/apply-import';
import { offsetClock } from '../core/clock';
import { IMPORT } from '../core/messages/import';
import { IMPORT_MENU } from '../core/messages/import-dialog';
import { IMPORT_PLACE } from '../core/messages/import-file';
import { REPORT } from '../core/messages/report';
import { importDocument, type ReportBlock, type ReportDocument } from '../core/report-document';
import { ARCHIVE_TAB, DIVISIONS_TAB, MEASURES_TAB, SETTINGS_TAB, type TabSpec } from '../core/schema';
import { textOf } from './adapters/docs';
import { createWithContent, deleteFile, driveServiceOn, MIME_DOC } from './adapters/drive';
import { activeSpreadsheet, showDialog } from './context';
import { ensureSheet, readWorkbook, writeTable, zoneOffsetMs } from './sheetio';
import { syncDivisionTabs } from './sync';
import { uploadDialogHtml } from './upload-dialog';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 10 * 1024 * 1024;

type Element = GoogleAppsScript.Document.Element;

/** Paragraph text with Docs' soft line break (vertical tab) and carriage returns as line breaks. */
const elementText = (e: Element): string => textOf(e).split(String.fromCharCode(11)).join('\n').replace(/\r/g, '\n');

/**
 * A converted Doc as the importer's document: body paragraphs and list items, table rows with each
 * cell's paragraphs. A list item's marker is not in its text: bullets read as "-", numbers count up per list.
 */
export function documentFromBody(body: GoogleAppsScript.Document.Body): ReportDocument {
  const T = DocumentApp.ElementType;
  const counters = new Map<string, number>();
  const textOf = (e: Element): string => {
    if (e.getType() !== T.LIST_ITEM) return elementText(e);
    const item = e.asListItem();
    const glyph = String(item.getGlyphType());
    if (/BULLET/.test(glyph)) return `- ${elementText(e)}`;
    const key = `${item.getListId()}:${item.getNestingLevel()}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${n}. ${elementText(e)}`;
  };
  const blocks: ReportBlock[] = [];
  let tables = 0;
  let paragraphs = 0;
  for (let i = 0; i < body.getNumChildren(); i++) {
    const child = body.getChild(i);
    const type = child.getType();
    if (type === T.TABLE) {
      tables++;
      const table = child.asTable();
      for (let r = 0; r < table.getNumRows(); r++) {
        const row = table.getRow(r);
        const cells: string[][] = [];
        for (let c = 0; c < row.getNumCells(); c++) {
          const cell = row.getCell(c);
          const paras: string[] = [];
          for (let k = 0; k < cell.getNumChildren(); k++) paras.push(textOf(cell.getChild(k)));
          cells.push(paras);
        }
        blocks.push({ kind: 'row', cells, place: IMPORT_PLACE.tableRow(tables, r + 1) });
      }
    } else if (type === T.PARAGRAPH || type === T.LIST_ITEM) {
      blocks.push({ kind: 'paragraph', text: textOf(child), place: IMPORT_PLACE.paragraph(++paragraphs) });
    }
  }
  return { blocks, notes: [] };
}

/** Converts the uploaded Word file with Drive, reads it, and always deletes the converted copy. */
function convertedDocument(name: string, bytes: number[]): ReportDocument {
  if (!driveServiceOn()) throw new Error(REPORT.servicesMissing);
  const blob = Utilities.newBlob(bytes, DOCX_MIME, name);
  // through the Drive facade (src/gas/adapters/drive.ts): supportsAllDrives on every call
  const id = createWithContent({ name: `ita-import-${name}`, mimeType: MIME_DOC }, blob, 'id').id as string;
  try {
    return documentFromBody(DocumentApp.openById(id).getBody());
  } finally {
    deleteFile(id);
  }
}

/** Called by the dialog (google.script.run) with the file's name and base64 bytes; returns the Thai result. */
export function importPreviousReportFile(name: string, base64: string): string {
  const bytes = Utilities.base64Decode(String(base64));
  if (bytes.length > MAX_BYTES) throw new Error(IMPORT_MENU.tooLarge);
  // a .docx is a zip: PK\3\4
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(IMPORT_MENU.notDocx(name));
  const ss = activeSpreadsheet();
  const snapshot = readWorkbook(ss);
  const { result, warnings, refused } = importDocument(convertedDocument(name, bytes), workbookDivisions(snapshot));
  // nothing is written unless every row was placed with confidence and the report had measures
  if (refused.length)
    throw new Error(
      [
        IMPORT.refusedTitle(refused.length),
        ...refused.slice(0, 8).map((w) => IMPORT_MENU.warning(w.place, w.message)),
      ].join('\n'),
    );
  if (result.measures.length === 0) throw new Error(IMPORT_MENU.nothingFound(name));
  const offsetMs = zoneOffsetMs(ss);
  const applied = applyImport(snapshot, result, offsetClock(offsetMs).now());
  const write = (tab: TabSpec) => {
    const rows = applied.snapshot.tabs[tab.name];
    if (!rows) return;
    const { sheet } = ensureSheet(ss, tab.name);
    writeTable(sheet, rows, 1, { clearBelow: true, offsetMs });
  };
  [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, ARCHIVE_TAB].forEach(write);
  syncDivisionTabs(ss, { snapshot: applied.snapshot });
  const shown = warnings.slice(0, 8).map((w) => IMPORT_MENU.warning(w.place, w.message));
  if (warnings.length > shown.length) shown.push(IMPORT_MENU.moreWarnings(warnings.length - shown.length));
  return [IMPORT_MENU.done(result.measures.length, result.divisions.length, applied.resultsFilled), ...shown].join(
    '\n',
  );
}

/** The upload dialog: a file input; the bytes go to importPreviousReportFile, the answer is shown in place. */
export function importDialogHtml(): string {
  return uploadDialogHtml({
    words: IMPORT_MENU,
    accept: `.docx,${DOCX_MIME}`,
    maxBytes: MAX_BYTES,
    handler: 'importPreviousReportFile',
  });
}

/** Menu "นำเข้ารายงานปีก่อน". */
export function menuImportPreviousReport(): void {
  showDialog(importDialogHtml(), IMPORT_MENU.title, { width: 560, height: 420 });
}
