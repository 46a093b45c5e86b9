/**
 * The background: the one writer of the store and of the toolbar badge.
 *
 * - Content scripts on Mistral's hosts report what a page shows (`page-report`); extension pages declare and
 *   reset. Every message is validated (lib/messages.ts) against its sender before anything happens.
 * - The badge of a tab follows from its URL's surface and the stored state through the pure verdict; it is
 *   recomputed when the tab's URL changes (including in-app navigation) and whenever the store changes.
 */
import '@/lib/zod-setup';
import { browser } from 'wxt/browser';
import { accept, type Message, type NavigatedMsg } from '@/lib/messages';
import { pickLang, setLang, t } from '@/lib/i18n';
import { readStore, update, clearStore, watchStore } from '@/lib/store';
import { declare, recordObservations, type Store } from '@/lib/store/schema';
import { surfaceOf, MISTRAL_HOSTS } from '@/lib/surfaces';
import { fromImport } from '@/lib/store/transfer';
import { verdictFor } from '@/lib/resolve';
import { BADGE } from '@/lib/verdict';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  async function applyLang(store: Store) {
    setLang(pickLang(store.settings.language, browser.i18n.getUILanguage()));
  }

  async function paint(tabId: number, url: string | undefined, store: Store) {
    const surface = surfaceOf(url);
    try {
      if (!surface) {
        await action.setBadgeText({ tabId, text: '' });
        await action.setTitle({ tabId, title: t('badgeTitleNone') });
        return;
      }
      const v = verdictFor(store, surface.product, surface.id, Date.now());
      const badge = BADGE[v.state];
      const titleKey = surface.product === 'api' && v.state !== 'unknown' ? (v.state === 'training' ? 'badgeTitleApiTraining' : 'badgeTitleApiNotTraining') : badge.titleKey;
      await action.setBadgeText({ tabId, text: badge.text });
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      if ('setBadgeTextColor' in action && typeof action.setBadgeTextColor === 'function') {
        await action.setBadgeTextColor({ tabId, color: '#ffffff' });
      }
      await action.setTitle({ tabId, title: t(titleKey) });
    } catch {
      // The tab closed meanwhile: nothing to paint.
    }
  }

  async function paintAll(store?: Store) {
    const s = store ?? (await readStore()).store;
    await applyLang(s);
    const tabs = await browser.tabs.query({ url: MISTRAL_HOSTS.map((h) => `https://${h}/*`) });
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : paint(tab.id, tab.url, s))));
  }

  async function handle(msg: Message, tabId: number | undefined): Promise<unknown> {
    switch (msg.type) {
      case 'page-report': {
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        const now = Date.now();
        const store = msg.observations.length || msg.org?.name
          ? await update((s) => recordObservations(s, msg.org?.name ?? null, surface.id, msg.observations, now, msg.org?.name))
          : (await readStore()).store;
        if (tabId !== undefined) await paint(tabId, msg.url, store);
        return { ok: true };
      }
      case 'declare': {
        await update((s) => declare(s, msg.key, msg.value, Date.now()));
        return { ok: true };
      }
      case 'set-settings': {
        await update((s) => ({ ...s, settings: { ...s.settings, ...msg.settings } }));
        return { ok: true };
      }
      case 'import': {
        const r = fromImport(msg.text);
        if (!r.ok) return { ok: false, error: r.error };
        await update(() => r.store);
        return { ok: true };
      }
      case 'reset': {
        await clearStore();
        await paintAll();
        return { ok: true };
      }
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const verdict = accept(raw, sender, browser.runtime.id, extensionOrigin);
    if (!verdict.ok) return Promise.resolve({ ok: false, error: verdict.error });
    return handle(verdict.msg, sender.tab?.id).catch((e) => ({ ok: false, error: String(e) }));
  });

  browser.tabs.onUpdated.addListener(async (tabId, info, tab) => {
    if (!info.url && info.status !== 'loading') return;
    const { store } = await readStore();
    await applyLang(store);
    await paint(tabId, tab.url ?? info.url, store);
    if (info.url && surfaceOf(info.url)) {
      // In-app navigation: tell the page's content script to look again. It may not be there (yet): fine.
      const nav: NavigatedMsg = { type: 'navigated', url: info.url };
      browser.tabs.sendMessage(tabId, nav).catch(() => undefined);
    }
  });

  watchStore(({ store }) => void paintAll(store));
  browser.runtime.onInstalled.addListener(() => void paintAll());
  browser.runtime.onStartup?.addListener(() => void paintAll());
  void paintAll();
});
