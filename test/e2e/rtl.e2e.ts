/**
 * Arabic, right to left, in Chromium and Firefox. The browser speaks Arabic (Chromium; in Firefox ESR, which
 * has no Arabic language pack here, Arabic is chosen in the options): the popup, the options and the rights page
 * follow it (lang="ar", dir="rtl"), are mirrored (a heading's text hugs the right edge), and axe
 * finds nothing serious or critical. With Arabic chosen in the options, the in-page warning on an English
 * Mistral page is in Arabic and mirrored: its primary button on the left of Cancel, and the focus order (Cancel,
 * then the primary button) runs right to left like the layout. English is the control: the same dialog has its
 * primary button on the right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, fixture, launch, ROOT, until, type Harness, type PageHandle, urlOf } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const ARABIC = /[\u0600-\u06FF]/;
const LIKE = '[data-message-author-role="assistant"] button[aria-label="Like"]';

async function axe(p: PageHandle): Promise<string[]> {
  await p.evaluate(`() => { if (!window.axe) { (0, eval)(${JSON.stringify(AXE)}); } }`);
  const r = await p.evaluate<{ id: string; impact: string; nodes: number }[]>(
    `async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))`,
  );
  return r
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

/** The page's lang and dir, and where the first heading's text sits in its box (gap to the left and right edges). */
const LAYOUT = `(sel) => {
  const h = document.querySelector(sel);
  const r = document.createRange();
  r.selectNodeContents(h);
  const t = r.getBoundingClientRect();
  const b = h.getBoundingClientRect();
  return { lang: document.documentElement.lang, dir: document.documentElement.dir, heading: h.textContent, gapLeft: Math.round(t.left - b.left), gapRight: Math.round(b.right - t.right), body: document.body.innerText.slice(0, 400) };
}`;
type Layout = { lang: string; dir: string; heading: string; gapLeft: number; gapRight: number; body: string };

describe.each(BROWSERS)('Arabic, right to left, in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { lang: 'ar' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('popup, options and rights page follow the browser: Arabic, dir=rtl, mirrored, no serious axe finding', async () => {
    const chat = urlOf('vibe-chat.plain.en.html');
    h.serve(chat, fixture('vibe-chat.plain.en.html'));
    const page = await h.open(chat);
    await until(async () => (await h.badge(chat)).text === '?', 'badge');
    const problems: Record<string, string[]> = {};
    const layouts: Record<string, Layout> = {};
    // Chromium started with --lang=ar reports Arabic as its UI language. Firefox ESR without an Arabic language
    // pack reports en-US whatever intl.locale.requested says: there, Arabic is chosen in the options instead.
    const uiLang = await h.extEval<string>(
      `() => (globalThis.browser?.i18n ? globalThis.browser : globalThis.chrome).i18n.getUILanguage()`,
    );
    if (name === 'chromium') expect(uiLang).toMatch(/^ar/);
    if (!/^ar/.test(uiLang)) {
      await h.extEval(
        `async () => { const b = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome; return b.runtime.sendMessage({ type: 'set-settings', settings: { language: 'ar' } }); }`,
      );
    }
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(chat)}`);
    await popup.waitFor('main[data-verdict]');
    await until(
      async () => (await popup.evaluate<string>(`() => document.documentElement.dir`)) === 'rtl',
      'popup dir=rtl',
    );
    await popup.evaluate(`() => document.querySelectorAll('details').forEach((d) => (d.open = true))`);
    layouts.popup = await popup.evaluate<Layout>(`() => (${LAYOUT})('main h2')`);
    problems.popup = await axe(popup);
    await popup.close();
    for (const path of ['options.html', 'rights.html']) {
      const p = await h.openExtensionPage(path);
      await p.waitFor('main h1');
      await until(
        async () => (await p.evaluate<string>(`() => document.documentElement.dir`)) === 'rtl',
        `${path} dir=rtl`,
      );
      await p.evaluate(`() => document.querySelectorAll('details').forEach((d) => (d.open = true))`);
      layouts[path] = await p.evaluate<Layout>(`() => (${LAYOUT})('main h1')`);
      problems[path] = await axe(p);
      await p.close();
    }
    for (const [where, l] of Object.entries(layouts)) {
      expect({ where, lang: l.lang, dir: l.dir, arabic: ARABIC.test(l.body) }).toEqual({
        where,
        lang: 'ar',
        dir: 'rtl',
        arabic: true,
      });
      // Mirrored: the heading's text starts at the right edge of its box, the free space is on the left.
      expect(l.gapRight, `${where}: "${l.heading}"`).toBeLessThanOrEqual(2);
      expect(l.gapLeft, `${where}: "${l.heading}"`).toBeGreaterThan(20);
    }
    expect(problems).toEqual({ popup: [], 'options.html': [], 'rights.html': [] });
    await page.close();
  });

  it('the in-page warning in Arabic (the options’ choice): primary button on the left, focus order right to left', async () => {
    const snapshot = async (p: PageHandle) => {
      const tabId = await h.tabId(p.url());
      return h.extEval<{ dialog: string | null; buttons: { name: string; x: number; y: number }[] }>(
        `async (id) => { const b = globalThis.browser?.tabs ? globalThis.browser : globalThis.chrome; return (await b.tabs.sendMessage(id, { type: 'diagnose' })).ui; }`,
        tabId,
      );
    };
    const dialogButtons = async (language: string) => {
      await h.reset();
      await h.extEval(
        `async (language) => { const b = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome; return b.runtime.sendMessage({ type: 'set-settings', settings: { language } }); }`,
        language,
      );
      const url = urlOf('vibe-chat.free.en.html');
      h.serve(url, fixture('vibe-chat.free.en.html'));
      const p = await h.open(url);
      await until(async () => (await h.badge(url)).text !== '', 'badge');
      await p.click(LIKE);
      await until(async () => (await p.ui()).dialog, 'dialog');
      const ui = await until(async () => {
        const s = await snapshot(p);
        return s.dialog && s.buttons.length >= 2 ? s : null;
      }, 'dialog buttons');
      return { p, ui: ui! };
    };

    const ar = await dialogButtons('ar');
    expect(ar.ui.dialog).toMatch(ARABIC);
    const cancel = ar.ui.buttons.find((b) => b.name === 'إلغاء');
    const confirm = ar.ui.buttons.find((b) => b.name === 'أرسل التقييم رغم ذلك');
    expect(cancel && confirm, ar.ui.buttons.map((b) => b.name).join(' | ')).toBeTruthy();
    expect(confirm!.y).toBe(cancel!.y);
    expect(confirm!.x).toBeLessThan(cancel!.x);
    // Focus order is DOM order: Cancel comes first, and it is the rightmost — the order an Arabic reader sees.
    const order = ar.ui.buttons.map((b) => b.name);
    expect(order.indexOf('إلغاء')).toBeLessThan(order.indexOf('أرسل التقييم رغم ذلك'));
    await ar.p.uiClick('إلغاء');
    await ar.p.close();

    // The control: in English the primary button is on the right.
    const en = await dialogButtons('en');
    const c2 = en.ui.buttons.find((b) => b.name === 'Cancel')!;
    const p2 = en.ui.buttons.find((b) => b.name === 'Send feedback anyway')!;
    expect(p2.x).toBeGreaterThan(c2.x);
    await en.p.uiClick('Cancel');
    await en.p.close();
  });
});
