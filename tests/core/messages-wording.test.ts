// What the clerk reads in the sheet never sends them to the repository: no dialog, alert or document
// wording names a maintainer's page (docs/*.md), and the memo prompt never asks for an English word.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../src/core/messages');

/** Every text a message module can produce: strings as they are, functions called with placeholders. */
function texts(value: unknown, path: string, out: Array<[string, string]>, depth = 0): void {
  if (depth > 6 || value === null || value === undefined) return;
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    try {
      const args = Array.from({ length: value.length }, () => 'X');
      texts((value as (...a: unknown[]) => unknown)(...args), `${path}()`, out, depth + 1);
    } catch {
      // a message that needs real arguments (numbers, lists) is checked by its own tests
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) texts(v, `${path}[${i}]`, out, depth + 1);
  } else if (typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) texts(v, `${path}.${k}`, out, depth + 1);
}

// the CLI's own help and messages are for whoever runs the command line, who has the repository
const CLI_ONLY = new Set(['cli.ts', 'cli-help.ts']);

test('no message a sheet user sees points to docs/*.md', async () => {
  const found: Array<[string, string]> = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts') && !CLI_ONLY.has(f))) {
    const mod = (await import(join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) texts(value, `${file}:${name}`, found);
  }
  expect(found.length).toBeGreaterThan(500);
  expect(found.filter(([, t]) => /docs\/[\w-]+\.md/.test(t)).map(([p]) => p)).toEqual([]);
});

test('the memo prompt takes what a clerk types: 1 or มาตรการ, a published round in either digits', async () => {
  const { parseMemoChoice } = await import('../../src/core/memo');
  const { APPROVAL } = await import('../../src/core/messages/plan');
  expect(APPROVAL.proposeWhich([APPROVAL.proposeReportLine('12', '๑๒')])).not.toMatch(/[A-Za-z]/);
  expect(parseMemoChoice('1', [6, 12])).toEqual({ kind: 'plan' });
  expect(parseMemoChoice(' มาตรการ ', [6, 12])).toEqual({ kind: 'plan' });
  expect(parseMemoChoice('๖', [6, 12])).toEqual({ kind: 'report', round: 6 });
  expect(parseMemoChoice('๑๒', [6, 12])).toEqual({ kind: 'report', round: 12 });
  // a round the framework does not publish (FY 2569's 6) is not understood
  expect(parseMemoChoice('6', [12])).toBeNull();
  expect(parseMemoChoice('รายงาน', [6, 12])).toBeNull();
  expect(parseMemoChoice('', [6, 12])).toBeNull();
});
