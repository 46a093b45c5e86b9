/**
 * Reading and writing the store in browser.storage.local. Only the background writes (through `update`, one
 * write at a time); pages read it and watch it. Whatever is stored is passed through `load()`, so a malformed
 * or older store never reaches the rest of the code.
 */
import { browser } from '../browser';
import { load, STORE_KEY, type LoadResult, type Store } from './schema';

export async function readStore(): Promise<LoadResult> {
  try {
    const got = await browser.storage.local.get(STORE_KEY);
    return load(got[STORE_KEY]);
  } catch (e) {
    return { ...load(undefined), problems: [`storage unreadable: ${String(e)}`] };
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Apply `fn` to the current store and save it; calls are serialised so no update is lost. */
export function update(fn: (s: Store) => Store): Promise<Store> {
  const run = queue.then(async () => {
    const { store } = await readStore();
    const next = fn(store);
    await browser.storage.local.set({ [STORE_KEY]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function clearStore(): Promise<void> {
  await (queue = queue.then(() => browser.storage.local.remove(STORE_KEY)).catch(() => undefined));
}

/** Call `cb` with the fresh store whenever it changes. Returns the unsubscribe function. */
export function watchStore(cb: (r: LoadResult) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STORE_KEY in changes) cb(load(changes[STORE_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
