import { defineConfig } from 'vitest/config';

// .ci/run sets LINLI_TEST_REPORT to read the counts for its closing `N passed, N failed` line.
const report = process.env.LINLI_TEST_REPORT;

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'cli/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file makes its own databases, so files run side by side on CI's two cores.
    maxWorkers: 2,
    reporters: report ? ['default', 'json'] : ['default'],
    outputFile: report ? { json: report } : undefined,
  },
});
