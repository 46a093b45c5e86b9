/**
 * How a content script talks to the background: `ask` never throws and never waits forever (a background that
 * cannot answer — gone, failing, hung — gives `null` after a few seconds), and the page's context (verdict state,
 * warnings' strings in the page's language) is fetched once and dropped when the background says it changed.
 * A failed fetch is not remembered: the next guarded gesture asks again.
 */
import { browser } from 'wxt/browser';
import type { Message, PageContext } from '../messages';
import type { Life } from './life';

/** How long a guarded gesture waits for the background before warning with the cautious reading. */
const ASK_TIMEOUT_MS = 4000;

/**
 * `ask` alone: what the reading content script needs (lib/page/run.ts), without the page context's cache and its
 * listener, which only the UI scripts use.
 */
export function makeAsk(life: Life) {
  return async <T>(msg: Message, timeoutMs = ASK_TIMEOUT_MS): Promise<T | null> => {
    if (life.isInvalid) return null;
    // A plain timer, not the life's: "no answer" must come in 4 s whatever happens to the rest.
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        browser.runtime.sendMessage(msg) as Promise<T>,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs);
        }),
      ]);
    } catch (e) {
      life.noteError(e);
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
}

export function makeClient(life: Life) {
  const ask = makeAsk(life);
  let context: Promise<PageContext | null> | null = null;
  const pageLang = () =>
    document.documentElement.lang || /(?:^|;\s*)lang=([a-zA-Z-]+)/.exec(document.cookie)?.[1] || navigator.language;
  const getContext = () => {
    if (context) return context;
    const p = ask<PageContext>({ type: 'get-context', url: location.href, lang: pageLang() }).then((c) =>
      c && typeof c === 'object' && 'strings' in c ? c : null,
    );
    context = p;
    // No answer is not an answer to keep: ask again next time.
    void p.then((c) => {
      if (!c && context === p) context = null;
    });
    return p;
  };
  const dropContext = () => {
    context = null;
  };
  // The background says the verdict or the warnings' choices changed: fetch again when next needed.
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender?.id === browser.runtime.id && (raw as { type?: string } | null)?.type === 'context-changed')
      dropContext();
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  life.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onMessage as never);
    } catch {
      // A lost context may refuse even this.
    }
  });
  return { ask, getContext, dropContext };
}
