/**
 * The site rules as data (lib/detect/ruleset.ts, lib/detect/rules.ts `rulesetFor`): what the background sends a
 * reading content script is JSON (no RegExp, function, Map or Set survives a runtime message), only its own host's,
 * and reads every replica page of that host exactly as every host's rules do (and as the fixtures' index says);
 * with no rules nothing is read (never a guess); and the reading scripts do not bundle the rule tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { planFromName } from '@/lib/detect/plan-names';
import { CONTROL_RULES, PLAN_SIGNALS, rulesetFor } from '@/lib/detect/rules';
import {
  NO_RULES,
  hasRules,
  isRuleset,
  productsOn,
  rules,
  rulesGeneration as rulesetGeneration,
  surfaceIn,
  textsOf,
  useRuleset,
  type Ruleset,
} from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS, type MistralHost } from '@/lib/hosts';
import { labelTexts } from '@/lib/policy/labels';
import { ROOT, reach } from './imports';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { STUDIO_DETECT } from '@/lib/page/kit-studio';
import { SURFACES, surfaceOf } from '@/lib/surfaces';
import { SURFACE_EXAMPLES } from '@/lib/surfaces.examples';

const INDEX: { file: string; url: string; expect: { plan: string | null; controls: Record<string, string> } }[] =
  JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const KITS = { 'chat.mistral.ai': CHAT_DETECT, 'admin.mistral.ai': ADMIN_DETECT, 'console.mistral.ai': STUDIO_DETECT };
const FULL = rulesetFor(MISTRAL_HOSTS);

afterEach(() => useRuleset(FULL));

const parse = (file: string, url: string) => {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
  return win.document as unknown as Document;
};

/** Every value in a tree that JSON would not carry as it is. */
function notJson(v: unknown, path = '$'): string[] {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return [];
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => notJson(x, `${path}[${i}]`));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.entries(v as object).flatMap(([k, x]) => notJson(x, `${path}.${k}`));
  return [path];
}

describe('rulesetFor: what the background sends', () => {
  it.each(MISTRAL_HOSTS)('%s: JSON only, unchanged through a JSON round trip, and a ruleset', (host) => {
    const r = rulesetFor([host]);
    expect(notJson(r)).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(isRuleset(r)).toBe(true);
  });

  it.each(MISTRAL_HOSTS)("%s: only that host's surfaces, control rules and plan signals", (host) => {
    const r = rulesetFor([host]);
    const ids = SURFACES.filter((s) => s.host === host).map((s) => s.id);
    expect(r.hosts).toEqual([host]);
    expect(r.surfaces.map((s) => s.id)).toEqual(ids);
    expect(r.surfaces.every((s) => s.host === host)).toBe(true);
    for (const id of Object.keys(r.controls)) expect(ids).toContain(id);
    for (const id of Object.keys(r.order)) expect(ids).toContain(id);
    for (const sig of r.planSignals) for (const id of sig.surfaces) expect(ids).toContain(id);
    expect(Object.keys(r.hostProducts)).toEqual([host]);
  });

  it('the chat host: its memories switch, no Admin Panel label, the account data requests', () => {
    const r = rulesetFor(['chat.mistral.ai']);
    expect(Object.keys(r.controls)).toEqual(['vibe-memories']);
    expect(JSON.stringify(r)).not.toContain('Model training');
    expect(JSON.stringify(r)).not.toContain('Zero data retention');
    expect(r.retention).toEqual({});
    expect(r.status).toEqual({ off: [], on: [] });
    expect(r.managed.length).toBeGreaterThan(0);
    expect(r.accountData?.path).toBe('/api/trpc/organization.all');
    expect(r.upgradeScale).toEqual([]);
  });

  it('the Admin Panel: every privacy control with its labels and provenance, the documented order, no account data', () => {
    const r = rulesetFor(['admin.mistral.ai']);
    expect(r.controls['admin-vibe-privacy']).toEqual(CONTROL_RULES['admin-vibe-privacy']);
    expect(r.controls['admin-api-privacy']).toEqual(CONTROL_RULES['admin-api-privacy']);
    expect(r.controls['admin-vibe-privacy']![0].labels.en?.docs).toContain('Model training');
    expect(Object.keys(r.order).sort()).toEqual(['admin-api-privacy', 'admin-vibe-privacy']);
    expect(r.retention['30d']).toContain('30 days');
    expect(r.status.off).toContain('not enabled');
    expect(r.accountData).toBeNull();
  });

  it('Studio: no control, its plan signals only', () => {
    const r = rulesetFor(['console.mistral.ai']);
    expect(r.controls).toEqual({});
    expect(r.managed).toEqual([]);
    expect(r.planSignals.map((s) => s.kind).sort()).toEqual(
      PLAN_SIGNALS.filter((s) => s.surfaces.some((id) => id.startsWith('studio')))
        .map((s) => s.kind)
        .sort(),
    );
    expect(r.upgradeScale.length).toBeGreaterThan(0);
  });

  it('textsOf flattens a label set as labelTexts does', () => {
    for (const list of Object.values(CONTROL_RULES))
      for (const rule of list ?? []) expect(textsOf(rule.labels)).toEqual(labelTexts(rule.labels));
  });
});

describe('the surfaces as data: compiled in the page, the same as the table', () => {
  it.each(MISTRAL_HOSTS)('%s: every example URL of the host finds the same surface', (host) => {
    useRuleset(rulesetFor([host]));
    for (const s of SURFACES)
      for (const url of SURFACE_EXAMPLES[s.id])
        expect(surfaceIn(url)?.id ?? null, url).toBe(new URL(url).hostname === host ? surfaceOf(url)!.id : null);
  });
});

describe("a host's rules read its pages as every host's rules do", () => {
  it.each(INDEX.map((e) => [e.file, e.url] as const))('%s', (file, url) => {
    const host = new URL(url).hostname as MistralHost;
    const kit = KITS[host];
    useRuleset(FULL);
    const full = detectPage(parse(file, url), url, kit);
    useRuleset(rulesetFor([host]));
    const own = detectPage(parse(file, url), url, kit);
    expect(own).toEqual(full);
    // And as the fixture's index says (an oracle written by hand, not by the code).
    const entry = INDEX.find((e) => e.file === file)!;
    const controls = Object.fromEntries(
      own.observations.filter((o) => !o.key.startsWith('plan:')).map((o) => [o.key, o.value]),
    );
    for (const [k, v] of Object.entries(entry.expect.controls ?? {})) expect(controls[k], k).toBe(v);
  });
});

describe('no rules: nothing read, never a guess', () => {
  it('with the empty ruleset no page has a surface, and no text names a plan', () => {
    useRuleset(null);
    expect(rules()).toBe(NO_RULES);
    for (const e of INDEX) {
      const det = detectPage(parse(e.file, e.url), e.url, KITS[new URL(e.url).hostname as MistralHost]);
      expect(det).toEqual({ surface: null, observations: [], planSignals: [], detectors: [] });
    }
    expect(planFromName('Pro')).toBeNull();
    useRuleset(FULL);
    expect(planFromName('Pro')).toBe('pro');
  });

  it.each([
    ['null', null],
    ['a string', 'rules'],
    ['an array', []],
    ['surfaces missing', { ...FULL, surfaces: undefined }],
    ['a surface without a path', { ...FULL, surfaces: [{ ...FULL.surfaces[0], path: 1 }] }],
    ['status words not strings', { ...FULL, status: { off: [1], on: [] } }],
    ['no selectors', { ...FULL, userContent: undefined }],
  ])('isRuleset refuses %s', (_name, v) => {
    expect(isRuleset(v as unknown)).toBe(false);
  });

  it('isRuleset accepts the empty ruleset and every host’s', () => {
    expect(isRuleset(NO_RULES)).toBe(true);
    expect(isRuleset(FULL as Ruleset)).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------------------
// The reading content scripts do not bundle the rule tables: their value imports never reach them.
// -------------------------------------------------------------------------------------------------------------

describe('the reading scripts carry no rule table, and no detector (issue 13: the background reads the page)', () => {
  it.each(['entrypoints/chat.content.ts', 'entrypoints/admin.content.ts', 'entrypoints/studio.content.ts'])(
    '%s reaches neither lib/detect/rules.ts, lib/policy/labels.ts, lib/surfaces.ts nor any detector',
    (entry) => {
      const seen = reach(join(ROOT, entry), { types: false });
      const names = [...seen.keys()].map((f) => f.slice(ROOT.length + 1));
      expect(names).toContain('lib/detect/ruleset.ts');
      // The walk reached what sends the page (lib/page/serialize.ts) and the background's reading does not come along.
      expect(names).toContain('lib/page/serialize.ts');
      for (const table of ['lib/detect/rules.ts', 'lib/policy/labels.ts', 'lib/surfaces.ts'])
        expect(names).not.toContain(table);
      for (const detector of ['index', 'plan', 'controls', 'order', 'org', 'text', 'plan-names'])
        expect(names).not.toContain(`lib/detect/${detector}.ts`);
      expect(names.filter((n) => n.startsWith('lib/offpage/') || n.startsWith('lib/page/kit-'))).toEqual([]);
    },
  );
});

// -------------------------------------------------------------------------------------------------------------
// isRuleset, field by field: what a page receives is checked without zod, and each field's shape decides (issue 14).
// -------------------------------------------------------------------------------------------------------------

describe('isRuleset: every field of a wrong shape refuses the whole ruleset', () => {
  const ARRAYS = ['hosts', 'surfaces', 'planSignals', 'currentPlan', 'planField', 'upgrade', 'upgradeScale', 'managed'];
  const OBJECTS = ['controls', 'order', 'retention', 'hostProducts', 'planNames', 'status', 'subscriptionTabs'];

  it('an array field missing, or an object in its place', () => {
    const full = rulesetFor(['admin.mistral.ai']);
    expect(isRuleset(full)).toBe(true);
    for (const k of ARRAYS) {
      expect(isRuleset({ ...full, [k]: undefined }), `${k} missing`).toBe(false);
      expect(isRuleset({ ...full, [k]: { 0: 'x', length: 1 } }), `${k} an object`).toBe(false);
    }
  });

  it('an object field missing, null, a string or an array', () => {
    const full = rulesetFor(['admin.mistral.ai']);
    for (const k of OBJECTS)
      for (const bad of [undefined, null, 'x', []])
        expect(isRuleset({ ...full, [k]: bad }), `${k}: ${JSON.stringify(bad)}`).toBe(false);
  });

  it('a surface that is null, or whose host is no string, or whose signals are no list', () => {
    const full = rulesetFor(['admin.mistral.ai']);
    const s0 = full.surfaces[0];
    for (const bad of [
      null,
      { ...s0, host: 1 },
      { ...s0, host: undefined },
      { ...s0, signals: 'plan-badge' },
      { ...s0, path: undefined },
    ])
      expect(isRuleset({ ...full, surfaces: [s0, bad] }), JSON.stringify(bad)).toBe(false);
    expect(isRuleset({ ...full, surfaces: [] })).toBe(true);
  });

  it('status words and subscription tabs: lists of strings only, both halves', () => {
    const full = rulesetFor(['admin.mistral.ai']);
    expect(isRuleset({ ...full, status: { off: [], on: ['active', 2] } })).toBe(false);
    expect(isRuleset({ ...full, status: { off: 'not enabled', on: [] } })).toBe(false);
    expect(isRuleset({ ...full, status: { on: [] } })).toBe(false);
    expect(isRuleset({ ...full, status: { off: [] } })).toBe(false);
    expect(isRuleset({ ...full, subscriptionTabs: { vibe: ['Vibe'], api: [null] } })).toBe(false);
    expect(isRuleset({ ...full, subscriptionTabs: { vibe: [1], api: [] } })).toBe(false);
    expect(isRuleset({ ...full, subscriptionTabs: { vibe: [] } })).toBe(false);
    expect(isRuleset({ ...full, subscriptionTabs: { api: [] } })).toBe(false);
    expect(isRuleset({ ...full, status: { off: [], on: [] }, subscriptionTabs: { vibe: [], api: [] } })).toBe(true);
  });

  it('the selectors, the order confidence, the API-only names and the account data', () => {
    const full = rulesetFor(['chat.mistral.ai']);
    expect(full.accountData).not.toBeNull();
    expect(isRuleset(full)).toBe(true);
    expect(isRuleset({ ...full, notPlanScopes: undefined })).toBe(false);
    expect(isRuleset({ ...full, userContent: ['[contenteditable]'] })).toBe(false);
    expect(isRuleset({ ...full, orderConfidence: '0.6' })).toBe(false);
    expect(isRuleset({ ...full, apiOnlyNames: undefined })).toBe(false);
    expect(isRuleset({ ...full, apiOnlyNames: ['Scale', 3] })).toBe(false);
    expect(isRuleset({ ...full, accountData: undefined })).toBe(false);
    expect(isRuleset({ ...full, accountData: '/api/trpc/organization.all' })).toBe(false);
    expect(isRuleset({ ...full, accountData: null })).toBe(true);
  });
});

describe('the rules in force', () => {
  it('hasRules: false with none, true with any, the empty list of hosts included', () => {
    useRuleset(null);
    expect(hasRules()).toBe(false);
    useRuleset({ ...NO_RULES });
    expect(hasRules()).toBe(true);
    useRuleset(rulesetFor(['console.mistral.ai']));
    expect(hasRules()).toBe(true);
  });

  it('each useRuleset changes the generation, and the surfaces are compiled from the new rules', () => {
    const g0 = rulesetGeneration();
    useRuleset(rulesetFor(['admin.mistral.ai']));
    const g1 = rulesetGeneration();
    expect(g1).not.toBe(g0);
    expect(surfaceIn('https://admin.mistral.ai/vibe/privacy')?.id).toBe('admin-vibe-privacy');
    // The same path under another surface id: the new table is read, not the one compiled before.
    const moved = rulesetFor(['admin.mistral.ai']);
    moved.surfaces = moved.surfaces.map((s) => (s.id === 'admin-vibe-privacy' ? { ...s, path: '/nowhere' } : s));
    useRuleset(moved);
    expect(rulesetGeneration()).not.toBe(g1);
    expect(surfaceIn('https://admin.mistral.ai/vibe/privacy')?.id ?? null).not.toBe('admin-vibe-privacy');
    useRuleset(null);
    expect(surfaceIn('https://admin.mistral.ai/vibe/privacy')).toBeNull();
  });

  it('textsOf: every language and provenance, a missing list skipped', () => {
    expect(textsOf({ en: { docs: ['Model training'], guess: ['Training'] }, fr: { docs: ['Entraînement'] } })).toEqual([
      'Model training',
      'Training',
      'Entraînement',
    ]);
    expect(textsOf({ en: { docs: undefined }, de: undefined } as never)).toEqual([]);
  });

  it('productsOn: the products a surface’s signals name, only those its host can show', () => {
    const sig = (surfaces: string[], products?: ('vibe' | 'api')[]) =>
      ({ kind: 'plan-badge', surfaces, confidence: 1, ...(products ? { products } : {}) }) as never;
    const admin = { id: 'admin-subscriptions', host: 'admin.mistral.ai', product: 'vibe' } as never;
    const both = { 'admin.mistral.ai': ['vibe', 'api'] } as never;
    expect(productsOn([sig(['admin-subscriptions'])], both, admin)).toEqual(['vibe']);
    expect(productsOn([sig(['admin-subscriptions'], ['api', 'vibe'])], both, admin)).toEqual(['api', 'vibe']);
    expect(productsOn([sig(['studio'], ['api'])], both, admin)).toEqual([]);
    expect(
      productsOn([sig(['admin-subscriptions'], ['api'])], { 'admin.mistral.ai': ['vibe'] } as never, admin),
    ).toEqual([]);
    expect(productsOn([sig(['admin-subscriptions'])], {}, admin)).toEqual([]);
  });
});
