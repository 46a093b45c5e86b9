// @vitest-environment happy-dom
/**
 * The composer guard in the page (lib/page/composer.ts), in happy-dom, with the background faked: the page carries
 * no scanner (issue 13), so what it must do is hand the composer's text to the background (`scan-text`), show
 * the counts the background answers, drop an answer overtaken by typing, and keep the send-time policy: the send
 * is stopped synchronously unless its text is known to hold nothing; nothing found → the send is replayed once;
 * findings → the warning, Edit sends nothing, Send anyway replays once; no answer → the cautious warning that says
 * the message could not be checked. The fake background's answers are written out by hand (the oracle): these
 * tests are about the page's side, test/unit/background-scan.test.ts about the scanner's.
 * The dialog (lib/page/ui.ts) is stubbed; the e2e suite (test/e2e/composer.e2e.ts) drives the real one.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Message } from '@/lib/messages';

const warn = vi.fn();
const showNote = vi.fn();
const hideNote = vi.fn();
vi.mock('@/lib/page/ui', async (orig) => ({
  ...(await orig<typeof import('@/lib/page/ui')>()),
  warn: (...a: unknown[]) => warn(...a),
  nudgeWarning: vi.fn(),
  destroyUi: vi.fn(),
}));
vi.mock('@/lib/page/notes', () => ({
  showNote: (...a: unknown[]) => showNote(...a),
  hideNote: (...a: unknown[]) => hideNote(...a),
}));

const { installComposerGuard } = await import('@/lib/page/composer');
const { makeConfirm } = await import('@/lib/page/confirm');

const CHAT_URL = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const STRINGS = new Proxy({}, { get: (_t, k) => (k === 'listComma' ? ', ' : `[${String(k)}]`) }) as Record<
  string,
  string
>;
const context = (state: 'training' | 'not-training' | 'unknown' = 'training') => ({
  state,
  product: 'vibe' as const,
  lang: 'en' as const,
  ask: { feedback: true, share: true, labs: true },
  banner: false,
  fixUrl: '',
  strings: new Proxy(STRINGS, {
    get: (t, k) =>
      k === 'composerNotice' ? 'notice: $1' : k === 'composerBody' ? 'contains: $1' : (t as never)[k as never],
  }),
});

type ScanReq = Extract<Message, { type: 'scan-text' }>;

/** A background whose answers to `scan-text` the test gives by hand, one request at a time. */
function fakeBackground(state: 'training' | 'not-training' | 'unknown' | null = 'training') {
  const pending: { msg: ScanReq; answer(a: unknown): void }[] = [];
  const scans: ScanReq[] = [];
  const ask = vi.fn(async (msg: Message) => {
    if (msg.type !== 'scan-text') return null;
    scans.push(msg);
    return new Promise((answer) => pending.push({ msg, answer }));
  });
  const ctx = vi.fn(async () => (state ? context(state) : null));
  return {
    ask,
    context: ctx,
    scans,
    /** Answer the oldest open request with these counts (the request's own number unless `seq` says otherwise). */
    answer: (counts: Record<string, number> | null, seq?: number) => {
      const p = pending.shift()!;
      p.answer(counts === null ? null : { ok: true, seq: seq ?? p.msg.seq, counts });
    },
    raw: (a: unknown) => pending.shift()!.answer(a),
    open: () => pending.length,
  };
}

const TEXTAREA = '<textarea name="message.text"></textarea>';
/** Vibe's editor (ProseMirror; shared/notes/mistral-surfaces.md), with paragraphs. */
const PROSEMIRROR = '<div class="ProseMirror" contenteditable="true"></div>';

function setup(bg = fakeBackground(), editor = TEXTAREA) {
  document.body.innerHTML = `<form class="composer">${editor}<button type="submit" aria-label="Send question">Send</button></form>`;
  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions | undefined][] = [];
  const delays: number[] = [];
  const life = {
    isInvalid: false,
    signal: new AbortController().signal,
    onInvalidated: () => () => undefined,
    noteError: () => undefined,
    addEventListener: (t: EventTarget, type: string, h: EventListener, o?: AddEventListenerOptions) => {
      listeners.push([t, type, h, o]);
      t.addEventListener(type, h, o);
    },
    setTimeout: (cb: () => void, ms: number) => {
      delays.push(ms);
      const id = setTimeout(cb, ms);
      return () => clearTimeout(id);
    },
  };
  const counters = { guarded: 0, confirmed: 0, cancelled: 0 };
  installComposerGuard({
    life: life as never,
    context: bg.context,
    ask: bg.ask as never,
    confirm: makeConfirm(life as never, bg.context, counters),
  });
  const ed = document.querySelector('textarea, .ProseMirror') as HTMLTextAreaElement;
  // What the app does on Enter: send. Only the guard's replay (untrusted) or an unguarded Enter gets here.
  let sent = 0;
  ed.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && sent++);
  const before = cleanup;
  cleanup = () => {
    before?.();
    listeners.forEach(([t, type, h, o]) => t.removeEventListener(type, h, o));
  };
  return { bg, ed, counters, sent: () => sent, delays };
}

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { get: () => true });
  return e;
}
const type = (ed: HTMLTextAreaElement, text: string) => {
  ed.value = text;
  ed.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
};
const enter = (ed: HTMLElement) => {
  const e = trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  ed.dispatchEvent(e);
  return e;
};
/** Everything the guard has started, run to its end (fake timers): a negative check comes after all it could still do. */
const settle = () => vi.runAllTimersAsync();

let cleanup: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  cleanup?.();
  cleanup = null;
  vi.restoreAllMocks();
  warn.mockReset();
  showNote.mockReset();
  hideNote.mockReset();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(CHAT_URL);
});

describe('while typing', () => {
  it('the text goes to the background after the pause, and the notice shows the counts it answers', async () => {
    const { bg, ed } = setup();
    type(ed, 'my IBAN is FR76 …');
    expect(bg.scans).toHaveLength(0); // debounced
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    expect(bg.scans[0]).toMatchObject({ type: 'scan-text', url: CHAT_URL, text: 'my IBAN is FR76 …' });
    expect(bg.scans[0].send).toBeUndefined();
    bg.answer({ iban: 1, email: 2 });
    await vi.waitFor(() => expect(showNote).toHaveBeenCalledTimes(1));
    expect(showNote.mock.calls[0][0]).toBe('notice: [cat_iban] (1), [cat_email] (2)');
  });

  it('a short text is checked 50 ms after the last keystroke (so a send right after finds it checked), a long one 300 ms after', async () => {
    const { bg, ed, delays } = setup();
    type(ed, 'a'.repeat(4_000));
    type(ed, 'a'.repeat(4_001));
    type(ed, 'short again');
    expect(delays).toEqual([50, 300, 50]);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    expect(bg.scans[0].text).toBe('short again');
  });

  it('an answer overtaken by typing is dropped: only the newest request’s counts are shown', async () => {
    const { bg, ed } = setup();
    type(ed, 'first text');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    type(ed, 'second text');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(2), { timeout: 3000 });
    expect(bg.scans[1].seq).toBeGreaterThan(bg.scans[0].seq);
    bg.answer({ iban: 1 }); // the first request's answer, arriving late
    await settle();
    bg.answer({ email: 1 });
    await vi.waitFor(() => expect(showNote).toHaveBeenCalled());
    await settle();
    expect(showNote.mock.calls.map((c) => c[0])).toEqual(['notice: [cat_email] (1)']);
  });

  it('nothing found: the notice is hidden; not training: the text is not even sent', async () => {
    const { bg, ed } = setup();
    type(ed, 'a haiku about the wind');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    bg.answer({});
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalledWith('composer'));
    expect(showNote).not.toHaveBeenCalled();

    const off = setup(fakeBackground('not-training'));
    type(off.ed, 'IBAN FR76 3000 6000 0112 3456 7890 189');
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(off.bg.scans).toHaveLength(0);
  });

  it('what the background says is read strictly: another request’s number or a malformed answer shows nothing', async () => {
    const { bg, ed } = setup();
    type(ed, 'text one');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    bg.answer({ email: 1 }, bg.scans[0].seq + 5);
    await settle();
    type(ed, 'text two');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(2), { timeout: 3000 });
    bg.raw({ ok: true, seq: bg.scans[1].seq, counts: 'email' });
    await settle();
    type(ed, 'text three');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(3), { timeout: 3000 });
    bg.raw({ ok: true, seq: bg.scans[2].seq, counts: { email: -1, iban: 1.5, nonsense: 3, phone: 2 } });
    await vi.waitFor(() => expect(showNote).toHaveBeenCalledTimes(1));
    expect(showNote.mock.calls[0][0]).toBe('notice: [cat_phone] (2)');
  });
});

describe('on send', () => {
  it('a text known to hold nothing is not stopped (no new request)', async () => {
    const { bg, ed, sent } = setup();
    type(ed, 'a haiku about the wind');
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    bg.answer({});
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalled());
    const e = enter(ed);
    expect(e.defaultPrevented).toBe(false);
    expect(sent()).toBe(1);
    expect(bg.scans).toHaveLength(1);
  });

  it('an empty message is not stopped', () => {
    const { bg, ed, sent } = setup();
    ed.value = '   ';
    expect(enter(ed).defaultPrevented).toBe(false);
    expect(sent()).toBe(1);
    expect(bg.scans).toHaveLength(0);
  });

  it('a text not checked yet: stopped synchronously, checked as a send, then replayed once when nothing is found', async () => {
    const { bg, ed, sent } = setup();
    ed.value = 'a haiku about the wind';
    const e = enter(ed);
    expect(e.defaultPrevented).toBe(true);
    expect(sent()).toBe(0);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1));
    expect(bg.scans[0]).toMatchObject({ text: 'a haiku about the wind', send: true });
    bg.answer({});
    await vi.waitFor(() => expect(sent()).toBe(1));
    await settle();
    expect(sent()).toBe(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('findings: the warning names them; Edit sends nothing; Send anyway sends once (and the counts are reused)', async () => {
    const { bg, ed, sent, counters } = setup();
    ed.value = 'write to camille.martin@example.fr';
    warn.mockResolvedValue({ confirmed: false, dontAsk: null });
    enter(ed);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1));
    bg.answer({ email: 1 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0][1].body).toEqual(['contains: [cat_email] (1)']);
    await vi.waitFor(() => expect(counters.cancelled).toBe(1));
    expect(sent()).toBe(0);

    warn.mockResolvedValue({ confirmed: true, dontAsk: null });
    expect(enter(ed).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(sent()).toBe(1));
    await settle();
    expect(sent()).toBe(1);
    expect(bg.scans).toHaveLength(1); // known from the first answer
  });

  it('no answer from the scanner: the warning says the message could not be checked; confirm sends once, cancel nothing', async () => {
    const { bg, ed, sent } = setup();
    ed.value = 'some text';
    warn.mockResolvedValue({ confirmed: false, dontAsk: null });
    enter(ed);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1));
    bg.answer(null);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0][1].body).toEqual(['[composerUnchecked]']);
    await settle();
    expect(sent()).toBe(0);

    warn.mockResolvedValue({ confirmed: true, dontAsk: null });
    enter(ed);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(2)); // asked again: no answer is not remembered
    bg.raw({ ok: false, seq: bg.scans[1].seq, error: 'scan failed' });
    await vi.waitFor(() => expect(sent()).toBe(1));
    expect(warn.mock.calls[1][1].body).toEqual(['[composerUnchecked]']);
  });

  it('neither the scanner nor the context answers: the cautious offline warning, in the browser’s language, says so', async () => {
    // The browser's own catalog (English here), which the page's offline words come from.
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((k: string) => en[k]?.message ?? '') as never);
    const { bg, ed, sent } = setup(fakeBackground(null));
    ed.value = 'some text';
    warn.mockResolvedValue({ confirmed: true, dontAsk: null });
    enter(ed);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1));
    bg.answer(null);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    const text = warn.mock.calls[0][1] as { body: string[]; confirm: string };
    expect(text.body.join(' ')).toMatch(/could not check this message for personal data/);
    expect(text.confirm).toBe('Send anyway');
    await vi.waitFor(() => expect(sent()).toBe(1));
  });

  it('not training: the send is replayed and the text never sent to be scanned', async () => {
    const { bg, ed, sent } = setup(fakeBackground('not-training'));
    ed.value = 'IBAN FR76 3000 6000 0112 3456 7890 189';
    expect(enter(ed).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(sent()).toBe(1));
    expect(bg.scans).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('known not to train (heard while typing): a send is not even stopped, nor its text sent', async () => {
    const { bg, ed, sent } = setup(fakeBackground('not-training'));
    type(ed, 'IBAN FR76 3000 6000 0112 3456 7890 189');
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalledWith('composer'), { timeout: 3000 });
    type(ed, 'IBAN FR76 3000 6000 0112 3456 7890 189, and more');
    const e = enter(ed);
    expect(e.defaultPrevented).toBe(false);
    expect(sent()).toBe(1);
    expect(bg.scans).toHaveLength(0);
  });

  it('more than 1,000,000 characters: only the first 1,000,000 are sent (the scanner’s cap)', async () => {
    const { bg, ed } = setup();
    ed.value = 'a'.repeat(1_000_010);
    enter(ed);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1));
    expect(bg.scans[0].text.length).toBe(1_000_000);
  });
});

describe('a contenteditable composer (ProseMirror): read without a layout, a long text never at once in the keydown', () => {
  const write = (ed: HTMLElement, html: string) => {
    ed.innerHTML = html;
    ed.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
  };

  /** How many times a node's `textContent` was read since. */
  const spyOnTextReads = () => {
    const get = vi.spyOn(Element.prototype, 'textContent', 'get');
    return () => get.mock.calls.length;
  };

  it.each([
    ['ProseMirror paragraphs', '<p>my IBAN is</p><p>FR76 3000 6000</p>', 'my IBAN is\nFR76 3000 6000'],
    ['inline marks', '<p>my <strong>IBAN</strong> is</p><p><em>FR76</em> 3000</p>', 'my IBAN is\nFR76 3000'],
    ['a hard break', '<p>line<br>break</p><p>next</p>', 'line\nbreak\nnext'],
    [
      'a list',
      '<p>numbers:</p><ul><li><p>06 12 34 56 78</p></li><li><p>2023</p></li></ul>',
      'numbers:\n06 12 34 56 78\n2023',
    ],
    ['a code block', '<pre><code>a = 1\nb = 2</code></pre>', 'a = 1\nb = 2'],
    ['lines nested deeper than any editor nests them', '<div>'.repeat(300) + 'a<br>b' + '</div>'.repeat(300), 'ab'],
    [
      'text and <br> (a plain contenteditable)',
      'first line<br>06 12 34 56 78<br>2023',
      'first line\n06 12 34 56 78\n2023',
    ],
  ])('%s: each line of the editor is a line of the text the background scans', async (_what, html, text) => {
    const { bg, ed } = setup(fakeBackground(), PROSEMIRROR);
    write(ed, html);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    expect(bg.scans[0].text).toBe(text);
  });

  it('a long text not checked yet: the send is stopped before the text is read, then read and checked as a send', async () => {
    const { bg, ed, sent } = setup(fakeBackground(), PROSEMIRROR);
    const para = '<p>' + 'lorem ipsum dolor sit amet '.repeat(20) + '</p>';
    ed.innerHTML = para.repeat(40); // 21,600 characters: more than LONG_TEXT
    // Reading it out is a `textContent` per paragraph: only the editor's own (its size) in the keydown.
    const reads = spyOnTextReads();
    void ed.textContent;
    const size = reads(); // what one read of the editor's size costs here (happy-dom's getter recurses)
    const e = enter(ed);
    expect(e.defaultPrevented).toBe(true);
    expect(reads()).toBe(2 * size); // its size only: not read out in the keydown
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    expect(reads()).toBe(2 * size + 40); // read after, paragraph by paragraph
    expect(bg.scans[0]).toMatchObject({ send: true });
    expect(bg.scans[0].text.split('\n')).toHaveLength(40);
    bg.answer({});
    await vi.waitFor(() => expect(sent()).toBe(1));
  });

  it.each([
    [
      'text and <br>, 3,000 lines',
      () => {
        const lines = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(i % 13)}`);
        return [lines.join('<br>'), lines.join('\n')];
      },
    ],
    [
      'paragraphs, lists and hard breaks, 2,000 lines',
      () => {
        const html: string[] = [];
        const text: string[] = [];
        for (let i = 0; i < 1000; i++) {
          if (i % 7 === 0) {
            html.push(`<ul><li><p>item ${i}</p></li><li><p>next ${i}</p></li></ul>`);
            text.push(`item ${i}`, `next ${i}`);
          } else {
            html.push(`<p>para ${i} ${'y'.repeat(i % 11)}<br>broken ${i}</p>`);
            text.push(`para ${i} ${'y'.repeat(i % 11)}`, `broken ${i}`);
          }
        }
        return [html.join(''), text.join('\n')];
      },
    ],
  ])('a long text read in slices is the same text, line for line, as one read at once (%s)', async (_what, build) => {
    const { bg, ed } = setup(fakeBackground(), PROSEMIRROR);
    const [html, text] = build();
    expect(text.length).toBeGreaterThan(16_000); // LONG_TEXT: read in slices, after the send is held
    ed.innerHTML = html;
    expect(enter(ed).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 5000 });
    expect(bg.scans[0].text).toBe(text);
  });

  it('a long text checked while typing and unchanged: its send is neither stopped nor read again', async () => {
    const { bg, ed, sent } = setup(fakeBackground(), PROSEMIRROR);
    write(ed, ('<p>' + 'lorem ipsum dolor sit amet '.repeat(20) + '</p>').repeat(40));
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    bg.answer({});
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalled());
    const reads = spyOnTextReads();
    void ed.textContent;
    const size = reads();
    expect(enter(ed).defaultPrevented).toBe(false);
    expect(reads()).toBe(2 * size); // its size only
    expect(sent()).toBe(1);
    expect(bg.scans).toHaveLength(1);
  });

  it('the same text after another keystroke (or changed by the page without one) is checked again', async () => {
    const { bg, ed } = setup(fakeBackground(), PROSEMIRROR);
    const long = ('<p>' + 'lorem ipsum dolor sit amet '.repeat(20) + '</p>').repeat(40);
    write(ed, long);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(1), { timeout: 3000 });
    bg.answer({});
    await vi.waitFor(() => expect(hideNote).toHaveBeenCalled());
    // The page puts an e-mail address in without an input event: the editor's text differs, the send is held.
    ed.querySelector('p')!.append(' camille.martin@example.fr');
    expect(enter(ed).defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(bg.scans).toHaveLength(2), { timeout: 3000 });
    expect(bg.scans[1].text).toContain('camille.martin@example.fr');
  });
});
