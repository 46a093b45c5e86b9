/** Example stores for the store's tests (not a test file itself). */
import type { Store } from '@/lib/store/schema';

export const T = Date.UTC(2026, 9, 14, 16, 20, 0);

/**
 * A realistic version-3 store, as Windsock 0.1.0 writes it (the first released version): a Team organization seen
 * on the Admin Panel and in the chat app, an older default one, a privacy record, a shared chat, warning choices.
 * Organizations keyed by `name:` + their name (no page id shown), `lastSeen` the newest date in each.
 */
export const K = 'name:org_2b7c9e41';
export const V3_EXAMPLE: Store = {
  schemaVersion: 3,
  currentOrg: K,
  orgs: {
    [K]: {
      name: 'Atelier Nord',
      lastSeen: T,
      observations: {
        'plan:vibe': { value: 'team', via: 'account-data', where: 'vibe-chat', seenAt: T - 3_600_000, confidence: 1 },
        'plan:api': { value: 'scale', via: 'page', where: 'admin-subscriptions', seenAt: T - 7_200_000, confidence: 1 },
        'vibe-training': {
          value: 'off',
          via: 'page',
          where: 'admin-vibe-privacy',
          seenAt: T,
          confidence: 1,
          locked: true,
          replaced: { value: 'on', at: T - 86_400_000 },
        },
        'public-sharing': { value: 'off', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        feedback: { value: 'on', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'chat-retention': { value: '90d', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'api-training': { value: 'off', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
        'labs-models': { value: 'off', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
        zdr: { value: 'on', via: 'page', where: 'admin-api-privacy', seenAt: T - 60_000, confidence: 1 },
      },
      declarations: {},
    },
    default: {
      lastSeen: T - 10 * 86_400_000,
      observations: {
        'plan:vibe': {
          value: 'free',
          via: 'visible-cue',
          where: 'vibe-upgrade',
          seenAt: T - 40 * 86_400_000,
          confidence: 0.5,
        },
      },
      declarations: { 'vibe-training': { value: 'on', at: T - 10 * 86_400_000 } },
    },
  },
  settings: { language: 'fr' },
  guardsOff: ['labs'],
  bannerDismissedUntil: { [K]: T + 7 * 86_400_000 },
  shares: [{ chatId: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', at: T - 1000, org: K }],
  history: [
    { at: T - 86_400_000, org: K, kind: 'declared', key: 'vibe-training', value: 'on', previous: null },
    {
      at: T,
      org: K,
      kind: 'observed',
      key: 'vibe-training',
      value: 'off',
      previous: null,
      where: 'admin-vibe-privacy',
    },
    { at: T - 1000, org: K, kind: 'shared', key: 'chat', value: '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c' },
  ],
};
