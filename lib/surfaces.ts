/**
 * Which Mistral page a URL is: small pure functions of the URL, one per surface. The example URLs each must
 * match are in surfaces.examples.ts (kept out of the content scripts' bundles); test/unit/surfaces.test.ts
 * checks every surface against its own examples and against every other surface's (a positive and a negative
 * matrix), so a new or changed pattern cannot steal URLs.
 */
import type { Product } from './policy/schema';

export const MISTRAL_HOSTS = ['chat.mistral.ai', 'admin.mistral.ai', 'console.mistral.ai'] as const;
export type MistralHost = (typeof MISTRAL_HOSTS)[number];

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

export interface SurfaceDef {
  id: SurfaceId;
  host: MistralHost;
  /** The data flow whose training verdict this page shows. */
  product: Product;
  /** True where the user's own chat content is on the page (warnings apply there). */
  chat: boolean;
  test: (path: string, url: URL) => boolean;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const re = (s: string) => new RegExp(`^${s}/?$`, 'i');

// Order matters: the first match wins, and the catch-alls of each host come last.
export const SURFACES: SurfaceDef[] = [
  {
    id: 'vibe-chat-home',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('(/chat)?').test(p),
  },
  {
    id: 'vibe-project',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/chat/projects/[^/]+(/.*)?').test(p),
  },
  {
    id: 'vibe-chat',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re(`/chat/${UUID}`).test(p),
  },
  {
    id: 'vibe-work',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/work(/[^/]+)?').test(p),
  },
  {
    id: 'vibe-code',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/code(/.*)?').test(p),
  },
  {
    id: 'vibe-incognito',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/incognito(/.*)?').test(p),
  },
  {
    id: 'vibe-share',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/share/[^/]+').test(p),
  },
  {
    id: 'vibe-upgrade',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/upgrade(/.*)?').test(p),
  },
  {
    id: 'vibe-memories',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/(intelligence|settings)/memor(y|ies)').test(p),
  },
  {
    id: 'vibe-other',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: () => true,
  },
  {
    id: 'admin-vibe-privacy',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/vibe/privacy').test(p),
  },
  {
    id: 'admin-api-privacy',
    host: 'admin.mistral.ai',
    product: 'api',
    chat: false,
    test: (p) => re('/plateforme/privacy').test(p),
  },
  {
    id: 'admin-subscriptions',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/subscriptions?(/.*)?').test(p),
  },
  {
    id: 'admin-vibe-preferences',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/vibe/preferences').test(p),
  },
  {
    id: 'admin-other',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: () => true,
  },
  {
    id: 'studio-upgrade',
    host: 'console.mistral.ai',
    product: 'api',
    chat: false,
    test: (p) => re('/upgrade(/.*)?').test(p),
  },
  {
    id: 'studio',
    host: 'console.mistral.ai',
    product: 'api',
    chat: false,
    test: () => true,
  },
];

export function parseUrl(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isMistralUrl(url: string | undefined | null): boolean {
  const u = parseUrl(url);
  // Exactly one of the hosts, over https, on the default port, with no credentials in the URL.
  return !!u && u.protocol === 'https:' && u.port === '' && !u.username && !u.password && (MISTRAL_HOSTS as readonly string[]).includes(u.hostname);
}

/** The surface a URL is on, or null when it is not one of Mistral's app hosts. */
export function surfaceOf(url: string | undefined | null): SurfaceDef | null {
  const u = parseUrl(url);
  if (!u || !isMistralUrl(url)) return null;
  return SURFACES.find((s) => s.host === u.hostname && s.test(u.pathname, u)) ?? null;
}

export function surfaceById(id: SurfaceId): SurfaceDef {
  return SURFACES.find((s) => s.id === id)!;
}

/** Where each fix lives. */
export const FIX_URLS = {
  vibePrivacy: 'https://admin.mistral.ai/vibe/privacy',
  apiPrivacy: 'https://admin.mistral.ai/plateforme/privacy',
  subscriptions: 'https://admin.mistral.ai/subscriptions',
  memories: 'https://chat.mistral.ai/intelligence/memories',
  contact: 'https://mistral.ai/en/contact',
  /** The Help Center, where zero data retention is requested (seed 002, "How to request ZDR"). */
  zdrHelp: 'https://help.mistral.ai/',
  studioUpgrade: 'https://console.mistral.ai/upgrade/subscribe?via=subscriptions',
} as const;
