/**
 * The composer's warning: personal data in a message that may train a model (the verdict is `training` or
 * `unknown`). A notice near the composer while typing, and on send "Send anyway" or "Edit" (the intercept-and-
 * confirm primitive, lib/page/confirm.ts). Its in-page behaviour — reading the composer, asking the background
 * to scan it — is lib/page/composer.ts, installed by the chat page's UI script (entrypoints/chat-ui.content.ts)
 * when the registry wires this warning there; the scanner itself runs in the background (lib/background/scan.ts),
 * so no content script carries it.
 */
import { CATEGORIES } from '../scan/categories';
import { defineWarning, inPageWarning, type StringSpec } from './types';

/** The scanner's categories' names, `cat_<category>` each. */
function categoryStrings(): Record<string, StringSpec> {
  return Object.fromEntries(CATEGORIES.map((c) => [`cat_${c}`, `cat_${c}`]));
}

/** What the chat page's UI script carries (its in-page behaviour is lib/page/composer.ts, an installer). */
export const inPage = inPageWarning({
  id: 'composer',
  page: 'chat',
  dontAsk: false,
  failure: 'cautious-warning',
});

export const warning = /* @__PURE__ */ defineWarning(inPage, {
  surfaces: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-incognito', 'vibe-other'],
  strings: {
    // `$1` is left in place and filled in the page: the composer's findings never leave it.
    composerNotice: { key: 'composerNotice', args: ['$1'] },
    composerWhy: 'composerWhy',
    composerTitle: 'composerTitle',
    composerBody: { training: ['composerBodyTraining', 'composerBodyUnknown'], args: ['$1'] },
    composerUnchecked: 'composerUnchecked',
    composerSend: 'composerSend',
    composerEdit: 'composerEdit',
    listComma: { global: 'listComma' },
    .../* @__PURE__ */ categoryStrings(),
  },
});
