// บันทึกการอนุมัติ, once for both runtimes: the executive's approval on the document's register row
// and, when publishing waits for it (เผยแพร่หลังผู้บริหารอนุมัติ), the publish. Publishing needs the
// folder owner's Drive grant like generating does, and the register is protected to the admins, so an
// executive's (or another admin's) click is queued whole for the owner's trigger, which records the
// approval as clicked (who, when, the comment) and publishes at the document's one public URL.
import { APPROVAL_STATUS, DOC_KIND } from '../messages/plan';
import type { ApprovalStatus, ReportRecord } from '../model';
import { laterStatus, type RegisterKey } from '../register-row';
import type { DocumentPorts } from './document-ports';
import { call, type Flow } from './flow';
import { reasonOf } from './notifier';

export interface ApprovalRequest {
  kind: 'approve';
  row: RegisterKey;
  docId: string;
  status: ApprovalStatus | '';
  approver: string;
  comment: string;
  /** publishing waits for this approval (the setting) */
  publish: boolean;
  /** when it was approved, wall clock ("YYYY-MM-DDTHH:mm:ss"); default now on the clock */
  at?: string;
}

/** The owner's trigger's request: publish this document, mark its row published. */
export interface PublishRequest {
  kind: 'publish';
  docId: string;
  row: RegisterKey;
}

export type ApprovalOutcome =
  | { kind: 'recorded'; published: boolean; publishedUrl: string }
  /** the approval (and the publish) wait for the folder owner's trigger */
  | { kind: 'queued'; owner: string }
  /** recorded, but the publish failed */
  | { kind: 'failed'; message: string; error: unknown };

/** The register's rows an approval can be recorded on: a memo proposed them, and none is approved yet. */
export const awaitingApproval = (reports: readonly ReportRecord[]): ReportRecord[] =>
  reports.filter((r) => r.memoUrl && (r.status === 'proposed' || !r.approvedAt));

/** The approval of one register row, as recordApproval takes it (publish: the setting เผยแพร่หลังผู้บริหารอนุมัติ). */
export function approvalOf(record: ReportRecord, approver: string, comment: string, publish: boolean): ApprovalRequest {
  const row: RegisterKey =
    record.kind === 'plan'
      ? { fiscalYear: record.fiscalYear, docKind: DOC_KIND.plan, round: null }
      : { fiscalYear: record.fiscalYear, docKind: DOC_KIND.report, round: record.round };
  return { kind: 'approve', row, docId: record.docId, status: record.status ?? '', approver, comment, publish };
}

type Ports = Pick<DocumentPorts, 'queue' | 'store' | 'register' | 'clock'>;

export function* recordApproval(
  request: ApprovalRequest,
  ports: Ports,
  failed: (why: string) => string,
): Flow<ApprovalOutcome> {
  const now = ports.clock.now();
  if (ports.queue) {
    const owner = yield* call(ports.queue.ownerIfNotMe());
    if (owner) {
      const asked: ApprovalRequest = { ...request, at: request.at ?? now.toISOString().slice(0, 19) };
      yield* call(ports.queue.enqueue(asked));
      return { kind: 'queued', owner };
    }
  }
  const cells = {
    approver: request.approver,
    approvedAt: request.at ? new Date(`${request.at}Z`) : now,
    approvalComment: request.comment,
    approvalStatus: APPROVAL_STATUS[laterStatus(request.status, 'approved')],
  };
  const record = (status?: ApprovalStatus) =>
    call(ports.register.record(request.row, status ? { ...cells, approvalStatus: APPROVAL_STATUS[status] } : cells));
  if (!request.publish || !request.docId) {
    yield* record();
    return { kind: 'recorded', published: false, publishedUrl: '' };
  }
  let publishedUrl: string;
  try {
    publishedUrl = yield* call(ports.store.publish(request.docId));
  } catch (e) {
    yield* record();
    return { kind: 'failed', message: failed(reasonOf(e)), error: e };
  }
  yield* record('published');
  return { kind: 'recorded', published: true, publishedUrl };
}

export type PublishOutcome =
  | { kind: 'done'; publishedUrl: string }
  | { kind: 'failed'; message: string; error: unknown };

/** The owner's trigger publishing an approved document: at its one public URL, the row marked published. */
export function* publishApproved(
  request: PublishRequest,
  ports: Pick<DocumentPorts, 'store' | 'register'>,
  failed: (why: string) => string,
): Flow<PublishOutcome> {
  try {
    const publishedUrl = yield* call(ports.store.publish(request.docId));
    yield* call(ports.register.record(request.row, { approvalStatus: APPROVAL_STATUS.published }));
    return { kind: 'done', publishedUrl };
  } catch (e) {
    return { kind: 'failed', message: failed(reasonOf(e)), error: e };
  }
}
