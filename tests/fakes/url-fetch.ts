// In-memory UrlFetchApp, from the Apps Script reference (nothing reaches the internet; a test routes
// each request to an answer):
// - Class UrlFetchApp, fetch(url, params)
//   (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)):
//   params.method (default get, any case), headers, payload, contentType (default
//   application/x-www-form-urlencoded when there is a payload), muteHttpExceptions: "If true the fetch
//   doesn't throw an exception if the response code indicates failure, and instead returns the
//   HTTPResponse. The default is false." Without it a code of 400 or more throws "Request failed for
//   <url> returned code <n>. Truncated server response: …".
// - Class HTTPResponse (https://developers.google.com/apps-script/reference/url-fetch/http-response):
//   getResponseCode() "the HTTP status code (200 for OK, etc.)", getContentText() "the content of an
//   HTTP response encoded as a string", getAllHeaders(), getHeaders().
// - A request that gets no answer (a host that does not answer in time, a name that does not resolve)
//   throws whatever muteHttpExceptions says: "Timeout: <url>" / "Address unavailable: <url>"
//   (muteHttpExceptions mutes HTTP codes only).
import { counted } from './calls';
import type { FakeModule } from './context';

export const URL_FETCH_ERR = {
  failed: (url: string, code: number, body: string) =>
    `Request failed for ${url} returned code ${code}. Truncated server response: ${body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
  timeout: (url: string) => `Timeout: ${url}`,
  unavailable: (url: string) => `Address unavailable: ${url}`,
} as const;

/** One request as the fake received it. */
export interface FetchedRequest {
  url: string;
  /** upper case: GET, POST, … */
  method: string;
  headers: Record<string, string>;
  /** the payload as text ('' when none) */
  payload: string;
  contentType: string;
  muteHttpExceptions: boolean;
}

/** What a route answers: a response, or no answer at all. */
export type FetchAnswer =
  | { status: number; body: string; headers?: Record<string, string> }
  | 'timeout'
  | 'unavailable';

/** A route: answers the requests it knows (or undefined, for the next route). */
export type FetchRoute = (req: FetchedRequest) => FetchAnswer | undefined;

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

class FakeHTTPResponse {
  readonly _api: GoogleAppsScript.URL_Fetch.HTTPResponse;
  constructor(private readonly answer: { status: number; body: string; headers?: Record<string, string> }) {
    this._api = counted('HTTPResponse', this) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }
  getResponseCode(): number {
    return this.answer.status;
  }
  getContentText(): string {
    return this.answer.body;
  }
  getAllHeaders(): Record<string, string> {
    return { ...(this.answer.headers ?? {}) };
  }
  getHeaders(): Record<string, string> {
    return { ...(this.answer.headers ?? {}) };
  }
}

class FakeUrlFetchApp {
  readonly _api: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  constructor(private readonly state: UrlFetchState) {
    this._api = counted('UrlFetchApp', this) as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
  }

  fetch(url: string, params: Params = {}): GoogleAppsScript.URL_Fetch.HTTPResponse {
    const payload =
      params.payload === undefined
        ? ''
        : typeof params.payload === 'string'
          ? params.payload
          : JSON.stringify(params.payload);
    const headers = Object.fromEntries(Object.entries(params.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const req: FetchedRequest = {
      url,
      method: String(params.method ?? 'get').toUpperCase(),
      headers,
      payload,
      contentType: params.contentType ?? (payload ? 'application/x-www-form-urlencoded' : ''),
      muteHttpExceptions: params.muteHttpExceptions === true,
    };
    this.state.requests.push(req);
    let answer: FetchAnswer | undefined;
    for (const route of this.state.routes) {
      answer = route(req);
      if (answer !== undefined) break;
    }
    if (answer === undefined || answer === 'unavailable') throw new Error(URL_FETCH_ERR.unavailable(url));
    if (answer === 'timeout') throw new Error(URL_FETCH_ERR.timeout(url));
    if (answer.status >= 400 && !req.muteHttpExceptions)
      throw new Error(URL_FETCH_ERR.failed(url, answer.status, answer.body));
    return new FakeHTTPResponse(answer)._api;
  }
}

interface UrlFetchState {
  routes: FetchRoute[];
  requests: FetchedRequest[];
}

export interface UrlFetchHandle {
  /** Every request fetch received, in order. */
  readonly requests: FetchedRequest[];
  /** Adds a route (tried in the order added); a request no route answers is "Address unavailable". */
  route(r: FetchRoute): void;
  clear(): void;
}

export interface UrlFetchHandles {
  urlFetch: UrlFetchHandle;
}

export function installUrlFetch(): FakeModule<UrlFetchHandles> {
  const state: UrlFetchState = { routes: [], requests: [] };
  return {
    globals: { UrlFetchApp: new FakeUrlFetchApp(state)._api },
    handles: {
      urlFetch: {
        get requests() {
          return state.requests;
        },
        route(r) {
          state.routes.push(r);
        },
        clear() {
          state.routes.length = 0;
          state.requests.length = 0;
        },
      },
    },
  };
}
