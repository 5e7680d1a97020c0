/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // the live Google tests run only through `npm run test:live` (jest.live.config.js)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/live/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }],
    // the template CSVs are imported as text, as esbuild's 'text' loader does in the bundles
    '^.+\\.csv$': '<rootDir>/tests/csv-transform.js',
  },
  globalSetup: '<rootDir>/tests/global-setup.js',
  testTimeout: 60000,
};
