/**
 * The composer guard on Vibe (chat.mistral.ai): personal data typed or pasted into the message box while the
 * verdict is `training` or `unknown`. What runs here, and when:
 * - on the user's own input or paste in the composer only: one scan, 300 ms after the last keystroke, in idle
 *   time; nothing on other input, nothing per streamed token, no timers otherwise;
 * - on send (Enter in the composer, the send button): a fresh scan, and a warning when it finds something.
 * It is a script of its own so that the scanner's tables stay out of the other scripts' bundles.
 */
import { installComposerGuard } from '@/lib/page/composer';
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES.composer,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` is not used for anything.
    const life = startLife();
    installComposerGuard(life);
  },
});
