/**
 * The background's message handler (lib/background/handler.ts) over WXT's fakeBrowser, for the unit tests: the real
 * store module (lib/store) on a fake storage.local, a recording badge painter and tabs port, storage.session as the
 * session port, the page tree read in-process (test/unit/dom-port.ts). test/unit/background.test.ts and
 * background-tabs.test.ts.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler, type DomPort, type Ports } from '@/lib/background/handler';
import { clearStore, readStore, update } from '@/lib/store';
import { STORE_KEY } from '@/lib/store/schema';
import { verdictFor } from '@/lib/resolve';
import { surfaceOf } from '@/lib/surfaces';
import { inProcessDom } from './dom-port';

export const RID = 'test-extension-id';
export const ORIGIN = `chrome-extension://${RID}`;
export const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

export interface Painted {
  tabId: number;
  url: string | undefined;
  org: string;
  state: string;
}

export function setup(now = () => T0, refuse?: Error, domPort?: DomPort) {
  const painted: Painted[] = [];
  const opened: number[] = [];
  const injected: { target: { tabId: number; frameId: number; documentId?: string }; file: string }[] = [];
  let paintAlls = 0;
  // Writes of the store itself (WXT also writes its version metadata, `windsock$`, with the first one).
  const writes = vi.fn();
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if (STORE_KEY in items) writes(items);
    return set(items);
  });
  const dom: DomPort & { reads?: string[]; warmed?: number } = domPort ?? inProcessDom();
  const ports: Ports = {
    store: { read: readStore, update, clear: clearStore },
    dom,
    badge: {
      paint: async (tabId, url, store, org) => {
        const s = surfaceOf(url);
        const v = s ? verdictFor({ ...store, currentOrg: org }, s.product, s.id, now()) : null;
        painted.push({ tabId, url, org, state: v?.state ?? 'none' });
      },
      paintAll: async () => {
        paintAlls++;
      },
    },
    tabs: {
      openVerdict: async (tabId) => void opened.push(tabId),
      inject: async (target, file) => {
        if (refuse) throw refuse;
        injected.push({ target, file });
      },
    },
    session: {
      get: async (key) => (await fakeBrowser.storage.session.get(key))[key],
      set: (key, value) => fakeBrowser.storage.session.set({ [key]: value }),
    },
    now,
    runtimeId: RID,
    extensionOrigin: ORIGIN,
  };
  const h = createHandler(ports);
  return { h, ports, painted, opened, injected, writes, dom, paintAlls: () => paintAlls };
}
