/**
 * lib/detect/rules.ts, lib/detect/plan-names.ts and lib/warnings/{feedback,share,attach}.ts as data: every label list is validated with
 * zod (languages, provenance keys, non-empty texts), covers the eight languages of Mistral's Admin Console, and
 * files each text under a provenance. A text marked `docs` must be in a copy of Mistral's documents
 * (lib/policy/sources/) or be one of the few documented strings the sources folder does not hold (each named
 * below with the notes' section that records it). No text names two plans or two controls.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import {
  CONTROL_LABELS,
  CURRENT_PLAN_LABELS,
  LANGS,
  MANAGED_LABELS,
  PLAN_FIELD_LABELS,
  PROVENANCES,
  RETENTION_LABELS,
  STATUS_LABELS,
  SUBSCRIPTION_TAB_LABELS,
  UPGRADE_LABELS,
  UPGRADE_SCALE_LABELS,
  labelEntries,
  labelTexts,
  type LabelSet,
} from '@/lib/detect/rules';
import { planFromName } from '@/lib/detect/plan-names';
import { PLAN_NAME_LABELS, PLAN_NAMES } from '@/lib/policy/labels';
import { ATTACH_LABELS } from '@/lib/warnings/attach';
import { FEEDBACK_LABELS } from '@/lib/warnings/feedback';
import { SHARE_LABELS } from '@/lib/warnings/share';
import { norm } from '@/lib/detect/text';

const Texts = z.array(z.string().trim().min(1).max(80)).min(1);
const LabelSetSchema = z.partialRecord(
  z.enum(LANGS),
  z.strictObject({ docs: Texts.optional(), '3rd': Texts.optional(), guess: Texts.optional() }),
);

/** Every label set in the site rules, by a readable name. */
const SETS: Record<string, LabelSet> = {
  ...Object.fromEntries(Object.entries(CONTROL_LABELS).map(([k, v]) => [`control ${k}`, v])),
  ...Object.fromEntries(Object.entries(PLAN_NAME_LABELS).map(([k, v]) => [`plan ${k}`, v.labels])),
  ...Object.fromEntries(Object.entries(RETENTION_LABELS).map(([k, v]) => [`retention ${k}`, v])),
  'status off': STATUS_LABELS.off,
  'status on': STATUS_LABELS.on,
  managed: MANAGED_LABELS,
  'current plan': CURRENT_PLAN_LABELS,
  'plan field': PLAN_FIELD_LABELS,
  'upgrade to pro': UPGRADE_LABELS,
  'upgrade to scale': UPGRADE_SCALE_LABELS,
  'subscription tab api': SUBSCRIPTION_TAB_LABELS.api,
  'guard like': FEEDBACK_LABELS.like,
  'guard dislike': FEEDBACK_LABELS.dislike,
  'guard not feedback': FEEDBACK_LABELS.notFeedback,
  'guard share link': SHARE_LABELS.link,
  'guard share public': SHARE_LABELS.public,
  'guard attach': ATTACH_LABELS,
};

/** Documented strings the copies in lib/policy/sources/ do not hold (Help Center pages recorded in the notes). */
const DOCUMENTED_ELSEWHERE: Record<string, string> = {
  'memories in vibe': 'notes "Labels on the privacy pages": Memories (Help Center)',
  'enable memories': 'notes "Labels on the privacy pages": Memories (Help Center)',
  'mémoires dans vibe': 'notes "Labels on the privacy pages": French docs',
  'activer mémoires': 'notes "Labels on the privacy pages": French docs',
  'free mode': 'notes "Plans and training defaults": current names',
  'vibe free': 'notes "Plans and training defaults": current names (Vibe Free row)',
  experiment: 'notes "Plans and training defaults": older La Plateforme name',
  'vibe pro': 'notes "Plans and training defaults" (Vibe Pro row)',
  'vibe education': 'notes "Plans and training defaults" (Vibe Student / Education row)',
  'vibe enterprise': 'notes "Plans and training defaults" (Vibe Enterprise row)',
  'share by link': 'notes "Labels on the privacy pages": Share dialog',
  'link accessible to anyone': 'notes "Labels on the privacy pages": Share dialog',
  'le chat': "the product's older name, throughout the sources",
};

const SOURCES = readdirSync('lib/policy/sources')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => norm(readFileSync(join('lib/policy/sources', f), 'utf8')))
  .join('\n');

describe('site rules: every label list', () => {
  it.each(Object.entries(SETS))('%s: valid (zod), in all eight languages, provenance keys only', (_name, set) => {
    const parsed = LabelSetSchema.safeParse(set);
    expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
    for (const lang of LANGS) expect(labelTexts({ [lang]: set[lang] }).length, `${_name}: ${lang}`).toBeGreaterThan(0);
    for (const e of labelEntries(set)) expect(PROVENANCES).toContain(e.provenance);
  });

  it('every text marked "docs" is in Mistral\'s documents (lib/policy/sources/) or named above with its source', () => {
    const missing: string[] = [];
    for (const [name, set] of Object.entries(SETS))
      for (const e of labelEntries(set))
        if (e.provenance === 'docs' && !SOURCES.includes(norm(e.text)) && !DOCUMENTED_ELSEWHERE[norm(e.text)])
          missing.push(`${name}: ${e.text}`);
    expect(missing).toEqual([]);
  });

  it('only English (and the French Memories labels) is documented; other languages are guesses', () => {
    for (const [name, set] of Object.entries(SETS))
      for (const e of labelEntries(set))
        if (e.lang !== 'en' && !(e.lang === 'fr' && name === 'control memories'))
          expect(e.provenance, `${name}: ${e.text}`).toBe('guess');
  });

  it('no text names two controls, and no plan name names two plans', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, set] of Object.entries(CONTROL_LABELS))
      for (const t of labelTexts(set)) {
        const k = norm(t);
        if (owner.has(k) && owner.get(k) !== id) clashes.push(`${t}: ${owner.get(k)} / ${id}`);
        owner.set(k, id);
      }
    const planOwner = new Map<string, string>();
    for (const [id, d] of Object.entries(PLAN_NAMES))
      for (const t of d.names) {
        const k = norm(t);
        if (planOwner.has(k) && planOwner.get(k) !== id) clashes.push(`${t}: ${planOwner.get(k)} / ${id}`);
        planOwner.set(k, id);
      }
    expect(clashes).toEqual([]);
  });

  it('plan names: current, older and internal ones, and a "label: value" pair in several languages', () => {
    for (const [text, plan] of [
      ['Free mode', 'free'],
      ['Experiment', 'free'],
      ['FREE', 'free'],
      ['Individual', 'pro'],
      ['Student', 'education'],
      ['Edu', 'education'],
      ['EDU', 'education'],
      ['TEAM', 'team'],
      ['Le Chat Enterprise', 'enterprise'],
      ['Scale', 'scale'],
      ['Current plan: Free mode', 'free'],
      ['Votre offre : Pro', 'pro'],
      ['Plan · Scale', 'scale'],
      ['Aktueller Plan: Team', 'team'],
      ['Plan actual: Gratuito', 'free'],
      ['Piano attuale: Pro', 'pro'],
      ['Twój plan: Darmowy', 'free'],
      ['Plano atual: Equipe', 'team'],
      ['الخطة الحالية: مجاني', 'free'],
    ] as const)
      expect(planFromName(text), text).toBe(plan);
    // A sentence that contains a plan name is not a plan name.
    for (const text of [
      'Upgrade to Pro',
      'Team settings',
      'Pro tip: use shortcuts',
      'Free trial ends soon',
      'Plan: compare all',
    ])
      expect(planFromName(text), text).toBeNull();
    // Scale is the API's only: never a Vibe plan.
    expect(planFromName('Scale', 'vibe')).toBeNull();
  });
});
