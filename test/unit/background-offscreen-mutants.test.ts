/**
 * Chrome's offscreen document as the service worker uses it (lib/background/offscreen.ts): what its mutation run
 * (Stryker, 29 November 2026) found unchecked. Over a fake closer to Chrome than offscreen.test.ts's:
 * `runtime.getContexts` filters the contexts as Chrome does (every field given must match; the service worker
 * itself is one of the contexts), `runtime.connect` with no document open gives a port that closes at once
 * ("Receiving end does not exist"), and a port can refuse a message before its closing is told.
 * Mutants that cannot change what Windsock does: test/mutation-equivalents-background.md.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBackground, offscreenDom } from '@/lib/background/offscreen';
import type { PageDetection } from '@/lib/detect';
import type { PageTree } from '@/lib/page/serialize';

const RID = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
const BG = `chrome-extension://${RID}/background.js`;
const DOC = `chrome-extension://${RID}/offscreen.html`;
const TREE: PageTree = { v: 1, root: { t: 'html' } };
const DET: PageDetection = { surface: 'vibe-chat', observations: [], planSignals: [], detectors: [] };
const PAGE = 'https://chat.mistral.ai/';

interface FakePort {
  posted: unknown[];
  /** Deliver messages from the document to this port. */
  answer(...m: unknown[]): void;
  /** Tell this port it closed. */
  disconnect(): void;
}

interface Opts {
  /** The document is open already (a previous service-worker life). */
  exists?: boolean;
  /** How long its creation takes (ms), and whether it is refused. */
  createMs?: number;
  refuse?: boolean;
  /** The document's answer to a request: the messages it posts back (none: it does not answer). */
  answer?: (req: { id: number }) => unknown[];
  /** The first port refuses its first message (closed, not told yet). */
  firstPortRefuses?: boolean;
}

function fake(opts: Opts = {}) {
  let open = !!opts.exists;
  const created: { url: string; reasons: string[]; justification: string }[] = [];
  const ports: FakePort[] = [];
  const contexts = () => [
    { contextType: 'BACKGROUND', documentUrl: BG },
    ...(open ? [{ contextType: 'OFFSCREEN_DOCUMENT', documentUrl: DOC }] : []),
  ];
  const api = {
    runtime: {
      getURL: (p: string) => `chrome-extension://${RID}${p}`,
      getContexts: async (filter: { contextTypes?: string[]; documentUrls?: string[] }) =>
        contexts().filter(
          (c) =>
            (!filter.contextTypes || filter.contextTypes.includes(c.contextType)) &&
            (!filter.documentUrls || filter.documentUrls.includes(c.documentUrl)),
        ),
      connect: () => {
        const onMessage: ((m: unknown) => void)[] = [];
        const onDisconnect: (() => void)[] = [];
        const refuses = opts.firstPortRefuses && ports.length === 0;
        const port = {
          posted: [] as unknown[],
          onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
          onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
          postMessage(m: unknown) {
            if (refuses) throw new Error('Attempting to use a disconnected port object');
            port.posted.push(m);
            const out = opts.answer?.(m as { id: number }) ?? [];
            queueMicrotask(() => port.answer(...out));
          },
          answer: (...ms: unknown[]) => ms.forEach((m) => onMessage.forEach((f) => f(m))),
          disconnect: () => onDisconnect.forEach((f) => f()),
        };
        ports.push(port);
        // No document listening: Chrome closes the port at once.
        if (!open) queueMicrotask(() => port.disconnect());
        return port;
      },
    },
    offscreen: {
      createDocument: async (p: { url: string; reasons: string[]; justification: string }) => {
        created.push(p);
        await new Promise((r) => setTimeout(r, opts.createMs ?? 5));
        if (open) throw new Error('Only a single offscreen document may be created.');
        if (opts.refuse) throw new Error('refused');
        open = true;
      },
    },
  };
  return { api: api as never, created, ports };
}

const echo = (req: { id: number }) => [{ id: req.id, detection: DET }];

afterEach(() => {
  vi.useRealTimers();
});

describe('finding the document', () => {
  it('the service worker itself is no offscreen document: the document is created, and the page read', async () => {
    const f = fake({ answer: echo });
    expect(await offscreenDom(f.api).read(PAGE, TREE)).toEqual(DET);
    expect(f.created).toHaveLength(1);
    // A justification Chrome can show (it asks for one).
    expect(f.created[0].justification).toMatch(/\w/);
  });

  it('after a service-worker restart, the open document is found by its type and URL, and used', async () => {
    const f = fake({ exists: true, answer: echo });
    expect(await offscreenDom(f.api).read(PAGE, TREE)).toEqual(DET);
    expect(f.created).toEqual([]);
  });

  it('warm() creates the document before any page is sent', async () => {
    const f = fake({ answer: echo });
    offscreenDom(f.api).warm!();
    await vi.waitFor(() => expect(f.created).toHaveLength(1));
    expect(f.ports).toEqual([]);
  });
});

describe('the deadline', () => {
  it('a creation refused is answered at once ("nothing read"), not at the deadline', async () => {
    vi.useFakeTimers();
    const f = fake({ refuse: true, answer: echo });
    let answer: unknown = 'pending';
    void offscreenDom(f.api)
      .read(PAGE, TREE)
      .then((d) => (answer = d));
    await vi.advanceTimersByTimeAsync(50);
    expect(answer).toBeNull();
  });

  it('a creation that ends after the deadline: null at the deadline, and the page is never sent', async () => {
    vi.useFakeTimers();
    const f = fake({ createMs: 4000, answer: echo });
    const read = offscreenDom(f.api).read(PAGE, TREE);
    await vi.advanceTimersByTimeAsync(3100);
    expect(await read).toBeNull();
    await vi.advanceTimersByTimeAsync(2000);
    expect(f.created).toHaveLength(1);
    expect(f.ports).toEqual([]);
  });
});

describe('the port', () => {
  it('a port that refuses the page (closed, not told yet): the page is sent again on a new port, and read', async () => {
    vi.useFakeTimers();
    const f = fake({ exists: true, firstPortRefuses: true, answer: echo });
    const read = offscreenDom(f.api).read(PAGE, TREE);
    await vi.advanceTimersByTimeAsync(200);
    expect(await read).toEqual(DET);
    expect(f.ports.map((p) => p.posted.length)).toEqual([0, 1]);
  });

  it('that old port’s closing, told late, does not drop the new one (nor send the page a third time)', async () => {
    vi.useFakeTimers();
    const f = fake({ exists: true, firstPortRefuses: true }); // the document answers by hand below
    const read = offscreenDom(f.api).read(PAGE, TREE);
    await vi.advanceTimersByTimeAsync(100);
    expect(f.ports).toHaveLength(2);
    f.ports[0].disconnect();
    await vi.advanceTimersByTimeAsync(100);
    expect(f.ports).toHaveLength(2);
    const req = f.ports[1].posted[0] as { id: number };
    f.ports[1].answer({ id: req.id, detection: DET });
    expect(await read).toEqual(DET);
  });

  it('a message on the port that is no answer (null) is ignored; the answer after it is read', async () => {
    const f = fake({ exists: true, answer: (req) => [null, { id: req.id, detection: DET }] });
    expect(await offscreenDom(f.api).read(PAGE, TREE)).toEqual(DET);
  });
});

describe('who may open the document’s port', () => {
  it('another extension, even with the background’s URL: refused', () => {
    expect(fromBackground({ id: 'another-extension-id', url: BG }, RID, BG)).toBe(false);
    expect(fromBackground({ id: RID, url: BG }, RID, BG)).toBe(true);
  });
});
