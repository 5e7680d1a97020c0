// Menu "ตรวจสอบข้อมูล" through the Apps Script fakes: every problem cell carries its Thai note and
// colour, old marks go, people's own notes stay, the dialog lists errors and warnings apart with tab
// and cell (escaped), and the service calls do not grow with the number of measures.

import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { formatProblem, MARK, SEVERITY_LABEL, V, VALIDATE_MENU } from '../../src/core/messages/validation';
import { validateWorkbook } from '../../src/core/validate';
import { setupSpreadsheet } from '../../src/gas/setup';
import { MARK_COLOUR, menuValidateAll, problemsHtml, validateAll } from '../../src/gas/validate';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { figure } from '../support/figures';
import { scaledTracker } from '../support/scaled-tracker';

const OWNER = 'owner@example.org';
const CLERK = 'clerk@example.org';
const FINANCE = 'finance@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

const sheet = (tab: string) => fakes.spreadsheet.getSheetByName(tab)!;
const set = (tab: string, a1: string, value: unknown) => calls.untracked(() => sheet(tab).getRange(a1).setValue(value));
const note = (tab: string, a1: string) => fakes.sheets.cell(tab, a1).note;
const marked = (severity: 'error' | 'warning', message: string) => MARK.note([MARK.line(severity, message)]);

/** The dialog's list items as text (tags stripped, entities decoded). */
function dialogLines(html: string): string[] {
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('validate-all on the example tracker with mistakes', () => {
  beforeEach(() => {
    fakes = installFakes({ user: CLERK, owner: OWNER, editors: [CLERK, FINANCE] });
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    set(TAB.measures, 'B3', 'XIT');
    set(TAB.divisions, 'D3', 'ไม่ใช่อีเมล');
    set('กองคลัง', 'F2', STATUS_LABEL.done); // EIT-01, no result
    set('กองคลัง', 'I3', '<script>alert(1)</script>');
    // an old mark on a cell that is fine now, and someone's own note
    calls.untracked(() => {
      sheet(TAB.measures).getRange('C2').setNote(marked('error', 'เก่า')).setBackground(MARK_COLOUR.error);
      sheet(TAB.measures).getRange('D2').setNote('ตรวจแล้ว — สมชาย');
    });
    calls.reset();
  });

  it('marks each problem cell with its Thai message and colour, clears old marks, keeps people’s notes', () => {
    const { problems } = validateAll(fakes.spreadsheet);
    expect(note(TAB.measures, 'B3')).toBe(marked('error', V.badArea('XIT')));
    expect(fakes.sheets.cell(TAB.measures, 'B3').background).toBe(MARK_COLOUR.error);
    expect(note(TAB.divisions, 'D3')).toBe(marked('error', V.badEmail('ไม่ใช่อีเมล')));
    expect(note('กองคลัง', 'G2')).toBe(marked('error', V.doneWithoutResult(HEADER.result6)));
    expect(note('กองคลัง', 'I3')).toBe(marked('error', V.badUrl('<script>alert(1)</script>')));
    expect(note(TAB.measures, 'C2')).toBe('');
    expect(fakes.sheets.cell(TAB.measures, 'C2').background).toBe('#ffffff');
    expect(note(TAB.measures, 'D2')).toBe('ตรวจแล้ว — สมชาย');
    // the same problems the CLI reports for this workbook
    expect(problems).toEqual(validateWorkbook(fakes.sheets.snapshot()));
    // every problem with a cell is marked there
    for (const p of problems.filter((x) => x.cell)) expect(note(p.tab, p.cell)).toContain(p.message);
  });

  it('one setNotes and one setBackgrounds per validated tab, nothing per cell', () => {
    validateAll(fakes.spreadsheet);
    const validated = 4 + 5; // settings, divisions, measures, milestones + five division tabs
    expect(calls.by('Range.setNotes')).toBe(validated);
    expect(calls.by('Range.setBackgrounds')).toBe(validated);
    expect(calls.by('Range.getValues')).toBe(fakes.sheets.tabNames().length);
    expect(calls.by('Range.setNote')).toBe(0);
    expect(calls.by('Range.setBackground')).toBe(0);
  });

  it('running it again after fixing a cell clears that mark only', () => {
    validateAll(fakes.spreadsheet);
    set(TAB.measures, 'B3', 'EIT');
    validateAll(fakes.spreadsheet);
    expect(note(TAB.measures, 'B3')).toBe('');
    expect(note(TAB.divisions, 'D3')).toBe(marked('error', V.badEmail('ไม่ใช่อีเมล')));
  });

  it('the dialog: a Thai summary, errors and warnings in separate lists, tab!cell and message, HTML escaped', () => {
    set(TAB.milestones, 'D2', "'+ ส่งรายงาน"); // as typed: the apostrophe keeps it text
    menuValidateAll();
    const dialog = fakes.ui.lastDialog()!;
    expect(dialog.title).toBe(VALIDATE_MENU.title);
    const html = dialog.html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const { problems } = validateAll(fakes.spreadsheet);
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    expect(html).toContain(VALIDATE_MENU.summary(errors.length, warnings.length));
    const [errorPart, warningPart] = html.split(VALIDATE_MENU.warningsHeading);
    expect(errorPart).toContain(VALIDATE_MENU.errorsHeading);
    expect(dialogLines(errorPart)).toEqual(
      errors.map((p) => `${p.tab}${p.cell ? `!${p.cell}` : ` (${VALIDATE_MENU.whole})`}: ${p.message}`),
    );
    expect(dialogLines(warningPart)).toEqual(warnings.map((p) => `${p.tab}!${p.cell}: ${p.message}`));
    expect(dialogLines(errorPart)).toContain(`กองคลัง!I3: ${V.badUrl('<script>alert(1)</script>')}`);
    expect(dialogLines(warningPart)).toContain(`${TAB.milestones}!D2: ${V.formulaText('+ ส่งรายงาน')}`);
    expect(formatProblem(errors[0]).startsWith(SEVERITY_LABEL.error)).toBe(true);
  });

  it('a division editor may run it: the list is complete, only the tabs they cannot edit stay unmarked (and the dialog says so)', () => {
    fakes.session.setUser(FINANCE);
    menuValidateAll();
    const html = fakes.ui.lastDialog()!.html;
    expect(html).toContain(
      VALIDATE_MENU.notMarked([
        TAB.settings,
        TAB.divisions,
        TAB.measures,
        TAB.milestones,
        'สำนักปลัด',
        'กองช่าง',
        'กองการศึกษา',
        'กองสาธารณสุขและสิ่งแวดล้อม',
      ]).replace(/"/g, '&quot;'),
    );
    expect(dialogLines(html)).toHaveLength(4);
    // their own tab is marked in the columns they may edit
    expect(note('กองคลัง', 'G2')).toBe(marked('error', V.doneWithoutResult(HEADER.result6)));
    expect(note('กองคลัง', 'I3')).toBe(marked('error', V.badUrl('<script>alert(1)</script>')));
    expect(note(TAB.measures, 'B3')).toBe('');
  });
});

describe('no problems', () => {
  it('says so', () => {
    expect(problemsHtml([])).toContain(VALIDATE_MENU.noProblems);
    expect(dialogLines(problemsHtml([]))).toEqual([]);
  });
});

describe('service calls do not grow with the number of measures', () => {
  it('validate-all at 11, 100 and 1,000 measures', () => {
    const counts: Record<number, number> = {};
    for (const n of [11, 100, 1000]) {
      fakes = installFakes({ user: CLERK, owner: OWNER, editors: [CLERK] });
      seedSpreadsheet(scaledTracker(n));
      expect(fakes.sheets.values(TAB.measures)?.length).toBe(n + 1);
      calls.reset();
      const { problems } = validateAll(fakes.spreadsheet);
      counts[n] = calls.total();
      expect(problems).toEqual([]);
      uninstallFakes();
    }
    figure(
      `validate-all: Apps Script service calls at 11 / 100 / 1,000 measures = ${counts[11]} / ${counts[100]} / ${counts[1000]}`,
    );
    expect(counts[100]).toBe(counts[11]);
    expect(counts[1000]).toBe(counts[11]);
  });
});
