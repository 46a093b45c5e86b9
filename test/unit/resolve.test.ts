/**
 * From storage to verdict: lib/store/schema.ts (recordObservations, declare) and lib/resolve.ts (knownFor,
 * verdictFor). Which of an observation and a declaration wins, staleness, and a weak plan cue against account data.
 */
import { describe, expect, it } from 'vitest';
import { knownFor, verdictFor, verdictInput } from '@/lib/resolve';
import { currentOrg, declare, emptyStore, recordObservations, STALE_AFTER_MS, type Store } from '@/lib/store/schema';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const caveatIds = (s: Store, product: 'vibe' | 'api', now: number) =>
  verdictFor(s, product, 'vibe-chat', now).caveats.map((c) => c.id);

describe('recordObservations → verdictFor', () => {
  it('what the Admin Panel showed becomes the verdict', () => {
    let s = recordObservations(
      emptyStore(),
      null,
      'admin-subscriptions',
      [{ key: 'plan:vibe', value: 'pro', via: 'account-data' }],
      T0,
    );
    s = recordObservations(
      s,
      null,
      'admin-vibe-privacy',
      [
        { key: 'vibe-training', value: 'off', via: 'page' },
        { key: 'feedback', value: 'off', via: 'page' },
      ],
      T0 + 1000,
    );

    const v = verdictFor(s, 'vibe', 'vibe-chat', T0 + 2000);
    expect(v.state).toBe('not-training');
    expect(v.reasons[0].basis).toMatchObject({
      value: 'off',
      via: 'page',
      where: 'admin-vibe-privacy',
      control: 'vibe-training',
    });
    expect(verdictInput(s, 'vibe', 'vibe-chat', T0 + 2000).plan).toMatchObject({
      value: 'pro',
      via: 'account-data',
      stale: false,
    });
  });

  it('the Vibe plan does not leak into the API verdict (each product has its own plan key)', () => {
    const s = recordObservations(
      emptyStore(),
      null,
      'admin-subscriptions',
      [{ key: 'plan:vibe', value: 'team', via: 'account-data' }],
      T0,
    );
    expect(verdictInput(s, 'api', 'studio', T0).plan).toBeNull();
    expect(verdictFor(s, 'api', 'studio', T0).state).toBe('unknown');
  });

  it('observations are kept per organization', () => {
    let s = recordObservations(
      emptyStore(),
      'org-a',
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'on', via: 'page' }],
      T0,
      'Org A',
    );
    s = recordObservations(
      s,
      'org-b',
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0 + 1000,
    );
    expect(s.currentOrg).toBe('org-b');
    expect(knownFor(s, 'vibe-training', T0 + 2000)?.value).toBe('off');
    expect(s.orgs['org-a'].observations['vibe-training']?.value).toBe('on');
    expect(s.orgs['org-a'].name).toBe('Org A');
  });

  it('does not change the store it was given', () => {
    const s0 = declare(emptyStore(), 'vibe-training', 'on', T0);
    const copy = structuredClone(s0);
    recordObservations(
      s0,
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0 + HOUR,
    );
    expect(s0).toEqual(copy);
  });
});

describe('declarations and observations', () => {
  it('a fresher observation replaces a declaration and records `replaced`', () => {
    let s = declare(emptyStore(), 'vibe-training', 'on', T0);
    s = declare(s, 'plan:vibe', 'free', T0);
    s = recordObservations(
      s,
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0 + HOUR,
    );

    const org = currentOrg(s);
    expect(org.declarations['vibe-training']).toBeUndefined();
    expect(org.observations['vibe-training']).toMatchObject({
      value: 'off',
      via: 'page',
      seenAt: T0 + HOUR,
      replaced: { value: 'on', at: T0 },
    });
    expect(knownFor(s, 'vibe-training', T0 + 2 * HOUR)).toMatchObject({ value: 'off', via: 'page' });
    // the other declaration is untouched
    expect(org.declarations['plan:vibe']).toEqual({ value: 'free', at: T0 });
  });

  it('`replaced` survives a later observation of the same key', () => {
    let s = declare(emptyStore(), 'vibe-training', 'on', T0);
    s = recordObservations(
      s,
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0 + HOUR,
    );
    s = recordObservations(
      s,
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0 + 2 * HOUR,
    );
    expect(currentOrg(s).observations['vibe-training']?.replaced).toEqual({ value: 'on', at: T0 });
  });

  it('a declaration newer than the observation wins, and the verdict says it rests on a declaration', () => {
    let s = recordObservations(
      emptyStore(),
      null,
      'admin-vibe-privacy',
      [
        { key: 'vibe-training', value: 'off', via: 'page' },
        { key: 'plan:vibe', value: 'free', via: 'account-data' },
      ],
      T0,
    );
    expect(verdictFor(s, 'vibe', 'vibe-chat', T0).state).toBe('not-training');

    s = declare(s, 'vibe-training', 'on', T0 + HOUR);
    expect(knownFor(s, 'vibe-training', T0 + 2 * HOUR)).toMatchObject({
      value: 'on',
      via: 'declared',
      seenAt: T0 + HOUR,
    });
    const v = verdictFor(s, 'vibe', 'vibe-chat', T0 + 2 * HOUR);
    expect(v.state).toBe('training');
    expect(v.caveats.map((c) => c.id)).toContain('declared');
  });

  it('an observation timed before the declaration leaves it in place; a later one replaces it', () => {
    let s = declare(emptyStore(), 'api-training', 'on', T0);
    s = recordObservations(
      s,
      null,
      'admin-api-privacy',
      [{ key: 'api-training', value: 'off', via: 'page' }],
      T0 - HOUR,
    );
    expect(knownFor(s, 'api-training', T0)).toMatchObject({ value: 'on', via: 'declared' });
    // …and a later one wins
    s = recordObservations(
      s,
      null,
      'admin-api-privacy',
      [{ key: 'api-training', value: 'off', via: 'page' }],
      T0 + HOUR,
    );
    expect(knownFor(s, 'api-training', T0 + HOUR)).toMatchObject({ value: 'off', via: 'page' });
  });

  it('clearing a declaration brings the observation back', () => {
    let s = recordObservations(
      emptyStore(),
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0,
    );
    s = declare(s, 'vibe-training', 'on', T0 + HOUR);
    s = declare(s, 'vibe-training', null, T0 + 2 * HOUR);
    expect(knownFor(s, 'vibe-training', T0 + 3 * HOUR)).toMatchObject({ value: 'off', via: 'page' });
  });
});

describe('staleness', () => {
  const s = recordObservations(
    emptyStore(),
    null,
    'admin-vibe-privacy',
    [
      { key: 'plan:vibe', value: 'team', via: 'account-data' },
      { key: 'vibe-training', value: 'off', via: 'page' },
    ],
    T0,
  );

  it('STALE_AFTER_MS is 30 days', () => {
    expect(STALE_AFTER_MS).toBe(30 * DAY);
  });

  it('observations younger than 30 days are fresh, and no stale caveat', () => {
    expect(knownFor(s, 'vibe-training', T0 + 29 * DAY)?.stale).toBe(false);
    expect(caveatIds(s, 'vibe', T0 + 29 * DAY)).not.toContain('stale');
  });

  it('observations older than 30 days come out stale: true and add caveat "stale"', () => {
    const now = T0 + 31 * DAY;
    expect(knownFor(s, 'vibe-training', now)).toMatchObject({ value: 'off', stale: true });
    expect(knownFor(s, 'plan:vibe', now)).toMatchObject({ value: 'team', stale: true });
    expect(caveatIds(s, 'vibe', now)).toContain('stale');
    // stale is a caveat, not a different answer
    expect(verdictFor(s, 'vibe', 'vibe-chat', now).state).toBe('not-training');
  });
});

describe('a weak plan cue against account data', () => {
  const fromAccount = recordObservations(
    emptyStore(),
    null,
    'vibe-chat',
    [{ key: 'plan:vibe', value: 'team', via: 'account-data', confidence: 1 }],
    T0,
  );

  it('a visible-cue plan (confidence 0.5) does not overwrite a fresh account-data plan with another value', () => {
    const s = recordObservations(
      fromAccount,
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'free', via: 'visible-cue', confidence: 0.5 }],
      T0 + HOUR,
    );
    expect(currentOrg(s).observations['plan:vibe']).toMatchObject({
      value: 'team',
      via: 'account-data',
      confidence: 1,
      seenAt: T0,
    });
    expect(verdictFor(s, 'vibe', 'vibe-chat', T0 + HOUR).state).toBe('not-training');
  });

  it('the same value from a visible cue is fine (it only refreshes the time)', () => {
    const s = recordObservations(
      fromAccount,
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'team', via: 'visible-cue', confidence: 0.5 }],
      T0 + HOUR,
    );
    expect(currentOrg(s).observations['plan:vibe']?.value).toBe('team');
  });

  it('once the account-data plan is stale, a visible cue may replace it', () => {
    const s = recordObservations(
      fromAccount,
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'free', via: 'visible-cue', confidence: 0.5 }],
      T0 + 31 * DAY,
    );
    expect(currentOrg(s).observations['plan:vibe']).toMatchObject({ value: 'free', via: 'visible-cue' });
  });

  it('account data replaces a visible cue', () => {
    const cue = recordObservations(
      emptyStore(),
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'free', via: 'visible-cue', confidence: 0.5 }],
      T0,
    );
    const s = recordObservations(
      cue,
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'pro', via: 'account-data', confidence: 1 }],
      T0 + HOUR,
    );
    expect(currentOrg(s).observations['plan:vibe']).toMatchObject({ value: 'pro', via: 'account-data' });
  });
});

describe('disagreeing plan signals are kept, not hidden', () => {
  it('a weaker cue that disagrees is recorded as disputed; a stronger page that disagrees keeps the old one as disputed', async () => {
    const { emptyStore, recordObservations } = await import('@/lib/store/schema');
    const t0 = 1_800_000_000_000;
    let s = recordObservations(
      emptyStore(),
      null,
      'admin-subscriptions',
      [{ key: 'plan:vibe', value: 'team', via: 'page', confidence: 1 }],
      t0,
    );
    s = recordObservations(
      s,
      null,
      'vibe-chat',
      [{ key: 'plan:vibe', value: 'free', via: 'visible-cue', confidence: 0.5 }],
      t0 + 1000,
    );
    const o = s.orgs[s.currentOrg].observations['plan:vibe']!;
    expect(o.value).toBe('team');
    expect(o.disputed).toMatchObject({ value: 'free', via: 'visible-cue', where: 'vibe-chat' });
    s = recordObservations(
      s,
      null,
      'admin-subscriptions',
      [{ key: 'plan:vibe', value: 'pro', via: 'page', confidence: 1 }],
      t0 + 2000,
    );
    const o2 = s.orgs[s.currentOrg].observations['plan:vibe']!;
    expect(o2.value).toBe('pro');
    expect(o2.disputed).toMatchObject({ value: 'team', via: 'page' });
  });
});

describe('knownFor: the fresher of observation and declaration, and the staleness boundary (mutation survivors)', () => {
  // Stores built directly: an import or an older version can hold both an observation and a declaration for
  // the same key, which recordObservations alone would not leave behind.
  const withBoth = (obsAt: number | null, declAt: number | null): Store => {
    const s = emptyStore();
    s.orgs[s.currentOrg] = {
      observations:
        obsAt === null
          ? {}
          : { 'plan:vibe': { value: 'team', via: 'page', where: 'admin-subscriptions', seenAt: obsAt, confidence: 1 } },
      declarations: declAt === null ? {} : { 'plan:vibe': { value: 'free', at: declAt } },
    } as never;
    return s;
  };

  it('a declaration alone is used, as declared', () => {
    expect(knownFor(withBoth(null, T0), 'plan:vibe', T0)).toEqual({ value: 'free', via: 'declared', seenAt: T0 });
  });
  it('an observation newer than the declaration wins', () => {
    expect(knownFor(withBoth(T0 + 1, T0), 'plan:vibe', T0 + 2)).toMatchObject({ value: 'team', via: 'page' });
  });
  it('a declaration newer than the observation wins', () => {
    expect(knownFor(withBoth(T0, T0 + 1), 'plan:vibe', T0 + 2)).toMatchObject({ value: 'free', via: 'declared' });
  });
  it('at the same instant, what the page showed wins over the declaration', () => {
    expect(knownFor(withBoth(T0, T0), 'plan:vibe', T0)).toMatchObject({ value: 'team', via: 'page' });
  });
  it('nothing known: null', () => {
    expect(knownFor(withBoth(null, null), 'plan:vibe', T0)).toBeNull();
  });
  it('stale only after more than 30 days: exactly 30 days is still fresh', () => {
    const s = withBoth(T0, null);
    expect(knownFor(s, 'plan:vibe', T0 + STALE_AFTER_MS)?.stale).toBe(false);
    expect(knownFor(s, 'plan:vibe', T0 + STALE_AFTER_MS + 1)?.stale).toBe(true);
  });
});

describe('knownFor: a declaration dated ahead of the clock', () => {
  const withBoth = (obsAt: number | null, declAt: number) => {
    const s = emptyStore();
    s.orgs[s.currentOrg] = {
      lastSeen: T0,
      observations:
        obsAt === null
          ? {}
          : { 'plan:vibe': { value: 'team', via: 'page', where: 'admin-subscriptions', seenAt: obsAt, confidence: 1 } },
      declarations: { 'plan:vibe': { value: 'free', at: declAt } },
    } as never;
    return s;
  };

  it('up to a day ahead (clock skew) it is still the user’s word; more than a day ahead it never beats the page', () => {
    expect(knownFor(withBoth(T0, T0 + DAY), 'plan:vibe', T0)).toMatchObject({ value: 'free', via: 'declared' });
    expect(knownFor(withBoth(T0, T0 + DAY + 1), 'plan:vibe', T0)).toMatchObject({ value: 'team', via: 'page' });
  });

  it('more than a day ahead and nothing seen: nothing is known', () => {
    expect(knownFor(withBoth(null, T0 + DAY + 1), 'plan:vibe', T0)).toBeNull();
  });
});

describe('verdictInput: the controls', () => {
  it('only the controls something is known about appear, each with what is known', () => {
    const s = recordObservations(
      emptyStore(),
      null,
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T0,
    );
    const input = verdictInput(declare(s, 'feedback', 'off', T0 + 1), 'vibe', 'vibe-chat', T0 + 2);
    expect(Object.keys(input.controls).sort()).toEqual(['feedback', 'vibe-training']);
    expect(input.controls['vibe-training']).toMatchObject({ value: 'off', via: 'page' });
    expect(input.controls.feedback).toEqual({ value: 'off', via: 'declared', seenAt: T0 + 1 });
  });
});
