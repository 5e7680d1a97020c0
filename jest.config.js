// Two jest projects, by what a test needs:
//   unit — tests/core, tests/gas, tests/node: in-process only (fakes, temp files, a loopback server);
//          no build, no child processes, no LibreOffice. `npm run test:unit`.
//   e2e  — tests/e2e: the built CLI in a child process, dist/Code.js in a bare V8 context, the Biome
//          layering rules. Its globalSetup builds first, and runs only when an e2e test is selected.
// `npm test` (plain `jest`) runs both. The live Google tests are separate: jest.live.config.js.
// Coverage thresholds per layer: `npm run test:coverage` (below).

const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }],
  // the template CSVs are imported as text, as esbuild's 'text' loader does in the bundles
  '^.+\\.csv$': '<rootDir>/tests/csv-transform.js',
};

/** What every project shares; a project adds its name and roots. */
const project = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...project,
      displayName: 'unit',
      roots: ['<rootDir>/tests/core', '<rootDir>/tests/gas', '<rootDir>/tests/node', '<rootDir>/tests/contract'],
    },
    {
      ...project,
      displayName: 'e2e',
      roots: ['<rootDir>/tests/e2e'],
      // every e2e run starts from a fresh build, so the bundle and CLI tests never see stale output
      globalSetup: '<rootDir>/tests/global-setup.js',
    },
  ],
  testTimeout: 60000,
  // `npm run test:coverage` (the unit project with coverage; about twice its time, so not in `npm test`):
  // each layer held just under what it measured when these were set (issue 21: core 92.6 / 91.6 / 85.3 /
  // 84.2 % lines / statements / functions / branches, gas 94.9 / 92.6 / 98.2 / 80.0, node 62.6 / 58.3 /
  // 63.6 / 49.1 — the CLI's commands run in child processes in e2e, which coverage does not see)
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: {
    './src/core/': { lines: 91, statements: 90, functions: 84, branches: 83 },
    './src/gas/': { lines: 93, statements: 91, functions: 97, branches: 79 },
    './src/node/': { lines: 61, statements: 57, functions: 62, branches: 48 },
  },
};
