/**
 * What the content script on Studio (console.mistral.ai) carries: the Studio plan readers only. Studio shows no
 * privacy control Windsock reads and no organization switcher (lib/detect/index.ts), so none of the Admin
 * Panel's label tables, control readers or order reader ship to it. test/unit/kit-studio.test.ts checks it reads
 * every Studio fixture exactly as the Admin Panel's kit (which knows both hosts) does.
 */
import type { DetectKit } from '../detect';
import { currentPlanCard, planBadge, planLabel, studioHeader, upgradeBanner } from '../detect/plan';
import type { PageKit } from './run';

export const STUDIO_DETECT: DetectKit = {
  controls: () => [],
  readers: {
    'studio-header': studioHeader,
    'current-plan-card': currentPlanCard,
    'plan-badge': planBadge,
    'plan-label': planLabel,
    'upgrade-banner': upgradeBanner,
  },
};

export const STUDIO_KIT: PageKit = { detect: STUDIO_DETECT, accountData: false };
