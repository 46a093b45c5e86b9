/**
 * Reading and writing the store in browser.storage.local. Only the background writes (through `update`, one
 * write at a time); pages read it and watch it. Whatever is stored is passed through `load()`, so a malformed
 * or older store never reaches the rest of the code.
 *
 * Two refusals: a store written by a newer Windsock (a higher schemaVersion) is never overwritten or erased by
 * this one (`StoreError('newer')`: the user is told, the data left alone); and a write the browser refuses
 * (the storage quota) becomes `StoreError('quota')`, which the background reports to the options page.
 */
import { browser } from '../browser';
import { load, STORE_KEY, type LoadResult, type Store } from './schema';

export class StoreError extends Error {
  constructor(
    readonly code: 'newer' | 'quota' | 'write',
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export async function readStore(): Promise<LoadResult> {
  try {
    const got = await browser.storage.local.get(STORE_KEY);
    return load(got[STORE_KEY]);
  } catch (e) {
    return { ...load(undefined), problems: [`storage unreadable: ${String(e)}`] };
  }
}

let queue: Promise<unknown> = Promise.resolve();

export function writeError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const text = String((e as Error)?.message ?? e);
  return new StoreError(/quota|QUOTA_BYTES|exceeded|NS_ERROR_DOM_QUOTA|too (big|large)/i.test(text) ? 'quota' : 'write', text.slice(0, 200));
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
      await browser.storage.local.set({ [STORE_KEY]: next });
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
    await browser.storage.local.remove(STORE_KEY);
  });
  queue = run.catch(() => undefined);
  await run;
}

/** Call `cb` with the fresh store whenever it changes. Returns the unsubscribe function. */
export function watchStore(cb: (r: LoadResult) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STORE_KEY in changes) cb(load(changes[STORE_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
