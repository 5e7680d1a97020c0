// The year's journey as an account matrix (issue 22): every profile an agency has × every step of the
// year, one jest test per cell (tests/support/journey.ts drives it). A failing cell names its profile and
// step; the steps of one profile share one fake spreadsheet, in order.
import { Journey, PROFILES, STEPS } from '../support/journey';

describe.each(PROFILES.map((p) => [p.name, p] as const))('%s', (_name, profile) => {
  const journey = new Journey(profile);
  afterAll(() => journey.end());
  test.each(STEPS.map((s) => [s]))('%s', (step) => {
    const { error } = journey.run(step);
    if (error) throw error;
  });
});
