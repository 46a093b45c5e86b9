/**
 * Plan names as pages and documents print them, current and older (Le Chat / La Plateforme era), English and
 * French. The policy knowledge's PLANS use these lists too.
 */
import type { PlanId } from '../policy/schema';
import { norm } from './text';

export const PLAN_NAMES: Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }> = {
  free: { names: ['Free', 'Free mode', 'Free plan', 'Le Chat Free', 'Vibe Free', 'Experiment', 'Experiment plan', 'Gratuit', 'Mode gratuit', 'Offre gratuite'], products: ['vibe', 'api'] },
  pro: { names: ['Pro', 'Le Chat Pro', 'Vibe Pro', 'Pro plan'], products: ['vibe', 'api'] },
  education: { names: ['Education', 'Student', 'Le Chat Student', 'Vibe Education', 'Éducation', 'Étudiant'], products: ['vibe', 'api'] },
  team: { names: ['Team', 'Teams', 'Le Chat Team', 'Vibe Team', 'Vibe Teams', 'Team plan', 'Équipe'], products: ['vibe', 'api'] },
  enterprise: { names: ['Enterprise', 'Le Chat Enterprise', 'Vibe Enterprise', 'Entreprise'], products: ['vibe', 'api'] },
  scale: { names: ['Scale', 'Scale plan'], products: ['api'] },
};

const PREFIXES = ['current plan', 'your plan', 'plan', 'subscription', 'forfait actuel', 'offre actuelle', 'votre offre', 'offre', 'forfait'];

/** Plan id named by one short text ("Le Chat Pro", "Current plan: Free mode"), or null. */
export function planFromName(text: string, product?: 'vibe' | 'api'): PlanId | null {
  let t = norm(text);
  for (const p of PREFIXES) {
    if (t.startsWith(p + ':') || t.startsWith(p + ' :')) {
      t = t.slice(t.indexOf(':') + 1).trim();
      break;
    }
  }
  for (const [id, def] of Object.entries(PLAN_NAMES) as [PlanId, (typeof PLAN_NAMES)[PlanId]][]) {
    if (product && !def.products.includes(product)) continue;
    if (def.names.some((n) => norm(n) === t)) return id;
  }
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
