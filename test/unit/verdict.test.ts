/**
 * THE VERDICT TABLE. The expected state of every row comes from the documents (lib/policy/sources/, see their
 * README) through the small function `expected()` below, written from the rules the team agreed — not from
 * lib/verdict.ts. Each rule cites its seed file and section.
 *
 * Rows: plan (6 plans and unknown) × training toggle × Labs models × ZDR (each on / off / unknown), for Vibe and
 * for the API: 7 × 3 × 3 × 3 = 189 rows per product, one named test each.
 */
import { describe, expect, it } from 'vitest';
import type { PlanId, Product, SourceId } from '@/lib/policy/schema';
import { computeVerdict, type Verdict, type VerdictInput, type VerdictState } from '@/lib/verdict';

type Tri = 'on' | 'off' | 'unknown';
const TRI: Tri[] = ['on', 'off', 'unknown'];
const PLANS: (PlanId | null)[] = ['free', 'pro', 'education', 'team', 'enterprise', 'scale', null];

const VIBE_PRIVACY_URL = 'https://admin.mistral.ai/vibe/privacy'; // notes/mistral-surfaces.md, "Admin Panel › Vibe › Privacy"

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

const isDisputed = (product: Product, plan: PlanId | null) => plan !== null && DOC_DEFAULT[product][plan] === 'disputed';

/** ZDR counts only on the API, only on Scale (002, first line: "available only for the Scale plan and only for
 * stateless API calls"; 002 "ZDR on Vibe": "not available for Vibe Work or Chat, regardless of your subscription
 * plan"). With the plan unknown, a ZDR status seen on the page can only be a Scale organization's. */
const zdrApplies = (product: Product, plan: PlanId | null, zdr: Tri) => product === 'api' && zdr === 'on' && (plan === 'scale' || plan === null);

/** The expected state, from the rules. ZDR is deliberately not an argument of the state (rule 5). */
function expected(product: Product, plan: PlanId | null, toggle: Tri, labs: Tri): VerdictState {
  // 1. Labs models ON → training, on any plan, for both products. 000 "API privacy controls": "If you activate
  //    Labs models, data can be used to train Mistral models, regardless of your subscription plan or opt-out
  //    settings". ZDR does not lift it: 002 "ZDR on Mistral Studio" — ZDR covers stateless endpoints only and
  //    "does not apply to stateful APIs or products", which stay exposed (the team's cautious position).
  //    Labs unknown falls back to its default, off: it must be activated (same 000 sentence, "If you activate").
  if (labs === 'on') return 'training';
  // 2. Training toggle ON → training. 000 "Vibe privacy controls" / "API privacy controls": "allow or disable the
  //    use of Vibe interactions [API calls] to train Mistral models".
  if (toggle === 'on') return 'training';
  // 3. Training toggle OFF → not training ("If you disable this option, new interactions from your users aren't
  //    used to train models", 000; 001 "opt out" on every plan), whatever the plan: the table's toggle is seen
  //    on the page and fresh, so it decides even with the plan unknown (issue 12, "A rule to correct"; feedback,
  //    Labs models and the mobile app stay caveats). A stale or declared "off" with no plan: see below the table.
  if (toggle === 'off') return 'not-training';
  // 4. Toggle unknown: the plan's documented default; disputed → the cautious reading, training (seeds README).
  if (plan === null) return 'unknown';
  const d = DOC_DEFAULT[product][plan];
  return d === 'disputed' ? 'training' : d;
}

function input(product: Product, plan: PlanId | null, toggle: Tri, labs: Tri, zdr: Tri): VerdictInput {
  const controls: VerdictInput['controls'] = {};
  const seen = (value: 'on' | 'off') => ({ value, via: 'page' as const, where: 'admin-api-privacy', seenAt: 1_790_000_000_000 });
  if (toggle !== 'unknown') controls[product === 'vibe' ? 'vibe-training' : 'api-training'] = seen(toggle);
  if (labs !== 'unknown') controls['labs-models'] = seen(labs);
  if (zdr !== 'unknown') controls.zdr = seen(zdr);
  return { product, plan: plan ? { value: plan, via: 'account-data', where: 'admin-subscriptions', seenAt: 1_790_000_000_000 } : null, controls };
}

interface Row {
  name: string;
  product: Product;
  plan: PlanId | null;
  toggle: Tri;
  labs: Tri;
  zdr: Tri;
  want: VerdictState;
}

function rows(product: Product): Row[] {
  const out: Row[] = [];
  for (const plan of PLANS)
    for (const toggle of TRI)
      for (const labs of TRI)
        for (const zdr of TRI) {
          const want = expected(product, plan, toggle, labs);
          out.push({ name: `${product} plan=${plan ?? 'unknown'} toggle=${toggle} labs=${labs} zdr=${zdr} → ${want}`, product, plan, toggle, labs, zdr, want });
        }
  return out;
}

const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id);
const sourcesOf = (v: { citations: { source: SourceId }[] }) => v.citations.map((c) => c.source);

/** Everything the rules say about one row's verdict, besides its state. */
function checkRow(r: Row, v: Verdict) {
  const where = `${r.name}; got ${v.state}, reasons ${ids(v.reasons).join(',')}, caveats ${ids(v.caveats).join(',')}`;

  expect(v.state, where).toBe(r.want);
  expect(v.product).toBe(r.product);

  // An unknown plan never yields not-training, unless the training toggle was seen off on the page.
  if (r.plan === null && r.toggle !== 'off') expect(v.state, where).not.toBe('not-training');

  // Every reason of a training (or not-training) state rests on a document, except "we don't know your plan".
  if (v.state !== 'unknown')
    for (const reason of v.reasons) if (reason.id !== 'plan-unknown') expect(reason.citations.length, `${where}: reason ${reason.id} has no citation`).toBeGreaterThan(0);

  // An unknown state tells the user what would sharpen it.
  if (v.state === 'unknown') expect(v.ask.length, where).toBeGreaterThan(0);

  // Labs on with ZDR on (where ZDR can exist) says why ZDR does not help: 002 "ZDR on Mistral Studio".
  if (r.labs === 'on' && zdrApplies(r.product, r.plan, r.zdr)) expect(ids(v.reasons), where).toContain('labs-zdr');
  else expect(ids(v.reasons), where).not.toContain('labs-zdr');

  // Labs unknown → its default (off) and a caveat that says Windsock hasn't seen it.
  if (r.labs === 'unknown') expect(ids(v.caveats), where).toContain('labs');

  // Thumbs up/down trains on every plan, opt-out or not: 003 §3.4.3 "Feedback: If you click on "Thumbs Up" or
  // "Thumbs Down" to rate an Output, we use your Feedback to train our artificial intelligence models."
  if (r.product === 'vibe') expect(ids(v.caveats), where).toContain('feedback');

  // How to stop it, on Vibe: the Admin Panel switch; on Team/Enterprise only an admin can flip it (001: those
  // plans are managed by the organization; 003 §3.4.3 Team "opt-in… on your account").
  if (r.product === 'vibe' && v.state === 'training') {
    const fix = v.fixes.find((f) => f.id === 'vibe-training-off');
    expect(fix, where).toBeDefined();
    expect(fix!.url).toBe(VIBE_PRIVACY_URL);
    expect(!!fix!.adminOnly, `${where}: adminOnly`).toBe(r.plan === 'team' || r.plan === 'enterprise');
  }

  // Where the plan's default decides and the documents disagree, both sides are shown with their sources; where
  // they agree there is nothing to show.
  const defaultDecides = r.labs !== 'on' && r.toggle === 'unknown' && r.plan !== null;
  if (defaultDecides && isDisputed(r.product, r.plan)) {
    expect(v.conflicts.length, where).toBeGreaterThan(0);
    const sides = v.conflicts[0].sides;
    expect(sides.length).toBe(2);
    for (const s of sides) expect(s.citations.length, where).toBeGreaterThan(0);
    const all = sides.map(sourcesOf);
    // one side: 001 and 003 (trained unless opted out); the other: 000 (not used / not by default)
    expect(all.some((s) => s.includes('help-opt-out') && s.includes('privacy-policy-2025')), where).toBe(true);
    expect(all.some((s) => s.includes('docs-privacy')), where).toBe(true);
  } else if (defaultDecides) {
    expect(v.conflicts, where).toEqual([]);
  }
}

describe.each(['vibe', 'api'] as const)('verdict table: %s', (product) => {
  it.each(rows(product).map((r) => [r.name, r] as const))('%s', (_name, r) => {
    checkRow(r, computeVerdict(input(r.product, r.plan, r.toggle, r.labs, r.zdr)));
  });

  it('ZDR by itself never changes the state (002 "ZDR and training opt-out are separate controls")', () => {
    const mismatches: string[] = [];
    for (const plan of PLANS)
      for (const toggle of TRI)
        for (const labs of TRI) {
          const states = TRI.map((zdr) => computeVerdict(input(product, plan, toggle, labs, zdr)).state);
          if (new Set(states).size !== 1) mismatches.push(`${plan} toggle=${toggle} labs=${labs}: zdr on/off/unknown → ${states.join('/')}`);
        }
    expect(mismatches).toEqual([]);
  });

  it('the table covers 189 rows and every expected state occurs', () => {
    const rs = rows(product);
    expect(rs.length).toBe(7 * 3 * 3 * 3);
    expect(new Set(rs.map((r) => r.want))).toEqual(new Set(['training', 'not-training', 'unknown']));
  });
});

describe('verdict: a few rows spelled out', () => {
  const state = (...a: Parameters<typeof input>) => computeVerdict(input(...a)).state;

  it('Vibe Pro, nothing seen: training, and the conflict names 000 against 001/003', () => {
    const v = computeVerdict(input('vibe', 'pro', 'unknown', 'unknown', 'unknown'));
    expect(v.state).toBe('training');
    expect(v.conflicts).toHaveLength(1);
  });

  it('API Scale with ZDR on and Labs on: still training, with reason labs-zdr', () => {
    const v = computeVerdict(input('api', 'scale', 'off', 'on', 'on'));
    expect(v.state).toBe('training');
    expect(ids(v.reasons)).toEqual(expect.arrayContaining(['labs-on', 'labs-zdr']));
  });

  it('an opt-out seen on the page decides even with the plan unknown, with its caveats (issue 12)', () => {
    expect(state('vibe', null, 'off', 'off', 'unknown')).toBe('not-training');
    expect(state('api', null, 'off', 'off', 'on')).toBe('not-training');
    const v = computeVerdict(input('vibe', null, 'off', 'unknown', 'unknown'));
    expect(ids(v.caveats)).toEqual(expect.arrayContaining(['feedback', 'labs']));
    expect(ids(v.fixes)).toContain('mobile-data-sharing');
    expect(ids(v.reasons)).toEqual(['toggle-off']);
  });

  it('a stale or declared opt-out with the plan unknown is not yet "not-training"', () => {
    for (const product of ['vibe', 'api'] as const) {
      const key = product === 'vibe' ? 'vibe-training' : 'api-training';
      const stale = input(product, null, 'unknown', 'off', 'unknown');
      stale.controls[key] = { value: 'off', via: 'page', where: 'admin-vibe-privacy', seenAt: 1_790_000_000_000, stale: true };
      expect(computeVerdict(stale).state).toBe('unknown');
      const declared = input(product, null, 'unknown', 'off', 'unknown');
      declared.controls[key] = { value: 'off', via: 'declared' };
      expect(computeVerdict(declared).state).toBe('unknown');
      expect(computeVerdict(declared).ask).toContain('plan');
      // With the plan known, the same stale opt-out still counts, with the stale caveat.
      const known = { ...stale, plan: { value: 'free' as const, via: 'page' as const } };
      expect(computeVerdict(known).state).toBe('not-training');
      expect(ids(computeVerdict(known).caveats)).toContain('stale');
    }
  });

  it('never "not-training" from a plan guess alone: a plan from a visible cue with the toggle unseen is at best unknown', () => {
    for (const product of ['vibe', 'api'] as const)
      for (const plan of PLANS) {
        const v = computeVerdict({ product, plan: plan ? { value: plan, via: 'visible-cue' } : null, controls: {} });
        expect(v.state, `${product} ${plan}`).not.toBe('not-training');
      }
    const team = computeVerdict({ product: 'vibe', plan: { value: 'team', via: 'visible-cue' }, controls: {} });
    expect(team.state).toBe('unknown');
    expect(team.ask).toEqual(['plan', 'training']);
    // The same plan read from the page (a labelled badge, the Subscriptions tab) keeps its documented default.
    expect(computeVerdict({ product: 'vibe', plan: { value: 'team', via: 'page' }, controls: {} }).state).toBe('not-training');
  });

  it('Vibe on the Scale plan, nothing seen: no document, unknown', () => {
    expect(state('vibe', 'scale', 'unknown', 'off', 'off')).toBe('unknown');
  });
});
