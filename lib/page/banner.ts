/**
 * The slim "this chat may be used for training" banner on Vibe's chat pages (the chat page's UI script,
 * entrypoints/chat-ui.content.ts). Shown or hidden when the page loads, after each in-app navigation (the
 * Navigation API where the browser has it, `popstate`, and the background's `navigated` message), when the
 * background says the context changed, and when the tab becomes visible again; never while it is hidden.
 */
import { browser } from 'wxt/browser';
import type { Life } from './life';
import type { makeClient } from './client';
import { hideBanner, showBanner } from './notes';
import type { SurfacePlace } from '../surfaces';

export function startBanner(
  life: Life,
  { ask, getContext, dropContext }: ReturnType<typeof makeClient>,
  surface: () => SurfacePlace | null,
): void {
  let lastUrl = location.href;
  const refresh = async () => {
    if (!surface()?.chat || document.hidden) return hideBanner();
    const c = await getContext();
    if (!c?.banner || life.isInvalid) return hideBanner();
    showBanner(
      {
        text: c.strings.bannerText,
        link: c.strings.bannerLink,
        href: c.fixUrl,
        dismiss: c.strings.bannerDismiss,
        brand: c.strings.brand,
      },
      c.lang,
      () => {
        void ask({ type: 'dismiss-banner', url: location.href });
      },
    );
  };
  const navigated = () => {
    if (location.href === lastUrl || life.isInvalid) return;
    lastUrl = location.href;
    dropContext();
    void refresh();
  };
  // Messages from the background (makeClient's own listener, registered first, has dropped a stale context).
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender?.id !== browser.runtime.id || life.isInvalid) return;
    const type = (raw as { type?: string } | null)?.type;
    if (type === 'navigated') navigated();
    else if (type === 'context-changed') void refresh();
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  life.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onMessage as never);
    } catch {
      // A lost context may refuse even this.
    }
  });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') life.addEventListener(nav, 'navigatesuccess', navigated);
  life.addEventListener(window, 'popstate', navigated);
  life.addEventListener(document, 'visibilitychange', () => void refresh());
  void refresh();
}
