// The spreadsheet's locale (issue 11 §4): dates typed as the help text says (31/3/2023) are dates only
// in a day-first locale; setup sets th_TH and says so.
export const LOCALE = {
  /** the locale the date rules and help text assume */
  expected: 'th_TH',
  changed: (from: string) =>
    `ตั้งภาษาและรูปแบบ (Locale) ของสเปรดชีตจาก ${from} เป็น ไทย (th_TH) เพื่อให้วันที่ที่พิมพ์แบบ วัน/เดือน/ปี ค.ศ. เช่น 31/3/2023 เป็นวันที่`,
} as const;
