// Issue 11 §4: dates typed into a sheet parse by the spreadsheet's locale. The help text says to type
// d/m/yyyy with a CE year (31/3/2023); that is a date in th_TH and text in en_US. Setup sets th_TH.
import { LOCALE } from '../../src/core/messages/locale';
import { SETUP } from '../../src/core/messages/setup';
import { MARK, V } from '../../src/core/messages/validation';
import { MILESTONES_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { handleEdit } from '../../src/gas/edit';
import { setupSpreadsheet, setupSummary } from '../../src/gas/setup';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';

afterEach(() => uninstallFakes());

const DUE = 'E2'; // the first milestone's due date
const wall = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function sheetIn(locale: string) {
  const fakes = installFakes({ spreadsheetLocale: locale });
  seedSpreadsheet(templateSnapshot({ example: true }));
  return fakes;
}

test('en_US sheet as it comes: "31/3/2023" typed stays text (the fakes parse by locale, as Sheets does)', () => {
  const fakes = sheetIn('en_US');
  fakes.sheets.typeInto(MILESTONES_TAB.name, DUE, '31/3/2023');
  expect(fakes.sheets.snapshot().tabs[MILESTONES_TAB.name][1][4]).toBe('31/3/2023');
  fakes.sheets.typeInto(MILESTONES_TAB.name, DUE, '3/31/2023');
  expect(fakes.sheets.snapshot().tabs[MILESTONES_TAB.name][1][4]).toEqual(wall('2023-03-31'));
});

test.each(['en_US', 'th_TH'])(
  'a %s sheet after setup: d/m/yyyy as the help text says is a date, and onEdit marks nothing',
  (locale) => {
    const fakes = sheetIn(locale);
    const result = setupSpreadsheet(fakes.spreadsheet, { example: false });
    expect(fakes.spreadsheet.getSpreadsheetLocale()).toBe('th_TH');
    expect(result.localeChangedFrom).toBe(locale === 'th_TH' ? undefined : locale);
    if (locale !== 'th_TH') expect(setupSummary(result)).toContain(LOCALE.changed(locale));
    expect(SETUP.help.date).toContain('31/3/2023');
    fakes.sheets.edit(MILESTONES_TAB.name, DUE, '31/3/2023', (e) => handleEdit(e));
    expect(fakes.sheets.snapshot().tabs[MILESTONES_TAB.name][1][4]).toEqual(wall('2023-03-31'));
    expect(fakes.sheets.cell(MILESTONES_TAB.name, DUE).note).toBe('');
  },
);

test('th_TH keeps CE years: 31/3/2566 is stored as the year 2566 and marked as a BE year with the date meant', () => {
  const fakes = sheetIn('th_TH');
  setupSpreadsheet(fakes.spreadsheet, { example: false });
  fakes.sheets.edit(MILESTONES_TAB.name, DUE, '31/3/2566', (e) => handleEdit(e));
  expect(fakes.sheets.snapshot().tabs[MILESTONES_TAB.name][1][4]).toEqual(wall('2566-03-31'));
  expect(fakes.sheets.cell(MILESTONES_TAB.name, DUE).note).toBe(
    MARK.note([MARK.line('error', V.beYearInDate('2566-03-31', '2023-03-31'))]),
  );
});
