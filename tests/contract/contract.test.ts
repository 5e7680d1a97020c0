// Each behaviour the fakes model, checked on the fakes with the check the live run uses
// (tests/contract/contract.ts). The reference is in the test's name's row: `contracts.ts` lists them.
import { installFakes, uninstallFakes } from '../fakes';
import { CONTRACTS } from './contracts';

afterEach(() => uninstallFakes());

describe.each(CONTRACTS.map((c) => [c.behaviour, c] as const))('%s', (_name, contract) => {
  it(`holds in the fakes (${contract.reference.split(' ')[0]})`, () => {
    const fakes = installFakes(contract.world ?? {});
    expect(() => contract.check(fakes)).not.toThrow();
  });
});

it('every contract names its reference page and whether it runs live', () => {
  for (const c of CONTRACTS) {
    expect(c.reference).toMatch(/^https:\/\//);
    expect(c.live === true || (typeof c.live === 'string' && c.live.length > 10)).toBe(true);
  }
  expect(new Set(CONTRACTS.map((c) => c.behaviour)).size).toBe(CONTRACTS.length);
});
