// Thai month names and the report round's month span (src/core/thai.ts formats dates with them).

export const CALENDAR = {
  months: [
    'มกราคม',
    'กุมภาพันธ์',
    'มีนาคม',
    'เมษายน',
    'พฤษภาคม',
    'มิถุนายน',
    'กรกฎาคม',
    'สิงหาคม',
    'กันยายน',
    'ตุลาคม',
    'พฤศจิกายน',
    'ธันวาคม',
  ],
  /** "เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖" */
  roundMonths: (startMonth: string, startYear: number, endMonth: string, endYear: number) =>
    `เดือน${startMonth} ${startYear} - ${endMonth} ${endYear}`,
} as const;
