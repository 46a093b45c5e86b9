/**
 * The store's update queue (lib/store/index.ts) over WXT's fakeBrowser (in-memory storage): updates are
 * applied one after another so none is lost, a failing update does not block the ones after it, a clear
 * waits for the updates queued before it, a corrupt stored value is loaded through `load()` (never handed
 * on as is), and watchers get the validated store only for Windsock's own key in storage.local.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearStore, readStore, update, watchStore } from '@/lib/store';
import { STORE_VERSION, declare, emptyStore, STORE_KEY, type Store } from '@/lib/store/schema';

const NOW = 1_800_000_000_000;
const addDecl =
  (key: 'plan:vibe' | 'plan:api' | 'vibe-training' | 'api-training' | 'labs-models', value: string, at: number) =>
  (s: Store) =>
    declare(s, key, value as never, at);

describe('store update queue', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('concurrent updates are serialised: none is lost, each sees the one before', async () => {
    const seenHistory: number[] = [];
    const ps = [];
    for (let i = 0; i < 20; i++) {
      ps.push(
        update((s) => {
          seenHistory.push(s.history.length);
          return declare(s, i % 2 ? 'plan:vibe' : 'plan:api', 'free', NOW + i);
        }),
      );
    }
    const results = await Promise.all(ps);
    expect(seenHistory).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results.at(-1)!.history).toHaveLength(20);
    const { store } = await readStore();
    expect(store.history).toHaveLength(20);
    expect(store.history.map((h) => h.at)).toEqual(Array.from({ length: 20 }, (_, i) => NOW + i));
  });

  it('an update that throws rejects its own promise and does not block or undo the others', async () => {
    const a = update(addDecl('plan:vibe', 'pro', NOW));
    const bad = update(() => {
      throw new Error('boom');
    });
    const c = update(addDecl('vibe-training', 'off', NOW + 1));
    await expect(bad).rejects.toThrow('boom');
    await a;
    const last = await c;
    expect(Object.keys(last.orgs[last.currentOrg].declarations).sort()).toEqual(['plan:vibe', 'vibe-training']);
  });

  it('clear waits for the updates queued before it; an update after it starts from an empty store', async () => {
    void update(addDecl('plan:vibe', 'pro', NOW));
    const cleared = clearStore();
    const after = update((s) => {
      expect(s.history).toEqual([]);
      return declare(s, 'labs-models', 'on', NOW + 2);
    });
    await cleared;
    const s = await after;
    expect(s.history.map((h) => h.key)).toEqual(['labs-models']);
  });

  it('a corrupt stored value is loaded through load(): the update gets a valid store, never the raw value', async () => {
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: { schemaVersion: STORE_VERSION, orgs: 'not an object', guardsOff: ['feedback', 'nonsense'] },
    });
    const r = await readStore();
    expect(r.store.schemaVersion).toBe(STORE_VERSION);
    expect(typeof r.store.orgs).toBe('object');
    expect(r.problems.length).toBeGreaterThan(0);
    // An update that changes nothing writes nothing (the background's "same reading" rule); a real one writes
    // the validated store, never the raw value it replaced.
    expect(await update((x) => x)).toEqual(r.store);
    const s = await update(addDecl('plan:vibe', 'pro', NOW));
    expect(s.guardsOff.every((g) => ['feedback', 'share', 'labs'].includes(g))).toBe(true);
    // In storage the version is WXT's metadata, not part of the value.
    const { schemaVersion, ...stored } = s;
    expect(schemaVersion).toBe(STORE_VERSION);
    expect(await fakeBrowser.storage.local.get([STORE_KEY, `${STORE_KEY}$`])).toEqual({
      [STORE_KEY]: stored,
      [`${STORE_KEY}$`]: { v: STORE_VERSION },
    });
  });

  it('an empty storage reads as the empty store', async () => {
    expect((await readStore()).store).toEqual(emptyStore());
  });

  it("watchers get the validated store for Windsock's key in storage.local only, and stop when unsubscribed", async () => {
    const got: Store[] = [];
    const stop = watchStore((r) => got.push(r.store));
    await update(addDecl('plan:vibe', 'team', NOW));
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session?.set?.({ [STORE_KEY]: { junk: true } });
    expect(got).toHaveLength(1);
    expect(got[0].orgs[got[0].currentOrg].declarations['plan:vibe']?.value).toBe('team');
    stop();
    await update(addDecl('plan:vibe', 'pro', NOW + 1));
    expect(got).toHaveLength(1);
  });
});
