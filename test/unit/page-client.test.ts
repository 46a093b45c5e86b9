// @vitest-environment happy-dom
/**
 * How a content script talks to the background (lib/page/client.ts), over WXT's fakeBrowser: `ask` never throws
 * and never waits past its timeout; the page's context is fetched once, kept until the background says it changed
 * (`context-changed`, from the extension itself only) or the script drops it, and a failed fetch is not kept — a
 * kept "no answer" would leave the warnings on the cautious reading for good, a kept stale "not training" would
 * silence them (the composer lets sends through on it).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeClient } from '@/lib/page/client';
import type { Life } from '@/lib/page/life';

const CHAT_URL = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const ctx = (state: string) => ({ state, strings: { brand: 'Windsock' } });

function life(): Life & { errors: unknown[] } {
  const errors: unknown[] = [];
  const ends: (() => void)[] = [];
  return {
    errors,
    signal: new AbortController().signal,
    isInvalid: false,
    heard: 0,
    onInvalidated: (cb) => (ends.push(cb), () => undefined),
    addEventListener: () => undefined,
    setTimeout: () => () => undefined,
    noteError: (e) => void errors.push(e),
    end: () => ends.forEach((f) => f()),
  };
}

/** The background's answers to get-context, one per call, and what it was asked. */
function background(answers: unknown[]) {
  const asked: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: unknown) => {
    asked.push(msg);
    const a = answers.shift();
    if (a instanceof Error) throw a;
    return a;
  }) as never);
  return asked;
}

/** The background (or a stranger) telling the page's scripts something. */
const tell = (msg: unknown, id = fakeBrowser.runtime.id) =>
  Promise.resolve(fakeBrowser.runtime.onMessage.trigger(msg, { id } as never, () => undefined)).then(() => undefined);

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.useRealTimers();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(CHAT_URL);
  document.documentElement.lang = 'fr';
});

describe('getContext', () => {
  it('asks once with the page’s URL and language, and keeps the answer', async () => {
    const asked = background([ctx('training'), ctx('not-training')]);
    const c = makeClient(life());
    expect((await c.getContext())?.state).toBe('training');
    expect((await c.getContext())?.state).toBe('training');
    expect(asked).toEqual([{ type: 'get-context', url: CHAT_URL, lang: 'fr' }]);
  });

  it('the background says the context changed: the next gesture asks again (a stale "not training" is not kept)', async () => {
    const asked = background([ctx('not-training'), ctx('training')]);
    const c = makeClient(life());
    expect((await c.getContext())?.state).toBe('not-training');
    await tell({ type: 'context-changed' });
    expect((await c.getContext())?.state).toBe('training');
    expect(asked).toHaveLength(2);
  });

  it('a "context-changed" from anyone but the extension itself changes nothing', async () => {
    const asked = background([ctx('not-training'), ctx('training')]);
    const c = makeClient(life());
    await c.getContext();
    await tell({ type: 'context-changed' }, 'another-extension');
    await tell({ type: 'something-else' });
    expect((await c.getContext())?.state).toBe('not-training');
    expect(asked).toHaveLength(1);
  });

  it('dropContext: asked again next time', async () => {
    const asked = background([ctx('not-training'), ctx('training')]);
    const c = makeClient(life());
    await c.getContext();
    c.dropContext();
    expect((await c.getContext())?.state).toBe('training');
    expect(asked).toHaveLength(2);
  });

  it('no answer, an error or an answer without strings is not kept: the next gesture asks again', async () => {
    const l = life();
    const asked = background([
      undefined,
      new Error('Could not establish connection'),
      { state: 'training' },
      ctx('training'),
    ]);
    const c = makeClient(l);
    expect(await c.getContext()).toBeNull();
    expect(await c.getContext()).toBeNull();
    expect(await c.getContext()).toBeNull(); // no strings: not a context
    expect((await c.getContext())?.state).toBe('training');
    expect(asked).toHaveLength(4);
    expect(l.errors).toHaveLength(1); // the error is handed to the life (which ends it if the extension is gone)
  });
});

describe('ask', () => {
  it('a background that never answers: null after the timeout, not a wait for ever', async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => undefined)) as never);
    const c = makeClient(life());
    let got: unknown = 'pending';
    void c.ask({ type: 'get-context', url: CHAT_URL, lang: 'en' }).then((r) => (got = r));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(got).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toBeNull();
  });

  it('a script whose life has ended sends nothing', async () => {
    const asked = background([ctx('training')]);
    const l = { ...life(), isInvalid: true };
    expect(await makeClient(l).ask({ type: 'get-context', url: CHAT_URL, lang: 'en' })).toBeNull();
    expect(asked).toHaveLength(0);
  });
});
