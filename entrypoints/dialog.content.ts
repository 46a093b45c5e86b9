/**
 * The warning dialog (lib/page/dialog.ts), on demand: not in the manifest (`registration: 'runtime'`). The
 * background injects it into the asking frame's isolated world (lib/page/on-demand.ts) the first time one of the
 * UI scripts (entrypoints/chat-ui.content.ts, entrypoints/admin-ui.content.ts) must show a warning; it only hands
 * the dialog's API to them through that world's global. Nothing runs until a warning is shown.
 */
import { CONTENT_MATCHES } from '@/lib/hosts';
import { DIALOG } from '@/lib/page/dialog';
import { providePart } from '@/lib/page/on-demand';

export default defineContentScript({
  matches: CONTENT_MATCHES.dialog,
  registration: 'runtime',
  // No "script started" message posted to the page: it carried the extension's id (lib/page/life.ts).
  noScriptStartedPostMessage: true,
  main() {
    providePart('dialog', DIALOG);
  },
});
