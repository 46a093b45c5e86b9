/**
 * How a content script talks to the background: `ask` never throws (an orphaned script after an update just
 * gets nothing back), and the page's context (verdict state, warnings' strings in the page's language) is
 * fetched once and dropped when the background says it changed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Message, PageContext } from '../messages';

export function makeClient(ctx: ContentScriptContext) {
  const ask = async <T>(msg: Message): Promise<T | null> => {
    if (ctx.isInvalid) return null;
    try {
      return (await browser.runtime.sendMessage(msg)) as T;
    } catch {
      return null;
    }
  };
  let context: Promise<PageContext | null> | null = null;
  const pageLang = () => document.documentElement.lang || /(?:^|;\s*)lang=([a-zA-Z-]+)/.exec(document.cookie)?.[1] || navigator.language;
  const getContext = () => (context ??= ask<PageContext>({ type: 'get-context', url: location.href, lang: pageLang() }).then((c) => (c && 'strings' in c ? c : null)));
  const dropContext = () => {
    context = null;
  };
  // The background says the verdict or the warnings' choices changed: fetch again when next needed.
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender?.id === browser.runtime.id && (raw as { type?: string } | null)?.type === 'context-changed') dropContext();
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));
  return { ask, getContext, dropContext };
}
