/**
 * The base, end to end in real Chromium and Firefox: the built extension loaded, a replica chat page at its
 * real URL shows `?` with an unknown plan; declaring "Free" in the popup turns it `ON`; declaring "Team"
 * turns it `OFF`; a non-Mistral page has no badge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, until, type Harness } from './harness';

const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const CHAT_HTML = `<!doctype html><html lang="en"><title>Le Chat</title><main><p>A replica chat page.</p></main></html>`;

describe.each(BROWSERS)('base in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
    h.serve(CHAT, CHAT_HTML);
    h.serve('https://example.com/', '<!doctype html><title>Example</title><p>Not Mistral.</p>');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows ? on a chat page with an unknown plan', async () => {
    const page = await h.open(CHAT);
    const b = await until(async () => {
      const x = await h.badge(CHAT);
      return x.text === '?' ? x : null;
    }, 'badge ?');
    expect(b!.title).toMatch(/can't tell/i);
    expect(page.errors).toEqual([]);
  });

  it('declaring Free in the popup turns the badge ON, Team turns it OFF', async () => {
    const tabId = await h.tabId(CHAT);
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('main[data-verdict="unknown"]');
    await popup.selectOption('select[name=plan]', 'free');
    await popup.waitFor('main[data-verdict="training"]');
    await until(async () => (await h.badge(CHAT)).text === 'ON', 'badge ON');
    expect((await h.badge(CHAT)).title).toMatch(/may be used/i);
    await popup.selectOption('select[name=plan]', 'team');
    await popup.waitFor('main[data-verdict="not-training"]');
    await until(async () => (await h.badge(CHAT)).text === 'OFF', 'badge OFF');
    // The declaration is labelled as the user's own.
    const via = await popup.evaluate<string | null>(
      `() => document.querySelector('[data-plan] .provenance')?.getAttribute('data-via') ?? null`,
    );
    expect(via).toBe('declared');
    expect(popup.errors).toEqual([]);
    await popup.close();
  });

  it('shows no badge on a non-Mistral page', async () => {
    const page = await h.open('https://example.com/');
    expect(await page.evaluate<string>('() => document.title')).toBe('Example');
    // Windsock has no access to non-Mistral tabs, so their URLs are hidden from it: those are the tabs to check.
    const all = await h.badges();
    const foreign = all.filter(
      (t) =>
        t.url === undefined ||
        !/^(https:\/\/(chat|admin|console)\.mistral\.ai|chrome-extension|moz-extension)/.test(t.url),
    );
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.map((t) => t.text)).toEqual(foreign.map(() => ''));
    // …while the Mistral tab still has one (a negative control for the query above).
    expect(all.some((t) => t.url?.startsWith(CHAT) && t.text !== '')).toBe(true);
  });
});
