/**
 * The composer's text scanned in the background (issue 13): the `scan-text` message (lib/messages.ts) and its
 * handling (lib/background/handler.ts, lib/background/scan.ts), over WXT's fakeBrowser.
 * - Who may send it: a top-frame content script of a chat.mistral.ai page where the composer guard runs, about
 *   its own origin; nobody else (the full sender table is in background.test.ts).
 * - The cap: the scanner's MAX_LENGTH characters, no more.
 * - The answer: counts per category, written out by hand here (the oracle), never a value; nothing stored, no
 *   log, and no text in any error.
 * - A newer request from the same tab abandons an older one (never one a send waits for); other messages are
 *   answered while a long text is scanned.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler, type Ports } from '@/lib/background/handler';
import { makeScanner, Superseded, type ScannerOptions, type ScanStats } from '@/lib/background/scan';
import { accept, type SenderLike } from '@/lib/messages';
import { MAX_LENGTH } from '@/lib/scan/categories';
import { clearStore, readStore, update } from '@/lib/store';

const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined || '__stryker__' in globalThis;
const heavy = underStryker ? it.skip : it;

const RID = 'test-extension-id';
const ORIGIN = `chrome-extension://${RID}`;
const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const CHAT_HOME = 'https://chat.mistral.ai/chat';
const ADMIN = 'https://admin.mistral.ai/vibe/privacy';
const STUDIO = 'https://console.mistral.ai/build/playground';
const page = (url: string, tabId = 7, frameId = 0): SenderLike => ({ id: RID, url, tab: { id: tabId, url }, frameId });

const IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const EMAIL = 'camille.martin@example.fr';
const SECRET_TEXT = `Please wire it to ${IBAN} and write to ${EMAIL} or ${EMAIL.replace('camille', 'paul')}.`;

function setup(scanner?: ScannerOptions) {
  const writes = vi.fn();
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    writes(items);
    return set(items);
  });
  const sessionSet = vi.fn(async (key: string, value: unknown) => fakeBrowser.storage.session.set({ [key]: value }));
  const ports: Ports = {
    store: { read: readStore, update, clear: clearStore },
    badge: { paint: async () => undefined, paintAll: async () => undefined },
    tabs: { openVerdict: async () => undefined, inject: async () => undefined },
    dom: { read: async () => null },
    session: { get: async (key) => (await fakeBrowser.storage.session.get(key))[key], set: sessionSet },
    now: () => Date.UTC(2026, 10, 29),
    runtimeId: RID,
    extensionOrigin: ORIGIN,
    scanner,
  };
  return { h: createHandler(ports), writes, sessionSet };
}

const scanMsg = (text: string, seq = 1, url = CHAT, send?: boolean) => ({
  type: 'scan-text',
  url,
  text,
  seq,
  ...(send === undefined ? {} : { send }),
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('scan-text: who may send it, and how much', () => {
  it('a chat page’s content script, about its own origin, on every chat surface the composer guard runs on', () => {
    for (const url of [CHAT, CHAT_HOME, 'https://chat.mistral.ai/incognito'])
      expect(accept(scanMsg('x', 1, url), page(url), RID, ORIGIN).ok, url).toBe(true);
  });

  it('refused from the Admin Panel and Studio, about another origin, from a subframe or another extension', () => {
    const refused = (raw: unknown, sender: SenderLike) => {
      const r = accept(raw, sender, RID, ORIGIN);
      return r.ok ? 'accepted' : r.error;
    };
    expect(refused(scanMsg('x', 1, ADMIN), page(ADMIN))).toMatch(/shows no composer guard/);
    expect(refused(scanMsg('x', 1, STUDIO), page(STUDIO))).toMatch(/shows no composer guard/);
    expect(refused(scanMsg('x', 1, ADMIN), page(CHAT))).toMatch(/does not match its sender/);
    expect(refused(scanMsg('x', 1, CHAT), page(ADMIN))).toMatch(/does not match its sender/);
    expect(refused(scanMsg('x'), page(CHAT, 7, 2))).toBe('untrusted sender');
    expect(refused(scanMsg('x'), { ...page(CHAT), id: 'another-extension' })).toBe('untrusted sender');
    expect(
      refused(scanMsg('x', 1, 'https://chat.mistral.ai.evil.com/chat'), page('https://chat.mistral.ai.evil.com/chat')),
    ).toBe('untrusted sender');
  });

  it('at most 1,000,000 characters (the scanner’s own cap); seq a non-negative integer; nothing else missing', () => {
    expect(MAX_LENGTH).toBe(1_000_000);
    const ok = (raw: unknown) => accept(raw, page(CHAT), RID, ORIGIN).ok;
    expect(ok(scanMsg('a'.repeat(1_000_000)))).toBe(true);
    expect(ok(scanMsg('a'.repeat(1_000_001)))).toBe(false);
    expect(ok(scanMsg('x', -1))).toBe(false);
    expect(ok(scanMsg('x', 1.5))).toBe(false);
    expect(ok({ type: 'scan-text', url: CHAT, text: 'x' })).toBe(false);
    expect(ok({ type: 'scan-text', url: CHAT, seq: 1 })).toBe(false);
    expect(ok({ ...scanMsg('x'), send: 'yes' })).toBe(false);
  });

  it('a refusal says why without the text', () => {
    const r = accept(scanMsg(`${SECRET_TEXT}`.repeat(40_000)), page(CHAT), RID, ORIGIN);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/camille|3000 6000/);
  });
});

describe('scan-text: the answer', () => {
  it('counts per category, the request’s number, and never a value', async () => {
    const { h } = setup();
    const a = await h.onMessage(scanMsg(SECRET_TEXT, 41), page(CHAT));
    expect(a).toEqual({ ok: true, seq: 41, counts: { iban: 1, email: 2 } });
    expect(JSON.stringify(a)).not.toMatch(/camille|paul|3000|FR76|example/);
  });

  it('nothing found: empty counts', async () => {
    const { h } = setup();
    expect(await h.onMessage(scanMsg('Write me a haiku about the wind', 2), page(CHAT))).toEqual({
      ok: true,
      seq: 2,
      counts: {},
    });
  });

  it('nothing stored, in storage.local or storage.session, and nothing logged', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { h, writes, sessionSet } = setup();
    await h.onMessage(scanMsg(SECRET_TEXT), page(CHAT));
    expect(writes).not.toHaveBeenCalled();
    expect(sessionSet).not.toHaveBeenCalled();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/camille/);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toMatch(/camille/);
    for (const l of logs) expect(l).not.toHaveBeenCalled();
  });

  it('answers while the store hangs (it needs neither the store nor storage.session)', async () => {
    const never = () => new Promise<never>(() => undefined);
    const h = createHandler({
      store: { read: never, update: never, clear: never },
      badge: { paint: never, paintAll: never },
      tabs: { openVerdict: never, inject: never },
      dom: { read: never },
      session: { get: never, set: never },
      now: () => 0,
      runtimeId: RID,
      extensionOrigin: ORIGIN,
    });
    expect(await h.onMessage(scanMsg(`mail ${EMAIL}`), page(CHAT))).toEqual({ ok: true, seq: 1, counts: { email: 1 } });
  });

  it('a scan that fails answers "scan failed", never with the text, even when the error carries it', async () => {
    const { h } = setup({
      sliceMs: 0,
      pause: () => {
        throw new Error(`boom ${SECRET_TEXT}`);
      },
    });
    const a = await h.onMessage(scanMsg(SECRET_TEXT.repeat(50), 3), page(CHAT));
    expect(a).toEqual({ ok: false, seq: 3, error: 'scan failed' });
  });

  it('the test build’s record holds durations and the length only', async () => {
    const seen: ScanStats[] = [];
    const { h } = setup({ onScanned: (s) => seen.push(s) });
    await h.onMessage(scanMsg(SECRET_TEXT), page(CHAT));
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0]).sort()).toEqual(['chars', 'longestSliceMs', 'ms', 'slices']);
    expect(seen[0].chars).toBe(SECRET_TEXT.length);
  });
});

describe('scan-text: newer requests, and the rest of the background meanwhile', () => {
  /** A pause the test releases by hand. */
  function gate() {
    const waiting: (() => void)[] = [];
    return {
      pause: () => new Promise<void>((r) => waiting.push(r)),
      release: () => waiting.splice(0).forEach((r) => r()),
      waiting: () => waiting.length,
    };
  }
  const LONG = `${'lorem ipsum dolor sit amet, '.repeat(4000)} ${EMAIL}`;

  it('a newer request from the same tab abandons the older one at its next slice', async () => {
    const g = gate();
    const countsOf = makeScanner({ sliceMs: 0, pause: g.pause });
    const old = countsOf('7', LONG, 1);
    await vi.waitFor(() => expect(g.waiting()).toBe(1));
    const fresh = countsOf('7', LONG, 2);
    g.release();
    await expect(old).rejects.toBeInstanceOf(Superseded);
    const pump = setInterval(g.release, 1);
    try {
      expect(await fresh).toEqual({ email: 1 });
    } finally {
      clearInterval(pump);
    }
  });

  it('never the one a held send waits for; and another tab’s request abandons nothing', async () => {
    const g = gate();
    const countsOf = makeScanner({ sliceMs: 0, pause: g.pause });
    const send = countsOf('7', LONG, 1, true);
    const other = countsOf('8', LONG, 1);
    await vi.waitFor(() => expect(g.waiting()).toBe(2));
    const newer = countsOf('7', LONG, 2);
    const pump = setInterval(g.release, 1);
    try {
      expect(await Promise.all([send, other, newer])).toEqual([{ email: 1 }, { email: 1 }, { email: 1 }]);
    } finally {
      clearInterval(pump);
    }
  });

  it('through the handler: the abandoned request is answered "superseded", the newer one with its counts', async () => {
    const g = gate();
    const { h } = setup({ sliceMs: 0, pause: g.pause });
    const old = h.onMessage(scanMsg(LONG, 1), page(CHAT));
    await vi.waitFor(() => expect(g.waiting()).toBe(1));
    const fresh = h.onMessage(scanMsg(LONG, 2), page(CHAT));
    const pump = setInterval(g.release, 1);
    try {
      expect(await old).toEqual({ ok: false, seq: 1, error: 'superseded' });
      expect(await fresh).toEqual({ ok: true, seq: 2, counts: { email: 1 } });
    } finally {
      clearInterval(pump);
    }
  });

  it('an older request arriving late abandons itself, not the newer one; number 0 is a request like any other', async () => {
    const g = gate();
    const countsOf = makeScanner({ sliceMs: 0, pause: g.pause });
    const newer = countsOf('7', LONG, 2);
    await vi.waitFor(() => expect(g.waiting()).toBe(1));
    const late = countsOf('7', LONG, 1);
    const first = countsOf('9', LONG, 0);
    const pump = setInterval(g.release, 1);
    try {
      await expect(late).rejects.toBeInstanceOf(Superseded);
      expect(await newer).toEqual({ email: 1 });
      expect(await first).toEqual({ email: 1 });
    } finally {
      clearInterval(pump);
    }
  });

  it('once a tab’s scans are over, its numbering may start again (a reloaded page counts from 1)', async () => {
    const countsOf = makeScanner({ sliceMs: 0, pause: () => Promise.resolve() });
    expect(await countsOf('7', LONG, 5)).toEqual({ email: 1 });
    expect(await countsOf('7', LONG, 1)).toEqual({ email: 1 });
  });

  it('the default pause lets other tasks run between two slices', async () => {
    const countsOf = makeScanner({ sliceMs: 0 });
    const order: string[] = [];
    const scan = countsOf('7', LONG, 1).then(() => order.push('scan'));
    setTimeout(() => order.push('timer'), 0);
    await scan;
    expect(order).toEqual(['timer', 'scan']);
  });

  it('the record of a scan in slices: its slices, the longest, the whole time', async () => {
    const seen: ScanStats[] = [];
    const countsOf = makeScanner({
      sliceMs: 0,
      pause: () => new Promise((r) => setTimeout(r, 2)),
      onScanned: (x) => seen.push(x),
    });
    await countsOf('7', LONG, 1);
    expect(seen).toHaveLength(1);
    const [x] = seen;
    expect(x.chars).toBe(LONG.length);
    expect(x.slices).toBeGreaterThan(1);
    expect(x.longestSliceMs).toBeGreaterThan(0);
    expect(x.longestSliceMs).toBeLessThan(x.ms);
    // The pauses (at least 2 ms each) are in the whole time, not in any slice.
    expect(x.ms).toBeGreaterThanOrEqual(2 * (x.slices - 1));
    expect(x.ms).toBeLessThan(60_000);
  });

  heavy('other messages are answered while 1 MB is scanned (the default pause lets other tasks run)', async () => {
    const { h } = setup();
    const big =
      `${'lorem ipsum dolor sit amet, 06 12 34 56 78 '.repeat(22_000)}`.slice(0, MAX_LENGTH - 40) + ` ${EMAIL}`;
    const order: string[] = [];
    const scan = h.onMessage(scanMsg(big), page(CHAT)).then((a) => (order.push('scan'), a));
    await new Promise((r) => setTimeout(r, 5));
    const ctx = h
      .onMessage({ type: 'get-context', url: CHAT, lang: 'en' }, page(CHAT))
      .then(() => order.push('context'));
    await Promise.all([scan, ctx]);
    expect(order).toEqual(['context', 'scan']);
    expect(((await scan) as unknown as { counts: Record<string, number> }).counts.email).toBe(1);
  });
});
