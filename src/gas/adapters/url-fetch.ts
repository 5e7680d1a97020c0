// UrlFetchApp behind one typed call: a request core wrote (src/core/app/line-api.ts) sent with
// muteHttpExceptions, so every HTTP code comes back as a response and only "no answer" throws.
// Reference: Class UrlFetchApp, fetch(url, params)
// (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)):
// method, headers, payload, contentType, muteHttpExceptions; Class HTTPResponse
// (https://developers.google.com/apps-script/reference/url-fetch/http-response): getResponseCode(),
// getContentText(). The typings give both; no cast is needed.
import type { LineHttp } from '../../core/app/line-api';

/** The carrier sendReminders and the self-test use in Apps Script. */
export const urlFetchCarrier: LineHttp = {
  send(req) {
    const { 'Content-Type': contentType, ...headers } = req.headers;
    const res = UrlFetchApp.fetch(req.url, {
      method: req.method,
      headers,
      ...(req.body === undefined ? {} : { payload: req.body, contentType: contentType ?? 'application/json' }),
      muteHttpExceptions: true,
    });
    return { status: res.getResponseCode(), text: res.getContentText() };
  },
};
