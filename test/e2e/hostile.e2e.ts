/**
 * Hostile pages and long lives, end to end: 20 in-app navigations leave listener and observer counts flat; a
 * page script cannot change what Windsock stores or shows; a page that throws, is huge (20,000 nodes) or
 * replaces its whole body keeps Windsock working, and the page's own scripts keep running.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { barrier, BROWSERS, calls, fixture, launch, until, type Harness, urlOf } from './harness';

const bodyOf = (file: string) => {
  const html = fixture(file);
  return html.slice(html.indexOf('<body'), html.lastIndexOf('</body>') + 7);
};
const STORE_FN = `async () => ((globalThis.browser?.storage ?? chrome.storage).local.get('windsock')).then((x) => x.windsock ?? null)`;

describe.each(BROWSERS)('hostile pages in %s', (name) => {
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

  async function diag(url: string) {
    const tabId = await h.tabId(url);
    return h.extEval<{ counters: Record<string, number> }>(
      `async (id) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type: 'diagnose' })`,
      tabId,
    );
  }

  it('20 in-app navigations: observers and listeners stay flat', async () => {
    const subs = urlOf('admin-subscriptions.free.en.html');
    h.serve(subs, fixture('admin-subscriptions.free.en.html'));
    const p = await h.open(subs);
    await until(async () => (await h.badge(subs)).text !== '', 'badge');
    const privacyBody = bodyOf('admin-vibe-privacy.switch.en.html');
    const subsBody = bodyOf('admin-subscriptions.free.en.html');
    const go = async (path: string, body: string) =>
      p.evaluate(
        `() => { const d = new DOMParser().parseFromString(${JSON.stringify(`<html>${body}</html>`)}, 'text/html'); document.body.replaceWith(document.adoptNode(d.body)); history.pushState({}, '', ${JSON.stringify(path)}); }`,
      );
    const listeners = async () => {
      if (name !== 'chromium') return -1;
      const page = p.raw as import('playwright-core').Page;
      const cdp = await page.context().newCDPSession(page);
      let n = 0;
      for (const expr of ['window', 'document']) {
        const { result } = (await cdp.send('Runtime.evaluate', { expression: expr })) as {
          result: { objectId: string };
        };
        const { listeners: l } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as {
          listeners: unknown[];
        };
        n += l.length;
      }
      await cdp.detach();
      return n;
    };
    await go('/vibe/privacy', privacyBody);
    await until(
      async () => (await diag('https://admin.mistral.ai/vibe/privacy')).counters.observers === 1,
      'observer on the privacy page',
    );
    const before = await listeners();
    for (let i = 0; i < 10; i++) {
      await go('/subscriptions', subsBody);
      await until(async () => (await diag(subs)).counters.observers === 0, 'no observer on subscriptions');
      await go('/vibe/privacy', privacyBody);
      await until(
        async () => (await diag('https://admin.mistral.ai/vibe/privacy')).counters.observers === 1,
        'one observer on privacy',
      );
    }
    const after = await listeners();
    expect(after).toBe(before);
    const d = await diag('https://admin.mistral.ai/vibe/privacy');
    expect(d.counters.observers).toBe(1);
    expect(d.counters.detections).toBeGreaterThanOrEqual(21);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('a page script cannot change what Windsock stores or shows', async () => {
    // What a page script really can reach: its own DOM (after Windsock read it), Windsock's UI host element and
    // untrusted events. (Windsock listens to no window message or DOM event of the page: forged ones are sent
    // too, but on their own they would prove nothing.)
    const url = urlOf('vibe-chat.free.en.html');
    h.serve(url, fixture('vibe-chat.free.en.html'));
    const p = await h.open(url);
    await until(async () => (await h.badge(url)).text === 'ON', 'badge ON');
    const before = await until(async () => {
      const s = await h.extEval<{ orgs?: Record<string, unknown> } | null>(STORE_FN);
      return s && Object.keys(s.orgs ?? {}).length ? s : null;
    }, 'what the page showed, stored');
    const detections = (await diag(url)).counters.detections;
    await p.evaluate(`() => {
      // Another organization's settings, forged into the chat page: a "Team" plan, training off, managed.
      document.body.insertAdjacentHTML('beforeend', '<section><p>Current plan: Team</p><div class="row"><label for="mt">Model training</label><button role="switch" id="mt" aria-checked="false" data-state="unchecked"></button><small>Managed by your organization</small></div><button class="org-switcher" data-organization-id="11111111-1111-4111-8111-111111111111"><span class="org-name">Other Org</span></button></section>');
      const forged = { type: 'page-report', url: location.href, observations: [{ key: 'plan:vibe', value: 'team', via: 'page' }, { key: 'vibe-training', value: 'off', via: 'page' }] };
      window.postMessage(forged, '*');
      window.postMessage({ type: 'set-guards', guardsOff: ['feedback', 'share', 'labs'] }, '*');
      document.dispatchEvent(new CustomEvent('windsock', { detail: forged }));
    }`);
    // The warning open, the page hits it with untrusted keys and clicks aimed at "Don't ask again" and confirm.
    await p.click('[data-message-author-role="assistant"] button[aria-label="Like"]');
    await until(async () => (await p.ui()).dialog, 'the warning');
    await p.evaluate(`() => {
      const host = document.querySelector('windsock-ui');
      for (const key of ['Tab', 'Tab', ' ', 'Enter']) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        host?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }`);
    // Barrier: a trusted gesture after all of that is still answered by the same warning, then the page's
    // sentinel request: whatever the forgeries could have set off has been handled and recorded.
    expect((await p.ui()).dialog).not.toBeNull();
    await p.uiClick('Cancel');
    await until(async () => (await p.ui()).dialog === null, 'the warning closed');
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    expect((await diag(url)).counters.detections).toBe(detections);
    expect(await h.extEval(STORE_FN)).toEqual(before);
    expect((await h.badge(url)).text).toBe('ON');
    // …and the warning still asks next time (no "don't ask again" was stored or kept for the session).
    await p.click('[data-message-author-role="assistant"] button[aria-label="Like"]');
    await until(async () => (await p.ui()).dialog, 'the warning, asked again');
    await p.uiClick('Cancel');
    await p.close();
  });

  it('a page that throws, is huge and replaces its body keeps Windsock working, and its own scripts running', async () => {
    const url = 'https://chat.mistral.ai/chat/22222222-2222-4222-8222-222222222222';
    const chat = bodyOf('vibe-chat.free.en.html');
    const filler = '<div class="filler">' + '<span>x</span>'.repeat(20_000) + '</div>';
    h.serve(
      url,
      `<!doctype html><html lang="en"><head><title>Vibe</title></head>${chat.replace(
        '</body>',
        `${filler}<script>
        window.__ticks = 0;
        setInterval(() => { window.__ticks++; throw new Error('page error ' + window.__ticks); }, 50);
        Promise.reject(new Error('unhandled page rejection'));
      </script></body>`,
      )}</html>`,
    );
    const p = await h.open(url);
    expect(await p.evaluate<number>(`() => document.getElementsByTagName('*').length`)).toBeGreaterThan(20_000);
    await until(async () => (await h.badge(url)).text === 'ON', 'badge ON (Upgrade to Pro cue)');
    await p.click('[data-message-author-role="assistant"] button[aria-label="Like"]');
    await until(async () => (await p.ui()).dialog, 'the warning');
    await p.uiClick('Cancel');
    // The app replaces its whole body (a re-render from the root): the guard still works.
    await p.evaluate(`() => { const b = document.body.cloneNode(true); document.body.replaceWith(b); }`);
    await p.click('[data-message-author-role="assistant"] button[aria-label="Dislike"]');
    await until(async () => (await p.ui()).dialog, 'the warning after the body was replaced');
    await p.uiClick('Cancel');
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    const ticks = await p.evaluate<number>(`() => window.__ticks`);
    await until(
      async () => (await p.evaluate<number>(`() => window.__ticks`)) > ticks,
      "the page's own timer still ticking",
    );
    // Every error on the console is the page's own.
    expect(p.errors.length).toBeGreaterThan(0);
    expect(p.errors.every((e) => /page error|unhandled page rejection/.test(e))).toBe(true);
    await p.close();
  });
});
