/**
 * The diagnostic report's page skeleton (lib/detect/skeleton.ts), on demand: not in the manifest
 * (`registration: 'runtime'`). The background injects it into the asking frame's isolated world
 * (lib/page/on-demand.ts) when the popup asks a reading script for a diagnosis (lib/page/run.ts `diagnose`); it
 * only hands `skeleton` to that script through that world's global.
 */
import { CONTENT_MATCHES } from '@/lib/hosts';
import { skeleton, type SkeletonPart } from '@/lib/detect/skeleton';
import { useRuleset } from '@/lib/detect/ruleset';
import { providePart } from '@/lib/page/on-demand';

export default defineContentScript({
  matches: CONTENT_MATCHES.skeleton,
  registration: 'runtime',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    // This script's own copy of the rules' holder is empty: the asking script hands over the rules it holds.
    const part: SkeletonPart = {
      skeleton: (root, ruleset) => {
        useRuleset(ruleset);
        return skeleton(root);
      },
    };
    providePart('skeleton', part);
  },
});
