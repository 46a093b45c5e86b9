/**
 * `load()` in lib/store/schema.ts: whatever is in browser.storage.local becomes a valid current store, never
 * throws, and keeps whatever valid parts a damaged store still has. One example per stored version, and each
 * migration step tested from n-1 to n.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CURRENT_VERSION, CurrentStore, emptyStore, HISTORY_MAX, load, ORGS_MAX, recordObservations, StoreV1, StoreV2, StoreV3, type Store } from '@/lib/store/schema';

const T = Date.UTC(2026, 9, 14, 16, 20, 0);

/** A realistic version-1 store: a Team organization seen on the Admin Panel, plus the default one. */
const V1_EXAMPLE: z.infer<typeof StoreV1> = {
  schemaVersion: 1,
  currentOrg: 'org_2b7c9e41',
  orgs: {
    org_2b7c9e41: {
      name: 'Atelier Nord',
      observations: {
        'plan:vibe': { value: 'team', via: 'account-data', where: 'vibe-chat', seenAt: T - 3_600_000, confidence: 1 },
        'plan:api': { value: 'scale', via: 'page', where: 'admin-subscriptions', seenAt: T - 7_200_000, confidence: 1 },
        'vibe-training': { value: 'off', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1, locked: true, replaced: { value: 'on', at: T - 86_400_000 } },
        'public-sharing': { value: 'off', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        feedback: { value: 'on', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'chat-retention': { value: '90d', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'api-training': { value: 'off', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
        'labs-models': { value: 'off', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
        zdr: { value: 'on', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
      },
      declarations: {},
    },
    default: {
      observations: {
        'plan:vibe': { value: 'free', via: 'visible-cue', where: 'vibe-upgrade', seenAt: T - 40 * 86_400_000, confidence: 0.5 },
      },
      declarations: { 'vibe-training': { value: 'on', at: T - 10 * 86_400_000 } },
    },
  },
  settings: { language: 'fr' },
};

/** The same organization in version 2, with a privacy record, a shared chat and warning choices. */
const V2_EXAMPLE: z.infer<typeof StoreV2> = {
  ...V1_EXAMPLE,
  schemaVersion: 2,
  guardsOff: ['labs'],
  bannerDismissedUntil: { org_2b7c9e41: T + 7 * 86_400_000 },
  shares: [{ chatId: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', at: T - 1000, org: 'org_2b7c9e41' }],
  history: [
    { at: T - 86_400_000, org: 'org_2b7c9e41', kind: 'declared', key: 'vibe-training', value: 'on', previous: null },
    { at: T, org: 'org_2b7c9e41', kind: 'observed', key: 'vibe-training', value: 'off', previous: null, where: 'admin-vibe-privacy' },
    { at: T - 1000, org: 'org_2b7c9e41', kind: 'shared', key: 'chat', value: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c' },
  ],
};

/**
 * The same store in version 3: organizations keyed by `name:` + their v2 key (v2 keyed them by display name),
 * the name kept, `lastSeen` the newest date in each; every reference to an organization follows.
 */
const K = 'name:org_2b7c9e41';
const V3_EXAMPLE: Store = {
  schemaVersion: 3,
  currentOrg: K,
  orgs: {
    [K]: { ...V1_EXAMPLE.orgs.org_2b7c9e41, lastSeen: T },
    default: { ...V1_EXAMPLE.orgs.default, lastSeen: T - 10 * 86_400_000 },
  },
  settings: { language: 'fr' },
  guardsOff: ['labs'],
  bannerDismissedUntil: { [K]: T + 7 * 86_400_000 },
  shares: [{ chatId: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', at: T - 1000, org: K }],
  history: [
    { at: T - 86_400_000, org: K, kind: 'declared', key: 'vibe-training', value: 'on', previous: null },
    { at: T, org: K, kind: 'observed', key: 'vibe-training', value: 'off', previous: null, where: 'admin-vibe-privacy' },
    { at: T - 1000, org: K, kind: 'shared', key: 'chat', value: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c' },
  ],
};

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

  it('the examples are what their schemas describe (the fixtures themselves are valid)', () => {
    expect(StoreV1.safeParse(V1_EXAMPLE).success).toBe(true);
    expect(StoreV2.safeParse(V2_EXAMPLE).success).toBe(true);
    expect(StoreV3.safeParse(V3_EXAMPLE).success).toBe(true);
    expect(V3_EXAMPLE.schemaVersion).toBe(CURRENT_VERSION);
  });

  it('v1 → v3: everything of v1 is kept, the new lists start empty, organizations re-keyed', () => {
    const r = load(clone(V1_EXAMPLE));
    expect(r.problems).toEqual([]);
    expect(r.migratedFrom).toBe(1);
    expect(r.store).toEqual({ ...V3_EXAMPLE, guardsOff: [], bannerDismissedUntil: {}, shares: [], history: [] });
  });

  it('v2 → v3: organizations keyed by name: + their old key, with their name; current, history, shares and banner follow', () => {
    const r = load(clone(V2_EXAMPLE));
    expect(r.problems).toEqual([]);
    expect(r.migratedFrom).toBe(2);
    expect(r.store).toEqual(V3_EXAMPLE);
  });

  it('v2 → v3: organizations a page named __proto__, constructor, toString, valueOf survive, each its own', () => {
    const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const json = `{"schemaVersion":2,"currentOrg":"__proto__","orgs":{${names.map((n, i) => `"${n}":{"observations":{"vibe-training":{"value":"${i % 2 ? 'on' : 'off'}","via":"page","where":"admin-vibe-privacy","seenAt":${T + i}}}}`).join(',')}}}`;
    const r = load(JSON.parse(json));
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.store.orgs).sort()).toEqual(names.map((n) => `name:${n}`).sort());
    expect(r.store.currentOrg).toBe('name:__proto__');
    names.forEach((n, i) => {
      expect(r.store.orgs[`name:${n}`].name).toBe(n);
      expect(r.store.orgs[`name:${n}`].observations['vibe-training']?.value).toBe(i % 2 ? 'on' : 'off');
    });
  });

  it('a store written by recordObservations survives a JSON trip through storage', () => {
    const s = recordObservations(clone(V3_EXAMPLE), null, 'admin-api-privacy', [{ key: 'labs-models', value: 'on', via: 'page' }], T + 1000);
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
    const raw = clone(V1_EXAMPLE) as unknown as { orgs: Record<string, { observations: Record<string, Record<string, unknown>> }> };
    delete raw.orgs.org_2b7c9e41.observations['plan:vibe'].confidence;
    expect(load(raw).store.orgs[K].observations['plan:vibe']?.confidence).toBe(1);
  });
});

describe('load: garbage → the empty store, a problem message, never a throw', () => {
  const GARBAGE: [string, unknown][] = [
    ['a string', 'windsock'],
    ['an empty string', ''],
    ['an array', [V1_EXAMPLE]],
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
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ schemaVersion: fc.constantFrom(1, 2, 0, '1'), orgs: fc.jsonValue(), settings: fc.jsonValue(), currentOrg: fc.jsonValue() }, { requiredKeys: ['schemaVersion'] })), (raw) => {
        const r = load(raw);
        expect(CurrentStore.safeParse(r.store).success).toBe(true);
        expect(Array.isArray(r.problems)).toBe(true);
      }),
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
    const raw = { ...clone(V3_EXAMPLE), orgs: { [K]: clone(good), broken: { name: 7, observations: 'garbage', declarations: [1, 2] } } };
    const r = load(raw);
    expect(r.store.orgs[K]).toEqual(good);
    expect(r.store.orgs.broken?.observations ?? {}).toEqual({});
    // LoadResult.problems is "what had to be dropped or reset": dropping a whole observations field must show.
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('a corrupt single observation is dropped and its siblings kept', () => {
    const raw = clone(V3_EXAMPLE) as unknown as { orgs: Record<string, { observations: Record<string, unknown>; declarations: Record<string, unknown> }> };
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
    for (let i = 0; i < ORGS_MAX + 15; i++) orgs[`name:o${i}`] = { name: `o${i}`, lastSeen: T + i, observations: {}, declarations: {} };
    const r = load({ schemaVersion: 3, currentOrg: 'name:o0', orgs });
    const kept = Object.keys(r.store.orgs);
    expect(kept.length).toBe(ORGS_MAX);
    expect(kept).toContain('name:o0');
    expect(kept).toContain(`name:o${ORGS_MAX + 14}`);
    expect(kept).not.toContain('name:o1');
  });

  it('a newer store is reported as newer, never migrated or salvaged', () => {
    const r = load({ schemaVersion: CURRENT_VERSION + 1, orgs: { x: {} } });
    expect(r.newerVersion).toBe(CURRENT_VERSION + 1);
    expect(r.store).toEqual(emptyStore());
  });

  it('recordObservations keeps at most ORGS_MAX organizations and the history at HISTORY_MAX lines', () => {
    let s = emptyStore();
    for (let i = 0; i < 1200; i++) s = recordObservations(s, `name:r${i}`, 'admin-vibe-privacy', [{ key: 'vibe-training', value: i % 2 ? 'on' : 'off', via: 'page' }], T + i, `r${i}`);
    expect(Object.keys(s.orgs).length).toBe(ORGS_MAX);
    expect(s.history.length).toBe(HISTORY_MAX);
    expect(s.currentOrg).toBe('name:r1199');
  });
});
