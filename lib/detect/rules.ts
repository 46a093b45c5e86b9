/**
 * Site rules, as data: for each surface, which controls and plan signals Windsock looks for there, and the
 * label texts it knows them by (English, French, older names). Detectors (controls.ts, plan.ts) are generic;
 * a change in Mistral's wording is a change here. test/unit/rules.test.ts validates this file with zod and
 * runs every rule against every fixture in test/fixtures (expected results on its own pages, none elsewhere).
 *
 * French labels of the privacy toggles are guesses: no real French UI string was found
 * (shared/notes/mistral-surfaces.md, "Labels on the privacy pages"); the French docs keep the English labels.
 */
import type { ControlId, PlanId } from '../policy/schema';
import type { SurfaceId } from '../surfaces';

export interface ControlRule {
  control: ControlId;
  kind: 'switch' | 'status' | 'select';
  labels: { en: string[]; fr: string[] };
}

/** Label texts, current and older, by control (separate constants so each content script bundles only its own). */
const L_VIBE_TRAINING = {
  en: ['Model training', 'Allow your interactions to be used to train our models', 'Train on my data'],
  fr: ['Entraînement des modèles', 'Entraînement du modèle', 'Autoriser l’utilisation de vos interactions pour entraîner nos modèles'],
};
const L_MOBILE_DATA_SHARING = { en: ['Enable data sharing'], fr: ['Activer le partage des données'] };
const L_API_TRAINING = {
  en: ['Data usage for improving our services', 'Anonymous improvement data'],
  fr: ['Utilisation des données pour améliorer nos services', 'Données d’amélioration anonymes', 'Données d’amélioration anonymisées'],
};
const L_LABS_MODELS = { en: ['Enable Labs models', 'Labs models'], fr: ['Activer les modèles Labs', 'Modèles Labs'] };
const L_ZDR = { en: ['Zero data retention', 'Zero Data Retention (ZDR)'], fr: ['Conservation zéro des données', 'Zéro rétention des données', 'Rétention zéro des données'] };
const L_PUBLIC_SHARING = { en: ['Public chat sharing'], fr: ['Partage public des conversations', 'Partage public des chats'] };
const L_FEEDBACK = { en: ['Model response feedback'], fr: ['Retours sur les réponses du modèle', 'Avis sur les réponses du modèle'] };
const L_CHAT_RETENTION = {
  en: ['Chat Retention Policy', 'Chat retention'],
  fr: ['Politique de conservation des conversations', 'Conservation des conversations', 'Politique de rétention des conversations'],
};
const L_MEMORIES = { en: ['Memories in Vibe', 'Enable Memories'], fr: ['Mémoires dans Vibe', 'Activer Mémoires', 'Activer les mémoires'] };

export const CONTROL_LABELS: Record<ControlId, { en: string[]; fr: string[] }> = {
  'vibe-training': L_VIBE_TRAINING,
  'mobile-data-sharing': L_MOBILE_DATA_SHARING,
  'api-training': L_API_TRAINING,
  'labs-models': L_LABS_MODELS,
  'zdr': L_ZDR,
  'public-sharing': L_PUBLIC_SHARING,
  'feedback': L_FEEDBACK,
  'chat-retention': L_CHAT_RETENTION,
  memories: L_MEMORIES,
};

const rule = (control: ControlId, kind: ControlRule['kind'], labels: ControlRule['labels']): ControlRule => ({ control, kind, labels });

/** The controls read on each settings page, by host: the chat app's, and the Admin Panel's. */
export const CHAT_CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = {
  'vibe-memories': [rule('memories', 'switch', L_MEMORIES)],
};
export const ADMIN_CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = {
  'admin-vibe-privacy': [rule('vibe-training', 'switch', L_VIBE_TRAINING), rule('public-sharing', 'switch', L_PUBLIC_SHARING), rule('feedback', 'switch', L_FEEDBACK), rule('chat-retention', 'select', L_CHAT_RETENTION)],
  'admin-api-privacy': [rule('api-training', 'switch', L_API_TRAINING), rule('labs-models', 'switch', L_LABS_MODELS), rule('zdr', 'status', L_ZDR)],
};
export const CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = { ...CHAT_CONTROL_RULES, ...ADMIN_CONTROL_RULES };

/** Chat Retention Policy choices as pages print them. */
export const RETENTION_TEXT: Record<string, string[]> = {
  never: ['never', 'jamais', 'off', 'disabled'],
  '30d': ['30 days', '30 jours'],
  '60d': ['60 days', '60 jours'],
  '90d': ['90 days', '90 jours'],
  '180d': ['180 days', '180 jours'],
  '1y': ['1 year', '1 an', '365 days', '365 jours'],
};

/** Words that say a status (ZDR) is on or off. Checked in this order: "not enabled" before "enabled". */
export const STATUS_WORDS = {
  off: ['not enabled', 'not active', 'inactive', 'disabled', 'not activated', 'not available', 'non activé', 'non activée', 'inactif', 'inactive', 'désactivé', 'désactivée', 'pas activé', 'off'],
  on: ['enabled', 'active', 'activated', 'approved', 'activé', 'activée', 'actif', 'on'],
};

/** Texts that mark a control as managed by the organization (besides `disabled`/`aria-disabled`). */
export const MANAGED_TEXT = ['managed by your organization', 'managed by your organisation', 'géré par votre organisation', 'gérée par votre organisation'];

export type PlanSignalKind = 'subscription-tab' | 'studio-header' | 'upgrade-link' | 'pro-badge' | 'current-plan-card';

/**
 * Where plan signals are read, and how much each is trusted (0..1). `products`: whose plan the signal names
 * (default: the product of the page it is read on; the Admin Panel's Subscriptions shows both).
 */
export const PLAN_SIGNALS: { kind: PlanSignalKind; surfaces: SurfaceId[]; confidence: number; products?: ('vibe' | 'api')[] }[] = [
  { kind: 'subscription-tab', surfaces: ['admin-subscriptions'], confidence: 1, products: ['vibe', 'api'] },
  { kind: 'current-plan-card', surfaces: ['vibe-upgrade', 'studio-upgrade'], confidence: 0.7 },
  { kind: 'studio-header', surfaces: ['studio', 'studio-upgrade'], confidence: 0.8 },
  { kind: 'upgrade-link', surfaces: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-incognito', 'vibe-other', 'vibe-memories'], confidence: 0.5 },
  { kind: 'pro-badge', surfaces: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-incognito', 'vibe-other', 'vibe-memories'], confidence: 0.6 },
];

/** Tabs of Admin Panel › Subscriptions, by the product whose plan they show. */
export const SUBSCRIPTION_TABS: Record<'vibe' | 'api', string[]> = {
  vibe: ['vibe', 'le chat'],
  api: ['api plan', 'api', 'plan api', 'forfait api', 'offre api', 'la plateforme', 'studio'],
};

/** The marker on the plans page's card of the user's current plan. */
export const CURRENT_PLAN_TEXT = ['current plan', 'your current plan', 'your plan', 'forfait actuel', 'plan actuel', 'offre actuelle', 'votre offre', 'votre forfait'];

/** "Upgrade to Pro" and similar: a free user's cue. */
export const UPGRADE_TEXT = ['upgrade to pro', 'passer à pro', 'passer au plan pro', 'passez à pro', 'passer à vibe pro', 'upgrade to vibe pro'];

/** Account data from the chat app (`organization.all`, reverse-engineered, may drift). */
export const ACCOUNT_DATA = {
  path: '/api/trpc/organization.all',
  query: 'batch=1&input=%7B%220%22%3A%7B%22json%22%3Anull%7D%7D',
  surfaces: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code'] as SurfaceId[],
  confidence: 0.9,
  /** orgTier values known to mean the free plan. */
  freeTiers: ['B'],
};

export type { PlanId };
