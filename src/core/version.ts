// The tracker's version, as package.json states it (tests/core/health.test.ts keeps them equal):
// the health check's developer report names it, so a maintainer knows which build ran.
export const APP_VERSION = '0.1.0';
