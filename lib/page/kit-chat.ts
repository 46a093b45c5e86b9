/**
 * What the content script on Vibe (chat.mistral.ai) carries: the chat app's detectors (plan cues, the plans
 * page, memories). Kept apart from the Admin Panel's kit
 * so each content script bundles only its own.
 */
import { readControls } from '../detect/controls';
import type { DetectKit } from '../detect';
import { currentPlanCard, planBadge, planLabel, proBadge, upgradeLink } from '../detect/plan';
import type { PageKit } from './run';

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

export const CHAT_KIT: PageKit = { detect: CHAT_DETECT, accountData: true };
