/**
 * Whose settings a tab's messages are about (lib/background/handler.ts): each tab is answered, and each of its
 * choices filed, under the organization that tab shows — never the one seen last in another tab. Two tabs, two
 * organizations: the chat app's Personal workspace (Free: trains by default) in tab 1, a Team organization whose
 * Admin Panel says training is off in tab 2 (seen last). A reviewer's sabotages (each message answered from, or
 * written to, the last organization seen) passed every other unit test; each test here fails under one of them.
 * The expectations are written out by hand (the oracle): Free with training unknown is `training`, the Team
 * organization with its switch read off is `not-training`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler, SESSION_KEY } from '@/lib/background/handler';
import { TAB_ORGS_KEY } from '@/lib/background/shared';
import { ORIGIN, RID, setup, T0 } from './background-setup';
import { readStore } from '@/lib/store';
import type { SenderLike } from '@/lib/messages';
import { toExport } from '@/lib/store/transfer';

const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const ADMIN = 'https://admin.mistral.ai/vibe/privacy';
const page = (url: string, tabId: number): SenderLike => ({ id: RID, url, tab: { id: tabId, url }, frameId: 0 });

/** The chat app's account data (`organization.all`), as lib/page/run.ts hands it over. */
const body = (items: object[]) => JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]);
const TEAM = { id: 'org_team', name: 'Atelier Nord', leChatPlan: 'team', orgTier: 'C', role: 'member' };
const ME = { id: 'org_me', name: 'Personal', leChatPlan: null, isLeChatPro: false, orgTier: 'B', role: 'admin' };

/** Tab 1 shows the Personal workspace (Free); tab 2 the Team organization's Admin Panel, training off (seen last). */
async function twoTabs(h: ReturnType<typeof createHandler>) {
  await h.onMessage(
    { type: 'account-data', url: CHAT, body: body([TEAM, ME]), active: { id: 'org_me' } },
    page(CHAT, 1),
  );
  await h.onMessage(
    {
      type: 'page-report',
      url: ADMIN,
      observations: [{ key: 'vibe-training', value: 'off', via: 'page' }],
      org: { id: 'org_team', name: 'Atelier Nord' },
    },
    page(ADMIN, 2),
  );
  expect((await readStore()).store.currentOrg).toBe('id:org_team'); // the one seen last
}

type Ctx = { state: string; banner: boolean; ask: Record<string, boolean> };
const contextOf = async (h: ReturnType<typeof createHandler>, url: string, tab: number) =>
  (await h.onMessage({ type: 'get-context', url, lang: 'en' }, page(url, tab))) as unknown as Ctx;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('each tab is about its own organization', () => {
  it('get-context: the Free workspace’s tab is told it trains (banner shown), though the Team organization seen last does not', async () => {
    const { h } = setup();
    await twoTabs(h);
    const chat = await contextOf(h, CHAT, 1);
    expect(chat.state).toBe('training');
    expect(chat.banner).toBe(true);
    expect((await contextOf(h, ADMIN, 2)).state).toBe('not-training');
  });

  it('dismiss-banner: filed under the tab’s organization, and it hides that tab’s banner only', async () => {
    const { h } = setup();
    await twoTabs(h);
    await h.onMessage({ type: 'dismiss-banner', url: CHAT }, page(CHAT, 1));
    expect(Object.keys((await readStore()).store.bannerDismissedUntil)).toEqual(['id:org_me']);
    expect((await contextOf(h, CHAT, 1)).banner).toBe(false);
  });

  it('record-share: the chat shared is filed under the tab’s organization; the last one seen stays current', async () => {
    const { h } = setup();
    await twoTabs(h);
    await h.onMessage(
      { type: 'record-share', url: CHAT, chatId: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c' },
      page(CHAT, 1),
    );
    const { store } = await readStore();
    expect(store.shares.map((s) => [s.chatId, s.org])).toEqual([['3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', 'id:org_me']]);
    expect(store.currentOrg).toBe('id:org_team');
  });
});

describe('a report that names no organization', () => {
  it('from a tab that showed one: filed under that tab’s organization, not under the one seen last elsewhere', async () => {
    const { h } = setup();
    // Tab 2: the Team organization's Admin Panel, named. Then tab 1's account data makes Personal the last seen.
    await h.onMessage(
      {
        type: 'page-report',
        url: ADMIN,
        observations: [{ key: 'vibe-training', value: 'on', via: 'page' }],
        org: { id: 'org_team', name: 'Atelier Nord' },
      },
      page(ADMIN, 2),
    );
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: body([TEAM, ME]), active: { id: 'org_me' } },
      page(CHAT, 1),
    );
    expect((await readStore()).store.currentOrg).toBe('id:org_me');
    // Tab 2 again, its organization not (yet) shown on the page: the switch read off is the Team's.
    await h.onMessage(
      { type: 'page-report', url: ADMIN, observations: [{ key: 'vibe-training', value: 'off', via: 'page' }] },
      page(ADMIN, 2),
    );
    const { store } = await readStore();
    expect(store.orgs['id:org_team']?.observations['vibe-training']?.value).toBe('off');
    expect(store.orgs['id:org_me']?.observations['vibe-training']).toBeUndefined();
    expect((await contextOf(h, CHAT, 1)).state).toBe('training');
  });
});

describe('a tab whose organization is not known to it', () => {
  it('a restarted service worker still answers each tab about its own organization (kept in storage.session)', async () => {
    await twoTabs(setup().h);
    const restarted = setup().h; // the same storage, a new handler: what a service worker restart gives
    const chat = await contextOf(restarted, CHAT, 1);
    expect(chat.state).toBe('training');
    expect((await contextOf(restarted, ADMIN, 2)).state).toBe('not-training');
  });

  it('a chat tab that showed no organization, when several are known: the unknown one (cautious), not the last seen', async () => {
    const { h } = setup();
    await twoTabs(h);
    // Tab 3: a chat page whose account data never came. The Team organization (not training) was seen last.
    expect((await contextOf(h, CHAT, 3)).state).toBe('unknown');
  });

  it('a closed tab’s organization is forgotten: a new page in a tab of the same number is not taken for it', async () => {
    const { h } = setup();
    await twoTabs(h);
    await h.forgetTab(2);
    await h.onMessage({ type: 'account-data', url: CHAT, body: body([TEAM, ME]) }, page(CHAT, 1));
    const kept = (await fakeBrowser.storage.session.get(TAB_ORGS_KEY))[TAB_ORGS_KEY] as Record<string, string>;
    expect(Object.keys(kept)).toEqual(['1 chat.mistral.ai']);
  });
});

describe('erasing or importing the record forgets which organization each tab showed', () => {
  const OPTIONS: SenderLike = { id: RID, url: `${ORIGIN}/options.html` };
  const tabOrgs = async () =>
    (await fakeBrowser.storage.session.get(TAB_ORGS_KEY))[TAB_ORGS_KEY] as Record<string, string> | undefined;

  it('reset', async () => {
    const { h } = setup();
    await twoTabs(h);
    expect(Object.keys((await tabOrgs()) ?? {})).toHaveLength(2);
    expect(await h.onMessage({ type: 'reset' }, OPTIONS)).toEqual({ ok: true });
    expect(await tabOrgs()).toEqual({});
  });

  it('import', async () => {
    const { h } = setup();
    await twoTabs(h);
    const text = JSON.stringify(toExport((await readStore()).store, T0));
    expect(await h.onMessage({ type: 'import', text }, OPTIONS)).toEqual({ ok: true });
    expect(await tabOrgs()).toEqual({});
  });
});

describe('an organization the Admin Panel names without its id', () => {
  const report = (
    h: ReturnType<typeof createHandler>,
    org: { id?: string; name?: string },
    value: 'on' | 'off' = 'off',
  ) =>
    h.onMessage(
      { type: 'page-report', url: ADMIN, observations: [{ key: 'vibe-training', value, via: 'page' }], org },
      page(ADMIN, 2),
    );
  const offIn = async () =>
    Object.entries((await readStore()).store.orgs)
      .filter(([, o]) => o.observations['vibe-training']?.value === 'off')
      .map(([k]) => k);

  it('is the one stored organization of that name known by its id (a record kept by its name aside)', async () => {
    const { h } = setup();
    await report(h, { name: 'Atelier Nord' }, 'on'); // before its id was known: kept by name
    await report(h, { id: 'org_team', name: 'Atelier Nord' }, 'on');
    await report(h, { name: 'Atelier Nord' }, 'off');
    expect(await offIn()).toEqual(['id:org_team']);
  });

  it('kept by its name until the chat app lists it with its id: then moved to the id', async () => {
    const { h } = setup();
    await report(h, { name: 'Atelier Nord' });
    expect(await offIn()).toEqual(['name:Atelier Nord']);
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: body([TEAM, ME]), active: { id: 'org_me' } },
      page(CHAT, 1),
    );
    expect(await offIn()).toEqual(['id:org_team']);
    expect(Object.keys((await readStore()).store.orgs)).not.toContain('name:Atelier Nord');
  });

  it('two stored organizations of that name, each known by its id: a reading by that name alone goes to neither', async () => {
    const { h } = setup();
    await report(h, { id: 'org_team', name: 'Atelier Nord' }, 'on');
    await report(h, { id: 'org_twin', name: 'Atelier Nord' }, 'on');
    await report(h, { name: 'Atelier Nord' }, 'off');
    expect(await offIn()).toEqual(['name:Atelier Nord']);
  });

  it('two organizations of that name: neither is taken for it (its readings stay apart, by name)', async () => {
    const { h } = setup();
    await report(h, { name: 'Atelier Nord' });
    const twin = { ...TEAM, id: 'org_twin' };
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: body([TEAM, twin, ME]), active: { id: 'org_me' } },
      page(CHAT, 1),
    );
    expect(await offIn()).toEqual(['name:Atelier Nord']);
  });
});

describe('"don’t ask again" for this session', () => {
  it('a session choice repaints every tab; switching the warning back on in the options ends the session choice', async () => {
    const { h, paintAlls } = setup();
    await h.onMessage({ type: 'guard-choice', url: CHAT, guard: 'feedback', scope: 'session' }, page(CHAT, 1));
    expect(paintAlls()).toBe(1);
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toEqual(['feedback']);
    expect((await contextOf(h, CHAT, 1)).ask.feedback).toBe(false);
    // The options page sends the warnings switched off for good: none. The session's choice goes with it.
    await h.onMessage({ type: 'set-guards', guardsOff: [] }, { id: RID, url: `${ORIGIN}/options.html` });
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toEqual([]);
    expect((await contextOf(h, CHAT, 1)).ask.feedback).toBe(true);
  });
});
