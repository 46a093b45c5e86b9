/**
 * Whose plan (issue 11, attack 5): lib/detect/account.ts picks the active organization among those
 * `organization.all` lists, never the first; lib/detect/org.ts reads which one a page shows as active.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readAccountData, readAccountSettings, planFromAccountData } from '@/lib/detect/account';
import { readOrg, readOrgName } from '@/lib/detect/org';

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

describe('the account data, edge by edge (mutation testing, third session)', () => {
  const batch = (json: unknown) => JSON.stringify([{ result: { data: { json } } }]);
  const org = (id: string, more: object = {}) => ({ id, orgTier: 'B', isLeChatPro: false, ...more });

  it('an organization list of another shape (a plan that is a number): nothing, no crash', () => {
    expect(readAccountData(body([{ ...TEAM, leChatPlan: 5 }]))).toBeNull();
    expect(planFromAccountData(body([TEAM, { ...MINE, isLeChatPro: 'yes' }]))).toBeNull();
  });

  it('the list found with any one of the plan fields alone', () => {
    expect(readAccountData(body([{ id: 'o', isLeChatPro: true }]))?.plan?.plan).toBe('pro');
    expect(readAccountData(body([{ id: 'o', leChatPlan: 'team' }]))?.plan?.plan).toBe('team');
    expect(readAccountData(body([{ id: 'o', orgTier: 'B' }]))).toMatchObject({ active: { id: 'o' }, plan: null });
  });

  it('an API plan named in the chat account data is no Vibe plan', () => {
    expect(
      readAccountData(body([{ id: 'o', leChatPlan: 'Scale', orgTier: 'C', isLeChatPro: false }]))?.plan,
    ).toBeNull();
  });

  it('an organization without plan fields is still listed beside those that have them', () => {
    const r = readAccountData(body([{ id: 'org_solo', name: 'Solo' }, TEAM]));
    expect(r?.orgs).toEqual([
      { id: 'org_solo', name: 'Solo' },
      { id: 'org_team', name: 'Atelier Nord' },
    ]);
    expect(r?.active).toBeNull();
  });

  it('a tRPC batch of two answers: the organization list in the second', () => {
    const two = JSON.stringify([{ result: { data: { json: { flags: {} } } } }, { result: { data: { json: [TEAM] } } }]);
    expect(readAccountData(two)?.active).toEqual({ id: 'org_team', name: 'Atelier Nord' });
  });

  it('arrays count as levels too: a list six arrays deep found, seven not', () => {
    const nestA = (n: number, x: unknown): unknown => (n === 0 ? x : [nestA(n - 1, x)]);
    expect(readAccountData(JSON.stringify(nestA(6, [org('deep')])))?.active).toEqual({ id: 'deep' });
    expect(readAccountData(JSON.stringify(nestA(7, [org('deep')])))).toBeNull();
  });

  it('a null before the list (a cursor, an empty field) is passed over', () => {
    expect(readAccountData(batch({ nextCursor: null, items: [org('after-null')] }))?.active).toEqual({
      id: 'after-null',
    });
  });

  it('an array that is not only organizations is no list; the list after it is found', () => {
    // With a null, a number or an array among the objects: never taken for the list (and no crash).
    expect(readAccountData(batch([null, org('x')]))).toBeNull();
    expect(readAccountData(batch({ a: [org('mixed'), 0], b: [org('real')] }))?.active).toEqual({ id: 'real' });
    expect(readAccountData(batch({ a: [[], org('mixed')], b: [org('real')] }))?.active).toEqual({ id: 'real' });
  });

  it('several listed: the id the page shows decides before a name, two flags decide nothing', () => {
    // The page's id wins over its name (a name another organization has).
    expect(readAccountData(body([TEAM, MINE]), { id: 'org_me', name: 'Atelier Nord' })?.active?.id).toBe('org_me');
    // An id the list lacks: then the name.
    expect(readAccountData(body([TEAM, MINE]), { id: 'org_gone', name: 'Personal' })?.active?.id).toBe('org_me');
    // Two flagged active: the flags say nothing, the page's id does.
    const two = [
      { ...TEAM, isActive: true },
      { ...MINE, current: true },
    ];
    expect(readAccountData(body(two))?.active).toBeNull();
    expect(readAccountData(body(two), { id: 'org_me' })?.active?.id).toBe('org_me');
  });
});

describe('the settings answer, edge by edge (mutation testing, third session)', () => {
  const batch = (json: unknown) => JSON.stringify([{ result: { data: { json } } }]);
  const withFlags = (n: number) => {
    const o: Record<string, { value: unknown }> = { publicChatSharingEnabled: { value: true } };
    for (let i = 1; i < n; i++) o[`flag${i}`] = { value: i };
    return o;
  };
  const nest = (n: number, x: unknown): unknown => (n === 0 ? x : { k: nest(n - 1, x) });

  it('up to 500 flags read; more is another shape, ignored whole', () => {
    expect(readAccountSettings(JSON.stringify(withFlags(500)))).toEqual({ publicSharing: 'on' });
    expect(readAccountSettings(JSON.stringify(withFlags(501)))).toBeNull();
  });

  it('the flags found up to ten levels deep, not deeper', () => {
    const flags = { publicChatSharingEnabled: { value: false } };
    expect(readAccountSettings(JSON.stringify(nest(10, flags)))).toEqual({ publicSharing: 'off' });
    expect(readAccountSettings(JSON.stringify(nest(11, flags)))).toBeNull();
    expect(readAccountSettings(batch([null, 'text', 3, flags]))).toEqual({ publicSharing: 'off' });
  });
});

describe('readOrg, names (mutation testing, third session)', () => {
  const doc = (html: string) => {
    const w = new Window({ url: 'https://admin.mistral.ai/', settings: { disableJavaScriptEvaluation: true } });
    w.document.write(`<!doctype html><body>${html}</body>`);
    return w.document as unknown as Document;
  };

  it('a name that starts with "Workspace" is a name; "Organisation…" (a placeholder) is not', () => {
    expect(readOrg(doc('<div data-org-name="Workspace Acme"></div>'))).toEqual({ name: 'Workspace Acme' });
    expect(readOrg(doc('<button aria-label="Organization menu">Organisation…</button>'))).toEqual({});
    expect(readOrg(doc('<div data-workspace-name="Workspace:"></div>'))).toEqual({});
  });

  it('readOrgName: the name the Admin Panel switcher shows, or nothing', () => {
    expect(readOrgName(doc('<button aria-label="Switch organization: Acme SAS">Acme</button>'))).toBe('Acme SAS');
    // Loose by default (the Admin Panel): a switcher labelled "Switch organization" named by its text.
    expect(readOrgName(doc('<button aria-label="Switch organization">Acme SAS</button>'))).toBe('Acme SAS');
    expect(readOrg(doc('<button aria-label="Organisation menu">Acme Ltd</button>'))).toEqual({ name: 'Acme Ltd' });
    expect(readOrgName(doc('<div data-org-id="o1"></div>'))).toBeUndefined();
  });
});
