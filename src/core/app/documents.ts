// generateDocument, the one way every document is made in both runtimes (DESIGN §15): read the tabs
// the kind needs → its blocking problems → build its document model → (another admin's click: the
// owner's queue) → the store: the folder, open or create the document (trashed = missing), write it,
// archive a PDF → the publish policy → record it in ทะเบียนรายงาน. The menu, the owner's trigger and
// the CLI only build the ports (./document-ports.ts) and show the outcome; a kind is its builder
// (./document-kinds.ts), so every rule here holds for the report, the plan, the memo and any kind added.
//
// Failure: anything the store or the register throws becomes the kind's own Thai failure; the
// published revision and the register are left as they were (publishing and the register come last;
// a refused publish takes this generation's PDF back to the trash so retries leave none behind).

import type { Problem } from '../cell-rules';
import type { Cell } from '../cells';
import type { DocumentModel } from '../document';
import { REPORT } from '../messages/report';
import type { ApprovalStatus } from '../model';
import type { RegisterKey } from '../register-row';
import { isoFromWallDate, type Numerals, type Round } from '../thai';
import { hasErrors } from '../validate';
import { type ParsedWorkbook, parseWorkbook, type WorkbookSnapshot } from '../workbook';
import type { DocumentPorts, StoredPdf, TabNeeds } from './document-ports';
import { call, type Flow } from './flow';
import { reasonOf } from './notifier';

/**
 * What is asked for: a kind by its registry name and what that kind reads from it. Plain data, so the
 * owner's queue can keep it as it was asked (JSON in a script property) and run it later.
 */
export interface DocumentRequest {
  kind: string;
  /** a round's report: its round (default the settings' round); a memo: the subject's round */
  round?: Round;
  /** a round's report of an earlier fiscal year (BE), printed from its snapshot; default the settings' year */
  year?: number;
  /** a memo: what it proposes ('plan' or a round's report, with round) */
  subject?: 'plan' | 'report';
  /** the day the document is dated (ISO); default today on the clock */
  date?: string;
  /** who asked, for the register ('' or absent: the account the store says made the files) */
  by?: string;
  /** a memo: the Garuda's image id where the runtime brings its own (the CLI's --garuda); default the setting's */
  garudaImageId?: string;
}

/** A kind's document, built from the tabs read: what the store writes and where the register keeps it. */
export interface BuiltDocument<X> {
  model: DocumentModel;
  /** the document's name in the store (its title) */
  title: string;
  warnings: string[];
  /** what the kind built the model from (the report's ReportModel …), handed back to the caller */
  source: X;
  /** the register row this document is recorded on */
  row: RegisterKey;
  /** the document on record for this row, to be rewritten ('' none); its public URL and status */
  onRecord: { docId: string; publishedUrl: string; status: ApprovalStatus | '' };
  fiscalYear: number;
  round: Round | null;
  numerals: Numerals;
  /** archive a PDF of each generation beside the document */
  archivePdf: boolean;
  /** published by the publish policy (now, or after an executive's approval); false: never published */
  publishable: boolean;
  /** the register's cells this generation writes on its row */
  registerCells(stored: StoredDocument, now: Date, by: string): Record<string, Cell>;
}

/** A document kind: what it reads, what blocks it, how it is built. Registered in ./document-kinds.ts. */
export interface DocumentKind<X = unknown> {
  name: string;
  /** what the flow is called in dialogs and e-mails (Thai: "สร้างมาตรการประจำปี") */
  label: string;
  needs: TabNeeds;
  /** the kind's own failure wording (Thai), with the reason, and the title it is shown under */
  failed(why: string): string;
  errorsTitle: string;
  /** the title and first line of the dialog that lists what blocks it */
  blockedTitle: string;
  blockedIntro(count: number): string;
  problems(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook, request: DocumentRequest): Problem[];
  /** the document, or a Thai refusal (a memo for a document not generated yet) */
  build(
    snapshot: WorkbookSnapshot,
    parsed: ParsedWorkbook,
    request: DocumentRequest & { date: string },
  ): BuiltDocument<X> | { refused: string };
}

/** Where a generation put the document. */
export interface StoredDocument {
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
  /** published by this generation */
  published: boolean;
}

export interface GeneratedDocument<X> extends StoredDocument {
  title: string;
  warnings: string[];
  model: DocumentModel;
  source: X;
  fiscalYear: number;
  round: Round | null;
  numerals: Numerals;
}

export type DocumentOutcome<X> =
  | { kind: 'blocked'; problems: Problem[] }
  | { kind: 'refused'; message: string }
  /** another admin's click: queued for the folder owner's trigger (owner: their e-mail) */
  | { kind: 'queued'; owner: string }
  | { kind: 'failed'; message: string; error: unknown }
  | { kind: 'done'; document: GeneratedDocument<X> };

/** One document of a kind. Run it with runSync (Apps Script) or runAsync (Node). */
export function* generateDocument<X>(
  kind: DocumentKind<X>,
  request: DocumentRequest,
  ports: DocumentPorts,
): Flow<DocumentOutcome<X>> {
  const snapshot = yield* call(ports.tabs.read(kind.needs));
  const parsed = parseWorkbook(snapshot);
  const problems = kind.problems(snapshot, parsed, request);
  if (hasErrors(problems)) return { kind: 'blocked', problems };
  const now = ports.clock.now();
  const asked = { ...request, date: request.date ?? isoFromWallDate(now) };
  const built = kind.build(snapshot, parsed, asked);
  if ('refused' in built) return { kind: 'refused', message: built.refused };
  // drive.file reaches the folder only with its owner's grant: another admin's click waits for the owner
  if (ports.queue) {
    const owner = yield* call(ports.queue.ownerIfNotMe());
    if (owner) {
      yield* call(ports.queue.enqueue(asked));
      return { kind: 'queued', owner };
    }
  }
  try {
    const stored = yield* storeDocument(built, parsed, ports);
    const by = request.by || stored.pdf?.by || '';
    yield* call(ports.register.record(built.row, built.registerCells(stored.document, now, by)));
    return {
      kind: 'done',
      document: {
        ...stored.document,
        title: built.title,
        warnings: stored.warnings,
        model: built.model,
        source: built.source,
        fiscalYear: built.fiscalYear,
        round: built.round,
        numerals: built.numerals,
      },
    };
  } catch (e) {
    return { kind: 'failed', message: kind.failed(reasonOf(e)), error: e };
  }
}

/** The store's part: folder, document, PDF, publish (throws; the caller words the failure). */
function* storeDocument<X>(
  built: BuiltDocument<X>,
  parsed: ParsedWorkbook,
  ports: DocumentPorts,
): Flow<{ document: StoredDocument; warnings: string[]; pdf: StoredPdf | null }> {
  const { store } = ports;
  const warnings = [...built.warnings];
  // the folder, shared with every admin: one address Drive refuses is a warning naming it
  warnings.push(...(yield* call(store.prepare(parsed))));
  const onRecord = built.onRecord;
  const opened = yield* call(store.open(onRecord.docId, built.title, built.model));
  // the document on record is gone (deleted, in the trash): a new one, and its public URL changed
  if (onRecord.docId && opened.id !== onRecord.docId) warnings.unshift(REPORT.docReplaced(onRecord.docId));
  yield* call(store.write(opened.id, opened.fresh, built.model));
  const pdf = built.archivePdf ? yield* call(store.exportPdf(opened.id, built.title)) : null;
  if (pdf?.warnings) warnings.push(...pdf.warnings);
  const links = store.links(opened.id);
  // the URL on record stays while the document does (the public link never changes)
  const kept = (onRecord.docId === opened.id && onRecord.publishedUrl) || '';
  let publishedUrl = kept || links.publishedUrl;
  const published = built.publishable && !parsed.tracker.settings.publishAfterApproval;
  if (published)
    try {
      const link = yield* call(store.publish(opened.id));
      publishedUrl = kept || link;
    } catch (e) {
      if (pdf?.id)
        try {
          yield* call(store.trash(pdf.id));
        } catch {
          // the refusal is what the user needs to hear; a PDF left behind is only clutter
        }
      throw e;
    }
  return {
    document: { docId: opened.id, docUrl: links.docUrl, publishedUrl, pdfUrl: pdf?.url ?? '', published },
    warnings,
    pdf,
  };
}
