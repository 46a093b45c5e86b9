/**
 * Windsock's in-page UI on the Admin Panel (admin.mistral.ai): the warnings the registry wires to admin pages
 * (Labs models; lib/warnings/registry.ts). One capture-phase listener for clicks and one for Enter/Space, which
 * look at the clicked element only; nothing per DOM mutation, no timers. Studio (console.mistral.ai) has no
 * warning and gets no UI script. The page is read by entrypoints/admin.content.ts.
 */
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';
import { startUi } from '@/lib/page/ui-script';
import { ADMIN_IN_PAGE, wiring } from '@/lib/warnings/registry';
import { ADMIN_SURFACES } from '@/lib/surfaces';

export default defineContentScript({
  matches: CONTENT_MATCHES.adminUi,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` is not used (lib/page/life.ts).
    startUi(startLife(), { surfaces: ADMIN_SURFACES, warnings: wiring(ADMIN_IN_PAGE, 'admin') });
  },
});
