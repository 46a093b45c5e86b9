// Mutation testing (npm run mutation; not part of npm test). Stryker mutates lib/ and runs the unit project
// (vitest.stryker.config.ts: the unit tests only, never the browsers) against each mutant.
// Scope a run: `MUTATION_TESTS=test/unit/guard.test.ts npm run mutation -- --mutate 'lib/warnings/**/*.ts'`.
// Reports: the per-file table on the terminal, reports/mutation/index.html and mutation.json.
// Equivalent mutants left alive, with the reason: test/mutation-equivalents.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Stryker's Vitest runner with per-test coverage: each mutant runs only the unit tests that reach it. (Under
  // Node 20 only Stryker 9 installed, whose Vitest runner did not work with Vitest 5; with Node 22, Stryker 10's does.)
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  mutate: [
    'lib/verdict.ts',
    'lib/resolve.ts',
    'lib/messages.ts',
    'lib/detect/**/*.ts',
    'lib/warnings/**/*.ts',
    'lib/store/**/*.ts',
    'lib/scan/**/*.ts',
    'lib/rights/**/*.ts',
    '!lib/rights/download.ts',
    // Beyond issue 14's list: the rest of what a page's messages reach.
    'lib/context.ts',
    'lib/background/handler.ts',
    'lib/background/offscreen.ts',
    'lib/background/scan.ts',
    'lib/offpage/**/*.ts',
    'lib/page/serialize.ts',
  ],
  ignorePatterns: ['.output', '.wxt/cache', 'demo-output', 'reports', 'docs', 'test-results', '.stryker-tmp*'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
