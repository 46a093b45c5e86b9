/**
 * Windsock's on-demand scripts: code a page needs rarely, kept out of the content scripts a page loads and
 * injected into the asking frame only when needed — the warning dialog (entrypoints/dialog.content.ts, the first
 * time a warning must be shown) and the diagnostic report's page skeleton (entrypoints/skeleton.content.ts, when
 * a diagnosis is asked for).
 *
 * How: the content script sends `load-part` (lib/messages.ts: content scripts only, on their own page); the
 * background runs the part's file in the sender's frame with scripting.executeScript (Chrome) or
 * tabs.executeScript (Firefox), in the content scripts' isolated world; the injected script puts its API on that
 * world's global, which Windsock's content scripts share and page scripts can neither see nor replace. The page
 * cannot ask for an injection (it cannot send the extension messages) nor see one (nothing is added to its DOM).
 * Only an API put there after this script's own request counts: the global is cleared before asking, so a copy
 * left by an older Windsock (an update reuses the isolated world) is never taken. No answer in the client's
 * timeout, a refused injection or a missing API: `null`, and the caller falls back (the dialog: the browser's own
 * confirm(); the skeleton: none in the report).
 */
import type { Message, OnDemandPart } from '../messages';

/** The isolated world's global, where an injected part leaves its API. */
export const PART_GLOBAL = {
  dialog: '__windsockDialog',
  skeleton: '__windsockSkeleton',
} as const satisfies Record<OnDemandPart, string>;

type Ask = <T>(msg: Message) => Promise<T | null>;

/** Load `part` into this frame through the background; its API, or null. */
export async function loadPart<T extends object>(ask: Ask, part: OnDemandPart): Promise<T | null> {
  const world = globalThis as Record<string, unknown>;
  const key = PART_GLOBAL[part];
  delete world[key];
  const r = await ask<{ ok?: boolean }>({ type: 'load-part', url: location.href, part });
  if (!r?.ok) return null;
  const api = world[key];
  return api && typeof api === 'object' ? (api as T) : null;
}

/** For the injected script: hand `api` to the content scripts of this frame (their shared isolated world). */
export function providePart(part: OnDemandPart, api: object): void {
  (globalThis as Record<string, unknown>)[PART_GLOBAL[part]] = api;
}
