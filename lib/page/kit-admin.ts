/**
 * What the content script on the Admin Panel (admin.mistral.ai) carries: the privacy controls, subscriptions and
 * plan detectors and the organization's name. It also knows Studio's plan readers, so the unit tests read both
 * hosts with it; Studio's own script carries only those (lib/page/kit-studio.ts). Kept apart from the chat app's
 * kit so each content script bundles only its own.
 */
import { readControls } from '../detect/controls';
import { readByOrder } from '../detect/order';
import type { DetectKit } from '../detect';
import { readOrgName } from '../detect/org';
import { currentPlanCard, planBadge, planLabel, studioHeader, subscriptionTabs, upgradeBanner } from '../detect/plan';
import type { PageKit } from './run';

export const ADMIN_DETECT: DetectKit = {
  controls: readControls,
  controlOrder: readByOrder,
  readers: {
    'subscription-tab': subscriptionTabs,
    'studio-header': studioHeader,
    'current-plan-card': currentPlanCard,
    'plan-badge': planBadge,
    'plan-label': planLabel,
    'upgrade-banner': upgradeBanner,
  },
  orgName: readOrgName,
};

export const ADMIN_KIT: PageKit = { detect: ADMIN_DETECT, accountData: false };
