/**
 * Windsock's in-page UI on Vibe (chat.mistral.ai): the warnings the registry wires to chat pages (feedback,
 * public share link, attachments, the composer; lib/warnings/registry.ts) and the training banner. What runs
 * here, and when:
 * - one capture-phase listener for clicks and one for Enter/Space, which look at the clicked element only
 *   (`closest()`); the composer's text handed to the background to be scanned (lib/background/scan.ts; this
 *   script carries no scanner) only on the user's own input or paste, 50 ms after the last keystroke (300 ms for a long text), in idle
 *   time, and on send; the attachment note on a file picked, dropped or pasted;
 * - the banner when the page loads, after an in-app navigation, when the context changes;
 * - nothing per DOM mutation, nothing per streamed token. The page is read by entrypoints/chat.content.ts.
 */
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';
import { startUi } from '@/lib/page/ui-script';
import { installComposerGuard } from '@/lib/page/composer';
import { startBanner } from '@/lib/page/banner';
import { showNote } from '@/lib/page/notes';
import { CHAT_IN_PAGE, wiring } from '@/lib/warnings/registry';
import { CHAT_SURFACES } from '@/lib/surfaces';

export default defineContentScript({
  matches: CONTENT_MATCHES.chatUi,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` is not used (lib/page/life.ts).
    startUi(startLife(), {
      surfaces: CHAT_SURFACES,
      warnings: wiring(CHAT_IN_PAGE, 'chat'),
      installers: { composer: (kit) => void installComposerGuard(kit) },
      notes: showNote,
      banner: startBanner,
    });
  },
});
