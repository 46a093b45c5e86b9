/**
 * The background's message handling, as a function of injected ports (store, badge, tabs, session storage, clock);
 * entrypoints/background.ts only wires it to the browser. Tests: test/unit/background.test.ts (WXT's fakeBrowser,
 * every message × every sender).
 * Security: trust comes from the sender (lib/messages.ts, `accept`), never from what a message says.
 */
import { accept, ON_DEMAND_FILES, type Message, type PageReportMsg, type SenderLike } from '../messages';
import type { PageDetection } from '../detect';
import type { PageTree } from '../page/serialize';
import { readAccountData, readAccountSettings, type AccountOrg } from '../detect/account';
import { ACCOUNT_DATA, rulesetFor } from '../detect/rules';
import { BANNER_DISMISS_MS, pageContext } from '../context';
import { loadLang, pickLang } from '../i18n';
import { popupState } from '../popup-state';
import { surfaceOf } from '../surfaces';
import { fromImport } from '../store/transfer';
import { StoreError } from '../store';
import { makeScanner, Superseded, type ScannerOptions } from './scan';
import { orgForTab as orgForTabFrom, TAB_ORGS_KEY, tabOrgKey, WRITE_ERROR_KEY } from './shared';
import {
  DEFAULT_ORG,
  declare,
  GUARD_IDS,
  orgKeyOf,
  orgOf,
  own,
  recordObservations,
  recordShare,
  STALE_AFTER_MS,
  UNKNOWN_ORG,
  type GuardId,
  type LoadResult,
  type ObservationInput,
  type Store,
} from '../store/schema';

export interface StorePort {
  read(): Promise<LoadResult>;
  /** Apply fn and write; returning the same store writes nothing. Throws StoreError('newer' | 'quota' | 'write'). */
  update(fn: (s: Store) => Store): Promise<Store>;
  clear(): Promise<void>;
}

export interface BadgePort {
  /** Paint one tab's badge for its URL, from `store` as seen by the organization `org`. */
  paint(tabId: number, url: string | undefined, store: Store, org: string): Promise<void>;
  /** Repaint every Mistral tab and tell their content scripts the context changed. */
  paintAll(store?: Store): Promise<void>;
}

export interface TabsPort {
  /** Open the verdict (popup page) for a tab in a new tab. */
  openVerdict(tabId: number): Promise<void>;
  /**
   * Run one of the on-demand scripts (ON_DEMAND_FILES) in that frame of that tab, in the content scripts'
   * isolated world; resolves once it has run, rejects when it could not be injected.
   */
  inject(target: { tabId: number; frameId: number; documentId?: string }, file: string): Promise<void>;
}

/**
 * Where a page a content script sent as data (`page-dom`) is rebuilt and read (lib/offpage/read.ts): Firefox's
 * background page itself, Chrome's offscreen document (lib/background/offscreen.ts). Resolves to the reading, or
 * null when it could not be read (nothing read then, never a guess).
 */
export interface DomPort {
  read(url: string, page: PageTree): Promise<PageDetection | null>;
  /** Get ready to read (Chrome: create the offscreen document) before the first page arrives; never throws. */
  warm?(): void;
}

export interface SessionPort {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface Ports {
  store: StorePort;
  badge: BadgePort;
  tabs: TabsPort;
  dom: DomPort;
  session: SessionPort;
  now(): number;
  runtimeId: string;
  extensionOrigin: string;
  /** The composer's scanner (lib/background/scan.ts): how it yields, and the test build's record of durations. */
  scanner?: ScannerOptions;
}

/** "Don't ask again: for this session" lives in storage.session (gone when the browser closes). */
export const SESSION_KEY = 'windsock-session-guards-off';
export { WRITE_ERROR_KEY };
/** A reading that repeats what is stored is written again only after this long (so it does not go stale). */
const REFRESH_AFTER_MS = 6 * 3600 * 1000;

type Answer = { ok: boolean; error?: string; [k: string]: unknown };

/**
 * The store key for an organization a page shows. By id when shown. By name otherwise, except that a name
 * held by exactly one stored organization known by its id is taken to be that one (the Admin Panel may show
 * only the name of an organization the chat app listed with its id); two with the same name stay apart.
 */
function keyFor(store: Store, ref: AccountOrg): string | null {
  if (ref.id) return orgKeyOf({ id: ref.id });
  if (!ref.name) return null;
  const byName = Object.entries(store.orgs).filter(([k, o]) => k.startsWith('id:') && o.name === ref.name);
  return byName.length === 1 ? byName[0][0] : orgKeyOf({ name: ref.name });
}

/** Link organizations listed with their ids to records kept by name only, where the name is unambiguous. */
function linkByName(store: Store, listed: AccountOrg[]): Store {
  let orgs = store.orgs;
  let { currentOrg } = store;
  for (const o of listed) {
    if (!o.id || !o.name) continue;
    if (listed.filter((x) => x.name === o.name).length !== 1) continue;
    const nameKey = orgKeyOf({ name: o.name });
    const idKey = orgKeyOf({ id: o.id });
    const byName = own(orgs, nameKey);
    if (!byName || own(orgs, idKey)) continue;
    const { [nameKey]: moved, ...rest } = orgs;
    orgs = { ...rest, [idKey]: { ...moved, pageId: o.id } };
    if (currentOrg === nameKey) currentOrg = idKey;
  }
  return orgs === store.orgs ? store : { ...store, orgs, currentOrg };
}

/**
 * True when `next` says nothing `prev` did not (dates aside), and what it repeats is still fresh. Nothing changed,
 * nothing written: a report that only repeats what is stored (a hash change, a replaceState) neither rewrites the
 * store nor makes every Mistral tab refresh its context.
 */
function sameReading(prev: Store, next: Store, now: number): boolean {
  if (prev.currentOrg !== next.currentOrg || prev.history.length !== next.history.length) return false;
  const a = orgOf(prev, prev.currentOrg);
  const b = orgOf(next, next.currentOrg);
  if (!a || !b || a.name !== b.name || a.pageId !== b.pageId) return false;
  if (Object.keys(prev.orgs).length !== Object.keys(next.orgs).length) return false;
  const strip = (o: typeof a) =>
    JSON.stringify([o.declarations, Object.entries(o.observations).map(([k, v]) => [k, v && { ...v, seenAt: 0 }])]);
  if (strip(a) !== strip(b)) return false;
  return Object.values(a.observations).every((o) => o && now - o.seenAt < Math.min(REFRESH_AFTER_MS, STALE_AFTER_MS));
}

export function createHandler(ports: Ports) {
  const countsOf = makeScanner(ports.scanner);

  /**
   * A write the browser refused (storage quota) is remembered for the options page until a write goes through.
   * True at the start: a notice left by a previous life of the background (Chrome's service worker is stopped when
   * idle, storage.session is not) goes with this life's first write.
   */
  let writeFailed = true;
  /** A write went through (the user made room): the options page stops saying the storage is full. */
  async function wrote() {
    if (!writeFailed) return;
    writeFailed = false;
    await ports.session.set(WRITE_ERROR_KEY, null).catch(() => undefined);
  }
  /** The store port's update; a store that changed and was written ends the storage-full notice. */
  async function update(fn: (s: Store) => Store): Promise<Store> {
    let changed = false;
    const next = await ports.store.update((s) => {
      const n = fn(s);
      changed = n !== s;
      return n;
    });
    if (changed) await wrote();
    return next;
  }
  /** The organization each tab's pages showed (or its account data said was active), per tab and origin. */
  // Mirrored in storage.session so the popup agrees with the badge, and a restarted service worker remembers.
  const tabOrgs = new Map<string, string>();
  let restored: Promise<void> | null = null;
  const restore = () =>
    (restored ??= ports.session.get(TAB_ORGS_KEY).then(
      (v) => {
        if (v && typeof v === 'object')
          for (const [k, o] of Object.entries(v as Record<string, unknown>))
            if (typeof o === 'string' && !tabOrgs.has(k)) tabOrgs.set(k, o);
      },
      () => undefined,
    ));
  const saveTabOrgs = () => ports.session.set(TAB_ORGS_KEY, Object.fromEntries(tabOrgs)).catch(() => undefined);
  const setTabOrg = async (tabId: number | undefined, url: string, org: string) => {
    if (tabId === undefined) return;
    const k = tabOrgKey(tabId, url);
    if (tabOrgs.get(k) === org) return;
    tabOrgs.set(k, org);
    await saveTabOrgs();
  };

  async function sessionOff(): Promise<GuardId[]> {
    try {
      const v = await ports.session.get(SESSION_KEY);
      return Array.isArray(v) ? v.filter((x): x is GuardId => (GUARD_IDS as readonly unknown[]).includes(x)) : [];
    } catch {
      return [];
    }
  }

  /**
   * The organization a tab's page belongs to, as far as Windsock can tell: the one that page shows (its id, else
   * its name), else the one the tab's account data says is active, else — on a chat page of a user known to have
   * several organizations — "unknown", whose verdict is the cautious one. Never whichever organization another
   * page showed last.
   */
  function orgForTab(store: Store, tabId: number | undefined, url: string | undefined): string {
    return orgForTabFrom(store, tabOrgs, tabId, url);
  }

  /** The store as the verdict for this tab sees it (its organization as the current one). */
  function storeForTab(store: Store, tabId: number | undefined, url: string): Store {
    const org = orgForTab(store, tabId, url);
    return org === store.currentOrg ? store : { ...store, currentOrg: org };
  }

  async function paint(tabId: number | undefined, url: string, store: Store) {
    if (tabId === undefined) return;
    await ports.badge.paint(tabId, url, store, orgForTab(store, tabId, url));
  }

  /** Record a page's readings under `org` (a store key), writing only when something changed. */
  async function record(
    org: string,
    where: string,
    obs: ObservationInput[],
    name?: string,
    pageId?: string,
    link: AccountOrg[] = [],
  ): Promise<Store> {
    const now = ports.now();
    return update((s) => {
      const linked = link.length ? linkByName(s, link) : s;
      const next = recordObservations(linked, org, where, obs, now, name, pageId);
      return linked === s && sameReading(s, next, now) ? s : next;
    });
  }

  async function handle(msg: Message, tabId: number | undefined, sender: SenderLike = {}): Promise<unknown> {
    const now = ports.now();
    switch (msg.type) {
      case 'page-report': {
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        const { store: before } = await ports.store.read();
        const shown = msg.org?.id || msg.org?.name ? keyFor(before, msg.org) : null;
        if (shown) await setTabOrg(tabId, msg.url, shown);
        const org = shown ?? orgForTab(before, tabId, msg.url);
        const store =
          msg.observations.length || shown
            ? await record(org, surface.id, msg.observations, msg.org?.name, msg.org?.id)
            : before;
        await paint(tabId, msg.url, store);
        return { ok: true };
      }
      case 'page-dom': {
        // The page a reading content script sent, read here with its host's detectors (lib/offpage/read.ts), then
        // recorded as the `page-report` that sender would have sent with that reading: checked by accept() as
        // such (same sender, same URL, what that surface can show), filed by the same per-tab organization rule.
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        let det: PageDetection | null;
        try {
          det = await ports.dom.read(msg.url, msg.page);
        } catch {
          det = null;
        }
        if (!det || det.surface !== surface.id) return { ok: false, error: 'page not read' };
        const org =
          det.orgName || det.orgId
            ? { org: { ...(det.orgName ? { name: det.orgName } : {}), ...(det.orgId ? { id: det.orgId } : {}) } }
            : {};
        const report: PageReportMsg = { type: 'page-report', url: msg.url, observations: det.observations, ...org };
        const checked = accept(report, sender, ports.runtimeId, ports.extensionOrigin);
        if (!checked.ok) return { ok: false, error: checked.error };
        const done = (await handle(checked.msg, tabId, sender)) as Answer;
        return done?.ok ? { ok: true, detection: det } : done;
      }
      case 'account-data': {
        const surface = surfaceOf(msg.url);
        const { store: before } = await ports.store.read();
        const reading = surface ? readAccountData(msg.body, msg.active) : null;
        if (!surface || !reading) return { ok: true, matched: false };
        if (!reading.active) {
          // Several organizations and nothing says which one this page is: the cautious reading, and said so.
          await setTabOrg(tabId, msg.url, UNKNOWN_ORG);
          const store = await update((s) =>
            s.currentOrg === UNKNOWN_ORG ? s : { ...linkByName(s, reading.orgs), currentOrg: UNKNOWN_ORG },
          );
          await paint(tabId, msg.url, store);
          return { ok: true, matched: false, org: 'unknown' };
        }
        // One organization listed with neither id nor name: the one Windsock already knows as current.
        const org =
          reading.orgs.length === 1 && !reading.active.id && !reading.active.name
            ? before.currentOrg
            : (keyFor(linkByName(before, reading.orgs), reading.active) ?? DEFAULT_ORG);
        await setTabOrg(tabId, msg.url, org);
        const obs: ObservationInput[] = reading.plan
          ? [{ key: 'plan:vibe', value: reading.plan.plan, via: 'account-data', confidence: reading.plan.confidence }]
          : [];
        // settings.get, fetched on the same page load: its public-sharing flag goes to the same organization, or
        // nowhere (validated in readAccountSettings, ignored whole when its shape differs).
        const settings = msg.settings ? readAccountSettings(msg.settings) : null;
        if (settings)
          obs.push({
            key: 'public-sharing',
            value: settings.publicSharing,
            via: 'account-data',
            confidence: ACCOUNT_DATA.settings.confidence,
          });
        const store = await record(org, surface.id, obs, reading.active.name, reading.active.id, reading.orgs);
        await paint(tabId, msg.url, store);
        // `matched` says the plan was read (the diagnostics' "plan read"); `settings`, the public-sharing flag.
        return { ok: true, matched: !!reading.plan, ...(msg.settings !== undefined ? { settings: !!settings } : {}) };
      }
      case 'get-rules': {
        // The site rules of the page's own host only (accept() checked, for a content script, that the URL is its
        // tab's origin and a Mistral page), as JSON data.
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        // The page will be sent to be read next: have the reading ready (Chrome's offscreen document).
        ports.dom.warm?.();
        return { ok: true, rules: rulesetFor([surface.host]) };
      }
      case 'get-context': {
        const surface = surfaceOf(msg.url);
        if (!surface) return { ok: false };
        const { store } = await ports.store.read();
        await loadLang(pickLang(store.settings.language, msg.lang)); // the page's catalog, loaded once
        return pageContext(storeForTab(store, tabId, msg.url), surface, msg.lang, await sessionOff(), now);
      }
      case 'guard-choice': {
        if (msg.scope === 'always')
          await update((s) => (s.guardsOff.includes(msg.guard) ? s : { ...s, guardsOff: [...s.guardsOff, msg.guard] }));
        else {
          await ports.session
            .set(SESSION_KEY, [...new Set([...(await sessionOff()), msg.guard])])
            .catch(() => undefined);
          await ports.badge.paintAll();
        }
        return { ok: true };
      }
      case 'set-guards': {
        await update((s) => ({ ...s, guardsOff: msg.guardsOff }));
        await ports.session
          .set(
            SESSION_KEY,
            (await sessionOff()).filter((g) => msg.guardsOff.includes(g)),
          )
          .catch(() => undefined);
        return { ok: true };
      }
      case 'record-share': {
        await update((s) => ({
          ...recordShare(storeForTab(s, tabId, msg.url), msg.chatId, now),
          currentOrg: s.currentOrg,
        }));
        return { ok: true };
      }
      case 'open-verdict': {
        if (tabId === undefined) return { ok: false };
        await ports.tabs.openVerdict(tabId);
        return { ok: true };
      }
      case 'load-part': {
        // Into the sender's own frame (its own document where the browser names it), nowhere else.
        if (tabId === undefined) return { ok: false };
        const target = {
          tabId,
          frameId: sender.frameId ?? 0,
          ...(sender.documentId ? { documentId: sender.documentId } : {}),
        };
        try {
          await ports.tabs.inject(target, ON_DEMAND_FILES[msg.part]);
          return { ok: true };
        } catch (e) {
          return { ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) };
        }
      }
      case 'dismiss-banner': {
        await update((s) => {
          const org = orgForTab(s, tabId, msg.url);
          return { ...s, bannerDismissedUntil: { ...s.bannerDismissedUntil, [org]: now + BANNER_DISMISS_MS } };
        });
        return { ok: true };
      }
      case 'declare': {
        // Into the organization the popup's tab is about, which need not be the one seen last.
        await update((s) =>
          msg.org && msg.org !== s.currentOrg
            ? { ...declare({ ...s, currentOrg: msg.org }, msg.key, msg.value, now), currentOrg: s.currentOrg }
            : declare(s, msg.key, msg.value, now),
        );
        return { ok: true };
      }
      case 'set-settings': {
        await update((s) => ({ ...s, settings: { ...s.settings, ...msg.settings } }));
        return { ok: true };
      }
      case 'import': {
        const r = fromImport(msg.text, now);
        if (!r.ok) return { ok: false, error: r.error };
        await update(() => r.store);
        tabOrgs.clear();
        await saveTabOrgs();
        return { ok: true };
      }
      case 'popup-state': {
        // The popup's verdict, computed here from the validated store for the organization the badge uses.
        const loaded = await ports.store.read();
        const tab = msg.tabId === undefined ? null : { id: msg.tabId, url: msg.url };
        return {
          ok: true,
          state: popupState(loaded, orgForTab(loaded.store, msg.tabId, msg.url), tab, msg.uiLang, now),
        };
      }
      case 'scan-text': {
        // The composer's text: scanned in memory, answered as counts; never stored, logged or put in an error.
        try {
          const counts = await countsOf(String(tabId ?? 'none'), msg.text, msg.seq, msg.send);
          return { ok: true, seq: msg.seq, counts };
        } catch (e) {
          return { ok: false, seq: msg.seq, error: e instanceof Superseded ? 'superseded' : 'scan failed' };
        }
      }
      case 'reset': {
        await ports.store.clear();
        await wrote();
        tabOrgs.clear();
        await saveTabOrgs();
        await ports.badge.paintAll();
        return { ok: true };
      }
    }
  }

  /** The runtime.onMessage listener: validate against the sender, then handle; errors become answers. */
  async function onMessage(raw: unknown, sender: SenderLike): Promise<Answer> {
    const verdict = accept(raw, sender, ports.runtimeId, ports.extensionOrigin);
    if (!verdict.ok) return { ok: false, error: verdict.error };
    // The composer's scan needs neither the store nor the tabs' organizations: it answers even when they hang.
    if (verdict.msg.type === 'scan-text') return (await handle(verdict.msg, sender.tab?.id, sender)) as Answer;
    // Loading an on-demand script needs nothing stored: a background whose storage is slow or stuck still
    // injects the warning dialog (whose words, then, are the cautious ones).
    if (verdict.msg.type !== 'load-part') await restore();
    try {
      // The storage-full notice ends with a write that goes through (update, reset), never with an answer that
      // wrote nothing: a tab asking for its context says nothing of the storage.
      return (await handle(verdict.msg, sender.tab?.id, sender)) as Answer;
    } catch (e) {
      if (e instanceof StoreError) {
        if (e.code !== 'newer') {
          writeFailed = true;
          await ports.session.set(WRITE_ERROR_KEY, { at: ports.now(), code: e.code }).catch(() => undefined);
        }
        return { ok: false, error: e.code };
      }
      return { ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) };
    }
  }

  return {
    onMessage,
    handle,
    /** For tabs.onUpdated: paint a tab from the store as its organization sees it. */
    paintTab: async (tabId: number | undefined, url: string, store: Store) => {
      await restore();
      await paint(tabId, url, store);
    },
    /** A tab navigated to another site or closed: forget which organization it showed. */
    async forgetTab(tabId: number) {
      await restore();
      for (const k of [...tabOrgs.keys()]) if (k.startsWith(`${tabId} `)) tabOrgs.delete(k);
      await saveTabOrgs();
    },
    orgForTab,
  };
}
