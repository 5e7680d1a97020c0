/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }],
    // the template CSVs are imported as text, as esbuild's 'text' loader does in the bundles
    '^.+\\.csv$': '<rootDir>/tests/csv-transform.js',
  },
  globalSetup: '<rootDir>/tests/global-setup.js',
  testTimeout: 60000,
};
