/**
 * The gestures Windsock warns before, as data: how to recognise each target on the page. The real labels of
 * Vibe's thumbs buttons are unknown (shared/notes/mistral-surfaces.md), so feedback buttons are recognised by
 * several independent signals: their label (English, French), their icon, and their place in the action bar
 * under an assistant turn. Matching is in match.ts; test/unit/guard.test.ts runs it over every fixture.
 */
import type { SurfaceId } from '../surfaces';

export type GuardKind = 'feedback' | 'share-link' | 'share-public' | 'labs' | 'attach';

export const FEEDBACK = {
  labels: {
    like: ['like', 'thumbs up', 'thumb up', 'good response', 'helpful', 'i like this', "j'aime", 'pouce levé', 'pouce en l’air', 'bonne réponse', 'utile', 'j’aime'],
    dislike: ['dislike', 'thumbs down', 'thumb down', 'bad response', 'not helpful', "i don't like this", "je n'aime pas", 'je n’aime pas', 'pouce baissé', 'mauvaise réponse', 'pas utile'],
  },
  /** Icon class names (lucide, tabler, heroicons) and path openings of the common thumbs icons. */
  iconClasses: { like: ['thumbs-up', 'thumb-up', 'hand-thumb-up'], dislike: ['thumbs-down', 'thumb-down', 'hand-thumb-down'] },
  iconPaths: { like: ['M7 10v12', 'M7 11v8a1 1 0 0 1 -1 1h-2'], dislike: ['M17 14V2', 'M7 13v-8a1 1 0 0 0 -1 -1h-2'] },
  /** The turn a rating belongs to. */
  assistantTurn: '[data-message-author-role="assistant"]',
  /** Labels that say a button is something else, whatever its place. */
  notFeedback: ['copy', 'copier', 'rewrite', 'regenerate', 'réécrire', 'régénérer', 'share', 'partager', 'edit', 'modifier', 'more', 'plus', 'read aloud', 'lire à voix haute'],
};

export const SHARE = {
  /** The choice in the Share dialog that creates a public link. */
  linkLabels: ['share by link', 'share via link', 'create link', 'partager par lien', 'partager via un lien', 'partager avec un lien', 'créer un lien'],
  /** The switch that makes (or keeps) the link public; switching it on is warned, switching it off is not. */
  publicLabels: ['link accessible to anyone', 'anyone with the link', 'lien accessible à tous', 'toute personne disposant du lien', 'accessible à tous'],
};

export const ATTACH = {
  labels: ['add files', 'attach', 'attach files', 'upload files', 'ajouter des fichiers', 'joindre', 'joindre des fichiers', 'importer des fichiers'],
};

/** Where each guard applies. */
export const GUARD_SURFACES: Record<GuardKind, SurfaceId[]> = {
  feedback: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-incognito', 'vibe-other'],
  'share-link': ['vibe-chat', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
  'share-public': ['vibe-chat', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
  labs: ['admin-api-privacy'],
  attach: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
};
