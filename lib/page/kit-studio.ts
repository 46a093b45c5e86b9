/**
 * Studio's detectors (console.mistral.ai), with which the background reads a Studio page (lib/offpage/read.ts): the
 * Studio plan readers only. Studio shows no privacy control Windsock reads and no organization switcher
 * (lib/detect/index.ts), so none of the Admin Panel's control readers or order reader read it. test/unit/kit-studio.test.ts checks it reads
 * every Studio fixture exactly as the Admin Panel's kit (which knows both hosts) does.
 */
import type { DetectKit } from '../detect';
import { currentPlanCard, planBadge, planLabel, studioHeader, upgradeBanner } from '../detect/plan';

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
