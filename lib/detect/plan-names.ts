/**
 * Plan names as pages and documents print them, current, older (Le Chat / La Plateforme era) and internal
 * (the CLI's whoami: FREE, INDIVIDUAL, EDU, TEAM), in every language of the Admin Console, each filed under its
 * provenance (see rules.ts). The policy knowledge's PLANS use the flat lists.
 */
import type { PlanId } from '../policy/schema';
import { PLAN_FIELD_TEXT, labelTexts, type LabelSet } from './rules';
import { norm } from './text';

export const PLAN_NAME_LABELS: Record<PlanId, { labels: LabelSet; products: ('vibe' | 'api')[] }> = {
  free: {
    labels: {
      // docs: Free, Free mode, Le Chat Free, Experiment (notes "Plans and training defaults"); 3rd: whoami FREE.
      en: { docs: ['Free', 'Free mode', 'Le Chat Free', 'Vibe Free', 'Experiment'], guess: ['Free plan', 'Experiment plan'] },
      fr: { guess: ['Gratuit', 'Mode gratuit', 'Offre gratuite', 'Forfait gratuit'] },
      de: { guess: ['Kostenlos', 'Gratis', 'Kostenloser Modus', 'Free-Modus', 'Kostenloser Plan'] },
      es: { guess: ['Gratuito', 'Modo gratuito', 'Plan gratuito'] },
      it: { guess: ['Modalità gratuita', 'Piano gratuito'] },
      pl: { guess: ['Darmowy', 'Bezpłatny', 'Tryb darmowy', 'Tryb bezpłatny', 'Plan darmowy'] },
      pt_BR: { guess: ['Grátis', 'Modo gratuito', 'Plano gratuito'] },
      ar: { guess: ['مجاني', 'مجانية', 'الوضع المجاني', 'الخطة المجانية'] },
    },
    products: ['vibe', 'api'],
  },
  pro: {
    labels: {
      // 3rd: whoami INDIVIDUAL, counted as paid by Mistral's CLI; that it is Pro is an inference.
      en: { docs: ['Pro', 'Le Chat Pro', 'Vibe Pro'], '3rd': ['Individual'], guess: ['Pro plan'] },
      fr: { guess: ['Offre Pro', 'Forfait Pro'] },
      de: { guess: ['Pro-Plan', 'Pro-Tarif'] },
      es: { guess: ['Plan Pro'] },
      it: { guess: ['Piano Pro'] },
      pl: { guess: ['Plan Pro'] },
      pt_BR: { guess: ['Plano Pro'] },
      ar: { guess: ['خطة Pro', 'برو'] },
    },
    products: ['vibe', 'api'],
  },
  education: {
    labels: {
      // 3rd: whoami EDU (inference: Education).
      en: { docs: ['Education', 'Student', 'Le Chat Student', 'Vibe Education'], '3rd': ['Edu'] },
      fr: { guess: ['Éducation', 'Étudiant', 'Étudiants'] },
      de: { guess: ['Bildung', 'Studierende'] },
      es: { guess: ['Educación', 'Estudiante'] },
      it: { guess: ['Istruzione', 'Studente'] },
      pl: { guess: ['Edukacja'] },
      pt_BR: { guess: ['Educação', 'Estudante'] },
      ar: { guess: ['التعليم', 'طالب'] },
    },
    products: ['vibe', 'api'],
  },
  team: {
    labels: {
      // 3rd: whoami TEAM.
      en: { docs: ['Team', 'Teams', 'Le Chat Team', 'Vibe Team', 'Vibe Teams'], guess: ['Team plan'] },
      fr: { guess: ['Équipe', 'Offre Team'] },
      de: { guess: ['Team-Plan'] },
      es: { guess: ['Equipo', 'Equipos'] },
      it: { guess: ['Piano Team'] },
      pl: { guess: ['Zespół', 'Zespołowy'] },
      pt_BR: { guess: ['Equipe', 'Equipes'] },
      ar: { guess: ['الفريق', 'فريق'] },
    },
    products: ['vibe', 'api'],
  },
  enterprise: {
    labels: {
      en: { docs: ['Enterprise', 'Le Chat Enterprise', 'Vibe Enterprise'] },
      fr: { guess: ['Entreprise'] },
      de: { guess: ['Unternehmen'] },
      es: { guess: ['Empresa', 'Empresas'] },
      it: { guess: ['Impresa', 'Aziende'] },
      pl: { guess: ['Przedsiębiorstwo'] },
      pt_BR: { guess: ['Empresarial'] },
      ar: { guess: ['المؤسسات', 'مؤسسة'] },
    },
    products: ['vibe', 'api'],
  },
  scale: {
    labels: {
      en: { docs: ['Scale'], guess: ['Scale plan'] },
      fr: { guess: ['Offre Scale', 'Forfait Scale'] },
      de: { guess: ['Scale-Plan'] },
      es: { guess: ['Plan Scale'] },
      it: { guess: ['Piano Scale'] },
      pl: { guess: ['Plan Scale'] },
      pt_BR: { guess: ['Plano Scale'] },
      ar: { guess: ['خطة Scale'] },
    },
    products: ['api'],
  },
};

/** Names only the API's plans carry (Studio): a page showing one speaks of the API plan. */
export const API_ONLY_NAMES = ['experiment', 'experiment plan', 'free mode', 'scale', 'scale plan'];

export const PLAN_NAMES: Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }> = /* @__PURE__ */ Object.fromEntries(
  Object.entries(PLAN_NAME_LABELS).map(([id, d]) => [id, { names: labelTexts(d.labels), products: d.products }]),
) as Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }>;



let byName: Map<string, PlanId[]> | null = null;
let fields: Set<string> | null = null;

/** Plan id named by one short text ("Le Chat Pro", "Current plan: Free mode"), or null. */
export function planFromName(text: string, product?: 'vibe' | 'api'): PlanId | null {
  if (!byName) {
    byName = new Map();
    for (const [id, def] of Object.entries(PLAN_NAMES) as [PlanId, (typeof PLAN_NAMES)[PlanId]][])
      for (const n of def.names) byName.set(norm(n), [...(byName.get(norm(n)) ?? []), id]);
    fields = new Set(PLAN_FIELD_TEXT.map(norm));
  }
  let t = norm(text);
  if (!t || t.length > 60) return null;
  // "Current plan: Free mode", "Plan · Scale", "Votre offre : Pro": the value after a known field label.
  const sep = /^(.{2,30}?)\s*[:·•|]\s*(.+)$/.exec(t);
  if (sep && fields!.has(sep[1])) t = sep[2].trim();
  for (const id of byName.get(t) ?? []) if (!product || PLAN_NAMES[id].products.includes(product)) return id;
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
