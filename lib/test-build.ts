/**
 * True in every build but the production one (`wxt build`): the tests' and the benchmark's builds
 * (`wxt build --mode test`, `npm run build:test`) and Vitest. What only the tests and `npm run bench` read —
 * the content scripts' counters and timings, the diagnostic report's button coordinates and WXT-context
 * probes — sits behind it, so the production bundles carry none of it (Vite replaces `import.meta.env.MODE`
 * and the minifier drops the dead branches).
 */
export const TEST_BUILD: boolean = import.meta.env.MODE !== 'production';
