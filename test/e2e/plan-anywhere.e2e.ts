/**
 * Issue 12, end to end in Chromium and Firefox on replica pages served at their real URLs: the plan read where a
 * person sees it (a Team badge in the Admin Panel's organization switcher, a "Plan · Scale" card on Studio's home,
 * a Pro badge in Vibe's account menu), and the corrected rule: with the plan unknown, the training toggle switched
 * off on the page gives OFF (not "?"), while switching it on gives ON.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, badgeBecomes, fixture, launch, until, type Harness, urlOf } from './harness';

describe.each(BROWSERS)('the plan wherever a person sees it, in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
  });

  it('a Team badge in the organization switcher and Model training off: OFF, the plan read from the page', async () => {
    const url = urlOf('admin-vibe-privacy.org-team.en.html');
    h.serve(url, fixture('admin-vibe-privacy.org-team.en.html'));
    const page = await h.open(url);
    await badgeBecomes(h, url, 'OFF');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor('[data-plan="team"] .provenance[data-via="page"]');
    expect([...page.errors, ...popup.errors]).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('with the plan unknown, switching Model training off on the page gives OFF; on gives ON', async () => {
    const url = urlOf('admin-vibe-privacy.switch.en.html');
    h.serve(url, fixture('admin-vibe-privacy.switch.en.html'));
    const page = await h.open(url);
    await badgeBecomes(h, url, 'ON');
    await page.click('#model-training');
    await badgeBecomes(h, url, 'OFF');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor('main[data-verdict="not-training"]');
    await popup.close();
    await page.click('#model-training');
    await badgeBecomes(h, url, 'ON');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('"Plan · Scale" on Studio\'s home page: the API plan is Scale', async () => {
    const url = urlOf('studio-home.plan-card.en.html');
    h.serve(url, fixture('studio-home.plan-card.en.html'));
    const page = await h.open(url);
    await until(async () => (await h.badge(url)).text !== '', 'a badge on Studio');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor('[data-plan="scale"]');
    expect([...page.errors, ...popup.errors]).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it("a Pro badge in the account menu: Pro, cautious ON (the documents disagree on Pro's default)", async () => {
    const url = urlOf('vibe-chat-home.account-pro.en.html');
    h.serve(url, fixture('vibe-chat-home.account-pro.en.html'));
    const page = await h.open(url);
    await badgeBecomes(h, url, 'ON');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(url)}`);
    await popup.waitFor('[data-plan="pro"]');
    expect([...page.errors, ...popup.errors]).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
