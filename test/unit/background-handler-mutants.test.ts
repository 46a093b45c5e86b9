/**
 * The background's message handling (lib/background/handler.ts), the behaviours its mutation run (Stryker,
 * 29 November 2026) found unchecked: which organization a reading is filed under when the page names it only
 * in part, what a repeated reading writes (nothing, until it would go stale), what each message answers and
 * does, which tab keeps which organization, and the storage-full notice. The expectations are written out by
 * hand (the oracle). Same fakeBrowser setup as background.test.ts (test/unit/background-setup.ts).
 * Mutants that cannot change what Windsock does: test/mutation-equivalents-background.md.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler, SESSION_KEY, WRITE_ERROR_KEY, type DomPort } from '@/lib/background/handler';
import { TAB_ORGS_KEY } from '@/lib/background/shared';
import { ON_DEMAND_FILES, type SenderLike } from '@/lib/messages';
import { readStore } from '@/lib/store';
import { STORE_KEY, UNKNOWN_ORG } from '@/lib/store/schema';
import { toExport } from '@/lib/store/transfer';
import type { PageDetection } from '@/lib/detect';
import { ORIGIN, RID, T0, setup } from './background-setup';

const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const ADMIN_VIBE = 'https://admin.mistral.ai/vibe/privacy';
const SUBS = 'https://admin.mistral.ai/subscriptions';
const EXT_PAGE: SenderLike = { id: RID, url: `${ORIGIN}/options.html` };
const page = (url: string, tabId = 7): SenderLike => ({ id: RID, url, tab: { id: tabId, url }, frameId: 0 });
const stored = async () => (await readStore()).store;

const OFF = [{ key: 'vibe-training', value: 'off', via: 'page' }];
const ON = [{ key: 'vibe-training', value: 'on', via: 'page' }];
const report = (url: string, observations: unknown[], org?: { name?: string; id?: string }) => ({
  type: 'page-report',
  url,
  observations,
  ...(org ? { org } : {}),
});
/** The chat app's `organization.all`, as lib/page/run.ts hands it over. */
const accountBody = (items: object[]) => JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]);
const TEAM = { id: 'org_team', name: 'Atelier Nord', leChatPlan: 'team', orgTier: 'C', role: 'member' };
const ME = { id: 'org_me', name: 'Personal', leChatPlan: null, isLeChatPro: false, orgTier: 'B', role: 'admin' };
const H = 3600 * 1000;

type Handler = ReturnType<typeof setup>['h'];
const contextOf = async (h: Handler, url: string, tab: number) =>
  (await h.onMessage({ type: 'get-context', url, lang: 'en' }, page(url, tab))) as unknown as {
    state: string;
    ask: Record<string, boolean>;
  };
const popupOrg = async (h: Handler, tabId: number, url: string) =>
  (
    (await h.onMessage({ type: 'popup-state', tabId, url, uiLang: 'en' }, EXT_PAGE)) as unknown as {
      state: { org: string };
    }
  ).state.org;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('which organization a reading is filed under', () => {
  it('a name shown alone is never taken for the one organization stored by its id under another name', async () => {
    const { h, painted } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_a', name: 'Acme' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, ON, { name: 'Other' }), page(ADMIN_VIBE, 2));
    const s = await stored();
    expect(Object.keys(s.orgs).sort()).toEqual(['id:org_a', 'name:Other']);
    expect(s.orgs['id:org_a'].observations['vibe-training']?.value).toBe('off');
    expect(painted.at(-1)).toMatchObject({ tabId: 2, org: 'name:Other', state: 'training' });
  });

  it('an organization the chat app lists without its id leaves the record kept by that name where it is', async () => {
    const { h } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE, 1));
    const noId = { name: 'Atelier Nord', leChatPlan: 'team', orgTier: 'C' };
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([noId, ME]), active: { id: 'org_me' } },
      page(CHAT, 2),
    );
    const s = await stored();
    expect(Object.keys(s.orgs).sort()).toEqual(['id:org_me', 'name:Atelier Nord']);
    expect(s.orgs['name:Atelier Nord'].observations['vibe-training']?.value).toBe('off');
    // The Admin Panel's tab still shows that organization's OFF.
    expect((await contextOf(h, ADMIN_VIBE, 1)).state).toBe('not-training');
  });

  it('an organization the chat app lists with its id but no name is not linked to a record kept by no name', async () => {
    const { h } = setup();
    // Readings before any organization was named (a single-organization user): the unnamed record.
    await h.onMessage(report(ADMIN_VIBE, OFF), page(ADMIN_VIBE, 1));
    const noName = { id: 'org_x', leChatPlan: 'pro', orgTier: 'C' };
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([noName, ME]), active: { id: 'org_me' } },
      page(CHAT, 2),
    );
    const s = await stored();
    // The unnamed readings went to the organization named first (the documented migration), never to org_x.
    expect(s.orgs['id:org_x']).toBeUndefined();
    expect(s.orgs['id:org_me'].observations['vibe-training']?.value).toBe('off');
  });

  it('the one organization listed, with neither id nor name: the one Windsock knows as current, not a new unnamed one', async () => {
    const { h, painted } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE, 1));
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([{ isLeChatPro: true, orgTier: 'B' }]) },
      page(CHAT, 2),
    );
    expect(res).toEqual({ ok: true, matched: true });
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['name:Atelier Nord']);
    expect(s.orgs['name:Atelier Nord'].observations['plan:vibe']?.value).toBe('pro');
    expect(painted.at(-1)).toMatchObject({ tabId: 2, org: 'name:Atelier Nord', state: 'not-training' });
  });

  it.each([
    ['its id but no name', { id: 'org_1' }, 'id:org_1'],
    ['its name but no id', { name: 'Personal' }, 'name:Personal'],
  ])('the one organization listed, with %s: filed by it, not into the current one', async (_, named, key) => {
    const { h, painted } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Other' }), page(ADMIN_VIBE, 1));
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([{ ...named, isLeChatPro: true }]) },
      page(CHAT, 2),
    );
    const s = await stored();
    expect(s.orgs[key].observations['plan:vibe']?.value).toBe('pro');
    expect(s.orgs['name:Other'].observations['plan:vibe']).toBeUndefined();
    expect(painted.at(-1)).toMatchObject({ tabId: 2, org: key, state: 'training' });
  });

  it('several listed, the active one flagged but with neither id nor name: never an organization Windsock knows', async () => {
    const { h, painted } = setup();
    // A known organization, by its id only (nameless), training off, seen last.
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([{ id: 'org_1', leChatPlan: 'team' }]) },
      page(CHAT, 1),
    );
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1' }), page(ADMIN_VIBE, 1));
    const flagged = { isActive: true, isLeChatPro: true };
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([flagged, { ...TEAM, id: 'org_2' }]) },
      page(CHAT, 2),
    );
    const s = await stored();
    expect(s.orgs['id:org_1'].observations['plan:vibe']?.value).toBe('team');
    expect(s.orgs.default.observations['plan:vibe']?.value).toBe('pro');
    expect(painted.at(-1)).toMatchObject({ tabId: 2, org: 'default', state: 'training' });
  });

  it('account data that lists one organization and no plan: answered, the organization recorded with nothing read', async () => {
    const { h } = setup();
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([{ orgTier: 'Z', role: 'admin' }]) },
      page(CHAT, 2),
    );
    expect(res).toEqual({ ok: true, matched: false });
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['default']);
    expect(s.orgs.default.observations).toEqual({});
    expect(s.history).toEqual([]);
    // Written as it reads: nothing for the options page to report as repaired.
    expect((await readStore()).problems).toEqual([]);
  });

  it('several listed and none said active: what was kept by name is linked to its id, and the tab is "can\'t tell"', async () => {
    const { h, writes } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE, 1));
    const msg = { type: 'account-data', url: CHAT, body: accountBody([TEAM, ME]) };
    expect(await h.onMessage(msg, page(CHAT, 2))).toMatchObject({ ok: true, org: 'unknown' });
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['id:org_team']);
    expect(s.orgs['id:org_team'].observations['vibe-training']?.value).toBe('off');
    expect(s.currentOrg).toBe(UNKNOWN_ORG);
    expect(writes).toHaveBeenCalledTimes(2);
    // The same account data again: nothing new, nothing written.
    expect(await h.onMessage(msg, page(CHAT, 2))).toMatchObject({ ok: true, org: 'unknown' });
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('the same account data again writes nothing; a link it newly allows is written though the reading repeats', async () => {
    const { h, writes } = setup();
    const mine = { type: 'account-data', url: CHAT, body: accountBody([ME]) };
    await h.onMessage(mine, page(CHAT, 1));
    expect(writes).toHaveBeenCalledTimes(1);
    await h.onMessage(mine, page(CHAT, 1));
    expect(writes).toHaveBeenCalledTimes(1);
    // The Admin Panel of the Team organization, which shows only its name; then the chat app lists both.
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE, 2));
    await h.onMessage(mine, page(CHAT, 1)); // the personal workspace current again
    const both = { type: 'account-data', url: CHAT, body: accountBody([TEAM, ME]), active: { id: 'org_me' } };
    await h.onMessage(both, page(CHAT, 1));
    const s = await stored();
    expect(Object.keys(s.orgs).sort()).toEqual(['id:org_me', 'id:org_team']);
    // A chat tab in the Team workspace gets the Team organization's OFF.
    await h.onMessage({ ...both, active: { id: 'org_team' } }, page(CHAT, 3));
    expect((await contextOf(h, CHAT, 3)).state).toBe('not-training');
  });
});

describe('a report without an organization, from a tab that showed one', () => {
  /** Tab 1 shows the Team organization (training off), tab 2 the Personal one (training on), seen last. */
  async function twoTabs(h: Handler) {
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_team', name: 'Team' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_me', name: 'Personal' }), page(ADMIN_VIBE, 2));
  }

  it('its readings go to the tab’s organization, not to the one seen last, and the tab keeps its organization', async () => {
    const { h, painted } = setup();
    await twoTabs(h);
    await h.onMessage(report(SUBS, [{ key: 'plan:vibe', value: 'team', via: 'page' }]), page(SUBS, 1));
    const s = await stored();
    expect(s.orgs['id:org_team'].observations['plan:vibe']?.value).toBe('team');
    expect(s.orgs['id:org_me'].observations['plan:vibe']).toBeUndefined();
    expect(painted.at(-1)).toMatchObject({ tabId: 1, org: 'id:org_team', state: 'not-training' });
  });

  it('with nothing read either: nothing written, the organization seen last unchanged, the tab painted as its own', async () => {
    const { h, writes, painted } = setup();
    await twoTabs(h);
    const n = writes.mock.calls.length;
    expect(await h.onMessage(report(ADMIN_VIBE, []), page(ADMIN_VIBE, 1))).toEqual({ ok: true });
    expect(writes).toHaveBeenCalledTimes(n);
    expect((await stored()).currentOrg).toBe('id:org_me');
    expect(painted.at(-1)).toMatchObject({ tabId: 1, org: 'id:org_team', state: 'not-training' });
  });

  it('from an extension page (no tab): recorded, and no badge painted (never the toolbar’s global badge)', async () => {
    const { h, painted } = setup();
    expect(await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), EXT_PAGE)).toEqual({ ok: true });
    expect((await stored()).orgs['name:Atelier Nord'].observations['vibe-training']?.value).toBe('off');
    expect(painted).toEqual([]);
  });
});

describe('a reading that repeats what is stored', () => {
  it('an organization renamed (same id, same readings): its new name is written', async () => {
    const { h, writes } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1', name: 'Atelier Nord' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1', name: 'Atelier Sud' }), page(ADMIN_VIBE, 1));
    expect(writes).toHaveBeenCalledTimes(2);
    expect((await stored()).orgs['id:org_1'].name).toBe('Atelier Sud');
  });

  it('the same plan from a surer source (the Subscriptions page after a cue in the chat): written as the surer one', async () => {
    const { h } = setup();
    const org = { id: 'org_1', name: 'Atelier Nord' };
    await h.onMessage(
      report(CHAT, [{ key: 'plan:vibe', value: 'pro', via: 'visible-cue', confidence: 0.6 }], org),
      page(CHAT, 1),
    );
    await h.onMessage(report(SUBS, [{ key: 'plan:vibe', value: 'pro', via: 'page' }], org), page(SUBS, 2));
    expect((await stored()).orgs['id:org_1'].observations['plan:vibe']).toMatchObject({
      value: 'pro',
      via: 'page',
      where: 'admin-subscriptions',
      confidence: 1,
    });
  });

  it('a minute later: nothing written; six hours later: written again, so that it does not go stale', async () => {
    let clock = T0;
    const { h, writes } = setup(() => clock);
    const org = { id: 'org_1', name: 'Atelier Nord' };
    await h.onMessage(report(ADMIN_VIBE, OFF, org), page(ADMIN_VIBE, 1));
    clock = T0 + 60_000;
    await h.onMessage(report(ADMIN_VIBE, OFF, org), page(ADMIN_VIBE, 1));
    expect(writes).toHaveBeenCalledTimes(1);
    clock = T0 + 6 * H;
    await h.onMessage(report(ADMIN_VIBE, OFF, org), page(ADMIN_VIBE, 1));
    expect(writes).toHaveBeenCalledTimes(2);
    expect((await stored()).orgs['id:org_1'].observations['vibe-training']?.seenAt).toBe(T0 + 6 * H);
  });

  it('one of the organization’s readings six hours old: the repeat is written, though another is fresh', async () => {
    let clock = T0;
    const { h, writes } = setup(() => clock);
    const org = { id: 'org_1', name: 'Atelier Nord' };
    await h.onMessage(report(ADMIN_VIBE, OFF, org), page(ADMIN_VIBE, 1));
    clock = T0 + 5 * H;
    await h.onMessage(report(SUBS, [{ key: 'plan:vibe', value: 'pro', via: 'page' }], org), page(SUBS, 1));
    clock = T0 + 7 * H;
    await h.onMessage(report(ADMIN_VIBE, OFF, org), page(ADMIN_VIBE, 1));
    expect(writes).toHaveBeenCalledTimes(3);
    expect((await stored()).orgs['id:org_1'].observations['vibe-training']?.seenAt).toBe(T0 + 7 * H);
  });
});

describe('page-dom: the organization a page shows in part', () => {
  const reading = (extra: Partial<PageDetection>): DomPort => ({
    read: async () =>
      ({
        surface: 'admin-vibe-privacy',
        observations: [{ key: 'vibe-training', value: 'off', via: 'page' }],
        planSignals: [],
        detectors: [],
        ...extra,
      }) as PageDetection,
  });
  const tree = { v: 1, root: { t: 'html' } };

  it('its name only: filed under that name, for that tab', async () => {
    const { h } = setup(undefined, undefined, reading({ orgName: 'Atelier Nord' }));
    const res = await h.onMessage({ type: 'page-dom', url: ADMIN_VIBE, page: tree }, page(ADMIN_VIBE, 1));
    expect(res).toMatchObject({ ok: true });
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['name:Atelier Nord']);
    expect(h.orgForTab(s, 1, ADMIN_VIBE)).toBe('name:Atelier Nord');
  });

  it('its id only: filed under that id, for that tab', async () => {
    const { h } = setup(undefined, undefined, reading({ orgId: 'org_9' }));
    await h.onMessage({ type: 'page-dom', url: ADMIN_VIBE, page: tree }, page(ADMIN_VIBE, 1));
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['id:org_9']);
    expect(h.orgForTab(s, 1, ADMIN_VIBE)).toBe('id:org_9');
  });
});

describe('what each message does and answers', () => {
  it('an extension page asking about a page that is not Mistral’s: { ok: false }, nothing written', async () => {
    const { h, writes, painted } = setup();
    const url = 'https://example.com/chat';
    for (const msg of [
      report(url, [], { name: 'Atelier Nord' }),
      report(url, []),
      { type: 'get-rules', url },
      { type: 'get-context', url, lang: 'en' },
    ])
      expect(await h.onMessage(msg, EXT_PAGE), msg.type).toEqual({ ok: false });
    expect(writes).not.toHaveBeenCalled();
    expect(painted).toEqual([]);
  });

  it('get-rules where the reading needs no readying (Firefox’s background page: no warm())', async () => {
    const { h } = setup(undefined, undefined, { read: async () => null });
    const res = (await h.onMessage({ type: 'get-rules', url: CHAT }, page(CHAT))) as { ok: boolean; rules?: unknown };
    expect(res.ok).toBe(true);
    expect(res.rules).toBeTruthy();
  });

  it('"don’t ask again", always: stored once, for good; this session’s list untouched', async () => {
    const { h, writes } = setup();
    const msg = { type: 'guard-choice', url: CHAT, guard: 'feedback', scope: 'always' };
    expect(await h.onMessage(msg, page(CHAT))).toEqual({ ok: true });
    expect((await stored()).guardsOff).toEqual(['feedback']);
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toBeUndefined();
    expect((await contextOf(h, CHAT, 7)).ask.feedback).toBe(false);
    await h.onMessage(msg, page(CHAT));
    expect((await stored()).guardsOff).toEqual(['feedback']);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('set-guards: the warnings off for good, the rest of the store kept; this session’s choices kept where still off', async () => {
    const { h } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE, 1));
    for (const guard of ['feedback', 'share'])
      await h.onMessage({ type: 'guard-choice', url: CHAT, guard, scope: 'session' }, page(CHAT));
    expect(await h.onMessage({ type: 'set-guards', guardsOff: ['feedback', 'labs'] }, EXT_PAGE)).toEqual({
      ok: true,
    });
    const s = await stored();
    expect(s.guardsOff).toEqual(['feedback', 'labs']);
    expect(Object.keys(s.orgs)).toEqual(['name:Atelier Nord']);
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toEqual(['feedback']);
  });

  it('open-verdict: for the asking tab; none without a tab', async () => {
    const { h, opened, injected } = setup();
    expect(await h.onMessage({ type: 'open-verdict', url: CHAT }, page(CHAT, 7))).toEqual({ ok: true });
    expect(opened).toEqual([7]);
    expect(await h.onMessage({ type: 'open-verdict', url: CHAT }, EXT_PAGE)).toEqual({ ok: false });
    expect(opened).toEqual([7]);
    expect(injected).toEqual([]);
  });

  it('record-share, dismiss-banner and set-settings answer { ok: true } and do it', async () => {
    const { h } = setup();
    expect(await h.onMessage({ type: 'record-share', url: CHAT, chatId: '3f6c2a1e-8b4d' }, page(CHAT))).toEqual({
      ok: true,
    });
    expect(await h.onMessage({ type: 'dismiss-banner', url: CHAT }, page(CHAT))).toEqual({ ok: true });
    expect(await h.onMessage({ type: 'set-settings', settings: { language: 'fr' } }, EXT_PAGE)).toEqual({
      ok: true,
    });
    const s = await stored();
    expect(s.shares.map((x) => x.chatId)).toEqual(['3f6c2a1e-8b4d']);
    expect(Object.keys(s.bannerDismissedUntil)).toEqual(['default']);
    expect(s.settings.language).toBe('fr');
  });

  it('import: the file’s store replaces this one, and no tab keeps an organization of the store before', async () => {
    const { h, ports } = setup();
    // The file: another browser's record, the Personal organization current.
    await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_me', name: 'Personal' }), page(ADMIN_VIBE, 1));
    const file = JSON.stringify(toExport(await stored(), T0));
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.session.clear();
    const h2 = createHandler(ports);
    await h2.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_team', name: 'Team' }), page(ADMIN_VIBE, 1));
    expect(await popupOrg(h2, 1, ADMIN_VIBE)).toBe('id:org_team');
    expect(await h2.onMessage({ type: 'import', text: file }, EXT_PAGE)).toEqual({ ok: true });
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['id:org_me']);
    expect(await popupOrg(h2, 1, ADMIN_VIBE)).toBe('id:org_me');
    expect((await fakeBrowser.storage.session.get(TAB_ORGS_KEY))[TAB_ORGS_KEY]).toEqual({});
  });

  it('reset: answered { ok: true }, and no tab keeps an organization of the erased store', async () => {
    const { h, paintAlls } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_team', name: 'Team' }), page(ADMIN_VIBE, 1));
    expect(await popupOrg(h, 1, ADMIN_VIBE)).toBe('id:org_team');
    expect(await h.onMessage({ type: 'reset' }, EXT_PAGE)).toEqual({ ok: true });
    expect(await popupOrg(h, 1, ADMIN_VIBE)).toBe('default');
    expect((await fakeBrowser.storage.session.get(TAB_ORGS_KEY))[TAB_ORGS_KEY]).toEqual({});
    expect(paintAlls()).toBe(1);
  });

  it('load-part from a sender whose frame the browser leaves unnamed: into the top frame', async () => {
    const { h, injected } = setup();
    const sender = { id: RID, url: CHAT, tab: { id: 7, url: CHAT } };
    expect(await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, sender)).toEqual({ ok: true });
    expect(injected).toEqual([{ target: { tabId: 7, frameId: 0 }, file: ON_DEMAND_FILES.dialog }]);
  });

  it('load-part refused by the browser with a long message: the answer carries 200 characters of it', async () => {
    const { h } = setup(undefined, new Error('x'.repeat(500)));
    const res = (await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, page(CHAT))) as {
      ok: boolean;
      error: string;
    };
    expect(res).toEqual({ ok: false, error: 'x'.repeat(200) });
  });
});

describe('scan-text from two tabs at once', () => {
  it('one tab’s newer request abandons nothing of another tab’s', async () => {
    const waiting: (() => void)[] = [];
    const { ports } = setup();
    const h = createHandler({
      ...ports,
      scanner: { sliceMs: 0, pause: () => new Promise<void>((r) => waiting.push(r)) },
    });
    const text = `${'lorem ipsum dolor sit amet, '.repeat(4000)} camille.martin@example.fr`;
    const scan = (tabId: number, seq: number) =>
      h.onMessage({ type: 'scan-text', url: CHAT, text, seq }, page(CHAT, tabId));
    const first = scan(1, 2);
    await vi.waitFor(() => expect(waiting.length).toBe(1));
    const second = scan(2, 1);
    const pump = setInterval(() => waiting.splice(0).forEach((r) => r()), 1);
    try {
      expect(await first).toEqual({ ok: true, seq: 2, counts: { email: 1 } });
      expect(await second).toEqual({ ok: true, seq: 1, counts: { email: 1 } });
    } finally {
      clearInterval(pump);
    }
  });
});

describe('errors, and the storage-full notice of the options page', () => {
  function fullStorage() {
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const ctl = { full: true };
    const made = setup();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (ctl.full && STORE_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return realSet(items);
    });
    return { ...made, ctl };
  }
  const notice = async () => (await fakeBrowser.storage.session.get(WRITE_ERROR_KEY))[WRITE_ERROR_KEY];

  it('kept while nothing is written (a tab asking for its context, a reading that repeats the store); gone once a write goes through', async () => {
    const { h, ctl } = fullStorage();
    ctl.full = false;
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1' }), page(ADMIN_VIBE, 1));
    ctl.full = true;
    expect(await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_1' }), page(ADMIN_VIBE, 1))).toEqual({
      ok: false,
      error: 'quota',
    });
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
    // Answered, but nothing written: the storage is still full as far as anyone knows.
    expect((await contextOf(h, ADMIN_VIBE, 1)).state).toBe('not-training');
    expect(await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1' }), page(ADMIN_VIBE, 1))).toEqual({ ok: true });
    expect(await h.onMessage({ type: 'get-rules', url: CHAT }, page(CHAT, 2))).toMatchObject({ ok: true });
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
    // A refusal changes nothing either.
    expect(await h.onMessage({ type: 'open-verdict', url: CHAT }, EXT_PAGE)).toEqual({ ok: false });
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
    // The user made room: the next write goes through, and the notice goes.
    ctl.full = false;
    expect(await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_1' }), page(ADMIN_VIBE, 1))).toEqual({ ok: true });
    expect((await notice()) ?? null).toBeNull(); // storage.session drops a key set to null
  });

  it('erasing the record makes room: the notice goes', async () => {
    const { h } = fullStorage();
    expect(await h.onMessage(report(ADMIN_VIBE, ON), page(ADMIN_VIBE, 1))).toMatchObject({ error: 'quota' });
    expect(await h.onMessage({ type: 'reset' }, EXT_PAGE)).toEqual({ ok: true });
    expect((await notice()) ?? null).toBeNull(); // storage.session drops a key set to null
  });

  it('a notice left by a previous life of the background (a service worker restarted): gone with the first write that goes through', async () => {
    await fakeBrowser.storage.session.set({ [WRITE_ERROR_KEY]: { at: T0, code: 'quota' } });
    const { h } = setup();
    expect((await contextOf(h, ADMIN_VIBE, 1)).state).toBe('unknown');
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
    expect(await h.onMessage(report(ADMIN_VIBE, OFF), page(ADMIN_VIBE, 1))).toEqual({ ok: true });
    expect((await notice()) ?? null).toBeNull(); // storage.session drops a key set to null
  });

  it('an error that is not the store’s: answered with its message (200 characters at most), the notice untouched', async () => {
    const { h, ports } = fullStorage();
    await h.onMessage(report(ADMIN_VIBE, ON), page(ADMIN_VIBE, 1));
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
    const broken = createHandler({
      ...ports,
      badge: {
        ...ports.badge,
        paint: async () => {
          throw new Error(`badge gone ${'y'.repeat(300)}`);
        },
      },
    });
    const res = (await broken.onMessage(report(ADMIN_VIBE, []), page(ADMIN_VIBE, 1))) as {
      ok: boolean;
      error: string;
    };
    expect(res).toEqual({ ok: false, error: `badge gone ${'y'.repeat(189)}` });
    expect(await notice()).toEqual({ at: T0, code: 'quota' });
  });
});

describe('storage.session unreadable or corrupt', () => {
  it('"this session" choices unreadable: every warning still asks, and a new choice is still taken', async () => {
    const { ports } = setup();
    const set = vi.fn(ports.session.set);
    const h = createHandler({ ...ports, session: { get: async () => Promise.reject(new Error('gone')), set } });
    const ctx = (await h.onMessage({ type: 'get-context', url: CHAT, lang: 'en' }, page(CHAT))) as unknown as {
      ask: Record<string, boolean>;
    };
    expect(ctx.ask.feedback).toBe(true);
    expect(
      await h.onMessage({ type: 'guard-choice', url: CHAT, guard: 'feedback', scope: 'session' }, page(CHAT)),
    ).toEqual({ ok: true });
    expect(set).toHaveBeenCalledWith(SESSION_KEY, ['feedback']);
  });

  it('a fresh browser session, whose storage answers null for a key never set (as WXT’s getItem does): the background answers', async () => {
    const { ports } = setup();
    const h = createHandler({
      ...ports,
      session: { ...ports.session, get: async (key) => (await ports.session.get(key)) ?? null },
    });
    expect((await contextOf(h, CHAT, 1)).state).toBe('unknown');
    expect(await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_1' }), page(ADMIN_VIBE, 1))).toEqual({ ok: true });
    expect((await contextOf(h, ADMIN_VIBE, 1)).state).toBe('not-training');
  });
});

describe('tabs: painting one, forgetting one', () => {
  it('paintTab paints a tab as its own organization sees it', async () => {
    const { h, painted } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_team', name: 'Team' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_me', name: 'Personal' }), page(ADMIN_VIBE, 2));
    painted.splice(0);
    await h.paintTab(1, ADMIN_VIBE, await stored());
    expect(painted).toEqual([{ tabId: 1, url: ADMIN_VIBE, org: 'id:org_team', state: 'not-training' }]);
  });

  it('forgetting a closed tab forgets only that tab’s organization', async () => {
    const { h } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { id: 'org_team', name: 'Team' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, ON, { id: 'org_me', name: 'Personal' }), page(ADMIN_VIBE, 2));
    await h.forgetTab(2);
    expect((await contextOf(h, ADMIN_VIBE, 1)).state).toBe('not-training');
    expect((await fakeBrowser.storage.session.get(TAB_ORGS_KEY))[TAB_ORGS_KEY]).toEqual({
      '1 admin.mistral.ai': 'id:org_team',
    });
  });
});
