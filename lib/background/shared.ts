/**
 * What the background shares with its own pages through storage.session, and the one rule they must agree on
 * (which organization a tab's verdict is about). No zod, no handler code: the popup and options import this.
 */
import { UNKNOWN_ORG, DEFAULT_ORG, type Store } from '../store/schema';
import { surfaceOf } from '../surfaces';

/** The last write the browser refused (storage quota): `{ at, code: 'quota' }`, shown by the options page. */
export const WRITE_ERROR_KEY = 'windsock-write-error';

/** Which organization each tab's page showed: `{ "<tabId> <host>": orgKey }` (lib/background/handler.ts). */
export const TAB_ORGS_KEY = 'windsock-tab-orgs';

export const tabOrgKey = (tabId: number, url: string | undefined) => `${tabId} ${surfaceOf(url)?.host ?? ''}`;

/**
 * The organization a tab's verdict is about: the one its page showed (or its account data said was active);
 * else, on a chat page of someone with several organizations, "unknown" (the cautious reading); else the
 * organization Windsock last saw.
 */
export function orgForTab(
  store: Store,
  tabOrgs: Record<string, string> | Map<string, string>,
  tabId: number | undefined,
  url: string | undefined,
): string {
  const key = tabId === undefined ? undefined : tabOrgKey(tabId, url);
  const known =
    key === undefined
      ? undefined
      : tabOrgs instanceof Map
        ? tabOrgs.get(key)
        : Object.prototype.hasOwnProperty.call(tabOrgs, key)
          ? tabOrgs[key]
          : undefined;
  if (typeof known === 'string') return known;
  const named = Object.keys(store.orgs).filter((k) => k !== DEFAULT_ORG && k !== UNKNOWN_ORG);
  if (surfaceOf(url)?.host === 'chat.mistral.ai' && named.length > 1) return UNKNOWN_ORG;
  return store.currentOrg;
}
