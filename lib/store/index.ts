/**
 * The store in browser.storage.local, as one WXT storage item (`local:windsock`); every read goes through
 * `load()` (schema.ts), so a malformed or older value never reaches the rest of the code.
 * Only the background writes, through `update` (one write at a time); pages read it and watch it.
 * In storage the version is WXT's metadata only (`windsock$`: `{ v }`); in memory and in exported files the
 * store carries `schemaVersion`. Tests: test/unit/store-item.test.ts, test/unit/store.test.ts.
 */
import { storage } from 'wxt/utils/storage';
import {
  fromHandWritten,
  load,
  MIGRATIONS,
  OLDEST_VERSION,
  STORE_KEY,
  STORE_VERSION,
  type LoadResult,
  type Store,
} from './schema';

/**
 * The two refusals. `newer`: a store written by a newer Windsock (a higher version, in the metadata or, for a
 * hand-written value, in the value) is never overwritten or erased by this one; the options page and the popup say
 * so and the data is left alone (WXT logs its "version downgrade" and leaves it too). `quota`: a write the browser
 * refuses, which the background reports to the options page.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'newer' | 'quota' | 'write',
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** The stored value as WXT holds it: a store without `schemaVersion` (or a hand-written one WXT could not migrate). */
type Stored = Record<string, unknown>;

/**
 * The store item. Its one migration (to STORE_VERSION) takes a hand-written value (WXT's version 1: no
 * metadata). A value `fromHandWritten` refuses (a newer hand-written store, which no Windsock writes) makes WXT
 * leave value and metadata alone; `loadStored` still reads it as the newer store it is.
 *
 * Versions: Windsock before this item wrote a hand-written value, `{ schemaVersion: 3, … }`, with no metadata,
 * which WXT counts as its version 1; the migration to STORE_VERSION (3: the store's shape did not change) moves the
 * version out of the value into the metadata — nothing else changes, nothing is lost
 * (test/unit/store-item.test.ts keeps a real example). Versions 1 and 2 of the hand-written store were development
 * builds of 0.1.0, never released: their migrations are gone, and such a store is reset, said so.
 *
 * WXT runs the migration wherever the item is defined (the background at its start, and any extension page opened
 * later); it is deterministic, and the background — the one writer — runs it first, at startup, before any page
 * can open (an update closes the extension's pages).
 */
export const storeItem = storage.defineItem<Stored | null, { v: number }>(`local:${STORE_KEY}`, {
  version: STORE_VERSION,
  migrations: { ...MIGRATIONS, [OLDEST_VERSION]: fromHandWritten },
});

/**
 * The store from what storage holds: the value and WXT's version of it. A value that still carries its own
 * `schemaVersion` (hand-written, WXT's migration not run or refused) is read by that number.
 */
function loadStored(value: unknown, version: unknown): LoadResult {
  if (value === undefined || value === null) return load(undefined);
  if (typeof value !== 'object' || Array.isArray(value)) return load(value);
  if ('schemaVersion' in value) return load(value);
  return load({ ...value, schemaVersion: typeof version === 'number' ? version : STORE_VERSION });
}

export async function readStore(): Promise<LoadResult> {
  try {
    const [value, meta] = await Promise.all([storeItem.getValue(), storeItem.getMeta()]);
    return loadStored(value, meta.v);
  } catch (e) {
    return { ...load(undefined), problems: [`storage unreadable: ${String(e)}`] };
  }
}

let queue: Promise<unknown> = Promise.resolve();

function writeError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const text = String((e as Error)?.message ?? e);
  return new StoreError(
    /quota|QUOTA_BYTES|exceeded|NS_ERROR_DOM_QUOTA|too (big|large)/i.test(text) ? 'quota' : 'write',
    text.slice(0, 200),
  );
}

/** What is written: the store without its version (WXT's metadata holds it). */
function toStored(store: Store): Stored {
  const { schemaVersion: _, ...rest } = store;
  return rest;
}

/**
 * Apply `fn` to the current store and save it; calls are serialised so no update is lost. When `fn` returns
 * the very store it was given, nothing is written (and nobody is told the store changed).
 */
export function update(fn: (s: Store) => Store): Promise<Store> {
  const run = queue.then(async () => {
    const loaded = await readStore();
    if (loaded.newerVersion !== undefined) throw new StoreError('newer', String(loaded.newerVersion));
    const next = fn(loaded.store);
    if (next === loaded.store) return next;
    try {
      await storeItem.setValue(toStored(next));
      // A value whose version WXT did not set (a hand-written one it could not migrate, since repaired by
      // load()) is the current version from this write on.
      if ((await storeItem.getMeta()).v !== STORE_VERSION) await storeItem.setMeta({ v: STORE_VERSION });
    } catch (e) {
      throw writeError(e);
    }
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function clearStore(): Promise<void> {
  const run = queue.then(async () => {
    const loaded = await readStore();
    if (loaded.newerVersion !== undefined) throw new StoreError('newer', String(loaded.newerVersion));
    await storeItem.removeValue();
  });
  queue = run.catch(() => undefined);
  await run;
}

/** Call `cb` with the fresh store whenever it changes. Returns the unsubscribe function. */
export function watchStore(cb: (r: LoadResult) => void): () => void {
  return storeItem.watch(
    (value) =>
      void storeItem.getMeta().then(
        (meta) => cb(loadStored(value, meta.v)),
        () => cb(loadStored(value, undefined)),
      ),
  );
}
