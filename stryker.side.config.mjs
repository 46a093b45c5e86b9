// A second Stryker run beside another one (scoped runs in parallel): its own sandbox and report files.
import base from './stryker.config.mjs';
export default {
  ...base,
  concurrency: 1,
  tempDirName: '.stryker-tmp2',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/runs/${process.env.RUN_NAME ?? 'side'}.json` },
};
