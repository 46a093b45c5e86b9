/**
 * `npm run bench`: figures, not tests. Builds nothing itself (npm run bench builds first) and prints:
 * 1. bundle sizes per entry (raw and gzip) of the production build, and per page: all the content script a
 *    chat page, an Admin Panel page and a Studio (console) page load, minified, against the budgets (chat page
 *    40 kB, Admin Panel page 25 kB); and the on-demand scripts (lib/page/on-demand.ts), which a page loads only
 *    when a warning is first shown (the dialog) or a diagnosis is requested (the skeleton);
 * 2. the streaming overhead: a replica chat page streams 3,000 tokens (batched per animation frame, paragraphs,
 *    lists, code, a new action bar at the end, 40 earlier turns) in one Chromium with the extension loaded,
 *    served once where the content script does not run (A: https://example.com/…) and once where it does
 *    (B: https://chat.mistral.ai/chat/…), interleaved A B A B…, so both sides share one browser and one machine
 *    state; DevTools Protocol performance metrics over the streaming window, medians (min–max) and B/A ratios;
 *    long tasks; the content script's own counters;
 * 3. time from content script start to its first report (the first verdict on the badge; it includes asking the
 *    background for the host's site rules, also printed, and, since issue 13, serializing the page and the
 *    background's reading of it: in Chrome, in its offscreen document); the page's serialization time, and from opening the popup to its first render;
 * 4. the personal-data scanner's figures, when lib/scan is present; its slices on 1 MB of each worst-case shape
 *    in Chromium (scripts/bench-scan-slices.ts: what the background runs); and the page's longest task while the
 *    composer guard has 1 MB checked by the background on send, with the background's scan time beside it
 *    (scripts/bench-composer.ts);
 * 5. control detection on a privacy page with 500 … 4,000 labelled controls (scripts/bench-controls.ts).
 * RUNS (default 7 per side) and STREAM_TOKENS can be set in the environment; BENCH_ONLY=sizes prints the sizes only.
 * RUNS (default 9 per side) and STREAM_TOKENS can be set in the environment; BENCH_ONLY=popup prints the sizes
 * and the popup's figures only, BENCH_ONLY=controls skips the streaming and the scanner.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

// Evaluated in the extension's service worker, where `chrome` exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
// Sizes: the production build (`.output/chrome-mv3`). Timings and counters: the test build, which keeps them.
import { CHROME_DIR, PROD_CHROME_DIR, ROOT } from '../test/e2e/harness';
import { STREAM_TOKENS, streamPage } from './stream-page';
import { ON_DEMAND_FILES, type OnDemandPart } from '../lib/messages';

/** When each on-demand script (lib/page/on-demand.ts) is loaded into a page: not at load, not in the budgets. */
const ON_DEMAND_WHEN: Record<OnDemandPart, string> = {
  dialog: 'loaded when a warning is first shown',
  skeleton: 'loaded when a diagnosis is requested',
};

const RUNS = Number(process.env.RUNS ?? 9);
const TOKENS = Number(process.env.STREAM_TOKENS ?? STREAM_TOKENS);
const CHAT = 'https://chat.mistral.ai/chat/00000000-0000-4000-8000-00000000beef';
const ELSEWHERE = 'https://example.com/chat/00000000-0000-4000-8000-00000000beef';
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** The pages whose content scripts are budgeted, by URL (matched against the manifest's `content_scripts`). */
const PAGES: [string, string, number | undefined][] = [
  ['chat page (chat.mistral.ai)', 'https://chat.mistral.ai/chat/00000000-0000-4000-8000-00000000beef', 40_000],
  ['Admin Panel page (admin.mistral.ai)', 'https://admin.mistral.ai/organization/api/privacy', 25_000],
  ['Studio page (console.mistral.ai)', 'https://console.mistral.ai/home', undefined],
];

/** Does a manifest match pattern (`https://host/*`) cover this URL? */
const covers = (pattern: string, url: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url);

function sizes() {
  console.log('\n## Bundle sizes (Chrome MV3 production build)\n');
  const rows: [string, number, number, string][] = [];
  const add = (name: string, files: string[], budget?: number) => {
    const buf = Buffer.concat(files.map((f) => readFileSync(join(PROD_CHROME_DIR, f))));
    const status = budget ? (buf.length <= budget ? `within ${kB(budget)}` : `OVER ${kB(budget)} budget`) : '';
    rows.push([name, buf.length, gzipSync(buf).length, status]);
  };
  const onDemand = new Set(Object.values(ON_DEMAND_FILES).map((f) => f.replace(/^\//, '')));
  for (const f of readdirSync(join(PROD_CHROME_DIR, 'content-scripts')).filter((x) => x.endsWith('.js')))
    if (!onDemand.has(`content-scripts/${f}`)) add(`content script ${f}`, [`content-scripts/${f}`]);
  // Budget by page, not by script: everything a page of each kind loads.
  const manifest = JSON.parse(readFileSync(join(PROD_CHROME_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  for (const [name, url, budget] of PAGES) {
    const js = (manifest.content_scripts ?? [])
      .filter((cs) => cs.matches.some((m) => covers(m, url)))
      .flatMap((cs) => cs.js ?? []);
    add(`${name}: ${js.map((f) => f.replace('content-scripts/', '')).join(' + ') || 'none'}`, [...new Set(js)], budget);
  }
  // Not in the manifest, not in any page's total: injected into the page only when needed.
  for (const [part, file] of Object.entries(ON_DEMAND_FILES) as [OnDemandPart, string][])
    add(`on demand: ${file.replace('/content-scripts/', '')}, ${ON_DEMAND_WHEN[part]}`, [file.replace(/^\//, '')]);
  add('background', ['background.js']);
  // offscreen: Chrome's offscreen document, where the pages the reading scripts send are read (issue 13).
  for (const page of ['popup', 'options', 'rights', 'offscreen']) {
    const html = join(PROD_CHROME_DIR, `${page}.html`);
    if (!existsSync(html)) continue;
    const refs = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    add(`${page} page (all its scripts)`, [...new Set(refs)]);
  }
  console.log('| entry | raw | gzip | budget |\n|---|---|---|---|');
  for (const [n, raw, gz, st] of rows) console.log(`| ${n} | ${kB(raw)} | ${kB(gz)} | ${st} |`);
}

async function launch(withExtension: boolean): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const profile = mkdtempSync(join(tmpdir(), `windsock-bench-${withExtension ? 'B' : 'A'}-`));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args: [
      ...(withExtension ? [`--disable-extensions-except=${CHROME_DIR}`, `--load-extension=${CHROME_DIR}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 760 },
  });
  const body = streamPage(40, process.env.BANNER !== '0');
  await ctx.route(/^https:\/\/(chat\.mistral\.ai|example\.com)\//, (r) =>
    r.request().url().includes('/api/')
      ? r.fulfill({ status: 200, contentType: 'application/json', body: '{}' })
      : r.fulfill({ status: 200, contentType: 'text/html', body }),
  );
  if (withExtension) {
    if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker');
  }
  return ctx;
}

type Metrics = Record<string, number>;

async function oneRun(ctx: BrowserContext, withExtension: boolean) {
  const page: Page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(withExtension ? CHAT : ELSEWHERE, { waitUntil: 'load' });
  await page.waitForTimeout(600); // the content script's start-up work is done before the window opens
  const get = async (): Promise<Metrics> =>
    Object.fromEntries(
      ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map(
        (m) => [m.name, m.value],
      ),
    );
  const before = await get();
  const lt0 = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
  const t0 = Date.now();
  await page.evaluate(
    (n) => (window as unknown as { startStream(n: number, k: number): void }).startStream(n, 10),
    TOKENS,
  );
  await page.waitForFunction(() => (window as unknown as { __stream: { done: boolean } }).__stream.done, undefined, {
    timeout: 120_000,
    polling: 100,
  });
  const wall = Date.now() - t0;
  const after = await get();
  const longTasks = (await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks)) - lt0;
  const d = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  const out = {
    ScriptDuration: d('ScriptDuration') * 1000,
    TaskDuration: d('TaskDuration') * 1000,
    RecalcStyleDuration: d('RecalcStyleDuration') * 1000,
    LayoutDuration: d('LayoutDuration') * 1000,
    longTasks,
    wall,
  };
  let counters: Record<string, number> | null = null;
  if (withExtension) {
    // The content script's own counters, through the extension's diagnostic message.
    const sw = ctx.serviceWorkers()[0];
    counters = (await sw.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id === undefined ? null : (await chrome.tabs.sendMessage(tab.id, { type: 'diagnose' }))?.counters;
    }, CHAT)) as Record<string, number> | null;
  }
  await cdp.detach();
  await page.close();
  return { ...out, counters };
}

async function streaming() {
  console.log(
    `\n## Streaming overhead (Chromium, ${TOKENS} tokens, 10 per frame, 40 earlier turns; ${RUNS} runs each, interleaved)\n`,
  );
  const B = await launch(true);
  const a: Awaited<ReturnType<typeof oneRun>>[] = [];
  const b: Awaited<ReturnType<typeof oneRun>>[] = [];
  await oneRun(B, false); // warm-up, not counted
  await oneRun(B, true);
  for (let i = 0; i < RUNS; i++) {
    a.push(await oneRun(B, false));
    b.push(await oneRun(B, true));
  }
  const keys = ['ScriptDuration', 'TaskDuration', 'RecalcStyleDuration', 'LayoutDuration', 'wall'] as const;
  console.log(
    '| metric (ms) | A: not on a Mistral host, median (min–max) | B: on chat.mistral.ai, median (min–max) | B/A |\n|---|---|---|---|',
  );
  const range = (xs: number[]) =>
    `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  for (const k of keys) {
    const xa = a.map((r) => r[k]);
    const xb = b.map((r) => r[k]);
    console.log(`| ${k} | ${range(xa)} | ${range(xb)} | ${(median(xb) / median(xa)).toFixed(3)} |`);
  }
  console.log(
    `| long tasks (total over runs) | ${a.reduce((s, r) => s + r.longTasks, 0)} | ${b.reduce((s, r) => s + r.longTasks, 0)} | |`,
  );
  const c = b.map((r) => r.counters).filter(Boolean) as Record<string, number>[];
  if (c.length) {
    const last = c[c.length - 1];
    console.log(
      `\nContent script counters on the streaming page (one run, whole page life): detections ${last.detections}, reports ${last.reports}, observer callbacks ${last.observerCallbacks}, mutation records ${last.mutationRecords}, observer time ${last.observerMs.toFixed(2)} ms (longest ${last.longestObserverMs.toFixed(2)} ms).`,
    );
    // Issue 13: the page is serialized for the background where it used to be read in the page (never per token).
    const ser = c.map((x) => x.serializeMs ?? NaN).filter((x) => !Number.isNaN(x));
    if (ser.length)
      console.log(
        `Page serialized for the background (lib/page/serialize.ts), per page load: ${last.reports} page(s) sent, serialization ${median(ser).toFixed(2)} ms in all (median over ${ser.length} loads; longest once ${Math.max(...c.map((x) => x.longestSerializeMs ?? 0)).toFixed(2)} ms), last page ${(last.lastPageChars / 1000).toFixed(1)} k characters of JSON.`,
      );
    const firsts = c.map((x) => (x.firstReportAt ?? NaN) - x.startedAt).filter((x) => !Number.isNaN(x));
    console.log(
      `Content script start → first report acknowledged by the background (badge set): median ${median(firsts).toFixed(1)} ms over ${firsts.length} loads.`,
    );
    // Of which: the site rules' round trip to the background (get-rules), before anything is read.
    const rules = c.map((x) => (x.rulesAt ?? NaN) - x.startedAt).filter((x) => !Number.isNaN(x));
    if (rules.length)
      console.log(`Content script start → its host's site rules received: median ${median(rules).toFixed(1)} ms.`);
  }
  await popupBench(B);
  await B.close();
}

/**
 * The popup: from navigation start to the verdict painted (the `windsock-popup-rendered` mark, set after the
 * first render that shows the verdict, in the language's words), median over RUNS opens of a chat tab's popup,
 * each counted from the popup page's own navigation start; the browser's first contentful paint of the same
 * opens (its paint timing, independent of Windsock's marks); when the popup's module (`windsock-popup-start`;
 * and a first script's `windsock-popup-boot` mark, if a build has one: see scripts/bench-popup-ab.ts) started, and the
 * popup's own share (from its module's start to the verdict painted); and, interleaved with those
 * opens, the same for an empty extension page (one empty module script, written beside the build for the run and
 * removed after): the floor any extension page pays on this machine at this moment, so a loaded machine shows as
 * such. Then the script the popup loads: every .js it requests, counted in the browser, and the JSON catalogs.
 */
/**
 * The toolbar popup itself, as a person opens it: `chrome.action.openPopup()` from the service worker while the
 * chat tab is the active one (the popup finds its tab by itself, no `?tab=`, and opens no tab, so the
 * background sees no tab events), read through the DevTools protocol (the popup is a target Playwright does not
 * expose as a page): one evaluation, once attached, that waits for the verdict's mark. Navigation start → verdict
 * painted, per open; null when this Chromium cannot open the popup (headless builds without it).
 */
async function toolbarPopupRuns(
  B: BrowserContext,
  chat: Page,
  runs: number,
  expected: string | undefined,
): Promise<number[] | null> {
  const sw = B.serviceWorkers()[0];
  const cdp = await B.newCDPSession(chat);
  type Cdp = { send(method: string, params?: object): Promise<unknown> };
  const send = (method: string, params?: object) => (cdp as unknown as Cdp).send(method, params);
  let seq = 0;
  const answers = new Map<number, (m: unknown) => void>();
  (cdp as unknown as { on(e: string, f: (e: { message: string }) => void): void }).on(
    'Target.receivedMessageFromTarget',
    (e) => {
      const m = JSON.parse(e.message) as { id?: number };
      if (m.id !== undefined) answers.get(m.id)?.(m);
    },
  );
  const evaluate = (sessionId: string, expression: string) =>
    new Promise<{ result?: { result?: { value?: unknown } } }>((resolve) => {
      const id = ++seq;
      answers.set(id, resolve as (m: unknown) => void);
      void send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true, awaitPromise: true },
        }),
      });
    });
  const WAIT = `new Promise((resolve) => {
    const done = () => { const e = performance.getEntriesByName('windsock-popup-rendered')[0]; if (e) { resolve([e.startTime, document.querySelector('main')?.dataset.verdict ?? null]); return true; } return false; };
    if (!done()) new PerformanceObserver(() => void done()).observe({ type: 'mark', buffered: true });
  })`;
  const out: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      await chat.bringToFront();
      const opened = (await sw.evaluate(async () => {
        try {
          await chrome.action.openPopup();
          return true;
        } catch {
          return false;
        }
      })) as boolean;
      if (!opened) return null;
      let target: { targetId: string } | undefined;
      for (let k = 0; k < 200 && !target; k++) {
        const { targetInfos } = (await send('Target.getTargets')) as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        target = targetInfos.find((t) => t.type === 'page' && t.url.endsWith('/popup.html'));
        if (!target) await new Promise((r) => setTimeout(r, 10));
      }
      if (!target) return null;
      const { sessionId } = (await send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
        sessionId: string;
      };
      const [at, verdict] = ((await evaluate(sessionId, WAIT)).result?.result?.value ?? [NaN, null]) as [
        number,
        string | null,
      ];
      // The chat tab's verdict, as its `?tab=` popup showed it: the popup found the right tab by itself.
      if (verdict !== expected) throw new Error(`toolbar popup showed ${verdict}, the chat tab's popup ${expected}`);
      // The first open warms the browser's caches, as for the tab opens: not counted.
      if (i > 0) out.push(at);
      await send('Target.closeTarget', { targetId: target.targetId });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return out;
}

async function popupBench(B: BrowserContext) {
  const sw = B.serviceWorkers()[0];
  const ext = `chrome-extension://${new URL(sw.url()).host}`;
  const chat = await B.newPage();
  await chat.goto(CHAT);
  const tabId = (await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, CHAT)) as number;
  const { writeFileSync, rmSync } = await import('node:fs');
  const EMPTY = ['_bench-empty.html', '_bench-empty.js'];
  writeFileSync(
    join(CHROME_DIR, EMPTY[0]),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/_bench-empty.js"></script></head><body></body></html>',
  );
  writeFileSync(
    join(CHROME_DIR, EMPTY[1]),
    "performance.mark('windsock-popup-start'); performance.mark('windsock-popup-rendered');",
  );
  const total: number[] = [];
  const own: number[] = [];
  const fcp: number[] = [];
  const boot: number[] = [];
  const start: number[] = [];
  const floor: number[] = [];
  const scripts = new Map<string, number>();
  const json = new Map<string, number>();
  const mark = (p: Page) =>
    p.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return {
        boot: at('windsock-popup-boot'),
        start: at('windsock-popup-start'),
        rendered: at('windsock-popup-rendered'),
        // The browser's own paint timing: nothing is drawn before the verdict, so its first contentful paint
        // is the verdict's.
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        res: performance.getEntriesByType('resource').map((e) => e.name),
      };
    });
  /** The verdict the chat tab's popup showed (the toolbar popup must show the same). */
  let chatVerdict: string | undefined;
  /** One open of the popup; `watch`: record what it requests (the uncounted warm-up opens only). */
  const popupRun = async (lang: string, watch: boolean) => {
    const p = await B.newPage();
    // What the page requests, seen by the DevTools protocol (Chromium keeps no resource timing for an
    // extension's own files).
    const cdp = watch ? await B.newCDPSession(p) : null;
    const requested: string[] = [];
    cdp?.on('Network.requestWillBeSent', (e: { request: { url: string } }) => void requested.push(e.request.url));
    await cdp?.send('Network.enable');
    await p.goto(`${ext}/popup.html?tab=${tabId}`);
    await p.waitForFunction(() => performance.getEntriesByName('windsock-popup-rendered').length > 0);
    // The paint entry comes with the frame that shows the verdict, a little after the popup's own mark.
    await p
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
        timeout: 2000,
      })
      .catch(() => undefined);
    const m = { ...(await mark(p)), res: requested };
    await cdp?.detach();
    const shown = await p.evaluate(() => document.documentElement.lang);
    if (shown !== lang) throw new Error(`popup in ${shown}, not ${lang}`);
    chatVerdict = await p.evaluate(() => document.querySelector('main')?.dataset.verdict);
    await p.close();
    return m;
  };
  const otherLang: number[] = [];
  let toolbar: number[] | null | undefined;
  const otherJson = new Map<string, number>();
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const e = await B.newPage();
      await e.goto(`${ext}/${EMPTY[0]}`);
      await e.waitForFunction(() => performance.getEntriesByName('windsock-popup-rendered').length > 0);
      const em = await mark(e);
      await e.close();
      const m = await popupRun('en', i === 0);
      // The first open of each warms the browser's code cache, as any popup after the first: not counted.
      if (i > 0) {
        total.push(m.rendered);
        own.push(m.rendered - m.start);
        fcp.push(m.fcp);
        boot.push(m.boot);
        start.push(m.start);
        floor.push(em.start);
      }
      for (const u of m.res) {
        const path = new URL(u).pathname.replace(/^\//, '');
        const size = existsSync(join(CHROME_DIR, path)) ? readFileSync(join(CHROME_DIR, path)).length : 0;
        if (path.endsWith('.js')) scripts.set(path, size);
        if (path.endsWith('.json')) json.set(path, size);
      }
    }
    // A language chosen in the options that is not the browser's: its catalog (and English's) are fetched.
    const setLanguage = async (language: string) => {
      const p = await B.newPage();
      await p.goto(`${ext}/${EMPTY[0]}`);
      await p.evaluate(
        (l) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { language: l } }),
        language,
      );
      await p.close();
    };
    toolbar = await toolbarPopupRuns(B, chat, RUNS, chatVerdict);
    await setLanguage('fr');
    for (let i = 0; i < RUNS + 1; i++) {
      const m = await popupRun('fr', i === 0);
      if (i > 0) otherLang.push(m.rendered);
      for (const u of m.res) {
        const path = new URL(u).pathname.replace(/^\//, '');
        if (path.endsWith('.json'))
          otherJson.set(path, existsSync(join(CHROME_DIR, path)) ? readFileSync(join(CHROME_DIR, path)).length : 0);
      }
    }
    await setLanguage('auto');
  } finally {
    for (const f of EMPTY) rmSync(join(CHROME_DIR, f), { force: true });
  }
  await chat.close();
  // The page's own <script> and modulepreload links (its whole static module graph; it imports nothing
  // dynamically) are not resource-timing entries in Chromium for an extension's files: add them.
  const html = readFileSync(join(CHROME_DIR, 'popup.html'), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g))
    scripts.set(m[1], readFileSync(join(CHROME_DIR, m[1])).length);
  const sum = (xs: Map<string, number>) => [...xs.values()].reduce((s, n) => s + n, 0);
  const list = (xs: Map<string, number>) => [...xs].map(([n, s]) => `${n} ${kB(s)}`).join(', ');
  const ms = (xs: number[]) =>
    `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  // Every figure below counts from the popup page's own navigation start (performance.timeOrigin), in a tab
  // opened by the benchmark: the background also handles that tab's events meanwhile, which a toolbar popup
  // does not cause.
  console.log(
    `Popup opened → verdict painted (navigation start → the popup's mark after the verdict's first render has had its frame): ${ms(total)} over ${total.length} opens.`,
  );
  if (fcp.every((x) => !Number.isNaN(x)))
    console.log(
      `  the browser's own first contentful paint (the verdict is the first thing drawn; comes a little after that mark): ${ms(fcp)}.`,
    );
  if (boot.every((x) => !Number.isNaN(x)))
    console.log(`  the popup's first script (a build with a popup-boot.js) started at: ${ms(boot)}.`);
  if (own.every((x) => !Number.isNaN(x)))
    console.log(
      `  its module (Preact, the components) started at ${ms(start)}; from there to the verdict painted (the popup's own work): ${ms(own)}.`,
    );
  console.log(`  an empty extension page, opened between them (navigation → its script running): ${ms(floor)}.`);
  console.log(
    toolbar
      ? `The toolbar popup itself (chrome.action.openPopup() on the active chat tab: no ?tab=, no tab opened, no tab events for the background), navigation start → verdict painted: ${ms(toolbar)} over ${toolbar.length} opens.`
      : 'The toolbar popup itself: not measured (chrome.action.openPopup() is not available in this Chromium).',
  );
  console.log(
    `Popup script loaded: ${kB(sum(scripts))} (${list(scripts)}); catalogs fetched: ${json.size ? list(json) : "none (the browser's own catalog served the language)"}.`,
  );
  console.log(
    `With French chosen in the options (not the browser's language): ${ms(otherLang)}; catalogs fetched: ${otherJson.size ? list(otherJson) : 'none'}.`,
  );
}

async function scanner() {
  const path = join(ROOT, 'scripts/bench-scan.ts');
  if (!existsSync(path)) return;
  console.log('\n## Personal-data scanner\n');
  const mod = (await import(path)) as { runScanBench?: () => unknown };
  if (typeof mod.runScanBench === 'function') await mod.runScanBench();
  const slices = join(ROOT, 'scripts/bench-scan-slices.ts');
  if (!existsSync(slices)) return;
  console.log('\n## The scanner in slices on 1 MB, as the background runs it (Chromium; issue 13)\n');
  const { runSliceBench } = (await import(slices)) as typeof import('./bench-scan-slices');
  await runSliceBench();
  console.log("\n## The page's longest task while the composer guard checks 1 MB on send (Chromium; issue 13)\n");
  const { runComposerBench } = (await import(
    join(ROOT, 'scripts/bench-composer.ts')
  )) as typeof import('./bench-composer');
  await runComposerBench();
}

async function main() {
  if (!existsSync(join(PROD_CHROME_DIR, 'manifest.json')) || !existsSync(join(CHROME_DIR, 'manifest.json')))
    throw new Error('no build: run npm run build:chrome and wxt build --mode test first (npm run bench does both)');
  console.log('# Windsock benchmark');
  sizes();
  if (process.env.BENCH_ONLY === 'sizes') return;
  if (process.env.BENCH_ONLY === 'popup') {
    const ctx = await launch(true);
    await popupBench(ctx);
    await ctx.close();
    return;
  }
  if (process.env.BENCH_ONLY !== 'controls') {
    await streaming();
    await scanner();
  }
  console.log('\n## Control detection on a privacy page with many labelled controls\n');
  const { runControlsBench } = (await import(
    join(ROOT, 'scripts/bench-controls.ts')
  )) as typeof import('./bench-controls');
  await runControlsBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
