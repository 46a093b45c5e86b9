/**
 * The closing line CI reads: a suite that failed to start (a missing browser) is a failure, never a skip; a
 * file that failed to load is a failure; the browsers line says which browsers ran. Vitest's reporter objects
 * are duck-typed here with the few members the reporter reads.
 */
import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { closingLines, summarize } from '../summary-reporter';

type State = 'passed' | 'failed' | 'skipped';
interface FakeSuite {
  type: 'suite' | 'module';
  fullName: string;
  parent?: FakeSuite;
  errors(): { message: string }[];
}

function mod(
  id: string,
  opts: { errors?: string[]; suites?: { name: string; errors?: string[]; tests: State[] }[] },
): TestModule {
  const m: FakeSuite & Record<string, unknown> = {
    type: 'module',
    fullName: id,
    relativeModuleId: id,
    errors: () => (opts.errors ?? []).map((message) => ({ message })),
    state: () => (opts.errors?.length ? 'failed' : 'passed'),
  };
  const tests = (opts.suites ?? []).flatMap((s) => {
    const suite: FakeSuite = {
      type: 'suite',
      fullName: s.name,
      parent: m,
      errors: () => (s.errors ?? []).map((message) => ({ message })),
    };
    return s.tests.map((state, i) => ({ parent: suite, fullName: `${s.name} > t${i}`, result: () => ({ state }) }));
  });
  m.children = {
    allTests: function* () {
      yield* tests;
    },
  };
  return m as unknown as TestModule;
}

describe('closing summary', () => {
  it('counts passed, failed and skipped tests, always printing all three', () => {
    const out = closingLines(
      summarize([mod('a.test.ts', { suites: [{ name: 'x', tests: ['passed', 'passed', 'failed', 'skipped'] }] })]),
    );
    expect(out.trim().split('\n').at(-1)).toBe('tests: 2 passed, 1 failed, 1 skipped');
    expect(
      closingLines(summarize([mod('a.test.ts', { suites: [{ name: 'x', tests: ['passed'] }] })]))
        .trim()
        .split('\n')
        .at(-1),
    ).toBe('tests: 1 passed, 0 failed, 0 skipped');
  });

  it('a browser that failed to start: its tests are failures with the reason, and the browsers line says so', () => {
    const s = summarize([
      mod('test/e2e/base.e2e.ts', {
        suites: [
          { name: 'base in chromium', tests: ['passed', 'passed'] },
          {
            name: 'base in firefox',
            errors: ['Firefox not found at /usr/lib/firefox-esr/firefox-esr: install it\nstack'],
            tests: ['skipped', 'skipped'],
          },
        ],
      }),
    ]);
    expect([s.passed, s.failed, s.skipped]).toEqual([2, 2, 0]);
    const out = closingLines(s);
    expect(out).toContain(
      'FAILED test/e2e/base.e2e.ts › base in firefox: failed to start (Firefox not found at /usr/lib/firefox-esr/firefox-esr: install it)',
    );
    expect(out).toContain('browsers: chromium ran, firefox failed to start (Firefox not found');
    expect(out).not.toContain('stack');
  });

  it('a file that failed to load counts as one failure', () => {
    const s = summarize([mod('test/unit/broken.test.ts', { errors: ['Cannot find module x'] })]);
    expect([s.passed, s.failed, s.skipped]).toEqual([0, 1, 0]);
    expect(closingLines(s)).toContain('FAILED test/unit/broken.test.ts: failed to load (Cannot find module x)');
  });

  it('an unhandled error counts as a failure', () => {
    const s = summarize(
      [mod('a.test.ts', { suites: [{ name: 'x', tests: ['passed'] }] })],
      [{ message: 'boom' } as never],
    );
    expect(s.failed).toBe(1);
  });

  it('no end-to-end suite: says no browser ran', () => {
    expect(closingLines(summarize([mod('a.test.ts', { suites: [{ name: 'x', tests: ['passed'] }] })]))).toContain(
      'browsers: none',
    );
  });

  it('both browsers ran: both named', () => {
    const s = summarize([
      mod('e.e2e.ts', {
        suites: [
          { name: 'x in firefox', tests: ['passed'] },
          { name: 'x in chromium', tests: ['skipped', 'passed'] },
        ],
      }),
    ]);
    expect(closingLines(s)).toContain('browsers: chromium ran, firefox ran');
    expect(s.skipped).toBe(1);
  });
});
