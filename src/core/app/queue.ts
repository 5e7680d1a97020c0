// The folder owner's queue as data: what waits (a document request or a publish after approval) and who
// asked for it. Kept as JSON by the runtime (Apps Script: a script property); read back field by field,
// so a hand-edited or older value never reaches a use case as something it is not.
import { APPROVAL_STATUSES } from '../model';
import type { Round } from '../thai';
import type { ApprovalRequest, PublishRequest } from './approve';
import type { DocumentRequest } from './documents';

export type QueuedRequest = (DocumentRequest & { kind: string }) | PublishRequest | ApprovalRequest;

export interface QueueEntry {
  request: QueuedRequest;
  /** everyone who asked for it (their e-mails), in the order they asked */
  by: string[];
}

const isRound = (x: unknown): x is Round => x === 6 || x === 12;

/** One request as stored, or null when it is not one this version runs. */
export function queuedRequest(raw: unknown): QueuedRequest | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.kind !== 'string' || r.kind === '') return null;
  if (r.kind === 'publish' || r.kind === 'approve') {
    const row = r.row as Record<string, unknown> | undefined;
    if (typeof r.docId !== 'string' || !row || typeof row.fiscalYear !== 'number' || typeof row.docKind !== 'string')
      return null;
    const key = { fiscalYear: row.fiscalYear, docKind: row.docKind, round: isRound(row.round) ? row.round : null };
    if (r.kind === 'publish') return { kind: 'publish', docId: r.docId, row: key };
    const status = APPROVAL_STATUSES.find((x) => x === r.status) ?? '';
    return {
      kind: 'approve',
      docId: r.docId,
      row: key,
      status,
      approver: String(r.approver ?? ''),
      comment: String(r.comment ?? ''),
      publish: r.publish === true,
      ...(typeof r.at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(r.at) ? { at: r.at } : {}),
    };
  }
  const out: DocumentRequest = { kind: r.kind };
  if (isRound(r.round)) out.round = r.round;
  // an earlier fiscal year's report (the menu's past-year report): without it the owner would print this year's
  if (typeof r.year === 'number' && Number.isInteger(r.year) && r.year >= 2400 && r.year <= 2800) out.year = r.year;
  if (r.subject === 'plan' || r.subject === 'report') out.subject = r.subject;
  if (typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date)) out.date = r.date;
  return out;
}

/** The queue as stored; an entry from before the other documents (an e-mail) is the current round's report. */
export function readQueue(json: string | null): QueueEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json || '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e): QueueEntry[] => {
    if (typeof e === 'string') return [{ request: { kind: 'report' }, by: [e] }];
    const request = queuedRequest(e?.request);
    return request && Array.isArray(e.by) ? [{ request, by: e.by.map(String) }] : [];
  });
}

/** The queue with one more request: the same request asked again adds its asker to that entry. */
export function addToQueue(queue: readonly QueueEntry[], request: object, by: string): QueueEntry[] {
  const asked = queuedRequest(request);
  if (!asked) return [...queue];
  const out = queue.map((q) => ({ request: q.request, by: [...q.by] }));
  const same = out.find((q) => JSON.stringify(q.request) === JSON.stringify(asked));
  if (same) {
    if (by && !same.by.includes(by)) same.by.push(by);
  } else out.push({ request: asked, by: by ? [by] : [] });
  return out;
}

export const isPublishRequest = (r: QueuedRequest): r is PublishRequest =>
  r.kind === 'publish' && 'docId' in r && !('approver' in r);

export const isApprovalRequest = (r: QueuedRequest): r is ApprovalRequest => r.kind === 'approve' && 'approver' in r;
