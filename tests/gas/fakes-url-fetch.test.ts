// Contract of the UrlFetchApp fake (tests/fakes/url-fetch.ts) with the reference it cites: Class
// UrlFetchApp fetch(url, params) and Class HTTPResponse
// (developers.google.com/apps-script/reference/url-fetch/url-fetch-app, …/http-response).
import { installFakes, uninstallFakes } from '../fakes';
import { URL_FETCH_ERR } from '../fakes/url-fetch';

afterEach(() => uninstallFakes());

test('fetch hands the route the method, headers, payload and content type; the response gives its code and text', () => {
  const fakes = installFakes();
  fakes.urlFetch.route((r) => (r.url === 'https://api.example/ok' ? { status: 200, body: '{"a":1}' } : undefined));
  const res = UrlFetchApp.fetch('https://api.example/ok', {
    method: 'post',
    headers: { Authorization: 'Bearer t' },
    payload: '{"x":2}',
    contentType: 'application/json',
    muteHttpExceptions: true,
  });
  expect(res.getResponseCode()).toBe(200);
  expect(res.getContentText()).toBe('{"a":1}');
  expect(fakes.urlFetch.requests).toEqual([
    {
      url: 'https://api.example/ok',
      method: 'POST',
      headers: { Authorization: 'Bearer t' },
      payload: '{"x":2}',
      contentType: 'application/json',
      muteHttpExceptions: true,
    },
  ]);
  // the defaults: GET, no payload; a payload without contentType is form-encoded
  UrlFetchApp.fetch('https://api.example/ok');
  UrlFetchApp.fetch('https://api.example/ok', { method: 'post', payload: 'a=1' });
  expect(fakes.urlFetch.requests.slice(1).map((r) => [r.method, r.contentType])).toEqual([
    ['GET', ''],
    ['POST', 'application/x-www-form-urlencoded'],
  ]);
  expect(fakes.calls.by('UrlFetchApp.fetch')).toBe(3);
});

test('a code of 400 or more throws unless muteHttpExceptions; with it, the response carries the code and body', () => {
  const fakes = installFakes();
  fakes.urlFetch.route(() => ({ status: 429, body: '{"message":"limit"}' }));
  expect(() => UrlFetchApp.fetch('https://api.example/x')).toThrow(
    URL_FETCH_ERR.failed('https://api.example/x', 429, '{"message":"limit"}'),
  );
  const res = UrlFetchApp.fetch('https://api.example/x', { muteHttpExceptions: true });
  expect([res.getResponseCode(), res.getContentText()]).toEqual([429, '{"message":"limit"}']);
});

test('no answer throws even with muteHttpExceptions (it mutes HTTP codes only); nothing routed is unavailable', () => {
  const fakes = installFakes();
  fakes.urlFetch.route((r) => (r.url.endsWith('/slow') ? 'timeout' : undefined));
  expect(() => UrlFetchApp.fetch('https://api.example/slow', { muteHttpExceptions: true })).toThrow(
    'Timeout: https://api.example/slow',
  );
  expect(() => UrlFetchApp.fetch('https://elsewhere.example/', { muteHttpExceptions: true })).toThrow(
    'Address unavailable: https://elsewhere.example/',
  );
});

test('a simple trigger (LIMITED) may not fetch: UrlFetchApp needs authorization', () => {
  const fakes = installFakes();
  fakes.urlFetch.route(() => ({ status: 200, body: '' }));
  fakes.auth.mode = 'LIMITED';
  expect(() => UrlFetchApp.fetch('https://api.example/')).toThrow(
    'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
  );
});
