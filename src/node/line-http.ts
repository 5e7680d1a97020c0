// The LINE Messaging API's carrier in Node: Node's fetch with a timeout. Core writes every request
// and reads every answer (src/core/app/line-api.ts); this file only sends, and says in Thai when
// nothing came back. Where the token comes from: ITA_LINE_TOKEN, or a key file (--line-token-file),
// never the workbook. The API's base is https://api.line.me unless ITA_LINE_API names a stand-in.
import { readFileSync } from 'node:fs';
import { LINE_API_BASE, type LineChannel, type LineHttp } from '../core/app/line-api';
import { LINE, LINE_CLI } from '../core/messages/line';
import { UsageError } from './command';

/** How long one request may take before the digest goes by e-mail (ITA_LINE_TIMEOUT_MS overrides). */
export const LINE_TIMEOUT_MS = 10_000;

export function fetchCarrier(timeoutMs: number): LineHttp {
  return {
    async send(req) {
      let res: Response;
      try {
        res = await fetch(req.url, {
          method: req.method.toUpperCase(),
          headers: req.headers,
          ...(req.body === undefined ? {} : { body: req.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const name = (e as { name?: unknown } | null)?.name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new Error(LINE.timeout(timeoutMs / 1000));
        const cause = (e as { cause?: { code?: unknown } } | null)?.cause?.code;
        throw new Error(typeof cause === 'string' ? cause : String((e as Error).message ?? e));
      }
      return { status: res.status, text: await res.text() };
    },
  };
}

/**
 * The run's LINE channel, or null when no token is given (every digest by e-mail, as before).
 * A token file that cannot be read, or is empty, is refused before anything is sent.
 */
export function lineChannelFromEnv(
  tokenFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LineChannel | null {
  let token = env.ITA_LINE_TOKEN?.trim() ?? '';
  if (tokenFile !== undefined) {
    try {
      token = readFileSync(tokenFile, 'utf8').trim();
    } catch {
      throw new UsageError(LINE_CLI.tokenFileUnreadable(tokenFile));
    }
    if (token === '') throw new UsageError(LINE_CLI.tokenFileEmpty(tokenFile));
  }
  if (token === '') return null;
  const base = env.ITA_LINE_API?.trim() || LINE_API_BASE;
  if (!/^https?:\/\/[^\s/]+/i.test(base)) throw new UsageError(LINE_CLI.badApi(base));
  const timeout = Number(env.ITA_LINE_TIMEOUT_MS);
  return { token, base, http: fetchCarrier(Number.isFinite(timeout) && timeout > 0 ? timeout : LINE_TIMEOUT_MS) };
}
