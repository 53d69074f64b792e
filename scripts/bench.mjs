#!/usr/bin/env node
/**
 * `npm run bench [-- --quick]`: builds the renderer (its bundle size is measured), then runs the
 * benchmark file under its own vitest config. `--quick` uses a small program so CI can check it runs.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--quick');
if (unknown.length > 0) {
  console.error(`bench: unknown argument ${unknown.join(' ')} (only --quick)`);
  process.exit(2);
}
const env = { ...process.env, PEERPATH_BENCH_QUICK: args.includes('--quick') ? '1' : '0' };
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit', env }).status ?? 1;

let status = run('npx', ['electron-vite', 'build']);
if (status === 0) status = run('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts']);
process.exit(status);
