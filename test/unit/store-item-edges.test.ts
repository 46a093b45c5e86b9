/**
 * The store item's edges (lib/store/index.ts) over WXT's fakeBrowser, found by the mutation run of issue 14: what
 * storage holds that the item did not write (a text, a list, a value without its version, a value still carrying
 * its own), a storage that cannot be read, writes the browser refuses (which errors are "quota", which "write"),
 * the version recorded by the first write after a repair, and a watcher whose metadata read fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStore, StoreError, storeItem, update, watchStore } from '@/lib/store';
import { declare, emptyStore, STORE_KEY, type Store } from '@/lib/store/schema';
import { K, T, V3_EXAMPLE } from './store-examples';

const META = `${STORE_KEY}$`;
const clone = <X>(x: X): X => JSON.parse(JSON.stringify(x));
const withoutVersion = (s: Store) => {
  const { schemaVersion: _, ...rest } = clone(s);
  return rest;
};
const put = (value: unknown, meta?: { v: number }) =>
  fakeBrowser.storage.local.set(
    (meta ? { [STORE_KEY]: value, [META]: meta } : { [STORE_KEY]: value }) as Record<string, unknown>,
  );
const decl = (s: Store) => declare(s, 'plan:vibe', 'pro', T);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('what storage holds that the item did not write', () => {
  it.each([
    ['a text', 'windsock'],
    ['a list', [1, 2]],
  ])('%s is reset and said so, never read as a store', async (_n, value) => {
    await put(value, { v: 3 });
    expect(await readStore()).toEqual({ store: emptyStore(), problems: ['store is not an object; reset'] });
  });

  it('a value without its version and without metadata is read as the current version, whole', async () => {
    await put(withoutVersion(V3_EXAMPLE));
    expect(await readStore()).toEqual({ store: V3_EXAMPLE, problems: [] });
  });

  it("a value that still carries its own version is read by that version, not by WXT's metadata", async () => {
    await put({ ...withoutVersion(V3_EXAMPLE), schemaVersion: 2 }, { v: 3 });
    const r = await readStore();
    expect(r.store).toEqual(emptyStore());
    expect(r.problems).toEqual(['store version 2 is from a development build, never released; reset']);
  });

  it('the metadata version is used when the value has none (an older one resets, said so)', async () => {
    await put(withoutVersion(V3_EXAMPLE), { v: 2 });
    expect((await readStore()).problems).toEqual([
      'store version 2 is from a development build, never released; reset',
    ]);
    // The first write after that repair records the current version.
    await update(decl);
    expect((await fakeBrowser.storage.local.get(META))[META]).toEqual({ v: 3 });
  });

  it('a storage that cannot be read gives the empty store and says why', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('disk gone'));
    expect(await readStore()).toEqual({ store: emptyStore(), problems: ['storage unreadable: Error: disk gone'] });
  });
});

describe('writes the browser refuses', () => {
  const refuse = (reason: unknown) => vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(reason);

  it.each([
    ['Chrome', new Error('Resource::kQuotaBytes quota exceeded')],
    ['Chrome (per item)', new Error('QUOTA_BYTES_PER_ITEM quota exceeded')],
    ['Firefox', new Error('NS_ERROR_DOM_QUOTA_REACHED')],
    ['a value too big', new Error('Value too big')],
    ['a value too large', new Error('Item is TOO LARGE')],
    ['a bare text', 'QUOTA_BYTES quota exceeded'],
  ])('%s: a quota error', async (_n, reason) => {
    refuse(reason);
    const e = await update(decl).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect(e).toMatchObject({ code: 'quota' });
  });

  it('any other refusal is a write error, its text kept to 200 characters', async () => {
    refuse(new Error(`I/O error ${'x'.repeat(300)}`));
    const e = (await update(decl).catch((x: unknown) => x)) as StoreError;
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('write');
    expect(e.message).toBe(`write: I/O error ${'x'.repeat(190)}`);
  });

  it('a refusal with no reason at all is still a write error, never a crash of its own', async () => {
    refuse(null);
    const e = (await update(decl).catch((x: unknown) => x)) as StoreError;
    expect(e).toBeInstanceOf(StoreError);
    expect(e.message).toBe('write: null');
  });

  it('the newer-version refusal names the version; a refusal without detail is its code alone', async () => {
    await put({ orgs: {} }, { v: 9 });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = (await update(decl).catch((x: unknown) => x)) as StoreError;
    expect(e.message).toBe('newer: 9');
    expect(new StoreError('quota').message).toBe('quota');
  });
});

describe('watchers', () => {
  it("when the metadata can't be read, the watcher still gets the store, read as the current version", async () => {
    const got: Store[] = [];
    const stop = watchStore((r) => got.push(r.store));
    vi.spyOn(storeItem, 'getMeta').mockRejectedValue(new Error('meta unreadable'));
    await put({ ...withoutVersion(V3_EXAMPLE) });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0].currentOrg).toBe(K);
    expect(got[0]).toEqual(V3_EXAMPLE);
    stop();
  });
});

describe('an update that changes nothing', () => {
  it('writes nothing and tells no watcher', async () => {
    await update(decl);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const got: unknown[] = [];
    const stop = watchStore((r) => got.push(r));
    const before = await readStore();
    expect(await update((s) => s)).toEqual(before.store);
    await new Promise((r) => setTimeout(r, 10));
    expect(set).not.toHaveBeenCalled();
    expect(got).toEqual([]);
    stop();
  });
});
