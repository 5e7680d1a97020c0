// Apps Script entry point. Every action of the table in src/gas/actions.ts becomes a top-level function
// in dist/Code.js (scripts/build.mjs appends one wrapper per key of ENTRY_POINTS), so menus, triggers,
// google.script.run and the web app find it. Add an entry point as a row of that table, not here.

export { ENTRY_POINTS } from './actions';
