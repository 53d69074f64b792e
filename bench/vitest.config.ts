/**
 * `npm run bench` runs this, never `npm test`: one file, one worker, console straight through, so
 * the numbers are not shared with anything else vitest does.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['bench/district.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    disableConsoleIntercept: true,
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});
