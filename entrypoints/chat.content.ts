/**
 * The content script on Vibe (chat.mistral.ai). What runs here, and when:
 * - at document idle, and again after each in-app navigation: work out the page's surface from its URL, run the
 *   chat app's detectors once (plan cues, memories), read the app's own account data once, report to the
 *   background;
 * - nothing per DOM mutation on chat pages, nothing per streamed token, no timers, nothing while the tab is
 *   hidden. Everything is tied to a `Life` (lib/page/life.ts)
 *   that only a real loss of the extension context ends, so a copy orphaned by an extension update stops itself
 *   without errors, and no page event can stop it. No UI here: the banner and the warnings are
 *   entrypoints/chat-ui.content.ts.
 */
import { startPage } from '@/lib/page/run';
import { CHAT_KIT } from '@/lib/page/kit-chat';
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
    startPage(life, CHAT_KIT, ctx);
  },
});
