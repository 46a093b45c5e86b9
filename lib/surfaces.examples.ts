/** The example URLs of each surface (lib/surfaces.ts), for the tests: its own must match it, no other's. */
import type { SurfaceId } from './surfaces';

export const SURFACE_EXAMPLES: Record<SurfaceId, string[]> = {
  'vibe-chat-home': [
    'https://chat.mistral.ai/chat',
    'https://chat.mistral.ai/',
    'https://chat.mistral.ai/chat?q=hello',
  ],
  'vibe-project': ['https://chat.mistral.ai/chat/projects/7b1f0f3e-2c1d-4b9a-9b35-8e0f5e2a1c44'],
  'vibe-chat': [
    'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c',
    'https://chat.mistral.ai/chat/3F6C2A1E-8B4D-4E7A-9C2F-1D5E6F7A8B9C#x',
  ],
  'vibe-work': ['https://chat.mistral.ai/work', 'https://chat.mistral.ai/work/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
  'vibe-code': ['https://chat.mistral.ai/code', 'https://chat.mistral.ai/code/extensions'],
  'vibe-incognito': ['https://chat.mistral.ai/incognito'],
  'vibe-share': [
    'https://chat.mistral.ai/share/9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
    'https://chat.mistral.ai/share/abc123',
  ],
  'vibe-upgrade': ['https://chat.mistral.ai/upgrade/plans', 'https://chat.mistral.ai/upgrade'],
  'vibe-memories': ['https://chat.mistral.ai/intelligence/memories'],
  'vibe-other': [
    'https://chat.mistral.ai/libraries/',
    'https://chat.mistral.ai/connections',
    'https://chat.mistral.ai/chat/not-a-uuid',
  ],
  'admin-vibe-privacy': ['https://admin.mistral.ai/vibe/privacy', 'https://admin.mistral.ai/vibe/privacy/'],
  'admin-api-privacy': ['https://admin.mistral.ai/plateforme/privacy'],
  'admin-subscriptions': [
    'https://admin.mistral.ai/subscriptions',
    'https://admin.mistral.ai/subscription',
    'https://admin.mistral.ai/subscriptions/upgrade',
    'https://admin.mistral.ai/subscriptions?tab=api',
  ],
  'admin-vibe-preferences': ['https://admin.mistral.ai/vibe/preferences'],
  'admin-other': [
    'https://admin.mistral.ai/organization/billing',
    'https://admin.mistral.ai/plateforme/limits',
    'https://admin.mistral.ai/audit-logs',
    'https://admin.mistral.ai/api/privacy',
  ],
  'studio-upgrade': ['https://console.mistral.ai/upgrade/subscribe?via=subscriptions'],
  studio: [
    'https://console.mistral.ai/build/playground',
    'https://console.mistral.ai/build/agents',
    'https://console.mistral.ai/home?profile_dialog=api-keys',
    'https://console.mistral.ai/limits/',
  ],
};

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
