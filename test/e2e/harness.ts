/**
 * One interface over two real browsers with the built extension loaded:
 * - Chromium through Playwright (playwright-core, Debian's /usr/bin/chromium, `.output/chrome-mv3-test`);
 * - Firefox through puppeteer-core over WebDriver BiDi (Debian's firefox-esr, `.output/firefox-mv2-test`).
 * Replica pages are served at their real URLs by request interception: no network, no Mistral account.
 * Requests the replicas send to Mistral's API (`/api/…`) are answered with `{}` and recorded, so tests can
 * count them. Browser paths come from CHROMIUM_PATH / FIREFOX_PATH when set.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';

export const ROOT = resolve(__dirname, '../..');
/**
 * The builds the tests and `npm run bench` load: `npm run build:test` (`wxt build --mode test`), the production
 * build plus what only tests read — the content scripts' counters, the UI's button coordinates
 * (lib/test-build.ts). The production builds (`npm run build`) are PROD_CHROME_DIR and PROD_FIREFOX_DIR.
 */
export const CHROME_DIR = join(ROOT, '.output/chrome-mv3-test');
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2-test');
export const PROD_CHROME_DIR = join(ROOT, '.output/chrome-mv3');
export const PROD_FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'windsock@windsock.invalid';

export type BrowserName = 'chromium' | 'firefox';

export interface Served {
  body: string;
  contentType?: string;
  status?: number;
}

export interface RecordedRequest {
  url: string;
  method: string;
  body: string | null;
}

export interface PageHandle {
  url(): string;
  evaluate<T>(fn: string): Promise<T>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Type text with the keyboard into the focused element (trusted key events). */
  type(text: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<void>;
  /** Text of console errors and uncaught page errors seen on this page. */
  errors: string[];
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /**
   * Windsock's in-page UI lives in a closed shadow root, out of reach of page scripts and of ordinary
   * selectors. Tests reach it the way assistive technology does: the accessibility tree (Firefox) or the
   * DevTools protocol's pierced DOM (Chromium). `ui()` lists what is shown; `uiClick()` clicks a control with a
   * real (trusted) mouse click at its position.
   */
  ui(): Promise<{ dialog: string | null; banner: string | null; note: string | null }>;
  /** Click a link that opens a new tab; resolves with that tab's URL. */
  clickOpens(selector: string): Promise<string>;
  uiClick(name: string): Promise<void>;
  raw: unknown;
}

export interface Harness {
  name: BrowserName;
  extensionOrigin: string;
  /** Serve `body` at `url` (and remember it for reloads). */
  serve(url: string, served: Served | string): void;
  open(url: string): Promise<PageHandle>;
  /** Open an extension page (popup.html?tab=…, options.html). */
  openExtensionPage(path: string): Promise<PageHandle>;
  /** Badge text and title of the tab showing `url` (exact URL, or the newest tab whose URL starts with it). */
  badge(tabUrl: string): Promise<{ text: string; title: string; tabId: number }>;
  /** Badge of every tab; `url` is undefined for tabs the extension has no access to (non-Mistral pages). */
  badges(): Promise<{ tabId: number; url: string | undefined; text: string }[]>;
  tabId(tabUrl: string): Promise<number>;
  /** Evaluate a function source `(arg) => …` in an extension page (has the extension APIs). */
  extEval<T>(fn: string, arg?: unknown): Promise<T>;
  /** Erase Windsock's store, as the options page's button does. */
  reset(): Promise<void>;
  /** Reload the extension (as an update does) and wait for it to be back. */
  reloadExtension(): Promise<void>;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const RESET_FN = `async () => {
  const b = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome;
  return b.runtime.sendMessage({ type: 'reset' });
}`;

/**
 * What a page showed when a wait for it timed out (its URL, and the start of its text and of its markup): a flaky
 * wait on a loaded machine then says whether the page was still empty, showed an error, or showed something else.
 */
async function seen(page: { url(): string; evaluate(fn: string): Promise<unknown> }): Promise<string> {
  const shown = await page
    .evaluate(
      `(() => JSON.stringify({ text: (document.body?.innerText ?? '').slice(0, 300), html: (document.body?.innerHTML ?? '').slice(0, 300) }))()`,
    )
    .catch((e: unknown) => `(not readable: ${String(e).slice(0, 100)})`);
  return `page ${page.url()} showed ${String(shown)}`;
}

/** Serve every fixture of test/fixtures/index.json whose file name matches, at its URL. */
export function fixtureEntries(): {
  file: string;
  url: string;
  lang: string;
  surface: string;
  variant: string;
  expect: Record<string, unknown>;
}[] {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/index.json'), 'utf8'));
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test/fixtures', name), 'utf8');
}

const API_RE = /^https:\/\/(chat|admin|console)\.mistral\.ai\/api\//;
const SERVED_HOSTS = /^https:\/\/((chat|admin|console)\.mistral\.ai|example\.com)\//;

function answer(
  served: Map<string, Served>,
  url: string,
  method: string,
  body: string | null,
  requests: RecordedRequest[],
): Served {
  if (API_RE.test(url)) {
    requests.push({ url, method, body });
    return served.get(url.split('?')[0]) ?? { body: '{}', contentType: 'application/json' };
  }
  const exact = served.get(url) ?? served.get(url.split('#')[0]) ?? served.get(url.split('?')[0]);
  if (exact) return exact;
  return {
    status: 404,
    body: '<!doctype html><title>Not served</title><p>Not served by the test harness.',
    contentType: 'text/html',
  };
}

const norm = (s: Served | string): Served => (typeof s === 'string' ? { body: s } : s);

// Evaluated in an extension page: the badge of a tab.
const BADGE_FN = `async (tabUrl) => {
  const b = globalThis.browser?.tabs ? globalThis.browser : globalThis.chrome;
  const tabs = await b.tabs.query({});
  const matches = tabs.filter(t => t.url === tabUrl || (t.url || '').startsWith(tabUrl));
  const tab = matches.sort((a, c) => c.id - a.id)[0];
  if (!tab) return { text: '<no tab>', title: '', tabId: -1 };
  const a = b.action ?? b.browserAction;
  return { text: await a.getBadgeText({ tabId: tab.id }), title: await a.getTitle({ tabId: tab.id }), tabId: tab.id };
}`;

const BADGES_FN = `async () => {
  const b = globalThis.browser?.tabs ? globalThis.browser : globalThis.chrome;
  const a = b.action ?? b.browserAction;
  const tabs = await b.tabs.query({});
  return Promise.all(tabs.map(async (t) => ({ tabId: t.id, url: t.url, text: await a.getBadgeText({ tabId: t.id }) })));
}`;

const BASE_CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

async function docNode(cdp: import('playwright-core').CDPSession): Promise<{ backendNodeId: number }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: CdpNode };
  return { backendNodeId: root.backendNodeId };
}

export async function launchChromium(
  opts: { lang?: string; headless?: boolean; extensionDir?: string; touch?: boolean } = {},
): Promise<Harness> {
  const { chromium } = await import('playwright-core');
  const dir = opts.extensionDir ?? CHROME_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build:test first`);
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(exe))
    throw new Error(
      `Chromium not found at ${exe}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH to your Chrome or Chromium.`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'windsock-chromium-'));
  const lang = opts.lang ?? 'en-US';
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: opts.headless ?? true,
    locale: lang,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, `--lang=${lang}`, ...BASE_CHROME_ARGS],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    viewport: { width: 1100, height: 760 },
    hasTouch: opts.touch ?? false,
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionOrigin = `chrome-extension://${new URL(sw.url()).host}`;
  const served = new Map<string, Served>();
  const requests: RecordedRequest[] = [];
  await ctx.route(SERVED_HOSTS, async (route) => {
    const req = route.request();
    const a = answer(served, req.url(), req.method(), req.postData(), requests);
    await route.fulfill({
      status: a.status ?? 200,
      contentType: a.contentType ?? 'text/html; charset=utf-8',
      body: a.body,
    });
  });

  const wrap = (page: import('playwright-core').Page): PageHandle => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    return {
      url: () => page.url(),
      evaluate: (fn) => page.evaluate(`(${fn})()`),
      click: (sel) => page.click(sel),
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      waitFor: async (sel, timeout = 10_000) => {
        await page.waitForSelector(sel, { timeout, state: 'attached' }).catch(async (e: unknown) => {
          throw new Error(`${String(e).split('\n')[0]}\n${await seen(page)}`);
        });
      },
      screenshot: async (path) => {
        await page.screenshot({ path, fullPage: true });
      },
      selectOption: async (sel, value) => {
        await page.selectOption(sel, value);
      },
      errors,
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
      ui: async () => {
        const cdp = await page.context().newCDPSession(page);
        try {
          const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
          const find = (n: CdpNode, attr: string): CdpNode | null => {
            if (n.attributes && n.attributes.includes(attr)) return n;
            for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
              const f = find(c, attr);
              if (f) return f;
            }
            return null;
          };
          const text = async (attr: string) => {
            const n = find(root, attr);
            if (!n) return null;
            const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendNodeId })) as {
              object: { objectId: string };
            };
            const r = (await cdp.send('Runtime.callFunctionOn', {
              objectId: object.objectId,
              functionDeclaration: 'function(){return this.textContent}',
              returnByValue: true,
            })) as { result: { value: string } };
            return r.result.value;
          };
          return {
            dialog: await text('data-windsock-dialog'),
            banner: await text('data-windsock-banner'),
            note: await text('data-windsock-note'),
          };
        } finally {
          await cdp.detach();
        }
      },
      clickOpens: async (sel) => {
        const [np] = await Promise.all([page.context().waitForEvent('page'), page.click(sel)]);
        await np.waitForURL((u) => u.href !== 'about:blank', { timeout: 10_000 }).catch(() => undefined);
        const u = np.url();
        await np.close();
        return u;
      },
      uiClick: async (name) => {
        const cdp = await page.context().newCDPSession(page);
        try {
          let { nodes } = (await cdp.send('Accessibility.queryAXTree', {
            accessibleName: name,
            role: 'button',
            ...(await docNode(cdp)),
          })) as { nodes: { backendDOMNodeId: number }[] };
          if (!nodes.length)
            ({ nodes } = (await cdp.send('Accessibility.queryAXTree', {
              accessibleName: name,
              role: 'checkbox',
              ...(await docNode(cdp)),
            })) as { nodes: { backendDOMNodeId: number }[] });
          if (!nodes.length) throw new Error(`no button named ${name} in Windsock's UI`);
          const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: nodes[0].backendDOMNodeId })) as {
            model: { content: number[] };
          };
          const [x1, y1, x2, , , y3] = model.content;
          await page.mouse.click((x1 + x2) / 2, (y1 + y3) / 2);
        } finally {
          await cdp.detach();
        }
      },
      raw: page,
    };
  };

  let extPage: import('playwright-core').Page | null = null;
  const extEval = async <T>(fn: string, arg: unknown): Promise<T> => {
    if (!extPage || extPage.isClosed()) {
      extPage = await ctx.newPage();
      await extPage.goto(`${extensionOrigin}/options.html`);
    }
    return extPage.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
  };

  return {
    name: 'chromium',
    extensionOrigin,
    serve: (url, s) => served.set(url, norm(s)),
    open: async (url) => {
      const page = await ctx.newPage();
      const h = wrap(page);
      await page.goto(url, { waitUntil: 'load' });
      return h;
    },
    openExtensionPage: async (path) => {
      const page = await ctx.newPage();
      const h = wrap(page);
      await page.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`);
      return h;
    },
    badge: (tabUrl) => extEval(BADGE_FN, tabUrl),
    badges: () => extEval(BADGES_FN, null),
    tabId: async (tabUrl) => (await extEval<{ tabId: number }>(BADGE_FN, tabUrl)).tabId,
    extEval: (fn, arg) => extEval(fn, arg ?? null),
    reset: async () => {
      const r = await extEval<{ ok?: boolean; error?: string } | undefined>(RESET_FN, null);
      if (!r?.ok) throw new Error(`reset refused: ${JSON.stringify(r)}`);
    },
    reloadExtension: async () => {
      await extEval(`() => { setTimeout(() => chrome.runtime.reload(), 50); return true; }`, null).catch(
        () => undefined,
      );
      extPage = null;
      // No barrier: nothing tells the test that the old service worker is gone before the new one answers; the
      // `until` below then waits on the new one.
      await new Promise((r) => setTimeout(r, 1500));
      await until(
        async () => {
          await extPage?.close().catch(() => undefined);
          extPage = null;
          return (await extEval<string>(`() => chrome.runtime.getManifest().version`, null).catch(() => '')) !== '';
        },
        'the extension back',
        15_000,
      );
    },
    requests,
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox: wait until a tab shows a loaded moz-extension:// page. Evaluating while the navigation commits can
 * fail inside Firefox's remote agent ("right-hand side of 'in' should be an object"); such a failure is a
 * moment, not an answer, so it is retried.
 */
async function extensionPageReady(page: import('puppeteer-core').Page): Promise<void> {
  await until(
    () =>
      page
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
        .catch(() => false),
    'the extension page to load',
    15_000,
  );
}

async function launchFirefox(
  opts: { lang?: string; headless?: boolean; extensionDir?: string } = {},
): Promise<Harness> {
  const puppeteer = (await import('puppeteer-core')).default;
  const dir = opts.extensionDir ?? FIREFOX_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build:test first`);
  const exe = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
  if (!existsSync(exe))
    throw new Error(`Firefox not found at ${exe}: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH.`);
  const uuid = randomUUID();
  const lang = opts.lang ?? 'en-US';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: opts.headless ?? true,
    executablePath: exe,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(dir);
  const extensionOrigin = `moz-extension://${uuid}`;
  const served = new Map<string, Served>();
  const requests: RecordedRequest[] = [];

  const wrap = async (page: import('puppeteer-core').Page): Promise<PageHandle> => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (!SERVED_HOSTS.test(url)) {
        if (url.startsWith('moz-extension:') || url.startsWith('data:') || url.startsWith('about:'))
          void req.continue();
        else void req.abort();
        return;
      }
      let body: string | null = null;
      try {
        body = req.postData() ?? null;
      } catch {
        // WebDriver BiDi does not expose request bodies; the URL and method are recorded all the same.
      }
      const a = answer(served, url, req.method(), body, requests);
      void req.respond({
        status: a.status ?? 200,
        contentType: a.contentType ?? 'text/html; charset=utf-8',
        body: a.body,
      });
    });
    return {
      url: () => page.url(),
      evaluate: (fn) => page.evaluate(`(${fn})()`) as Promise<never>,
      click: (sel) => page.click(sel),
      press: (key) => page.keyboard.press(key as never),
      type: (text) => page.keyboard.type(text),
      waitFor: async (sel, timeout = 10_000) => {
        await page.waitForSelector(sel, { timeout }).catch(async (e: unknown) => {
          throw new Error(`${String(e).split('\n')[0]}\n${await seen(page)}`);
        });
      },
      screenshot: async (path) => {
        await page.screenshot({ path: path as `${string}.png`, fullPage: true });
      },
      selectOption: async (sel, value) => {
        await page.select(sel, value);
      },
      errors,
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
      ui: async () => {
        const d = await uiVia(page.url());
        return { dialog: d.dialog, banner: d.banner, note: d.note };
      },
      clickOpens: async (sel) => {
        // WebDriver BiDi does not report the new tab's address to puppeteer here; the extension's own view of
        // its tabs does (for Mistral's hosts, which are the only ones it may see).
        const TABS = `async () => (await browser.tabs.query({})).map((t) => ({ id: t.id, url: t.url ?? null }))`;
        const before = new Set((await extEval<{ id: number }[]>(TABS, null)).map((t) => t.id));
        await page.click(sel);
        const tab = await until(
          async () =>
            (await extEval<{ id: number; url: string | null }[]>(TABS, null)).find(
              (t) => !before.has(t.id) && t.url && t.url !== 'about:blank',
            ),
          `a new tab from ${sel}`,
          10_000,
        );
        await extEval(`async (id) => browser.tabs.remove(id)`, tab!.id);
        return tab!.url!;
      },
      uiClick: async (name) => {
        const d = await uiVia(page.url());
        const b = d.buttons.find((x) => x.name === name);
        if (!b)
          throw new Error(`no button named ${name} in Windsock's UI (${d.buttons.map((x) => x.name).join(', ')})`);
        await page.mouse.click(b.x, b.y);
      },
      raw: page,
    };
  };

  let extPage: import('puppeteer-core').Page | null = null;
  const extEval = async <T>(fn: string, arg: unknown): Promise<T> => {
    if (!extPage || extPage.isClosed()) {
      extPage = await browser.newPage();
      // Navigations to moz-extension:// never report completion over BiDi: don't await, wait for the content.
      void extPage.goto(`${extensionOrigin}/options.html`).catch(() => undefined);
      await extensionPageReady(extPage);
    }
    return extPage.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
  };

  // Firefox: Windsock's closed shadow root is not in the accessibility tree that WebDriver BiDi searches, so
  // the tests ask the content script itself, through the extension's diagnostic message (extension-only).
  const uiVia = async (url: string) => {
    const tabId = (await extEval<{ tabId: number }>(BADGE_FN, url)).tabId;
    return extEval<{
      dialog: string | null;
      banner: string | null;
      note: string | null;
      buttons: { name: string; x: number; y: number }[];
    }>(`async (id) => (await browser.tabs.sendMessage(id, { type: 'diagnose' })).ui`, tabId);
  };

  return {
    name: 'firefox',
    extensionOrigin,
    serve: (url, s) => served.set(url, norm(s)),
    open: async (url) => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 760 }).catch(() => undefined);
      const h = await wrap(page);
      await page.goto(url, { waitUntil: 'load' });
      return h;
    },
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      const h = await wrap(page);
      void page.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`).catch(() => undefined);
      await extensionPageReady(page);
      return h;
    },
    badge: (tabUrl) => extEval(BADGE_FN, tabUrl),
    badges: () => extEval(BADGES_FN, null),
    tabId: async (tabUrl) => (await extEval<{ tabId: number }>(BADGE_FN, tabUrl)).tabId,
    extEval: (fn, arg) => extEval(fn, arg ?? null),
    reset: async () => {
      const r = await extEval<{ ok?: boolean; error?: string } | undefined>(RESET_FN, null);
      if (!r?.ok) throw new Error(`reset refused: ${JSON.stringify(r)}`);
    },
    reloadExtension: async () => {
      await extEval(`() => { setTimeout(() => browser.runtime.reload(), 50); return true; }`, null).catch(
        () => undefined,
      );
      await extPage?.close().catch(() => undefined);
      extPage = null;
      // No barrier: Firefox gives no event when a reloaded temporary add-on is back; the tests that follow wait
      // on the page's own state (until) before any "nothing was sent" check.
      await new Promise((r) => setTimeout(r, 2000));
    },
    requests,
    close: async () => {
      await browser.close();
    },
  };
}

/** The real URL a fixture of test/fixtures/index.json is served at. */
export function urlOf(file: string): string {
  const e = fixtureEntries().find((x) => x.file === file);
  if (!e) throw new Error(`no fixture ${file} in test/fixtures/index.json`);
  return e.url;
}

/** Serve a fixture at its real URL, open it, and wait until Windsock has painted its badge. */
export async function openFixture(h: Harness, file: string): Promise<PageHandle> {
  const url = urlOf(file);
  h.serve(url, fixture(file));
  const page = await h.open(url);
  await until(async () => (await h.badge(url)).text !== '', `the badge on ${file}`);
  return page;
}

/** The chat app's own account data procedures (mistral-surfaces.md), as the content script asks them. */
export const TRPC_ORG_ALL = 'https://chat.mistral.ai/api/trpc/organization.all';
export const TRPC_SETTINGS_GET = 'https://chat.mistral.ai/api/trpc/settings.get';

/**
 * A tRPC query's answer as the chat app's server gives it: a JSON batch `[{result:{data:{json}}}]`, or with
 * `lines` the JSON-lines stream (`trpc-accept: application/jsonl`) whose later line carries the data.
 */
export function trpcAnswer(json: unknown, lines = false): Served {
  if (!lines) return { contentType: 'application/json', body: JSON.stringify([{ result: { data: { json } } }]) };
  const head = JSON.stringify({ json: { 0: [[0], [null, 0, 0]] } });
  return {
    contentType: 'application/jsonl',
    body: `${head}\n${JSON.stringify({ json: [0, 0, [[{ result: { data: { json } } }]]] })}\n`,
  };
}

/** `settings.get`'s flags (~55 `{value}` on the real app; a few here) with public chat sharing as given. */
export function settingsFlags(publicChatSharingEnabled: unknown): Record<string, { value: unknown }> {
  return {
    appName: { value: 'Vibe' },
    publicChatSharingEnabled: { value: publicChatSharingEnabled },
    memoryEnabled: { value: true },
    webSearchEnabled: { value: true },
    maxAttachmentSizeMb: { value: 50 },
  };
}

/** The recorded requests to one of Mistral's tRPC procedures. */
export function calls(h: Harness, procedure: string): RecordedRequest[] {
  return h.requests.filter((r) => new URL(r.url).pathname === `/api/trpc/${procedure}`);
}

export function launch(name: BrowserName, opts?: { lang?: string; headless?: boolean }): Promise<Harness> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/** Poll `fn` until it returns a truthy value (tests only; the extension itself never polls). */
export async function until<T>(fn: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastErr: unknown;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    await new Promise((r) => setTimeout(r, 100)); // the polling interval of `until`, not a wait for absence
  }
  throw new Error(
    `Timed out waiting for ${what}; last value ${JSON.stringify(last)}${lastErr ? `, last error ${String(lastErr)}` : ''}`,
  );
}

/** Wait until the toolbar badge of the tab at `url` reads `text` (the badge, once read, is returned). */
export function badgeBecomes(h: Harness, url: string, text: string) {
  return until(async () => {
    const b = await h.badge(url);
    return b.text === text ? b : null;
  }, `badge ${text} on ${url}`);
}

/** The browsers to run (`WINDSOCK_BROWSERS=chromium,firefox`); a name that is neither fails the run, never runs the other. */
export const BROWSERS: BrowserName[] = (() => {
  const names = process.env.WINDSOCK_BROWSERS?.split(',').map((n) => n.trim()) ?? ['chromium', 'firefox'];
  const wrong = names.filter((n) => n !== 'chromium' && n !== 'firefox');
  if (wrong.length || !names.length)
    throw new Error(
      `WINDSOCK_BROWSERS: ${wrong.join(', ') || '(empty)'} is not a browser here; use chromium, firefox or both`,
    );
  return names as BrowserName[];
})();

/**
 * A barrier before counting requests ("nothing was sent"): the page sends a sentinel request to Mistral's API
 * path after everything it has already done, and this resolves once the harness has recorded it. A request
 * the page issued before the sentinel (a click that was not stopped, a duplicate after a confirm) has then been
 * recorded too, however loaded the machine is; a fixed sleep would let a late one arrive after the check.
 * The sentinel goes to `/api/trpc/test.sentinel`, which `calls()` for any real procedure never counts.
 */
export async function barrier(h: Harness, p: PageHandle, what = 'the sentinel request'): Promise<void> {
  const id = randomUUID();
  await p.evaluate(
    `() => { void fetch('/api/trpc/test.sentinel?id=${id}', { method: 'POST', body: '{}' }).catch(() => {}); }`,
  );
  await until(async () => h.requests.some((r) => r.url.includes(`/api/trpc/test.sentinel?id=${id}`)), what);
}

/**
 * A pause where no barrier exists: Windsock does not acknowledge a gesture it lets through or ignores, nor tell
 * the page when its UI has settled, so a check that something did NOT appear can only wait. Every use says why.
 */
export const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface NativeDialogs {
  messages: string[];
  /** What the next native dialogs get. */
  answer: 'accept' | 'dismiss';
}

/** Answer the browser's own dialogs (confirm()) on this page, and keep their text. */
export function nativeDialogs(p: PageHandle): NativeDialogs {
  const state: NativeDialogs = { messages: [], answer: 'dismiss' };
  const page = p.raw as {
    on(ev: 'dialog', cb: (d: { message(): string; accept(): Promise<void>; dismiss(): Promise<void> }) => void): void;
  };
  page.on('dialog', (d) => {
    state.messages.push(d.message());
    void (state.answer === 'accept' ? d.accept() : d.dismiss()).catch(() => undefined);
  });
  return state;
}
