/**
 * The content script's whole life on one page: detect, report, re-detect when it matters, stop when invalidated.
 * The detectors are pure functions of a document (lib/detect); this file is the thin layer that calls them and
 * talks to the background. Errors never leave it: a failing detector means "nothing seen", not a broken page.
 *
 * When detection runs:
 * - once the page is idle, and after each in-app navigation (Navigation API where the browser has it, and
 *   the background's `navigated` message from tabs.onUpdated otherwise; never a timer polling the URL);
 * - on the Admin Panel's and memories' settings pages only, after the user changes a control: a
 *   MutationObserver limited to the attributes that carry a switch's state, whose callback only schedules
 *   one detection 150 ms later. Chat pages, which stream replies token by token, get no observer at all;
 * - never while the tab is hidden: a detection due then waits for `visibilitychange`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NavigatedMsg, PageReportMsg } from '../messages';
import { detectPage, type PageDetection } from '../detect';
import { planFromAccountData } from '../detect/plan';
import { ACCOUNT_DATA, CONTROL_RULES } from '../detect/rules';
import { skeleton } from '../detect/skeleton';
import { surfaceOf } from '../surfaces';

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
  counters: Counters;
  skeleton: ReturnType<typeof skeleton>;
}

export interface Counters {
  detections: number;
  reports: number;
  observerCallbacks: number;
  mutationRecords: number;
  observerMs: number;
  longestObserverMs: number;
  startedAt: number;
  firstReportAt: number | null;
}

const SETTINGS_SURFACES = new Set(Object.keys(CONTROL_RULES));

export function startPage(ctx: ContentScriptContext): void {
  const counters: Counters = { detections: 0, reports: 0, observerCallbacks: 0, mutationRecords: 0, observerMs: 0, longestObserverMs: 0, startedAt: performance.now(), firstReportAt: null };
  let lastSent = '';
  let lastUrl = '';
  let last: PageDetection | null = null;
  let dueWhileHidden = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let observer: MutationObserver | null = null;
  let accountData: Diagnosis['accountData'] = 'not-tried';
  let accountPlan: ReturnType<typeof planFromAccountData> = null;

  const send = (msg: PageReportMsg) => {
    if (ctx.isInvalid) return;
    counters.reports++;
    browser.runtime
      .sendMessage(msg)
      .then(() => {
        if (counters.firstReportAt === null) counters.firstReportAt = performance.now();
      })
      .catch(() => undefined);
  };

  const detect = () => {
    if (ctx.isInvalid) return;
    if (document.hidden) {
      dueWhileHidden = true;
      return;
    }
    const url = location.href;
    if (!surfaceOf(url)) return;
    counters.detections++;
    let det: PageDetection;
    try {
      det = detectPage(document, url);
    } catch {
      det = { surface: surfaceOf(url)?.id ?? null, observations: [], planSignals: [], detectors: [] };
    }
    if (accountPlan) {
      det.planSignals.push(accountPlan);
      const page = det.observations.find((o) => o.key === 'plan:vibe');
      if (!page || (page.confidence ?? 1) < accountPlan.confidence) {
        det.observations = det.observations.filter((o) => o.key !== 'plan:vibe');
        det.observations.push({ key: 'plan:vibe', value: accountPlan.plan, via: 'account-data', confidence: accountPlan.confidence });
      }
    }
    last = det;
    const msg: PageReportMsg = { type: 'page-report', url, observations: det.observations, ...(det.orgName ? { org: { name: det.orgName } } : {}) };
    const key = JSON.stringify([url, det.observations, det.orgName]);
    if (key === lastSent) return;
    lastSent = key;
    send(msg);
  };

  const schedule = (ms = 150) => {
    if (timer !== null || ctx.isInvalid) return;
    timer = setTimeout(() => {
      timer = null;
      detect();
    }, ms);
  };
  ctx.onInvalidated(() => {
    if (timer !== null) clearTimeout(timer);
  });

  // Settings pages: follow the user's changes to the controls.
  const watchSettings = () => {
    observer?.disconnect();
    observer = null;
    const surface = surfaceOf(location.href);
    if (!surface || !SETTINGS_SURFACES.has(surface.id) || !document.body) return;
    observer = new MutationObserver((records) => {
      const t0 = performance.now();
      counters.observerCallbacks++;
      counters.mutationRecords += records.length;
      schedule();
      const dt = performance.now() - t0;
      counters.observerMs += dt;
      if (dt > counters.longestObserverMs) counters.longestObserverMs = dt;
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-checked', 'data-state', 'checked', 'disabled', 'aria-disabled', 'aria-selected', 'hidden', 'value'],
    });
  };
  ctx.onInvalidated(() => observer?.disconnect());
  // A checkbox's `checked` property changes without an attribute mutation: its `change` event says so.
  ctx.addEventListener(document, 'change', () => {
    const s = surfaceOf(location.href);
    if (s && SETTINGS_SURFACES.has(s.id)) schedule();
  }, { capture: true, passive: true });

  // The chat app's own account data: one same-origin request per page load, like the page's own.
  const readAccountData = async () => {
    const surface = surfaceOf(location.href);
    if (!surface || !ACCOUNT_DATA.surfaces.includes(surface.id) || accountData !== 'not-tried') return;
    accountData = 'failed';
    try {
      const f = ((globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch).bind(globalThis);
      const res = await f(`${location.origin}${ACCOUNT_DATA.path}?${ACCOUNT_DATA.query}`, { credentials: 'include', signal: ctx.signal });
      if (!res.ok) return;
      const body = await res.text();
      accountPlan = planFromAccountData(body.slice(0, 200_000));
      accountData = accountPlan ? 'matched' : 'ignored';
      if (accountPlan) {
        lastSent = '';
        detect();
      }
    } catch {
      // Offline, blocked or aborted: no account data, nothing else changes.
    }
  };

  const onPage = () => {
    if (ctx.isInvalid) return;
    lastUrl = location.href;
    detect();
    watchSettings();
    void readAccountData();
  };

  // In-app navigation.
  const onNavigated = (raw: unknown, sender: { id?: string }) => {
    if (sender?.id !== browser.runtime.id) return;
    const m = raw as NavigatedMsg | DiagnoseMsg | undefined;
    if (m?.type === 'navigated') {
      if (location.href !== lastUrl) onPage();
      return;
    }
    if (m?.type === 'diagnose') return Promise.resolve(diagnose());
  };
  browser.runtime.onMessage.addListener(onNavigated as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNavigated as never));
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', () => location.href !== lastUrl && onPage(), { signal: ctx.signal } as AddEventListenerOptions);
  }
  ctx.addEventListener(window, 'popstate', () => location.href !== lastUrl && onPage());
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && dueWhileHidden) {
      dueWhileHidden = false;
      detect();
    }
  });

  const diagnose = (): Diagnosis => {
    if (!last && !document.hidden) detect();
    const u = new URL(location.href);
    return {
      windsock: browser.runtime.getManifest().version,
      page: u.origin + u.pathname,
      surface: last?.surface ?? surfaceOf(location.href)?.id ?? null,
      detectors: last?.detectors ?? [],
      planSignals: last?.planSignals ?? [],
      accountData,
      counters: { ...counters },
      skeleton: document.body ? skeleton(document.body) : null,
    };
  };

  onPage();
}
