/**
 * THE VERDICT TABLE. The whole expected verdict of every row — state, headline, reasons and what they rest on,
 * conflicts, caveats, fixes (with `applied` and `adminOnly`) and what Windsock asks — comes from the documents
 * (lib/policy/sources/, see their README) and issue 14 through the function `oracle()` below, written from the
 * rules the team agreed, not from lib/verdict.ts (nothing here calls into it but `computeVerdict`). Each rule
 * cites its seed file and section.
 *
 * Named rows: plan (6 plans and unknown) × training toggle × Labs models (each on / off / unknown), and for the
 * API × ZDR (ZDR does not exist on Vibe: 002 "ZDR on Vibe"; one test shows it changes nothing there).
 * Inside each named row, every combination of the other dimensions is checked in full: how the plan was
 * learnt (account data, a visible cue, the user's declaration), how the toggle was learnt (a page, a
 * declaration), which observation is stale (none, the plan, the toggle), and on Vibe the feedback,
 * public-sharing and memories controls (on / off / unknown).
 */
import { describe, expect, it } from 'vitest';
import type { ControlId, PlanId, Product, SourceId } from '@/lib/policy/schema';
import { computeVerdict, type Verdict, type VerdictInput, type VerdictState } from '@/lib/verdict';

type Tri = 'on' | 'off' | 'unknown';
const TRI: Tri[] = ['on', 'off', 'unknown'];
const PLANS: (PlanId | null)[] = ['free', 'pro', 'education', 'team', 'enterprise', 'scale', null];

// Where each fix sends the user: notes/mistral-surfaces.md ("Admin Panel › Vibe › Privacy", "… › API › Privacy",
// "Subscriptions", Vibe's Memories page) and 002 "How to request ZDR" (the Help Center).
const URL = {
  vibePrivacy: 'https://admin.mistral.ai/vibe/privacy',
  apiPrivacy: 'https://admin.mistral.ai/plateforme/privacy',
  subscriptions: 'https://admin.mistral.ai/subscriptions',
  memories: 'https://chat.mistral.ai/intelligence/memories',
  zdrHelp: 'https://help.mistral.ai/',
  studioUpgrade: 'https://console.mistral.ai/upgrade/subscribe?via=subscriptions',
};

/**
 * Each plan's training default when nobody touched the toggle, per product, from the documents.
 * 'disputed' = the documents disagree; the cautious reading is 'training' and both sides must be shown.
 */
const DOC_DEFAULT: Record<Product, Record<PlanId, VerdictState | 'disputed'>> = {
  vibe: {
    // 000 "Data usage": "Vibe (Free plan): conversations can be used to improve our models";
    // 001 "Opt out of Vibe data training": other plans "may opt out"; 003 §3.4.3 "Le Chat Free… We use your Input".
    free: 'training',
    // 000 "Data usage": "Vibe (Pro, Team, Enterprise): conversations aren't used for model training by default"
    // versus 001 (only Team/Enterprise opted out by default; "Free plan, Pro plan, or Education plan… opt out")
    // and 003 §3.4.3 "If You use Le Chat Free, Le Chat Pro or Le Chat Student: We use your Input, Output…".
    pro: 'disputed',
    // 001 "Free plan, Pro plan, or Education plan, you may wish to opt out"; 003 §3.4.3 "Le Chat Student". 000 is silent.
    education: 'training',
    // 000 "Data usage" (Pro, Team, Enterprise… not by default); 001 "Vibe Teams or Enterprise plan are opted out of
    // training by default"; 003 §3.4.3 "If you use Le Chat Team : We do not use your Input, Output and Feedback".
    team: 'not-training',
    // 000 "Data usage"; 001 (as above); 004 "carves out paid API and Le Chat Enterprise users".
    enterprise: 'not-training',
    // Scale is the API's plan (002 "ZDR on Mistral Studio": "the Scale plan (our paid API plan)"); no document
    // gives a Vibe default for it.
    scale: 'unknown',
  },
  api: {
    // 001 "Opt out of Mistral Studio and API data training": "Users on the free plan may opt out"; 003 §3.4.2
    // "If you use our free Services: We use your Input and Output to train"; 004 "free APIs… unless you actively
    // opt out" — versus 000 "Data usage": "API: data sent through the API isn't used for model training."
    free: 'disputed',
    // 001 "Customers on a Scale plan are opted out of training by default"; 003 §3.4.2 paid Services; 000 API.
    scale: 'not-training',
    // 003 §3.4.2 "If you use our paid Services: We do not use your Input and Output to train or improve our
    // models"; 000 "Data usage" API line; 004 "carves out paid API".
    pro: 'not-training',
    education: 'not-training',
    team: 'not-training',
    enterprise: 'not-training',
  },
};

/**
 * The state, from the rules. ZDR is deliberately not an argument of the state (rule 5). `how`: how the toggle and
 * the plan were learnt (by default as a named row has them: the toggle seen fresh on a page, the plan from a page
 * or account data).
 */
function expectedState(
  product: Product,
  plan: PlanId | null,
  toggle: Tri,
  labs: Tri,
  how: { toggleSeenFresh?: boolean; planFromCue?: boolean } = {},
): VerdictState {
  const { toggleSeenFresh = true, planFromCue = false } = how;
  // 1. Labs models ON → training, on any plan, for both products. 000 "API privacy controls": "If you activate
  //    Labs models, data can be used to train Mistral models, regardless of your subscription plan or opt-out
  //    settings". ZDR does not lift it: 002 "ZDR on Mistral Studio" — ZDR covers stateless endpoints only and
  //    "does not apply to stateful APIs or products", which stay exposed (the team's cautious position).
  //    Labs unknown falls back to its default, off: it must be activated (same 000 sentence, "If you activate").
  if (labs === 'on') return 'training';
  // 2. Training toggle ON → training. 000 "Vibe privacy controls" / "API privacy controls": "allow or disable the
  //    use of Vibe interactions [API calls] to train Mistral models".
  if (toggle === 'on') return 'training';
  // 3. Training toggle OFF → not training: "If you disable this option, new interactions from your users aren't
  //    used to train models" (000), on every plan (001: "you may opt out", 003 §3.4). Seen off on the page and
  //    fresh, that decides whatever the plan (issue 12, "A rule to correct"); a stale reading or the user's own
  //    declaration still needs a known plan: an unknown plan never yields not-training from those.
  if (toggle === 'off') return plan === null && !toggleSeenFresh ? 'unknown' : 'not-training';
  // 4. Toggle unknown: the plan's documented default; disputed → the cautious reading, training (seeds README).
  if (plan === null) return 'unknown';
  const d = DOC_DEFAULT[product][plan];
  if (d === 'disputed') return 'training';
  // 5. Never "not training" from a plan guessed from a visible cue alone (issue 12): at best unknown.
  if (d === 'not-training' && planFromCue) return 'unknown';
  return d;
}

/** ZDR counts only on the API, only on Scale (002, first line: "available only for the Scale plan and only for
 * stateless API calls"; 002 "ZDR on Vibe": "not available for Vibe Work or Chat, regardless of your subscription
 * plan"). With the plan unknown, a ZDR status seen on the page can only be a Scale organization's. */
const zdrApplies = (product: Product, plan: PlanId | null, zdr: Tri) =>
  product === 'api' && zdr === 'on' && (plan === 'scale' || plan === null);

/** Plans whose privacy settings an organization admin holds (001: "Vibe Teams or Enterprise plan are opted out of
 * training by default", managed in the Admin Console; 003 §3.4.3 Team "opt-in… on your account"). */
const orgManaged = (plan: PlanId | null) => plan === 'team' || plan === 'enterprise';

type PlanVia = 'account-data' | 'visible-cue' | 'declared';
// How the training switch is known: read on its settings page, declared by the user, or from something weaker
// that a page report may carry for it (lib/messages.ts accepts `visible-cue` and `account-data` for any key).
type ToggleVia = 'page' | 'declared' | 'visible-cue' | 'account-data';
type Stale = 'none' | 'plan' | 'toggle';

interface Scenario {
  product: Product;
  plan: PlanId | null;
  planVia: PlanVia;
  toggle: Tri;
  toggleVia: ToggleVia;
  labs: Tri;
  zdr: Tri;
  feedback: Tri;
  sharing: Tri;
  memories: Tri;
  stale: Stale;
}

interface Expected {
  state: VerdictState;
  headline: string;
  reasons: string[];
  /** The observation each reason rests on: which control (or 'plan') and how it was learnt. */
  basis: Record<string, string | undefined>;
  conflicts: string[];
  caveats: string[];
  fixes: string[];
  ask: string[];
}

/** The message each fix shows (its wording is the product's; the mapping id → message is what is checked). */
const FIX_MSG: Record<string, string> = {
  'labs-off': 'fixLabsOff',
  'vibe-training-off': 'fixVibeTrainingOff',
  'api-training-off': 'fixApiTrainingOff',
  'mobile-data-sharing': 'fixMobile',
  'feedback-avoid': 'fixFeedbackAvoid',
  'memories-off': 'fixMemoriesOff',
  'sharing-off': 'fixSharingOff',
  'zdr-request': 'fixZdrRequest',
  'zdr-upgrade': 'fixZdrUpgrade',
  'check-plan': 'fixCheckPlan',
};
const fixKey = (id: string, o: { adminOnly?: boolean; applied?: boolean; url?: string; msg?: { key: string } } = {}) =>
  `${id}:${o.msg ? o.msg.key : FIX_MSG[id]}${o.adminOnly ? ' adminOnly' : ''}${o.applied ? ' applied' : ''}${o.url ? ` → ${o.url}` : ''}`;

/** The whole verdict, from the rules. */
function oracle(x: Scenario): Expected {
  const { product, plan } = x;
  const vibe = product === 'vibe';
  const toggleSeenFresh = x.toggleVia === 'page' && x.stale !== 'toggle';
  const planFromCue = x.planVia === 'visible-cue';
  const state = expectedState(product, plan, x.toggle, x.labs, { toggleSeenFresh, planFromCue });
  const trainingControl: ControlId = vibe ? 'vibe-training' : 'api-training';
  const planBasis = plan ? `plan via ${x.planVia}` : undefined;
  const toggleBasis = `${trainingControl} via ${x.toggleVia}`;
  const reasons: string[] = [];
  const basis: Record<string, string | undefined> = {};
  const ask: string[] = [];
  let headline: string;
  // Each reason with the message that explains it (key and arguments): the plan named where it decides.
  const reason = (id: string, b?: string, msg?: string) => {
    reasons.push(`${id}:${msg}`);
    basis[id] = b;
  };

  if (x.labs === 'on') {
    headline = 'headlineLabsOn';
    reason('labs-on', 'labs-models via page', 'reasonLabsOn');
    // Labs on with ZDR on (where ZDR can exist) says why ZDR does not help: 002 "ZDR on Mistral Studio".
    if (zdrApplies(product, plan, x.zdr)) reason('labs-zdr', undefined, 'reasonLabsZdr');
  } else if (x.toggle === 'on') {
    headline = vibe ? 'headlineVibeToggleOn' : 'headlineApiToggleOn';
    reason('toggle-on', toggleBasis, vibe ? 'reasonVibeToggleOn' : 'reasonApiToggleOn');
  } else if (x.toggle === 'off') {
    reason('toggle-off', toggleBasis, vibe ? 'reasonVibeToggleOff' : 'reasonApiToggleOff');
    if (plan === null && !toggleSeenFresh) {
      // The opt-out is old or only declared and the plan is unknown: say so and ask for the plan.
      headline = 'headlineOffButPlanUnknown';
      reason('plan-unknown', undefined, 'reasonPlanUnknownCautious');
      ask.push('plan');
    } else headline = vibe ? 'headlineVibeOptedOut' : 'headlineApiOptedOut';
  } else if (plan === null) {
    headline = 'headlinePlanUnknown';
    reason('plan-unknown', undefined, vibe ? 'reasonVibePlanUnknown' : 'reasonApiPlanUnknown');
    ask.push('plan', 'training');
  } else {
    const d = DOC_DEFAULT[product][plan];
    if (d === 'unknown') {
      headline = 'headlineNoDefault';
      reason('no-default', planBasis, `reasonNoDefault(${plan})`);
      ask.push('training');
    } else if (d === 'not-training' && planFromCue) {
      // A plan guessed from a cue alone: the documents' default is named, but not relied on.
      headline = 'headlineDefaultOffCueOnly';
      reason('plan-cue-only', planBasis, 'reasonPlanCueOnly');
      ask.push('plan', 'training');
    } else if (d === 'not-training') {
      headline = 'headlineDefaultOff';
      reason('default-off', planBasis, `reasonDefaultOff(${plan})`);
    } else {
      headline = d === 'disputed' ? 'headlineDefaultDisputed' : 'headlineDefaultOn';
      reason(
        d === 'disputed' ? 'default-disputed' : 'default-on',
        planBasis,
        `${d === 'disputed' ? 'reasonDefaultDisputed' : 'reasonDefaultOn'}(${plan})`,
      );
      // Trained by default: an opt-out the user made is what would change the answer.
      ask.push('training');
    }
  }

  // Where the documents disagree on the plan's default, both sides are shown whenever that plan is known.
  const conflicts =
    plan && DOC_DEFAULT[product][plan] === 'disputed'
      ? [`default-${product}-${plan}: conflictDefaultTopic(${plan}) conflictSideOn / conflictSideOff`]
      : [];

  const caveats: string[] = [];
  if (vibe) {
    // Thumbs up/down trains on every plan, opt-out or not: 003 §3.4.3 "Feedback: If you click on "Thumbs Up" or
    // "Thumbs Down" to rate an Output, we use your Feedback to train our artificial intelligence models"; 000
    // "Model response feedback" lets an admin switch feedback off; 003 §3.4.3 exempts Team feedback, which the
    // org message must say (and cite).
    caveats.push(
      `feedback:${x.feedback === 'off' ? 'caveatFeedbackDisabled' : orgManaged(plan) ? 'caveatFeedbackOrg' : 'caveatFeedback'}`,
    );
    // A public link makes the chat public (000 "Public chat sharing"), unless the organization switched it off.
    if (x.sharing !== 'off') caveats.push('sharing:caveatSharing');
    // Files attached are part of the input (Help Center, attachments): a caveat while anything may train.
    if (state !== 'not-training') caveats.push('attachments:caveatAttachments');
    // Memories keep facts from chats (004, Memory feature): a caveat while they are on.
    if (x.memories === 'on') caveats.push('memories:caveatMemories');
  }
  // Labs not on: say it would override everything (000 "API privacy controls"), and whether it was seen off.
  if (x.labs !== 'on') caveats.push(`labs:${x.labs === 'off' ? 'caveatLabsOff' : 'caveatLabsUnknown'}`);
  if (product === 'api' && x.zdr === 'on') {
    // ZDR keeps stateless calls only (002 "ZDR on Mistral Studio"); on a plan other than Scale it cannot be
    // relied on (002, first line).
    caveats.push(zdrApplies(product, plan, x.zdr) ? 'zdr-scope:caveatZdrScope' : 'zdr-plan:caveatZdrPlan');
  }
  const staleUsed = (x.stale === 'plan' && plan !== null) || (x.stale === 'toggle' && x.toggle !== 'unknown');
  if (staleUsed) caveats.push('stale:caveatStale');
  const declaredUsed =
    (plan !== null && x.planVia === 'declared') || (x.toggle !== 'unknown' && x.toggleVia === 'declared');
  if (declaredUsed) caveats.push('declared:caveatDeclared');

  // How to stop it. adminOnly where an organization admin holds the setting; applied only where a page showed
  // the protective state (a declaration is the user's word, not something Windsock saw).
  const adminOnly = orgManaged(plan);
  let fixes: { id: string; adminOnly?: boolean; applied?: boolean; url?: string }[] = [];
  if (x.labs === 'on') fixes.push({ id: 'labs-off', adminOnly, url: URL.apiPrivacy });
  if (vibe) {
    fixes.push({
      id: 'vibe-training-off',
      adminOnly,
      applied: x.toggle === 'off' && x.toggleVia === 'page',
      url: URL.vibePrivacy,
    });
    // 001 "Opt out … mobile app (iOS/Android)": a separate switch on the phone, not reachable from here.
    fixes.push({ id: 'mobile-data-sharing' });
    fixes.push({ id: 'feedback-avoid' });
    if (x.memories === 'on') fixes.push({ id: 'memories-off', url: URL.memories });
    if (x.sharing === 'on') fixes.push({ id: 'sharing-off', adminOnly, url: URL.vibePrivacy });
  } else {
    fixes.push({
      id: 'api-training-off',
      adminOnly,
      applied: x.toggle === 'off' && x.toggleVia === 'page',
      url: URL.apiPrivacy,
    });
    // ZDR: Scale only, requested from Mistral by the organization (002 "How to request ZDR"); from the free plan
    // the way there is an upgrade.
    if (plan === 'scale') fixes.push({ id: 'zdr-request', adminOnly: true, applied: x.zdr === 'on', url: URL.zdrHelp });
    else if (plan === 'free') fixes.push({ id: 'zdr-upgrade', url: URL.studioUpgrade });
  }
  if (plan === null) fixes.push({ id: 'check-plan', url: URL.subscriptions });
  // When nothing trains, what remains is what is already done and what still leaks despite the opt-out:
  // feedback, the phone app, memories, public links, and ZDR (which limits retention, not training).
  if (state === 'not-training') {
    const still = ['feedback-avoid', 'mobile-data-sharing', 'memories-off', 'sharing-off', 'zdr-request'];
    fixes = fixes.filter((f) => f.applied || still.includes(f.id));
  }

  return {
    state,
    headline,
    reasons,
    basis,
    conflicts,
    caveats: caveats.sort(),
    fixes: fixes.map((f) => fixKey(f.id, f)).sort(),
    ask: ask.sort(),
  };
}

const SEEN_AT = 1_790_000_000_000;

function inputOf(x: Scenario): VerdictInput {
  const controls: VerdictInput['controls'] = {};
  const seen = (value: 'on' | 'off', stale = false) => ({
    value,
    via: 'page' as const,
    where: 'admin-api-privacy',
    seenAt: SEEN_AT,
    ...(stale ? { stale } : {}),
  });
  if (x.toggle !== 'unknown') {
    const k =
      x.toggleVia === 'declared'
        ? { value: x.toggle, via: 'declared' as const, seenAt: SEEN_AT }
        : { ...seen(x.toggle, x.stale === 'toggle'), via: x.toggleVia };
    if (x.toggleVia === 'declared' && x.stale === 'toggle') Object.assign(k, { stale: true });
    controls[x.product === 'vibe' ? 'vibe-training' : 'api-training'] = k;
  }
  if (x.labs !== 'unknown') controls['labs-models'] = seen(x.labs);
  if (x.zdr !== 'unknown') controls.zdr = seen(x.zdr);
  if (x.feedback !== 'unknown') controls.feedback = seen(x.feedback);
  if (x.sharing !== 'unknown') controls['public-sharing'] = seen(x.sharing);
  if (x.memories !== 'unknown') controls.memories = seen(x.memories);
  const plan = x.plan
    ? {
        value: x.plan,
        via: x.planVia,
        seenAt: SEEN_AT,
        ...(x.planVia !== 'declared' ? { where: 'admin-subscriptions' } : {}),
        ...(x.stale === 'plan' ? { stale: true } : {}),
      }
    : null;
  return { product: x.product, plan, controls };
}

/** The same projection of the verdict the function computed. */
function actualOf(v: Verdict): Expected {
  const basis: Record<string, string | undefined> = {};
  for (const r of v.reasons) basis[r.id] = r.basis ? `${r.basis.control} via ${r.basis.via}` : undefined;
  return {
    state: v.state,
    headline: v.headline.key,
    reasons: v.reasons.map((r) => `${r.id}:${r.msg.key}${r.msg.args ? `(${r.msg.args.join(',')})` : ''}`),
    basis,
    conflicts: v.conflicts.map(
      (c) => `${c.id}: ${c.topic.key}(${(c.topic.args ?? []).join(',')}) ${c.sides.map((x) => x.msg.key).join(' / ')}`,
    ),
    caveats: v.caveats.map((c) => `${c.id}:${c.msg.key}`).sort(),
    fixes: v.fixes.map((f) => fixKey(f.id, f)).sort(),
    ask: [...v.ask].sort(),
  };
}

const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id);
const sourcesOf = (v: { citations: { source: SourceId }[] }) => v.citations.map((c) => c.source);

/** What the rules say about citations: every claim rests on a document. */
function checkCitations(x: Scenario, v: Verdict, where: string) {
  for (const r of v.reasons)
    if (r.id !== 'plan-unknown' && r.id !== 'no-default')
      expect(r.citations.length, `${where}: reason ${r.id} has no citation`).toBeGreaterThan(0);
  // Labs: 000 "API privacy controls". ZDR's limits: 002.
  for (const r of v.reasons.filter((r) => r.id === 'labs-on')) expect(sourcesOf(r), where).toContain('docs-privacy');
  for (const r of v.reasons.filter((r) => r.id === 'labs-zdr')) expect(sourcesOf(r), where).toContain('help-zdr');
  // Every citation anywhere is a real one: a known document, a section and a quote.
  const SOURCES = ['docs-privacy', 'help-opt-out', 'help-zdr', 'privacy-policy-2025', 'privacy-policy-2026-summary'];
  for (const c of [...v.reasons, ...v.caveats, ...v.conflicts.flatMap((x) => x.sides)].flatMap((x) => x.citations)) {
    expect(SOURCES, `${where}: citation ${JSON.stringify(c)}`).toContain(c.source);
    expect(typeof c.quote === 'string' && c.quote.length > 0, where).toBe(true);
  }
  for (const c of v.caveats) {
    // About Windsock's own knowledge (old or declared), not a document: nothing to cite.
    if (c.id === 'stale' || c.id === 'declared') {
      expect(c.citations, where).toEqual([]);
      continue;
    }
    expect(c.citations.length, `${where}: caveat ${c.id} has no citation`).toBeGreaterThan(0);
  }
  const feedback = v.caveats.find((c) => c.id === 'feedback');
  if (feedback) {
    expect(sourcesOf(feedback), where).toContain('privacy-policy-2025'); // 003 §3.4.3 "Feedback"
    // The Team exemption (003 §3.4.3 "If you use Le Chat Team") is cited where the organization holds the plan.
    const teamQuote = feedback.citations.some((c) => /Le Chat Team/i.test(c.quote));
    expect(teamQuote, `${where}: feedback caveat cites the Team exemption`).toBe(orgManaged(x.plan));
  }
  for (const c of v.caveats.filter((c) => c.id === 'zdr-scope' || c.id === 'zdr-plan'))
    expect(sourcesOf(c), where).toEqual(expect.arrayContaining(['help-zdr']));
  // Both sides of a disputed default, each with its documents: 001 and 003 (trained unless opted out) against
  // 000 (not used / not by default).
  for (const c of v.conflicts) {
    expect(c.sides.length, where).toBe(2);
    for (const s of c.sides) expect(s.citations.length, where).toBeGreaterThan(0);
    const [on, off] = c.sides.map(sourcesOf);
    expect(on, `${where}: the "trained" side`).toEqual(expect.arrayContaining(['help-opt-out', 'privacy-policy-2025']));
    expect(on, where).not.toContain('docs-privacy');
    expect(off, `${where}: the "not trained" side`).toContain('docs-privacy');
  }
  // "We don't know your plan" with nothing seen still says which documents make the plan matter.
  for (const r of v.reasons.filter((r) => r.id === 'plan-unknown' && r.msg.key !== 'reasonPlanUnknownCautious'))
    expect(r.citations.length, where).toBeGreaterThan(0);
  const mobile = v.fixes.find((f) => f.id === 'mobile-data-sharing');
  if (mobile)
    expect(
      mobile.steps?.map((m) => m.key),
      where,
    ).toEqual(['fixMobileStep1', 'fixMobileStep2', 'fixMobileStep3']);
}

const PLAN_VIAS: PlanVia[] = ['account-data', 'visible-cue', 'declared'];
const STALES: Stale[] = ['none', 'plan', 'toggle'];
const TOGGLE_VIAS: ToggleVia[] = ['page', 'declared', 'visible-cue', 'account-data'];

/** Every combination of the secondary dimensions for one named row. */
function* scenarios(product: Product, plan: PlanId | null, toggle: Tri, labs: Tri, zdr: Tri): Generator<Scenario> {
  const vibeTri: Tri[] = product === 'vibe' ? TRI : ['unknown'];
  for (const planVia of plan ? PLAN_VIAS : (['account-data'] as PlanVia[]))
    for (const toggleVia of toggle === 'unknown' ? (['page'] as ToggleVia[]) : TOGGLE_VIAS)
      for (const stale of STALES)
        for (const feedback of vibeTri)
          for (const sharing of vibeTri)
            for (const memories of vibeTri)
              yield { product, plan, planVia, toggle, toggleVia, labs, zdr, feedback, sharing, memories, stale };
}

const describeScenario = (x: Scenario) =>
  `plan=${x.plan ?? 'unknown'} via ${x.planVia}, toggle=${x.toggle} via ${x.toggleVia}, labs=${x.labs}, zdr=${x.zdr}, feedback=${x.feedback}, sharing=${x.sharing}, memories=${x.memories}, stale=${x.stale}`;

function checkAll(product: Product, plan: PlanId | null, toggle: Tri, labs: Tri, zdr: Tri): number {
  let n = 0;
  for (const x of scenarios(product, plan, toggle, labs, zdr)) {
    const v = computeVerdict(inputOf(x));
    const where = describeScenario(x);
    expect(actualOf(v), where).toEqual(oracle(x));
    expect(v.product).toBe(product);
    checkCitations(x, v, where);
    n++;
  }
  return n;
}

interface Row {
  name: string;
  product: Product;
  plan: PlanId | null;
  toggle: Tri;
  labs: Tri;
  zdr: Tri;
}

function rows(product: Product): Row[] {
  const out: Row[] = [];
  for (const plan of PLANS)
    for (const toggle of TRI)
      for (const labs of TRI)
        for (const zdr of product === 'api' ? TRI : (['unknown'] as Tri[])) {
          const want = expectedState(product, plan, toggle, labs);
          out.push({
            name: `${product} plan=${plan ?? 'unknown'} toggle=${toggle} labs=${labs}${product === 'api' ? ` zdr=${zdr}` : ''} → ${want}`,
            product,
            plan,
            toggle,
            labs,
            zdr,
          });
        }
  return out;
}

describe.each(['vibe', 'api'] as const)('verdict table: %s', (product) => {
  it.each(rows(product).map((r) => [r.name, r] as const))('%s', (_name, r) => {
    expect(checkAll(r.product, r.plan, r.toggle, r.labs, r.zdr)).toBeGreaterThan(0);
  });

  it('the table covers every plan × toggle × Labs (× ZDR on the API) and every state occurs', () => {
    const rs = rows(product);
    expect(rs.length).toBe(product === 'api' ? 7 * 3 * 3 * 3 : 7 * 3 * 3);
    expect(new Set(rs.map((r) => expectedState(r.product, r.plan, r.toggle, r.labs)))).toEqual(
      new Set(['training', 'not-training', 'unknown']),
    );
  });
});

describe('verdict: the dimensions each change an expectation (none is a mere multiplier)', () => {
  // For each secondary dimension, some row where changing it alone changes the oracle's verdict: the table
  // would catch a verdict that ignored it.
  const base: Scenario = {
    product: 'api',
    plan: 'scale',
    planVia: 'account-data',
    toggle: 'unknown',
    toggleVia: 'page',
    labs: 'off',
    zdr: 'off',
    feedback: 'unknown',
    sharing: 'unknown',
    memories: 'unknown',
    stale: 'none',
  };
  const changes = (a: Partial<Scenario>, b: Partial<Scenario>, from: Partial<Scenario> = {}) =>
    JSON.stringify(oracle({ ...base, ...from, ...a })) !== JSON.stringify(oracle({ ...base, ...from, ...b }));
  const vibe: Partial<Scenario> = { product: 'vibe', plan: 'free' };
  it.each([
    ['zdr (API)', { zdr: 'on' }, { zdr: 'off' }, {}],
    ['plan via declared', { planVia: 'declared' }, { planVia: 'account-data' }, {}],
    ['plan via visible-cue (the reason rests on a guess)', { planVia: 'visible-cue' }, { planVia: 'account-data' }, {}],
    ['toggle via declared', { toggleVia: 'declared' }, { toggleVia: 'page' }, { toggle: 'off' }],
    ['toggle via visible-cue', { toggleVia: 'visible-cue' }, { toggleVia: 'page' }, { toggle: 'off' }],
    ['toggle via account-data', { toggleVia: 'account-data' }, { toggleVia: 'page' }, { toggle: 'off' }],
    ['stale', { stale: 'plan' }, { stale: 'none' }, {}],
    ['feedback', { feedback: 'off' }, { feedback: 'on' }, vibe],
    ['public sharing', { sharing: 'off' }, { sharing: 'on' }, vibe],
    ['memories', { memories: 'on' }, { memories: 'off' }, vibe],
  ] as [string, Partial<Scenario>, Partial<Scenario>, Partial<Scenario>][])('%s', (_n, a, b, from) => {
    expect(changes(a, b, from)).toBe(true);
  });

  it('a ZDR status on Vibe changes nothing (002 "ZDR on Vibe": not available for Vibe)', () => {
    for (const plan of PLANS)
      for (const toggle of TRI)
        for (const labs of TRI) {
          // With Labs on too: no "ZDR does not help" reason on Vibe (there is no ZDR to help).
          const x = (zdr: Tri) => computeVerdict(inputOf({ ...base, product: 'vibe', plan, toggle, labs, zdr }));
          expect(x('on'), `${plan} ${toggle} ${labs}`).toEqual(x('unknown'));
          expect(x('off'), `${plan} ${toggle} ${labs}`).toEqual(x('unknown'));
        }
  });

  it('the Vibe-only controls change nothing on the API', () => {
    const x = (t: Tri) => computeVerdict(inputOf({ ...base, feedback: t, sharing: t, memories: t }));
    expect(x('on')).toEqual(x('unknown'));
    expect(x('off')).toEqual(x('unknown'));
  });

  it('ZDR on a Scale plan changes the API verdict (caveat, reason with Labs on, fix applied) but never the state', () => {
    for (const toggle of TRI)
      for (const labs of TRI) {
        const on = computeVerdict(inputOf({ ...base, toggle, labs, zdr: 'on' }));
        const off = computeVerdict(inputOf({ ...base, toggle, labs, zdr: 'off' }));
        expect(on.state).toBe(off.state);
        expect(ids(on.caveats)).toContain('zdr-scope');
        expect(on.fixes.find((f) => f.id === 'zdr-request')?.applied).toBe(true);
        expect(off.fixes.find((f) => f.id === 'zdr-request')?.applied).toBe(false);
      }
  });
});

describe('verdict: a few rows spelled out', () => {
  const v = (x: Partial<Scenario>) =>
    computeVerdict(
      inputOf({
        product: 'vibe',
        plan: null,
        planVia: 'account-data',
        toggle: 'unknown',
        toggleVia: 'page',
        labs: 'unknown',
        zdr: 'unknown',
        feedback: 'unknown',
        sharing: 'unknown',
        memories: 'unknown',
        stale: 'none',
        ...x,
      }),
    );

  it('Vibe Pro, nothing seen: training, and the conflict names 000 against 001/003', () => {
    const r = v({ plan: 'pro' });
    expect(r.state).toBe('training');
    expect(ids(r.conflicts)).toEqual(['default-vibe-pro']);
  });

  it('API Scale with ZDR on and Labs on: still training, with reason labs-zdr', () => {
    const r = v({ product: 'api', plan: 'scale', toggle: 'off', labs: 'on', zdr: 'on' });
    expect(r.state).toBe('training');
    expect(ids(r.reasons)).toEqual(['labs-on', 'labs-zdr']);
  });

  it('an opt-out seen on the page decides even with the plan unknown, with its caveats (issue 12)', () => {
    const r = v({ toggle: 'off', labs: 'unknown' });
    expect(r.state).toBe('not-training');
    expect(ids(r.reasons)).toEqual(['toggle-off']);
    expect(ids(r.caveats)).toEqual(expect.arrayContaining(['feedback', 'labs']));
    expect(ids(r.fixes)).toContain('mobile-data-sharing');
    expect(v({ product: 'api', toggle: 'off', labs: 'off', zdr: 'on' }).state).toBe('not-training');
  });

  it('a stale or declared opt-out with the plan unknown is not yet "not-training", and asks for the plan', () => {
    for (const product of ['vibe', 'api'] as const) {
      expect(v({ product, toggle: 'off', labs: 'off', stale: 'toggle' }).state).toBe('unknown');
      expect(v({ product, toggle: 'off', labs: 'off', toggleVia: 'declared' }).state).toBe('unknown');
      expect(v({ product, toggle: 'off', labs: 'off', toggleVia: 'declared' }).ask).toEqual(['plan']);
      // With the plan known, the same stale opt-out still counts, with the stale caveat.
      const known = v({ product, plan: 'free', toggle: 'off', labs: 'off', stale: 'toggle' });
      expect(known.state).toBe('not-training');
      expect(ids(known.caveats)).toContain('stale');
    }
  });

  it('never "not-training" from a plan guess alone: a plan from a visible cue with the toggle unseen is at best unknown', () => {
    for (const product of ['vibe', 'api'] as const)
      for (const plan of PLANS)
        expect(v({ product, plan, planVia: 'visible-cue', labs: 'off' }).state, `${product} ${plan}`).not.toBe(
          'not-training',
        );
    const team = v({ plan: 'team', planVia: 'visible-cue' });
    expect(team.state).toBe('unknown');
    expect(team.ask).toEqual(['plan', 'training']);
    // The same plan read from the page (a labelled badge, the Subscriptions tab) keeps its documented default.
    expect(v({ plan: 'team', planVia: 'account-data' }).state).toBe('not-training');
  });

  it('Vibe on the Scale plan, nothing seen: no document, unknown', () => {
    expect(v({ plan: 'scale', labs: 'off' }).state).toBe('unknown');
  });

  it('Vibe Free opted out on the page: the switch fix stays, applied; the ones that still leak stay; the rest go', () => {
    const r = v({ plan: 'free', toggle: 'off', labs: 'off', sharing: 'on', memories: 'on' });
    expect(r.state).toBe('not-training');
    expect(ids(r.fixes).sort()).toEqual([
      'feedback-avoid',
      'memories-off',
      'mobile-data-sharing',
      'sharing-off',
      'vibe-training-off',
    ]);
    expect(r.fixes.find((f) => f.id === 'vibe-training-off')?.applied).toBe(true);
    expect(ids(r.caveats)).not.toContain('attachments');
  });

  it("Vibe Team training on: only an admin can turn it off, and the feedback caveat is the organization's", () => {
    const r = v({ plan: 'team', toggle: 'on' });
    expect(r.fixes.find((f) => f.id === 'vibe-training-off')).toMatchObject({ adminOnly: true, applied: false });
    expect(r.caveats.find((c) => c.id === 'feedback')?.msg.key).toBe('caveatFeedbackOrg');
  });
});

describe('verdict: each reason cites the documents of its own product and of its own side', () => {
  // Killed mutants (npm run mutation): a Vibe reason citing the API's documents or the reverse, and a disputed
  // default citing the documents that say "not trained" as if they said "trained". The oracle is the documents'
  // own wording: Vibe's texts name Vibe or Le Chat, the API's name the API, Mistral Studio or the Scale plan.
  const v = (x: Partial<Scenario>) =>
    computeVerdict(
      inputOf({
        product: 'vibe',
        plan: null,
        planVia: 'account-data',
        toggle: 'unknown',
        toggleVia: 'page',
        labs: 'off',
        zdr: 'unknown',
        feedback: 'unknown',
        sharing: 'unknown',
        memories: 'unknown',
        stale: 'none',
        ...x,
      }),
    );
  const about = (c: { section: string; quote: string }) => `${c.section} ${c.quote}`;
  const VIBE = /Vibe|Le Chat|your account/;
  const API = /API|Mistral Studio|Scale plan/;
  const reason = (r: Verdict, id: string) => r.reasons.find((x) => x.id === id)!;

  it('an opt-out seen: the Vibe reason cites the Vibe switch and the Le Chat policy; the API reason, the API switch', () => {
    const vibe = reason(v({ plan: 'free', toggle: 'off' }), 'toggle-off');
    expect(vibe.citations.map((c) => c.section)).toContain('Vibe privacy controls');
    for (const c of vibe.citations) {
      expect(about(c)).toMatch(VIBE);
      expect(about(c)).not.toMatch(API);
    }
    const api = reason(v({ product: 'api', plan: 'free', toggle: 'off' }), 'toggle-off');
    expect(api.citations.map((c) => c.section)).toContain('API privacy controls');
    for (const c of api.citations) {
      expect(about(c)).toMatch(API);
      expect(about(c)).not.toMatch(/Vibe|Le Chat/);
    }
    // The whole verdict, not only the reason: opted out on the page decides, with the product's own headline.
    expect(v({ plan: 'free', toggle: 'off' })).toMatchObject({
      state: 'not-training',
      headline: { key: 'headlineVibeOptedOut' },
      conflicts: [],
      ask: [],
    });
    expect(v({ product: 'api', plan: 'free', toggle: 'off' })).toMatchObject({
      state: 'not-training',
      headline: { key: 'headlineApiOptedOut' },
      ask: [],
    }); // (API Free's default is disputed: its conflict stays)
  });

  it('the plan unknown and nothing seen: the documents that make the plan matter, for that product', () => {
    for (const product of ['vibe', 'api'] as const) {
      const r = v({ product });
      expect(r).toMatchObject({
        state: 'unknown',
        headline: { key: 'headlinePlanUnknown' },
        ask: ['plan', 'training'],
      });
      const cites = reason(r, 'plan-unknown').citations;
      expect(cites).toHaveLength(2);
      // One document for a plan that trains by default, one for a plan that does not (Free against Team/Enterprise or Scale).
      expect(cites.some((c) => /opted out of training by default/.test(c.quote))).toBe(true);
      for (const c of cites) {
        expect(about(c)).toMatch(product === 'vibe' ? VIBE : API);
        expect(about(c)).not.toMatch(product === 'vibe' ? API : /Vibe|Le Chat/);
      }
    }
  });

  it('a disputed default (Vibe Pro): the reason cites only the "trained" side, the conflict each side its own documents', () => {
    const r = v({ plan: 'pro' });
    expect(r.state).toBe('training');
    expect(r.headline.key).toBe('headlineDefaultDisputed');
    const [on, off] = r.conflicts[0].sides.map((x) => x.citations);
    expect(reason(r, 'default-disputed').citations).toEqual(on);
    // The two sides share no document text: 001 and 003 say "trained unless you opt out", 000 says otherwise.
    const onQuotes = new Set(on.map((c) => c.quote));
    expect(off.length).toBeGreaterThan(0);
    for (const c of off) expect(onQuotes.has(c.quote), c.quote).toBe(false);
    expect(new Set(off.map((c) => c.source))).toEqual(new Set(['docs-privacy']));
  });
});
