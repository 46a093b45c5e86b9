/**
 * Warnings in the page, end to end in Chromium and Firefox, on replica chat pages whose buttons really send
 * their requests (`/api/trpc/message.updateReaction`, `/api/trpc/chat.share`): the requests are counted —
 * none on cancel, exactly one on confirm, by mouse and by keyboard; "don't ask again" is honoured; clearing a
 * rating is not warned; the banner shows only while training; a page with no recognisable buttons still works.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  barrier,
  BROWSERS,
  calls,
  fixture,
  launch,
  settle,
  until,
  type Harness,
  type PageHandle,
  urlOf,
  openFixture,
} from './harness';

const LIKE = '[data-message-author-role="assistant"] button[aria-label="Like"]';
const DISLIKE = '[data-message-author-role="assistant"] button[aria-label="Dislike"]';

async function dialogShown(p: PageHandle) {
  return until(async () => (await p.ui()).dialog, 'the warning');
}
async function noDialog(p: PageHandle) {
  await until(async () => (await p.ui()).dialog === null, 'no warning');
}

describe.each(BROWSERS)('in-page warnings in %s', (name) => {
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

  const openChat = (file: string) => openFixture(h, file);

  it('feedback by mouse: cancel sends nothing, confirm sends exactly one rating, clearing is not warned', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.click(LIKE);
    const text = await dialogShown(p);
    expect(text).toMatch(/train/i);
    expect(text).toMatch(/3\.4\.3/);
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    await p.uiClick('Cancel');
    await noDialog(p);
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    expect(await p.evaluate(`() => document.querySelector('${LIKE}').getAttribute('aria-pressed')`)).toBe('false');

    await p.click(LIKE);
    await dialogShown(p);
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, 'message.updateReaction').length === 1, 'one rating request');
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(1);
    expect(await p.evaluate(`() => document.querySelector('${LIKE}').getAttribute('aria-pressed')`)).toBe('true');

    // Clearing the rating (a second click on the active thumb sends "neutral"): no warning.
    await p.click(LIKE);
    await until(async () => calls(h, 'message.updateReaction').length === 2, 'the clearing request');
    expect((await p.ui()).dialog).toBeNull();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('feedback by keyboard: Escape cancels and gives focus back; Tab to the confirm button and Enter sends once', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.evaluate(`() => document.querySelector('${DISLIKE}').focus()`);
    await p.press('Enter');
    await dialogShown(p);
    await p.press('Escape');
    await noDialog(p);
    expect(await p.evaluate(`() => document.activeElement === document.querySelector('${DISLIKE}')`)).toBe(true);
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);

    await p.press(' ');
    await dialogShown(p);
    await p.press('Enter'); // focus starts on Cancel, the safe choice
    await noDialog(p);
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);

    await p.press('Enter');
    await dialogShown(p);
    await p.press('Tab');
    await p.press('Enter');
    await until(async () => calls(h, 'message.updateReaction').length === 1, 'one rating request');
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(1);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('recognises icon-only thumbs (no label, no title) and leaves other buttons alone', async () => {
    const p = await openChat('vibe-chat.plain.en.html');
    await p.click('[data-message-author-role="assistant"] .action-bar button:nth-child(2)');
    await dialogShown(p);
    await p.uiClick('Cancel');
    await noDialog(p);
    // Rewrite and Copy are not feedback.
    await p.click('[data-message-author-role="assistant"] .action-bar button:nth-child(3)');
    await p.click('[data-message-author-role="assistant"] .action-bar button:nth-child(4)');
    // Barrier: the guard decides inside the click's capture listener (it must, to stop the click), so a warning
    // it meant to show is there by the time the page's later sentinel request is recorded.
    await barrier(h, p);
    expect((await p.ui()).dialog).toBeNull();
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('"don\'t ask again" is honoured, and undone from the options page', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.click(LIKE);
    await dialogShown(p);
    await p.uiClick("Don't ask again");
    // The scope select is enabled now; keep "for this session"... then choose "always" with the keyboard.
    await p.press('Tab');
    await p.press('ArrowDown');
    await p.uiClick('Send feedback anyway');
    await until(async () => calls(h, 'message.updateReaction').length === 1, 'first rating');
    await until(
      async () =>
        (
          await h.extEval<{ windsock?: { guardsOff?: string[] } }>(
            `async () => (globalThis.browser?.storage ?? chrome.storage).local.get('windsock')`,
          )
        ).windsock?.guardsOff?.includes('feedback'),
      'stored choice',
    );
    await p.click(DISLIKE);
    await until(async () => calls(h, 'message.updateReaction').length === 2, 'second rating, not warned');
    expect((await p.ui()).dialog).toBeNull();

    const options = await h.openExtensionPage('options.html');
    await options.waitFor('input[name="guard-feedback"]');
    expect(await options.evaluate(`() => document.querySelector('input[name="guard-feedback"]').checked`)).toBe(false);
    await options.click('input[name="guard-feedback"]');
    await until(
      async () =>
        !(
          await h.extEval<{ windsock?: { guardsOff?: string[] } }>(
            `async () => (globalThis.browser?.storage ?? chrome.storage).local.get('windsock')`,
          )
        ).windsock?.guardsOff?.includes('feedback'),
      'choice undone',
    );
    await options.close();
    await p.bringToFront();
    await p.click(
      '[data-message-author-role="assistant"]:nth-of-type(4) button[aria-label="Like"], [data-message-author-role="assistant"] ~ [data-message-author-role="assistant"] button[aria-label="Like"]',
    );
    await dialogShown(p);
    await p.uiClick('Cancel');
    await noDialog(p);
    await barrier(h, p);
    expect(calls(h, 'message.updateReaction')).toHaveLength(2);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('public sharing: warned before "Share by link"; cancel sends nothing, confirm creates one link and lists it in the popup', async () => {
    const url = urlOf('vibe-chat.free.en.html');
    const p = await openChat('vibe-chat.free.en.html');
    await p.click('header button[aria-haspopup="dialog"]');
    await p.waitFor('#share-link');
    await p.click('#share-link');
    const text = await dialogShown(p);
    expect(text).toMatch(/librar/i);
    await p.uiClick('Cancel');
    await noDialog(p);
    await barrier(h, p);
    expect(calls(h, 'chat.share')).toHaveLength(0);
    await p.click('#share-link');
    await dialogShown(p);
    await p.uiClick('Create the public link anyway');
    await until(async () => calls(h, 'chat.share').length === 1, 'one share request');
    await barrier(h, p);
    expect(calls(h, 'chat.share')).toHaveLength(1);
    // Revoking (switching "Link accessible to anyone" off) is not warned.
    await p.waitFor('#share-public[aria-checked="true"]');
    await p.click('#share-public');
    await until(async () => calls(h, 'chat.unshare').length === 1, 'unshare, not warned');
    expect((await p.ui()).dialog).toBeNull();
    const chatId = new URL(url).pathname.split('/').pop()!;
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor(`[data-share="${chatId}"] a[href="https://chat.mistral.ai/chat/${chatId}"]`);
    expect(p.errors).toEqual([]);
    await Promise.all([p.close(), popup.close()]);
  });

  it('the banner shows while training and never when not training', async () => {
    const free = await openChat('vibe-chat.free.en.html');
    const banner = await until(async () => (await free.ui()).banner, 'banner');
    expect(banner).toMatch(/may be used to train/);
    await free.close();
    await h.reset();
    const subsUrl = urlOf('admin-subscriptions.team.en.html');
    h.serve(subsUrl, fixture('admin-subscriptions.team.en.html'));
    const subs = await h.open(subsUrl);
    await until(async () => (await h.badge(subsUrl)).text === 'OFF', 'team OFF');
    await subs.close();
    const plain = await openChat('vibe-chat.plain.en.html');
    await until(async () => (await h.badge(urlOf('vibe-chat.plain.en.html'))).text === 'OFF', 'chat OFF');
    // No barrier: the banner follows a context the content script asks the background for, and nothing tells
    // the page (or the test) that the answer came and no banner was drawn. A pause is all there is.
    await settle(500);
    expect((await plain.ui()).banner).toBeNull();
    expect(plain.errors).toEqual([]);
    await plain.close();
  });

  it('the banner can be dismissed for a week', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await until(async () => (await p.ui()).banner, 'banner');
    await p.uiClick('Hide for a week');
    await until(async () => (await p.ui()).banner === null, 'banner hidden');
    await p.close();
    const again = await openChat('vibe-chat.free.en.html');
    // No barrier: as above, nothing acknowledges that the banner was considered and not drawn.
    await settle(700);
    expect((await again.ui()).banner).toBeNull();
    await again.close();
  });

  it('Labs models: warned before ticking, not before unticking', async () => {
    const url = urlOf('admin-api-privacy.default.en.html');
    h.serve(url, fixture('admin-api-privacy.default.en.html'));
    const p = await h.open(url);
    await p.click('#labs-models');
    const text = await dialogShown(p);
    expect(text).toMatch(/override/i);
    await p.uiClick('Cancel');
    await noDialog(p);
    expect(await p.evaluate(`() => document.querySelector('#labs-models').getAttribute('aria-checked')`)).toBe('false');
    await p.click('#labs-models');
    await dialogShown(p);
    await p.uiClick('Enable Labs models anyway');
    await until(
      async () =>
        (await p.evaluate<string>(`() => document.querySelector('#labs-models').getAttribute('aria-checked')`)) ===
        'true',
      'ticked once',
    );
    await until(async () => (await h.badge(url)).text === 'ON', 'Labs on → ON');
    await p.click('#labs-models');
    // Barrier: the guard decides inside the click's capture listener (it must, to stop the click), so a warning
    // it meant to show is there by the time the page's later sentinel request is recorded.
    await barrier(h, p);
    expect((await p.ui()).dialog).toBeNull();
    expect(await p.evaluate(`() => document.querySelector('#labs-models').getAttribute('aria-checked')`)).toBe('false');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('attaching files while training is on shows a note; a page script cannot open or click through a warning', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.click('button[aria-label="Add files"]');
    const note = await until(async () => (await p.ui()).note, 'the attachment note');
    expect(note).toMatch(/input data/i);
    await p.click(LIKE);
    await dialogShown(p);
    // A page script sees no shadow root, and its synthetic keys and clicks do nothing to the warning.
    const seen = await p.evaluate<string>(`() => {
      const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return String(host.shadowRoot);
    }`);
    expect(seen).toBe('null');
    await barrier(h, p);
    expect((await p.ui()).dialog).not.toBeNull();
    expect(calls(h, 'message.updateReaction')).toHaveLength(0);
    await p.uiClick('Cancel');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('a page with no recognisable buttons still works, with no console errors', async () => {
    const p = await openChat('vibe-chat.nomatch.en.html');
    // Its only controls are icons and a text area: click each, type, press Enter.
    const targets = await p.evaluate<number>(`() => document.querySelectorAll('i, textarea').length`);
    expect(targets).toBeGreaterThan(0);
    for (const sel of ['i.r-ic-a', 'i.r-ic-b', 'textarea', 'i.r-ic-go']) await p.click(sel);
    await p.press('Enter');
    // Barrier: the guard decides inside the click's capture listener (it must, to stop the click), so a warning
    // it meant to show is there by the time the page's later sentinel request is recorded.
    await barrier(h, p);
    expect((await p.ui()).dialog).toBeNull();
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

// Touch: a tap on a thumb arrives as a click, guarded like one. Chromium with touch emulation (Playwright's
// touchscreen); the Firefox driver here has no touch input. The suite's name says "in chromium" so that the
// closing summary's browsers line (test/summary-reporter.ts) counts it.
describe('in-page warnings by touch, in chromium', () => {
  it('a tap on a thumb warns; a tap on Cancel sends nothing; a tap on confirm sends exactly one rating', async () => {
    const { launchChromium } = await import('./harness');
    const h = await launchChromium({ touch: true });
    try {
      const url = urlOf('vibe-chat.free.en.html');
      h.serve(url, fixture('vibe-chat.free.en.html'));
      const p = await h.open(url);
      await until(async () => (await h.badge(url)).text !== '', 'badge');
      const page = p.raw as import('playwright-core').Page;
      await page.tap(LIKE);
      await dialogShown(p);
      const tapUi = async (label: string) => {
        const cdp = await page.context().newCDPSession(page);
        const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { backendNodeId: number } };
        const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
          backendNodeId: root.backendNodeId,
          accessibleName: label,
          role: 'button',
        })) as { nodes: { backendDOMNodeId: number }[] };
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: nodes[0].backendDOMNodeId })) as {
          model: { content: number[] };
        };
        await cdp.detach();
        await page.touchscreen.tap(
          (model.content[0] + model.content[2]) / 2,
          (model.content[1] + model.content[5]) / 2,
        );
      };
      await tapUi('Cancel');
      await noDialog(p);
      await barrier(h, p);
      expect(calls(h, 'message.updateReaction')).toHaveLength(0);
      await page.tap(LIKE);
      await dialogShown(p);
      await tapUi('Send feedback anyway');
      await until(async () => calls(h, 'message.updateReaction').length === 1, 'one rating');
      await barrier(h, p);
      expect(calls(h, 'message.updateReaction')).toHaveLength(1);
      expect(p.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
