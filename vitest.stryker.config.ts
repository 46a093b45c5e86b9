import { defineConfig } from 'vitest/config';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The unit project alone, for Stryker (stryker.config.mjs): the same settings as vitest.config.ts's `unit`
// project, without the browsers and without the closing-summary reporter.
// MUTATION_TESTS=test/unit/verdict.test.ts,… narrows the tests run (a quicker scoped run; the score then only
// counts those tests).
export default defineConfig({
  // WXT's `@/` alias from this file's directory: Stryker runs the tests in a sandbox copy, whose lib/ holds the
  // mutants. From the process's working directory it would point at the unmutated worktree.
  plugins: [WxtVitest({ root: dirname(fileURLToPath(import.meta.url)) })],
  // Instrumented code runs several times slower, on a machine shared with other work: generous timeouts.
  test: {
    name: 'unit',
    include: process.env.MUTATION_TESTS?.split(',') ?? ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // As the unit project: the catalogs loaded before the tests, so that t() translates synchronously, and every
    // host's site rules in lib/detect/ruleset.ts (which a content script gets from the background).
    setupFiles: ['test/unit/setup-i18n.ts', 'test/unit/setup-rules.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
