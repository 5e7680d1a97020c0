// Data files bundled as text (esbuild loader '.csv': 'text'; jest: tests/csv-transform.js), so the
// template workbook reaches Apps Script and Node from the same sheets-template/ files. In the Apps Script
// bundle the text is packed (scripts/build.mjs packedCsvPlugin): read it through src/core/packed-text.ts.
declare module '*.csv' {
  const text: string;
  export default text;
}
