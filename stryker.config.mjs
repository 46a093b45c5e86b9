// Mutation testing (npm run mutation; not part of npm test). Stryker mutates lib/ and runs the unit project
// (vitest.stryker.config.ts: the unit tests only, never the browsers) against each mutant, running only the
// tests that cover it (perTest coverage). Scope a run with `npm run mutation -- --mutate lib/verdict.ts`.
// Reports: the per-file table on the terminal, reports/mutation/index.html and mutation.json.
// Equivalent mutants left alive, with the reason: test/mutation-equivalents.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  // 'all', not 'perTest': with Vitest 5 the runner's per-test filter (testNamePattern on each project) selects no
  // test, so every mutant "survives" (checked: 53 of 53 on lib/verdict.ts). 'all' still skips uncovered mutants
  // and runs the tests of MUTATION_TESTS (vitest.stryker.config.ts) against each covered one.
  coverageAnalysis: 'all',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  mutate: [
    'lib/verdict.ts',
    'lib/resolve.ts',
    'lib/messages.ts',
    'lib/detect/**/*.ts',
    'lib/guard/**/*.ts',
    'lib/store/**/*.ts',
    'lib/scan/**/*.ts',
    'lib/rights/**/*.ts',
    '!lib/rights/download.ts',
  ],
  ignorePatterns: ['.output', '.wxt/cache', 'demo-output', 'reports', 'docs', 'test-results'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
