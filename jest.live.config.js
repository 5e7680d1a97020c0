// `npm run test:live`: the opt-in tests against the real Google Sheets API (tests/live/*.live.test.ts).
// They skip themselves unless ITA_LIVE_SHEET_ID and a key (ITA_LIVE_KEY or GOOGLE_APPLICATION_CREDENTIALS)
// are set; the default `npm test` never runs them (jest.config.js ignores tests/live/).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/tests/live/*.live.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
