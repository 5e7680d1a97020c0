// The bench's journey figures (issue 22): the year's journey (tests/support/journey.ts, the same driver
// as the jest matrix tests/gas/journey-matrix.test.ts) run once per account profile, its service calls
// counted per step by the fakes' call counter; and the queue trigger's daily executions at the rate each
// build installs. Printed as a profile × step table (calls, "✗" after a step whose checks failed).
import { runsPerDay } from '../src/core/messages/queue-trigger';
import { queueRate } from '../src/gas/queue-trigger';
import { Journey, PROFILES, STEPS } from '../tests/support/journey';

export interface JourneyFigures {
  steps: readonly string[];
  profiles: { profile: string; calls: Record<string, number>; failed: Record<string, string>; total: number }[];
  queueTrigger: { build: string; rate: string; runsPerDay: number }[];
  ms: number;
}

/** The rate a build installs, read from the build flag as the bundle would (ITA_ADDON). */
function rateOf(addon: boolean) {
  const g = globalThis as { ITA_ADDON?: boolean };
  if (addon) g.ITA_ADDON = true;
  try {
    return queueRate();
  } finally {
    delete g.ITA_ADDON;
  }
}

export function journeyFigures(): JourneyFigures {
  const started = performance.now();
  const profiles = PROFILES.map((profile) => {
    const journey = new Journey(profile);
    const calls: Record<string, number> = {};
    const failed: Record<string, string> = {};
    try {
      for (const step of STEPS) {
        const r = journey.run(step);
        calls[step] = r.calls;
        if (r.error) failed[step] = r.error.message.split('\n')[0];
      }
    } finally {
      journey.end();
    }
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    return { profile: profile.name, calls, failed, total };
  });
  const queueTrigger = [false, true].map((addon) => {
    const rate = rateOf(addon);
    return {
      build: addon ? 'add-on' : 'bound script',
      rate: 'minutes' in rate ? `every ${rate.minutes} min` : `every ${rate.hours} h`,
      runsPerDay: runsPerDay(rate),
    };
  });
  const figures = { steps: STEPS, profiles, queueTrigger, ms: Math.round(performance.now() - started) };
  printJourney(figures);
  return figures;
}

function printJourney(f: JourneyFigures): void {
  console.log('\nThe year’s journey per account profile: service calls per step (✗ = a check failed)');
  const header = ['profile', ...f.steps, 'total'];
  const rows = f.profiles.map((p) => [
    p.profile,
    ...f.steps.map((s) => `${p.calls[s] ?? '—'}${p.failed[s] ? ' ✗' : ''}`),
    String(p.total),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const p of f.profiles)
    for (const [step, why] of Object.entries(p.failed)) console.log(`  ✗ ${p.profile} › ${step}: ${why}`);
  console.log(
    `Queue trigger, daily executions: ${f.queueTrigger.map((q) => `${q.build} ${q.rate} = ${q.runsPerDay}`).join('; ')} (every minute was 1,440)`,
  );
  console.log(`(${f.profiles.length} profiles in ${(f.ms / 1000).toFixed(1)} s)`);
}
