/**
 * The life of one of Windsock's content scripts, decided by the browser and never by the page: it ends only when
 * the extension context itself is gone (an update, a reload, an uninstall), checked lazily, never by a timer.
 * Security: WXT's own `ContentScriptContext` ends itself on a `<extension id>:<entrypoint>:wxt:content-script-started`
 * event any page script can dispatch (wxt-dev/wxt#1359), so nothing of Windsock's may hang on it; hang listeners,
 * timers and observers on a `Life` instead. See SECURITY.md; tests: test/e2e/adversary-page.e2e.ts.
 */
import { browser } from 'wxt/browser';

/**
 * The same shape as the parts of WXT's `ContentScriptContext` Windsock used (`signal`, `isInvalid`, `onInvalidated`,
 * `addEventListener`, `setTimeout`), so the rest of lib/page reads the same.
 */
export interface Life {
  readonly signal: AbortSignal;
  /** True once the extension context is gone (checked now). */
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  /** A listener that is removed when this life ends, and that first checks, lazily, that it has not ended. */
  addEventListener<E extends Event = Event>(
    target: EventTarget,
    type: string,
    handler: (e: E) => void,
    options?: AddEventListenerOptions,
  ): void;
  /**
   * A timer tied to this life: cleared when it ends, and its callback skipped if the extension context is gone
   * by then. (WXT's `ctx.setTimeout` does the same for WXT's context, which a page event can end: Windsock's
   * timers hang on this life instead.) Returns a function that clears it.
   */
  setTimeout(cb: () => void, ms: number): () => void;
  /** Called when a call into the extension threw: ends this life if the extension context is gone. */
  noteError(err: unknown): void;
  /** How many "content script started" events reached this script (none of them ended it). */
  readonly heard: number;
  /** End now (tests; and the last step of a lost context). */
  end(reason?: string): void;
}

/** Is this script's extension context still there? Never throws (Firefox throws on a nuked sandbox's objects). */
export function contextAlive(): boolean {
  try {
    return browser?.runtime?.id != null;
  } catch {
    return false;
  }
}

// Every live script of this copy of Windsock (one isolated world per copy: an update starts a new one). When one
// of them finds the context gone it ends them all (they share one isolated world and one extension context), so an
// orphaned reading script and its page's orphaned UI script end together.
const WORLD = globalThis as { __windsockLives?: Set<() => void> };
const lives = (WORLD.__windsockLives ??= new Set());

export function startLife(): Life {
  const ctl = new AbortController();
  const end = (reason = 'extension context lost') => {
    if (ctl.signal.aborted) return;
    lives.delete(end);
    ctl.abort(reason);
  };
  // Lazy: checked when an event arrives or a message is about to be sent (`browser.runtime.id` gone, or a call
  // threw "Extension context invalidated"), never polled. An orphaned script so stops at the first event it sees
  // after the update, and lets that event through untouched for the new script.
  const check = () => {
    if (!ctl.signal.aborted && !contextAlive()) for (const f of [...lives, end]) f();
    return !ctl.signal.aborted;
  };
  lives.add(end);
  // WXT's "content script started" event, which its own context ends on (Windsock's build replaces that
  // context, lib/page/wxt-context.ts, so nothing of Windsock's sends it): heard here, it only prompts the check.
  let heard = 0;
  try {
    const started = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
    document.addEventListener(started, () => (heard++, check()), { signal: ctl.signal });
  } catch {
    // Not in a content script (tests).
  }
  return {
    signal: ctl.signal,
    get heard() {
      return heard;
    },
    get isInvalid() {
      return !check();
    },
    onInvalidated(cb) {
      if (ctl.signal.aborted) {
        cb();
        return () => undefined;
      }
      ctl.signal.addEventListener('abort', cb, { once: true });
      return () => ctl.signal.removeEventListener('abort', cb);
    },
    addEventListener(target, type, handler, options) {
      const wrapped = (e: Event) => {
        if (!check()) return;
        handler(e as never);
      };
      target.addEventListener(type, wrapped, { ...options, signal: ctl.signal });
    },
    setTimeout(cb, ms) {
      if (ctl.signal.aborted) return () => undefined;
      const clear = () => {
        clearTimeout(id);
        ctl.signal.removeEventListener('abort', clear);
      };
      const id = setTimeout(() => {
        clear();
        if (check()) cb();
      }, ms);
      ctl.signal.addEventListener('abort', clear, { once: true });
      return clear;
    },
    noteError(err) {
      if (/context invalidated/i.test(String((err as Error)?.message ?? err)) || !contextAlive()) end();
    },
    end,
  };
}
