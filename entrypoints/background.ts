/**
 * The background: the one writer of the store and of the toolbar badge.
 *
 * - Content scripts on Mistral's hosts report what a page shows (`page-report`); extension pages declare and
 *   reset. Every message is validated (lib/messages.ts) against its sender before anything happens.
 * - The badge of a tab follows from its URL's surface and the stored state through the pure verdict; it is
 *   recomputed when the tab's URL changes (including in-app navigation) and whenever the store changes.
 */
import '@/lib/zod-setup';
import { browser } from '@/lib/browser';
import type { Runtime } from 'webextension-polyfill';
import { accept, type Message, type NavigatedMsg } from '@/lib/messages';
import { pickLang, setLang, t } from '@/lib/i18n';
import { readStore, update, clearStore, watchStore } from '@/lib/store';
import { declare, GUARD_IDS, recordObservations, recordShare, type GuardId, type Store } from '@/lib/store/schema';
import { planFromAccountData } from '@/lib/detect/account';
import { BANNER_DISMISS_MS, pageContext } from '@/lib/context';
import { surfaceOf, MISTRAL_HOSTS } from '@/lib/surfaces';
import { fromImport } from '@/lib/store/transfer';
import { verdictFor } from '@/lib/resolve';
import { BADGE } from '@/lib/verdict';

/** The toolbar icon of a state (public/icon/<state>-<size>.png), or the plain one. */
function iconPaths(prefix: string): Record<string, string> {
  return Object.fromEntries([16, 32, 48].map((n) => [String(n), `/icon/${prefix}${n}.png`]));
}

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
        await action.setIcon({ tabId, path: iconPaths('') });
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
      // The icon's shape says it too, for people who can't tell the badge's colours apart.
      await action.setIcon({ tabId, path: iconPaths(`${v.state}-`) });
    } catch {
      // The tab closed meanwhile: nothing to paint.
    }
  }

  async function paintAll(store?: Store) {
    const s = store ?? (await readStore()).store;
    await applyLang(s);
    const tabs = await browser.tabs.query({ url: MISTRAL_HOSTS.map((h) => `https://${h}/*`) });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return;
        await paint(tab.id, tab.url, s);
        // The page's warnings and banner fetch their context again when they next need it.
        browser.tabs.sendMessage(tab.id, { type: 'context-changed' }).catch(() => undefined);
      }),
    );
  }

  // "Don't ask again: for this session" lives in storage.session (gone when the browser closes).
  const SESSION_KEY = 'windsock-session-guards-off';
  async function sessionOff(): Promise<GuardId[]> {
    try {
      const got = await browser.storage.session.get(SESSION_KEY);
      const v = got[SESSION_KEY];
      return Array.isArray(v) ? v.filter((x): x is GuardId => (GUARD_IDS as readonly unknown[]).includes(x)) : [];
    } catch {
      return [];
    }
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
      case 'account-data': {
        const surface = surfaceOf(msg.url);
        const signal = planFromAccountData(msg.body);
        if (!surface || !signal) return { ok: true, matched: false };
        const store = await update((s) => recordObservations(s, null, surface.id, [{ key: 'plan:vibe', value: signal.plan, via: 'account-data', confidence: signal.confidence }], Date.now()));
        if (tabId !== undefined) await paint(tabId, msg.url, store);
        return { ok: true, matched: true };
      }
      case 'get-context': {
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        const { store } = await readStore();
        return pageContext(store, surface, msg.lang, await sessionOff(), Date.now());
      }
      case 'guard-choice': {
        if (msg.scope === 'always') await update((s) => ({ ...s, guardsOff: [...new Set([...s.guardsOff, msg.guard])] }));
        else {
          await browser.storage.session.set({ [SESSION_KEY]: [...new Set([...(await sessionOff()), msg.guard])] }).catch(() => undefined);
          await paintAll();
        }
        return { ok: true };
      }
      case 'set-guards': {
        await update((s) => ({ ...s, guardsOff: msg.guardsOff }));
        await browser.storage.session.set({ [SESSION_KEY]: (await sessionOff()).filter((g) => msg.guardsOff.includes(g)) }).catch(() => undefined);
        return { ok: true };
      }
      case 'record-share': {
        await update((s) => recordShare(s, msg.chatId, Date.now()));
        return { ok: true };
      }
      case 'open-verdict': {
        if (tabId === undefined) return { ok: false };
        await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
        return { ok: true };
      }
      case 'dismiss-banner': {
        await update((s) => ({ ...s, bannerDismissedUntil: { ...s.bannerDismissedUntil, [s.currentOrg]: Date.now() + BANNER_DISMISS_MS } }));
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

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
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
  // After an update or a reload, Chrome leaves the old content script orphaned in open Mistral tabs and does
  // not inject the new one until the page reloads: inject it now (the old one sees the new one start and stops).
  // Firefox injects into open tabs by itself.
  browser.runtime.onInstalled.addListener(async () => {
    await paintAll();
    const scripting = (globalThis as { chrome?: { scripting?: { executeScript(o: unknown): Promise<unknown> } } }).chrome?.scripting;
    if (!scripting || import.meta.env.FIREFOX) return;
    for (const cs of browser.runtime.getManifest().content_scripts ?? []) {
      const tabs = await browser.tabs.query({ url: cs.matches ?? [] });
      for (const tab of tabs) if (tab.id !== undefined) await scripting.executeScript({ target: { tabId: tab.id }, files: cs.js ?? [] }).catch(() => undefined);
    }
  });
  browser.runtime.onStartup?.addListener(() => void paintAll());
  void paintAll();
});
