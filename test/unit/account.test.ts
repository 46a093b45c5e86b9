/**
 * Whose plan (issue 11, attack 5): lib/detect/account.ts picks the active organization among those
 * `organization.all` lists, never the first; lib/detect/org.ts reads which one a page shows as active.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readAccountData, readAccountSettings, planFromAccountData } from '@/lib/detect/account';
import { readOrg } from '@/lib/detect/org';

const body = (items: object[]) => JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]);
const TEAM = {
  id: 'org_team',
  name: 'Atelier Nord',
  leChatPlan: 'team',
  orgTier: 'C',
  role: 'member',
  isLeChatPro: false,
};
const MINE = { id: 'org_me', name: 'Personal', leChatPlan: null, orgTier: 'B', role: 'admin', isLeChatPro: false };

describe('readAccountData', () => {
  it('one organization: that one, with its id and name', () => {
    expect(readAccountData(body([TEAM]))).toMatchObject({
      active: { id: 'org_team', name: 'Atelier Nord' },
      plan: { plan: 'team' },
    });
  });

  it('several, nothing says which: no active organization and no plan (never the first)', () => {
    const r = readAccountData(body([TEAM, MINE]));
    expect(r?.active).toBeNull();
    expect(r?.plan).toBeNull();
    expect(r?.orgs).toEqual([
      { id: 'org_team', name: 'Atelier Nord' },
      { id: 'org_me', name: 'Personal' },
    ]);
    expect(planFromAccountData(body([TEAM, MINE]))).toBeNull();
  });

  it.each([
    ['an active flag', [TEAM, { ...MINE, isActive: true }], undefined],
    ['the id the page shows', [TEAM, MINE], { id: 'org_me' }],
    ['the name the page shows', [TEAM, MINE], { name: 'Personal' }],
  ])('several: %s decides', (_name, items, shown) => {
    expect(readAccountData(body(items as object[]), shown)).toMatchObject({
      active: { id: 'org_me' },
      plan: { plan: 'free' },
    });
  });

  it('a name two organizations share decides nothing', () => {
    expect(
      readAccountData(
        body([
          { ...TEAM, name: 'Same' },
          { ...MINE, name: 'Same' },
        ]),
        { name: 'Same' },
      )?.active,
    ).toBeNull();
  });

  it('a numeric id is read as text; hostile names are just names', () => {
    expect(readAccountData(body([{ ...TEAM, id: 42, name: '__proto__' }]))?.active).toEqual({
      id: '42',
      name: '__proto__',
    });
  });
});

describe('readAccountData, row by row (mutation testing: lib/detect/account.ts was at 70 %)', () => {
  const PLAIN = { leChatPlan: null, orgTier: 'C', isLeChatPro: false };
  it('an organization without an id has none (not "undefined"); a numeric id 0 is "0"; long ids and names cut', () => {
    expect(readAccountData(body([{ ...PLAIN, name: 'Solo' }]))?.active).toEqual({ name: 'Solo' });
    expect(readAccountData(body([{ ...PLAIN, id: null, name: 'Solo' }]))?.active).toEqual({ name: 'Solo' });
    expect(readAccountData(body([{ ...PLAIN, id: 0 }]))?.active).toEqual({ id: '0' });
    const r = readAccountData(body([{ ...PLAIN, id: 'i'.repeat(300), name: 'n'.repeat(300) }]));
    expect(r?.active).toEqual({ id: 'i'.repeat(128), name: 'n'.repeat(200) });
    expect(r?.orgs).toEqual([{ id: 'i'.repeat(128), name: 'n'.repeat(200) }]);
  });
  it.each([
    [
      'isLeChatPro true: Pro, whatever the other fields',
      { isLeChatPro: true, leChatPlan: 'team', orgTier: 'B' },
      'pro',
    ],
    ['a plan name: that plan', { isLeChatPro: false, leChatPlan: 'team', orgTier: 'B' }, 'team'],
    ['a free tier and not Pro: Free', { isLeChatPro: false, leChatPlan: null, orgTier: 'B' }, 'free'],
    ['a free tier, Pro unknown: nothing', { leChatPlan: null, orgTier: 'B' }, null],
    ['another tier: nothing', { isLeChatPro: false, leChatPlan: null, orgTier: 'C' }, null],
    ['no tier: nothing', { isLeChatPro: false, leChatPlan: null, orgTier: null }, null],
  ] as [string, object, string | null][])('plan: %s', (_n, org, plan) => {
    const got = readAccountData(body([{ id: 'o', ...org }]))?.plan ?? null;
    expect(got).toEqual(plan ? { product: 'vibe', plan, kind: 'account-data', confidence: 0.9 } : null);
    expect(planFromAccountData(body([{ id: 'o', ...org }]))).toEqual(got);
  });
  it.each(['isActive', 'active', 'current', 'isCurrent', 'selected'])(
    'several listed, one flagged %s: that one',
    (flag) => {
      const r = readAccountData(body([{ ...MINE }, { ...TEAM, [flag]: true }]));
      expect(r?.active).toEqual({ id: 'org_team', name: 'Atelier Nord' });
      expect(r?.plan?.plan).toBe('team');
      // Flagged false is no flag.
      expect(readAccountData(body([{ ...MINE }, { ...TEAM, [flag]: false }]))?.active).toBeNull();
    },
  );
  it('nothing that is an organization list: null (empty list, no plan field, arrays of arrays, too deep)', () => {
    expect(readAccountData(body([]))).toBeNull();
    expect(
      readAccountData(
        JSON.stringify([{ result: { data: { json: { items: [{ id: 'x', name: 'No plan fields' }] } } } }]),
      ),
    ).toBeNull();
    expect(readAccountData(JSON.stringify([[['leChatPlan']]]))).toBeNull();
    expect(readAccountData(JSON.stringify({ a: [[{ orgTier: 'B', id: 'x' }], 1] }))?.active).toEqual({ id: 'x' });
    const nest = (n: number, x: unknown): unknown => (n === 0 ? x : { k: nest(n - 1, x) });
    expect(readAccountData(JSON.stringify(nest(6, [{ orgTier: 'B', id: 'deep' }])))?.active).toEqual({ id: 'deep' });
    expect(readAccountData(JSON.stringify(nest(7, [{ orgTier: 'B', id: 'deep' }])))).toBeNull();
    expect(readAccountData('not json')).toBeNull();
    expect(planFromAccountData('not json')).toBeNull();
  });
  it('JSON lines: blank and broken lines skipped, the list found on a later line', () => {
    const lines = [
      '',
      '   ',
      '{broken',
      JSON.stringify({ other: true }),
      JSON.stringify([{ result: { data: { json: [{ ...TEAM }] } } }]),
    ].join('\n');
    expect(readAccountData(lines)?.active).toEqual({ id: 'org_team', name: 'Atelier Nord' });
  });
});

describe('readOrg', () => {
  const doc = (html: string) => {
    const w = new Window({ url: 'https://chat.mistral.ai/chat', settings: { disableJavaScriptEvaluation: true } });
    w.document.write(`<!doctype html><body>${html}</body>`);
    return w.document as unknown as Document;
  };

  it('the id and name of a switcher that carries them', () => {
    expect(readOrg(doc('<button data-workspace-id="org_me" data-workspace-name="Personal">Personal</button>'))).toEqual(
      { id: 'org_me', name: 'Personal' },
    );
    expect(
      readOrg(
        doc('<button aria-label="Switch organization: Acme SAS" data-organization-id="41012292-6edf">Acme</button>'),
      ),
    ).toEqual({ id: '41012292-6edf', name: 'Acme SAS' });
  });

  it('an id that is not an id (markup, spaces) is dropped', () => {
    expect(
      readOrg(doc('<button data-organization-id="<img src=x>" data-organization-name="Acme">Acme</button>')),
    ).toEqual({ name: 'Acme' });
  });

  it('strict (chat pages): a button merely mentioning a workspace names nothing', () => {
    const d = doc('<button aria-label="Create workspace">New workspace</button>');
    expect(readOrg(d, false)).toEqual({});
    expect(readOrg(doc('<div aria-label="Workspace: Personal">Personal</div>'), false)).toEqual({ name: 'Personal' });
  });
});

describe('readOrg, row by row (mutation testing: lib/detect/org.ts was at 52 %)', () => {
  const doc = (html: string) => {
    const w = new Window({ url: 'https://admin.mistral.ai/', settings: { disableJavaScriptEvaluation: true } });
    w.document.write(`<!doctype html><body>${html}</body>`);
    return w.document as unknown as Document;
  };
  const long = (n: number) => 'a'.repeat(n);
  it.each([
    ['nothing that looks like a switcher', '<button>Menu</button>', true, {}],
    ['an id with spaces around it, trimmed', '<div data-org-id="  org_1  "></div>', true, { id: 'org_1' }],
    ['an id with markup before it', '<div data-org-id="<b>org_1"></div>', true, {}],
    ['an id with markup after it', '<div data-org-id="org_1<b>"></div>', true, {}],
    ['an id of 128 characters', `<div data-org-id="${long(128)}"></div>`, true, { id: long(128) }],
    ['an id of 129 characters', `<div data-org-id="${long(129)}"></div>`, true, {}],
    [
      'the first id attribute that has a value',
      '<div data-organization-id="" data-workspace-id="ws_2"></div>',
      true,
      { id: 'ws_2' },
    ],
    [
      'an empty name attribute: no name, not the text',
      '<div data-org-id="o1" data-org-name="">Visible text</div>',
      true,
      { id: 'o1' },
    ],
    ['a name attribute, before the text', '<div data-org-name="Acme">Other</div>', true, { name: 'Acme' }],
    ['whitespace in a name collapsed', '<div data-org-name="  Acme \n\t SAS "></div>', true, { name: 'Acme SAS' }],
    ['a name of 80 characters', `<div data-org-name="${long(80)}"></div>`, true, { name: long(80) }],
    ['a name of 81 characters', `<div data-org-name="${long(81)}"></div>`, true, {}],
    [
      '"Switch organization" is no name',
      '<button aria-label="Switch organization">Switch organization</button>',
      true,
      {},
    ],
    ['"Workspace" is no name', '<div data-org-name="Workspace"></div>', true, {}],
    ['"My organization" is one', '<div data-org-name="My organization"></div>', true, { name: 'My organization' }],
    [
      'loose: a button labelled "organisation" (British) named by its text',
      '<button aria-label="Organisation menu">Acme  Ltd</button>',
      true,
      { name: 'Acme Ltd' },
    ],
    ['strict: the same button names nothing', '<button aria-label="Organisation menu">Acme Ltd</button>', false, {}],
    [
      'strict: a switcher with data attributes still counts',
      '<div data-org-id="o1" data-org-name="Acme"></div>',
      false,
      { id: 'o1', name: 'Acme' },
    ],
    [
      '"Workspace: <name>", after the colon, trimmed',
      '<div aria-label="Workspace:   Personal  ">x</div>',
      false,
      { name: 'Personal' },
    ],
    [
      'a workspace label without a colon names nothing, even loose',
      '<div aria-label="Workspace settings">x</div>',
      true,
      {},
    ],
  ] as [string, string, boolean, object][])('%s', (_n, html, loose, want) => {
    expect(readOrg(doc(html), loose)).toEqual(want);
  });
});

describe('readOrg, loose (the Admin Panel)', () => {
  it('"Create workspace" is not an organization name there either', () => {
    const w = new Window({
      url: 'https://admin.mistral.ai/organization/workspaces',
      settings: { disableJavaScriptEvaluation: true },
    });
    w.document.write('<!doctype html><body><button aria-label="Create workspace">New</button></body>');
    expect(readOrg(w.document as unknown as Document)).toEqual({});
  });
});

describe('readAccountSettings (settings.get: public chat sharing)', () => {
  const flags = (sharing: unknown, extra: object = {}) => ({
    appName: { value: 'Vibe' },
    publicChatSharingEnabled: { value: sharing },
    memoryEnabled: { value: true },
    maxUploadMb: { value: 50 },
    ...extra,
  });
  const batch = (json: unknown) => JSON.stringify([{ result: { data: { json } } }]);

  it('a tRPC batch (superjson): the flag, on and off', () => {
    expect(readAccountSettings(batch(flags(true)))).toEqual({ publicSharing: 'on' });
    expect(readAccountSettings(batch(flags(false)))).toEqual({ publicSharing: 'off' });
  });

  it('JSON lines (trpc-accept: application/jsonl), the flags in a later line', () => {
    const lines = [
      JSON.stringify({ json: { 0: [[0], [null, 0, 0]] } }),
      JSON.stringify({ json: [0, 0, [[{ result: { data: { json: flags(true) } } }]]] }),
    ].join('\n');
    expect(readAccountSettings(lines)).toEqual({ publicSharing: 'on' });
  });

  it.each([
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['truncated JSON', batch(flags(true)).slice(0, 40)],
    ['empty', ''],
    ['{}', '{}'],
    ['a tRPC error', JSON.stringify([{ error: { json: { message: 'UNAUTHORIZED', code: -32001 } } }])],
  ])('malformed (%s): nothing', (_name, body) => {
    expect(readAccountSettings(body)).toBeNull();
  });

  it.each([
    ['the flag as a bare boolean', { publicChatSharingEnabled: true }],
    ['the flag as a string', flags('true')],
    ['the flag without value', { publicChatSharingEnabled: { enabled: true } }],
    ['the flag null', flags(null)],
    ['another flag not {value}', flags(true, { appName: 'Vibe' })],
    ['an array of flags', [flags(true)].map((f) => Object.values(f))],
  ])('another shape (%s): ignored whole', (_name, json) => {
    expect(readAccountSettings(batch(json))).toBeNull();
  });

  it('an organization.all answer is no settings answer, and the other way round', () => {
    expect(readAccountSettings(body([TEAM]))).toBeNull();
    expect(readAccountData(batch(flags(true)))).toBeNull();
  });
});
