/**
 * Behaviour the mutation run of lib/store/schema.ts (issue 14) showed untested: the salvage of a damaged store entry
 * by entry (exact problems list, nothing said when nothing was lost), the caps (20 organizations, 1,000 history
 * lines, 500 shares) on the salvage path too, date bounds, the newer-version refusal, and edge cases of
 * recordObservations, declare and recordShare. Oracles are literal values, not the constants' own arithmetic.
 */
import { describe, expect, it } from 'vitest';
import {
  currentOrg,
  declare,
  emptyStore,
  fromHandWritten,
  load,
  orgKeyOf,
  recordObservations,
  recordShare,
  type Store,
} from '@/lib/store/schema';
import { knownFor } from '@/lib/resolve';
import { K, T, V3_EXAMPLE } from './store-examples';

const clone = <X>(x: X): X => JSON.parse(JSON.stringify(x));
const DAY = 86_400_000;
const MAX_DATE = Date.UTC(2100, 0, 1);
/** A damaged organization that makes the whole store fail and sends load() down the salvage path. */
const BROKEN = { broken: 42 };
const BROKEN_SAID = 'organization "broken" was malformed; dropped';

describe('load: the first checks say exactly why a store was reset', () => {
  it('null and undefined are "nothing stored": no problem', () => {
    expect(load(null).problems).toEqual([]);
    expect(load(undefined).problems).toEqual([]);
  });

  it.each([
    ['a string', 'windsock'],
    ['an array', [1]],
    ['a number', 3],
  ])('%s → "not an object"', (_n, raw) => {
    expect(load(raw)).toEqual({ store: emptyStore(), problems: ['store is not an object; reset'] });
  });

  it.each([0, -1, 1.5, '3', null])('schemaVersion %s → "no valid schemaVersion"', (v) => {
    const r = load({ ...clone(V3_EXAMPLE), schemaVersion: v });
    expect(r).toEqual({ store: emptyStore(), problems: ['no valid schemaVersion; reset'] });
  });

  it('a newer version is refused whole, said, and flagged so nobody overwrites it', () => {
    const r = load({ ...clone(V3_EXAMPLE), schemaVersion: 4 });
    expect(r).toEqual({
      store: emptyStore(),
      problems: ['store version 4 is newer than this Windsock (3); left as it is'],
      newerVersion: 4,
    });
  });
});

describe('fromHandWritten (the step into the WXT item)', () => {
  it('a version-3 value loses only its version; anything else is kept as it is', () => {
    expect(fromHandWritten({ schemaVersion: 3, currentOrg: K })).toEqual({ currentOrg: K });
    expect(fromHandWritten('text')).toBe('text');
    expect(fromHandWritten(null)).toBe(null);
    expect(fromHandWritten({ currentOrg: K })).toEqual({ currentOrg: K, schemaVersion: null });
    expect(fromHandWritten({ schemaVersion: 2 })).toEqual({ schemaVersion: 2 });
  });

  it('a newer hand-written store throws (WXT then leaves it untouched), naming both versions', () => {
    expect(() => fromHandWritten({ schemaVersion: 4 })).toThrow('store version 4 is newer than this Windsock (3)');
  });
});

describe('salvage: the top-level parts', () => {
  it('a salvaged store that lacks optional parts gets defaults and only the real loss is said', () => {
    const r = load({ schemaVersion: 3, orgs: BROKEN });
    expect(r).toEqual({ store: emptyStore(), problems: [BROKEN_SAID] });
    expect(r.migratedFrom).toBeUndefined();
  });

  it('a valid current organization, settings, guards and banners are kept as they are', () => {
    const raw = { ...clone(V3_EXAMPLE), orgs: { ...clone(V3_EXAMPLE.orgs), ...BROKEN } };
    const r = load(raw);
    expect(r.problems).toEqual([BROKEN_SAID]);
    expect(r.store).toEqual(V3_EXAMPLE);
  });

  it.each([
    ['a current organization too long', { currentOrg: 'x'.repeat(201) }, 'current organization was malformed; reset'],
    ['a current organization not a string', { currentOrg: 7 }, 'current organization was malformed; reset'],
    ['history not a list', { history: 'lots' }, 'history were malformed; reset'],
    ['shares not a list', { shares: {} }, 'shares were malformed; reset'],
    ['an unknown guard', { guardsOff: ['labs', 'nope'] }, 'guard choices were malformed; reset'],
    [
      'a banner date past 2100',
      { bannerDismissedUntil: { [K]: MAX_DATE + 1 } },
      'banner dismissals were malformed; reset',
    ],
    ['organizations a string', { orgs: 'nope' }, 'organizations were malformed; reset'],
  ])('%s → that part reset to its default, said in those words, the rest kept', (_n, part, said) => {
    const raw = { ...clone(V3_EXAMPLE), orgs: { ...clone(V3_EXAMPLE.orgs), ...BROKEN }, ...part };
    const r = load(raw);
    const key = Object.keys(part)[0] as keyof Store;
    expect(r.store[key]).toEqual(emptyStore()[key]);
    const expected = { ...clone(V3_EXAMPLE), [key]: emptyStore()[key] } as Store;
    if (key === 'orgs') expect(r.problems).toEqual([said]);
    else expect(r.problems.sort()).toEqual([BROKEN_SAID, said].sort());
    if (key === 'currentOrg') {
      // The current organization falls back to the default one; the cap keeps both organizations.
      expect(r.store).toEqual({ ...V3_EXAMPLE, currentOrg: 'default' });
    } else expect(r.store).toEqual(expected);
  });

  it('a current organization of exactly 200 characters is kept', () => {
    const id = 'x'.repeat(200);
    const r = load({ schemaVersion: 3, currentOrg: id, orgs: BROKEN });
    expect(r.store.currentOrg).toBe(id);
    expect(r.problems).toEqual([BROKEN_SAID]);
  });
});

describe('salvage: the caps hold on the salvage path too', () => {
  const line = (i: number) => ({ at: T + i, org: K, kind: 'observed', key: 'zdr', value: 'on', previous: null });
  const share = (i: number) => ({ chatId: `chat-${String(i).padStart(4, '0')}`, at: T + i, org: K });

  it('1,001 valid history lines: the newest 1,000 are kept (nothing malformed, nothing said)', () => {
    const history = Array.from({ length: 1001 }, (_, i) => line(i));
    const r = load({ schemaVersion: 3, history });
    expect(r.problems).toEqual([]);
    expect(r.store.history).toHaveLength(1000);
    expect(r.store.history[0].at).toBe(T + 1);
    expect(r.store.history[999].at).toBe(T + 1000);
  });

  it('600 valid shares: the newest 500 are kept', () => {
    const shares = Array.from({ length: 600 }, (_, i) => share(i));
    const r = load({ schemaVersion: 3, shares });
    expect(r.problems).toEqual([]);
    expect(r.store.shares).toHaveLength(500);
    expect(r.store.shares[0].chatId).toBe('chat-0100');
    expect(r.store.shares[499].chatId).toBe('chat-0599');
  });

  it('a share id must be the whole string of 6..64 letters, digits or dashes', () => {
    const shares = [share(1), { ...share(2), chatId: 'abc123<x>' }, { ...share(3), chatId: '<x>abc123' }];
    const r = load({ schemaVersion: 3, shares, orgs: BROKEN });
    expect(r.store.shares).toEqual([share(1)]);
    expect(r.problems).toEqual(['2 shares entries were malformed; dropped', BROKEN_SAID]);
  });
});

describe('salvage: one damaged organization, field by field', () => {
  const id = 'name:Atelier';
  const obs = V3_EXAMPLE.orgs[K].observations;
  const salvage = (rec: Record<string, unknown>) => load({ schemaVersion: 3, currentOrg: id, orgs: { [id]: rec } });

  it('valid observations and declarations are kept, the bad one dropped and named; long texts cut to 200', () => {
    const r = salvage({
      name: 'N'.repeat(250),
      pageId: 'p'.repeat(250),
      lastSeen: T,
      observations: { zdr: obs.zdr, 'vibe-training': { ...obs['vibe-training'], seenAt: 5 } },
      declarations: { 'plan:api': { value: 'scale', at: T } },
    });
    expect(r.store.orgs[id]).toEqual({
      name: 'N'.repeat(200),
      pageId: 'p'.repeat(200),
      lastSeen: T,
      observations: { zdr: obs.zdr },
      declarations: { 'plan:api': { value: 'scale', at: T } },
    });
    expect(r.problems).toEqual([`observations vibe-training of organization ${id} was malformed; dropped`]);
  });

  it('a name that is not text, observations that are not an object: both dropped and said; missing declarations said nothing', () => {
    const r = salvage({ name: 7, lastSeen: T, observations: 'garbage' });
    expect(r.store.orgs[id]).toEqual({ lastSeen: T, observations: {}, declarations: {} });
    expect(r.problems).toEqual([
      `name of organization ${id} was malformed; dropped`,
      `observations of organization ${id} were malformed; dropped`,
    ]);
  });

  it.each([
    [1, 1],
    [T, T],
    [MAX_DATE, MAX_DATE],
    [-1, 0],
    [MAX_DATE + 1, 0],
    [T + 0.5, 0],
    [String(T), 0],
  ])('lastSeen %s → %s (an integer within 0..2100)', (lastSeen, kept) => {
    const r = salvage({ lastSeen, observations: 'garbage' });
    expect(r.store.orgs[id].lastSeen).toBe(kept);
    // No name at all is no loss: only the observations are said.
    expect(r.problems).toEqual([`observations of organization ${id} were malformed; dropped`]);
  });
});

describe('the 20-organization cap', () => {
  const org = (lastSeen: number) => ({ lastSeen, observations: {}, declarations: {} });

  it('the current organization counts among the 20 even when it is the most recent; banners of dropped ones go too', () => {
    const orgs: Record<string, unknown> = {};
    const banner: Record<string, number> = {};
    // Inserted newest first, so that an order that ignored lastSeen would keep the wrong ones.
    for (let i = 24; i >= 0; i--) {
      orgs[`name:o${i}`] = org(T + i);
      banner[`name:o${i}`] = T + DAY;
    }
    const r = load({ schemaVersion: 3, currentOrg: 'name:o24', orgs, bannerDismissedUntil: banner });
    const kept = Object.keys(r.store.orgs).sort();
    const expected = Array.from({ length: 20 }, (_, i) => `name:o${i + 5}`).sort();
    expect(kept).toEqual(expected);
    expect(Object.keys(r.store.bannerDismissedUntil).sort()).toEqual(expected);
  });

  it('an old current organization is kept with the 19 most recently seen, whatever the insertion order', () => {
    const orgs: Record<string, unknown> = {};
    const order = [7, 22, 3, 15, 0, 11, 19, 5, 24, 9, 13, 1, 17, 21, 4, 8, 23, 12, 2, 16, 6, 20, 10, 18, 14];
    for (const i of order) orgs[`name:o${i}`] = org(T + i);
    const r = load({ schemaVersion: 3, currentOrg: 'name:o0', orgs });
    const expected = ['name:o0', ...Array.from({ length: 19 }, (_, i) => `name:o${i + 6}`)].sort();
    expect(Object.keys(r.store.orgs).sort()).toEqual(expected);
  });
});

describe('recordObservations edge cases', () => {
  const vt = (value: 'on' | 'off', via: 'page' | 'visible-cue' = 'page', confidence?: number) => ({
    key: 'vibe-training' as const,
    value,
    via,
    ...(confidence === undefined ? {} : { confidence }),
  });

  it('what was learnt before any organization was named becomes the first named one', () => {
    let s = recordObservations(emptyStore(), null, 'vibe-chat', [vt('on')], T);
    expect(Object.keys(s.orgs)).toEqual(['default']);
    s = recordObservations(s, 'name:A', 'vibe-chat', [], T + 1, 'A');
    expect(Object.keys(s.orgs)).toEqual(['name:A']);
    expect(s.orgs['name:A'].observations['vibe-training']?.value).toBe('on');
  });

  it('…but not to "unknown", nor once another organization is current', () => {
    const s0 = recordObservations(emptyStore(), null, 'vibe-chat', [vt('on')], T);
    const u = recordObservations(s0, 'unknown', 'vibe-chat', [], T + 1);
    expect(Object.keys(u.orgs).sort()).toEqual(['default', 'unknown']);
    const b = recordObservations({ ...s0, currentOrg: 'name:B' }, 'name:C', 'vibe-chat', [], T + 1);
    expect(Object.keys(b.orgs).sort()).toEqual(['default', 'name:C']);
  });

  it('an older reading never moves lastSeen back; name and page id are cut to 200', () => {
    let s = recordObservations(emptyStore(), 'name:A', 'vibe-chat', [], T);
    s = recordObservations(s, 'name:A', 'vibe-chat', [], T - DAY, 'n'.repeat(300), 'p'.repeat(300));
    expect(s.orgs['name:A']).toMatchObject({ lastSeen: T, name: 'n'.repeat(200), pageId: 'p'.repeat(200) });
  });

  it('a weaker cue with the same value confirms, the stronger source stays named; after 30 days it replaces it', () => {
    const s = recordObservations(emptyStore(), 'name:A', 'admin-vibe-privacy', [vt('off')], T);
    const same = recordObservations(s, 'name:A', 'vibe-chat', [vt('off', 'visible-cue', 0.5)], T + 29 * DAY);
    expect(same.orgs['name:A'].observations['vibe-training']).toMatchObject({ where: 'admin-vibe-privacy', seenAt: T });
    expect(same.orgs['name:A'].observations['vibe-training']?.disputed).toBeUndefined();
    const stale = recordObservations(s, 'name:A', 'vibe-chat', [vt('off', 'visible-cue', 0.5)], T + 30 * DAY);
    expect(stale.orgs['name:A'].observations['vibe-training']).toMatchObject({ where: 'vibe-chat', confidence: 0.5 });
  });

  it('a weaker cue that disagrees within 30 days is kept as a dispute, not as the value', () => {
    const s = recordObservations(emptyStore(), 'name:A', 'admin-vibe-privacy', [vt('off')], T);
    const d = recordObservations(s, 'name:A', 'vibe-chat', [vt('on', 'visible-cue', 0.5)], T + 29 * DAY);
    expect(d.orgs['name:A'].observations['vibe-training']).toMatchObject({
      value: 'off',
      disputed: { value: 'on', via: 'visible-cue', where: 'vibe-chat', seenAt: T + 29 * DAY },
    });
  });

  it('a reading at the very time of a declaration replaces it; a change of lock alone is a history line', () => {
    let s = declare({ ...emptyStore(), currentOrg: 'name:A' }, 'vibe-training', 'on', T);
    s = recordObservations(s, 'name:A', 'admin-vibe-privacy', [vt('off')], T);
    expect(s.orgs['name:A'].declarations).toEqual({});
    expect(s.orgs['name:A'].observations['vibe-training']?.replaced).toEqual({ value: 'on', at: T });
    const n = s.history.length;
    s = recordObservations(s, 'name:A', 'admin-vibe-privacy', [{ ...vt('off'), locked: true }], T + 1);
    expect(s.history.slice(n)).toEqual([
      {
        at: T + 1,
        org: 'name:A',
        kind: 'observed',
        key: 'vibe-training',
        value: 'off',
        previous: 'off',
        where: 'admin-vibe-privacy',
      },
    ]);
    s = recordObservations(s, 'name:A', 'admin-vibe-privacy', [{ ...vt('off'), locked: true }], T + 2);
    expect(s.history).toHaveLength(n + 1);
  });
});

describe('recordObservations: disputes', () => {
  const plan = (value: 'free' | 'team', via: 'page' | 'account-data' | 'visible-cue', confidence?: number) => ({
    key: 'plan:vibe' as const,
    value,
    via,
    ...(confidence === undefined ? {} : { confidence }),
  });

  it('a plan that changes within 30 days keeps the previous reading as a dispute; a control does not', () => {
    let s = recordObservations(emptyStore(), 'name:A', 'vibe-chat', [plan('free', 'page')], T);
    s = recordObservations(s, 'name:A', 'admin-subscriptions', [plan('team', 'page')], T + DAY);
    expect(s.orgs['name:A'].observations['plan:vibe']?.disputed).toEqual({
      value: 'free',
      via: 'page',
      where: 'vibe-chat',
      seenAt: T,
    });
    let c = recordObservations(emptyStore(), 'name:A', 'x', [{ key: 'feedback', value: 'on', via: 'page' }], T);
    c = recordObservations(c, 'name:A', 'x', [{ key: 'feedback', value: 'off', via: 'page' }], T + DAY);
    expect(c.orgs['name:A'].observations.feedback?.disputed).toBeUndefined();
    const old = recordObservations(
      recordObservations(emptyStore(), 'name:A', 'vibe-chat', [plan('free', 'page')], T),
      'name:A',
      'admin-subscriptions',
      [plan('team', 'page')],
      T + 31 * DAY,
    );
    expect(old.orgs['name:A'].observations['plan:vibe']?.disputed).toBeUndefined();
  });

  it('a dispute stays when the stronger source says the same again (not a page), goes on a page reading or after 30 days', () => {
    let s = recordObservations(emptyStore(), 'name:A', 'vibe-chat', [plan('team', 'account-data')], T);
    s = recordObservations(s, 'name:A', 'vibe-upgrade', [plan('free', 'visible-cue', 0.5)], T + DAY);
    const disputed = { value: 'free', via: 'visible-cue', where: 'vibe-upgrade', seenAt: T + DAY };
    expect(s.orgs['name:A'].observations['plan:vibe']).toMatchObject({ value: 'team', disputed });
    const again = recordObservations(s, 'name:A', 'vibe-chat', [plan('team', 'account-data')], T + 2 * DAY);
    expect(again.orgs['name:A'].observations['plan:vibe']?.disputed).toEqual(disputed);
    const page = recordObservations(s, 'name:A', 'admin-subscriptions', [plan('team', 'page')], T + 2 * DAY);
    expect(page.orgs['name:A'].observations['plan:vibe']?.disputed).toBeUndefined();
    const late = recordObservations(s, 'name:A', 'vibe-chat', [plan('team', 'account-data')], T + 31 * DAY);
    expect(late.orgs['name:A'].observations['plan:vibe']?.disputed).toBeUndefined();
  });
});

describe('declare and recordShare', () => {
  it('declare writes value and previous into the record, and null clears', () => {
    let s = { ...emptyStore(), currentOrg: 'name:A' };
    s = declare(s, 'vibe-training', 'on', T);
    s = declare(s, 'vibe-training', 'off', T + 1);
    s = declare(s, 'vibe-training', null, T + 2);
    expect(s.orgs['name:A'].declarations).toEqual({});
    expect(s.history).toEqual([
      { at: T, org: 'name:A', kind: 'declared', key: 'vibe-training', value: 'on', previous: null },
      { at: T + 1, org: 'name:A', kind: 'declared', key: 'vibe-training', value: 'off', previous: 'on' },
      { at: T + 2, org: 'name:A', kind: 'declared', key: 'vibe-training', value: null, previous: 'off' },
    ]);
  });

  it('recordShare records id, time and organization, and one history line', () => {
    const s = recordShare({ ...emptyStore(), currentOrg: K }, 'chat-abc123', T);
    expect(s.shares).toEqual([{ chatId: 'chat-abc123', at: T, org: K }]);
    expect(s.history).toEqual([{ at: T, org: K, kind: 'shared', key: 'chat', value: 'chat-abc123' }]);
  });

  it('sharing the same chat again keeps one entry, the newest', () => {
    let s = recordShare({ ...emptyStore(), currentOrg: K }, 'chat-abc123', T);
    s = recordShare(s, 'chat-def456', T + 1);
    s = recordShare(s, 'chat-abc123', T + 2);
    expect(s.shares).toEqual([
      { chatId: 'chat-def456', at: T + 1, org: K },
      { chatId: 'chat-abc123', at: T + 2, org: K },
    ]);
  });

  it('at most 500 shares: the oldest goes', () => {
    let s = { ...emptyStore(), currentOrg: K };
    for (let i = 0; i < 501; i++) s = recordShare(s, `chat-${String(i).padStart(4, '0')}`, T + i);
    expect(s.shares).toHaveLength(500);
    expect(s.shares[0].chatId).toBe('chat-0001');
    expect(s.shares[499].chatId).toBe('chat-0500');
    expect(s.history).toHaveLength(501);
  });
});

describe('what a page controls stays short in the problems list (40 characters of a key or an id)', () => {
  const id = `name:${'L'.repeat(100)}`;
  const id40 = `name:${'L'.repeat(35)}`;

  it('a damaged organization with a long id and a long observation key', () => {
    const r = load({
      schemaVersion: 3,
      currentOrg: id,
      orgs: { [id]: { name: 7, observations: { ['k'.repeat(60)]: 1 }, declarations: 'x' } },
    });
    expect(r.problems).toEqual([
      `name of organization ${id40} was malformed; dropped`,
      `observations ${'k'.repeat(40)} of organization ${id40} was malformed; dropped`,
      `declarations of organization ${id40} were malformed; dropped`,
    ]);
    expect(r.store.orgs[id]).toEqual({ lastSeen: 0, observations: {}, declarations: {} });
  });

  it('an organization that is not even an object: its id quoted, cut to 40', () => {
    const r = load({ schemaVersion: 3, orgs: { [id]: 'junk' } });
    expect(r.problems).toEqual([`organization "name:${'L'.repeat(34)} was malformed; dropped`]);
    expect(r.store.orgs).toEqual({});
  });
});

describe('orgKeyOf: the store key of an organization', () => {
  it("the page's id first, else the name, else the default organization; each cut to 190 characters", () => {
    expect(orgKeyOf({ id: 'org_1', name: 'Atelier' })).toBe('id:org_1');
    expect(orgKeyOf({ id: '', name: 'Atelier' })).toBe('name:Atelier');
    expect(orgKeyOf({ id: null, name: 'Atelier' })).toBe('name:Atelier');
    expect(orgKeyOf({ name: '' })).toBe('default');
    expect(orgKeyOf({})).toBe('default');
    expect(orgKeyOf(null)).toBe('default');
    expect(orgKeyOf(undefined)).toBe('default');
    expect(orgKeyOf({ id: 'i'.repeat(300) })).toBe(`id:${'i'.repeat(190)}`);
    expect(orgKeyOf({ name: 'n'.repeat(300) })).toBe(`name:${'n'.repeat(190)}`);
  });
});

describe('more of what the mutation run found untested (issue 14)', () => {
  const plan = (value: 'free' | 'team' | 'pro', via: 'page' | 'account-data' | 'visible-cue', confidence?: number) => ({
    key: 'plan:vibe' as const,
    value,
    via,
    ...(confidence === undefined ? {} : { confidence }),
  });
  const obsOf = (s: Store) => s.orgs['name:A'].observations;

  it('a hand-written version that is not a number is not "newer": it is passed on for load() to reset', () => {
    expect(fromHandWritten({ schemaVersion: '4' })).toEqual({ schemaVersion: '4' });
    expect(load(fromHandWritten({ schemaVersion: '4' }))).toEqual({
      store: emptyStore(),
      problems: ['no valid schemaVersion; reset'],
    });
  });

  it('on the salvage path a valid organization is kept exactly as it was (no lastSeen made up)', () => {
    const valid = { observations: {}, declarations: { zdr: { value: 'on', at: T } } };
    const r = load({ schemaVersion: 3, currentOrg: 'name:A', orgs: { 'name:A': valid, ...BROKEN } });
    expect(r.problems).toEqual([BROKEN_SAID]);
    expect(r.store.orgs).toEqual({ 'name:A': valid });
    expect('lastSeen' in r.store.orgs['name:A']).toBe(false);
  });

  it('past the cap, a banner dismissal is kept only for a kept organization, even for the current one without a record', () => {
    const orgs: Record<string, unknown> = {};
    for (let i = 0; i < 21; i++) orgs[`name:o${i}`] = { lastSeen: T + i, observations: {}, declarations: {} };
    const r = load({
      schemaVersion: 3,
      currentOrg: 'name:gone',
      orgs,
      bannerDismissedUntil: { 'name:gone': T + DAY, 'name:o20': T + DAY, 'name:o0': T + DAY },
    });
    expect(Object.keys(r.store.orgs)).toHaveLength(20);
    expect(r.store.orgs['name:o0']).toBeUndefined();
    expect(r.store.bannerDismissedUntil).toEqual({ 'name:o20': T + DAY });
  });

  it('a locked control is stored as locked', () => {
    const s = recordObservations(
      emptyStore(),
      'name:A',
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page', locked: true }],
      T,
    );
    expect(obsOf(s)['vibe-training']?.locked).toBe(true);
    const free = recordObservations(emptyStore(), 'name:A', 'x', [{ key: 'zdr', value: 'on', via: 'page' }], T);
    expect('locked' in obsOf(free).zdr!).toBe(false);
  });

  it('a control whose value changes is a history line naming the previous value', () => {
    let s = recordObservations(emptyStore(), 'name:A', 'x', [{ key: 'feedback', value: 'on', via: 'page' }], T);
    s = recordObservations(s, 'name:A', 'y', [{ key: 'feedback', value: 'off', via: 'page' }], T + 1);
    expect(s.history).toEqual([
      { at: T, org: 'name:A', kind: 'observed', key: 'feedback', value: 'on', previous: null, where: 'x' },
      { at: T + 1, org: 'name:A', kind: 'observed', key: 'feedback', value: 'off', previous: 'on', where: 'y' },
    ]);
  });

  it('a recent dispute about an old value is not carried over to a new value', () => {
    // team (account data), then a weaker cue says free (a dispute), then, 35 days on, the account data says pro.
    let s = recordObservations(emptyStore(), 'name:A', 'vibe-chat', [plan('team', 'account-data')], T);
    s = recordObservations(s, 'name:A', 'vibe-upgrade', [plan('free', 'visible-cue', 0.5)], T + 20 * DAY);
    expect(obsOf(s)['plan:vibe']?.disputed?.value).toBe('free');
    s = recordObservations(s, 'name:A', 'vibe-chat', [plan('pro', 'account-data')], T + 35 * DAY);
    expect(obsOf(s)['plan:vibe']).toMatchObject({ value: 'pro', seenAt: T + 35 * DAY });
    expect(obsOf(s)['plan:vibe']?.disputed).toBeUndefined();
  });

  it('a stored dispute that says the same as the value (a doctored import) goes at the next reading', () => {
    const s = emptyStore();
    s.currentOrg = 'name:A';
    s.orgs['name:A'] = {
      lastSeen: T,
      observations: {
        'plan:vibe': {
          value: 'team',
          via: 'account-data',
          where: 'vibe-chat',
          seenAt: T,
          confidence: 1,
          disputed: { value: 'team', via: 'visible-cue', where: 'vibe-upgrade', seenAt: T },
        },
      },
      declarations: {},
    };
    const next = recordObservations(s, 'name:A', 'vibe-chat', [plan('team', 'account-data')], T + DAY);
    expect(obsOf(next)['plan:vibe']?.disputed).toBeUndefined();
  });
});

describe('the cap and the current organization, at their edges', () => {
  it('exactly 20 organizations: nothing is dropped or touched, banners included', () => {
    const orgs: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++) orgs[`name:o${i}`] = { lastSeen: T + i, observations: {}, declarations: {} };
    const banner = { 'name:o0': T + DAY, 'name:elsewhere': T + DAY };
    const r = load({ schemaVersion: 3, currentOrg: 'name:o0', orgs, bannerDismissedUntil: banner });
    expect(Object.keys(r.store.orgs)).toHaveLength(20);
    expect(r.store.bannerDismissedUntil).toEqual(banner);
  });

  it('a current organization with no record yet reads as nothing known, never a crash', () => {
    const s = { ...emptyStore(), currentOrg: 'name:new' };
    expect(currentOrg(s)).toEqual({ lastSeen: 0, observations: {}, declarations: {} });
    expect(knownFor(s, 'plan:vibe', T)).toBeNull();
  });
});
