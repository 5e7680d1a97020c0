// What can go wrong between the CLI and Google, as the Thai message a user can act on.
// GoogleError extends FileError so the CLI reports it like any unreadable input: message, exit 2,
// no stack trace. The roll-up keeps it per sheet and carries on with the others.
import { GOOGLE } from '../../core/messages/google';
import { FileError } from '../command';

export type GoogleErrorKind =
  | 'badRef'
  | 'credentials'
  | 'notShared'
  | 'notFound'
  | 'apiDisabled'
  | 'notTracker'
  | 'busy'
  | 'timeout'
  | 'network'
  | 'other';

export class GoogleError extends FileError {
  constructor(
    readonly kind: GoogleErrorKind,
    message: string,
    /** HTTP status when Google answered */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The parts of a gaxios error we read (kept structural so tests can build one). */
interface HttpishError {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

export function httpStatusOf(e: unknown): number | undefined {
  const err = e as HttpishError | null;
  if (!err || typeof err !== 'object') return undefined;
  const s = err.status ?? err.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Google's error body: {error: {code, message, status, details: [{reason}]}} (or OAuth's {error, error_description}). */
function googleReason(e: unknown): { message: string; reasons: string[] } {
  const data = (e as HttpishError)?.response?.data as
    | {
        error?:
          | { message?: string; status?: string; details?: { reason?: string }[]; errors?: { reason?: string }[] }
          | string;
        error_description?: string;
      }
    | undefined;
  if (data && typeof data.error === 'object') {
    const reasons = [
      data.error.status,
      ...(data.error.details ?? []).map((d) => d.reason),
      ...(data.error.errors ?? []).map((d) => d.reason),
    ];
    return { message: data.error.message ?? '', reasons: reasons.filter((r): r is string => !!r) };
  }
  if (data && typeof data.error === 'string')
    return { message: [data.error, data.error_description].filter(Boolean).join(': '), reasons: [data.error] };
  return { message: (e as HttpishError)?.message ?? String(e), reasons: [] };
}

export const isTimeout = (e: unknown): boolean => {
  const err = e as HttpishError & { name?: string; cause?: { name?: string } };
  return (
    err?.code === 'TimeoutError' ||
    err?.name === 'TimeoutError' ||
    err?.cause?.name === 'TimeoutError' ||
    /aborted due to timeout/i.test(err?.message ?? '')
  );
};

const NETWORK_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'ECONNABORTED',
];

export function isNetworkError(e: unknown): boolean {
  const err = e as HttpishError & { cause?: { code?: string } };
  if (httpStatusOf(e) !== undefined) return false;
  const code = String(err?.code ?? err?.cause?.code ?? '');
  return NETWORK_CODES.includes(code) || /fetch failed|socket hang up|network/i.test(err?.message ?? '');
}

export interface ErrorContext {
  /** the sheet as the user named it (id or URL) */
  sheet: string;
  /** the account the sheet must be shared with, when known */
  account?: string;
  timeoutMs: number;
  attempts: number;
}

/** Turns whatever the client threw into a GoogleError with a Thai message. */
export function toGoogleError(e: unknown, ctx: ErrorContext): GoogleError {
  if (e instanceof GoogleError) return e;
  if (isTimeout(e)) return new GoogleError('timeout', GOOGLE.timeout(ctx.sheet, ctx.timeoutMs / 1000));
  const status = httpStatusOf(e);
  const { message, reasons } = googleReason(e);
  if (status === undefined) {
    if (isNetworkError(e)) return new GoogleError('network', GOOGLE.network(message));
    return new GoogleError('other', GOOGLE.other(ctx.sheet, '-', message));
  }
  if (status === 401) return new GoogleError('credentials', GOOGLE.badCredentials(message), status);
  if (status === 403 && reasons.some((r) => r === 'SERVICE_DISABLED' || r === 'accessNotConfigured'))
    return new GoogleError('apiDisabled', GOOGLE.apiDisabled(message), status);
  if (status === 403)
    return new GoogleError(
      'notShared',
      ctx.account ? GOOGLE.notShared(ctx.sheet, ctx.account) : GOOGLE.notSharedAccount(ctx.sheet),
      status,
    );
  if (status === 404) return new GoogleError('notFound', GOOGLE.notFound(ctx.sheet), status);
  if (status === 429 || status >= 500)
    return new GoogleError('busy', GOOGLE.busy(ctx.sheet, status, ctx.attempts), status);
  return new GoogleError('other', GOOGLE.other(ctx.sheet, String(status), message), status);
}
