/**
 * From what is stored (observations and declarations of the current organization) to the verdict's input.
 * Pure: `now` is passed in. Observations older than 30 days are marked stale; a declaration is used only where
 * nothing fresher was seen (recordObservations already drops a declaration that a page has since answered).
 */
import type { ControlId, ControlValue, PlanId, Product } from './policy/schema';
import { CONTROL_IDS } from './policy/schema';
import { currentOrg, FUTURE_SLACK_MS, STALE_AFTER_MS, type ObsKey, type Store } from './store/schema';
import type { SurfaceId } from './surfaces';
import { computeVerdict, type Known, type Verdict, type VerdictInput } from './verdict';

export function knownFor(store: Store, key: ObsKey, now: number): Known<string> | null {
  const org = currentOrg(store);
  const obs = org.observations[key];
  const decl = org.declarations[key];
  // A declaration dated in the future (a wrong clock, a doctored import) never beats a page reading.
  if (decl && decl.at <= now + FUTURE_SLACK_MS && (!obs || decl.at > obs.seenAt))
    return { value: decl.value, via: 'declared', seenAt: decl.at };
  if (obs)
    return {
      value: obs.value,
      via: obs.via,
      where: obs.where,
      seenAt: obs.seenAt,
      stale: now - obs.seenAt > STALE_AFTER_MS,
    };
  return null;
}

export function verdictInput(store: Store, product: Product, surface: SurfaceId | null, now: number): VerdictInput {
  const controls: VerdictInput['controls'] = {};
  for (const id of CONTROL_IDS) {
    const k = knownFor(store, id, now);
    if (k) controls[id as ControlId] = k as Known<ControlValue>;
  }
  const plan = knownFor(store, `plan:${product}`, now) as Known<PlanId> | null;
  return { product, surface, plan, controls };
}

export function verdictFor(store: Store, product: Product, surface: SurfaceId | null, now: number): Verdict {
  return computeVerdict(verdictInput(store, product, surface, now));
}
