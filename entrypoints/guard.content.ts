/**
 * The in-page warnings on Mistral's pages: before a thumbs rating, a public share link and Labs models, and a
 * note when files are attached while training is on. What runs here: one capture-phase listener for clicks
 * and one for Enter/Space on role-only buttons, which look at the clicked element only (`closest()`); nothing
 * per DOM mutation, nothing per streamed token, no timers. A script of its own, so that each of Windsock's
 * content scripts stays small and a page that matches none of the guarded buttons costs one idle listener.
 */
import { startGuards } from '@/lib/page/guards';
import { matchAttach, matchFeedback, matchLabs, matchShare } from '@/lib/guard/match';
import { startLife } from '@/lib/page/life';
import { CONTENT_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES.guard,
  runAt: 'document_idle',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    // Windsock's own lifecycle, which no page event can end; WXT's `ctx` is not used for anything.
    const life = startLife();
    startGuards(life, [matchFeedback, matchShare, matchAttach, matchLabs]);
  },
});
