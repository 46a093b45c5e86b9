/**
 * The on-demand scripts (lib/page/on-demand.ts), end to end in Chromium and Firefox: the warning dialog and the
 * diagnostic report's page skeleton are not in the content scripts a page loads; the background injects them
 * into the asking frame, in the content scripts' isolated world, when they are needed.
 *
 * 1. A fresh chat page: no dialog code in its isolated world until the first guarded gesture; that first
 *    warning still shows (Windsock's own dialog), cancel sends nothing, confirm sends exactly once. The reading
 *    script (chat.js, a manifest content script that never asks for the dialog) then sees the dialog's API on its
 *    own global: the injected script and both manifest content scripts share one isolated world in this browser.
 *    The page itself sees neither the API nor any element or script of Windsock's before the warning.
 * 2. The injection refused (a test-build switch on the background's global): the first warning is asked by the
 *    browser's own confirm(), with the warning's words; dismissing it sends nothing, accepting sends once.
 * 3. The skeleton: absent from the reading scripts' world until a diagnosis is asked for, then in the report, on
 *    a chat page, an Admin Panel page and a Studio page; with the injection refused, the report comes without it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  barrier,
  calls,
  fixture,
  launch,
  openFixture,
  until,
  urlOf,
  type Harness,
  nativeDialogs,
  type PageHandle,
} from './harness';

const FILE = 'vibe-chat.free.en.html';
const LIKE = '[data-message-author-role="assistant"] button[aria-label="Like"]';
const RATINGS = 'message.updateReaction';
const REFUSE = '__windsockRefuseInjection';

interface Diag {
  parts?: string[];
  skeleton: { t: string } | null;
  surface: string | null;
  ui: { dialog: string | null };
}

describe.each(BROWSERS)('on-demand scripts in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    h.requests.length = 0;
  });

  /**
   * Make the background refuse (or accept again) every injection: a test build's switch on its global, set in
   * the service worker (Chromium, reached through the page's browser context) or the background page (Firefox).
   */
  const refuse = async (p: PageHandle, on: boolean) => {
    const set = `globalThis.${REFUSE} = ${on}`;
    if (name === 'chromium') {
      const sw = (p.raw as import('playwright-core').Page).context().serviceWorkers()[0];
      await sw.evaluate(`(() => { ${set}; return true; })()`);
    } else {
      await h.extEval(`async () => { const bg = await browser.runtime.getBackgroundPage(); bg.${set}; return true; }`);
    }
  };
  const diagnose = async (url: string) =>
    h.extEval<Diag>(
      `async (id) => { const b = globalThis.browser?.tabs ? globalThis.browser : globalThis.chrome; return b.tabs.sendMessage(id, { type: 'diagnose' }); }`,
      await h.tabId(url),
    );
  const url = urlOf(FILE);
  const open = async () => {
    // The page records what of Windsock's it can see: globals, elements added to the root, scripts added.
    h.serve(
      url,
      fixture(FILE).replace(
        '<head>',
        `<head><script>window.__seen = []; new MutationObserver((rs) => { for (const r of rs) for (const n of r.addedNodes) if (n.nodeType === 1 && (n.parentNode === document.documentElement || n.tagName === 'SCRIPT')) window.__seen.push(n.tagName); }).observe(document, { childList: true, subtree: true });</script>`,
      ),
    );
    const p = await h.open(url);
    await until(async () => (await h.badge(url)).text === 'ON', 'badge ON');
    return p;
  };
  const pageSees = (p: PageHandle) =>
    p.evaluate<{ api: string[]; added: string[] }>(
      `() => ({ api: ['__windsockDialog', '__windsockSkeleton', '__windsockUi'].filter((k) => k in window), added: window.__seen.filter((t) => t !== 'BODY' && t !== 'HEAD') })`,
    );

  it('the first warning on a fresh page loads the dialog, shows it, and only then; the page sees none of it', async () => {
    const p = await open();
    // Before any warning: the dialog's code is not in the page's isolated world (the reading script would see it).
    expect((await diagnose(url)).parts).not.toContain('dialog');
    const before = await pageSees(p);
    expect(before.api).toEqual([]);

    await p.click(LIKE);
    const text = await until(async () => (await p.ui()).dialog, 'the first warning, in Windsock’s own dialog');
    expect(text).toMatch(/3\.4\.3/);
    // Injected into the isolated world the manifest's content scripts share: the reading script sees the API the
    // UI script asked for.
    expect((await diagnose(url)).parts).toContain('dialog');
    // The page sees what it saw before (Windsock's one host, here already made for the banner) and nothing
    // more: no global, no script element, no new element on the root.
    const seen = await pageSees(p);
    expect(seen.api).toEqual([]);
    expect(seen.added).toEqual(before.added);
    expect(seen.added.filter((t) => t === 'DIV')).toHaveLength(1);

    await p.uiClick('Cancel');
    await until(async () => (await p.ui()).dialog === null, 'the warning closed');
    await barrier(h, p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    await p.click(LIKE);
    await until(async () => (await p.ui()).dialog, 'the second warning');
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, RATINGS).length === 1, 'one rating request');
    await barrier(h, p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it("the dialog cannot be injected: the browser's own confirm() asks; dismiss sends nothing, accept sends once", async () => {
    const p = await open();
    await refuse(p, true);
    const dialogs = nativeDialogs(p);
    await p.click(LIKE);
    await until(async () => dialogs.messages.length === 1, "the browser's own confirm");
    expect(dialogs.messages[0]).toMatch(/3\.4\.3/);
    expect(dialogs.messages[0]).toMatch(/Send feedback anyway/);
    await barrier(h, p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    expect((await p.ui()).dialog).toBeNull();

    dialogs.answer = 'accept';
    await p.click(LIKE);
    await until(async () => dialogs.messages.length === 2, "the browser's own confirm, again");
    await until(async () => calls(h, RATINGS).length === 1, 'one rating request');
    await barrier(h, p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    expect((await diagnose(url)).parts).not.toContain('dialog');
    await refuse(p, false);
    await p.close();
  });

  it('the skeleton is loaded when a diagnosis is asked for, on chat, Admin Panel and Studio pages; refused, the report comes without it', async () => {
    const pages = [FILE, 'admin-vibe-privacy.switch.en.html', 'studio-home.plan-card.en.html'];
    for (const file of pages) {
      const u = urlOf(file);
      const p = await openFixture(h, file);
      const d = await diagnose(u);
      expect(d.parts, file).not.toContain('skeleton');
      expect(d.skeleton?.t, file).toBe('body');
      expect((await diagnose(u)).parts, file).toContain('skeleton');
      await p.close();
    }
    const u = urlOf(pages[1]);
    const p = await openFixture(h, pages[1]);
    await refuse(p, true);
    const d = await diagnose(u);
    expect(d.skeleton).toBeNull();
    expect(d.surface).toBe('admin-vibe-privacy');
    await refuse(p, false);
    await p.close();
  });
});
