/**
 * The content script on Studio (console.mistral.ai): reads the Studio plan at document idle and after each
 * in-app navigation: sends the page to the background, which reads it with the Studio plan readers
 * (lib/page/kit-studio.ts, lib/offpage/read.ts). No UI (Studio has no warning), no observer, nothing while the tab
 * is hidden.
 */
import { startPage } from '@/lib/page/run';
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES.studio,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` only feeds the diagnostic report.
    startPage(startLife(), { accountData: false }, ctx);
  },
});
