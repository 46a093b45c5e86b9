/**
 * Export and import of the privacy record (lib/store/transfer.ts): what is exported comes back the same;
 * an older store inside an export is migrated and accepted; a file that is not JSON, not a Windsock export,
 * or a Windsock export whose store would need any salvage is refused whole — the result carries no store, so
 * the background (which writes only on `ok`) overwrites nothing. The end-to-end side is test/e2e/rights.e2e.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORE_VERSION, emptyStore, HISTORY_MAX, load, type Store } from '@/lib/store/schema';
import {
  EXPORT_FORMAT,
  EXPORT_KIND,
  fromImport,
  jsonDepth,
  MAX_IMPORT_CHARS,
  toExport,
  type ImportResult,
} from '@/lib/store/transfer';

const T = Date.UTC(2026, 9, 14, 16, 20, 0);
const CHAT = '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';

/** A full version-2 store: a Team organization seen on the Admin Panel, a default one, shares and history. */
const STORE: Store = {
  schemaVersion: 3,
  currentOrg: 'org_2b7c9e41',
  orgs: {
    org_2b7c9e41: {
      name: 'Atelier Nord',
      observations: {
        'plan:vibe': { value: 'team', via: 'account-data', where: 'vibe-chat', seenAt: T - 3_600_000, confidence: 1 },
        'plan:api': { value: 'scale', via: 'page', where: 'admin-subscriptions', seenAt: T - 7_200_000, confidence: 1 },
        'vibe-training': {
          value: 'off',
          via: 'page',
          where: 'admin-vibe-privacy',
          seenAt: T,
          confidence: 1,
          locked: true,
          replaced: { value: 'on', at: T - 86_400_000 },
        },
        'chat-retention': { value: '90d', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        zdr: { value: 'on', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
      },
      declarations: {},
    },
    default: {
      observations: {
        'plan:vibe': {
          value: 'free',
          via: 'visible-cue',
          where: 'vibe-upgrade',
          seenAt: T - 40 * 86_400_000,
          confidence: 0.5,
        },
      },
      declarations: { 'vibe-training': { value: 'on', at: T - 10 * 86_400_000 } },
    },
  },
  settings: { language: 'fr' },
  guardsOff: ['labs'],
  bannerDismissedUntil: { org_2b7c9e41: T + 7 * 86_400_000 },
  shares: [{ chatId: CHAT, at: T - 1000, org: 'org_2b7c9e41' }],
  history: [
    { at: T - 86_400_000, org: 'org_2b7c9e41', kind: 'declared', key: 'vibe-training', value: 'on', previous: null },
    { at: T - 1000, org: 'org_2b7c9e41', kind: 'shared', key: 'chat', value: CHAT },
    {
      at: T,
      org: 'org_2b7c9e41',
      kind: 'observed',
      key: 'vibe-training',
      value: 'off',
      previous: 'on',
      where: 'admin-vibe-privacy',
    },
  ],
};

const clone = <X>(x: X): X => JSON.parse(JSON.stringify(x));
const file = (store: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ kind: EXPORT_KIND, format: EXPORT_FORMAT, exportedAt: new Date(T).toISOString(), store, ...extra });
const rejected = (r: ImportResult) => {
  expect(r.ok).toBe(false);
  expect('store' in r).toBe(false);
  return r.ok ? null : r.error;
};

describe('export', () => {
  it('wraps the store with its kind, format and time', () => {
    const f = toExport(STORE, T);
    expect(f).toEqual({
      kind: 'windsock-privacy-record',
      format: 1,
      exportedAt: '2026-10-14T16:20:00.000Z',
      store: STORE,
    });
  });
});

describe('round trip: toExport → JSON.stringify → fromImport gives the same store', () => {
  it('a full store', () => {
    const r = fromImport(JSON.stringify(toExport(STORE, T)));
    expect(r).toEqual({ ok: true, store: STORE });
  });

  it('pretty-printed, as the options page saves it', () => {
    expect(fromImport(JSON.stringify(toExport(STORE, T), null, 2))).toEqual({ ok: true, store: STORE });
  });

  it('the empty store', () => {
    expect(fromImport(JSON.stringify(toExport(emptyStore(), T)))).toEqual({ ok: true, store: emptyStore() });
  });

  it('a full history (HISTORY_MAX entries)', () => {
    const history = Array.from({ length: HISTORY_MAX }, (_, i) => ({
      at: T + i,
      org: 'default',
      kind: 'observed' as const,
      key: 'vibe-training',
      value: i % 2 ? 'on' : 'off',
      previous: null,
      where: 'admin-vibe-privacy',
    }));
    const store = { ...emptyStore(), history };
    expect(fromImport(JSON.stringify(toExport(store, T)))).toEqual({ ok: true, store });
  });

  it('any store load() accepts as valid round-trips (property)', () => {
    const entry = fc.record({
      at: fc.integer({ min: Date.UTC(2023, 0, 1), max: T }),
      org: fc.string({ maxLength: 20 }),
      kind: fc.constantFrom('observed', 'declared', 'shared', 'reset'),
      key: fc.constantFrom('plan:vibe', 'vibe-training', 'chat', 'chat-retention'),
      value: fc.option(fc.constantFrom('on', 'off', 'free', '90d'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        fc.constantFrom('auto', 'en', 'fr'),
        fc.string({ maxLength: 30 }),
        (history, language, orgName) => {
          const store: Store = {
            ...emptyStore(),
            settings: { language: language as 'auto' },
            orgs: { o: { name: orgName, observations: {}, declarations: {} } },
            history,
          };
          expect(fromImport(JSON.stringify(toExport(store, T)))).toEqual({ ok: true, store });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the first exports (no `format` field) are still accepted', () => {
    expect(fromImport(JSON.stringify({ kind: EXPORT_KIND, exportedAt: 'x', store: STORE }))).toEqual({
      ok: true,
      store: STORE,
    });
  });
});

describe('stores of development builds (versions 1 and 2, never released) are refused, whole', () => {
  it.each([1, 2])('version %i', (v) => {
    const r = fromImport(file({ schemaVersion: v, currentOrg: 'Atelier Nord', orgs: {} }), T);
    expect(r).toEqual({
      ok: false,
      error: 'malformed',
      problems: [`store version ${v} is from a development build, never released; reset`],
    });
  });
});

describe('rejected files', () => {
  it.each([
    ['an empty file', ''],
    ['plain text', 'my privacy record'],
    ['truncated JSON', file(STORE).slice(0, 200)],
    ['JSON with a trailing comma', '{"kind": "windsock-privacy-record",}'],
    ['a Markdown export', '# Windsock privacy record\n\n## Organization: Atelier Nord'],
  ])('not JSON: %s', (_name, text) => {
    expect(rejected(fromImport(text))).toBe('not-json');
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"windsock-privacy-record"'],
    ['an array', JSON.stringify([toExport(STORE, T)])],
    ['an empty object', '{}'],
    ['another kind', JSON.stringify({ kind: 'uBlock-backup', store: STORE })],
    ['the kind in another case', JSON.stringify({ kind: 'Windsock-Privacy-Record', store: STORE })],
    ['a bare store (what storage holds, not an export)', JSON.stringify(STORE)],
    ['another extension’s settings', JSON.stringify({ timeStamp: T, version: '1.59', userSettings: {} })],
  ])('JSON of another kind: %s', (_name, text) => {
    expect(rejected(fromImport(text))).toBe('foreign');
  });

  const corrupt: [string, () => unknown][] = [
    ['no store', () => undefined],
    ['a store that is a string', () => 'store'],
    ['a store that is an array', () => [STORE]],
    ['no schemaVersion', () => ({ ...clone(STORE), schemaVersion: undefined })],
    ['schemaVersion 0', () => ({ ...clone(STORE), schemaVersion: 0 })],
    [
      'one corrupt observation (load would drop it)',
      () => {
        const s = clone(STORE) as unknown as { orgs: Record<string, { observations: Record<string, unknown> }> };
        s.orgs.org_2b7c9e41.observations['vibe-training'] = { value: 'maybe', via: 'page', where: 'x', seenAt: T };
        return s;
      },
    ],
    [
      'an observation under an unknown key',
      () => {
        const s = clone(STORE) as unknown as { orgs: Record<string, { observations: Record<string, unknown> }> };
        s.orgs.default.observations['plan:mobile'] = { value: 'free', via: 'page', where: 'x', seenAt: T };
        return s;
      },
    ],
    [
      'a corrupt history entry',
      () => ({
        ...clone(STORE),
        history: [...clone(STORE.history), { at: -1, org: 'x', kind: 'observed', key: 'k', value: null }],
      }),
    ],
    ['history that is not a list', () => ({ ...clone(STORE), history: 'lots' })],
    ['a corrupt share', () => ({ ...clone(STORE), shares: [{ chatId: '../../etc', at: T, org: 'x' }] })],
    ['organizations that are not an object', () => ({ ...clone(STORE), orgs: [] })],
    ['a corrupt setting', () => ({ ...clone(STORE), settings: { language: 'tlh' } })],
    ['an unknown guard', () => ({ ...clone(STORE), guardsOff: ['everything'] })],
    [
      'more history than Windsock keeps (load would cut it silently)',
      () => ({
        ...emptyStore(),
        history: Array.from({ length: HISTORY_MAX + 1 }, (_, i) => ({
          at: i,
          org: 'default',
          kind: 'reset',
          key: 'all',
          value: null,
        })),
      }),
    ],
    [
      'a store of a development build (version 1)',
      () => ({ schemaVersion: 1, orgs: { a: { observations: { zdr: { value: 'on' } } } } }),
    ],
  ];
  it.each(corrupt)('a Windsock file with a corrupt store: %s', (_name, make) => {
    expect(rejected(fromImport(file(make())))).toBe('malformed');
  });

  it('an export format this Windsock does not know', () => {
    expect(rejected(fromImport(file(STORE, { format: 2 })))).toBe('malformed');
  });

  it('the problems are given for the record, never a partial store', () => {
    const r = fromImport(file({ ...clone(STORE), settings: { language: 'tlh' } }));
    expect(r).toEqual({
      ok: false,
      error: 'malformed',
      problems: expect.arrayContaining([expect.stringMatching(/settings/)]),
    });
  });

  it('never throws and never accepts random JSON (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const r = fromImport(text);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => fromImport(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('random damage to a valid export is either refused or harmless (property)', () => {
    const good = file(STORE);
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (i, c) => {
        const text = good.slice(0, i) + c + good.slice(i + 1);
        const r = fromImport(text);
        // Independent of the code: text that is no longer JSON is never accepted.
        let json = true;
        try {
          JSON.parse(text);
        } catch {
          json = false;
        }
        if (!json) expect(r.ok).toBe(false);
        // Accepted only if what comes back is a valid store, exactly what load() gives for it.
        if (r.ok) expect(load(JSON.parse(text).store)).toEqual({ store: r.store, problems: [] });
        if (r.ok) accepted++;
        else refused++;
      }),
      { numRuns: 300 },
    );
    // Both sides were exercised (a fromImport that accepts everything, or nothing, fails here).
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });

  it('importing does not modify the text’s objects or the caller’s store', () => {
    const before = clone(STORE);
    fromImport(JSON.stringify(toExport(STORE, T)));
    expect(STORE).toEqual(before);
  });
});

describe('limits (issue 11, attack 6)', () => {
  const DAY = 86_400_000;
  const withDecl = (at: number) => {
    const s = clone(STORE) as Store;
    s.orgs.default.declarations['vibe-training'] = { value: 'off', at };
    return s;
  };

  it('a declaration dated more than a day in the future is refused whole (it would beat every later reading)', () => {
    const r = fromImport(file(withDecl(T + 2 * DAY)), T);
    expect(rejected(r)).toBe('malformed');
    expect(r.ok === false && r.problems?.join(' ')).toMatch(/date/);
    // Positive control: the same file dated today is accepted.
    expect(fromImport(file(withDecl(T)), T).ok).toBe(true);
    // Within a day of clock skew: accepted.
    expect(fromImport(file(withDecl(T + DAY / 2)), T).ok).toBe(true);
  });

  it('a history date of 9e15 (past what Date can hold) or before 2023 is refused', () => {
    const far = {
      ...clone(STORE),
      history: [{ at: 9e15, org: 'default', kind: 'observed', key: 'vibe-training', value: 'off' }],
    };
    expect(rejected(fromImport(file(far), T))).toBe('malformed');
    const old = {
      ...clone(STORE),
      history: [{ at: Date.UTC(2022, 11, 31), org: 'default', kind: 'observed', key: 'vibe-training', value: 'off' }],
    };
    expect(rejected(fromImport(file(old), T))).toBe('malformed');
  });

  it('nesting deeper than the limit is a clear error, not a RangeError, and is checked before JSON.parse', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    let r: ImportResult | undefined;
    expect(() => (r = fromImport(deep, T))).not.toThrow();
    expect(rejected(r!)).toBe('too-deep');
    // Deep nesting hidden inside a field of a real export.
    const inField = file(STORE).replace('"settings":', `"junk":${'{"a":'.repeat(100)}1${'}'.repeat(100)},"settings":`);
    expect(rejected(fromImport(inField, T))).toBe('too-deep');
    // Brackets inside strings do not count.
    expect(jsonDepth(JSON.stringify({ s: '[[[[[[[[[[{{{{{{{{"\\' }))).toBe(1);
  });

  it('a file over the size limit is refused before parsing', () => {
    const big = file(STORE) + ' '.repeat(MAX_IMPORT_CHARS);
    expect(rejected(fromImport(big, T))).toBe('too-big');
  });

  it('a store of a newer Windsock inside a file is refused as newer, not imported', () => {
    expect(rejected(fromImport(file({ ...clone(STORE), schemaVersion: STORE_VERSION + 1 }), T))).toBe('newer');
  });
});

describe('what load() would accept silently is still refused, and the date window holds for every date', () => {
  const DAY = 86_400_000;
  const NOT_AS_IT_IS = { ok: false, error: 'malformed', problems: ['the store is not valid as it is'] };
  const line = (at: number) => ({ at, org: 'default', kind: 'reset', key: 'all', value: null });

  it('1,001 valid history lines (load would keep the newest 1,000 and say nothing)', () => {
    const s = { ...emptyStore(), history: Array.from({ length: 1001 }, (_, i) => line(T - 2000 + i)) };
    expect(load(s).problems).toEqual([]);
    expect(fromImport(file(s), T)).toEqual(NOT_AS_IT_IS);
    // The positive control: 1,000 of them are imported.
    expect(fromImport(file({ ...s, history: s.history.slice(1) }), T).ok).toBe(true);
  });

  it('501 valid shares', () => {
    const shares = Array.from({ length: 501 }, (_, i) => ({
      chatId: `chat-${100000 + i}`,
      at: T - 1000 + i,
      org: 'x',
    }));
    expect(fromImport(file({ ...emptyStore(), shares }), T)).toEqual(NOT_AS_IT_IS);
    expect(fromImport(file({ ...emptyStore(), shares: shares.slice(1) }), T).ok).toBe(true);
  });

  it('an organization keyed by more than 200 characters', () => {
    const s = { ...emptyStore(), orgs: { [`name:${'x'.repeat(196)}`]: { observations: {}, declarations: {} } } };
    expect(fromImport(file(s), T)).toEqual(NOT_AS_IT_IS);
  });

  /** STORE with one date moved to `at`, by where it is. */
  const dated: [string, (s: Store, at: number) => void][] = [
    ['an observation', (s, at) => (s.orgs.org_2b7c9e41.observations.zdr!.seenAt = at)],
    [
      "a dispute's date",
      (s, at) =>
        (s.orgs.org_2b7c9e41.observations.zdr!.disputed = { value: 'off', via: 'page', where: 'x', seenAt: at }),
    ],
    [
      "a replaced declaration's date",
      (s, at) => (s.orgs.org_2b7c9e41.observations['vibe-training']!.replaced!.at = at),
    ],
    ['a declaration', (s, at) => (s.orgs.default.declarations['vibe-training']!.at = at)],
    ['when an organization was last seen', (s, at) => (s.orgs.default.lastSeen = at)],
    ['a history line', (s, at) => (s.history[0].at = at)],
    ['a share', (s, at) => (s.shares[0].at = at)],
  ];
  it.each(dated)('%s: up to a day ahead is accepted, a millisecond more refused', (_name, set) => {
    const at = (when: number) => {
      const s = clone(STORE);
      set(s, when);
      return fromImport(file(s), T);
    };
    expect(at(T + DAY)).toMatchObject({ ok: true });
    expect(at(T + DAY + 1)).toEqual({
      ok: false,
      error: 'malformed',
      problems: ['1 date outside 2023-01-01 … tomorrow'],
    });
  });

  it('two dates ahead are counted; an organization last seen before 2023 is refused, "never seen" (0) is not', () => {
    const s = clone(STORE);
    s.history[0].at = T + 2 * DAY;
    s.shares[0].at = T + 2 * DAY;
    expect(fromImport(file(s), T)).toEqual({
      ok: false,
      error: 'malformed',
      problems: ['2 dates outside 2023-01-01 … tomorrow'],
    });
    const lastSeen = (v: number) => {
      const x = clone(STORE);
      x.orgs.default.lastSeen = v;
      return fromImport(file(x), T).ok;
    };
    expect(lastSeen(Date.UTC(2023, 0, 1))).toBe(true);
    expect(lastSeen(Date.UTC(2023, 0, 1) - 1)).toBe(false);
    expect(lastSeen(5)).toBe(false);
    expect(lastSeen(0)).toBe(true);
  });

  it('the refusals say why: an unknown format, no store, a newer store', () => {
    expect(fromImport(file(STORE, { format: 2 }), T)).toEqual({
      ok: false,
      error: 'malformed',
      problems: ['export format 2 is not 1'],
    });
    expect(fromImport(file(STORE, { format: null }), T)).toEqual({
      ok: false,
      error: 'malformed',
      problems: ['export format null is not 1'],
    });
    expect(fromImport(file(undefined), T)).toEqual({
      ok: false,
      error: 'malformed',
      problems: ['no store in the file'],
    });
    expect(fromImport(file({ ...clone(STORE), schemaVersion: 7 }), T)).toEqual({
      ok: false,
      error: 'newer',
      problems: ['store version 7 is newer than this Windsock (3); left as it is'],
    });
  });

  it('the size and depth limits are inclusive', () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : { a: nest(n - 1) });
    const at32 = file(STORE, { junk: nest(31) });
    expect(jsonDepth(at32)).toBe(32);
    expect(fromImport(at32, T)).toEqual({ ok: true, store: STORE });
    expect(rejected(fromImport(file(STORE, { junk: nest(32) }), T))).toBe('too-deep');
    const text = file(STORE);
    expect(fromImport(text + ' '.repeat(MAX_IMPORT_CHARS - text.length), T)).toMatchObject({ ok: true });
  });

  it('the depth counts objects and arrays alike, closes them, and skips escaped quotes in strings', () => {
    expect(jsonDepth('[[],[]]')).toBe(2);
    expect(jsonDepth('{"a":[1,{"b":2}],"c":{}}')).toBe(3);
    expect(jsonDepth('[{}][{}][{}]')).toBe(2);
    expect(jsonDepth('"\\""[')).toBe(1);
    expect(jsonDepth('"\\\\"[')).toBe(1);
  });
});

describe('what Windsock writes imports back; a date it would never write is refused', () => {
  it("an organization with the page's own id (up to 200 characters) imports back whole; 201 are refused", () => {
    const s = clone(STORE);
    s.orgs.org_2b7c9e41.pageId = 'org_2b7c9e41-page';
    expect(fromImport(file(s), T)).toEqual({ ok: true, store: s });
    s.orgs.org_2b7c9e41.pageId = 'p'.repeat(200);
    expect(fromImport(file(s), T)).toEqual({ ok: true, store: s });
    s.orgs.org_2b7c9e41.pageId = 'p'.repeat(201);
    expect(rejected(fromImport(file(s), T))).toBe('malformed');
  });

  it('a share dated before 2023 is refused at import, and dropped (said) when loaded', () => {
    const s = clone(STORE);
    s.shares[0].at = Date.UTC(2022, 5, 1);
    expect(rejected(fromImport(file(s), T))).toBe('malformed');
    const r = load(s);
    expect(r.store.shares).toEqual([]);
    expect(r.problems).toEqual(['1 shares entry was malformed; dropped']);
  });
});
