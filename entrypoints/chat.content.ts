/**
 * The reading content script on Vibe (chat.mistral.ai): at idle and after each in-app navigation it sends the page
 * to the background, which reads it with the chat app's detectors (lib/page/run.ts, lib/offpage/read.ts), and it
 * reads the app's own account data once (lib/page/run.ts). No UI here (that is
 * entrypoints/chat-ui.content.ts); nothing per DOM mutation or streamed token, nothing while the tab is hidden.
 * Security: everything hangs on a `Life` (lib/page/life.ts), which no page event can end; not on WXT's `ctx`.
 */
import { startPage } from '@/lib/page/run';
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES.chat,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` only feeds the diagnostic report.
    const life = startLife();
    startPage(life, { accountData: true }, ctx);
  },
});
