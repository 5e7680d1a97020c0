// บันทึกการอนุมัติ, once for both runtimes: the executive's approval on the document's register row
// and, when publishing waits for it (เผยแพร่หลังผู้บริหารอนุมัติ), the publish. Publishing needs the
// folder owner's Drive grant like generating does, so an executive's or another admin's click records
// the approval now and queues the publish for the owner's trigger (publishApproved), which publishes
// at the document's one public URL and marks the row เผยแพร่แล้ว.
import { APPROVAL_STATUS } from '../messages/plan';
import type { ApprovalStatus } from '../model';
import { laterStatus, type RegisterKey } from '../register-row';
import type { DocumentPorts } from './document-ports';
import { call, type Flow } from './flow';
import { reasonOf } from './notifier';

export interface ApprovalRequest {
  row: RegisterKey;
  docId: string;
  status: ApprovalStatus | '';
  approver: string;
  comment: string;
  /** publishing waits for this approval (the setting) */
  publish: boolean;
}

/** The owner's trigger's request: publish this document, mark its row published. */
export interface PublishRequest {
  kind: 'publish';
  docId: string;
  row: RegisterKey;
}

export type ApprovalOutcome =
  | { kind: 'recorded'; published: boolean; publishedUrl: string }
  /** recorded; the publish waits for the folder owner's trigger */
  | { kind: 'queued'; owner: string }
  /** recorded, but the publish failed */
  | { kind: 'failed'; message: string; error: unknown };

type Ports = Pick<DocumentPorts, 'queue' | 'store' | 'register' | 'clock'>;

export function* recordApproval(
  request: ApprovalRequest,
  ports: Ports,
  failed: (why: string) => string,
): Flow<ApprovalOutcome> {
  const cells = {
    approver: request.approver,
    approvedAt: ports.clock.now(),
    approvalComment: request.comment,
    approvalStatus: APPROVAL_STATUS[laterStatus(request.status, 'approved')],
  };
  const record = (status?: ApprovalStatus) =>
    call(ports.register.record(request.row, status ? { ...cells, approvalStatus: APPROVAL_STATUS[status] } : cells));
  if (!request.publish || !request.docId) {
    yield* record();
    return { kind: 'recorded', published: false, publishedUrl: '' };
  }
  if (ports.queue) {
    const owner = yield* call(ports.queue.ownerIfNotMe());
    if (owner) {
      yield* record();
      const publish: PublishRequest = { kind: 'publish', docId: request.docId, row: request.row };
      yield* call(ports.queue.enqueue(publish));
      return { kind: 'queued', owner };
    }
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
