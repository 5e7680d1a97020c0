// Every Thai string a user sees lives in this folder, one file per feature; code elsewhere refers to
// these by name and imports them from here ('./messages', '../core/messages'). Add new wording to the
// file of its feature (or a new file re-exported below).
// Strings only one runtime uses get objects of their own (CLI, REPORT_CLI, REMIND_CLI, IMPORT, GOOGLE,
// ROLLUP…): esbuild drops an object nothing in src/gas refers to, so keep every object free of side
// effects (literals and arrow functions only) and the Apps Script bundle carries only its own wording.
// tests/e2e/bundle-size.test.ts checks that.

export * from './calendar';
export * from './cli';
export * from './cli-help';
export * from './dashboard';
export * from './first-run';
export * from './google';
export * from './health';
export * from './import';
export * from './import-dialog';
export * from './import-file';
export * from './input-safety';
export * from './locale';
export * from './menu';
export * from './plan';
export * from './publish';
export * from './reminder-rhythm';
export * from './reminders';
export * from './report';
export * from './report-drive';
export * from './rollup';
export * from './setup';
export * from './sync';
export * from './tabs-headers';
export * from './validation';
export * from './year-cycle';
