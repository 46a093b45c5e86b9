/**
 * Two builds of the popup, interleaved open by open in one Chromium: `npx jiti scripts/bench-popup-ab.ts <dirA>
 * <dirB>` (two test builds, e.g. `.output/chrome-mv3-test` copied aside before and after a change). On a shared
 * machine, separate `npm run bench` runs drift by tens of ms; here both extensions share the browser and the
 * moment, each open alternating A B / B A. Prints, per build, medians of: navigation start → verdict painted
 * (`windsock-popup-rendered`), the first script's and the app's start (where marked), domInteractive and
 * loadEventEnd. The toolbar popup (`chrome.action.openPopup()` on the active chat tab) by default; `--tab`
 * opens `popup.html?tab=` in a tab instead (what `npm run bench` times). N (default 30) opens each, after one
 * uncounted warm-up each.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Worker } from 'playwright-core';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
const CHAT = 'https://chat.mistral.ai/chat/00000000-0000-4000-8000-00000000beef';
const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/** Evaluated in the popup: waits for the verdict's mark, then reads the page's timings. */
const WAIT = `new Promise((resolve) => {
  const done = () => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    if (Number.isNaN(at('windsock-popup-rendered'))) return false;
    const nav = performance.getEntriesByType('navigation')[0];
    resolve([at('windsock-popup-rendered'), at('windsock-popup-boot'), at('windsock-popup-start'), nav.domInteractive, nav.loadEventEnd, document.querySelector('main')?.dataset.verdict ?? null]);
    return true;
  };
  if (!done()) new PerformanceObserver(() => void done()).observe({ type: 'mark', buffered: true });
})`;

async function main() {
  const dirs = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map((d) => resolve(d));
  const inTab = process.argv.includes('--tab');
  const N = Number(process.env.N ?? 30);
  if (dirs.length !== 2) throw new Error('usage: jiti scripts/bench-popup-ab.ts <dirA> <dirB> [--tab]');
  const html = dirs.map((d) => readFileSync(join(d, 'popup.html'), 'utf8'));
  if (html[0] === html[1]) throw new Error('both builds have the same popup.html: nothing tells them apart');
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'windsock-ab-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dirs.join(',')}`,
      `--load-extension=${dirs.join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
  try {
    await ctx.route(/^https:\/\/chat\.mistral\.ai\//, (r) =>
      r.request().url().includes('/api/')
        ? r.fulfill({ status: 200, contentType: 'application/json', body: '{}' })
        : r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>chat</title><p>hi</p>' }),
    );
    while (ctx.serviceWorkers().length < 2) await ctx.waitForEvent('serviceworker');
    // Which service worker is which build: its popup.html, read from its own package.
    const sws: Worker[] = [];
    for (const sw of ctx.serviceWorkers()) {
      const own = (await sw.evaluate(async () => (await fetch('/popup.html')).text())) as string;
      sws[html.indexOf(own)] = sw;
    }
    if (!sws[0] || !sws[1]) throw new Error('could not tell the two extensions apart');
    const chat = await ctx.newPage();
    await chat.goto(CHAT);
    const cdp = await ctx.newCDPSession(chat);
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
    const evaluate = (sessionId: string) =>
      new Promise<{ result?: { result?: { value?: unknown } } }>((done) => {
        const id = ++seq;
        answers.set(id, done as (m: unknown) => void);
        void send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({
            id,
            method: 'Runtime.evaluate',
            params: { expression: WAIT, returnByValue: true, awaitPromise: true },
          }),
        });
      });
    type Row = [number, number, number, number, number, string | null];
    const open = async (sw: Worker): Promise<Row> => {
      const id = new URL(sw.url()).host;
      await chat.bringToFront();
      if (inTab) {
        const tabId = (await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, CHAT)) as number;
        const p = await ctx.newPage();
        await p.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
        const row = (await p.evaluate(WAIT)) as Row;
        await p.close();
        return row;
      }
      if (
        !(await sw.evaluate(() =>
          chrome.action.openPopup().then(
            () => true,
            () => false,
          ),
        ))
      )
        throw new Error('chrome.action.openPopup() is not available in this Chromium');
      let target: { targetId: string } | undefined;
      for (let k = 0; k < 300 && !target; k++) {
        const { targetInfos } = (await send('Target.getTargets')) as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${id}/popup.html`));
        if (!target) await new Promise((r) => setTimeout(r, 10));
      }
      if (!target) throw new Error('the toolbar popup did not open');
      const { sessionId } = (await send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
        sessionId: string;
      };
      const row = (await evaluate(sessionId)).result?.result?.value as Row;
      await send('Target.closeTarget', { targetId: target.targetId });
      await new Promise((r) => setTimeout(r, 100));
      return row;
    };
    const rows: Row[][] = [[], []];
    for (let i = 0; i < N + 1; i++)
      for (const k of i % 2 ? [0, 1] : [1, 0]) {
        const row = await open(sws[k]);
        if (i > 0) rows[k].push(row);
      }
    console.log(
      `${inTab ? 'popup.html?tab= in a tab' : 'the toolbar popup'}, ${N} opens each, interleaved; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );
    for (const k of [0, 1]) {
      // NaN (a mark the build does not set) comes back as null.
      const col = (j: number) =>
        median(rows[k].map((r) => (typeof r[j] === 'number' ? (r[j] as number) : NaN))).toFixed(1);
      const verdicts = [...new Set(rows[k].map((r) => r[5]))].join(',');
      console.log(
        `${dirs[k]}: verdict painted ${col(0)} ms; first script ${col(1)}, app ${col(2)}, domInteractive ${col(3)}, load ${col(4)} (verdicts shown: ${verdicts})`,
      );
    }
  } finally {
    await ctx.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
