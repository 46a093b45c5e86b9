/**
 * `load()` in lib/store/schema.ts: whatever is in browser.storage.local becomes a valid current store, never
 * throws, and keeps whatever valid parts a damaged store still has. One example per released version (3, the
 * first: store-examples.ts), and each migration step tested from n-1 to n (none yet). The storage item around it:
 * store-item.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STORE_VERSION,
  StoreV3,
  emptyStore,
  HISTORY_MAX,
  load,
  MIGRATIONS,
  ORGS_MAX,
  recordObservations,
} from '@/lib/store/schema';
import { K, T, V3_EXAMPLE } from './store-examples';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('load: empty and valid', () => {
  it('undefined (nothing stored yet) → the empty store, no problem', () => {
    expect(load(undefined)).toEqual({ store: emptyStore(), problems: [] });
  });

  it('null → the empty store', () => {
    expect(load(null).store).toEqual(emptyStore());
  });

  it('the v3 example round-trips unchanged, with no problem and no migration', () => {
    const r = load(clone(V3_EXAMPLE));
    expect(r.problems).toEqual([]);
    expect(r.migratedFrom).toBeUndefined();
    expect(r.store).toEqual(V3_EXAMPLE);
  });

  it('the example is what its schema describes (the fixture itself is valid)', () => {
    expect(StoreV3.safeParse(V3_EXAMPLE).success).toBe(true);
    expect(V3_EXAMPLE.schemaVersion).toBe(STORE_VERSION);
  });

  it('versions 1 and 2 (development builds of 0.1.0, never released) are reset, and said so; no migration is kept for them', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    for (const v of [1, 2]) {
      const { schemaVersion: _, ...rest } = clone(V3_EXAMPLE);
      const r = load({ ...rest, schemaVersion: v });
      expect(r.store).toEqual(emptyStore());
      expect(r.problems).toEqual([`store version ${v} is from a development build, never released; reset`]);
      expect(r.newerVersion).toBeUndefined();
    }
  });

  it('a store written by recordObservations survives a JSON trip through storage', () => {
    const s = recordObservations(
      clone(V3_EXAMPLE),
      null,
      'admin-api-privacy',
      [{ key: 'labs-models', value: 'on', via: 'page' }],
      T + 1000,
    );
    const r = load(clone(s));
    expect(r.problems).toEqual([]);
    expect(r.store).toEqual(s);
  });

  it('missing optional parts are filled with their defaults', () => {
    const r = load({ schemaVersion: 3 });
    expect(r.store).toEqual(emptyStore());
    expect(r.problems).toEqual([]);
    const r2 = load({ schemaVersion: 3, orgs: { x: {} } });
    expect(r2.store.orgs.x).toEqual({ observations: {}, declarations: {} });
  });

  it('an observation without confidence gets confidence 1', () => {
    const raw = clone(V3_EXAMPLE) as unknown as {
      orgs: Record<string, { observations: Record<string, Record<string, unknown>> }>;
    };
    delete raw.orgs[K].observations['plan:vibe'].confidence;
    expect(load(raw).store.orgs[K].observations['plan:vibe']?.confidence).toBe(1);
  });
});

describe('load: garbage → the empty store, a problem message, never a throw', () => {
  const GARBAGE: [string, unknown][] = [
    ['a string', 'windsock'],
    ['an empty string', ''],
    ['an array', [V3_EXAMPLE]],
    ['a number', 42],
    ['a boolean', true],
    ['a newer version', { schemaVersion: 99, orgs: {} }],
    ['a string version', { schemaVersion: 'x' }],
    ['version 0', { schemaVersion: 0 }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['no version', { currentOrg: 'a', orgs: {} }],
  ];
  it.each(GARBAGE)('%s', (_name, raw) => {
    let r: ReturnType<typeof load> | undefined;
    expect(() => (r = load(raw))).not.toThrow();
    expect(r!.store).toEqual(emptyStore());
    expect(r!.problems.length).toBeGreaterThan(0);
    expect(r!.problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
  });

  it('property: any JSON value → never throws, always a valid current store', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              schemaVersion: fc.constantFrom(1, 2, 0, '1'),
              orgs: fc.jsonValue(),
              settings: fc.jsonValue(),
              currentOrg: fc.jsonValue(),
            },
            { requiredKeys: ['schemaVersion'] },
          ),
        ),
        (raw) => {
          const r = load(raw);
          expect(StoreV3.safeParse(r.store).success).toBe(true);
          expect(Array.isArray(r.problems)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('load: salvage what is valid', () => {
  const good = V3_EXAMPLE.orgs[K];

  it('a store with one corrupt organization keeps the valid one and says what it dropped', () => {
    const raw = { ...clone(V3_EXAMPLE), orgs: { [K]: clone(good), broken: 42 } };
    const r = load(raw);
    expect(r.store.orgs[K]).toEqual(good);
    expect(r.store.orgs.broken).toBeUndefined();
    expect(r.store.currentOrg).toBe(K);
    expect(r.store.settings).toEqual({ language: 'fr' });
    expect(r.problems.join('\n')).toMatch(/broken/);
  });

  it('a corrupt organization that is an object with unreadable fields: the valid org is kept, the loss reported', () => {
    const raw = {
      ...clone(V3_EXAMPLE),
      orgs: { [K]: clone(good), broken: { name: 7, observations: 'garbage', declarations: [1, 2] } },
    };
    const r = load(raw);
    expect(r.store.orgs[K]).toEqual(good);
    expect(r.store.orgs.broken?.observations ?? {}).toEqual({});
    // LoadResult.problems is "what had to be dropped or reset": dropping a whole observations field must show.
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('a corrupt single observation is dropped and its siblings kept', () => {
    const raw = clone(V3_EXAMPLE) as unknown as {
      orgs: Record<string, { observations: Record<string, unknown>; declarations: Record<string, unknown> }>;
    };
    raw.orgs[K].observations['vibe-training'] = { value: 'maybe', via: 'page', where: 'admin-vibe-privacy', seenAt: T };
    raw.orgs[K].observations['not-a-key'] = { value: 'on', via: 'page', where: 'x', seenAt: T };
    raw.orgs[K].declarations['plan:api'] = { value: 'scale', at: -1 };
    const r = load(raw);
    const org = r.store.orgs[K];
    expect(org.observations['vibe-training']).toBeUndefined();
    expect((org.observations as Record<string, unknown>)['not-a-key']).toBeUndefined();
    expect(org.declarations['plan:api']).toBeUndefined();
    const { 'vibe-training': _dropped, ...siblings } = good.observations;
    expect(org.observations).toEqual(siblings);
    expect(org.name).toBe('Atelier Nord');
    expect(r.store.orgs.default).toEqual(V3_EXAMPLE.orgs.default);
    expect(r.problems.filter((p) => /vibe-training/.test(p))).toHaveLength(1);
    expect(r.problems.filter((p) => /not-a-key/.test(p))).toHaveLength(1);
    expect(r.problems.filter((p) => /plan:api/.test(p))).toHaveLength(1);
  });

  it.each([
    ['an unknown language', { language: 'klingon' }],
    ['a string', 'fr'],
    ['an array', ['fr']],
  ])('settings malformed (%s) → defaults, organizations kept', (_name, settings) => {
    const r = load({ ...clone(V3_EXAMPLE), settings });
    expect(r.store.settings).toEqual({ language: 'auto' });
    expect(r.store.orgs).toEqual(V3_EXAMPLE.orgs);
    expect(r.problems.join('\n')).toMatch(/settings/);
  });

  it('organizations that are not an object → none, reported', () => {
    const r = load({ ...clone(V3_EXAMPLE), orgs: 'nope' });
    expect(r.store.orgs).toEqual({});
    expect(r.store.settings).toEqual({ language: 'fr' });
    expect(r.problems.length).toBeGreaterThan(0);
  });
});

describe('load: version 2 lists salvage entry by entry', () => {
  it('one corrupt history line and one corrupt share are dropped, the rest kept, and said', () => {
    const raw = clone(V3_EXAMPLE) as unknown as Record<string, unknown[]>;
    raw.history.splice(1, 0, { at: 'yesterday', kind: 'observed' });
    raw.shares.push({ chatId: '<script>', at: 1, org: 'x' });
    const r = load(raw);
    expect(r.store.history).toEqual(V3_EXAMPLE.history);
    expect(r.store.shares).toEqual(V3_EXAMPLE.shares);
    expect(r.store.orgs).toEqual(V3_EXAMPLE.orgs);
    expect(r.problems.join(' ')).toMatch(/1 history entry was malformed/);
    expect(r.problems.join(' ')).toMatch(/1 shares entry was malformed/);
  });
});

describe('limits on load (issue 11, attack 6)', () => {
  it('an impossible date (9e15, before 2023) is dropped with its entry, the rest kept and said', () => {
    const raw = clone(V3_EXAMPLE) as unknown as Record<string, unknown[]>;
    raw.history.push({ at: 9e15, org: K, kind: 'observed', key: 'vibe-training', value: 'on' });
    raw.history.push({ at: Date.UTC(2022, 0, 1), org: K, kind: 'observed', key: 'vibe-training', value: 'on' });
    const r = load(raw);
    expect(r.store.history).toEqual(V3_EXAMPLE.history);
    expect(r.problems.join(' ')).toMatch(/2 history entries were malformed/);
  });

  it('more organizations than ORGS_MAX: the current one and the most recently seen are kept', () => {
    const orgs: Record<string, unknown> = {};
    for (let i = 0; i < ORGS_MAX + 15; i++)
      orgs[`name:o${i}`] = { name: `o${i}`, lastSeen: T + i, observations: {}, declarations: {} };
    const r = load({ schemaVersion: 3, currentOrg: 'name:o0', orgs });
    const kept = Object.keys(r.store.orgs);
    expect(kept.length).toBe(ORGS_MAX);
    expect(kept).toContain('name:o0');
    expect(kept).toContain(`name:o${ORGS_MAX + 14}`);
    expect(kept).not.toContain('name:o1');
  });

  it('a newer store is reported as newer, never migrated or salvaged', () => {
    const r = load({ schemaVersion: STORE_VERSION + 1, orgs: { x: {} } });
    expect(r.newerVersion).toBe(STORE_VERSION + 1);
    expect(r.store).toEqual(emptyStore());
  });

  it('recordObservations keeps at most ORGS_MAX organizations and the history at HISTORY_MAX lines', () => {
    let s = emptyStore();
    for (let i = 0; i < 1200; i++)
      s = recordObservations(
        s,
        `name:r${i}`,
        'admin-vibe-privacy',
        [{ key: 'vibe-training', value: i % 2 ? 'on' : 'off', via: 'page' }],
        T + i,
        `r${i}`,
      );
    expect(Object.keys(s.orgs).length).toBe(ORGS_MAX);
    expect(s.history.length).toBe(HISTORY_MAX);
    expect(s.currentOrg).toBe('name:r1199');
  });
});
