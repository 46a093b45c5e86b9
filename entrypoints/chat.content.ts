/**
 * The content script on Vibe (chat.mistral.ai). What runs here, and when:
 * - at document idle, and again after each in-app navigation: work out the page's surface from its URL, run the
 *   chat app's detectors once (plan cues, memories), read the app's own account data once, report to the
 *   background;
 * - nothing per DOM mutation on chat pages, nothing per streamed token, no timers, nothing while the tab is
 *   hidden. Everything is tied to `ctx`, so a copy orphaned by an extension update stops itself without errors.
 */
import { startPage } from '@/lib/page/run';
import { CHAT_KIT } from '@/lib/page/kit-chat';

export default defineContentScript({
  matches: ['https://chat.mistral.ai/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage(ctx, CHAT_KIT);
  },
});
