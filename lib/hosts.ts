/**
 * The one list of hosts Windsock runs on: Mistral's three app hosts, their match patterns (the manifest's host
 * permissions, the background's tab queries) and each content script's `matches`. No imports: wxt.config.ts and
 * the content scripts read it at build time (WXT evaluates an entrypoint's options when it builds the manifest),
 * and it costs a content script a few bytes rather than the whole surface table. lib/surfaces.ts builds on it;
 * test/unit/hosts.test.ts checks the declared and the built manifests against it, and each content script's hosts
 * against the surfaces it serves (lib/surfaces.ts, `matchesWhere`). Nothing else: no <all_urls>, no server of ours.
 */

/** Mistral's three app hosts, by role. */
export const HOSTS = { chat: 'chat.mistral.ai', admin: 'admin.mistral.ai', studio: 'console.mistral.ai' } as const;
export const MISTRAL_HOSTS = [HOSTS.chat, HOSTS.admin, HOSTS.studio] as const;
export type MistralHost = (typeof MISTRAL_HOSTS)[number];

/** A host's match pattern (https only). */
export const matchPattern = (host: MistralHost) => `https://${host}/*` as const;
/** The manifest's host permissions and the background's tab queries. */
export const MATCH_PATTERNS: string[] = /* @__PURE__ */ MISTRAL_HOSTS.map(matchPattern);

/** Each content script's `matches` (entrypoints/*.content.ts). */
export const CONTENT_MATCHES = {
  /** chat.content.ts: reading Vibe. */
  chat: [matchPattern(HOSTS.chat)],
  /** admin.content.ts: reading the Admin Panel. */
  admin: [matchPattern(HOSTS.admin)],
  /** studio.content.ts: reading Studio. */
  studio: [matchPattern(HOSTS.studio)],
  /** chat-ui.content.ts: the chat page's warnings, composer guard and banner (lib/warnings, CHAT_WARNINGS). */
  chatUi: [matchPattern(HOSTS.chat)],
  /** admin-ui.content.ts: the Admin Panel's warnings (lib/warnings, ADMIN_WARNINGS). */
  adminUi: [matchPattern(HOSTS.admin)],
  /**
   * dialog.content.ts: the warning dialog, not in the manifest (`registration: 'runtime'`): the background
   * injects it into a tab the first time one of the UI scripts must show a warning (lib/page/on-demand.ts).
   */
  dialog: [matchPattern(HOSTS.chat), matchPattern(HOSTS.admin)],
  /** skeleton.content.ts: the diagnostic report's page skeleton, injected the same way when a diagnosis is asked for. */
  skeleton: [matchPattern(HOSTS.chat), matchPattern(HOSTS.admin), matchPattern(HOSTS.studio)],
};

/** `url`, parsed, when it is one of Mistral's app hosts' (see `isMistralUrl`); else null. */
function mistralUrl(url: string | undefined | null): URL | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  // Exactly one of the hosts, over https, on the default port, with no credentials in the URL.
  return u.protocol === 'https:' &&
    u.port === '' &&
    !u.username &&
    !u.password &&
    (MISTRAL_HOSTS as readonly string[]).includes(u.hostname)
    ? u
    : null;
}

export function isMistralUrl(url: string | undefined | null): boolean {
  return !!mistralUrl(url);
}

/**
 * A surface's URL pattern as data: `path` is the source of a regular expression over the URL's path (whole, case
 * insensitive, a trailing slash allowed), so a table of them travels as JSON (lib/detect/ruleset.ts) and is
 * compiled where it is used.
 */
export const pathPattern = (path: string): RegExp => new RegExp(`^${path}/?$`, 'i');

/**
 * The first entry of `table` (in order: the catch-alls of each host come last) whose host and path pattern match
 * `url`, or null when `url` is not one of Mistral's app hosts. `compiled` caches the patterns per table.
 */
export function findSurface<T extends { host: string; path: string }>(
  table: readonly T[],
  url: string | undefined | null,
  compiled: Map<string, RegExp> = new Map(),
): T | null {
  const u = mistralUrl(url);
  if (!u) return null;
  const re = (p: string) => compiled.get(p) ?? compiled.set(p, pathPattern(p)).get(p)!;
  return table.find((s) => s.host === u.hostname && re(s.path).test(u.pathname)) ?? null;
}
