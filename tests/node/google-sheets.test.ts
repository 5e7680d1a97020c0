// Reading a live tracker through the real googleapis client, against a local server that answers like
// the Sheets API and Google's token endpoint. Auth runs the real service-account path: a key file made
// now, a JWT signed with it (the server checks the signature and the scope), a bearer token on each call.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOGLE } from '../../src/core/messages/google';
import { TAB } from '../../src/core/messages/tabs-headers';
import { DIVISION_TAB_COLUMNS, headersOf, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { connectSheets, SHEETS_READONLY_SCOPE, type SheetsConnection } from '../../src/node/google/auth';
import { GoogleError } from '../../src/node/google/errors';
import {
  cellsOfValueRange,
  parseSpreadsheetRef,
  readTrackerFromSheet,
  serialToWallDate,
} from '../../src/node/google/sheets-store';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import {
  FakeSheetsApi,
  makeServiceAccountKey,
  type ServiceAccountKey,
  spreadsheetOf,
  toSerial,
} from '../support/fake-sheets-api';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const URL_OF = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

let api: FakeSheetsApi;
let dir: string;
let key: ServiceAccountKey;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-google-'));
  api = await FakeSheetsApi.start();
  key = makeServiceAccountKey(dir);
  api.acceptKey(key);
  api.addSheet(ID, spreadsheetOf('ติดตามมาตรการ ITA เทศบาลตำบลปรุใหญ่ 2566', templateSnapshot({ example: true })));
});
afterAll(() => api.close());

const connect = (): Promise<SheetsConnection> =>
  connectSheets({ keyFile: key.path, endpoints: { apiRoot: api.rootUrl, tokenUrl: api.tokenUrl }, fetch });

describe('reading a tracker from a Google Sheet', () => {
  test('one token request, then spreadsheets.get for the tab names and ONE values.batchGet for every tab', async () => {
    const before = { ...api.counts };
    const conn = await connect();
    const live = await readTrackerFromSheet(conn, URL_OF(ID));
    expect(api.counts.token - before.token).toBe(1);
    expect(api.counts.get - before.get).toBe(1);
    expect(api.counts.batchGet - before.batchGet).toBe(1);
    expect(conn.requests()).toBe(3);
    expect(api.grantedScopes.at(-1)).toBe(SHEETS_READONLY_SCOPE);
    const [get] = api.requestsFor(ID, 'get').slice(-1);
    expect(get.query.get('fields')).toBe('properties.title,sheets.properties(title,sheetType)');
    const [batch] = api.requestsFor(ID, 'batchGet').slice(-1);
    expect(batch.query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(batch.query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
    expect(batch.query.getAll('ranges')).toEqual(Object.keys(templateSnapshot().tabs).map((t) => `'${t}'`));
    expect(live.title).toBe('ติดตามมาตรการ ITA เทศบาลตำบลปรุใหญ่ 2566');
    expect(Object.keys(live.snapshot.tabs)).toEqual(Object.keys(templateSnapshot().tabs));
  });

  test('gives the same tracker, and the same validation, as the .xlsx store does for the same data', async () => {
    const live = await readTrackerFromSheet(await connect(), ID);
    const file = join(dir, 'same.xlsx');
    await writeWorkbookFile(file, templateSnapshot());
    const fromXlsx = await readWorkbookFile(file);
    expect(parseWorkbook(live.snapshot).tracker).toEqual(parseWorkbook(fromXlsx).tracker);
    expect(validateWorkbook(live.snapshot)).toEqual(validateWorkbook(fromXlsx));
    // dates arrive as Dates (wall clock as UTC), not as serial numbers
    const settings = parseWorkbook(live.snapshot).tracker.settings;
    expect(settings.roundDue[6]).toBe(parseWorkbook(templateSnapshot()).tracker.settings.roundDue[6]);
    expect(settings.roundDue[6]).not.toBeNull();
  });

  test("a tab whose name has an apostrophe is asked for quoted ('' inside) and read back under its own name", async () => {
    const id = '1TrackerWithAnExtraTabNamedWithAQuote000000';
    const tabs = { ...templateSnapshot().tabs, "Somchai's notes": [['บันทึก'], ['ตรวจแล้ว']] };
    api.addSheet(id, { title: 'x', tabs });
    const live = await readTrackerFromSheet(await connect(), id);
    expect(api.requestsFor(id, 'batchGet')[0].query.getAll('ranges')).toContain("'Somchai''s notes'");
    expect(live.snapshot.tabs["Somchai's notes"]).toEqual([['บันทึก'], ['ตรวจแล้ว']]);
  });

  test('the sheet can be named by id, by edit URL, or by a /u/1/ URL; anything else is refused in Thai', () => {
    expect(parseSpreadsheetRef(ID)).toBe(ID);
    expect(parseSpreadsheetRef(URL_OF(ID))).toBe(ID);
    expect(parseSpreadsheetRef(`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit?usp=sharing`)).toBe(ID);
    for (const bad of [
      '',
      'not an id',
      'https://example.org/spreadsheets/d/abc',
      `https://docs.google.com/document/d/${ID}/edit`,
    ]) {
      expect(() => parseSpreadsheetRef(bad)).toThrow(new GoogleError('badRef', GOOGLE.badSheetRef(bad)));
    }
  });
});

describe('values → cells', () => {
  const divisionHeader = headersOf({ key: 'division', name: 'x', columns: DIVISION_TAB_COLUMNS });
  const col = (key: string) => DIVISION_TAB_COLUMNS.findIndex((c) => c.key === key);

  test('serials in date columns become wall-clock-as-UTC Dates; serial 0 is 1899-12-30', () => {
    expect(serialToWallDate(0).toISOString()).toBe('1899-12-30T00:00:00.000Z');
    expect(serialToWallDate(45016).toISOString()).toBe('2023-03-31T00:00:00.000Z');
    expect(serialToWallDate(45016.604166666664).toISOString()).toBe('2023-03-31T14:30:00.000Z');
    const row: (string | number)[] = divisionHeader.map(() => '');
    row[col('entryKey')] = 'IIT-01';
    row[col('due')] = 45016;
    row[col('updatedAt')] = 45016.5;
    row[col('result6')] = 12345; // a number typed in a text column stays a number
    const cells = cellsOfValueRange('กองคลัง', { range: "'กองคลัง'!A1:Z1000", values: [divisionHeader, row] });
    expect(cells[1][col('due')]).toEqual(new Date('2023-03-31T00:00:00Z'));
    expect(cells[1][col('updatedAt')]).toEqual(new Date('2023-03-31T12:00:00Z'));
    expect(cells[1][col('result6')]).toBe(12345);
    expect(cells[1][col('status')]).toBeNull();
  });

  test('a date setting is a date, other settings keep their numbers; text in a date cell stays text for validation', () => {
    const header = headersOf(SETTINGS_TAB);
    const cells = cellsOfValueRange(TAB.settings, {
      range: `'${TAB.settings}'!A1:D30`,
      values: [header, ['round6Due', 'x', 45016], ['fiscalYear', 'x', 2566], ['round12Due', 'x', '31/9/2566']],
    });
    expect(cells[1][2]).toEqual(new Date('2023-03-31T00:00:00Z'));
    expect(cells[2][2]).toBe(2566);
    expect(cells[3][2]).toBe('31/9/2566');
  });

  test('trailing blanks the API leaves out come back as null, rectangular; an offset range is placed from A1', () => {
    const cells = cellsOfValueRange('อื่น', { range: "'อื่น'!B2:D4", values: [['a'], ['b', '', 'c']] });
    expect(cells).toEqual([
      [null, null, null, null],
      [null, 'a', null, null],
      [null, 'b', null, 'c'],
    ]);
    expect(cellsOfValueRange('ว่าง', { range: "'ว่าง'!A1:Z1000" })).toEqual([]);
  });
});

describe('a sheet it cannot read, in-process', () => {
  const NOT_SHARED = '1NotSharedWithTheServiceAccount000000000000';
  const GONE = '1ThisSpreadsheetWasDeleted00000000000000000';
  const NOT_TRACKER = '1SomeOtherSpreadsheetWithOtherTabs000000000';
  const DISABLED = '1SheetsApiIsNotEnabledInTheProject000000000';
  beforeAll(() => {
    api.addSheet(NOT_SHARED, spreadsheetOf('x', templateSnapshot()), { refuse: 403 });
    api.addSheet(GONE, spreadsheetOf('x', templateSnapshot()), { refuse: 404 });
    api.addSheet(DISABLED, spreadsheetOf('x', templateSnapshot()), { refuse: 'SERVICE_DISABLED' });
    const tabs: WorkbookSnapshot['tabs'] = {
      [TAB.settings]: templateSnapshot().tabs[TAB.settings],
      งบประมาณ: [['รายการ', 'จำนวนเงิน']],
    };
    api.addSheet(NOT_TRACKER, { title: 'งบประมาณ 2567', tabs });
  });

  test('in-process, the same failures are GoogleErrors with the kind a caller can branch on', async () => {
    const conn = await connect();
    await expect(readTrackerFromSheet(conn, NOT_SHARED)).rejects.toMatchObject({ kind: 'notShared', status: 403 });
    await expect(readTrackerFromSheet(conn, GONE)).rejects.toMatchObject({ kind: 'notFound', status: 404 });
    await expect(readTrackerFromSheet(conn, NOT_TRACKER)).rejects.toMatchObject({ kind: 'notTracker' });
  });
});

test('the fake renders dates as the API does: serial days since 1899-12-30', () => {
  expect(toSerial(new Date('1900-01-01T12:00:00Z'))).toBe(2.5);
  expect(toSerial(new Date('1900-02-01T15:00:00Z'))).toBe(33.625);
});
