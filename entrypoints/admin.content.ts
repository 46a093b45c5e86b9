/**
 * The content script on the Admin Panel (admin.mistral.ai); Studio has its own, entrypoints/studio.content.ts. What runs here:
 * - at document idle and after each in-app navigation: the page, sent to the background, which reads it with the
 *   privacy controls, subscriptions and plan detectors and the organization's name (lib/offpage/read.ts);
 * - on the privacy pages only, a MutationObserver limited to the attributes that carry a switch's state, so
 *   the badge follows a flipped toggle within a second; its callback only schedules one detection;
 * - no timers, nothing while the tab is hidden. No UI: the warnings are entrypoints/admin-ui.content.ts.
 */
import { startPage } from '@/lib/page/run';
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES.admin,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` only feeds the diagnostic report.
    const life = startLife();
    startPage(life, { accountData: false }, ctx);
  },
});
