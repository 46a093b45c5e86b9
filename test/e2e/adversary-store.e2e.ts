/**
 * The adversary suite, store side (issue 11, attacks 4–7), end to end: real page scripts in real Chromium and
 * Firefox against the built extension. Each test has a positive control, so it cannot pass because the attack
 * never ran; every "nothing was written" is read after a barrier (a later change that must be written), never
 * after a sleep.
 *
 * 4. Organizations a page names `__proto__`, `constructor`, `toString`, `valueOf` are stored and shown like any
 *    other (before: the report failed and the badge kept the previous organization's OFF).
 * 5. organization.all listing a Team organization first and the user's personal Free workspace: a chat page
 *    in the personal workspace is not shown the Team's OFF; with no sign of which is active, it says "?".
 * 6/7. A page renaming its organization non-stop keeps at most ORGS_MAX organizations; hash changes and
 *    replaceState write nothing; a privacy page with 2,000 labelled checkboxes still reads right.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, fixture, launch, until, urlOf, type Harness, type PageHandle } from './harness';

const STORE_FN = `async () => ((globalThis.browser?.storage ?? chrome.storage).local.get('windsock')).then((x) => x.windsock ?? null)`;
type StoreLike = {
  currentOrg: string;
  orgs: Record<string, { name?: string; pageId?: string; observations: Record<string, { value: string }> }>;
  history: { org: string }[];
};

/** A fixture whose organization switcher shows `name` (and `id`, or no id at all). */
function withOrg(file: string, name: string, id?: string): string {
  return fixture(file).replace(
    /aria-label="Switch organization: [^"]*" data-organization-id="[^"]*"/,
    `aria-label="Switch organization: ${name}"${id ? ` data-organization-id="${id}"` : ''}`,
  );
}

const SUBS = urlOf('admin-subscriptions.team.en.html');
const PRIVACY = urlOf('admin-vibe-privacy.switch.en.html');
const CHAT = urlOf('vibe-chat.plain.en.html');
const ORG_ALL = 'https://chat.mistral.ai/api/trpc/organization.all';

describe.each(BROWSERS)('adversary: the store in %s', (name) => {
  let h: Harness;
  const open: PageHandle[] = [];
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    for (const p of open.splice(0)) await p.close().catch(() => undefined);
    await h.reset();
    h.requests.length = 0;
  });
  const stored = () => h.extEval<StoreLike | null>(STORE_FN);
  const visit = async (url: string, html: string) => {
    h.serve(url, html);
    const p = await h.open(url);
    open.push(p);
    return p;
  };
  /** The Admin Panel of one organization: its plan (Subscriptions), then its Vibe privacy page. */
  async function admin(org: string, id: string | undefined, subsFile: string, privacyFile: string) {
    const key = id ? `id:${id}` : `name:${org}`;
    await visit(SUBS, withOrg(subsFile, org, id));
    await until(async () => (await stored())?.orgs?.[key]?.observations?.['plan:vibe'], `${org}'s plan stored`);
    await visit(PRIVACY, withOrg(privacyFile, org, id));
    await until(
      async () => (await stored())?.orgs?.[key]?.observations?.['vibe-training'],
      `${org}'s training setting stored`,
    );
    return key;
  }

  it.each(['__proto__', 'constructor', 'toString', 'valueOf'])(
    'attack 4: an organization named %s is its own organization',
    async (hostile) => {
      // Positive control: a Team organization with training OFF shows OFF.
      await admin('Acme SAS', undefined, 'admin-subscriptions.team.en.html', 'admin-vibe-privacy.managed.en.html');
      await until(async () => (await h.badge(PRIVACY)).text === 'OFF', 'OFF for Acme SAS');
      // The hostile organization: Free, training ON. Its own key, its own readings, and the badge says ON.
      const key = await admin(
        hostile,
        undefined,
        'admin-subscriptions.free.en.html',
        'admin-vibe-privacy.switch.en.html',
      );
      expect(key).toBe(`name:${hostile}`);
      await until(async () => (await h.badge(PRIVACY)).text === 'ON', `ON for ${hostile}`);
      const s = (await stored())!;
      expect(Object.keys(s.orgs).sort()).toEqual(['name:Acme SAS', `name:${hostile}`].sort());
      expect(s.orgs[key]).toMatchObject({ name: hostile });
      expect(s.orgs[key].observations['vibe-training'].value).toBe('on');
      expect(s.orgs['name:Acme SAS'].observations['vibe-training'].value).toBe('off');
    },
  );

  it('attack 5: a Team member chatting in a personal Free workspace is not shown the Team organization’s OFF', async () => {
    const TEAM_ID = 'ce89954b-4bf6-490b-a609-0d70039e8bad';
    await admin('Northwind Labs', TEAM_ID, 'admin-subscriptions.team.en.html', 'admin-vibe-privacy.managed.en.html');
    await until(async () => (await h.badge(PRIVACY)).text === 'OFF', 'the Team organization is OFF (positive control)');
    // The chat app lists the Team organization first, then the personal workspace.
    const items = [
      { id: TEAM_ID, name: 'Northwind Labs', leChatPlan: 'team', orgTier: 'C', role: 'member', isLeChatPro: false },
      { id: 'org_personal_7f3a', name: 'Personal', leChatPlan: null, orgTier: 'B', role: 'admin', isLeChatPro: false },
    ];
    h.serve(ORG_ALL, {
      body: JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]),
      contentType: 'application/json',
    });
    // The chat page shows its active workspace (the personal one).
    const chat = fixture('vibe-chat.plain.en.html').replace(
      /<body([^>]*)>/,
      '<body$1><button type="button" data-workspace-id="org_personal_7f3a" data-workspace-name="Personal">Personal</button>',
    );
    await visit(CHAT, chat);
    await until(
      async () => (await stored())?.orgs?.['id:org_personal_7f3a']?.observations?.['plan:vibe']?.value === 'free',
      'the personal workspace’s plan',
    );
    await until(async () => (await h.badge(CHAT)).text === 'ON', 'ON on the chat page');
    expect((await h.badge(PRIVACY)).text).toBe('OFF'); // the Admin Panel tab still shows its own organization
    const s = (await stored())!;
    expect(s.orgs[`id:${TEAM_ID}`].observations['vibe-training'].value).toBe('off');
    expect(s.orgs[`id:${TEAM_ID}`].observations['plan:vibe'].value).toBe('team');
  });

  it('attack 5: several organizations and no sign of the active one: "?" and the popup says why, never OFF', async () => {
    const TEAM_ID = 'ce89954b-4bf6-490b-a609-0d70039e8bad';
    await admin('Northwind Labs', TEAM_ID, 'admin-subscriptions.team.en.html', 'admin-vibe-privacy.managed.en.html');
    await until(async () => (await h.badge(PRIVACY)).text === 'OFF', 'the Team organization is OFF (positive control)');
    const items = [
      { id: TEAM_ID, name: 'Northwind Labs', leChatPlan: 'team', orgTier: 'C', role: 'member', isLeChatPro: false },
      { id: 'org_personal_7f3a', name: 'Personal', leChatPlan: null, orgTier: 'B', role: 'admin', isLeChatPro: false },
    ];
    h.serve(ORG_ALL, {
      body: JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]),
      contentType: 'application/json',
    });
    await visit(CHAT, fixture('vibe-chat.plain.en.html'));
    await until(async () => h.requests.some((r) => r.url.startsWith(ORG_ALL)), 'the account data was read');
    await until(async () => (await h.badge(CHAT)).text === '?', '? on the chat page');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(CHAT)}`);
    open.push(popup);
    await popup.waitFor('[data-unknown-org]');
    expect(await popup.evaluate<string>(`() => document.querySelector('main').dataset.verdict`)).toBe('unknown');
  });

  it('attacks 6/7: a page renaming its organization non-stop keeps at most 20 organizations', async () => {
    const p = await visit(PRIVACY, withOrg('admin-vibe-privacy.switch.en.html', 'Storm 0'));
    await until(async () => (await stored())?.orgs?.['name:Storm 0'], 'the first name stored');
    // Replace the switcher 150 times, 40 ms apart (each replacement is a childList mutation the observer sees),
    // then a last name: the barrier.
    await p.evaluate(`() => new Promise((done) => {
      let i = 1;
      const swap = (name) => {
        const old = document.querySelector('[aria-label^="Switch organization"]');
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('aria-label', 'Switch organization: ' + name);
        b.textContent = name;
        old.replaceWith(b);
      };
      const t = setInterval(() => {
        if (i > 150) { clearInterval(t); swap('Storm final'); done(true); return; }
        swap('Storm ' + i++);
      }, 40);
    })`);
    await until(async () => (await stored())?.currentOrg === 'name:Storm final', 'the last name (barrier)', 30_000);
    const s = (await stored())!;
    // Positive control: the storm did make Windsock see more organizations than it keeps.
    const seen = new Set(s.history.map((e) => e.org));
    expect(seen.size).toBeGreaterThan(20);
    expect(Object.keys(s.orgs).length).toBeLessThanOrEqual(20);
    expect(s.orgs['name:Storm final'].observations['vibe-training'].value).toBe('on');
    expect(JSON.stringify(s).length).toBeLessThan(400_000);
  });

  it('attack 7: hash changes and replaceState write nothing; the next real change is written once', async () => {
    const p = await visit(PRIVACY, fixture('admin-vibe-privacy.switch.en.html'));
    const key = 'id:41012292-6edf-4ccd-9ba7-3e15d8ed7786';
    await until(
      async () => (await stored())?.orgs?.[key]?.observations?.['vibe-training']?.value === 'on',
      'the first reading',
    );
    await until(async () => (await h.badge(PRIVACY)).text !== '', 'the badge');
    // Count every write to storage.local from now on, in an extension page.
    await h.extEval(`() => {
      const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
      globalThis.__writes = [];
      b.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes.windsock) globalThis.__writes.push(changes.windsock.newValue?.orgs?.['${key}']?.observations?.['vibe-training']?.value ?? null); });
      return true;
    }`);
    await p.evaluate(`() => new Promise((done) => {
      let i = 0;
      const t = setInterval(() => {
        if (i % 2) location.hash = '#h' + i; else history.replaceState({}, '', '/vibe/privacy?x=' + i);
        if (++i >= 40) { clearInterval(t); done(true); }
      }, 25);
    })`);
    // Positive control: the URL did change, and the background heard of it (the tab's URL follows).
    expect(await p.evaluate<string>(`() => location.hash + '|' + location.search`)).toBe('#h39|?x=38');
    await until(
      async () => (await h.badge('https://admin.mistral.ai/vibe/privacy?x=38#h39')).tabId > 0,
      'the tab at its last URL',
    );
    // The barrier: a real change (training switched off by a trusted click), which must be written.
    await p.click('#model-training');
    await until(
      async () => (await stored())?.orgs?.[key]?.observations?.['vibe-training']?.value === 'off',
      'the change stored',
    );
    const writes = await h.extEval<(string | null)[]>(`() => globalThis.__writes`);
    expect(writes).toEqual(['off']);
  });

  it('attack 7: a privacy page with 2,000 labelled checkboxes still reads right', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) =>
        `<div class="row"><label for="x${i}">Option ${i}</label><input type="checkbox" id="x${i}"${i % 3 ? '' : ' checked'}></div>`,
    ).join('');
    const html = fixture('admin-vibe-privacy.managed.en.html').replace(
      '</main>',
      `<section id="flood">${rows}</section></main>`,
    );
    expect(html).toContain('id="flood"'); // positive control: the flood is in the page
    const p = await visit(PRIVACY, html);
    expect(await p.evaluate<number>(`() => document.querySelectorAll('#flood input[type=checkbox]').length`)).toBe(
      2000,
    );
    const key = 'id:ce89954b-4bf6-490b-a609-0d70039e8bad';
    const s = await until(async () => {
      const st = await stored();
      return st?.orgs?.[key]?.observations?.['chat-retention'] ? st : null;
    }, 'the readings');
    const obs = s!.orgs[key].observations;
    expect(Object.fromEntries(Object.entries(obs).map(([k, o]) => [k, o.value]))).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'off',
      feedback: 'on',
      'chat-retention': '90d',
    });
  });

  it('attack 6: a store written by a newer Windsock is left alone, and the options page and popup say so', async () => {
    const newer = { schemaVersion: 99, orgs: { future: { shape: 'unknown to this version' } } };
    await h.extEval(
      `async (v) => { const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome; await b.storage.local.set({ windsock: v }); return true; }`,
      newer,
    );
    const p = await visit(PRIVACY, fixture('admin-vibe-privacy.switch.en.html'));
    // Barrier: the content script's report has been answered by the background.
    const tabId = await h.tabId(PRIVACY);
    await until(
      async () =>
        (
          await h.extEval<{ counters: { firstReportAt: number | null } }>(
            `async (id) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type: 'diagnose' })`,
            tabId,
          )
        )?.counters?.firstReportAt !== null,
      'the report answered',
    );
    expect(await p.evaluate<boolean>(`() => !!document.querySelector('#model-training')`)).toBe(true); // positive control: a real reading page
    expect(await stored()).toEqual(newer);
    const options = await h.openExtensionPage('options.html');
    open.push(options);
    await options.waitFor('[data-newer-store="99"]');
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    open.push(popup);
    await popup.waitFor('[data-newer-store="99"]');
    // Erase is refused too: the data stays.
    expect(
      await h.extEval(`async () => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'reset' })`),
    ).toEqual({ ok: false, error: 'newer' });
    expect(await stored()).toEqual(newer);
    await h.extEval(
      `async () => { const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome; await b.storage.local.remove('windsock'); return true; }`,
    );
  });

  it("attack 6: a store a newer Windsock wrote through WXT's storage (its version in the metadata) is left alone too", async () => {
    const newer = { orgs: { future: { shape: 'unknown to this version' } } };
    const SET = `async (v) => { const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome; await b.storage.local.set(v); return true; }`;
    await h.extEval(SET, { windsock: newer, windsock$: { v: 4 } });
    const p = await visit(PRIVACY, fixture('admin-vibe-privacy.switch.en.html'));
    const tabId = await h.tabId(PRIVACY);
    await until(
      async () =>
        (
          await h.extEval<{ counters: { firstReportAt: number | null } }>(
            `async (id) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type: 'diagnose' })`,
            tabId,
          )
        )?.counters?.firstReportAt !== null,
      'the report answered',
    );
    expect(await p.evaluate<boolean>(`() => !!document.querySelector('#model-training')`)).toBe(true); // positive control: a real reading page
    expect(await stored()).toEqual(newer);
    const options = await h.openExtensionPage('options.html');
    open.push(options);
    await options.waitFor('[data-newer-store="4"]');
    expect(
      await h.extEval(`async () => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'reset' })`),
    ).toEqual({ ok: false, error: 'newer' });
    expect(await stored()).toEqual(newer);
    await h.extEval(
      `async () => { const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome; await b.storage.local.remove('windsock'); await b.storage.local.set({ windsock$: { v: 3 } }); return true; }`,
    );
  });

  it('attack 6: a history date of 9e15 does not take the options page down; a future-dated import is refused', async () => {
    const T = Date.now() - 3_600_000;
    const store = {
      schemaVersion: 3,
      currentOrg: 'default',
      orgs: {
        default: {
          observations: { 'vibe-training': { value: 'on', via: 'page', where: 'admin-vibe-privacy', seenAt: T } },
          declarations: {},
        },
      },
      history: [
        { at: T, org: 'default', kind: 'observed', key: 'vibe-training', value: 'on', previous: null },
        { at: 9e15, org: 'default', kind: 'observed', key: 'vibe-training', value: 'off', previous: 'on' },
      ],
    };
    await h.extEval(
      `async (v) => { const b = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome; await b.storage.local.set({ windsock: v }); return true; }`,
      store,
    );
    const options = await h.openExtensionPage('options.html');
    open.push(options);
    await options.waitFor('[data-action="erase-all"]');
    await options.waitFor('[data-action="export-json"]');
    await options.waitFor('#record-import');
    // The valid line is shown (positive control), the impossible one set aside and said so.
    expect(await options.evaluate<number>(`() => document.querySelectorAll('.record-list li').length`)).toBe(1);
    expect(await options.evaluate<string>(`() => document.querySelector('[role=alert]')?.textContent ?? ''`)).toMatch(
      /history/,
    );
    // An export whose declaration is dated a month ahead would beat every later reading: refused, nothing changed.
    const future = {
      ...store,
      history: [store.history[0]],
      orgs: {
        default: {
          ...store.orgs.default,
          declarations: { 'vibe-training': { value: 'off', at: Date.now() + 30 * 86_400_000 } },
        },
      },
    };
    const text = JSON.stringify({
      kind: 'windsock-privacy-record',
      format: 1,
      exportedAt: new Date().toISOString(),
      store: future,
    });
    const before = await stored();
    expect(
      await h.extEval(
        `async (text) => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'import', text })`,
        text,
      ),
    ).toEqual({ ok: false, error: 'malformed' });
    // Nesting deeper than any export: a clear error, not a RangeError.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(
      await h.extEval(
        `async (text) => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'import', text })`,
        deep,
      ),
    ).toEqual({ ok: false, error: 'too-deep' });
    expect(await stored()).toEqual(before);
  });

  // Firefox's storage.local has no byte quota to fill (it is IndexedDB-backed); Chrome's is 10 MB.
  it.runIf(name === 'chromium')('attack 6: a full storage quota is caught and shown in the options page', async () => {
    await h.extEval(`async () => { await chrome.storage.local.set({ filler: 'x'.repeat(10_485_600) }); return true; }`);
    const options = await h.openExtensionPage('options.html');
    open.push(options);
    try {
      await visit(PRIVACY, fixture('admin-vibe-privacy.switch.en.html'));
      // The page's report reached the background and its write was refused: the options page says so.
      await options.waitFor('[data-storage-full="true"]');
      expect(await stored()).toBeNull();
    } finally {
      await h.extEval(`async () => { await chrome.storage.local.remove('filler'); return true; }`);
    }
    // Room again: the next reading is written and the message goes away.
    await visit(urlOf('admin-api-privacy.default.en.html'), fixture('admin-api-privacy.default.en.html'));
    await until(async () => (await stored())?.orgs, 'a reading written once there is room');
    await until(
      async () => options.evaluate<boolean>(`() => !document.querySelector('[data-storage-full]')`),
      'the message gone',
    );
  });

  it('attack 6: a file over the import limit is refused by its size, before it is read', async () => {
    const options = await h.openExtensionPage('options.html');
    open.push(options);
    await options.waitFor('#record-import');
    const choose = (bytes: number, text?: string) =>
      options.evaluate(`() => {
        const input = document.querySelector('#record-import');
        const dt = new DataTransfer();
        const body = ${text === undefined ? `new Uint8Array(${bytes}).fill(32)` : JSON.stringify(text)};
        dt.items.add(new File([body], 'record.json', { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }`);
    // Count every read of a file's contents in the options page.
    await options.evaluate(`() => {
      globalThis.__reads = 0;
      const text = File.prototype.text;
      File.prototype.text = function () { globalThis.__reads++; return text.call(this); };
      Blob.prototype.text = File.prototype.text;
    }`);
    // Positive control: a small file is read (and refused for what it says).
    await choose(0, 'not { json');
    await options.waitFor('[data-import-error="not-json"]');
    expect(await options.evaluate<number>(`() => globalThis.__reads`)).toBe(1);
    // 6 MB: refused as too big, never read.
    await choose(6_000_000);
    await options.waitFor('[data-import-error="too-big"]');
    expect(await options.evaluate<number>(`() => globalThis.__reads`)).toBe(1);
  });

  it('attack 4: two organizations with the same name but different ids stay apart', async () => {
    const A = '0b1e7a52-1111-4c6e-9d5e-aaaaaaaaaaaa';
    const B = '0b1e7a52-2222-4c6e-9d5e-bbbbbbbbbbbb';
    await admin('Acme SAS', A, 'admin-subscriptions.team.en.html', 'admin-vibe-privacy.managed.en.html');
    await until(async () => (await h.badge(PRIVACY)).text === 'OFF', 'OFF for the first Acme SAS (positive control)');
    await admin('Acme SAS', B, 'admin-subscriptions.free.en.html', 'admin-vibe-privacy.switch.en.html');
    await until(async () => (await h.badge(PRIVACY)).text === 'ON', 'ON for the second Acme SAS');
    const s = (await stored())!;
    expect(Object.keys(s.orgs).sort()).toEqual([`id:${A}`, `id:${B}`]);
    expect(s.orgs[`id:${A}`].observations['vibe-training'].value).toBe('off');
    expect(s.orgs[`id:${B}`].observations['vibe-training'].value).toBe('on');
    expect(s.orgs[`id:${A}`].observations['plan:vibe'].value).toBe('team');
    expect(s.orgs[`id:${B}`].observations['plan:vibe'].value).toBe('free');
  });
});
