/**
 * Chrome: where the service worker has a page read (issue 13). A service worker has no DOM, so the pages the reading
 * content scripts send (`page-dom`) are rebuilt and read in an offscreen document (entrypoints/offscreen/, reason
 * DOM_PARSER, the `offscreen` permission: Chrome's manifest only). Firefox's background page has a DOM and reads
 * them itself (entrypoints/background.ts).
 *
 * - The document is created lazily, once: on the first `get-rules` (a page is about to be sent) or the first page;
 *   concurrent callers share one creation, and after a service-worker restart `runtime.getContexts` finds the
 *   document still open instead of creating a second one (which Chrome refuses).
 * - The service worker talks to it over a port (`runtime.connect`, name OFFSCREEN_PORT), never `runtime.sendMessage`:
 *   a content script's messages (the composer's text among them) are broadcast to every extension page listening to
 *   onMessage, and the offscreen document listens to none. The document accepts a port from the service worker only
 *   (extension id, the background's URL, no tab): a content script can neither reach nor impersonate it.
 * - No answer within READ_TIMEOUT_MS, a closed document, a refused creation: null, "nothing read". The next page
 *   tries again.
 */
import { browser } from 'wxt/browser';
import type { PageDetection } from '../detect';
import type { PageTree } from '../page/serialize';
import type { DomPort } from './handler';

/** The port's name. */
export const OFFSCREEN_PORT = 'windsock-offscreen';
/** The offscreen page (entrypoints/offscreen/index.html). */
const OFFSCREEN_PATH = '/offscreen.html';
/** Below the content script's own 4 s (lib/page/client.ts), so that the handler answers "not read" in time. */
const READ_TIMEOUT_MS = 3000;

/** A request over the port, and its answer. */
export interface OffscreenRequest {
  id: number;
  url: string;
  page: PageTree;
}
export interface OffscreenAnswer {
  id: number;
  detection: PageDetection | null;
}

/** The sender of a port the offscreen document accepts: the service worker of this extension, nothing else. */
export function fromBackground(
  sender: { id?: string; url?: string; tab?: unknown } | undefined,
  runtimeId: string,
  backgroundUrl: string,
): boolean {
  return !!sender && sender.id === runtimeId && !sender.tab && sender.url === backgroundUrl;
}

type Api = Pick<typeof browser, 'runtime' | 'offscreen'>;

export function offscreenDom(api: Api = browser): DomPort {
  const url = api.runtime.getURL(OFFSCREEN_PATH);
  let ready: Promise<void> | null = null;
  let port: ReturnType<Api['runtime']['connect']> | null = null;
  let seq = 0;
  /** Each reading waiting for its answer; `lost`: the port closed before it came (the reading may be tried again). */
  const pending = new Map<number, (d: PageDetection | null, lost?: boolean) => void>();

  const exists = async () =>
    (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0;
  const ensure = () =>
    (ready ??= (async () => {
      if (await exists()) return;
      try {
        await api.offscreen.createDocument({
          url: OFFSCREEN_PATH,
          reasons: ['DOM_PARSER'],
          justification: "Read the Mistral page a content script sent, with Windsock's detectors, off the page.",
        });
      } catch (e) {
        // Created meanwhile by another caller of a previous service-worker life: fine.
        if (!(await exists())) throw e;
      }
    })().catch((e: unknown) => {
      ready = null;
      throw e;
    }));

  const drop = (p: typeof port) => {
    if (port !== p) return;
    port = null;
    ready = null; // The document may be gone: look again next time.
    const waiting = [...pending.values()];
    pending.clear();
    for (const done of waiting) done(null, true);
  };
  const connect = () => {
    if (port) return port;
    const p = api.runtime.connect({ name: OFFSCREEN_PORT });
    p.onMessage.addListener((m: unknown) => {
      const a = m as OffscreenAnswer | null;
      const done = a && typeof a.id === 'number' ? pending.get(a.id) : undefined;
      if (!done) return;
      pending.delete(a!.id);
      done(a!.detection && typeof a!.detection === 'object' ? a!.detection : null);
    });
    p.onDisconnect.addListener(() => drop(p));
    return (port = p);
  };

  return {
    warm() {
      ensure().catch(() => undefined);
    },
    read(pageUrl, page) {
      // One deadline for the whole reading: creating the document, sending the page, its answer.
      // A port that closes before the answer (the document closed, or not listening yet just after its creation) is
      // tried again, twice at most, within the same deadline.
      const id = ++seq;
      return new Promise<PageDetection | null>((resolve) => {
        let over = false;
        let tries = 0;
        const timer = setTimeout(() => done(null), READ_TIMEOUT_MS);
        const done = (d: PageDetection | null) => {
          if (over) return;
          over = true;
          clearTimeout(timer);
          pending.delete(id);
          resolve(d);
        };
        const attempt = () => {
          tries++;
          ensure().then(
            () => {
              if (over) return; // Past the deadline: the page is not sent at all.
              pending.set(id, (d, lost) => (lost && tries < 3 ? void setTimeout(attempt, 50) : done(d)));
              try {
                connect().postMessage({ id, url: pageUrl, page } satisfies OffscreenRequest);
              } catch {
                drop(port);
              }
            },
            () => done(null),
          );
        };
        attempt();
      });
    },
  };
}
