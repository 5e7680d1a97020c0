// Last year's report as read from the file the agency holds (a Word file, a PDF, a Google Doc), before
// the importer sees it: paragraphs and table rows in reading order, each with the place a person finds
// it at ("ตารางที่ 2 แถว 3", "หน้า 4"). documentReportText() writes it in the seed's text format, so one
// importer (importer.ts) reads every kind of file and gives the same measures, warnings and results.
import { BULLETS, type ImportResult, importReport, squeeze } from './importer';
import { IMPORT_PLACE } from './messages/import-file';
import type { Division } from './model';

export type ReportBlock =
  | { kind: 'paragraph'; text: string; place: string }
  /** one table row: each cell is its paragraphs (list items, lines) in order */
  | { kind: 'row'; cells: string[][]; place: string };

export interface PlacedWarning {
  place: string;
  message: string;
}

export interface ReportDocument {
  blocks: ReportBlock[];
  /** what reading the file already has to say (repairs made to PDF text) */
  notes: PlacedWarning[];
}

export interface DocumentImport {
  result: ImportResult;
  /** the importer's warnings at the places of the file they point to, then the reader's notes */
  warnings: PlacedWarning[];
  /** what could not be placed with confidence, at its place: any at all and nothing is written */
  refused: PlacedWarning[];
}

/** A list item as a paragraph begins: "- ", "• ", "● ", "๑." or "1)". */
const LIST_MARK = new RegExp(`^(?:[-–${BULLETS}]|[0-9๐-๙]+[.)])`);

/** Text for one line of the seed format: no tabs or line breaks; <, >, & as entities (the importer decodes them). */
const lineSafe = (s: string): string => squeeze(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A cell in the seed format: its paragraphs as an HTML list when they are list items (the importer
 * keeps each item whole, whatever its marker), else joined by spaces as PDF extraction joins lines.
 */
export function cellLine(paragraphs: readonly string[]): string {
  // a line break (Shift+Enter) starts an item only before a list marker; else the item goes on
  const items: string[] = [];
  for (const p of paragraphs)
    p.split('\n').forEach((piece, i) => {
      const text = lineSafe(piece);
      if (text === '') return;
      if (i > 0 && items.length && !LIST_MARK.test(text)) items[items.length - 1] += ` ${text}`;
      else items.push(text);
    });
  if (items.length > 1 && items.some((p) => LIST_MARK.test(p)))
    return `<ul>${items.map((p) => `<li>${p}</li>`).join('')}</ul>`;
  return items.join(' ');
}

/** The document in the seed's text format, and for each of its lines the place in the file. */
export function documentReportText(doc: ReportDocument): { text: string; places: string[] } {
  const lines: string[] = [];
  const places: string[] = [];
  for (const b of doc.blocks) {
    const line = b.kind === 'paragraph' ? lineSafe(b.text) : b.cells.map(cellLine).join('\t');
    if (line.replace(/\t/g, '').trim() === '') continue;
    lines.push(line);
    places.push(b.place);
  }
  return { text: lines.join('\n'), places };
}

/** Imports a document through the one importer; warnings point at places in the file, not text lines. */
export function importDocument(doc: ReportDocument, divisions: readonly Division[] = []): DocumentImport {
  const { text, places } = documentReportText(doc);
  const result = importReport(text, divisions);
  const warnings = [
    ...doc.notes,
    ...result.warnings.map((w) => ({ place: places[w.line - 1] ?? IMPORT_PLACE.file, message: w.message })),
  ];
  const refused = result.refused.map((w) => ({ place: places[w.line - 1] ?? IMPORT_PLACE.file, message: w.message }));
  return { result, warnings, refused };
}

/** The seed's text format itself, with warnings at their lines, so every kind of file reads alike. */
export function importText(text: string, divisions: readonly Division[] = []): DocumentImport {
  const result = importReport(text, divisions);
  const at = (w: { line: number; message: string }) => ({ place: IMPORT_PLACE.line(w.line), message: w.message });
  return { result, warnings: result.warnings.map(at), refused: result.refused.map(at) };
}
