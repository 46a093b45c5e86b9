/**
 * The background's DOM port (lib/background/handler.ts `DomPort`) for the unit tests: the page tree rebuilt and read
 * in-process (lib/offpage/read.ts) on a happy-dom document, as Firefox's background page does in its own DOM and
 * Chrome's offscreen document in its. `reads` records each page read (its URL).
 */
import { Window } from 'happy-dom';
import type { DomPort } from '@/lib/background/handler';
import { readTree } from '@/lib/offpage/read';

export function inProcessDom(): DomPort & { reads: string[]; warmed: number } {
  const win = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const reads: string[] = [];
  const port = {
    reads,
    warmed: 0,
    warm() {
      port.warmed++;
    },
    async read(url: string, page: Parameters<DomPort['read']>[1]) {
      reads.push(url);
      return readTree(win.document.implementation as unknown as DOMImplementation, url, page);
    },
  };
  return port;
}
