/**
 * Chrome's offscreen document (reason DOM_PARSER): where the service worker has the pages the reading content
 * scripts send rebuilt and read (lib/offpage/read.ts), since a service worker has no DOM. It listens to one port
 * from the service worker only (lib/background/offscreen.ts `fromBackground`), and to no runtime message: a content
 * script can neither reach it nor pass for the background. It stores nothing and reads each page in its own inert
 * document, dropped after the reading.
 */
import { browser } from 'wxt/browser';
import { readTree } from '@/lib/offpage/read';
import {
  fromBackground,
  OFFSCREEN_PORT,
  type OffscreenAnswer,
  type OffscreenRequest,
} from '@/lib/background/offscreen';

const backgroundUrl = browser.runtime.getURL('/background.js');

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== OFFSCREEN_PORT || !fromBackground(port.sender, browser.runtime.id, backgroundUrl)) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((m: unknown) => {
    const req = m as OffscreenRequest | null;
    if (!req || typeof req.id !== 'number' || typeof req.url !== 'string') return;
    let detection: OffscreenAnswer['detection'];
    try {
      detection = readTree(document.implementation, req.url, req.page);
    } catch {
      detection = null;
    }
    port.postMessage({ id: req.id, detection } satisfies OffscreenAnswer);
  });
});
