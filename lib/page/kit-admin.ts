/**
 * The Admin Panel's detectors (admin.mistral.ai): the privacy controls, subscriptions and plan detectors and the
 * organization's name, with which the background reads an Admin Panel page a content script sent it
 * (lib/offpage/read.ts; no content script carries them, issue 13). It also knows Studio's plan readers, so the unit
 * tests read both hosts with it; Studio's pages are read with lib/page/kit-studio.ts.
 */
import { readControls } from '../detect/controls';
import { readByOrder } from '../detect/order';
import type { DetectKit } from '../detect';
import { readOrgName } from '../detect/org';
import { currentPlanCard, planBadge, planLabel, studioHeader, subscriptionTabs, upgradeBanner } from '../detect/plan';

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
