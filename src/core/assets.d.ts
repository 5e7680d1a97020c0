// Data files bundled as text (esbuild loader '.csv': 'text'; jest: tests/csv-transform.js), so the
// template workbook reaches Apps Script and Node from the same sheets-template/ files.
declare module '*.csv' {
  const text: string;
  export default text;
}
