import { defineConfig } from 'vitest/config';

// StrykerJS (npm run test:mutation) runs only the unit tests of the pure rules: no database, no browser.
export default defineConfig({
  test: {
    include: [
      'src/contexts/*/rules.test.ts', 'src/contexts/toegang/termijnen.test.ts', 'src/platform/time.test.ts',
    ],
  },
});
