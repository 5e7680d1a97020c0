// The built CLI as a child process, the way a clerk runs it: one helper for the e2e tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const BUILT_CLI = join(__dirname, '../..', 'build', 'cli.js');

/** Runs `node build/cli.js …args`; PATH is the system's bare one unless `env` says otherwise. */
export function runCli(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: '/usr/bin:/bin', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
