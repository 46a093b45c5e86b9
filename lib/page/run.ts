/**
 * The reading content script's whole life on one page: send the page to the background to be read, re-send it when
 * it matters, stop when its `Life` ends. The detectors are not here (issue 13): the page goes as data
 * (lib/page/serialize.ts, `page-dom`) to the background, which rebuilds it as a DOM, reads it with the unchanged
 * detectors (lib/offpage/read.ts), records the reading as a `page-report` from this tab would be, and answers what it
 * read (kept for the diagnosis). Reads only: no UI code (that is lib/page/ui-script.ts).
 * Invariants: errors never leave it (no answer, a page too large to send, a tree the background cannot rebuild:
 * nothing read, "unknown"); cheap on a streaming page — no polling, no observer on chat pages, nothing while the
 * tab is hidden, the page serialized only where it used to be read (when: see `startPage`).
 */
import { browser } from 'wxt/browser';
import type { Life } from './life';
import type { NavigatedMsg } from '../messages';
import type { PageDetection } from '../detect';
import { makeAsk } from './client';
import { serializePage } from './serialize';
import { uiSnapshot, type UiSnapshot } from './snapshot';
import { TEST_BUILD } from '../test-build';
import type { SkeletonNode, SkeletonPart } from '../detect/skeleton';
import { loadPart, PART_GLOBAL } from './on-demand';
import { hasRules, isRuleset, rules, surfaceIn, useRuleset } from '../detect/ruleset';

/** What differs between the reading content scripts (entrypoints/chat.content.ts, admin.content.ts, studio.content.ts). */
export interface PageKit {
  /** Read the chat app's own account data (chat.mistral.ai only). */
  accountData: boolean;
}

export interface DiagnoseMsg {
  type: 'diagnose';
}

export interface Diagnosis {
  windsock: string;
  page: string;
  surface: string | null;
  detectors: PageDetection['detectors'];
  planSignals: PageDetection['planSignals'];
  accountData: 'not-tried' | 'matched' | 'ignored' | 'failed';
  /** The same for `settings.get` (public chat sharing). */
  accountSettings?: 'not-tried' | 'matched' | 'ignored' | 'failed';
  /** Whether the site rules of this host arrived from the background (without them nothing is read). */
  rules: boolean;
  /** Test and bench builds only. */
  counters?: Counters;
  /**
   * The page's structure (lib/detect/skeleton.ts), computed by a script the background injects when the diagnosis
   * is asked for (lib/page/on-demand.ts); null when the page has no body or that script could not be loaded.
   */
  skeleton: SkeletonNode | null;
  /** Windsock's own in-page UI (warning, banner, note) as it stands. */
  ui: UiSnapshot;
  /**
   * Whether WXT's own content-script context has been invalidated (a page can do that with one DOM event;
   * Windsock's life does not depend on it, see lib/page/life.ts). For the tests and the diagnostic report.
   */
  wxtContextInvalidated?: boolean;
  /** How many "content script started" events (WXT's, or a page replaying them) reached this script. */
  startedEventsHeard?: number;
  /**
   * Test and bench builds only: which on-demand scripts (lib/page/on-demand.ts) had left their API on this
   * frame's isolated world — seen from this reading script, which never loads the dialog itself — when the
   * diagnosis was asked for, before its own skeleton is loaded.
   */
  parts?: string[];
}

/** For the tests and `npm run bench` only: the production build keeps none of them (lib/test-build.ts). */
export interface Counters {
  /** MutationObservers Windsock has connected right now (0 or 1). */
  observers: number;
  detections: number;
  /** `page-dom` requests sent (each one a reading of the page by the background). */
  reports: number;
  /** Time spent serializing the page (lib/page/serialize.ts, and its JSON for "has it changed"), in total and the longest once. */
  serializeMs: number;
  longestSerializeMs: number;
  /** Size of the last page serialized, in characters of JSON. */
  lastPageChars: number;
  observerCallbacks: number;
  mutationRecords: number;
  observerMs: number;
  longestObserverMs: number;
  startedAt: number;
  firstReportAt: number | null;
  /** When the site rules arrived from the background (performance.now()), or null. */
  rulesAt: number | null;
  /** `get-rules` requests sent. */
  rulesAsks: number;
  /** Of which answered with no rules (refused, failed, timed out, or not a ruleset). */
  rulesMissed: number;
}

/**
 * When detection runs:
 * - once the page is idle, and after each in-app navigation (Navigation API where the browser has it, and
 *   the background's `navigated` message from tabs.onUpdated otherwise; never a timer polling the URL);
 * - on the Admin Panel's and memories' settings pages only, after the user changes a control: a
 *   MutationObserver limited to the attributes that carry a switch's state, whose callback only schedules
 *   one detection 150 ms later. Chat pages, which stream replies token by token, get no observer at all;
 * - never while the tab is hidden: a detection due then waits for `visibilitychange`.
 * The banner, the warnings and the composer guard are each page type's UI script
 * (entrypoints/chat-ui.content.ts, entrypoints/admin-ui.content.ts).
 */
export function startPage(ctx: Life, kit: PageKit, wxt?: { readonly isInvalid: boolean }): void {
  const counters: Counters = {
    observers: 0,
    detections: 0,
    reports: 0,
    serializeMs: 0,
    longestSerializeMs: 0,
    lastPageChars: 0,
    observerCallbacks: 0,
    mutationRecords: 0,
    observerMs: 0,
    longestObserverMs: 0,
    startedAt: TEST_BUILD ? performance.now() : 0,
    firstReportAt: null,
    rulesAt: null,
    rulesAsks: 0,
    rulesMissed: 0,
  };
  let lastSent = '';
  let lastUrl = '';
  let last: PageDetection | null = null;
  let dueWhileHidden = false;
  let timer: (() => void) | null = null;
  let observer: MutationObserver | null = null;
  let accountData: Diagnosis['accountData'] = 'not-tried';
  let accountSettings: Diagnosis['accountData'] = 'not-tried';
  /** The background's reading of the page in flight, and whether another one is due once it is answered. */
  let reading: Promise<void> | null = null;
  let again = false;

  const ask = makeAsk(ctx);

  // The site rules of this host, as data from the background, asked once per page life (lib/detect/ruleset.ts).
  // No answer (background asleep, gone, refusing, or past the client's timeout): nothing is read — "unknown",
  // never a guess — and the next navigation or detection asks again.
  let asking: Promise<boolean> | null = null;
  const needRules = (): boolean => {
    if (hasRules()) return true;
    if (TEST_BUILD && !asking) counters.rulesAsks++;
    asking ??= ask<{ ok?: boolean; rules?: unknown }>({ type: 'get-rules', url: location.href })
      .then((r) => {
        if (!r?.ok || !isRuleset(r.rules)) return false;
        useRuleset(r.rules);
        if (TEST_BUILD) counters.rulesAt = performance.now();
        return true;
      })
      .catch(() => false)
      .then((got) => {
        asking = null;
        if (TEST_BUILD && !got) counters.rulesMissed++;
        if (got && !ctx.isInvalid) onPage();
        return got;
      });
    return false;
  };
  const surfaceHere = () => {
    try {
      return surfaceIn(location.href);
    } catch {
      return null;
    }
  };

  const detect = () => {
    if (ctx.isInvalid) return;
    if (document.hidden) {
      dueWhileHidden = true;
      return;
    }
    if (!needRules()) return;
    const url = location.href;
    if (!surfaceHere()) return;
    // One reading at a time: a detection due meanwhile runs once the background has answered.
    if (reading) {
      again = true;
      return;
    }
    if (TEST_BUILD) counters.detections++;
    const t0 = TEST_BUILD ? performance.now() : 0;
    let page: ReturnType<typeof serializePage>;
    try {
      page = serializePage(document);
    } catch {
      page = null;
    }
    // Sent only when the page changed: not for a hash change or a replaceState on the same page.
    const key = page ? `${surfaceHere()?.id}\n${JSON.stringify(page)}` : '';
    if (TEST_BUILD) {
      const dt = performance.now() - t0;
      counters.serializeMs += dt;
      if (dt > counters.longestSerializeMs) counters.longestSerializeMs = dt;
      counters.lastPageChars = key.length;
    }
    // Too large to send: nothing read ("unknown"), never a guess.
    if (!page) return;
    if (key === lastSent) return;
    if (TEST_BUILD) counters.reports++;
    // The background reads it, records it as this tab's `page-report` (only a change is written) and answers the
    // reading. No answer, or no reading: nothing read; what the store holds stays.
    reading = ask<{ ok?: boolean; detection?: PageDetection }>({ type: 'page-dom', url, page })
      .then((r) => {
        // Answered (whatever the answer): the first verdict's time, as for a page report before.
        if (TEST_BUILD && counters.firstReportAt === null) counters.firstReportAt = performance.now();
        if (!r?.ok || !r.detection || typeof r.detection !== 'object') return;
        last = r.detection;
        lastSent = key;
      })
      .catch(() => undefined)
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          detect();
        }
      });
  };

  // A timer of Windsock's own life (lib/page/life.ts), cleared when it ends.
  const schedule = (ms = 150) => {
    if (timer !== null || ctx.isInvalid) return;
    timer = ctx.setTimeout(() => {
      timer = null;
      detect();
    }, ms);
  };

  // Settings pages: follow the user's changes to the controls.
  const watchSettings = () => {
    if (observer) {
      observer.disconnect();
      if (TEST_BUILD) counters.observers--;
    }
    observer = null;
    const surface = surfaceHere();
    if (!surface || !rules().controls[surface.id] || !document.body) return;
    observer = new MutationObserver((records) => {
      const t0 = TEST_BUILD ? performance.now() : 0;
      schedule();
      if (TEST_BUILD) {
        counters.observerCallbacks++;
        counters.mutationRecords += records.length;
        const dt = performance.now() - t0;
        counters.observerMs += dt;
        if (dt > counters.longestObserverMs) counters.longestObserverMs = dt;
      }
    });
    if (TEST_BUILD) counters.observers++;
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: [
        'aria-checked',
        'data-state',
        'checked',
        'disabled',
        'aria-disabled',
        'aria-selected',
        'hidden',
        'value',
      ],
    });
  };
  ctx.onInvalidated(() => observer?.disconnect());
  // A checkbox's `checked` property changes without an attribute mutation: its `change` event says so.
  ctx.addEventListener(
    document,
    'change',
    () => {
      // Without rules no page is a settings page: a change asks for them again (then reads the page).
      if (!needRules()) return;
      const s = surfaceHere();
      if (s && rules().controls[s.id]) schedule();
    },
    { capture: true, passive: true },
  );

  // The chat app's own account data: one same-origin request per page load, like the page's own. The raw
  // answer goes to the background, which validates it (zod) and ignores it whole if its shape is unexpected.
  const readAccountData = async () => {
    const surface = surfaceHere();
    const requests = rules().accountData;
    if (!kit.accountData || !surface || !surface.accountData || !requests || accountData !== 'not-tried') return;
    accountData = 'failed';
    const f = ((globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch).bind(globalThis);
    // Each procedure once per page load, both at once; a failed settings.get leaves the plan reading as it was.
    const get = async (path: string, query: string): Promise<string | undefined> => {
      try {
        const res = await f(`${location.origin}${path}?${query}`, { credentials: 'include', signal: ctx.signal });
        return res.ok ? (await res.text()).slice(0, 200_000) : undefined;
      } catch {
        return undefined; // Offline, blocked or aborted.
      }
    };
    try {
      // settings.get never holds the plan back for long: past a few seconds it is left out of this page load.
      let late: (() => void) | undefined;
      const settingsOrLate = Promise.race([
        get(requests.settingsPath, requests.settingsQuery),
        new Promise<undefined>((r) => (late = ctx.setTimeout(() => r(undefined), 5000))),
      ]);
      const [body, settings] = await Promise.all([get(requests.path, requests.query), settingsOrLate]);
      late?.();
      if (body === undefined) return;
      // The organization the page shows, from the page's reading (under way when the page loaded).
      if (reading) await reading;
      const active =
        last?.orgName || last?.orgId
          ? { active: { ...(last.orgName ? { name: last.orgName } : {}), ...(last.orgId ? { id: last.orgId } : {}) } }
          : {};
      const r = await ask<{ ok: boolean; matched?: boolean; settings?: boolean }>({
        type: 'account-data',
        url: location.href,
        body,
        ...(settings !== undefined ? { settings } : {}),
        ...active,
      });
      accountData = r?.matched ? 'matched' : 'ignored';
      accountSettings = settings === undefined ? 'failed' : r?.settings ? 'matched' : 'ignored';
    } catch {
      // No answer from the background: nothing else changes.
    }
  };

  const onPage = () => {
    if (ctx.isInvalid) return;
    lastUrl = location.href;
    if (!needRules()) return;
    detect();
    watchSettings();
    void readAccountData();
  };

  // Messages from the background (navigation) and the popup (diagnosis). The answer goes
  // through sendResponse, which Chrome and Firefox both support without the polyfill.
  const onNavigated = (raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    if (sender?.id !== browser.runtime.id) return;
    const m = raw as NavigatedMsg | DiagnoseMsg | undefined;
    if (m?.type === 'navigated') {
      if (location.href !== lastUrl) onPage();
      return;
    }
    if (m?.type !== 'diagnose') return;
    // Answered once the skeleton's script is loaded: the channel stays open (both browsers, with sendResponse).
    void diagnose().then(sendResponse, () => sendResponse(null));
    return true;
  };
  browser.runtime.onMessage.addListener(onNavigated as never);
  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onNavigated as never);
    } catch {
      // A lost context may refuse even this.
    }
  });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    ctx.addEventListener(nav, 'navigatesuccess', () => location.href !== lastUrl && onPage());
  }
  ctx.addEventListener(window, 'popstate', () => location.href !== lastUrl && onPage());
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.hidden) return;
    if (dueWhileHidden) {
      dueWhileHidden = false;
      detect();
    }
  });

  // The skeleton's code is not in this script (lib/page/on-demand.ts): loaded with the first diagnosis.
  let skeletonCode: Promise<SkeletonPart | null> | null = null;
  const pageSkeleton = async (): Promise<SkeletonNode | null> => {
    skeletonCode ??= loadPart<SkeletonPart>(ask, 'skeleton');
    const code = await skeletonCode;
    if (!code) skeletonCode = null; // Not loaded: try again at the next diagnosis.
    try {
      return code && document.body ? code.skeleton(document.body, rules()) : null;
    } catch {
      return null;
    }
  };

  const diagnose = async (): Promise<Diagnosis> => {
    if (!last && !document.hidden) detect();
    if (reading) await reading;
    const world = globalThis as Record<string, unknown>;
    const parts = TEST_BUILD ? Object.entries(PART_GLOBAL).flatMap(([p, key]) => (world[key] ? [p] : [])) : [];
    const structure = await pageSkeleton();
    const u = new URL(location.href);
    return {
      windsock: browser.runtime.getManifest().version,
      page: u.origin + u.pathname,
      surface: last?.surface ?? surfaceHere()?.id ?? null,
      detectors: last?.detectors ?? [],
      planSignals: last?.planSignals ?? [],
      accountData,
      accountSettings,
      rules: hasRules(),
      ...(TEST_BUILD ? { counters: { ...counters } } : {}),
      skeleton: structure,
      ui: uiSnapshot(),
      ...(TEST_BUILD && wxt ? { wxtContextInvalidated: wxt.isInvalid } : {}),
      ...(TEST_BUILD ? { startedEventsHeard: ctx.heard, parts } : {}),
    };
  };

  onPage();
}
