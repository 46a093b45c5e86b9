/**
 * Chrome's offscreen document as the service worker uses it (lib/background/offscreen.ts), over a fake of the two
 * APIs it calls: created lazily and once (concurrent readers share one creation; a document left by a previous
 * service-worker life is found with getContexts, not created again; a creation refused because it exists is fine),
 * talked to over its port, and every failure — creation refused, no answer in time, the document gone — read as
 * nothing (null), never a guess. And who may open that port: the background of this extension only.
 */
import { describe, expect, it, vi } from 'vitest';
import { fromBackground, offscreenDom, OFFSCREEN_PORT } from '@/lib/background/offscreen';
import type { PageDetection } from '@/lib/detect';
import type { PageTree } from '@/lib/page/serialize';

const RID = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
const BG = `chrome-extension://${RID}/background.js`;
const TREE: PageTree = { v: 1, root: { t: 'html' } };
const DET: PageDetection = { surface: 'vibe-chat', observations: [], planSignals: [], detectors: [] };

type Listener = (m: unknown) => void;
/** A fake runtime + offscreen API; the document answers each request with `answer` (or not, when null). */
function fake(opts: { exists?: boolean; createFails?: 'exists' | 'refused'; answer?: (req: unknown) => unknown } = {}) {
  let exists = !!opts.exists;
  const created: unknown[] = [];
  const ports: { name: string; posted: unknown[]; disconnect(): void }[] = [];
  const api = {
    runtime: {
      getURL: (p: string) => `chrome-extension://${RID}${p}`,
      getContexts: vi.fn(async () => (exists ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
      connect: vi.fn(({ name }: { name: string }) => {
        const onMessage: Listener[] = [];
        const onDisconnect: (() => void)[] = [];
        const port = {
          name,
          posted: [] as unknown[],
          onMessage: { addListener: (f: Listener) => onMessage.push(f) },
          onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
          postMessage(m: unknown) {
            port.posted.push(m);
            const a = opts.answer?.(m);
            if (a !== undefined) queueMicrotask(() => onMessage.forEach((f) => f(a)));
          },
          disconnect: () => onDisconnect.forEach((f) => f()),
        };
        ports.push(port);
        return port;
      }),
    },
    offscreen: {
      createDocument: vi.fn(async (p: unknown) => {
        created.push(p);
        await new Promise((r) => setTimeout(r, 5));
        if (opts.createFails === 'exists') {
          exists = true;
          throw new Error('Only a single offscreen document may be created.');
        }
        if (opts.createFails === 'refused') throw new Error('refused');
        exists = true;
      }),
    },
  };
  return { api: api as never, created, ports, gone: () => (exists = false) };
}

const echo = (req: unknown) => ({ id: (req as { id: number }).id, detection: DET });

describe('the offscreen document: created lazily, once', () => {
  it('nothing is created before a page or a warm-up; concurrent readings share one creation', async () => {
    const f = fake({ answer: echo });
    const dom = offscreenDom(f.api);
    expect(f.created).toEqual([]);
    const all = await Promise.all([1, 2, 3].map(() => dom.read('https://chat.mistral.ai/', TREE)));
    expect(all).toEqual([DET, DET, DET]);
    expect(f.created).toEqual([
      { url: '/offscreen.html', reasons: ['DOM_PARSER'], justification: expect.any(String) as string },
    ]);
    // One port, three requests over it, each answered by its id.
    expect(f.ports.map((p) => p.name)).toEqual([OFFSCREEN_PORT]);
    expect(f.ports[0].posted.map((m) => (m as { id: number }).id)).toEqual([1, 2, 3]);
  });

  it('warm() creates it ahead of the first page, once; the page then only talks to it', async () => {
    const f = fake({ answer: echo });
    const dom = offscreenDom(f.api);
    dom.warm!();
    dom.warm!();
    expect(await dom.read('https://chat.mistral.ai/', TREE)).toEqual(DET);
    expect(f.created.length).toBe(1);
  });

  it('after a service-worker restart, the document still open is found (getContexts), not created again', async () => {
    const f = fake({ exists: true, answer: echo });
    expect(await offscreenDom(f.api).read('https://chat.mistral.ai/', TREE)).toEqual(DET);
    expect(f.created).toEqual([]);
  });

  it('a creation refused because another one made it meanwhile is fine', async () => {
    const f = fake({ createFails: 'exists', answer: echo });
    expect(await offscreenDom(f.api).read('https://chat.mistral.ai/', TREE)).toEqual(DET);
  });
});

describe('every failure is "nothing read"', () => {
  it('a creation refused: null, and tried again at the next page', async () => {
    const f = fake({ createFails: 'refused', answer: echo });
    const dom = offscreenDom(f.api);
    expect(await dom.read('https://chat.mistral.ai/', TREE)).toBeNull();
    expect(await dom.read('https://chat.mistral.ai/', TREE)).toBeNull();
    expect(f.created.length).toBe(2);
  });

  it('no answer in time: null', async () => {
    vi.useFakeTimers();
    try {
      const f = fake({ exists: true });
      const read = offscreenDom(f.api).read('https://chat.mistral.ai/', TREE);
      await vi.advanceTimersByTimeAsync(3100);
      expect(await read).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the document gone (its port disconnected): the pending reading is null, the next one looks again', async () => {
    const f = fake({ exists: true });
    const dom = offscreenDom(f.api);
    const read = dom.read('https://chat.mistral.ai/', TREE);
    await new Promise((r) => setTimeout(r, 0));
    f.gone();
    f.ports[0].disconnect();
    expect(await read).toBeNull();
    const f2 = fake({ answer: echo });
    expect(await offscreenDom(f2.api).read('https://chat.mistral.ai/', TREE)).toEqual(DET);
  });

  it('a port closed before its answer (the document not listening yet): sent again on a new port, and read', async () => {
    let first = true;
    const f = fake({
      exists: true,
      answer: (req) => {
        if (!first) return echo(req);
        first = false;
        queueMicrotask(() => f.ports[0].disconnect());
        return undefined;
      },
    });
    expect(await offscreenDom(f.api).read('https://chat.mistral.ai/', TREE)).toEqual(DET);
    expect(f.ports).toHaveLength(2);
    expect(f.ports[1].posted).toHaveLength(1);
  });

  it('a port that keeps closing: tried three times in all, then null, within the deadline', async () => {
    const f = fake({ exists: true, answer: () => void queueMicrotask(() => f.ports.at(-1)!.disconnect()) });
    const t0 = Date.now();
    expect(await offscreenDom(f.api).read('https://chat.mistral.ai/', TREE)).toBeNull();
    expect(f.ports).toHaveLength(3);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('an answer that is no reading, or for another request, is no reading', async () => {
    vi.useFakeTimers();
    try {
      const f = fake({ exists: true, answer: (req) => ({ id: (req as { id: number }).id + 1, detection: DET }) });
      const read = offscreenDom(f.api).read('https://chat.mistral.ai/', TREE);
      await vi.advanceTimersByTimeAsync(3100);
      expect(await read).toBeNull();
      const g = fake({ exists: true, answer: (req) => ({ id: (req as { id: number }).id, detection: 'on' }) });
      expect(await offscreenDom(g.api).read('https://chat.mistral.ai/', TREE)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('who may open the offscreen document’s port: this extension’s background only', () => {
  it.each([
    ['the background', { id: RID, url: BG }, true],
    ['a content script (has a tab, a page URL)', { id: RID, url: 'https://chat.mistral.ai/', tab: { id: 1 } }, false],
    ['a content script claiming the background’s URL', { id: RID, url: BG, tab: { id: 1 } }, false],
    ['another extension page (the popup)', { id: RID, url: `chrome-extension://${RID}/popup.html` }, false],
    ['another extension', { id: 'another-extension-id', url: BG.replace(RID, 'another-extension-id') }, false],
    ['no sender', undefined, false],
  ])('%s: %s', (_name, sender, ok) => {
    expect(fromBackground(sender, RID, BG)).toBe(ok);
  });
});

describe('one deadline for the whole reading', () => {
  it('a creation that never ends: null in time, and the page is never sent', async () => {
    vi.useFakeTimers();
    try {
      const f = fake({ answer: echo });
      (f.api as { offscreen: { createDocument: unknown } }).offscreen.createDocument = vi.fn(
        () => new Promise(() => undefined),
      );
      const read = offscreenDom(f.api).read('https://chat.mistral.ai/', TREE);
      await vi.advanceTimersByTimeAsync(3100);
      expect(await read).toBeNull();
      expect(f.ports).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
