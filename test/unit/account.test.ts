/**
 * Whose plan (issue 11, attack 5): lib/detect/account.ts picks the active organization among those
 * `organization.all` lists, never the first; lib/detect/org.ts reads which one a page shows as active.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readAccountData, readAccountSettings, planFromAccountData } from '@/lib/detect/account';
import { readOrg } from '@/lib/detect/org';

const body = (items: object[]) => JSON.stringify([{ result: { data: { json: { items, nextCursor: null } } } }]);
const TEAM = { id: 'org_team', name: 'Atelier Nord', leChatPlan: 'team', orgTier: 'C', role: 'member', isLeChatPro: false };
const MINE = { id: 'org_me', name: 'Personal', leChatPlan: null, orgTier: 'B', role: 'admin', isLeChatPro: false };

describe('readAccountData', () => {
  it('one organization: that one, with its id and name', () => {
    expect(readAccountData(body([TEAM]))).toMatchObject({ active: { id: 'org_team', name: 'Atelier Nord' }, plan: { plan: 'team' } });
  });

  it('several, nothing says which: no active organization and no plan (never the first)', () => {
    const r = readAccountData(body([TEAM, MINE]));
    expect(r?.active).toBeNull();
    expect(r?.plan).toBeNull();
    expect(r?.orgs).toEqual([{ id: 'org_team', name: 'Atelier Nord' }, { id: 'org_me', name: 'Personal' }]);
    expect(planFromAccountData(body([TEAM, MINE]))).toBeNull();
  });

  it.each([
    ['an active flag', [TEAM, { ...MINE, isActive: true }], undefined],
    ['the id the page shows', [TEAM, MINE], { id: 'org_me' }],
    ['the name the page shows', [TEAM, MINE], { name: 'Personal' }],
  ])('several: %s decides', (_name, items, shown) => {
    expect(readAccountData(body(items as object[]), shown)).toMatchObject({ active: { id: 'org_me' }, plan: { plan: 'free' } });
  });

  it('a name two organizations share decides nothing', () => {
    expect(readAccountData(body([{ ...TEAM, name: 'Same' }, { ...MINE, name: 'Same' }]), { name: 'Same' })?.active).toBeNull();
  });

  it('a numeric id is read as text; hostile names are just names', () => {
    expect(readAccountData(body([{ ...TEAM, id: 42, name: '__proto__' }]))?.active).toEqual({ id: '42', name: '__proto__' });
  });
});

describe('readOrg', () => {
  const doc = (html: string) => {
    const w = new Window({ url: 'https://chat.mistral.ai/chat', settings: { disableJavaScriptEvaluation: true } });
    w.document.write(`<!doctype html><body>${html}</body>`);
    return w.document as unknown as Document;
  };

  it('the id and name of a switcher that carries them', () => {
    expect(readOrg(doc('<button data-workspace-id="org_me" data-workspace-name="Personal">Personal</button>'))).toEqual({ id: 'org_me', name: 'Personal' });
    expect(readOrg(doc('<button aria-label="Switch organization: Acme SAS" data-organization-id="41012292-6edf">Acme</button>'))).toEqual({ id: '41012292-6edf', name: 'Acme SAS' });
  });

  it('an id that is not an id (markup, spaces) is dropped', () => {
    expect(readOrg(doc('<button data-organization-id="<img src=x>" data-organization-name="Acme">Acme</button>'))).toEqual({ name: 'Acme' });
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
    ['the first id attribute that has a value', '<div data-organization-id="" data-workspace-id="ws_2"></div>', true, { id: 'ws_2' }],
    ['an empty name attribute: no name, not the text', '<div data-org-id="o1" data-org-name="">Visible text</div>', true, { id: 'o1' }],
    ['a name attribute, before the text', '<div data-org-name="Acme">Other</div>', true, { name: 'Acme' }],
    ['whitespace in a name collapsed', '<div data-org-name="  Acme \n\t SAS "></div>', true, { name: 'Acme SAS' }],
    ['a name of 80 characters', `<div data-org-name="${long(80)}"></div>`, true, { name: long(80) }],
    ['a name of 81 characters', `<div data-org-name="${long(81)}"></div>`, true, {}],
    ['"Switch organization" is no name', '<button aria-label="Switch organization">Switch organization</button>', true, {}],
    ['"Workspace" is no name', '<div data-org-name="Workspace"></div>', true, {}],
    ['"My organization" is one', '<div data-org-name="My organization"></div>', true, { name: 'My organization' }],
    ['loose: a button labelled "organisation" (British) named by its text', '<button aria-label="Organisation menu">Acme  Ltd</button>', true, { name: 'Acme Ltd' }],
    ['strict: the same button names nothing', '<button aria-label="Organisation menu">Acme Ltd</button>', false, {}],
    ['strict: a switcher with data attributes still counts', '<div data-org-id="o1" data-org-name="Acme"></div>', false, { id: 'o1', name: 'Acme' }],
    ['"Workspace: <name>", after the colon, trimmed', '<div aria-label="Workspace:   Personal  ">x</div>', false, { name: 'Personal' }],
    ['a workspace label without a colon names nothing, even loose', '<div aria-label="Workspace settings">x</div>', true, {}],
  ] as [string, string, boolean, object][])('%s', (_n, html, loose, want) => {
    expect(readOrg(doc(html), loose)).toEqual(want);
  });
});

describe('readOrg, loose (the Admin Panel)', () => {
  it('"Create workspace" is not an organization name there either', () => {
    const w = new Window({ url: 'https://admin.mistral.ai/organization/workspaces', settings: { disableJavaScriptEvaluation: true } });
    w.document.write('<!doctype html><body><button aria-label="Create workspace">New</button></body>');
    expect(readOrg(w.document as unknown as Document)).toEqual({});
  });
});

describe('readAccountSettings (settings.get: public chat sharing)', () => {
  const flags = (sharing: unknown, extra: object = {}) => ({ appName: { value: 'Vibe' }, publicChatSharingEnabled: { value: sharing }, memoryEnabled: { value: true }, maxUploadMb: { value: 50 }, ...extra });
  const batch = (json: unknown) => JSON.stringify([{ result: { data: { json } } }]);

  it('a tRPC batch (superjson): the flag, on and off', () => {
    expect(readAccountSettings(batch(flags(true)))).toEqual({ publicSharing: 'on' });
    expect(readAccountSettings(batch(flags(false)))).toEqual({ publicSharing: 'off' });
  });

  it('JSON lines (trpc-accept: application/jsonl), the flags in a later line', () => {
    const lines = [JSON.stringify({ json: { 0: [[0], [null, 0, 0]] } }), JSON.stringify({ json: [0, 0, [[{ result: { data: { json: flags(true) } } }]]] })].join('\n');
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
