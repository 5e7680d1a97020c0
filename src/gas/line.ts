// LINE groups in Apps Script (issue 25, docs/line.md): the channel from script properties (the token
// is never in a tab), the menu item that gives an admin a pairing code, and the web app's doPost that
// records the group when a member types the code there. Core decides everything (src/core/line.ts,
// src/core/line-pairing.ts); this file reads and writes the properties and the one row.
import { LINE_API_BASE, type LineChannel } from '../core/app/line-api';
import { PAIRING_MINUTES } from '../core/line';
import { addPairing, applyWebhook, pairingSubject, pairingWrites, pendingFrom, rowWrites } from '../core/line-pairing';
import { LINE } from '../core/messages/line';
import { REMIND } from '../core/messages/reminders';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../core/schema';
import { parseDivisions, readTable } from '../core/workbook';
import { urlFetchCarrier } from './adapters/url-fetch';
import { activeSpreadsheet, showAlert, ui } from './context';
import { readTab, TEXT_ONLY } from './sheetio';

/** Script properties: the channel access token (set by the admin), the pending codes (by the menu). */
export const LINE_TOKEN_PROPERTY = 'LINE_CHANNEL_ACCESS_TOKEN';
export const LINE_PAIRINGS_PROPERTY = 'linePairings';

/** The run's LINE channel, or null when no token is set (every digest by e-mail). */
export function lineChannel(): LineChannel | null {
  const token = (PropertiesService.getScriptProperties().getProperty(LINE_TOKEN_PROPERTY) ?? '').trim();
  return token ? { token, base: LINE_API_BASE, http: urlFetchCarrier } : null;
}

/** Menu "จับคู่กลุ่ม LINE": asks which division, stores a 6-digit code for 30 minutes, says what to type where. */
export function menuPairLineGroup(): void {
  const u = ui();
  if (!u) return;
  if (!lineChannel()) {
    showAlert(LINE.pairingNoToken);
    return;
  }
  const ss = activeSpreadsheet();
  const t = readTab(ss, DIVISIONS_TAB, TEXT_ONLY);
  const divisions = parseDivisions(readTable({ tabs: t ? { [DIVISIONS_TAB.name]: t.values } : {} }, DIVISIONS_TAB));
  const answer = u.prompt(LINE.pairingAsk, u.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== u.Button.OK) return;
  const typed = answer.getResponseText();
  const code = pairingSubject(typed, divisions);
  if (code === null) {
    showAlert(LINE.pairingUnknown(typed.trim()));
    return;
  }
  const props = PropertiesService.getScriptProperties();
  const now = Date.now();
  const { pairing, pending } = addPairing(
    pendingFrom(props.getProperty(LINE_PAIRINGS_PROPERTY), now),
    code,
    now,
    Math.random,
  );
  props.setProperty(LINE_PAIRINGS_PROPERTY, JSON.stringify(pending));
  const name = code === '' ? REMIND.executives : (divisions.find((d) => d.code === code)?.name ?? code);
  showAlert(
    [
      LINE.pairingInstruction(pairing.code, name, PAIRING_MINUTES),
      LINE.pairingWebhook(ScriptApp.getService().getUrl() ?? ''),
    ].join('\n\n'),
  );
}

/** What doPost gets: the request's body as text (the web app cannot read LINE's signature header). */
export interface PostEvent {
  postData?: { contents?: string };
}

/**
 * The web app's doPost, LINE's webhook: a text message in a group holding a pending code pairs that
 * group (the division's LINE cell, or the executives' setting) and uses the code up. Any other body
 * (no code, a wrong or expired one, junk, not JSON, LINE's empty verify call) changes nothing, and
 * nothing here ever throws: LINE gets its 200 whatever came.
 */
export function doPost(e?: PostEvent): void {
  try {
    const body = typeof e?.postData?.contents === 'string' ? e.postData.contents : '';
    if (!body.includes('"events"')) return;
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(10000)) return;
    try {
      const props = PropertiesService.getScriptProperties();
      const now = Date.now();
      const pending = pendingFrom(props.getProperty(LINE_PAIRINGS_PROPERTY), now);
      if (pending.length === 0) return;
      const { paired, pending: left } = applyWebhook(body, pending, now);
      if (!paired) return;
      const ss = activeSpreadsheet();
      const spec = paired.divisionCode === '' ? SETTINGS_TAB : DIVISIONS_TAB;
      const t = readTab(ss, spec, TEXT_ONLY);
      const writes = t?.range ? pairingWrites({ [spec.name]: t.values }, paired.divisionCode, paired.groupId) : null;
      if (!writes || !t?.range) return;
      // one setValues per row written (the settings row's key, label and value together); a division's
      // cell is one, two only when an old tab gets its LINE header too
      const sheet = t.range.getSheet();
      for (const w of rowWrites(t.values, writes))
        sheet.getRange(w.row, w.column, 1, w.values.length).setValues([w.values]);
      props.setProperty(LINE_PAIRINGS_PROPERTY, JSON.stringify(left));
      console.log(LINE.paired(paired.divisionCode || REMIND.executives, paired.groupId));
    } finally {
      lock.releaseLock();
    }
  } catch (err) {
    console.log(String(err));
  }
}
