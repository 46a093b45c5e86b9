/**
 * What each page can show, derived from the site rules (rules.ts) and the warnings (lib/warnings/registry.ts), never a hand list:
 * the background refuses a content script's report of anything its page's surface cannot show (a chat page
 * does not report API privacy toggles), and the few page actions that belong to certain pages only.
 */
import type { GuardId, ObsKey } from '../store/schema';
import type { SurfaceDef, SurfaceId } from '../surfaces';
import { REGISTRY } from '../warnings/registry';
import { ACCOUNT_DATA, CONTROL_RULES, planProductsOn } from './rules';

/** The observation keys a page of this surface can report. */
export function observableKeys(surface: SurfaceDef): Set<ObsKey> {
  const keys = new Set<ObsKey>();
  for (const r of CONTROL_RULES[surface.id] ?? []) keys.add(r.control);
  for (const p of planProductsOn(surface)) keys.add(`plan:${p}`);
  return keys;
}

/** Where the chat app's account data may come from. */
export function accountDataOn(surface: SurfaceDef): boolean {
  return ACCOUNT_DATA.surfaces.includes(surface.id);
}

/** Where a warning of this kind can be shown (so its "don't ask again" can be chosen). */
export function guardOn(guard: GuardId, surface: SurfaceId): boolean {
  return REGISTRY.shownOn(guard, surface);
}

/** Where the composer guard runs (its text may be sent to the background to be scanned: scan-text). */
export function composerOn(surface: SurfaceId): boolean {
  return REGISTRY.shownOn('composer', surface);
}

/** Where a chat can be shared publicly (record-share). */
export function shareOn(surface: SurfaceId): boolean {
  return guardOn('share', surface);
}
