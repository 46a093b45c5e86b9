/**
 * Fix it in one click, end to end in Chromium and Firefox: every fix link the popup shows opens the expected
 * page; the ones already applied are marked; Team and Enterprise fixes say only an admin can change them; the
 * popup links to the rights page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, fixture, launch, until, type Harness, urlOf } from './harness';

describe.each(BROWSERS)('fixes in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
    for (const u of [
      'https://admin.mistral.ai/vibe/privacy',
      'https://admin.mistral.ai/plateforme/privacy',
      'https://chat.mistral.ai/intelligence/memories',
      'https://admin.mistral.ai/subscriptions',
    ]) {
      h.serve(u, '<!doctype html><title>target</title><p>target');
    }
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
  });

  async function visit(file: string) {
    const url = urlOf(file);
    h.serve(url, fixture(file));
    const p = await h.open(url);
    await until(async () => (await h.badge(url)).text !== '', `badge on ${file}`);
    return p;
  }

  it('a Free user with training, sharing and memories on: each fix link opens its page', async () => {
    await (await visit('admin-subscriptions.free.en.html')).close();
    await (await visit('vibe-memories.on.en.html')).close();
    const privacy = await visit('admin-vibe-privacy.switch.en.html');
    const popup = await h.openExtensionPage(
      `popup.html?tab=${await h.tabId(urlOf('admin-vibe-privacy.switch.en.html'))}`,
    );
    await popup.waitFor('main[data-verdict="training"]');
    const expected: Record<string, string> = {
      'vibe-training-off': 'https://admin.mistral.ai/vibe/privacy',
      'sharing-off': 'https://admin.mistral.ai/vibe/privacy',
      'memories-off': 'https://chat.mistral.ai/intelligence/memories',
    };
    const shown = await popup.evaluate<string[]>(
      `() => [...document.querySelectorAll('[data-fix]')].map((e) => e.getAttribute('data-fix'))`,
    );
    expect(shown).toEqual(expect.arrayContaining([...Object.keys(expected), 'mobile-data-sharing', 'feedback-avoid']));
    for (const [id, url] of Object.entries(expected))
      expect(await popup.clickOpens(`[data-fix="${id}"] a`), id).toBe(url);
    // The mobile app has steps, not a link.
    expect(
      await popup.evaluate<number>(`() => document.querySelectorAll('[data-fix="mobile-data-sharing"] ol li').length`),
    ).toBe(3);
    expect(
      await popup.evaluate<string>(`() => document.querySelector('[data-link="rights"]').getAttribute('href')`),
    ).toMatch(/\/rights\.html$/);
    await Promise.all([privacy.close(), popup.close()]);
  });

  it('API: Labs on and the data-usage switch on: both fixes open Admin Panel › API › Privacy', async () => {
    const p = await visit('admin-api-privacy.zdr.en.html'); // Labs on, data usage off, ZDR on
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(urlOf('admin-api-privacy.zdr.en.html'))}`);
    await popup.waitFor('main[data-verdict="training"]');
    expect(await popup.clickOpens('[data-fix="labs-off"] a')).toBe('https://admin.mistral.ai/plateforme/privacy');
    await popup.waitFor('[data-fix="api-training-off"].applied');
    await Promise.all([p.close(), popup.close()]);
  });

  it('Team: the fix says only an organization admin can change it', async () => {
    await (await visit('admin-subscriptions.team.en.html')).close();
    const url = urlOf('admin-vibe-privacy.managed.en.html'); // Northwind Labs, controls managed
    h.serve(url, fixture('admin-vibe-privacy.managed.en.html'));
    const p = await h.open(url);
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor('[data-control="vibe-training"][data-value="off"]');
    await popup.waitFor('main[data-verdict="not-training"]');
    await popup.waitFor('[data-fix="vibe-training-off"].applied');
    expect(
      await popup.evaluate<string>(`() => document.querySelector('[data-fix="vibe-training-off"]').textContent`),
    ).toMatch(/admin of your organization/);
    await Promise.all([p.close(), popup.close()]);
  });
});
