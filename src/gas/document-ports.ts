// The Apps Script side of generateDocument's ports (src/core/app/document-ports.ts): the tabs read
// from the bound sheet (one read per tab, dates on the sheet's zone), Drive and Docs as the document
// store (through src/gas/adapters/: supportsAllDrives everywhere, trashed = missing), ทะเบียนรายงาน in
// one write (then the public page's stored copy and the dashboard's last-report line), and the folder
// owner's queue in script properties. One script-properties handle per run.
// Scopes: documents, drive.file (Drive advanced service v3 only: DriveApp would need the full drive scope).
import type {
  DocumentPorts,
  DocumentStore,
  OwnerQueue,
  RegisterPort,
  SnapshotReader,
  TabNeeds,
} from '../core/app/document-ports';
import { addToQueue, readQueue } from '../core/app/queue';
import type { Cell } from '../core/cells';
import { offsetClock } from '../core/clock';
import { lastReport } from '../core/dashboard';
import { isRowOf } from '../core/register-row';
import { DIVISIONS_TAB, divisionTab, FIXED_TABS, REPORTS_TAB, SETTINGS_TAB } from '../core/schema';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { openDocument } from './adapters/docs';
import {
  createWithContent,
  docUrlOf,
  findFile,
  MIME_PDF,
  pdfUrlOf,
  publishedUrlOf,
  publishHead,
  trashFile,
} from './adapters/drive';
import { currentUserEmail } from './context';
import { writeLastReportLine } from './dashboard';
import { createFromFrame, writeGoogleDoc } from './document-doc';
import { placeImages } from './document-doc-images';
import { storePublicPage } from './public-page';
import { upsertRegisterRow } from './register';
import { ensureReportFolder, REPORT_OWNER_KEY, shareFolderWithAdmins } from './report-drive';
import { type ReadTab, readTab, type ZoneOffset, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** Script property: requests waiting for the folder owner's trigger (JSON list of QueueEntry). */
export const REPORT_QUEUE_KEY = 'reportQueue';

/** The sheet's tabs as a kind needs them, and what the register's write-back needs from the read. */
export interface SheetReader extends SnapshotReader {
  read(needs: TabNeeds): WorkbookSnapshot;
  readonly offset: ZoneOffset;
  /** the snapshot last read (its register replaced by what was written since) */
  snapshot(): WorkbookSnapshot;
  register(): ReadTab | null;
  setRegister(values: Cell[][]): void;
}

export function sheetReader(ss: Spreadsheet, offset: ZoneOffset = zoneOffsetMs(ss)): SheetReader {
  let snapshot: WorkbookSnapshot = { tabs: {} };
  let register: ReadTab | null = null;
  return {
    offset,
    snapshot: () => snapshot,
    register: () => register,
    setRegister(values) {
      snapshot = { tabs: { ...snapshot.tabs, [REPORTS_TAB.name]: values } };
      if (register) register = { ...register, values };
    },
    read(needs) {
      const tabs: Record<string, Cell[][]> = {};
      for (const spec of needs.tabs) {
        const t = readTab(ss, spec, offset);
        if (t) tabs[spec.name] = t.values;
        if (spec === REPORTS_TAB) register = t;
      }
      if (needs.divisionTabs) {
        // the division tabs hold the results; their names come from the divisions tab
        const divisions = parseDivisions(readTable({ tabs }, DIVISIONS_TAB));
        let missing = false;
        for (const name of new Set(divisions.map((d) => d.name).filter(Boolean))) {
          const t = readTab(ss, divisionTab(name), offset);
          if (t) tabs[name] = t.values;
          else missing = true;
        }
        // a division's tab not found by its exact name: every tab's name, so a look-alike ("กองคลัง ")
        // blocks here as it does in the CLI (src/core/app/report-checks.ts). Unread, so empty.
        if (missing)
          for (const sheet of ss.getSheets()) {
            const name = sheet.getName();
            // a fixed tab by its exact name is not a look-alike, and an empty one would read as headerless
            if (!(name in tabs) && !FIXED_TABS.some((t) => t.name === name)) tabs[name] = [];
          }
      }
      snapshot = { tabs };
      return snapshot;
    },
  };
}

/** Drive and Docs: the report folder (shared with the admins), the documents in it, their PDFs. */
export function driveStore(ss: Spreadsheet): DocumentStore {
  let folderId = '';
  return {
    prepare(parsed) {
      const settingsRead = parsed.tables.settings;
      const folderRow =
        settingsRead.rows.find((r) => String(r.cells.settingKey ?? '').trim() === 'reportFolderId')?.row ?? null;
      folderId = ensureReportFolder(
        ss,
        parsed.tracker.settings.reportFolderId,
        folderRow,
        settingsRead.columnIndex.settingValue,
      );
      return shareFolderWithAdmins(folderId, parsed.tracker.settings.admins);
    },
    open(existingId, title, model) {
      // a document in the trash still opens with openById: the facade counts it as missing
      if (existingId && findFile(existingId)) return { id: existingId, fresh: false };
      // a new Doc is Drive's import of the model's frame (page numbers, banner): one call, as an empty one
      return { id: createFromFrame(title, folderId, model), fresh: true };
    },
    write(id, fresh, model) {
      // regenerating: the frame imported over what the Doc held (a changed setting เลขหน้า, sample data
      // replaced); then the tables through DocumentApp, one documents.get, one batchUpdate (document-doc.ts)
      writeGoogleDoc(id, model, !fresh);
      // the memo's Garuda from the app's own image Doc (src/gas/garuda.ts)
      placeImages(id, model);
    },
    exportPdf(id, title) {
      const pdf = createWithContent(
        { name: `${title}.pdf`, mimeType: MIME_PDF, parents: [folderId] },
        openDocument(id).getAs(MIME_PDF),
        'id,webViewLink,lastModifyingUser(emailAddress)',
      );
      // who generated it: Drive records the account that created the PDF (no extra Session call)
      return { id: pdf.id as string, url: pdfUrlOf(pdf), by: pdf.lastModifyingUser?.emailAddress ?? '' };
    },
    publish: (id) => publishHead(id),
    trash: (id) => trashFile(id),
    links: (id) => ({ docUrl: docUrlOf(id), publishedUrl: publishedUrlOf(id) }),
  };
}

/**
 * ทะเบียนรายงาน in one setValues; then the public page's stored copy (so a visit reads no sheet) and,
 * when the latest round changed, the dashboard's last-report line. The document is out by then: a
 * hiccup in either is logged, never shown as a failure.
 */
export function sheetRegister(ss: Spreadsheet, reader: SheetReader, props: () => Properties): RegisterPort {
  return {
    record(key, cells) {
      // a run that read nothing yet (the owner's trigger recording an approval): the register and the
      // settings first, so the row is written among the others, never over them
      if (!(REPORTS_TAB.name in reader.snapshot().tabs))
        reader.read({ tabs: [SETTINGS_TAB, REPORTS_TAB], divisionTabs: false });
      const before = reader.snapshot();
      const values = upsertRegisterRow(ss, reader.register(), isRowOf(key), cells, reader.offset);
      reader.setRegister(values);
      const after = reader.snapshot();
      try {
        storePublicPage(after, props());
      } catch (e) {
        console.error(e);
      }
      const reports = (s: WorkbookSnapshot) => parseWorkbook(s).tracker.reports;
      const was = lastReport(reports(before));
      const now = lastReport(reports(after));
      if (JSON.stringify(now) !== JSON.stringify(was))
        try {
          writeLastReportLine(ss, reports(after), parseWorkbook(after).tracker.settings.numerals);
        } catch (e) {
          console.error(e);
        }
    },
  };
}

/**
 * THE rule of whose grant makes this account's documents: the folder owner's (their queue) when the
 * owner on record is another account, '' when this account makes them itself (the self-test asks too).
 */
export function folderOwnerIfNotMe(props: () => Properties): string {
  const owner = props().getProperty(REPORT_OWNER_KEY) ?? '';
  if (!owner) return '';
  return owner.toLowerCase() === Session.getEffectiveUser().getEmail().toLowerCase() ? '' : owner;
}

/** The folder owner's queue: another account's request waits for the owner's trigger. */
export function ownerQueue(props: () => Properties): OwnerQueue {
  return {
    ownerIfNotMe: () => folderOwnerIfNotMe(props),
    enqueue(request) {
      // who asked: the signed-in user's e-mail (the register's generatedBy, and whom the result is mailed to)
      const by = currentUserEmail();
      const lock = LockService.getScriptLock();
      lock.waitLock(10000);
      try {
        const queue = addToQueue(readQueue(props().getProperty(REPORT_QUEUE_KEY)), request, by);
        props().setProperty(REPORT_QUEUE_KEY, JSON.stringify(queue));
      } finally {
        lock.releaseLock();
      }
    },
  };
}

/** A lazily fetched script-properties handle: one PropertiesService call per run, whoever asks first. */
export function scriptProperties(): () => Properties {
  let props: Properties | null = null;
  return () => {
    if (!props) props = PropertiesService.getScriptProperties();
    return props;
  };
}

/** Every port of a document run on the bound sheet; queue: false for the owner's own trigger. */
export function gasDocumentPorts(
  ss: Spreadsheet,
  opts: { queue: boolean; props?: () => Properties },
): DocumentPorts & { reader: SheetReader; props: () => Properties } {
  const props = opts.props ?? scriptProperties();
  const reader = sheetReader(ss);
  return {
    reader,
    props,
    tabs: reader,
    store: driveStore(ss),
    register: sheetRegister(ss, reader, props),
    queue: opts.queue ? ownerQueue(props) : null,
    clock: offsetClock(reader.offset),
  };
}
