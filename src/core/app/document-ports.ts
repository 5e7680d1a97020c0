// The ports generateDocument (./documents.ts) runs over. Apps Script implements them on Sheets, Drive
// and Docs (src/gas/document-ports.ts); the CLI on the .xlsx file and an output folder
// (src/node/document-ports.ts). Each answers at once (Apps Script) or with a promise (Node): ./flow.ts.
import type { Cell } from '../cells';
import type { Clock } from '../clock';
import type { DocumentModel } from '../document';
import type { RegisterKey } from '../register-row';
import type { TabSpec } from '../schema';
import type { ParsedWorkbook, WorkbookSnapshot } from '../workbook';
import type { Io } from './flow';

/** The tabs a kind reads: these fixed tabs, and (divisionTabs) every division's tab the divisions tab names. */
export interface TabNeeds {
  tabs: readonly TabSpec[];
  divisionTabs: boolean;
}

/**
 * Reads the tabs a kind needs, once, as a snapshot: dates on the agency's wall clock (core's
 * convention: a date typed as 1 Oct is 1 Oct), and every tab's name (an unread tab as []) when a
 * division's tab is not found by its exact name, so a look-alike ("กองคลัง ") is seen in both runtimes.
 */
export interface SnapshotReader {
  read(needs: TabNeeds): Io<WorkbookSnapshot>;
}

export interface OpenedDocument {
  id: string;
  /** created now (nothing to clear) */
  fresh: boolean;
}

export interface StoredPdf {
  /** the store's id of the PDF ('' when the store cannot take it back) */
  id: string;
  url: string;
  /** the account that made it ('' unknown) */
  by: string;
  /** what the store says about it (a PDF the CLI could not make when asked only if possible) */
  warnings?: string[];
}

/** Where documents live: Drive and Docs (Apps Script), an output folder (CLI). */
export interface DocumentStore {
  /** the folder, ready and shared with every admin; answers one warning per admin it could not share with */
  prepare(parsed: ParsedWorkbook): Io<string[]>;
  /**
   * the document with this id (a trashed one counts as missing), else a new one named title; the model
   * lets a store make a new document with its frame at once (Apps Script: page numbers and banner)
   */
  open(existingId: string, title: string, model: DocumentModel): Io<OpenedDocument>;
  write(id: string, fresh: boolean, model: DocumentModel): Io<void>;
  /** this generation's PDF, archived beside the document */
  exportPdf(id: string, title: string): Io<StoredPdf | null>;
  /** publishes the document as it is now; answers its public URL */
  publish(id: string): Io<string>;
  trash(id: string): Io<void>;
  links(id: string): { docUrl: string; publishedUrl: string };
}

/** ทะเบียนรายงาน: writes the cells given on the key's row (appended when there is none), in one write. */
export interface RegisterPort {
  record(key: RegisterKey, cells: Readonly<Record<string, Cell>>): Io<void>;
}

/**
 * The folder owner's queue: drive.file reaches the folder with its owner's grant only, so another
 * admin's (or an executive's) request waits for the owner's trigger, which runs it as the owner.
 */
export interface OwnerQueue {
  /** the owner's e-mail when the acting account is not the owner ('' when it is, or none is recorded) */
  ownerIfNotMe(): Io<string>;
  enqueue(request: object): Io<void>;
}

export interface DocumentPorts {
  tabs: SnapshotReader;
  store: DocumentStore;
  register: RegisterPort;
  /** null: every request runs now (the CLI; the owner's own trigger) */
  queue: OwnerQueue | null;
  clock: Clock;
}
