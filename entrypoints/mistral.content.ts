/**
 * The content script on Mistral's pages. What runs here, and when:
 * - at document idle, and again after each in-app navigation: work out the page's surface from its URL, run
 *   the page detectors once, and report what they saw to the background;
 * - nothing per DOM mutation, nothing per streamed token, no timers, nothing while the tab is hidden.
 * Everything is tied to `ctx`, so a copy orphaned by an extension update stops itself without errors.
 */
import { startPage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://chat.mistral.ai/*', 'https://admin.mistral.ai/*', 'https://console.mistral.ai/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage(ctx);
  },
});
