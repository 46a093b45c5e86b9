/**
 * The verdict: are this user's chats (or API calls) used to train Mistral's models right now?
 * A pure function (`computeVerdict`) of what is known — plan, control states, each with where it was learnt — to a
 * state, a headline, reasons with citations, caveats and fixes. No browser, no clock, no storage.
 * Invariant: cautious by construction, never a false "not-training" (the rules: see `computeVerdict`).
 * Tests: test/unit/verdict.test.ts, by tables.
 */
import { CITE, controlById, defaultsFor, factById } from './policy/knowledge';
import type { Citation, ControlId, ControlValue, PlanId, Product } from './policy/schema';
import { FIX_URLS, type SurfaceId } from './surfaces';
import type { MessageKey } from './i18n';

export type VerdictState = 'training' | 'not-training' | 'unknown';

/** How a value was learnt. `declared` is the user's own word in the popup. */
export type Via = 'page' | 'account-data' | 'visible-cue' | 'declared';

export interface Known<T> {
  value: T;
  via: Via;
  /** The surface (or page id) it was seen on. */
  where?: SurfaceId | string;
  seenAt?: number;
  stale?: boolean;
}

export interface VerdictInput {
  product: Product;
  surface?: SurfaceId | null;
  plan: Known<PlanId> | null;
  controls: Partial<Record<ControlId, Known<ControlValue>>>;
}

/** A message to translate: an i18n key with positional arguments ($1, $2…). */
export interface Msg {
  key: MessageKey;
  args?: string[];
}

export interface Reason {
  id: string;
  msg: Msg;
  citations: Citation[];
  /** The observation the reason rests on, when it rests on one. */
  basis?: Known<unknown> & { control?: ControlId | 'plan' };
}

export interface Conflict {
  id: string;
  topic: Msg;
  sides: { msg: Msg; citations: Citation[] }[];
}

export type CaveatId =
  'feedback' | 'labs' | 'sharing' | 'attachments' | 'zdr-scope' | 'stale' | 'declared' | 'zdr-plan' | 'memories';

export interface Caveat {
  id: CaveatId;
  msg: Msg;
  citations: Citation[];
}

export type FixId =
  | 'vibe-training-off'
  | 'api-training-off'
  | 'labs-off'
  | 'mobile-data-sharing'
  | 'check-plan'
  | 'feedback-avoid'
  | 'sharing-off'
  | 'memories-off'
  | 'zdr-request'
  | 'zdr-upgrade';

export interface Fix {
  id: FixId;
  msg: Msg;
  url?: string;
  steps?: Msg[];
  /** Only an organization admin can change it (Team, Enterprise). */
  adminOnly?: boolean;
  /** Already in the protective state, from what was observed. */
  applied?: boolean;
}

export interface Verdict {
  state: VerdictState;
  product: Product;
  headline: Msg;
  reasons: Reason[];
  conflicts: Conflict[];
  caveats: Caveat[];
  fixes: Fix[];
  /** What the user could tell Windsock to sharpen the verdict. */
  ask: ('plan' | 'training')[];
}

const TRAINING_CONTROL: Record<Product, ControlId> = { vibe: 'vibe-training', api: 'api-training' };
/** Plans whose settings only an organization admin can change. */
export const ORG_MANAGED: PlanId[] = ['team', 'enterprise'];

const m = (key: MessageKey, ...args: string[]): Msg => (args.length ? { key, args } : { key });

/**
 * The background calls it with what it resolved from storage (lib/resolve.ts), the tests with tables.
 * Cautious by construction:
 * - the training toggle seen OFF on the page (fresh, for this organization: the resolver files readings by
 *   organization) yields `not-training` whatever the plan, with its caveats (feedback, Labs models, mobile app);
 * - otherwise an unknown plan never yields `not-training`: a plan guess alone never does, nor does a stale or
 *   declared "off" without a known plan;
 * - an unknown training toggle falls back to the plan's documented default, and where the documents disagree
 *   on that default (Vibe Pro; the API's free plan) the verdict takes the cautious reading and shows both;
 * - Labs models, when enabled, override every opt-out (ZDR only keeps stateless calls out of reach).
 */
export function computeVerdict(input: VerdictInput): Verdict {
  const { product } = input;
  const plan = input.plan?.value ?? null;
  const trainingId = TRAINING_CONTROL[product];
  const training = input.controls[trainingId];
  const labs = input.controls['labs-models'];
  const zdr = input.controls['zdr'];
  // ZDR only exists on the API's Scale plan; a ZDR status seen with another known plan is not relied on.
  const zdrOn = product === 'api' && zdr?.value === 'on' && (plan === null || plan === 'scale');

  const reasons: Reason[] = [];
  const conflicts: Conflict[] = [];
  const ask: Verdict['ask'] = [];
  let state: VerdictState;
  let headline: Msg;

  const planConflict = plan ? defaultConflict(product, plan) : null;

  if (labs?.value === 'on') {
    state = 'training';
    headline = m('headlineLabsOn');
    reasons.push({
      id: 'labs-on',
      msg: m('reasonLabsOn'),
      citations: factById('labs-override').citations,
      basis: { ...labs, control: 'labs-models' },
    });
    if (zdrOn) reasons.push({ id: 'labs-zdr', msg: m('reasonLabsZdr'), citations: [CITE.zdrStateful] });
  } else if (training?.value === 'on') {
    state = 'training';
    headline = m(product === 'vibe' ? 'headlineVibeToggleOn' : 'headlineApiToggleOn');
    reasons.push({
      id: 'toggle-on',
      msg: m(product === 'vibe' ? 'reasonVibeToggleOn' : 'reasonApiToggleOn'),
      citations: controlById(trainingId).citations,
      basis: { ...training, control: trainingId },
    });
  } else if (training?.value === 'off') {
    reasons.push({
      id: 'toggle-off',
      msg: m(product === 'vibe' ? 'reasonVibeToggleOff' : 'reasonApiToggleOff'),
      citations: factById(product === 'vibe' ? 'opt-out-works' : 'api-opt-out-works').citations,
      basis: { ...training, control: trainingId },
    });
    // Switching the toggle off stops training for that organization whatever its plan (000, 001, 003): seen off
    // on the page, fresh, it decides. Only a stale reading or the user's own declaration still needs the plan.
    const seenFresh = training.via === 'page' && !training.stale;
    if (plan === null && !seenFresh) {
      state = 'unknown';
      headline = m('headlineOffButPlanUnknown');
      ask.push('plan');
      reasons.push({ id: 'plan-unknown', msg: m('reasonPlanUnknownCautious'), citations: [] });
    } else {
      state = 'not-training';
      headline = m(product === 'vibe' ? 'headlineVibeOptedOut' : 'headlineApiOptedOut');
    }
  } else if (plan === null) {
    state = 'unknown';
    headline = m('headlinePlanUnknown');
    ask.push('plan', 'training');
    reasons.push({
      id: 'plan-unknown',
      msg: m(product === 'vibe' ? 'reasonVibePlanUnknown' : 'reasonApiPlanUnknown'),
      citations: product === 'vibe' ? [CITE.docsDataFree, CITE.helpTeamEnt] : [CITE.helpApiFree, CITE.helpScale],
    });
  } else {
    const { claims, agreed } = defaultsFor(product, plan);
    const planArg = plan;
    if (claims.length === 0) {
      state = 'unknown';
      headline = m('headlineNoDefault');
      ask.push('training');
      reasons.push({
        id: 'no-default',
        msg: m('reasonNoDefault', planArg),
        citations: [],
        basis: input.plan ? { ...input.plan, control: 'plan' } : undefined,
      });
    } else if (agreed === 'off' && input.plan?.via === 'visible-cue') {
      // A plan guessed from a cue alone (a badge, an upgrade link) never yields not-training.
      state = 'unknown';
      headline = m('headlineDefaultOffCueOnly');
      ask.push('plan', 'training');
      reasons.push({
        id: 'plan-cue-only',
        msg: m('reasonPlanCueOnly'),
        citations: claims.map((c) => c.citation),
        basis: { ...input.plan, control: 'plan' },
      });
    } else if (agreed === 'off') {
      state = 'not-training';
      headline = m('headlineDefaultOff');
      reasons.push({
        id: 'default-off',
        msg: m('reasonDefaultOff', planArg),
        citations: claims.map((c) => c.citation),
        basis: input.plan ? { ...input.plan, control: 'plan' } : undefined,
      });
    } else {
      // Agreed "on", or the documents disagree: the cautious reading is "on".
      state = 'training';
      headline = m(agreed === 'on' ? 'headlineDefaultOn' : 'headlineDefaultDisputed');
      const onClaims = claims.filter((c) => c.training === 'on');
      reasons.push({
        id: agreed === 'on' ? 'default-on' : 'default-disputed',
        msg: m(agreed === 'on' ? 'reasonDefaultOn' : 'reasonDefaultDisputed', planArg),
        citations: onClaims.map((c) => c.citation),
        basis: input.plan ? { ...input.plan, control: 'plan' } : undefined,
      });
      ask.push('training');
    }
  }

  if (planConflict) conflicts.push(planConflict);

  const caveats = buildCaveats(input, state, zdrOn);
  const fixes = buildFixes(input, state);
  return { state, product, headline, reasons, conflicts, caveats, fixes, ask };
}

/** Where the documents disagree on a plan's default: both sides, with their sources. */
function defaultConflict(product: Product, plan: PlanId): Conflict | null {
  const { claims, agreed } = defaultsFor(product, plan);
  if (claims.length === 0 || agreed !== null) return null;
  const on = claims.filter((c) => c.training === 'on').map((c) => c.citation);
  const off = claims.filter((c) => c.training === 'off').map((c) => c.citation);
  return {
    id: `default-${product}-${plan}`,
    topic: m('conflictDefaultTopic', plan),
    sides: [
      { msg: m('conflictSideOn'), citations: on },
      { msg: m('conflictSideOff'), citations: off },
    ],
  };
}

function buildCaveats(input: VerdictInput, state: VerdictState, zdrOn: boolean): Caveat[] {
  const { product, controls } = input;
  const out: Caveat[] = [];
  if (product === 'vibe') {
    // Feedback trains on every plan, opt-out or not; admins can switch feedback off for the organization.
    // The 2025 policy exempts Team feedback; the Help Center says a rating trains on any plan: warn, and say so.
    const orgPlan = input.plan && ORG_MANAGED.includes(input.plan.value);
    out.push({
      id: 'feedback',
      msg: m(
        controls.feedback?.value === 'off'
          ? 'caveatFeedbackDisabled'
          : orgPlan
            ? 'caveatFeedbackOrg'
            : 'caveatFeedback',
      ),
      citations: orgPlan
        ? [...factById('feedback-trains').citations, ...factById('feedback-team').citations]
        : factById('feedback-trains').citations,
    });
    if (controls['public-sharing']?.value !== 'off')
      out.push({ id: 'sharing', msg: m('caveatSharing'), citations: factById('public-sharing').citations });
    if (state !== 'not-training')
      out.push({
        id: 'attachments',
        msg: m('caveatAttachments'),
        citations: factById('attachments-are-input').citations,
      });
    if (controls.memories?.value === 'on')
      out.push({ id: 'memories', msg: m('caveatMemories'), citations: factById('memories').citations });
  }
  if (controls['labs-models']?.value !== 'on') {
    out.push({
      id: 'labs',
      msg: m(controls['labs-models'] ? 'caveatLabsOff' : 'caveatLabsUnknown'),
      citations: factById('labs-override').citations,
    });
  }
  if (product === 'api') {
    if (zdrOn)
      out.push({ id: 'zdr-scope', msg: m('caveatZdrScope'), citations: factById('zdr-stateless-only').citations });
    else if (controls.zdr?.value === 'on')
      out.push({ id: 'zdr-plan', msg: m('caveatZdrPlan'), citations: factById('zdr-scale-only').citations });
  }
  const used = [input.plan, ...Object.values(controls)].filter(Boolean) as Known<unknown>[];
  if (used.some((k) => k.stale)) out.push({ id: 'stale', msg: m('caveatStale'), citations: [] });
  if (used.some((k) => k.via === 'declared')) out.push({ id: 'declared', msg: m('caveatDeclared'), citations: [] });
  return out;
}

function buildFixes(input: VerdictInput, state: VerdictState): Fix[] {
  const { product, controls } = input;
  const plan = input.plan?.value ?? null;
  const adminOnly = plan !== null && ORG_MANAGED.includes(plan);
  const fixes: Fix[] = [];
  if (controls['labs-models']?.value === 'on') {
    fixes.push({ id: 'labs-off', msg: m('fixLabsOff'), url: FIX_URLS.apiPrivacy, adminOnly });
  }
  if (product === 'vibe') {
    fixes.push({
      id: 'vibe-training-off',
      msg: m('fixVibeTrainingOff'),
      url: FIX_URLS.vibePrivacy,
      adminOnly,
      applied: controls['vibe-training']?.value === 'off' && controls['vibe-training']?.via === 'page',
    });
    fixes.push({
      id: 'mobile-data-sharing',
      msg: m('fixMobile'),
      steps: [m('fixMobileStep1'), m('fixMobileStep2'), m('fixMobileStep3')],
    });
    fixes.push({ id: 'feedback-avoid', msg: m('fixFeedbackAvoid') });
    if (controls.memories?.value === 'on')
      fixes.push({ id: 'memories-off', msg: m('fixMemoriesOff'), url: FIX_URLS.memories });
    if (controls['public-sharing']?.value === 'on')
      fixes.push({ id: 'sharing-off', msg: m('fixSharingOff'), url: FIX_URLS.vibePrivacy, adminOnly });
  } else {
    fixes.push({
      id: 'api-training-off',
      msg: m('fixApiTrainingOff'),
      url: FIX_URLS.apiPrivacy,
      adminOnly,
      applied: controls['api-training']?.value === 'off' && controls['api-training']?.via === 'page',
    });
    // Zero data retention: Scale only, on request (seed 002); it limits what is kept, not what trains.
    if (plan === 'scale')
      fixes.push({
        id: 'zdr-request',
        msg: m('fixZdrRequest'),
        url: FIX_URLS.zdrHelp,
        adminOnly: true,
        applied: controls.zdr?.value === 'on',
      });
    else if (plan === 'free') fixes.push({ id: 'zdr-upgrade', msg: m('fixZdrUpgrade'), url: FIX_URLS.studioUpgrade });
  }
  if (plan === null) fixes.push({ id: 'check-plan', msg: m('fixCheckPlan'), url: FIX_URLS.subscriptions });
  // When nothing is being trained, the fixes that remain are the ones already applied or still relevant.
  if (state === 'not-training')
    return fixes.filter(
      (f) =>
        f.applied ||
        ['feedback-avoid', 'mobile-data-sharing', 'memories-off', 'sharing-off', 'zdr-request'].includes(f.id),
    );
  return fixes;
}

/** The badge each state shows. */
export const BADGE: Record<VerdictState, { text: string; color: string; titleKey: MessageKey }> = {
  training: { text: 'ON', color: '#c62828', titleKey: 'badgeTitleTraining' },
  'not-training': { text: 'OFF', color: '#2e7d32', titleKey: 'badgeTitleNotTraining' },
  unknown: { text: '?', color: '#b26a00', titleKey: 'badgeTitleUnknown' },
};
