// The CLI side of generateDocument's ports (src/core/app/document-ports.ts): the tabs a kind needs from
// the workbook as read (the same tabs Apps Script reads, so both judge the same data), an output folder
// as the document store (<kind>.docx + <kind>.html, + <kind>.pdf through LibreOffice, all or nothing),
// and ทะเบียนรายงาน in the workbook file through the one writing path (editWorkbookFile, under the
// workbook's lock), so `ita-tracker index` lists what was generated. The links on record are file: URLs.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentPorts, DocumentStore, RegisterPort, SnapshotReader } from '../core/app/document-ports';
import type { Cell } from '../core/cells';
import { renderDocumentHtml } from '../core/document-html';
import { isRowOf, withRegisterRow } from '../core/register-row';
import { DIVISIONS_TAB, divisionTab, FIXED_TABS, REPORTS_TAB } from '../core/schema';
import { parseDivisions, readTable, type WorkbookSnapshot } from '../core/workbook';
import { writeOutputFolder } from './atomic';
import { bangkokClock } from './clock';
import { writeDocumentDocx } from './document-docx';
import { findSoffice, writePdfFromDocx } from './pdf';
import { editWorkbookFile, type KeptWorkbook } from './xlsx-store';

/** The kind's tabs out of the workbook as read; every tab's name (unread: []) when a division's tab is missing. */
export function workbookReader(snapshot: WorkbookSnapshot): SnapshotReader {
  return {
    read(needs) {
      const tabs: Record<string, Cell[][]> = {};
      for (const spec of needs.tabs) if (spec.name in snapshot.tabs) tabs[spec.name] = snapshot.tabs[spec.name];
      if (needs.divisionTabs) {
        let missing = false;
        for (const name of new Set(parseDivisions(readTable({ tabs }, DIVISIONS_TAB)).map((d) => d.name))) {
          if (!name) continue;
          const tab = divisionTab(name).name;
          if (tab in snapshot.tabs) tabs[tab] = snapshot.tabs[tab];
          else missing = true;
        }
        // as Apps Script lists them: a look-alike ("กองคลัง ") is seen, and blocks, in both runtimes
        if (missing)
          for (const name of Object.keys(snapshot.tabs))
            if (!(name in tabs) && !FIXED_TABS.some((t) => t.name === name)) tabs[name] = [];
      }
      return { tabs };
    },
  };
}

export type PdfMode = 'require' | 'auto' | 'off';

/** What the output folder store wrote. */
export interface WrittenFiles {
  docx: string;
  html: string;
  pdf?: string;
}

const fileUrl = (path: string): string => pathToFileURL(path).href;

/**
 * An output folder as the store: `base`.docx and `base`.html, and with pdf 'require' (fails without
 * LibreOffice) or 'auto' (when soffice is on PATH; a failure is a warning) `base`.pdf, written together or
 * not at all. A document is never "published" offline: its HTML is what the public page links.
 */
export function outputFolderStore(
  outDir: string,
  base: string,
  pdf: PdfMode,
  /** image bytes by the id a model's image slot names (the memo's --garuda file) */
  images?: ReadonlyMap<string, Uint8Array>,
): DocumentStore & { written(): WrittenFiles | null } {
  let written: WrittenFiles | null = null;
  const warnings: string[] = [];
  const final = (ext: string) => join(resolve(outDir), `${base}.${ext}`);
  return {
    written: () => written,
    prepare: () => [],
    open: () => ({ id: final('docx'), fresh: true }),
    async write(_id, _fresh, model) {
      const docx = await writeDocumentDocx(model, images);
      // all or nothing: a PDF that fails leaves no half-written folder (src/node/atomic.ts)
      written = await writeOutputFolder(outDir, async (folder) => {
        const files: WrittenFiles = {
          docx: folder.write(`${base}.docx`, docx),
          html: folder.write(`${base}.html`, renderDocumentHtml(model)),
        };
        const soffice = pdf === 'off' ? null : findSoffice();
        if (soffice) {
          const path = folder.path(`${base}.pdf`);
          try {
            await writePdfFromDocx(docx, path.staged, soffice);
            files.pdf = path.final;
          } catch (e) {
            // asked for: a failure; made only because LibreOffice happens to be installed: a warning
            if (pdf === 'require') throw e;
            warnings.push(e instanceof Error ? e.message : String(e));
          }
        }
        return files;
      });
    },
    exportPdf: () =>
      written?.pdf || warnings.length
        ? { id: '', url: written?.pdf ? fileUrl(written.pdf) : '', by: '', warnings: warnings.splice(0) }
        : null,
    publish: () => fileUrl(final('html')),
    trash: () => undefined,
    links: () => ({ docUrl: fileUrl(final('docx')), publishedUrl: fileUrl(final('html')) }),
  };
}

/**
 * ทะเบียนรายงาน in the workbook file: the row written through editWorkbookFile (under its lock, the
 * file as it is then, only the register's cells patched; `kept`, the workbook as the command read it,
 * spares parsing it again when nobody changed the file since). null path (a live Google Sheet, the
 * demo): nothing recorded.
 */
export function workbookRegister(path: string | null, command: string, kept?: KeptWorkbook): RegisterPort {
  return {
    async record(key, cells) {
      if (!path) return;
      await editWorkbookFile(
        path,
        command,
        (workbook) => {
          const values = withRegisterRow(workbook.snapshot.tabs[REPORTS_TAB.name] ?? [], isRowOf(key), cells);
          workbook.patch({ tabs: { [REPORTS_TAB.name]: values } });
        },
        kept,
      );
    },
  };
}

/** Every port of a CLI document run: no owner's queue (the file is the user's own). */
export function cliDocumentPorts(opts: {
  snapshot: WorkbookSnapshot;
  out: string;
  base: string;
  pdf: PdfMode;
  /** the workbook file to record in, null for none */
  workbook: string | null;
  /** that file as the command read it (openSource's keep) */
  kept?: KeptWorkbook;
  command: string;
  images?: ReadonlyMap<string, Uint8Array>;
}): DocumentPorts & { store: ReturnType<typeof outputFolderStore> } {
  return {
    tabs: workbookReader(opts.snapshot),
    store: outputFolderStore(opts.out, opts.base, opts.pdf, opts.images),
    register: workbookRegister(opts.workbook, opts.command, opts.kept),
    queue: null,
    clock: bangkokClock,
  };
}
