/**
 * The store as WXT's storage item (lib/store/index.ts) over WXT's fakeBrowser: nothing lost across the update
 * from the hand-written store (a real version-3 value, as Windsock wrote it before the item, migrates into the
 * item whole), the salvage still runs after the migration, a store written by a newer Windsock is never
 * overwritten or erased, development builds' stores are reset and said so, and the first write of a fresh
 * install records the version. Each test defines the item afresh (a fresh module), as a browser does when the
 * updated extension starts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { declare, emptyStore, STORE_KEY, STORE_VERSION, type Store } from '@/lib/store/schema';
import { fromImport, toExport } from '@/lib/store/transfer';
import { T, V3_EXAMPLE } from './store-examples';

const META = `${STORE_KEY}$`;
const clone = <X>(x: X): X => JSON.parse(JSON.stringify(x));
const raw = async () => fakeBrowser.storage.local.get([STORE_KEY, META]);
/** The store module as a freshly started extension loads it: WXT defines the item and runs its migrations. */
async function start() {
  vi.resetModules();
  const mod = await import('@/lib/store');
  await mod.storeItem.getMeta(); // WXT's migrations have run
  return mod;
}
const withoutVersion = (s: Store) => {
  const { schemaVersion: _, ...rest } = clone(s);
  return rest;
};

describe('store item: the update from the hand-written store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("a real version-3 store as the hand-written code stored it migrates into the item whole: same store, version in WXT's metadata", async () => {
    // Exactly what the hand-written store wrote: browser.storage.local.set({ windsock: store }), no metadata.
    await fakeBrowser.storage.local.set({ [STORE_KEY]: clone(V3_EXAMPLE) });
    const { readStore } = await start();
    expect(await raw()).toEqual({ [STORE_KEY]: withoutVersion(V3_EXAMPLE), [META]: { v: STORE_VERSION } });
    const r = await readStore();
    expect(r.problems).toEqual([]);
    expect(r.newerVersion).toBeUndefined();
    expect(r.store).toEqual(V3_EXAMPLE);
    // And it keeps working: an update after the migration keeps every organization, the record and the choices.
    const { update } = await start();
    const next = await update((s) => declare(s, 'plan:api', 'free', T + 1000));
    expect(next.orgs).toEqual({
      ...V3_EXAMPLE.orgs,
      [V3_EXAMPLE.currentOrg]: {
        ...V3_EXAMPLE.orgs[V3_EXAMPLE.currentOrg],
        declarations: { 'plan:api': { value: 'free', at: T + 1000 } },
      },
    });
    expect(next.history.slice(0, 3)).toEqual(V3_EXAMPLE.history);
    expect(next.shares).toEqual(V3_EXAMPLE.shares);
    expect(next.guardsOff).toEqual(V3_EXAMPLE.guardsOff);
    expect(next.settings).toEqual(V3_EXAMPLE.settings);
    expect((await raw())[META]).toEqual({ v: STORE_VERSION });
  });

  it('a damaged hand-written store is migrated, then salvaged entry by entry (the salvage is a step after the migration)', async () => {
    const damaged = clone(V3_EXAMPLE) as unknown as Record<string, unknown> & {
      orgs: Record<string, unknown>;
      history: unknown[];
    };
    damaged.orgs.broken = 42;
    damaged.history.push({ at: 'yesterday' });
    await fakeBrowser.storage.local.set({ [STORE_KEY]: damaged });
    const { readStore } = await start();
    expect((await raw())[META]).toEqual({ v: STORE_VERSION });
    const r = await readStore();
    expect(r.store.orgs).toEqual(V3_EXAMPLE.orgs);
    expect(r.store.history).toEqual(V3_EXAMPLE.history);
    expect(r.problems.join(' | ')).toMatch(/organization "broken" was malformed; dropped/);
    expect(r.problems.join(' | ')).toMatch(/1 history entry was malformed; dropped/);
  });

  it('the export of a migrated store is the file the hand-written store exported, and it imports back whole', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: clone(V3_EXAMPLE) });
    const { readStore } = await start();
    const file = toExport((await readStore()).store, T + 2000);
    expect(file.store).toEqual(V3_EXAMPLE);
    expect(fromImport(JSON.stringify(file), T + 2000)).toEqual({ ok: true, store: V3_EXAMPLE });
  });

  it('a store of a development build (versions 1, 2: never released) is reset and said so; the next write replaces it', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { ...withoutVersion(V3_EXAMPLE), schemaVersion: 2 } });
    const { readStore, update } = await start();
    const r = await readStore();
    expect(r.store).toEqual(emptyStore());
    expect(r.problems).toEqual(['store version 2 is from a development build, never released; reset']);
    const next = await update((s) => declare(s, 'plan:vibe', 'pro', T));
    expect((await raw())[STORE_KEY]).toEqual(withoutVersion(next));
  });

  it('a fresh install: nothing stored reads as the empty store, and the first write records the version', async () => {
    const { readStore, update } = await start();
    expect(await readStore()).toEqual({ store: emptyStore(), problems: [] });
    expect(await raw()).toEqual({});
    await update((s) => declare(s, 'plan:vibe', 'team', T));
    expect((await raw())[META]).toEqual({ v: STORE_VERSION });
  });
});

describe('store item: a store written by a newer Windsock is never overwritten', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  const NEWER = { orgs: { future: { shape: 'unknown to this version' } }, somethingNew: [1, 2, 3] };

  it.each([
    [
      "by WXT's metadata (what a newer Windsock writes)",
      { [STORE_KEY]: NEWER, [META]: { v: STORE_VERSION + 1 } },
      STORE_VERSION + 1,
    ],
    ['by a hand-written version number', { [STORE_KEY]: { ...NEWER, schemaVersion: 99 } }, 99],
  ])('%s: read as newer, left byte for byte, updates and erasure refused', async (_name, stored, version) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // WXT logs its "version downgrade"
    await fakeBrowser.storage.local.set(clone(stored));
    const { readStore, update, clearStore, StoreError } = await start();
    const r = await readStore();
    expect(r.newerVersion).toBe(version);
    expect(r.store).toEqual(emptyStore());
    await expect(update((s) => declare(s, 'plan:vibe', 'pro', T))).rejects.toBeInstanceOf(StoreError);
    await expect(update((s) => declare(s, 'plan:vibe', 'pro', T))).rejects.toMatchObject({ code: 'newer' });
    await expect(clearStore()).rejects.toMatchObject({ code: 'newer' });
    expect(await raw()).toEqual(stored);
  });
});
