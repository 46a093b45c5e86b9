/**
 * Which Mistral page a URL is: small pure functions of the URL, one per surface, each with the example URLs
 * it must match. test/unit/surfaces.test.ts checks every surface against its own examples and against every
 * other surface's examples (a positive and a negative matrix), so a new or changed pattern cannot steal URLs.
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
  examples: string[];
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
    examples: ['https://chat.mistral.ai/chat', 'https://chat.mistral.ai/', 'https://chat.mistral.ai/chat?q=hello'],
  },
  {
    id: 'vibe-project',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/chat/projects/[^/]+(/.*)?').test(p),
    examples: ['https://chat.mistral.ai/chat/projects/7b1f0f3e-2c1d-4b9a-9b35-8e0f5e2a1c44'],
  },
  {
    id: 'vibe-chat',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re(`/chat/${UUID}`).test(p),
    examples: ['https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', 'https://chat.mistral.ai/chat/3F6C2A1E-8B4D-4E7A-9C2F-1D5E6F7A8B9C#x'],
  },
  {
    id: 'vibe-work',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/work(/[^/]+)?').test(p),
    examples: ['https://chat.mistral.ai/work', 'https://chat.mistral.ai/work/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
  },
  {
    id: 'vibe-code',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/code(/.*)?').test(p),
    examples: ['https://chat.mistral.ai/code', 'https://chat.mistral.ai/code/extensions'],
  },
  {
    id: 'vibe-incognito',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: true,
    test: (p) => re('/incognito(/.*)?').test(p),
    examples: ['https://chat.mistral.ai/incognito'],
  },
  {
    id: 'vibe-share',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/share/[^/]+').test(p),
    examples: ['https://chat.mistral.ai/share/9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b', 'https://chat.mistral.ai/share/abc123'],
  },
  {
    id: 'vibe-upgrade',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/upgrade(/.*)?').test(p),
    examples: ['https://chat.mistral.ai/upgrade/plans', 'https://chat.mistral.ai/upgrade'],
  },
  {
    id: 'vibe-memories',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/(intelligence|settings)/memor(y|ies)').test(p),
    examples: ['https://chat.mistral.ai/intelligence/memories'],
  },
  {
    id: 'vibe-other',
    host: 'chat.mistral.ai',
    product: 'vibe',
    chat: false,
    test: () => true,
    examples: ['https://chat.mistral.ai/libraries/', 'https://chat.mistral.ai/connections', 'https://chat.mistral.ai/chat/not-a-uuid'],
  },
  {
    id: 'admin-vibe-privacy',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/vibe/privacy').test(p),
    examples: ['https://admin.mistral.ai/vibe/privacy', 'https://admin.mistral.ai/vibe/privacy/'],
  },
  {
    id: 'admin-api-privacy',
    host: 'admin.mistral.ai',
    product: 'api',
    chat: false,
    test: (p) => re('/plateforme/privacy').test(p),
    examples: ['https://admin.mistral.ai/plateforme/privacy'],
  },
  {
    id: 'admin-subscriptions',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/subscriptions?(/.*)?').test(p),
    examples: ['https://admin.mistral.ai/subscriptions', 'https://admin.mistral.ai/subscription', 'https://admin.mistral.ai/subscriptions/upgrade', 'https://admin.mistral.ai/subscriptions?tab=api'],
  },
  {
    id: 'admin-vibe-preferences',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: (p) => re('/vibe/preferences').test(p),
    examples: ['https://admin.mistral.ai/vibe/preferences'],
  },
  {
    id: 'admin-other',
    host: 'admin.mistral.ai',
    product: 'vibe',
    chat: false,
    test: () => true,
    examples: ['https://admin.mistral.ai/organization/billing', 'https://admin.mistral.ai/plateforme/limits', 'https://admin.mistral.ai/audit-logs', 'https://admin.mistral.ai/api/privacy'],
  },
  {
    id: 'studio-upgrade',
    host: 'console.mistral.ai',
    product: 'api',
    chat: false,
    test: (p) => re('/upgrade(/.*)?').test(p),
    examples: ['https://console.mistral.ai/upgrade/subscribe?via=subscriptions'],
  },
  {
    id: 'studio',
    host: 'console.mistral.ai',
    product: 'api',
    chat: false,
    test: () => true,
    examples: ['https://console.mistral.ai/build/playground', 'https://console.mistral.ai/build/agents', 'https://console.mistral.ai/home?profile_dialog=api-keys', 'https://console.mistral.ai/limits/'],
  },
];

/** Non-Mistral URLs every surface must reject. */
export const FOREIGN_EXAMPLES = [
  'https://example.com/',
  'https://mistral.ai/en/contact',
  'https://chat.mistral.ai.evil.example/chat',
  'http://chat.mistral.ai/chat',
  'https://evil.example/?u=https://chat.mistral.ai/chat',
  'chrome://extensions/',
  'about:blank',
  'not a url',
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
  return !!u && u.protocol === 'https:' && (MISTRAL_HOSTS as readonly string[]).includes(u.hostname);
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
} as const;
