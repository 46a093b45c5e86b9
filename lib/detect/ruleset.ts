/**
 * The site rules the detectors read, as plain data (JSON: no RegExp, no function, no Map or Set), and the one
 * place that holds them. The rules themselves, with their provenance and zod-checked, are lib/detect/rules.ts,
 * lib/policy/labels.ts and lib/surfaces.ts; `rulesetFor(hosts)` there cuts them to one host. The reading content
 * scripts do not bundle those tables: each asks the background for its host's ruleset once per page life
 * (`get-rules`, lib/page/run.ts) and puts it here; the background and the unit tests' setup put the full one.
 * Until a ruleset is here the empty one holds: no surface, no label, so nothing is read ("unknown"), never a guess.
 * Imports nothing but types and lib/hosts.ts, so that what a content script bundles stays small.
 */
import type { ControlId, PlanId, Product } from '../policy/schema';
import type { LabelSet } from '../policy/labels';
import type { PlanSignalKind, SurfaceId } from '../surfaces';
import { findSurface, type MistralHost } from '../hosts';

export interface ControlRule {
  control: ControlId;
  kind: 'switch' | 'status' | 'select';
  /** Label texts by language, each filed under its provenance (lib/policy/labels.ts). */
  labels: LabelSet;
}

/** One control of a documented settings page, in its documented place (lib/detect/order.ts). */
export interface OrderedControl {
  control: ControlId;
  /** 'status' has no control on the page: it takes no place in the order and is never read by it. */
  kind: ControlRule['kind'];
}

/** How much a plan signal is trusted, where it is read, whose plan it may name (lib/detect/rules.ts PLAN_SIGNALS). */
export interface PlanSignalRule {
  kind: PlanSignalKind;
  surfaces: SurfaceId[];
  confidence: number;
  cue?: true;
  products?: ('vibe' | 'api')[];
}

/** One surface of lib/surfaces.ts as data: its URL pattern is a regular expression's source (lib/hosts.ts). */
export interface SurfaceRule {
  id: SurfaceId;
  host: MistralHost;
  product: Product;
  chat: boolean;
  signals: PlanSignalKind[];
  accountData: boolean;
  path: string;
}

export interface Ruleset {
  /** The hosts this ruleset is about. */
  hosts: MistralHost[];
  surfaces: SurfaceRule[];
  /** The controls each settings page shows. */
  controls: Partial<Record<SurfaceId, ControlRule[]>>;
  /** The documented order of the controls of some settings pages, read when no label is recognised. */
  order: Partial<Record<SurfaceId, OrderedControl[]>>;
  orderConfidence: number;
  /** Chat Retention Policy choices, lower-cased, by value. */
  retention: Record<string, string[]>;
  /** Status words (ZDR), lower-cased; "off" is checked first. */
  status: { off: string[]; on: string[] };
  /** Texts that mark a control as managed by the organization. */
  managed: string[];
  planSignals: PlanSignalRule[];
  /** Whose plan a page of each host can name. */
  hostProducts: Partial<Record<MistralHost, ('vibe' | 'api')[]>>;
  subscriptionTabs: Record<'vibe' | 'api', string[]>;
  currentPlan: string[];
  planField: string[];
  upgrade: string[];
  upgradeScale: string[];
  /** Selectors of someone's words (chat turns, composer, titles), and of where a plan name is never a plan. */
  userContent: string;
  notPlanScopes: string;
  /** Each plan's names, every language and provenance flat, and the products it exists for. */
  planNames: Partial<Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }>>;
  /** Names only the API's plans carry. */
  apiOnlyNames: string[];
  /** The chat app's account data requests (chat host only). */
  accountData: { path: string; query: string; settingsPath: string; settingsQuery: string } | null;
}

/** No rules: nothing is anyone's surface, no label is known. What holds until the background has answered. */
export const NO_RULES: Ruleset = {
  hosts: [],
  surfaces: [],
  controls: {},
  order: {},
  orderConfidence: 0,
  retention: {},
  status: { off: [], on: [] },
  managed: [],
  planSignals: [],
  hostProducts: {},
  subscriptionTabs: { vibe: [], api: [] },
  currentPlan: [],
  planField: [],
  upgrade: [],
  upgradeScale: [],
  // Matches nothing, so that a scope test finds no scope (and no rule finds anything anyway).
  userContent: ':not(*)',
  notPlanScopes: ':not(*)',
  planNames: {},
  apiOnlyNames: [],
  accountData: null,
};

let current: Ruleset = NO_RULES;
let generation = 0;
let compiled = new Map<string, RegExp>();

/** Put the rules the detectors read from now on (null: none, nothing is read). */
export function useRuleset(r: Ruleset | null): void {
  current = r ?? NO_RULES;
  generation++;
  compiled = new Map();
}

/** The rules in force. */
export const rules = (): Ruleset => current;
/** Whether any rules have arrived. */
export const hasRules = (): boolean => current !== NO_RULES;
/** Changes with every `useRuleset`: caches derived from the rules compare it. */
export const rulesGeneration = (): number => generation;

/** The surface a URL is on by the rules in force, or null (not a Mistral page, or no rules). */
export function surfaceIn(url: string | undefined | null): SurfaceRule | null {
  return findSurface(current.surfaces, url, compiled);
}

/** The plan observations a page of this surface may report, from the signals read there. */
export function productsOn(
  signals: readonly PlanSignalRule[],
  hostProducts: Partial<Record<MistralHost, readonly ('vibe' | 'api')[]>>,
  surface: { id: SurfaceId; host: MistralHost; product: Product },
): ('vibe' | 'api')[] {
  const out = new Set<'vibe' | 'api'>();
  for (const sig of signals)
    if (sig.surfaces.includes(surface.id))
      for (const p of sig.products ?? [surface.product]) if (hostProducts[surface.host]?.includes(p)) out.add(p);
  return [...out];
}

/** The flat list of a label set's texts, every language and provenance (as lib/policy/labels.ts `labelTexts`). */
export function textsOf(set: LabelSet): string[] {
  const out: string[] = [];
  for (const byProv of Object.values(set)) for (const list of Object.values(byProv ?? {})) if (list) out.push(...list);
  return out;
}

/**
 * Whether a received value has the ruleset's shape (the background's answer, checked in the page without zod:
 * a wrong shape is no rules, never a partial set).
 */
export function isRuleset(v: unknown): v is Ruleset {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  const arr = (k: string) => Array.isArray(r[k]);
  const obj = (k: string) => !!r[k] && typeof r[k] === 'object' && !Array.isArray(r[k]);
  const strs = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const st = r.status as Record<string, unknown> | undefined;
  const tabs = r.subscriptionTabs as Record<string, unknown> | undefined;
  return (
    ['hosts', 'surfaces', 'planSignals', 'currentPlan', 'planField', 'upgrade', 'upgradeScale', 'managed'].every(arr) &&
    ['controls', 'order', 'retention', 'hostProducts', 'planNames', 'status', 'subscriptionTabs'].every(obj) &&
    (r.surfaces as unknown[]).every(
      (s) =>
        !!s &&
        typeof (s as SurfaceRule).path === 'string' &&
        typeof (s as SurfaceRule).host === 'string' &&
        Array.isArray((s as SurfaceRule).signals),
    ) &&
    strs(st?.off) &&
    strs(st?.on) &&
    strs(tabs?.vibe) &&
    strs(tabs?.api) &&
    typeof r.userContent === 'string' &&
    typeof r.notPlanScopes === 'string' &&
    typeof r.orderConfidence === 'number' &&
    strs(r.apiOnlyNames) &&
    (r.accountData === null || (!!r.accountData && typeof r.accountData === 'object'))
  );
}
