/**
 * The background: the one writer of the store and of the toolbar badge.
 *
 * - Messages are handled by lib/background/handler.ts (validated against their sender by lib/messages.ts
 *   first); this file only wires it to the browser: the store, the badge, tabs and storage.session.
 * - The pages the reading content scripts send (`page-dom`) are read here with the detectors (lib/offpage/read.ts):
 *   in this background page's own DOM on Firefox, in an offscreen document on Chrome, whose service worker has none
 *   (lib/background/offscreen.ts).
 * - The composer guard's text is scanned here (lib/background/scan.ts), in slices, and answered as counts per
 *   category: never stored, logged or reported.
 * - The badge of a tab follows from its URL's surface and the stored state through the pure verdict; it is
 *   recomputed when the tab's URL changes (including in-app navigation) and whenever the store changes.
 */
import '@/lib/zod-setup';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { NavigatedMsg } from '@/lib/messages';
import { loadLang, pickLang, serveFromBrowser, setLang, t } from '@/lib/i18n';
import { readStore, update, clearStore, watchStore } from '@/lib/store';
import type { LoadResult, Store } from '@/lib/store/schema';
import { surfaceOf, MATCH_PATTERNS } from '@/lib/surfaces';
import { verdictFor } from '@/lib/resolve';
import { createHandler, type DomPort } from '@/lib/background/handler';
import { BADGE } from '@/lib/verdict';
import { TEST_BUILD } from '@/lib/test-build';
import { rulesetFor } from '@/lib/detect/rules';
import { useRuleset } from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS } from '@/lib/hosts';
import type { ScanStats } from '@/lib/background/scan';
import { offscreenDom } from '@/lib/background/offscreen';
import { readTree } from '@/lib/offpage/read';

/**
 * Test builds only: with this set on the background's global (by the e2e tests, through the service worker or
 * the background page), the on-demand scripts are not injected — the tests check that a warning still asks,
 * through the browser's own confirm(), when the dialog cannot be loaded. Not in storage: it must work when the
 * tests have made the background's storage hang.
 */
const TEST_REFUSE_INJECTION = '__windsockRefuseInjection';

/** The toolbar icon of a state (public/icon/<state>-<size>.png), or the plain one. */
function iconPaths(prefix: string): Record<string, string> {
  return Object.fromEntries([16, 32, 48].map((n) => [String(n), `/icon/${prefix}${n}.png`]));
}

export default defineBackground(() => {
  // The background reads the chat app's account data with the detectors' plan names: every host's rules.
  useRuleset(rulesetFor(MISTRAL_HOSTS));
  const action = browser.action ?? browser.browserAction;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  // The browser's language from the browser's own catalog; other languages' catalogs are fetched when needed.
  serveFromBrowser(browser.i18n);

  async function applyLang(store: Store) {
    // One catalog at a time (and English's), loaded from the package before the badge's titles need it.
    const lang = pickLang(store.settings.language, browser.i18n.getUILanguage());
    await loadLang(lang);
    setLang(lang);
  }

  async function paint(tabId: number, url: string | undefined, store: Store) {
    await applyLang(store);
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
      const titleKey =
        surface.product === 'api' && v.state !== 'unknown'
          ? v.state === 'training'
            ? 'badgeTitleApiTraining'
            : 'badgeTitleApiNotTraining'
          : badge.titleKey;
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
    const tabs = await browser.tabs.query({ url: MATCH_PATTERNS });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return;
        await handler.paintTab(tab.id, tab.url ?? '', s);
        // The page's warnings and banner fetch their context again when they next need it.
        browser.tabs.sendMessage(tab.id, { type: 'context-changed' }).catch(() => undefined);
      }),
    );
  }

  // The store as last read, validated, kept until it changes: the popup asks for its verdict on every open, and
  // reading + validating the store is most of that answer's cost. Dropped on every write (before and after it)
  // and on every storage change, so a read never returns what a write replaced.
  let cached: Promise<LoadResult> | null = null;
  const forget = () => void (cached = null);
  const readCached = () => {
    if (cached) return cached;
    const read = readStore();
    cached = read;
    return read;
  };
  browser.storage.onChanged.addListener((_changes, area) => area === 'local' && forget());

  // Where a sent page is rebuilt and read: Firefox's background page has a DOM (an inert document per page,
  // `createHTMLDocument`); Chrome's service worker has none and uses its offscreen document.
  const dom: DomPort =
    import.meta.env.MANIFEST_VERSION === 2
      ? { read: async (url, page) => readTree(document.implementation, url, page) }
      : offscreenDom();

  const handler = createHandler({
    store: {
      read: readCached,
      update: (fn) => (forget(), update(fn).finally(forget)),
      clear: () => (forget(), clearStore().finally(forget)),
    },
    badge: {
      paint: (tabId, url, store, org) =>
        paint(tabId, url, org === store.currentOrg ? store : { ...store, currentOrg: org }),
      paintAll,
    },
    tabs: {
      openVerdict: async (tabId) =>
        void (await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) })),
      // The warning dialog and the page skeleton (lib/page/on-demand.ts), into the asking script's own frame and
      // isolated world. Chrome MV3: scripting.executeScript (the `scripting` permission, and the host permission);
      // Firefox MV2: tabs.executeScript, which the host permissions allow.
      inject: async ({ tabId, frameId, documentId }, file) => {
        if (TEST_BUILD && (globalThis as Record<string, unknown>)[TEST_REFUSE_INJECTION])
          throw new Error('injection refused (test build)');
        if (import.meta.env.MANIFEST_VERSION === 2) {
          await browser.tabs.executeScript(tabId, { file, frameId });
          return;
        }
        await browser.scripting.executeScript({
          target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] },
          // ON_DEMAND_FILES (lib/messages.ts) names the built files; test/unit/on-demand.test.ts checks they are built.
          files: [file as never],
        });
      },
    },
    dom,
    // "This session" choices and the tab ↔ organization map: WXT's `session:` storage (gone when the browser closes).
    session: {
      get: (key) => storage.getItem(`session:${key}`),
      set: (key, value) => storage.setItem(`session:${key}`, value),
    },
    now: () => Date.now(),
    runtimeId: browser.runtime.id,
    extensionOrigin,
    // The composer's scans (lib/background/scan.ts). The test build keeps the last ones' durations and lengths
    // for `npm run bench` (scripts/bench-composer.ts) — never a text; the production build keeps nothing.
    scanner: TEST_BUILD
      ? {
          onScanned: (s) => {
            const g = globalThis as { __windsockScans?: ScanStats[] };
            (g.__windsockScans ??= []).push(s);
            if (g.__windsockScans.length > 1000) g.__windsockScans.shift();
          },
        }
      : {},
  });

  // The answer goes back through sendResponse (kept open by returning true): what both Chrome and Firefox do
  // without a polyfill (Chrome does not take a listener's returned promise as the answer).
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    handler
      .onMessage(raw, sender)
      .then(sendResponse, (e) => sendResponse({ ok: false, error: String(e).slice(0, 200) }));
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => handler.forgetTab(tabId));

  browser.tabs.onUpdated.addListener(async (tabId, info, tab) => {
    if (!info.url && info.status !== 'loading') return;
    const url = tab.url ?? info.url;
    // A Mistral page is loading: its reading script will send it once idle. Chrome: have the offscreen document
    // ready by then (created once; the first page of a browser session would otherwise wait for it).
    if (surfaceOf(url)) dom.warm?.();
    // The cached read (dropped on every storage change): a tab's navigation does not re-read and re-validate the
    // store, nor hold up a popup's question to the background meanwhile.
    const { store } = await readCached();
    await applyLang(store);
    if (url) await handler.paintTab(tabId, url, store);
    if (info.url && surfaceOf(info.url)) {
      // In-app navigation: tell the page's content script to look again. It may not be there (yet): fine.
      const nav: NavigatedMsg = { type: 'navigated', url: info.url };
      browser.tabs.sendMessage(tabId, nav).catch(() => undefined);
    }
  });

  watchStore(({ store }) => void paintAll(store));
  // After an update or a reload, Chrome leaves the old content script orphaned in open Mistral tabs and does
  // not inject the new one until the page reloads: inject it now (the old one stops at the first event it sees: lib/page/life.ts).
  // Firefox injects into open tabs by itself.
  browser.runtime.onInstalled.addListener(async () => {
    await paintAll();
    const scripting = (globalThis as { chrome?: { scripting?: { executeScript(o: unknown): Promise<unknown> } } })
      .chrome?.scripting;
    if (!scripting || import.meta.env.FIREFOX) return;
    for (const cs of browser.runtime.getManifest().content_scripts ?? []) {
      const tabs = await browser.tabs.query({ url: cs.matches ?? [] });
      for (const tab of tabs)
        if (tab.id !== undefined)
          await scripting.executeScript({ target: { tabId: tab.id }, files: cs.js ?? [] }).catch(() => undefined);
    }
  });
  browser.runtime.onStartup?.addListener(() => void paintAll());
  void paintAll();
});
