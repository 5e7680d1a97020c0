import {
  addDays,
  daysBetween,
  fiscalYearOf,
  formatRoundMonths,
  formatThaiDate,
  numerals,
  parseDateText,
  roundWindow,
  toArabicDigits,
  toThaiDigits,
} from '../../src/core/thai';

describe('Thai numerals', () => {
  test('digits both ways', () => {
    expect(toThaiDigits('FY 2566 รอบ 6')).toBe('FY ๒๕๖๖ รอบ ๖');
    expect(toArabicDigits('๓๑/๓/๒๕๖๖')).toBe('31/3/2566');
    expect(numerals(2566, 'arabic')).toBe('2566');
    expect(numerals('๒๕๖๖', 'arabic')).toBe('2566');
  });
});

describe('fiscal year and rounds', () => {
  test.each([
    ['2022-09-30', 2565],
    ['2022-10-01', 2566],
    ['2023-03-31', 2566],
    ['2023-09-30', 2566],
    ['2023-10-01', 2567],
  ])('%s is in FY %i', (iso, fy) => expect(fiscalYearOf(iso)).toBe(fy));

  test('round windows', () => {
    expect(roundWindow(2566, 6)).toEqual({ start: '2022-10-01', end: '2023-03-31' });
    expect(roundWindow(2566, 12)).toEqual({ start: '2022-10-01', end: '2023-09-30' });
  });

  test('round months line as the report prints it', () => {
    expect(formatRoundMonths(2566, 6, 'thai')).toBe('เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖');
    expect(formatRoundMonths(2566, 12, 'thai')).toBe('เดือนตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖');
    expect(formatRoundMonths(2567, 6, 'arabic')).toBe('เดือนตุลาคม 2566 - มีนาคม 2567');
  });

  test('Thai dates', () => {
    expect(formatThaiDate('2023-03-31', 'thai')).toBe('๓๑ มีนาคม ๒๕๖๖');
    expect(formatThaiDate('2024-02-29', 'arabic')).toBe('29 กุมภาพันธ์ 2567');
  });

  test('day arithmetic across month and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-25', 7)).toBe('2023-04-01');
    expect(daysBetween('2023-03-25', '2023-03-31')).toBe(6);
    expect(daysBetween('2023-04-07', '2023-03-31')).toBe(-7);
  });
});

describe('dates typed as text', () => {
  test.each([
    ['2023-03-31', '2023-03-31', false],
    ['2566-03-31', '2023-03-31', true],
    ['31/3/2566', '2023-03-31', true],
    ['31/03/2023', '2023-03-31', false],
    ['๓๑/๓/๒๕๖๖', '2023-03-31', true],
  ])('%s → %s', (text, iso, fromBE) => expect(parseDateText(text)).toEqual({ iso, fromBE }));

  test.each(['2023-02-30', '31/13/2566', 'มีนาคม', '', '2023/03/31'])('%s is not a date', (text) =>
    expect(parseDateText(text)).toBeNull(),
  );
});
