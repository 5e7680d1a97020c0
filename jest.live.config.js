// `npm run test:live`: the opt-in tests against the real Google Sheets API (tests/live/*.live.test.ts).
// They skip themselves unless ITA_LIVE_SHEET_ID and a key (ITA_LIVE_KEY or GOOGLE_APPLICATION_CREDENTIALS)
// are set; the default `npm test` never runs them (no jest.config.js project has tests/live/ as a root).
const { projects } = require('./jest.config.js');

const e2e = projects.find((p) => p.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  // as the e2e project (they run the built CLI, so the same build first), on tests/live only
  ...e2e,
  displayName: 'live',
  roots: ['<rootDir>/tests/live'],
  testMatch: ['**/*.live.test.ts'],
  testTimeout: 120000,
};
