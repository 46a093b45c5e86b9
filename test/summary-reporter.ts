/**
 * Prints the closing lines CI reads, whatever runner it knows, after Vitest's own summary:
 *
 *   browsers: chromium ran, firefox failed to start (Firefox not found at …)
 *   tests: N passed, N failed, N skipped
 *
 * What counts as failed, not skipped:
 * - a test that failed;
 * - a test that never ran because its suite failed to start (a `beforeAll` threw, e.g. a browser is missing):
 *   Vitest marks those tests skipped, but nothing was checked, so each one is a failure here;
 * - a test file that failed to load (syntax error, import error) and so has no tests: one failure per file;
 * - an unhandled error during the run: one failure each.
 * Skipped means skipped on purpose (`it.skip`, `it.skipIf`, `.todo`) in a suite that did start.
 */
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import type { SerializedError } from 'vitest';

const BROWSER_RE = /\bin (chromium|firefox)\b/i;

function firstLine(errors: ReadonlyArray<SerializedError>): string {
  const m = errors.find((e) => e?.message)?.message ?? 'unknown error';
  return m.split('\n')[0].slice(0, 200);
}

/** The suite (or the module) whose hooks failed, closest to the test; undefined when every ancestor started. */
function failedAncestor(t: TestCase): TestSuite | TestModule | undefined {
  let p: TestSuite | TestModule = t.parent;
  for (;;) {
    if (p.errors().length > 0) return p;
    if (p.type === 'module') return undefined;
    p = p.parent;
  }
}

function browserOf(t: TestCase | TestSuite): string | undefined {
  const m = BROWSER_RE.exec(t.fullName);
  return m ? m[1].toLowerCase() : undefined;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  browsers: Map<string, { ran: number; notStarted?: string }>;
  problems: string[];
}

export function summarize(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError> = []): Summary {
  const s: Summary = { passed: 0, failed: 0, skipped: 0, browsers: new Map(), problems: [] };
  const browser = (b: string) => {
    let x = s.browsers.get(b);
    if (!x) s.browsers.set(b, (x = { ran: 0 }));
    return x;
  };
  for (const m of modules) {
    const tests = [...m.children.allTests()];
    if (tests.length === 0 && (m.state() === 'failed' || m.errors().length > 0)) {
      s.failed++;
      s.problems.push(`${m.relativeModuleId}: failed to load (${firstLine(m.errors())})`);
      continue;
    }
    const reported = new Set<TestSuite | TestModule>();
    for (const t of tests) {
      const state = t.result().state;
      const b = browserOf(t);
      const broken = failedAncestor(t);
      if (state === 'passed') s.passed++;
      else if (state === 'failed') s.failed++;
      else if (broken) {
        // Never ran: its suite failed to start.
        s.failed++;
        if (!reported.has(broken)) {
          reported.add(broken);
          const where = broken.type === 'module' ? m.relativeModuleId : `${m.relativeModuleId} › ${broken.fullName}`;
          s.problems.push(`${where}: failed to start (${firstLine(broken.errors())})`);
        }
      } else s.skipped++;
      if (b) {
        const x = browser(b);
        if (state === 'passed' || state === 'failed') x.ran++;
        else if (broken && !x.notStarted) x.notStarted = firstLine(broken.errors());
      }
    }
  }
  for (const e of unhandled) {
    s.failed++;
    s.problems.push(`unhandled error: ${firstLine([e])}`);
  }
  return s;
}

export function browsersLine(s: Summary): string {
  if (s.browsers.size === 0) return 'browsers: none (no end-to-end tests ran)';
  const parts = [...s.browsers.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([b, x]) =>
      x.notStarted
        ? x.ran
          ? `${b} ran but some suites failed to start (${x.notStarted})`
          : `${b} failed to start (${x.notStarted})`
        : `${b} ran`,
    );
  return `browsers: ${parts.join(', ')}`;
}

export function closingLines(s: Summary): string {
  const lines = [
    ...s.problems.map((p) => `FAILED ${p}`),
    browsersLine(s),
    `tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  ];
  return `\n${lines.join('\n')}\n`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    process.stdout.write(closingLines(summarize(modules, unhandled ?? [])));
  }
}
