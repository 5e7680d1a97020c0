// A local stand-in of the LINE Messaging API on loopback (offline): the month's quota and what was
// used, each group's members count, and the pushes it received with their headers. A test can make a
// path answer otherwise (429, 500) or never answer (a timeout). It follows the reference's shapes
// (developers.line.biz/en/reference/messaging-api/: push, quota, quota/consumption, members/count).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LineStandIn {
  url: string;
  requests: StandInRequest[];
  pushes(): { to: string; messages: { type: string; text: string }[]; authorization?: string }[];
  /** the quota (null: "none") and the month's use so far */
  state: { limit: number | null; used: number; members: Record<string, number> };
  /** per path ("/v2/bot/message/push"): a status and body to answer instead, or 'hang' */
  override: Map<string, { status: number; body: string } | 'hang'>;
  close(): Promise<void>;
}

type State = LineStandIn['state'];

/** What the LINE API answers a request (the same for the loopback server and the UrlFetchApp fake's route). */
export function lineAnswer(
  full: State,
  override: LineStandIn['override'],
  method: string,
  path: string,
  authorization: string | undefined,
  body: string,
): { status: number; body: string } | 'hang' {
  const answer = (status: number, json: unknown) => ({
    status,
    body: typeof json === 'string' ? json : JSON.stringify(json),
  });
  const special = override.get(path);
  if (special === 'hang') return 'hang';
  if (special) return answer(special.status, special.body);
  if (authorization === undefined || !/^Bearer \S+$/.test(authorization))
    return answer(401, { message: 'Authentication failed' });
  if (method === 'GET' && path === '/v2/bot/message/quota')
    return answer(200, full.limit === null ? { type: 'none' } : { type: 'limited', value: full.limit });
  if (method === 'GET' && path === '/v2/bot/message/quota/consumption') return answer(200, { totalUsage: full.used });
  const m = /^\/v2\/bot\/group\/([^/]+)\/members\/count$/.exec(path);
  if (method === 'GET' && m) {
    const count = full.members[decodeURIComponent(m[1])];
    return count === undefined ? answer(404, { message: 'Not found' }) : answer(200, { count });
  }
  if (method === 'POST' && path === '/v2/bot/message/push') {
    let parsed: { to?: string; messages?: unknown[] };
    try {
      parsed = JSON.parse(body);
    } catch {
      return answer(400, { message: 'The request body has 1 error(s)' });
    }
    const cost = full.members[parsed.to ?? ''] ?? 0;
    if (full.limit !== null && full.used + cost > full.limit)
      return answer(429, { message: 'You have reached your monthly limit.' });
    full.used += cost;
    return answer(200, {});
  }
  return answer(404, { message: 'Not found' });
}

export async function startLineStandIn(state: Partial<LineStandIn['state']> = {}): Promise<LineStandIn> {
  const requests: StandInRequest[] = [];
  const full = { limit: 300, used: 0, members: {}, ...state } as LineStandIn['state'];
  const override: LineStandIn['override'] = new Map();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(typeof json === 'string' ? json : JSON.stringify(json));
      };
      const a = lineAnswer(full, override, req.method ?? '', path, req.headers.authorization, body);
      if (a === 'hang') return; // never answers: the client's timeout decides
      answer(a.status, a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state: full,
    override,
    pushes: () =>
      requests
        .filter((r) => r.path === '/v2/bot/message/push')
        .map((r) => ({
          ...(JSON.parse(r.body) as { to: string; messages: { type: string; text: string }[] }),
          authorization: r.headers.authorization,
        })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A webhook body as LINE sends it: one text message event from a group (or a 1:1 chat with `source`). */
export function groupTextEvent(
  groupId: string,
  text: string,
  source: Record<string, string> = { type: 'group', groupId, userId: `U${'0'.repeat(32)}` },
): string {
  return JSON.stringify({
    destination: `U${'1'.repeat(32)}`,
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: 1_700_000_000_000,
        source,
        replyToken: 'r',
        message: { type: 'text', id: '1', text },
      },
    ],
  });
}

/**
 * LINE delivering a webhook body to `url`: POST with "X-Line-Signature", the base64 HMAC-SHA256 of the
 * body with the channel secret as key (developers.line.biz/en/reference/messaging-api/#signature-validation),
 * when a secret is given. Answers the receiver's status.
 */
export async function deliverWebhook(url: string, body: string, secret?: string, signature?: string): Promise<number> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const sig = signature ?? (secret ? createHmac('sha256', secret).update(body, 'utf8').digest('base64') : undefined);
  if (sig) headers['X-Line-Signature'] = sig;
  const res = await fetch(url, { method: 'POST', headers, body });
  await res.text();
  return res.status;
}
