import { defineConfig } from 'vitest/config';

// One runner for every kind of test. The API suite runs on embedded PostgreSQL always, and once
// more on a PostgreSQL server when TEST_DATABASE_URL is set (CI sets it).
const apiInclude = ['src/**/api.test.ts', 'src/**/*.api.test.ts'];
const serverUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    // Two cores: more workers only make the embedded databases fight for them.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: apiInclude } },
      {
        test: {
          name: 'api-pglite', include: apiInclude, env: { EENVOUD_TEST_DB: 'pglite' },
          testTimeout: 60_000, hookTimeout: 120_000,
        },
      },
      ...(serverUrl
        ? [{
            test: {
              name: 'api-server', include: apiInclude, env: { EENVOUD_TEST_DB: 'server' },
              testTimeout: 60_000, hookTimeout: 120_000,
            },
          }]
        : []),
      { test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
