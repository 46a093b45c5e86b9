/**
 * What Windsock observed that the letters and the retention view can use, read from the store. Pure.
 * Only what pages showed (observations and the privacy record), never the user's own declarations: a letter
 * says "Windsock saw", so it must have been seen.
 */
import type { PlanId } from '../policy/schema';
import { currentOrg, type ObsKey, type Store } from '../store/schema';
import type { Observed } from './letters';

/** The last time Windsock saw `key` switched on in the current organization, or undefined. */
function lastSeenOn(store: Store, key: ObsKey): number | undefined {
  const obs = currentOrg(store).observations[key];
  if (obs?.value === 'on') return obs.seenAt;
  let at: number | undefined;
  for (const e of store.history) {
    if (
      e.kind === 'observed' &&
      e.key === key &&
      e.value === 'on' &&
      e.org === store.currentOrg &&
      (at === undefined || e.at > at)
    )
      at = e.at;
  }
  return at;
}

export function observedFrom(store: Store): Observed {
  const org = currentOrg(store);
  const vibe = org.observations['plan:vibe'];
  const api = org.observations['plan:api'];
  const plan = vibe ?? api;
  const out: Observed = {};
  if (plan) {
    out.plan = plan.value as PlanId;
    out.planProduct = vibe ? 'vibe' : 'api';
  }
  const training = lastSeenOn(store, 'vibe-training');
  if (training !== undefined) out.trainingSeenOn = training;
  const apiTraining = lastSeenOn(store, 'api-training');
  if (apiTraining !== undefined) out.apiTrainingSeenOn = apiTraining;
  if (org.name) out.orgName = org.name;
  if (store.shares.length) out.shares = store.shares.map((s) => ({ chatId: s.chatId, at: s.at }));
  return out;
}
