/**
 * The chat app's detectors (Vibe, chat.mistral.ai: plan cues, the plans page, memories), with which the background
 * reads a chat page a content script sent it (lib/offpage/read.ts). No content script carries them (issue 13).
 */
import { readControls } from '../detect/controls';
import type { DetectKit } from '../detect';
import { currentPlanCard, planBadge, planLabel, proBadge, upgradeLink } from '../detect/plan';

export const CHAT_DETECT: DetectKit = {
  controls: readControls,
  readers: {
    'upgrade-link': upgradeLink,
    'pro-badge': proBadge,
    'current-plan-card': currentPlanCard,
    'plan-badge': planBadge,
    'plan-label': planLabel,
  },
};
