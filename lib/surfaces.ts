/**
 * Which Mistral page a URL is (`surfaceOf`), and per surface what the page carries (plan signals, the chat app's
 * account data, the user's own chat): the one table everything else derives from; lib/detect/rules.ts takes its
 * surface lists from here, never the reverse. The host list itself is lib/hosts.ts (no imports, so that the
 * content scripts' `matches` and wxt.config.ts take it without this table). Each surface's example URLs are in
 * surfaces.examples.ts. The table is written in two parts, joined into `SURFACES`: each host's list of where its
 * surfaces are (`CHAT_SURFACES`, `ADMIN_SURFACES`, `STUDIO_SURFACES`: id, host, path, chat), which the UI scripts
 * take whole, one host's each, and what each surface's page carries (`surfaceFacts`), which they never bundle.
 * Tests: test/unit/surfaces.test.ts, test/unit/hosts.test.ts.
 */
import type { Product } from './policy/schema';
import { HOSTS, MISTRAL_HOSTS, findSurface, matchPattern, type MistralHost } from './hosts';

export {
  CONTENT_MATCHES,
  HOSTS,
  MATCH_PATTERNS,
  MISTRAL_HOSTS,
  isMistralUrl,
  matchPattern,
  type MistralHost,
} from './hosts';

/**
 * The kinds of plan signal a page can carry (lib/detect/rules.ts, PLAN_SIGNALS, says how each is trusted).
 * `cue` kinds are hints, not readings.
 */
export type PlanSignalKind =
  | 'subscription-tab'
  | 'studio-header'
  | 'upgrade-link'
  | 'pro-badge'
  | 'current-plan-card'
  | 'plan-badge'
  | 'plan-label'
  | 'upgrade-banner';

export type SurfaceId =
  | 'vibe-chat'
  | 'vibe-chat-home'
  | 'vibe-project'
  | 'vibe-work'
  | 'vibe-code'
  | 'vibe-incognito'
  | 'vibe-share'
  | 'vibe-upgrade'
  | 'vibe-memories'
  | 'vibe-other'
  | 'admin-vibe-privacy'
  | 'admin-api-privacy'
  | 'admin-subscriptions'
  | 'admin-vibe-preferences'
  | 'admin-other'
  | 'studio'
  | 'studio-upgrade';

/**
 * Where a surface is and whether the user's own chat is on it: all that the in-page UI scripts need of the table
 * (which surface a URL is, for the warnings' matchers; the banner and the attachment note only where the chat
 * is). One list per host (`CHAT_SURFACES`, `ADMIN_SURFACES`, `STUDIO_SURFACES`), so that each UI script bundles
 * only its own host's list and none of what `SurfaceFacts` says (lib/page/ui-script.ts).
 */
export interface SurfacePlace {
  id: SurfaceId;
  host: MistralHost;
  /**
   * Which paths of its host the surface is: a regular expression's source over the whole path (case insensitive,
   * a trailing slash allowed; lib/hosts.ts `pathPattern`). A string, not a RegExp, so that the reading content
   * scripts receive their host's surfaces as JSON data from the background (lib/detect/ruleset.ts).
   */
  path: string;
  /** True where the user's own chat is on the page: the training banner and the attachment note show there. */
  chat: boolean;
}

/** What a surface's page carries: for the readers and the background, never in the UI scripts. */
export interface SurfaceFacts {
  /** The data flow whose training verdict this page shows. */
  product: Product;
  /** The plan signals a person can see on this page (where lib/detect reads them). */
  signals: readonly PlanSignalKind[];
  /** The chat app's own account data (organization.all, settings.get) is asked for here. */
  accountData: boolean;
}

export interface SurfaceDef extends SurfacePlace, SurfaceFacts {}

/** Signals of the chat app's frame (account menu, organization switcher, sidebar). */
const CHAT_APP: readonly PlanSignalKind[] = ['plan-label', 'plan-badge', 'upgrade-link', 'pro-badge'];
/** Signals of the Admin Panel's frame. */
const ADMIN_APP: readonly PlanSignalKind[] = ['plan-label', 'plan-badge'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Any path: a host's catch-all. */
const ANY = '.*';
/** Whether the user's own chat is on the page (the third column). */
const CHAT = true;
const NO_CHAT = false;

// Order matters: the first match wins, and the catch-alls of each host come last. test/unit/surfaces.test.ts checks
// every surface against its own examples (lib/surfaces.examples.ts, kept out of the content scripts' bundles) and
// against every other surface's (a positive and a negative matrix), so a new or changed pattern cannot steal URLs.
// test/unit/hosts.test.ts checks the declared and the built manifests against the hosts, and each content script's
// hosts against the surfaces it serves. Where each in-page warning shows is the warning's own module (lib/warnings/).
// A surface is one entry in its host's list below and one in `surfaceFacts` (typed: tsc fails if either is missing).
// Each list is a function's result, so that a bundle which does not use it drops it whole (the minifier keeps a
// property read such as `HOSTS.chat` or a template literal left at the top level even when nothing uses it).

/** Vibe's surfaces, in order (the chat page's UI script carries this list). */
export const CHAT_SURFACES: readonly SurfacePlace[] = /* @__PURE__ */ chatSurfaces();
/** The Admin Panel's surfaces, in order (the Admin Panel's UI script carries this list). */
export const ADMIN_SURFACES: readonly SurfacePlace[] = /* @__PURE__ */ adminSurfaces();
/** Studio's surfaces, in order. */
export const STUDIO_SURFACES: readonly SurfacePlace[] = /* @__PURE__ */ studioSurfaces();

/** A host's surfaces from rows of [id, path, whether the user's chat is there] (short rows: the UI scripts carry them). */
function on(host: MistralHost, rows: [SurfaceId, string, boolean][]): SurfacePlace[] {
  return rows.map(([id, path, chat]) => ({ id, host, path, chat }));
}

function chatSurfaces(): SurfacePlace[] {
  return on(HOSTS.chat, [
    ['vibe-chat-home', '(/chat)?', CHAT],
    ['vibe-project', '/chat/projects/[^/]+(/.*)?', CHAT],
    ['vibe-chat', `/chat/${UUID}`, CHAT],
    ['vibe-work', '/work(/[^/]+)?', CHAT],
    ['vibe-code', '/code(/.*)?', CHAT],
    ['vibe-incognito', '/incognito(/.*)?', CHAT],
    ['vibe-share', '/share/[^/]+', NO_CHAT],
    ['vibe-upgrade', '/upgrade(/.*)?', NO_CHAT],
    ['vibe-memories', '/(intelligence|settings)/memor(y|ies)', NO_CHAT],
    ['vibe-other', ANY, NO_CHAT],
  ]);
}

function adminSurfaces(): SurfacePlace[] {
  return on(HOSTS.admin, [
    ['admin-vibe-privacy', '/vibe/privacy', NO_CHAT],
    ['admin-api-privacy', '/plateforme/privacy', NO_CHAT],
    ['admin-subscriptions', '/subscriptions?(/.*)?', NO_CHAT],
    ['admin-vibe-preferences', '/vibe/preferences', NO_CHAT],
    ['admin-other', ANY, NO_CHAT],
  ]);
}

function studioSurfaces(): SurfacePlace[] {
  return on(HOSTS.studio, [
    ['studio-upgrade', '/upgrade(/.*)?', NO_CHAT],
    ['studio', ANY, NO_CHAT],
  ]);
}

/** What each surface's page carries. */
function surfaceFacts(): Record<SurfaceId, SurfaceFacts> {
  return {
    'vibe-chat-home': { product: 'vibe', signals: CHAT_APP, accountData: true },
    'vibe-project': { product: 'vibe', signals: CHAT_APP, accountData: true },
    'vibe-chat': { product: 'vibe', signals: CHAT_APP, accountData: true },
    'vibe-work': { product: 'vibe', signals: CHAT_APP, accountData: true },
    'vibe-code': { product: 'vibe', signals: CHAT_APP, accountData: true },
    'vibe-incognito': { product: 'vibe', signals: CHAT_APP, accountData: false },
    'vibe-share': { product: 'vibe', signals: [], accountData: false },
    'vibe-upgrade': { product: 'vibe', signals: ['current-plan-card', 'plan-badge'], accountData: false },
    'vibe-memories': { product: 'vibe', signals: CHAT_APP, accountData: false },
    'vibe-other': { product: 'vibe', signals: CHAT_APP, accountData: false },
    'admin-vibe-privacy': { product: 'vibe', signals: ADMIN_APP, accountData: false },
    'admin-api-privacy': { product: 'api', signals: ADMIN_APP, accountData: false },
    'admin-subscriptions': { product: 'vibe', signals: ['subscription-tab', ...ADMIN_APP], accountData: false },
    'admin-vibe-preferences': { product: 'vibe', signals: ADMIN_APP, accountData: false },
    'admin-other': { product: 'vibe', signals: ADMIN_APP, accountData: false },
    'studio-upgrade': {
      product: 'api',
      signals: ['current-plan-card', 'studio-header', 'plan-badge'],
      accountData: false,
    },
    studio: {
      product: 'api',
      signals: ['studio-header', 'plan-label', 'plan-badge', 'upgrade-banner'],
      accountData: false,
    },
  };
}

/** The whole table, each host's surfaces in order, each with what its page carries. */
export const SURFACES: SurfaceDef[] = /* @__PURE__ */ joinSurfaces();

function joinSurfaces(): SurfaceDef[] {
  const facts = surfaceFacts();
  return [...CHAT_SURFACES, ...ADMIN_SURFACES, ...STUDIO_SURFACES].map((s) => ({ ...s, ...facts[s.id] }));
}

const compiled = new Map<string, RegExp>();

/** The surface a URL is on, or null when it is not one of Mistral's app hosts. */
export function surfaceOf(url: string | undefined | null): SurfaceDef | null {
  return findSurface(SURFACES, url, compiled);
}

export function surfaceById(id: SurfaceId): SurfaceDef {
  return SURFACES.find((s) => s.id === id)!;
}

/** The surfaces `pred` selects, in table order. */
function surfacesWhere(pred: (s: SurfaceDef) => boolean): SurfaceId[] {
  return SURFACES.filter(pred).map((s) => s.id);
}

/** Where a plan signal of this kind is read. */
export const signalSurfaces = (kind: PlanSignalKind): SurfaceId[] => surfacesWhere((s) => s.signals.includes(kind));
/** Where the chat app's account data is asked for. */
export const ACCOUNT_DATA_SURFACES: SurfaceId[] = /* @__PURE__ */ surfacesWhere((s) => s.accountData);

/**
 * The match patterns of the hosts of the surfaces `pred` selects, in MISTRAL_HOSTS order: what each content
 * script's `matches` (lib/hosts.ts, CONTENT_MATCHES) must be, checked by test/unit/hosts.test.ts.
 */
export function matchesWhere(pred: (s: SurfaceDef) => boolean): string[] {
  const hosts = new Set(SURFACES.filter(pred).map((s) => s.host));
  return MISTRAL_HOSTS.filter((h) => hosts.has(h)).map(matchPattern);
}

/** Where each fix lives (a function's result, as the lists above, so that a bundle which does not use it drops it). */
export const FIX_URLS = /* @__PURE__ */ fixUrls();

function fixUrls() {
  return {
    vibePrivacy: `https://${HOSTS.admin}/vibe/privacy`,
    apiPrivacy: `https://${HOSTS.admin}/plateforme/privacy`,
    subscriptions: `https://${HOSTS.admin}/subscriptions`,
    memories: `https://${HOSTS.chat}/intelligence/memories`,
    contact: 'https://mistral.ai/en/contact',
    /** The Help Center, where zero data retention is requested (seed 002, "How to request ZDR"). */
    zdrHelp: 'https://help.mistral.ai/',
    studioUpgrade: `https://${HOSTS.studio}/upgrade/subscribe?via=subscriptions`,
  } as const;
}
