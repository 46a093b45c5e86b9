/**
 * The background's message handling (lib/background/handler.ts) over WXT's fakeBrowser: the real store module
 * (lib/store) on a fake storage.local, a recording badge painter and tabs port.
 *
 * 1. The trust boundary, as a table of EVERY message type × EVERY kind of sender, each row allowed or refused
 *    as README's "Messages" section says. The expectations are written out by hand below (the oracle), not
 *    computed from lib/messages.ts: a change in the rules must change this table.
 * 2. Whose settings (issue 11, attacks 4 and 5), limits and cost (attacks 6 and 7).
 * 3. page-dom (issue 13): a sent page read here, recorded as its page-report would be, or not at all.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler, SESSION_KEY, WRITE_ERROR_KEY } from '@/lib/background/handler';
import { TAB_ORGS_KEY, tabOrgKey } from '@/lib/background/shared';
import { CONTENT_TYPES, Message, ON_DEMAND_FILES, type SenderLike } from '@/lib/messages';
import { readStore } from '@/lib/store';
import { HISTORY_MAX, ORGS_MAX, STORE_KEY, UNKNOWN_ORG, type Store } from '@/lib/store/schema';
import { surfaceOf } from '@/lib/surfaces';
import { EXPORT_KIND, EXPORT_FORMAT } from '@/lib/store/transfer';
import { rulesetFor } from '@/lib/detect/rules';
import { isRuleset, type Ruleset } from '@/lib/detect/ruleset';
import type { MistralHost } from '@/lib/hosts';
import { ORIGIN, RID, T0, setup } from './background-setup';
import { serializePage, type PageTree } from '@/lib/page/serialize';
import type { PageDetection } from '@/lib/detect';

const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const ADMIN_VIBE = 'https://admin.mistral.ai/vibe/privacy';
const ADMIN_API = 'https://admin.mistral.ai/plateforme/privacy';
const STUDIO = 'https://console.mistral.ai/build/playground';

const page = (url: string, tabId = 7, frameId = 0): SenderLike => ({ id: RID, url, tab: { id: tabId, url }, frameId });
const EXT_PAGE: SenderLike = { id: RID, url: `${ORIGIN}/options.html` };
const stored = async () => (await readStore()).store;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------------------
// 1. Every message type × every sender
// ---------------------------------------------------------------------------------------------------------

/** A well-formed message of each type, about `url` (the sender's own page for content scripts). */
function messageOf(type: Message['type'], url: string): unknown {
  const s = surfaceOf(url);
  // What this page would naturally report (its own surface's readings; the chat app's plan cue).
  const obs =
    s?.id === 'admin-vibe-privacy'
      ? [{ key: 'vibe-training', value: 'off', via: 'page' }]
      : s?.id === 'admin-api-privacy'
        ? [{ key: 'api-training', value: 'off', via: 'page' }]
        : s?.host === 'console.mistral.ai'
          ? [{ key: 'plan:api', value: 'scale', via: 'page' }]
          : [{ key: 'plan:vibe', value: 'pro', via: 'visible-cue', confidence: 0.6 }];
  switch (type) {
    case 'page-report':
      return { type, url, observations: obs, org: { name: 'Atelier Nord' } };
    case 'account-data':
      return {
        type,
        url,
        body: JSON.stringify([
          { result: { data: { json: { items: [{ id: 'org_1', name: 'Atelier Nord', leChatPlan: 'team' }] } } } },
        ]),
      };
    case 'get-context':
      return { type, url, lang: 'en' };
    case 'get-rules':
      return { type, url };
    case 'guard-choice':
      return { type, url, guard: s?.id === 'admin-api-privacy' ? 'labs' : 'feedback', scope: 'always' };
    case 'record-share':
      return { type, url, chatId: '3f6c2a1e-8b4d-4e7a' };
    case 'dismiss-banner':
      return { type, url };
    case 'open-verdict':
      return { type, url };
    case 'scan-text':
      return { type, url, text: 'write to camille.martin@example.fr', seq: 1 };
    case 'declare':
      return { type, key: 'vibe-training', value: 'off' };
    case 'set-settings':
      return { type, settings: { language: 'fr' } };
    case 'set-guards':
      return { type, guardsOff: ['feedback'] };
    case 'import':
      return {
        type,
        text: JSON.stringify({
          kind: EXPORT_KIND,
          format: EXPORT_FORMAT,
          exportedAt: 'x',
          store: { schemaVersion: 3 },
        }),
      };
    case 'reset':
      return { type };
    case 'popup-state':
      return { type, tabId: 7, url, uiLang: 'en-US' };
    case 'load-part':
      return { type, url, part: 'dialog' };
    case 'page-dom':
      // A page with nothing on it to read: read (by the test's in-process DOM port), recorded as an empty report.
      return { type, url, page: { v: 1, root: { t: 'html', c: [{ t: 'head' }, { t: 'body', c: ['Hello'] }] } } };
  }
}

const ALL_TYPES = Message.options.map((o) => o.shape.type.value) as Message['type'][];
const Y = true;
const N = false;

/**
 * The oracle: README › Messages. Extension pages: everything. Content scripts, top frame of a tab on one of
 * Mistral's three hosts, about their own origin: page reports (only of what their page can show), their page to be
 * read (page-dom; never from an extension page), account data
 * (chat pages), context requests, warning choices (where that warning exists), shares and banner dismissal
 * (chat pages), open-verdict, their host's site rules, the composer's text to scan (chat pages), loading the
 * dialog (where a warning shows) or the skeleton. Never import, set-guards, reset, declare, set-settings. Anyone else: nothing.
 */
const EXPECTED: Record<string, { sender: SenderLike; url: string; allow: Partial<Record<Message['type'], boolean>> }> =
  {
    'extension page (options)': {
      sender: EXT_PAGE,
      url: CHAT,
      allow: Object.fromEntries(ALL_TYPES.map((t) => [t, t !== 'load-part' && t !== 'page-dom'])),
    },
    'extension page (popup of a tab)': {
      sender: { id: RID, url: `${ORIGIN}/popup.html?tab=7`, tab: { id: 99, url: `${ORIGIN}/popup.html?tab=7` } },
      url: CHAT,
      allow: Object.fromEntries(ALL_TYPES.map((t) => [t, t !== 'load-part' && t !== 'page-dom'])),
    },
    'content script, chat.mistral.ai chat page': {
      sender: page(CHAT),
      url: CHAT,
      allow: {
        'page-report': Y,
        'page-dom': Y,
        'account-data': Y,
        'get-context': Y,
        'get-rules': Y,
        'guard-choice': Y,
        'record-share': Y,
        'dismiss-banner': Y,
        'open-verdict': Y,
        'load-part': Y,
        'scan-text': Y,
      },
    },
    'content script, admin.mistral.ai Vibe privacy': {
      sender: page(ADMIN_VIBE),
      url: ADMIN_VIBE,
      allow: {
        'page-report': Y,
        'page-dom': Y,
        'account-data': N,
        'get-context': Y,
        'get-rules': Y,
        'guard-choice': N,
        'record-share': N,
        'dismiss-banner': N,
        'open-verdict': Y,
        'load-part': N,
        'scan-text': N,
      },
    },
    'content script, admin.mistral.ai API privacy': {
      sender: page(ADMIN_API),
      url: ADMIN_API,
      allow: {
        'page-report': Y,
        'page-dom': Y,
        'account-data': N,
        'get-context': Y,
        'get-rules': Y,
        'guard-choice': Y,
        'record-share': N,
        'dismiss-banner': N,
        'open-verdict': Y,
        'load-part': Y,
        'scan-text': N,
      },
    },
    'content script, console.mistral.ai': {
      sender: page(STUDIO),
      url: STUDIO,
      allow: {
        'page-report': Y,
        'page-dom': Y,
        'account-data': N,
        'get-context': Y,
        'get-rules': Y,
        'guard-choice': N,
        'record-share': N,
        'dismiss-banner': N,
        'open-verdict': Y,
        'load-part': N,
        'scan-text': N,
      },
    },
    'subframe of a chat page': { sender: page(CHAT, 7, 3), url: CHAT, allow: {} },
    'another extension (its id, a Mistral tab)': {
      sender: { ...page(CHAT), id: 'abcdefghijklmnopabcdefghijklmnop' },
      url: CHAT,
      allow: {},
    },
    'another extension’s own page': {
      sender: {
        id: 'abcdefghijklmnopabcdefghijklmnop',
        url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
      },
      url: CHAT,
      allow: {},
    },
    'http: page of a Mistral host': {
      sender: page('http://chat.mistral.ai/chat'),
      url: 'http://chat.mistral.ai/chat',
      allow: {},
    },
    'lookalike chat.mistral.ai.evil.com': {
      sender: page('https://chat.mistral.ai.evil.com/chat'),
      url: 'https://chat.mistral.ai.evil.com/chat',
      allow: {},
    },
    'lookalike admin.mistral.ai.attacker': {
      sender: page('https://admin.mistral.ai.attacker/vibe/privacy'),
      url: 'https://admin.mistral.ai.attacker/vibe/privacy',
      allow: {},
    },
    'lookalike evilchat.mistral.ai': {
      sender: page('https://evilchat.mistral.ai/chat'),
      url: 'https://evilchat.mistral.ai/chat',
      allow: {},
    },
    'punycode lookalike chat.xn--mistrl-bva.ai': {
      sender: page('https://chat.xn--mistrl-bva.ai/chat'),
      url: 'https://chat.xn--mistrl-bva.ai/chat',
      allow: {},
    },
    'punycode lookalike xn--chat-mistral-…': {
      sender: page('https://xn--chatmistral-9db.ai/chat'),
      url: 'https://xn--chatmistral-9db.ai/chat',
      allow: {},
    },
    'a Mistral host on another port': {
      sender: page('https://chat.mistral.ai:8443/chat'),
      url: 'https://chat.mistral.ai:8443/chat',
      allow: {},
    },
    'credentials in the URL': {
      sender: page('https://x:y@chat.mistral.ai/chat'),
      url: 'https://x:y@chat.mistral.ai/chat',
      allow: {},
    },
    'mistral.ai itself': {
      sender: page('https://mistral.ai/en/contact'),
      url: 'https://mistral.ai/en/contact',
      allow: {},
    },
    'a Mistral page with no tab': { sender: { id: RID, url: CHAT, frameId: 0 }, url: CHAT, allow: {} },
    'a tab without an id': { sender: { id: RID, url: CHAT, tab: { url: CHAT }, frameId: 0 }, url: CHAT, allow: {} },
    'no id at all': { sender: { url: CHAT, tab: { id: 7, url: CHAT }, frameId: 0 }, url: CHAT, allow: {} },
  };

const ROWS = Object.entries(EXPECTED).flatMap(([name, row]) =>
  ALL_TYPES.map((type) => [name, type, row.allow[type] === true] as const),
);

describe('every message type × every sender', () => {
  it('the table covers every type of lib/messages.ts and every sender kind the issue names', () => {
    expect(ALL_TYPES.sort()).toEqual([
      'account-data',
      'declare',
      'dismiss-banner',
      'get-context',
      'get-rules',
      'guard-choice',
      'import',
      'load-part',
      'open-verdict',
      'page-dom',
      'page-report',
      'popup-state',
      'record-share',
      'reset',
      'scan-text',
      'set-guards',
      'set-settings',
    ]);
    expect(ROWS.length).toBe(Object.keys(EXPECTED).length * ALL_TYPES.length);
  });

  it.each(ROWS)('%s › %s → %s', async (name, type, allowed) => {
    const { h, writes, painted, opened, injected } = setup();
    const { sender, url } = EXPECTED[name];
    const res = (await h.onMessage(messageOf(type, url), sender)) as { ok?: boolean; error?: string; state?: string };
    const refused =
      res?.ok === false &&
      typeof res.error === 'string' &&
      /sender|may not|does not match|cannot|not about|no .* warning|shows no|does not read/.test(res.error);
    expect(refused, `${name} › ${type}: ${JSON.stringify(res)}`).toBe(!allowed);
    if (!allowed) {
      // Refused means nothing happened: no write, no badge, no tab.
      expect(writes).not.toHaveBeenCalled();
      expect(painted).toEqual([]);
      expect(opened).toEqual([]);
      expect(injected).toEqual([]);
    }
  });

  it('content scripts never send import, set-guards, reset, declare or set-settings (the list itself)', () => {
    for (const t of ['import', 'set-guards', 'reset', 'declare', 'set-settings'] as const)
      expect(CONTENT_TYPES.has(t)).toBe(false);
  });

  it.each([...CONTENT_TYPES])(
    'same origin: a chat content script’s %s about another Mistral origin is refused',
    async (type) => {
      const { h, writes } = setup();
      for (const other of [ADMIN_VIBE, ADMIN_API, STUDIO]) {
        const res = (await h.onMessage(messageOf(type, other), page(CHAT))) as { ok?: boolean; error?: string };
        expect(res.ok, `${type} about ${other}`).toBe(false);
        expect(res.error).toMatch(/does not match/);
      }
      // And the admin host's content script about the chat app.
      const res = (await h.onMessage(messageOf(type, CHAT), page(ADMIN_VIBE))) as { ok?: boolean };
      expect(res.ok).toBe(false);
      expect(writes).not.toHaveBeenCalled();
    },
  );

  it('a chat page cannot report API or Admin Panel privacy toggles, nor the API plan (derived from the site rules)', async () => {
    const { h, writes } = setup();
    for (const key of [
      'api-training',
      'labs-models',
      'zdr',
      'vibe-training',
      'feedback',
      'public-sharing',
      'plan:api',
    ]) {
      const value = key === 'plan:api' ? 'scale' : 'off';
      const res = (await h.onMessage(
        { type: 'page-report', url: CHAT, observations: [{ key, value, via: 'page' }] },
        page(CHAT),
      )) as { ok?: boolean; error?: string };
      expect(res, key).toMatchObject({ ok: false });
      expect(res.error).toMatch(/cannot show/);
    }
    expect(writes).not.toHaveBeenCalled();
    // Positive control: the Admin Panel's Vibe privacy page reports vibe-training.
    expect(
      await h.onMessage(
        { type: 'page-report', url: ADMIN_VIBE, observations: [{ key: 'vibe-training', value: 'off', via: 'page' }] },
        page(ADMIN_VIBE),
      ),
    ).toEqual({ ok: true });
    expect(writes).toHaveBeenCalledTimes(1);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Whose settings: hostile names, ids, several organizations
// ---------------------------------------------------------------------------------------------------------

const report = (url: string, observations: unknown[], org?: { name?: string; id?: string }) => ({
  type: 'page-report',
  url,
  observations,
  ...(org ? { org } : {}),
});
const OFF = [{ key: 'vibe-training', value: 'off', via: 'page' }];
const ON = [{ key: 'vibe-training', value: 'on', via: 'page' }];
const SUBS = 'https://admin.mistral.ai/subscriptions';
/** The Admin Panel of an organization: its plan on Subscriptions, then its Vibe privacy page. */
async function adminShows(
  h: ReturnType<typeof setup>['h'],
  org: { name?: string; id?: string },
  plan: string,
  training: typeof OFF,
  tabId: number,
) {
  await h.onMessage(report(SUBS, [{ key: 'plan:vibe', value: plan, via: 'page' }], org), page(SUBS, tabId));
  return h.onMessage(report(ADMIN_VIBE, training, org), page(ADMIN_VIBE, tabId));
}
const accountBody = (items: object[]) => JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]);

describe('organization names a page controls (attack 4)', () => {
  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'])(
    'an organization named %s works like any other',
    async (name) => {
      const { h, painted } = setup();
      // Positive control first: a normal organization with training OFF.
      expect(await adminShows(h, { name: 'Atelier Nord' }, 'team', OFF, 1)).toEqual({ ok: true });
      expect(painted.at(-1)?.state).toBe('not-training');
      // Then the hostile name, with training ON: stored under its own key, and the badge says ON (not the previous OFF).
      expect(await adminShows(h, { name }, 'free', ON, 2)).toEqual({ ok: true });
      const s = await stored();
      expect(Object.keys(s.orgs).sort()).toEqual(['name:Atelier Nord', `name:${name}`].sort());
      expect(s.orgs[`name:${name}`].name).toBe(name);
      expect(s.orgs[`name:${name}`].observations['vibe-training']?.value).toBe('on');
      expect(s.currentOrg).toBe(`name:${name}`);
      expect(painted.at(-1)).toMatchObject({ tabId: 2, state: 'training' });
      expect(Object.getPrototypeOf(s.orgs)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('two organizations with the same display name but different ids stay apart', async () => {
    const { h } = setup();
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Acme', id: 'org_a' }), page(ADMIN_VIBE, 1));
    await h.onMessage(report(ADMIN_VIBE, ON, { name: 'Acme', id: 'org_b' }), page(ADMIN_VIBE, 2));
    const s = await stored();
    expect(s.orgs['id:org_a'].observations['vibe-training']?.value).toBe('off');
    expect(s.orgs['id:org_b'].observations['vibe-training']?.value).toBe('on');
  });

  it('an Admin Panel that shows only a name is linked to the organization the chat app listed with that name and its id', async () => {
    const { h, painted } = setup();
    await adminShows(h, { name: 'Atelier Nord' }, 'team', OFF, 1);
    await h.onMessage(
      {
        type: 'account-data',
        url: CHAT,
        body: accountBody([{ id: 'org_1', name: 'Atelier Nord', leChatPlan: 'team' }]),
      },
      page(CHAT, 2),
    );
    const s = await stored();
    expect(Object.keys(s.orgs)).toEqual(['id:org_1']);
    expect(s.orgs['id:org_1']).toMatchObject({ name: 'Atelier Nord', pageId: 'org_1' });
    expect(s.orgs['id:org_1'].observations['vibe-training']?.value).toBe('off');
    expect(painted.at(-1)).toMatchObject({ tabId: 2, org: 'id:org_1', state: 'not-training' });
  });
});

describe('whose settings on a chat page (attack 5)', () => {
  const TEAM = { id: 'org_team', name: 'Atelier Nord', leChatPlan: 'team', orgTier: 'C', role: 'member' };
  const PERSONAL = {
    id: 'org_me',
    name: 'Personal',
    leChatPlan: null,
    isLeChatPro: false,
    orgTier: 'B',
    role: 'admin',
  };

  async function teamOffOnAdmin(h: ReturnType<typeof setup>['h']) {
    // The Admin Panel of the Team organization: training OFF (the org's setting).
    await adminShows(h, { name: 'Atelier Nord', id: 'org_team' }, 'team', OFF, 1);
  }

  it('a Team member chatting in a personal Free workspace is not shown OFF (the page shows the active workspace)', async () => {
    const { h, painted } = setup();
    await teamOffOnAdmin(h);
    expect(painted.at(-1)?.state).toBe('not-training'); // positive control: the Team org is OFF
    // The chat app lists both organizations, the Team one first; the page shows "Personal" as active.
    await h.onMessage(report(CHAT, [], { name: 'Personal' }), page(CHAT, 2));
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, PERSONAL]), active: { name: 'Personal' } },
      page(CHAT, 2),
    );
    expect(res).toMatchObject({ ok: true, matched: true });
    const last = painted.filter((p) => p.tabId === 2).at(-1)!;
    expect(last.org).toBe('id:org_me');
    expect(last.state).not.toBe('not-training');
    expect(last.state).toBe('training'); // Free plan, nothing opted out in this workspace
    const s = await stored();
    expect(s.orgs['id:org_me'].observations['plan:vibe']?.value).toBe('free');
    // The Team organization's readings are untouched.
    expect(s.orgs['id:org_team'].observations['vibe-training']?.value).toBe('off');
    expect(s.orgs['id:org_team'].observations['plan:vibe']?.value).toBe('team');
  });

  it('several organizations and nothing says which is active: "can\'t tell", never the Team org\'s OFF', async () => {
    const { h, painted } = setup();
    await teamOffOnAdmin(h);
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, PERSONAL]) },
      page(CHAT, 2),
    );
    expect(res).toMatchObject({ ok: true, matched: false, org: 'unknown' });
    const last = painted.filter((p) => p.tabId === 2).at(-1)!;
    expect(last.org).toBe(UNKNOWN_ORG);
    expect(last.state).toBe('unknown');
    // The context the in-page warnings get says the cautious thing too.
    const ctx = (await h.onMessage({ type: 'get-context', url: CHAT, lang: 'en' }, page(CHAT, 2))) as unknown as {
      state: string;
    };
    expect(ctx.state).toBe('unknown');
  });

  it('never the first listed: the active flag, then the id shown, decide', async () => {
    const { h, painted } = setup();
    await teamOffOnAdmin(h);
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, { ...PERSONAL, isActive: true }]) },
      page(CHAT, 3),
    );
    expect(painted.filter((p) => p.tabId === 3).at(-1)).toMatchObject({ org: 'id:org_me', state: 'training' });
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, PERSONAL]), active: { id: 'org_me' } },
      page(CHAT, 4),
    );
    expect(painted.filter((p) => p.tabId === 4).at(-1)).toMatchObject({ org: 'id:org_me', state: 'training' });
    // Positive control: the Team workspace shown as active gets the Team's OFF.
    await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, PERSONAL]), active: { id: 'org_team' } },
      page(CHAT, 5),
    );
    expect(painted.filter((p) => p.tabId === 5).at(-1)).toMatchObject({ org: 'id:org_team', state: 'not-training' });
  });

  const settingsBody = (sharing: unknown) =>
    JSON.stringify([
      { result: { data: { json: { appName: { value: 'Vibe' }, publicChatSharingEnabled: { value: sharing } } } } },
    ]);

  it("settings.get's public sharing is filed with the plan under the active organization, less trusted than the Admin Panel's switch", async () => {
    const { h } = setup();
    await teamOffOnAdmin(h);
    const res = await h.onMessage(
      {
        type: 'account-data',
        url: CHAT,
        body: accountBody([TEAM, PERSONAL]),
        settings: settingsBody(true),
        active: { id: 'org_me' },
      },
      page(CHAT, 2),
    );
    expect(res).toMatchObject({ ok: true, matched: true, settings: true });
    const s = await stored();
    expect(s.orgs['id:org_me'].observations['public-sharing']).toMatchObject({
      value: 'on',
      via: 'account-data',
      confidence: 0.8,
    });
    expect(s.orgs['id:org_team'].observations['public-sharing']).toBeUndefined();
  });

  it('settings.get is never filed when the active organization is unknown, nor when its shape differs', async () => {
    const { h } = setup();
    await teamOffOnAdmin(h);
    const before = JSON.stringify((await stored()).orgs);
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM, PERSONAL]), settings: settingsBody(true) },
      page(CHAT, 2),
    );
    expect(res).toMatchObject({ ok: true, matched: false, org: 'unknown' });
    expect(JSON.stringify((await stored()).orgs)).toBe(before);
    const bad = await h.onMessage(
      { type: 'account-data', url: CHAT, body: accountBody([TEAM]), settings: settingsBody('yes') },
      page(CHAT, 3),
    );
    expect(bad).toMatchObject({ ok: true, settings: false });
    expect((await stored()).orgs['id:org_team'].observations['public-sharing']).toBeUndefined();
  });

  it('settings.get alone, without organization.all, files nothing (no organization to file it under)', async () => {
    const { h } = setup();
    const res = await h.onMessage(
      { type: 'account-data', url: CHAT, body: '{}', settings: settingsBody(true) },
      page(CHAT, 2),
    );
    expect(res).toMatchObject({ ok: true, matched: false });
    expect(Object.values((await stored()).orgs).some((o) => o.observations['public-sharing'])).toBe(false);
  });

  it('a chat page of a user with several known organizations, before any account data: "can\'t tell", not the last one seen', async () => {
    const { h, painted } = setup();
    await h.onMessage(report(ADMIN_VIBE, ON, { name: 'Other', id: 'org_other' }), page(ADMIN_VIBE, 1));
    await teamOffOnAdmin(h);
    await h.onMessage(report(CHAT, []), page(CHAT, 2));
    expect(painted.filter((p) => p.tabId === 2).at(-1)).toMatchObject({ org: UNKNOWN_ORG, state: 'unknown' });
  });

  it('a single-organization user keeps the simple path: Admin Panel OFF → chat OFF', async () => {
    const { h, painted } = setup();
    await h.onMessage(
      report('https://admin.mistral.ai/subscriptions', [{ key: 'plan:vibe', value: 'pro', via: 'page' }]),
      page('https://admin.mistral.ai/subscriptions', 1),
    );
    await h.onMessage(report(ADMIN_VIBE, OFF), page(ADMIN_VIBE, 1));
    await h.onMessage(report(CHAT, []), page(CHAT, 2));
    expect(painted.filter((p) => p.tabId === 2).at(-1)).toMatchObject({ state: 'not-training' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. Limits and cost
// ---------------------------------------------------------------------------------------------------------

describe('limits (attack 6) and cost (attack 7)', () => {
  it('a report that repeats what is stored writes nothing and broadcasts nothing (hash change, replaceState)', async () => {
    const { h, writes } = setup();
    let n = 0;
    fakeBrowser.storage.onChanged.addListener((c, area) => void (area === 'local' && STORE_KEY in c && n++));
    await h.onMessage(report(ADMIN_VIBE, OFF, { name: 'Atelier Nord' }), page(ADMIN_VIBE));
    expect(writes).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++)
      await h.onMessage(report(`${ADMIN_VIBE}#x${i}`, OFF, { name: 'Atelier Nord' }), page(`${ADMIN_VIBE}#x${i}`));
    expect(writes).toHaveBeenCalledTimes(1);
    expect(n).toBe(1);
    // Positive control: a change is written.
    await h.onMessage(report(ADMIN_VIBE, ON, { name: 'Atelier Nord' }), page(ADMIN_VIBE));
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('a report that repeats the stored value but answers a later declaration is written: the page beats the declaration', async () => {
    let clock = T0;
    const { h, painted } = setup(() => (clock += 60_000));
    const org = { id: 'org_team', name: 'Atelier Nord' };
    await h.onMessage(report(ADMIN_VIBE, ON, org), page(ADMIN_VIBE));
    // The user then says, in the popup, that training is off (and the plan): their word, newer than the page's.
    await h.onMessage({ type: 'declare', key: 'plan:vibe', value: 'pro' }, EXT_PAGE);
    await h.onMessage({ type: 'declare', key: 'vibe-training', value: 'off' }, EXT_PAGE);
    // The page shows the switch on again: same value as stored, no history line, but the declaration is answered.
    await h.onMessage(report(ADMIN_VIBE, ON, org), page(ADMIN_VIBE));
    const s = await stored();
    expect(s.orgs['id:org_team'].declarations['vibe-training']).toBeUndefined();
    expect(s.orgs['id:org_team'].observations['vibe-training']).toMatchObject({
      value: 'on',
      replaced: { value: 'off' },
    });
    expect(painted.at(-1)).toMatchObject({ tabId: 7, state: 'training' });
  });

  it('a renaming storm keeps at most ORGS_MAX organizations and HISTORY_MAX lines; the store stays small', async () => {
    let clock = T0;
    const { h } = setup(() => (clock += 100));
    for (let i = 0; i < 300; i++)
      await h.onMessage(
        report(ADMIN_VIBE, i % 2 ? ON : OFF, { name: `Renamed ${i} ${'x'.repeat(150)}` }),
        page(ADMIN_VIBE),
      );
    const s = await stored();
    expect(Object.keys(s.orgs).length).toBe(ORGS_MAX);
    expect(s.orgs[s.currentOrg].name).toMatch(/^Renamed 299 /);
    // The least recently seen were dropped.
    expect(Object.values(s.orgs).some((o) => o.name?.startsWith('Renamed 0 '))).toBe(false);
    expect(s.history.length).toBeLessThanOrEqual(HISTORY_MAX);
    expect(JSON.stringify(s).length).toBeLessThan(600_000);
  });

  it('a store written by a newer Windsock is never overwritten nor erased: refused with "newer", data left alone', async () => {
    const newer = { schemaVersion: 99, whatever: { kept: true } };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: newer });
    const { h, painted } = setup();
    const r1 = await h.onMessage(report(ADMIN_VIBE, OFF), page(ADMIN_VIBE));
    expect(r1).toEqual({ ok: false, error: 'newer' });
    expect(await h.onMessage({ type: 'declare', key: 'vibe-training', value: 'off' }, EXT_PAGE)).toEqual({
      ok: false,
      error: 'newer',
    });
    expect(await h.onMessage({ type: 'reset' }, EXT_PAGE)).toEqual({ ok: false, error: 'newer' });
    expect((await fakeBrowser.storage.local.get(STORE_KEY))[STORE_KEY]).toEqual(newer);
    expect((await readStore()).newerVersion).toBe(99);
    expect(painted).toEqual([]);
  });

  it('a quota error is caught, answered as "quota" and remembered for the options page', async () => {
    const { h } = setup();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await h.onMessage(report(ADMIN_VIBE, OFF), page(ADMIN_VIBE))).toEqual({ ok: false, error: 'quota' });
    expect((await fakeBrowser.storage.session.get(WRITE_ERROR_KEY))[WRITE_ERROR_KEY]).toMatchObject({
      code: 'quota',
      at: T0,
    });
  });

  it('an import dated in the future is refused and overwrites nothing', async () => {
    const { h } = setup();
    await h.onMessage(report(ADMIN_VIBE, ON), page(ADMIN_VIBE));
    const before = await stored();
    const store: Store = {
      ...before,
      orgs: {
        default: {
          lastSeen: T0,
          observations: {},
          declarations: { 'vibe-training': { value: 'off', at: T0 + 30 * 86_400_000 } },
        },
      },
    };
    const text = JSON.stringify({ kind: EXPORT_KIND, format: EXPORT_FORMAT, exportedAt: 'x', store });
    expect(await h.onMessage({ type: 'import', text }, EXT_PAGE)).toEqual({ ok: false, error: 'malformed' });
    expect(await stored()).toEqual(before);
  });

  it('session "don\'t ask again" goes to storage.session, not the store', async () => {
    const { h, writes } = setup();
    expect(
      await h.onMessage({ type: 'guard-choice', url: CHAT, guard: 'feedback', scope: 'session' }, page(CHAT)),
    ).toEqual({ ok: true });
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toEqual(['feedback']);
    expect(writes).not.toHaveBeenCalled();
  });
});

describe('declarations go to the organization the popup is about', () => {
  it('a declaration made in the popup of one organization’s tab never lands in the organization seen last', async () => {
    const { h } = setup();
    await adminShows(h, { name: 'Team', id: 'org_team' }, 'team', OFF, 1);
    await adminShows(h, { name: 'Personal', id: 'org_me' }, 'free', ON, 2);
    expect((await stored()).currentOrg).toBe('id:org_me');
    expect(
      await h.onMessage({ type: 'declare', key: 'vibe-training', value: 'off', org: 'id:org_team' }, EXT_PAGE),
    ).toEqual({ ok: true });
    const s = await stored();
    expect(s.orgs['id:org_team'].declarations['vibe-training']?.value).toBe('off');
    expect(s.orgs['id:org_me'].declarations['vibe-training']).toBeUndefined();
    expect(s.currentOrg).toBe('id:org_me');
    // Without an organization: the current one (as before).
    await h.onMessage({ type: 'declare', key: 'plan:vibe', value: 'pro' }, EXT_PAGE);
    expect((await stored()).orgs['id:org_me'].declarations['plan:vibe']?.value).toBe('pro');
  });
});

describe('popup-state: the popup gets its tab’s verdict from the background, as plain data', () => {
  type State = { ok: boolean; state: import('@/lib/popup-state').PopupState };
  const ask = (
    h: ReturnType<typeof setup>['h'],
    tabId: number | undefined,
    url: string | undefined,
    uiLang = 'en-US',
  ) =>
    h.onMessage(
      { type: 'popup-state', ...(tabId === undefined ? {} : { tabId }), ...(url ? { url } : {}), uiLang },
      EXT_PAGE,
    ) as unknown as Promise<State>;

  it('each tab gets the verdict of its own organization, the same as its badge', async () => {
    const { h, painted } = setup();
    await adminShows(h, { name: 'Team', id: 'org_team' }, 'team', OFF, 1);
    await adminShows(h, { name: 'Personal', id: 'org_me' }, 'free', ON, 2);
    for (const tabId of [1, 2]) {
      const { ok, state } = await ask(h, tabId, ADMIN_VIBE);
      expect(ok).toBe(true);
      const badge = painted.filter((p) => p.tabId === tabId).at(-1)!;
      expect(state.org).toBe(badge.org);
      expect(state.verdict?.state).toBe(badge.state);
    }
    expect((await ask(h, 1, ADMIN_VIBE)).state.verdict?.state).toBe('not-training');
    expect((await ask(h, 2, ADMIN_VIBE)).state.verdict?.state).toBe('training');
  });

  it('carries what the popup needs without the knowledge: sources and quote keys of every cited quote, the plans to declare', async () => {
    const { h } = setup();
    const { state } = await ask(h, 9, CHAT, 'fr-FR');
    expect(state).toMatchObject({
      lang: 'fr',
      surface: { id: 'vibe-chat', product: 'vibe' },
      tab: { id: 9, url: CHAT },
    });
    expect(state.verdict?.state).toBe('unknown');
    const cited = [...state.verdict!.reasons, ...state.verdict!.caveats].flatMap((r) => r.citations);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      expect(state.sources[c.source]?.title).toBeTruthy();
      expect(state.quoteKeys[c.quote]).toMatch(/^quote_/);
    }
    expect(state.plans).toContain('pro');
    expect(state.plans).not.toContain('scale'); // an API plan, not declarable on Vibe
    // Plain data: what a message can carry, unchanged through JSON.
    expect(JSON.parse(JSON.stringify(state))).toEqual(JSON.parse(JSON.stringify(state)));
    expect(typeof structuredClone(state)).toBe('object');
  });

  it('not a Mistral page, or no tab: no verdict, and the language still chosen', async () => {
    const { h } = setup();
    await h.onMessage({ type: 'set-settings', settings: { language: 'ar' } }, EXT_PAGE);
    expect((await ask(h, 3, 'https://example.com/')).state).toMatchObject({ lang: 'ar', surface: null, verdict: null });
    expect((await ask(h, undefined, undefined)).state).toMatchObject({ lang: 'ar', tab: null, verdict: null });
  });

  it('a content script may not ask for it', async () => {
    const { h } = setup();
    const res = (await h.onMessage({ type: 'popup-state', tabId: 7, url: CHAT, uiLang: 'en' }, page(CHAT))) as {
      ok: boolean;
      error?: string;
    };
    expect(res).toMatchObject({ ok: false });
    expect(res.error).toMatch(/may not send/);
  });
});

describe('load-part: the on-demand scripts go into the asking frame, by the background', () => {
  it('the dialog into the chat page’s tab and frame, the skeleton into Studio’s; each by its built file', async () => {
    const { h, injected } = setup();
    expect(await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, page(CHAT))).toEqual({ ok: true });
    expect(await h.onMessage({ type: 'load-part', url: STUDIO, part: 'skeleton' }, page(STUDIO, 9))).toEqual({
      ok: true,
    });
    expect(injected).toEqual([
      { target: { tabId: 7, frameId: 0 }, file: ON_DEMAND_FILES.dialog },
      { target: { tabId: 9, frameId: 0 }, file: ON_DEMAND_FILES.skeleton },
    ]);
    expect(ON_DEMAND_FILES).toEqual({
      dialog: '/content-scripts/dialog.js',
      skeleton: '/content-scripts/skeleton.js',
    });
  });

  it('into the sender’s own document where the browser names it (Chrome’s documentId)', async () => {
    const { h, injected } = setup();
    await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, { ...page(CHAT), documentId: 'D0C' });
    expect(injected[0].target).toEqual({ tabId: 7, frameId: 0, documentId: 'D0C' });
  });

  it('a background whose storage hangs still injects the dialog (nothing stored is needed for it)', async () => {
    const injected: string[] = [];
    const never = () => new Promise<never>(() => undefined);
    const h = createHandler({
      store: { read: never, update: never, clear: never },
      badge: { paint: never, paintAll: never },
      tabs: { openVerdict: never, inject: async (_t, file) => void injected.push(file) },
      dom: { read: never },
      session: { get: never, set: never },
      now: () => T0,
      runtimeId: RID,
      extensionOrigin: ORIGIN,
    });
    expect(await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, page(CHAT))).toEqual({ ok: true });
    expect(injected).toEqual([ON_DEMAND_FILES.dialog]);
  });

  it('an injection that fails is answered { ok: false } (the warning then asks through confirm()), nothing else changes', async () => {
    const { h, writes, painted, injected } = setup(undefined, new Error('Cannot access contents of the page'));
    const res = await h.onMessage({ type: 'load-part', url: CHAT, part: 'dialog' }, page(CHAT));
    expect(res).toEqual({ ok: false, error: 'Cannot access contents of the page' });
    expect(injected).toEqual([]);
    expect(writes).not.toHaveBeenCalled();
    expect(painted).toEqual([]);
  });
});

describe('get-rules: a reading content script gets its own host’s site rules, as data', () => {
  it.each([CHAT, ADMIN_VIBE, ADMIN_API, STUDIO])('%s', async (url) => {
    const { h, writes, painted } = setup();
    const res = (await h.onMessage({ type: 'get-rules', url }, page(url))) as { ok: boolean; rules?: Ruleset };
    const host = new URL(url).hostname as MistralHost;
    expect(res.ok).toBe(true);
    expect(res.rules).toEqual(rulesetFor([host]));
    expect(res.rules!.hosts).toEqual([host]);
    expect(new Set(res.rules!.surfaces.map((s) => s.host))).toEqual(new Set([host]));
    // What a runtime message carries: JSON, unchanged through it.
    expect(JSON.parse(JSON.stringify(res.rules))).toEqual(res.rules);
    expect(isRuleset(res.rules)).toBe(true);
    // Asking changes nothing.
    expect(writes).not.toHaveBeenCalled();
    expect(painted).toEqual([]);
  });

  it('never another host’s rules: a chat page asking about the Admin Panel is refused', async () => {
    const { h } = setup();
    const res = (await h.onMessage({ type: 'get-rules', url: ADMIN_VIBE }, page(CHAT))) as {
      ok: boolean;
      rules?: unknown;
    };
    expect(res).toMatchObject({ ok: false });
    expect(res.rules).toBeUndefined();
  });

  it.each([
    ['no url', { type: 'get-rules' }],
    ['a url too long', { type: 'get-rules', url: `${CHAT}?${'x'.repeat(2100)}` }],
    ['a url not a string', { type: 'get-rules', url: 7 }],
  ])('malformed (%s): refused', async (_name, msg) => {
    const { h } = setup();
    expect(await h.onMessage(msg, page(CHAT))).toMatchObject({ ok: false, error: 'malformed message' });
  });

  it('from a subframe or a lookalike host: refused', async () => {
    const { h } = setup();
    expect(await h.onMessage({ type: 'get-rules', url: CHAT }, page(CHAT, 7, 2))).toMatchObject({ ok: false });
    const evil = 'https://chat.mistral.ai.evil.com/chat';
    expect(await h.onMessage({ type: 'get-rules', url: evil }, page(evil))).toMatchObject({ ok: false });
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. page-dom (issue 13): the page a reading content script sends is read here and recorded exactly as that
//    tab's page-report with the same reading would be; nothing read, nothing recorded otherwise.
// ---------------------------------------------------------------------------------------------------------

describe('page-dom: the page read in the background, recorded as its page-report', () => {
  const treeOf = (file: string, url: string): PageTree => {
    const win = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
    return JSON.parse(JSON.stringify(serializePage(win.document as unknown as Document)));
  };

  it.each([
    ['vibe-chat.pro.en.html', CHAT],
    ['admin-vibe-privacy.switch.en.html', ADMIN_VIBE],
    ['admin-api-privacy.default.en.html', ADMIN_API],
    ['studio.scale.en.html', 'https://console.mistral.ai/usage'],
  ])(
    '%s: answered with its reading; the store and the badge as after that reading’s page-report',
    async (file, url) => {
      const { h, ports, dom, painted } = setup();
      const res = (await h.onMessage({ type: 'page-dom', url, page: treeOf(file, url) }, page(url))) as {
        ok: boolean;
        detection?: PageDetection;
      };
      expect(res.ok).toBe(true);
      const det = res.detection!;
      expect(det.surface).toBe(surfaceOf(url)?.id);
      expect(dom.reads).toEqual([url]);
      const after = await stored();
      const paintedAfter = painted.splice(0);
      expect(paintedAfter.length).toBeGreaterThan(0);
      // The same reading sent as a page-report, into a fresh background on an empty storage.
      await fakeBrowser.storage.local.clear();
      await fakeBrowser.storage.session.clear();
      const fresh = createHandler(ports);
      const org =
        det.orgName || det.orgId
          ? { org: { ...(det.orgName ? { name: det.orgName } : {}), ...(det.orgId ? { id: det.orgId } : {}) } }
          : {};
      const report = { type: 'page-report', url, observations: det.observations, ...org };
      expect(await fresh.onMessage(report, page(url))).toEqual({ ok: true });
      expect(await stored()).toEqual(after);
      expect(painted).toEqual(paintedAfter);
      expect(fresh.orgForTab(after, 7, url)).toBe(h.orgForTab(after, 7, url));
    },
  );

  it('the organization the page shows is filed for the sending tab (and only it)', async () => {
    const { h } = setup();
    const res = (await h.onMessage(
      { type: 'page-dom', url: ADMIN_VIBE, page: treeOf('admin-vibe-privacy.switch.en.html', ADMIN_VIBE) },
      page(ADMIN_VIBE, 7),
    )) as { ok: boolean; detection?: PageDetection };
    expect(res.detection?.orgId).toBeTruthy();
    const s = await stored();
    expect(h.orgForTab(s, 7, ADMIN_VIBE)).toBe(`id:${res.detection!.orgId}`);
    expect(await fakeBrowser.storage.session.get(null)).toMatchObject({
      [TAB_ORGS_KEY]: { [tabOrgKey(7, ADMIN_VIBE)]: `id:${res.detection!.orgId}` },
    });
    expect(
      Object.keys(((await fakeBrowser.storage.session.get(TAB_ORGS_KEY)) as Record<string, object>)[TAB_ORGS_KEY]),
    ).toEqual([tabOrgKey(7, ADMIN_VIBE)]);
  });

  it.each([
    ['no reading (a tree that is not one)', async (): Promise<PageDetection | null> => null],
    [
      'the reading throws',
      async (): Promise<PageDetection | null> => Promise.reject(new Error('offscreen document gone')),
    ],
    [
      'a reading of another surface',
      async (): Promise<PageDetection | null> =>
        ({ surface: 'admin-api-privacy', observations: [], planSignals: [], detectors: [] }) as PageDetection,
    ],
  ] as const)('%s: { ok: false }, nothing written, no badge', async (_name, read) => {
    const { h, writes, painted } = setup(undefined, undefined, { read });
    const res = (await h.onMessage(
      { type: 'page-dom', url: ADMIN_VIBE, page: { v: 1, root: { t: 'html' } } },
      page(ADMIN_VIBE),
    )) as { ok: boolean; detection?: unknown };
    expect(res.ok).toBe(false);
    expect(res.detection).toBeUndefined();
    expect(writes).not.toHaveBeenCalled();
    expect(painted).toEqual([]);
  });

  it('a reading that says what the page cannot show is refused as that page-report would be', async () => {
    const read = async () =>
      ({
        surface: 'vibe-chat',
        observations: [{ key: 'api-training', value: 'off', via: 'page' }],
        planSignals: [],
        detectors: [],
      }) as PageDetection;
    const { h, writes, painted } = setup(undefined, undefined, { read });
    const res = (await h.onMessage(
      { type: 'page-dom', url: CHAT, page: { v: 1, root: { t: 'html' } } },
      page(CHAT),
    )) as {
      ok: boolean;
      error?: string;
    };
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/cannot show api-training/) });
    expect(writes).not.toHaveBeenCalled();
    expect(painted).toEqual([]);
  });

  it('never read for an extension page, a subframe, another origin or a stranger', async () => {
    const { h, dom, writes } = setup();
    expect(dom.reads).toEqual([]);
    const tree = treeOf('admin-vibe-privacy.switch.en.html', ADMIN_VIBE);
    for (const [sender, url] of [
      [EXT_PAGE, ADMIN_VIBE],
      [page(ADMIN_VIBE, 7, 3), ADMIN_VIBE],
      [page(CHAT), ADMIN_VIBE],
      [{ ...page(ADMIN_VIBE), id: 'abcdefghijklmnopabcdefghijklmnop' }, ADMIN_VIBE],
    ] as const) {
      const res = (await h.onMessage({ type: 'page-dom', url, page: tree }, sender)) as { ok: boolean };
      expect(res.ok).toBe(false);
    }
    expect(dom.reads).toEqual([]);
    expect(writes).not.toHaveBeenCalled();
  });

  it('get-rules readies the reading (Chrome: the offscreen document) before the first page arrives', async () => {
    const { h, dom } = setup();
    await h.onMessage({ type: 'get-rules', url: CHAT }, page(CHAT));
    expect(dom.warmed).toBe(1);
  });
});
