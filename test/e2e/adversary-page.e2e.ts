/**
 * The page as the adversary (issue 11, the page-side attacks), end to end in Chromium and Firefox: real page
 * scripts in the replica chat page, the user's own (trusted) mouse and keyboard, the requests the replica really
 * sends counted by the harness.
 *
 * 1. A page replays WXT's "content script started" event (and its window message): Windsock keeps guarding.
 *    Windsock posts nothing that names it to the page.
 * 2. A page defines Windsock's old UI tag first (attachInternals() to grab the closed root; or its own shadow
 *    root so that Windsock's attachShadow throws): the warning is Windsock's own and still shows.
 * 3. A page hides the open warning (inline styles on the host, a filter on the root element, its own top-layer
 *    overlay) or removes it: the confirm is not taken blind — the browser's own confirm() asks with the warning's
 *    words — and a removed warning counts as cancelled, the next guarded click warns again.
 * 8. The background cannot answer: the thumbs and the composer warn with the cautious reading, cancel sends
 *    nothing, confirm sends exactly once.
 *
 * Each attack has a positive control (the page records that its attack ran, or the extension's diagnostic says
 * it landed), and every "nothing was sent" waits for a sentinel request the page sends after the action.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  GECKO_ID,
  calls,
  fixture,
  launch,
  nativeDialogs,
  until,
  type Harness,
  type PageHandle,
  urlOf,
} from './harness';

const FILE = 'vibe-chat.free.en.html';
const LIKE = '[data-message-author-role="assistant"] button[aria-label="Like"]';
const DISLIKE = '[data-message-author-role="assistant"] button[aria-label="Dislike"]';
const EDITOR = 'form.composer .ProseMirror';
const RATINGS = 'message.updateReaction';

/** The replica chat page with a page script of the attacker's in <head> (it runs before Windsock's scripts). */
function pageWith(script: string): string {
  return fixture(FILE).replace('<head>', `<head><script>${script}</script>`);
}

/** Page-side: Windsock's host is whatever the root element holds besides <head> and <body>. */
const HOSTS = `[...document.documentElement.children].filter((e) => e !== document.head && e !== document.body)`;

describe.each(BROWSERS)('the page as the adversary in %s', (name) => {
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

  const url = urlOf(FILE);
  const open = async (script = '') => {
    h.serve(url, pageWith(script));
    const p = await h.open(url);
    await until(async () => (await h.badge(url)).text === 'ON', 'badge ON');
    return p;
  };
  const diagnose = async () =>
    h.extEval<{
      ui: { dialog: string | null; banner: string | null };
      wxtContextInvalidated?: boolean;
      startedEventsHeard?: number;
    }>(`async (id) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type: 'diagnose' })`, await h.tabId(url));
  /** The barrier before "nothing was sent": the page sends a sentinel request and we wait until it arrived. */
  const barrier = async (p: PageHandle) => {
    const n = calls(h, 'test.sentinel').length;
    await p.evaluate(`() => { fetch('/api/trpc/test.sentinel?batch=1', { method: 'POST', body: '{}' }); }`);
    await until(async () => calls(h, 'test.sentinel').length > n, 'the sentinel request');
  };
  const dialogShown = (p: PageHandle) => until(async () => (await p.ui()).dialog, 'the warning');
  const noDialog = (p: PageHandle) => until(async () => (await p.ui()).dialog === null, 'no warning');

  it('1a. nothing Windsock sends the page names it: no message, no WXT event, even for a page that knows the id', async () => {
    const id = name === 'chromium' ? new URL(h.extensionOrigin).host : GECKO_ID;
    const p = await open(`
      window.__messages = [];
      addEventListener('message', (e) => { try { window.__messages.push(JSON.stringify(e.data)); } catch (x) { window.__messages.push(String(e.data)); } });
      // A page that knows Windsock's id listens for WXT's "content script started" event of every entry point.
      for (const entry of ['chat', 'guard', 'composer', 'admin']) {
        const type = ${JSON.stringify(id)} + ':' + entry + ':wxt:content-script-started';
        document.addEventListener(type, () => window.__messages.push('event ' + type), true);
        window.addEventListener(type, () => window.__messages.push('event ' + type), true);
      }
    `);
    await until(async () => (await p.ui()).banner, 'the banner');
    // Barrier: the page's own message, posted after Windsock's scripts have run, has arrived.
    await p.evaluate(`() => postMessage('page-sentinel', '*')`);
    await until(
      () => p.evaluate<boolean>(`() => window.__messages.includes('"page-sentinel"')`),
      'the page sentinel message',
    );
    const posted = await p.evaluate<string[]>(`() => window.__messages`);
    expect(posted.filter((m) => m.includes(id) || /wxt|windsock/i.test(m))).toEqual([]);
    await p.close();
  });

  it('1b. a replayed WXT "content script started" event does not switch Windsock off', async () => {
    const p = await open();
    await until(async () => (await p.ui()).banner, 'the banner');
    const id = name === 'chromium' ? new URL(h.extensionOrigin).host : GECKO_ID;
    // The attack: replay the event for every entry point, with someone else's messageId, on document and window.
    const replayed = await p.evaluate<number>(`() => {
      let n = 0;
      for (const entry of ['chat', 'guard', 'composer', 'admin']) {
        const type = ${JSON.stringify(id)} + ':' + entry + ':wxt:content-script-started';
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: entry, messageId: 'page-' + n } }));
        window.postMessage({ type, contentScriptName: entry, messageId: 'page-' + n }, '*');
        n++;
      }
      return n;
    }`);
    expect(replayed).toBe(4);
    // Positive control: the replayed event reached Windsock's chat script (which only checked that its
    // extension context is still there); and the WXT context Windsock's build carries was not fooled either.
    await until(async () => ((await diagnose()).startedEventsHeard ?? 0) >= 1, 'the replay heard by the chat script');
    expect((await diagnose()).wxtContextInvalidated).toBe(false);

    // Windsock is still there: the banner stays, the thumbs are still guarded.
    expect((await p.ui()).banner).toMatch(/train/i);
    await p.click(LIKE);
    expect(await dialogShown(p)).toMatch(/3\.4\.3/);
    await p.uiClick('Cancel');
    await noDialog(p);
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    await p.click(LIKE);
    await dialogShown(p);
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, RATINGS).length === 1, 'one rating');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    await p.close();
  });

  it("2a. a page that defines the old UI tag with attachInternals() never gets the closed root; the warning is Windsock's own", async () => {
    const p = await open(`
      window.__attack = { defined: false, constructed: 0, roots: 0, hosts: [] };
      customElements.define('windsock-ui', class extends HTMLElement {
        constructor() {
          super();
          window.__attack.constructed++;
          const internals = this.attachInternals();
          queueMicrotask(() => {
            const root = internals.shadowRoot;
            if (!root) return;
            window.__attack.roots++;
            new MutationObserver(() => {
              const d = root.querySelector('[role="alertdialog"]');
              if (d && !d.__forged) { d.__forged = true; d.querySelector('h2').textContent = 'Verified by Windsock: this rating is not used for training'; }
            }).observe(root, { childList: true, subtree: true });
          });
        }
      });
      window.__attack.defined = !!customElements.get('windsock-ui');
      // Whatever Windsock adds to the root element: try to reach into it.
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) {
          if (n === document.head || n === document.body || n.nodeType !== 1) continue;
          let threw = false;
          try { n.attachShadow({ mode: 'open' }); } catch (e) { threw = true; }
          window.__attack.hosts.push({ tag: n.tagName, attrs: n.getAttributeNames(), shadowRoot: String(n.shadowRoot), attachShadowThrew: threw });
        }
      }).observe(document.documentElement, { childList: true });
    `);
    await p.click(LIKE);
    const text = await dialogShown(p);
    expect(text).toMatch(/3\.4\.3/);
    expect(text).not.toMatch(/Verified by Windsock/);
    const attack = await p.evaluate<{
      defined: boolean;
      constructed: number;
      roots: number;
      hosts: { tag: string; attrs: string[]; shadowRoot: string; attachShadowThrew: boolean }[];
    }>(`() => window.__attack`);
    expect(attack.defined).toBe(true); // positive control: the page did define the tag first
    expect(attack.hosts.length).toBeGreaterThan(0); // positive control: the page saw Windsock's host arrive
    expect(attack.constructed).toBe(0);
    expect(attack.roots).toBe(0);
    for (const host of attack.hosts) {
      expect(host.tag).toBe('DIV'); // a plain element: no tag name that names Windsock
      expect(host.attrs.every((a) => a === 'style' || a === 'popover')).toBe(true); // no data-windsock
      expect(host.shadowRoot).toBe('null');
      expect(host.attachShadowThrew).toBe(true); // its closed root was there before the page could see it
    }
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, RATINGS).length === 1, 'one rating');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    // No "don't ask again" was recorded behind the user's back: the other thumb still warns.
    await p.click(DISLIKE);
    await dialogShown(p);
    await p.uiClick('Cancel');
    await noDialog(p);
    await p.close();
  });

  it('2b. a page that defines the old UI tag with its own shadow root does not swallow the click', async () => {
    const p = await open(`
      window.__attack = { defined: false, constructed: 0 };
      customElements.define('windsock-ui', class extends HTMLElement {
        constructor() { super(); window.__attack.constructed++; this.attachShadow({ mode: 'open' }); }
      });
      window.__attack.defined = !!customElements.get('windsock-ui');
    `);
    await p.click(LIKE);
    expect(await dialogShown(p)).toMatch(/3\.4\.3/);
    expect(await p.evaluate<{ defined: boolean; constructed: number }>(`() => window.__attack`)).toEqual({
      defined: true,
      constructed: 0,
    });
    await p.uiClick('Cancel');
    await noDialog(p);
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    await p.close();
  });

  it("3a. a page script that fades, hides, clips or shrinks the open warning gets the browser's own confirm instead; cancel there sends nothing", async () => {
    const p = await open();
    const dialogs = nativeDialogs(p);
    const attacks: [string, string][] = [
      ['opacity', '0'],
      ['visibility', 'hidden'],
      ['clip-path', 'inset(50%)'],
      ['transform', 'scale(0.01)'],
    ];
    for (const [prop, value] of attacks) {
      const before = dialogs.messages.length;
      await p.click(LIKE);
      await dialogShown(p);
      // Later, so that this evaluation returns before the browser's dialog opens.
      await p.evaluate(
        `() => setTimeout(() => { for (const host of ${HOSTS}) host.style.setProperty(${JSON.stringify(prop)}, ${JSON.stringify(value)}, 'important'); window.__applied = ${HOSTS}.map((x) => getComputedStyle(x).getPropertyValue(${JSON.stringify(prop)})); }, 50)`,
      );
      await until(async () => dialogs.messages.length > before, `the browser's own confirm after ${prop}`);
      // Positive control: the page's style did land on the host.
      expect(await p.evaluate<string[]>(`() => window.__applied`)).not.toEqual([]);
      const said = dialogs.messages[dialogs.messages.length - 1];
      expect(said).toMatch(/3\.4\.3/);
      expect(said).toMatch(/Send feedback anyway/);
      await noDialog(p);
      await barrier(p);
      expect(calls(h, RATINGS)).toHaveLength(0);
    }
    await p.close();
  });

  it('3b. a filter on the root element and a covering top-layer overlay: the trusted confirm is not taken blind', async () => {
    const p = await open();
    const dialogs = nativeDialogs(p);
    // A stylesheet that filters the whole document, the host included.
    await p.evaluate(
      `() => { const s = document.createElement('style'); s.textContent = 'html { filter: opacity(0.02) !important; }'; document.head.append(s); }`,
    );
    expect(await p.evaluate<string>(`() => getComputedStyle(document.documentElement).filter`)).not.toBe('none'); // control
    await p.click(LIKE);
    await dialogShown(p);
    dialogs.answer = 'accept';
    await p.uiClick('Send feedback anyway');
    await until(async () => dialogs.messages.length === 1, "the browser's own confirm");
    expect(dialogs.messages[0]).toMatch(/3\.4\.3/);
    await until(async () => calls(h, RATINGS).length === 1, 'one rating, after the confirm the user could read');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    await p.evaluate(
      `() => document.querySelectorAll('head style').forEach((s) => s.textContent.includes('opacity(0.02)') && s.remove())`,
    );

    // A top-layer overlay the clicks pass through, opened over the warning, with words of its own.
    dialogs.answer = 'dismiss';
    await p.click(DISLIKE);
    await dialogShown(p);
    await p.evaluate(`() => {
      const o = document.createElement('div');
      o.setAttribute('popover', 'manual');
      o.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;border:0;background:#fff;pointer-events:none;font:20px sans-serif';
      o.textContent = 'Verified by Windsock: this rating is not used for training';
      document.body.append(o);
      o.showPopover();
      window.__overlay = o.matches(':popover-open');
    }`);
    expect(await p.evaluate<boolean>(`() => window.__overlay`)).toBe(true); // control: the overlay is on top
    await p.uiClick('Send feedback anyway');
    await until(async () => dialogs.messages.length === 2, "the browser's own confirm under the overlay");
    expect(dialogs.messages[1]).toMatch(/3\.4\.3/);
    await noDialog(p);
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    await p.close();
  });

  it('3c. removing the open warning counts as cancel; the next guarded click warns again and sends once on confirm', async () => {
    const p = await open();
    await p.click(LIKE);
    await dialogShown(p);
    const removed = await p.evaluate<number>(
      `() => { const hosts = ${HOSTS}; hosts.forEach((x) => x.remove()); return hosts.length; }`,
    );
    expect(removed).toBe(1); // control: the page found and removed the host
    await noDialog(p);
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    await p.click(DISLIKE);
    expect(await dialogShown(p)).toMatch(/3\.4\.3/);
    expect(await p.evaluate<number>(`() => ${HOSTS}.length`)).toBe(1); // a new host
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, RATINGS).length === 1, 'one rating');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);
    await p.close();
  });
});

// Attack 8 gets a browser of its own: its background is made unable to answer (its storage reads never
// resolve), which is not undone.
describe.each(BROWSERS)('when the background cannot answer, in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  const url = urlOf(FILE);
  const barrier = async (p: PageHandle) => {
    const n = calls(h, 'test.sentinel').length;
    await p.evaluate(`() => { fetch('/api/trpc/test.sentinel?batch=1', { method: 'POST', body: '{}' }); }`);
    await until(async () => calls(h, 'test.sentinel').length > n, 'the sentinel request');
  };

  /** Hang the background: every read of its storage never resolves. */
  async function hangBackground(p: PageHandle) {
    if (name === 'chromium') {
      const sw = (p.raw as import('playwright-core').Page).context().serviceWorkers()[0];
      await sw.evaluate(
        `(() => { const never = () => new Promise(() => {}); chrome.storage.local.get = never; chrome.storage.session.get = never; return true; })()`,
      );
    } else {
      await h.extEval(
        `async () => { const bg = await browser.runtime.getBackgroundPage(); const never = () => new Promise(() => {}); bg.browser.storage.local.get = never; bg.browser.storage.session.get = never; return true; }`,
      );
    }
    // Positive control: the background really does not answer. A race with 3 s, not a barrier: an answer that never
    // comes sends no event to wait on; 3 s is far past the background's answer time in every other test.
    const r = await h.extEval<string>(
      `async () => Promise.race([(globalThis.browser ?? chrome).runtime.sendMessage({ type: 'get-context', url: ${JSON.stringify(url)}, lang: 'en' }).then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('no answer'), 3000))])`,
    );
    expect(r).not.toBe('answered');
  }

  it('8. the thumbs and the composer warn with the cautious reading; cancel sends nothing, confirm sends once', async () => {
    h.serve(url, fixture(FILE));
    const p = await h.open(url);
    await until(async () => (await h.badge(url)).text === 'ON', 'badge ON');
    await hangBackground(p);
    h.requests.length = 0;

    await p.click(LIKE);
    const text = await until(async () => (await p.ui()).dialog, 'the cautious warning', 20_000);
    expect(text).toMatch(/can't check your settings right now/);
    expect(text).toMatch(/may be used for training/);
    await p.uiClick('Cancel');
    await until(async () => (await p.ui()).dialog === null, 'no warning');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(0);
    await p.click(LIKE);
    await until(async () => (await p.ui()).dialog, 'the cautious warning again', 20_000);
    await p.uiClick('Continue anyway');
    await until(async () => calls(h, RATINGS).length === 1, 'one rating');
    await barrier(p);
    expect(calls(h, RATINGS)).toHaveLength(1);

    await p.click(EDITOR);
    await p.type('my email is camille.martin@example.fr');
    await p.press('Enter');
    const ctext = await until(async () => (await p.ui()).dialog, 'the cautious warning on send', 20_000);
    expect(ctext).toMatch(/can't check your settings right now/);
    expect(ctext).toMatch(/e-?mail/i);
    await p.uiClick('Edit');
    await until(async () => (await p.ui()).dialog === null, 'no warning');
    await barrier(p);
    expect(calls(h, 'message.newChat')).toHaveLength(0);
    await p.click(EDITOR);
    await p.press('Enter');
    await until(async () => (await p.ui()).dialog, 'the cautious warning on send again', 20_000);
    await p.uiClick('Send anyway');
    await until(async () => calls(h, 'message.newChat').length === 1, 'one send');
    await barrier(p);
    expect(calls(h, 'message.newChat')).toHaveLength(1);
    await p.close();
  });
});
