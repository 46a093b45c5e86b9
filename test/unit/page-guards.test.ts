// @vitest-environment happy-dom
/**
 * The warnings' interception logic (lib/page/warnings.ts `installWarnings`, through the primitive of lib/page/confirm.ts) in the unit loop, on a replica chat
 * page in happy-dom: a trusted click on a thumb is stopped before the page's own handler and asks; cancel lets
 * nothing through; confirm lets the original click through exactly once; an untrusted (page-made) click is not
 * intercepted; a choice not to ask replays at once; clearing a rating is not warned; a second click while
 * asking brings the open warning back (never a second one, never a click through); Enter on a role-only button is guarded, on a real button left to its click; after the
 * content script is invalidated nothing is intercepted. The dialog itself (lib/page/ui.ts) is stubbed: the e2e
 * suite drives the real one.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const warn = vi.fn();
const nudge = vi.fn();
const note = vi.fn();
vi.mock('@/lib/page/ui', async (orig) => ({
  ...(await orig<typeof import('@/lib/page/ui')>()),
  warn: (...a: unknown[]) => warn(...a),
  nudgeWarning: () => nudge(),
  destroyUi: vi.fn(),
}));

const { installWarnings } = await import('@/lib/page/warnings');
const { offlineText } = await import('@/lib/page/ui');
const { REGISTRY } = await import('@/lib/warnings/registry');
const { CHAT_SURFACES } = await import('@/lib/surfaces');
const { findSurface } = await import('@/lib/hosts');

const CHAT_URL = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const html = readFileSync('test/fixtures/vibe-chat.free.en.html', 'utf8');
const bodyStart = html.indexOf('>', html.indexOf('<body')) + 1;
const body = html.slice(bodyStart, html.lastIndexOf('</body>')).replace(/<script[\s\S]*?<\/script>/g, '');

const STRINGS = new Proxy({}, { get: (_t, k) => `[${String(k)}]` }) as Record<string, string>;
const context = (ask = true) => ({
  state: 'training' as const,
  product: 'vibe' as const,
  lang: 'en' as const,
  ask: { feedback: ask, share: ask, labs: ask },
  banner: false,
  fixUrl: '',
  strings: STRINGS,
});

function setup(opts: { ask?: boolean; notes?: boolean } = {}) {
  document.body.innerHTML = body;
  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions | undefined][] = [];
  const ctx = {
    isInvalid: false,
    signal: new AbortController().signal,
    onInvalidated: () => undefined,
    addEventListener: (t: EventTarget, type: string, h: EventListener, o?: AddEventListenerOptions) => {
      listeners.push([t, type, h, o]);
      t.addEventListener(type, h, o);
    },
  };
  const deps = {
    surface: () => findSurface(CHAT_SURFACES, location.href),
    showNote: opts.notes === false ? undefined : note,
    context: vi.fn(async () => context(opts.ask ?? true)),
    ask: vi.fn(async () => null),
    onChoice: vi.fn(),
    warnings: REGISTRY.wiring('chat').filter((w) => w.id !== 'composer'),
    counters: { guarded: 0, confirmed: 0, cancelled: 0 },
  };
  installWarnings(ctx as never, deps);
  const like = document.querySelector(
    '[data-message-author-role="assistant"] button[aria-label="Like"]',
  ) as HTMLButtonElement;
  let pageClicks = 0;
  like.addEventListener('click', () => pageClicks++);
  const remove = () => listeners.forEach(([t, type, h, o]) => t.removeEventListener(type, h, o));
  return { ctx, deps, like, pageClicks: () => pageClicks, remove };
}

/** A click as the user makes it (isTrusted: true), which page scripts cannot forge. */
function trustedClick(el: Element) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { get: () => true });
  el.dispatchEvent(e);
  return e;
}
function trustedKey(el: Element, key: string) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { get: () => true });
  el.dispatchEvent(e);
  return e;
}
/**
 * Everything the guard has started, run to its end: pending promises, and every timer (fake timers, so that "nothing
 * got through" is checked after anything the code could still do later, not after a pause that a late replay
 * would outlast).
 */
const settle = () => vi.runAllTimersAsync();

let cleanup: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  cleanup?.();
  nudge.mockReset();
  warn.mockReset();
  note.mockReset();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(CHAT_URL);
});

describe('installWarnings', () => {
  it('a trusted click on a thumb is stopped before the page sees it; cancel lets nothing through', async () => {
    const t = setup();
    cleanup = t.remove;
    warn.mockResolvedValue({ confirmed: false });
    const e = trustedClick(t.like);
    expect(e.defaultPrevented).toBe(true);
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][1]).toMatchObject({ title: '[feedbackTitle]', confirm: '[feedbackConfirm]' });
    await settle();
    expect(t.pageClicks()).toBe(0);
    expect(t.deps.counters).toEqual({ guarded: 1, confirmed: 0, cancelled: 1 });
  });

  it('confirm lets the original click through exactly once, and stores a "don\'t ask again" choice', async () => {
    const t = setup();
    cleanup = t.remove;
    warn.mockResolvedValue({ confirmed: true, dontAsk: 'session' });
    trustedClick(t.like);
    await settle();
    await settle();
    expect(t.pageClicks()).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(t.deps.onChoice).toHaveBeenCalledWith('feedback', 'session');
    expect(t.deps.counters).toEqual({ guarded: 1, confirmed: 1, cancelled: 0 });
  });

  it('confirm without "don\'t ask again" stores no choice', async () => {
    const t = setup();
    cleanup = t.remove;
    warn.mockResolvedValue({ confirmed: true });
    trustedClick(t.like);
    await settle();
    await settle();
    expect(t.pageClicks()).toBe(1);
    expect(t.deps.onChoice).not.toHaveBeenCalled();
  });

  it.each([false, true])(
    'no answer from the background: the cautious warning is shown, never a silent pass (confirmed: %s)',
    async (confirmed) => {
      const t = setup();
      cleanup = t.remove;
      t.deps.context.mockResolvedValue(null as never);
      warn.mockResolvedValue({ confirmed });
      trustedClick(t.like);
      await settle();
      await settle();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][1]).toEqual(offlineText());
      expect(t.pageClicks()).toBe(confirmed ? 1 : 0);
      expect(t.deps.onChoice).not.toHaveBeenCalled();
    },
  );

  it('an untrusted click (made by a page script) is not intercepted', async () => {
    const t = setup();
    cleanup = t.remove;
    t.like.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await settle();
    expect(warn).not.toHaveBeenCalled();
    expect(t.pageClicks()).toBe(1);
    expect(t.deps.counters.guarded).toBe(0);
  });

  it('when the user chose not to be asked, the click goes through at once, once, without a warning', async () => {
    const t = setup({ ask: false });
    cleanup = t.remove;
    trustedClick(t.like);
    await settle();
    await settle();
    expect(warn).not.toHaveBeenCalled();
    expect(t.pageClicks()).toBe(1);
  });

  it('clearing an active rating is not warned and not stopped', async () => {
    const t = setup();
    cleanup = t.remove;
    t.like.setAttribute('aria-pressed', 'true');
    const e = trustedClick(t.like);
    expect(e.defaultPrevented).toBe(false);
    await settle();
    expect(warn).not.toHaveBeenCalled();
    expect(t.pageClicks()).toBe(1);
  });

  it('a second click while the warning is open brings that warning back, not a second one, and does not go through', async () => {
    const t = setup();
    cleanup = t.remove;
    let answer!: (v: unknown) => void;
    warn.mockReturnValue(new Promise((r) => (answer = r)));
    trustedClick(t.like);
    await settle();
    const second = trustedClick(t.like);
    expect(second.defaultPrevented).toBe(true);
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(nudge).toHaveBeenCalledTimes(1);
    answer({ confirmed: false });
    await settle();
    expect(t.pageClicks()).toBe(0);
  });

  it('Enter on a role-only button is guarded; on a real button it is left to the click it becomes', async () => {
    const t = setup();
    cleanup = t.remove;
    warn.mockResolvedValue({ confirmed: false });
    const e = trustedKey(t.like, 'Enter');
    expect(e.defaultPrevented).toBe(false);
    const bar = t.like.closest('.action-bar')!;
    const div = document.createElement('div');
    div.setAttribute('role', 'button');
    div.setAttribute('aria-label', 'Dislike');
    bar.append(div);
    const k = trustedKey(div, 'Enter');
    expect(k.defaultPrevented).toBe(true);
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    const other = trustedKey(div, 'a');
    expect(other.defaultPrevented).toBe(false);
  });

  it('after the content script is invalidated, nothing is intercepted', async () => {
    const t = setup();
    cleanup = t.remove;
    t.ctx.isInvalid = true;
    const e = trustedClick(t.like);
    expect(e.defaultPrevented).toBe(false);
    await settle();
    expect(warn).not.toHaveBeenCalled();
    expect(t.pageClicks()).toBe(1);
  });
});

describe("the page's surface, from its UI script's own host list (lib/surfaces.ts, CHAT_SURFACES)", () => {
  const setURL = (u: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(u);

  it.each([
    ['https://chat.mistral.ai/chat/projects/p1', 'vibe-project', true],
    ['https://chat.mistral.ai/settings', 'vibe-other', true],
    ['https://chat.mistral.ai/share/abc123', 'vibe-share', false],
    ['https://chat.mistral.ai/upgrade', 'vibe-upgrade', false],
    ['https://chat.mistral.ai/intelligence/memories', 'vibe-memories', false],
  ])('%s (%s): a thumb is guarded: %s', async (url, _id, guarded) => {
    const t = setup();
    cleanup = t.remove;
    setURL(url);
    warn.mockResolvedValue({ confirmed: false });
    const e = trustedClick(t.like);
    expect(e.defaultPrevented).toBe(guarded);
    await settle();
    expect(warn).toHaveBeenCalledTimes(guarded ? 1 : 0);
  });

  it('the attachment note shows where the chat is (vibe-chat), not on a page without it (vibe-other)', async () => {
    const t = setup();
    cleanup = t.remove;
    const add = document.querySelector('button[aria-label="Add files"]')!;
    setURL('https://chat.mistral.ai/settings');
    trustedClick(add);
    await settle();
    expect(note).not.toHaveBeenCalled();
    setURL(CHAT_URL);
    trustedClick(add);
    await settle();
    expect(note).toHaveBeenCalledTimes(1);
    expect(note.mock.calls[0][0]).toBe('[attachNote]');
  });

  it('without the notes (a UI script that carries none), the attachment gesture goes through and shows nothing', async () => {
    const t = setup({ notes: false });
    cleanup = t.remove;
    const add = document.querySelector('button[aria-label="Add files"]')!;
    const e = trustedClick(add);
    await settle();
    expect(e.defaultPrevented).toBe(false);
    expect(note).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
