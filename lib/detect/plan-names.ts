/**
 * A plan's name in a page's text. The names themselves (current, older, internal, in every language, each with
 * its provenance) are policy data, lib/policy/labels.ts; detection takes them from there, never the reverse, as
 * data: the rules in force (lib/detect/ruleset.ts), which the background sends a content script for its host.
 */
import type { PlanId } from '../policy/schema';
import { rules, rulesGeneration } from './ruleset';
import { norm } from './text';

let byName = new Map<string, PlanId[]>();
let fields = new Set<string>();
let builtFor = -1;

/** Plan id named by one short text ("Le Chat Pro", "Current plan: Free mode"), or null. */
export function planFromName(text: string, product?: 'vibe' | 'api'): PlanId | null {
  const names = rules().planNames;
  if (builtFor !== rulesGeneration()) {
    byName = new Map();
    for (const [id, def] of Object.entries(names) as [PlanId, NonNullable<(typeof names)[PlanId]>][])
      for (const n of def.names) byName.set(norm(n), [...(byName.get(norm(n)) ?? []), id]);
    fields = new Set(rules().planField.map(norm));
    builtFor = rulesGeneration();
  }
  let t = norm(text);
  if (!t || t.length > 60) return null;
  // "Current plan: Free mode", "Plan · Scale", "Votre offre : Pro": the value after a known field label.
  const sep = /^(.{2,30}?)\s*[:·•|]\s*(.+)$/.exec(t);
  if (sep && fields.has(sep[1])) t = sep[2].trim();
  for (const id of byName.get(t) ?? []) if (!product || names[id]?.products.includes(product)) return id;
  return null;
}

/** The first of `texts` that names a plan. */
export function planFromNameIn(texts: string[], product?: 'vibe' | 'api'): PlanId | null {
  for (const t of texts) {
    const p = planFromName(t, product);
    if (p) return p;
  }
  return null;
}
