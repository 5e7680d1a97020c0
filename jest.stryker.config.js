// The jest configuration Stryker runs (`npm run test:mutation`): the core unit tests only, with the same
// transform as jest.config.js. Core is pure, so its own tests are the ones that can kill its mutants.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base.projects[0],
  displayName: 'core',
  roots: ['<rootDir>/tests/core'],
  testTimeout: 60000,
};
