// Last year's report from the file the agency holds, chosen by its content (not its extension):
//  - .docx: the zip (jszip) and WordprocessingML read with a real XML parser (saxes): body paragraphs,
//    tables (merged cells, Word list numbering, line breaks), in document order
//  - .pdf: poppler's `pdftotext -bbox-layout` gives every word with its box; core/pdf-layout.ts finds the
//    columns and rows. (pdf.js reads LibreOffice's Thai PDFs with glyphs missing from their ToUnicode
//    maps — "มาตรการ" came out as "ม\u0006ตรก\u0006ร"; poppler falls back on the font's own tables.)
//  - anything else that is UTF-8 text: the seed's text format
// Each returns a DocumentImport from the one core importer, or throws FileError with a Thai message.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { IMPORT_FILE, IMPORT_PLACE } from '../core/messages/import-file';
import type { Division } from '../core/model';
import { type PdfPage, type PdfWord, pdfReportDocument } from '../core/pdf-layout';
import { type DocumentImport, importDocument, importText, type ReportBlock } from '../core/report-document';
import { toThaiDigits } from '../core/thai';
import { FileError } from './command';
import { findOnPath } from './pdf';
import { checkInflatedSize } from './zip-limits';

export type ReportKind = 'docx' | 'pdf' | 'text';

export function reportKind(bytes: Uint8Array): ReportKind | null {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'docx';
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text';
  } catch {
    return null;
  }
}

export async function importReportFile(
  path: string,
  divisions: readonly Division[],
): Promise<{ kind: ReportKind; imported: DocumentImport }> {
  const bytes = new Uint8Array(readFileSync(path));
  const kind = reportKind(bytes);
  if (kind === null) throw new FileError(IMPORT_FILE.kindUnknown(path));
  if (kind === 'text') return { kind, imported: importText(Buffer.from(bytes).toString('utf8'), divisions) };
  if (kind === 'docx') return { kind, imported: importDocument(await readDocx(bytes, path), divisions) };
  const layout = pdfReportDocument(await pdfWords(bytes, path), path);
  if (!layout.ok) throw new FileError(layout.message);
  return { kind, imported: importDocument(layout.doc, divisions) };
}

// ---------------------------------------------------------------- .docx

interface Level {
  format: string;
  text: string;
}

/** numId → its levels' number format and label ("%1."), from word/numbering.xml. */
function readNumbering(xml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  let current: Level[] | null = null;
  let level: Level | null = null;
  let numId: string | null = null;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const a = (n: string) => String(t.attributes[n] ?? '');
    if (t.name === 'w:abstractNum') abstract.set(a('w:abstractNumId'), (current = []));
    else if (t.name === 'w:lvl' && current) current[Number(a('w:ilvl'))] = level = { format: 'decimal', text: '%1.' };
    else if (t.name === 'w:numFmt' && level) level.format = a('w:val');
    else if (t.name === 'w:lvlText' && level) level.text = a('w:val');
    else if (t.name === 'w:num') numId = a('w:numId');
    else if (t.name === 'w:abstractNumId' && numId !== null) nums.set(numId, a('w:val'));
  });
  p.on('closetag', (t) => {
    if (t.name === 'w:lvl') level = null;
    if (t.name === 'w:abstractNum') current = null;
  });
  p.write(xml).close();
  const out = new Map<string, Level[]>();
  for (const [id, abs] of nums) out.set(id, abstract.get(abs) ?? []);
  return out;
}

/** The label Word shows for a list paragraph: its bullet as "-", its number as the level's format says. */
function listLabel(level: Level | undefined, n: number): string {
  if (!level || level.format === 'bullet') return level && /^[-–•]$/.test(level.text) ? level.text : '-';
  const digits = /thai/i.test(level.format) ? toThaiDigits(String(n)) : String(n);
  return level.text.replace(/%\d/g, digits) || `${digits}.`;
}

/** A list paragraph's text with the label Word shows before it, each list's counters kept per level. */
function listNumberer(numbering: ReadonlyMap<string, Level[]>) {
  const counters = new Map<string, number[]>();
  return (text: string, numId: string | null, ilvl: number): string => {
    if (numId === null || numId === '0') return text;
    const c = counters.get(numId) ?? [];
    c[ilvl] = (c[ilvl] ?? 0) + 1;
    c.length = ilvl + 1;
    counters.set(numId, c);
    return `${listLabel(numbering.get(numId)?.[ilvl], c[ilvl])} ${text}`;
  };
}

interface DocxCell {
  paragraphs: string[];
  span: number;
  mergeContinue: boolean;
}

/**
 * A top-level table's rows as the grid shows them: a cell merged down from the row above shows that
 * cell's text, a cell spanning columns fills them (its own text first, the rest empty).
 */
function tableGrid() {
  let row: DocxCell[] | null = null;
  let above: string[][] = [];
  return {
    startTable() {
      above = [];
    },
    startRow() {
      row = [];
    },
    endCell(cell: DocxCell) {
      if (!row) return;
      const at = row.reduce((n, c) => n + c.span, 0);
      if (cell.mergeContinue) cell.paragraphs = [...(above[at] ?? [])];
      row.push(cell);
    },
    /** the row's cells, one per grid column; null outside a row */
    endRow(): string[][] | null {
      if (!row) return null;
      const cells: string[][] = [];
      for (const c of row) {
        cells.push(c.paragraphs);
        for (let i = 1; i < c.span; i++) cells.push([]);
      }
      above = [];
      let g = 0;
      for (const c of row) {
        above[g] = c.paragraphs;
        g += c.span;
      }
      row = null;
      return cells;
    },
  };
}

/** word/document.xml and word/numbering.xml of a .docx, each refusal in its own Thai words. */
async function openDocx(bytes: Uint8Array, path: string): Promise<{ xml: string; numberingXml?: string }> {
  let zip: JSZip;
  // an archive bomb is refused by its sizes before jszip inflates a byte of it
  await checkInflatedSize(bytes, path);
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new FileError(IMPORT_FILE.docxBroken(path));
  }
  // judged by content: a zip that is an Excel workbook, a slide deck or an OpenDocument file is said to be
  // one, not called a damaged Word file
  if (zip.file('xl/workbook.xml')) throw new FileError(IMPORT_FILE.isWorkbook(path));
  if (!zip.file('word/document.xml')) {
    const other = zip.file('ppt/presentation.xml') ? 'PowerPoint' : zip.file('content.xml') ? 'OpenDocument' : '';
    if (other) throw new FileError(IMPORT_FILE.notWord(path, other));
  }
  try {
    const main = zip.file('word/document.xml');
    if (!main) throw new Error('no word/document.xml');
    return { xml: await main.async('string'), numberingXml: await zip.file('word/numbering.xml')?.async('string') };
  } catch {
    throw new FileError(IMPORT_FILE.docxBroken(path));
  }
}

/** The body's paragraphs and top-level table rows, in document order (nested tables' text stays in their cell). */
function docxBlocks(xml: string, numbering: ReadonlyMap<string, Level[]>): { blocks: ReportBlock[]; tables: number } {
  const label = listNumberer(numbering);
  const grid = tableGrid();
  const blocks: ReportBlock[] = [];
  let tableDepth = 0;
  let tables = 0;
  let rowNo = 0;
  let paragraphs = 0;
  let para: { text: string; numId: string | null; ilvl: number } | null = null;
  let inText = false;
  let cell: DocxCell | null = null;

  const endParagraph = () => {
    if (!para) return;
    const text = label(para.text, para.numId, para.ilvl);
    if (cell) cell.paragraphs.push(text);
    else if (tableDepth === 0) blocks.push({ kind: 'paragraph', text, place: IMPORT_PLACE.paragraph(++paragraphs) });
    para = null;
  };

  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const a = (n: string) => String(t.attributes[n] ?? '');
    const top = tableDepth === 1;
    switch (t.name) {
      case 'w:tbl':
        if (++tableDepth === 1) {
          tables++;
          rowNo = 0;
          grid.startTable();
        }
        break;
      case 'w:tr':
        if (top) grid.startRow();
        break;
      case 'w:tc':
        if (top) cell = { paragraphs: [], span: 1, mergeContinue: false };
        break;
      case 'w:gridSpan':
        if (cell && top) cell.span = Math.max(1, Number(a('w:val')) || 1);
        break;
      case 'w:vMerge':
        if (cell && top) cell.mergeContinue = a('w:val') !== 'restart';
        break;
      case 'w:p':
        para = { text: '', numId: null, ilvl: 0 };
        break;
      case 'w:numId':
        if (para) para.numId = a('w:val');
        break;
      case 'w:ilvl':
        if (para) para.ilvl = Number(a('w:val')) || 0;
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (para) para.text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (para) para.text += '\n';
        break;
    }
  });
  p.on('text', (s) => {
    if (inText && para) para.text += s;
  });
  p.on('closetag', (t) => {
    const top = tableDepth === 1;
    switch (t.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        endParagraph();
        break;
      case 'w:tc':
        if (cell && top) {
          grid.endCell(cell);
          cell = null;
        }
        break;
      case 'w:tr': {
        const cells = top ? grid.endRow() : null;
        if (cells) blocks.push({ kind: 'row', cells, place: IMPORT_PLACE.tableRow(tables, ++rowNo) });
        break;
      }
      case 'w:tbl':
        tableDepth--;
        break;
    }
  });
  p.write(xml).close();
  return { blocks, tables };
}

async function readDocx(bytes: Uint8Array, path: string) {
  const { xml, numberingXml } = await openDocx(bytes, path);
  const numbering = numberingXml ? readNumbering(numberingXml) : new Map<string, Level[]>();
  let read: { blocks: ReportBlock[]; tables: number };
  try {
    read = docxBlocks(xml, numbering);
  } catch {
    throw new FileError(IMPORT_FILE.docxBroken(path));
  }
  if (read.tables === 0) throw new FileError(IMPORT_FILE.docxNoTables(path));
  return { blocks: read.blocks, notes: [] };
}

// ---------------------------------------------------------------- .pdf

/** Every page's words with their boxes, from poppler's pdftotext. */
async function pdfWords(bytes: Uint8Array, path: string): Promise<PdfPage[]> {
  // a PDF cut short has no end-of-file marker; poppler would read what pages it can and say nothing
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF'))
    throw new FileError(IMPORT_FILE.truncated(path));
  const tool = findOnPath(['pdftotext']);
  if (!tool) throw new FileError(IMPORT_FILE.pdfToolMissing);
  const xhtml = await new Promise<string>((resolve, reject) => {
    execFile(
      tool,
      ['-bbox-layout', '-enc', 'UTF-8', path, '-'],
      { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const why = String(stderr || err.message).trim();
        reject(
          new FileError(
            /password/i.test(why) ? IMPORT_FILE.pdfEncrypted(path) : IMPORT_FILE.pdfBroken(path, why.split('\n')[0]),
          ),
        );
      },
    );
  });
  const pages: PdfPage[] = [];
  let word: PdfWord | null = null;
  // poppler's lines, numbered through the document: the order of a line's words shows a page's turn
  let line = 0;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const n = (k: string) => Number(t.attributes[k]);
    if (t.name === 'page') pages.push({ number: pages.length + 1, width: n('width'), words: [] });
    else if (t.name === 'line') line++;
    else if (t.name === 'word')
      word = { text: '', xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax'), line };
  });
  p.on('text', (s) => {
    if (word) word.text += s;
  });
  p.on('closetag', (t) => {
    if (t.name === 'word' && word) {
      pages[pages.length - 1]?.words.push(word);
      word = null;
    }
  });
  try {
    // the XHTML's DOCTYPE names an external DTD the parser must not fetch: read from <doc> on
    p.write(xhtml.slice(Math.max(0, xhtml.indexOf('<doc>')), xhtml.lastIndexOf('</doc>') + 6)).close();
  } catch (e) {
    throw new FileError(IMPORT_FILE.pdfBroken(path, String((e as Error).message)));
  }
  return pages;
}
