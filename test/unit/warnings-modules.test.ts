// @vitest-environment happy-dom
/**
 * The warning modules of lib/warnings/ on their own, as the UI script uses them: attach's listeners (a file
 * picked, dropped or pasted by the user fires its note once; nothing fires for anything else, and a page that
 * stops the event's propagation cannot silence it), each warning's note or dialog in the words of the
 * context's strings (lib/context.ts, English catalog as the oracle), share's `confirmed` hook (records the chat
 * shared, only on a chat page), the ids the matchers report, and the registry's derivations (`shownOn`, a
 * duplicate id refused).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warning as attach } from '@/lib/warnings/attach';
import { warning as share } from '@/lib/warnings/share';
import { warning as labs } from '@/lib/warnings/labs';
import { warning as feedback } from '@/lib/warnings/feedback';
import { REGISTRY, WARNINGS, makeRegistry } from '@/lib/warnings/registry';
import type { GuardMatch, WarningKit } from '@/lib/warnings/types';
import { pageContext } from '@/lib/context';
import { emptyStore } from '@/lib/store/schema';
import { surfaceOf } from '@/lib/surfaces';

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const NOW = 1_800_000_000_000;
const CHAT_ID = '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const CHAT_URL = `https://chat.mistral.ai/chat/${CHAT_ID}`;
const strings = pageContext(emptyStore(), surfaceOf(CHAT_URL)!, 'en-US', [], NOW).strings;
const setURL = (u: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(u);

let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  ctl = new AbortController();
  document.body.innerHTML = '';
});

function kit(): WarningKit {
  const life = {
    isInvalid: false,
    signal: ctl.signal,
    onInvalidated: () => () => undefined,
    addEventListener: (t: EventTarget, type: string, h: EventListener, o?: AddEventListenerOptions) =>
      t.addEventListener(type, h, { ...o, signal: ctl.signal }),
  };
  return { life, context: vi.fn(), ask: vi.fn(async () => null), confirm: vi.fn() } as unknown as WarningKit;
}

function installAttach() {
  const fire = vi.fn();
  attach.install(kit(), fire);
  return fire;
}

/** An event as the browser makes it for the user (isTrusted), with the extra fields given. */
function event(type: string, trusted: boolean, extra: Record<string, unknown> = {}) {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { get: () => trusted });
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(e, k, { get: () => v });
  return e;
}
const file = () => new File(['x'], 'a.txt', { type: 'text/plain' });
const files = (n: number) => Array.from({ length: n }, file);

function input(type: string, picked: File[] | null) {
  document.body.innerHTML = `<div id="zone"><input id="i" type="${type}"></div>`;
  const el = document.getElementById('i') as HTMLInputElement;
  if (picked) Object.defineProperty(el, 'files', { get: () => picked });
  return el;
}

describe('attach: the note fires for files the user attaches, and for nothing else', () => {
  it('a file picked in a file input: fires once', () => {
    const fire = installAttach();
    input('file', files(2)).dispatchEvent(event('change', true));
    expect(fire).toHaveBeenCalledTimes(1);
  });
  it('a file input changed with no file (the picker cancelled), or changed by the page: nothing', () => {
    const fire = installAttach();
    input('file', []).dispatchEvent(event('change', true));
    input('file', files(1)).dispatchEvent(event('change', false));
    expect(fire).not.toHaveBeenCalled();
  });
  it('a text input or a select changed: nothing', () => {
    const fire = installAttach();
    input('text', null).dispatchEvent(event('change', true));
    document.body.innerHTML = '<select id="s"><option>a</option><option>b</option></select>';
    document.getElementById('s')!.dispatchEvent(event('change', true));
    expect(fire).not.toHaveBeenCalled();
  });
  it('files dropped: fires; a drop without files (text dragged) or made by the page: nothing', () => {
    const fire = installAttach();
    document.body.innerHTML = '<div id="zone"></div>';
    const zone = document.getElementById('zone')!;
    zone.dispatchEvent(event('drop', true, { dataTransfer: { files: [] } }));
    zone.dispatchEvent(event('drop', false, { dataTransfer: { files: files(1) } }));
    expect(fire).not.toHaveBeenCalled();
    zone.dispatchEvent(event('drop', true, { dataTransfer: { files: files(1) } }));
    expect(fire).toHaveBeenCalledTimes(1);
  });
  it('files pasted: fires; text pasted or a paste made by the page: nothing', () => {
    const fire = installAttach();
    document.body.innerHTML = '<textarea id="c"></textarea>';
    const c = document.getElementById('c')!;
    c.dispatchEvent(event('paste', true, { clipboardData: { files: [] } }));
    c.dispatchEvent(event('paste', false, { clipboardData: { files: files(1) } }));
    expect(fire).not.toHaveBeenCalled();
    c.dispatchEvent(event('paste', true, { clipboardData: { files: files(1) } }));
    expect(fire).toHaveBeenCalledTimes(1);
  });
  it('the page stopping the event where it happens does not silence the note (capture)', () => {
    const fire = installAttach();
    const el = input('file', files(1));
    const zone = document.getElementById('zone')!;
    for (const t of ['change', 'drop', 'paste']) zone.addEventListener(t, (e) => e.stopPropagation());
    el.dispatchEvent(event('change', true));
    el.dispatchEvent(event('drop', true, { dataTransfer: { files: files(1) } }));
    el.dispatchEvent(event('paste', true, { clipboardData: { files: files(1) } }));
    expect(fire).toHaveBeenCalledTimes(3);
  });
  it("its note is the context's attach note, with the help page as its source", () => {
    expect(attach.note(strings)).toEqual({ text: en.page_attachNote.message, source: strings.attachSource });
    expect(strings.attachSource).toMatch(/\S/);
  });
  it('the "Add files" button is an attach gesture, reported as the attach warning', () => {
    document.body.innerHTML = '<button id="b" aria-label="Add files"></button>';
    expect(attach.match(document.getElementById('b')!, 'vibe-chat')).toMatchObject({
      warning: 'attach',
      kind: 'attach',
    });
  });
});

describe('feedback: its dialog', () => {
  it("the dialog in the context's words: why a rating trains, and what the plan (here unknown) changes", () => {
    expect(feedback.dialog(strings)).toEqual({
      title: en.page_feedbackTitle.message,
      body: [en.page_feedbackBody.message, en.page_feedbackPlanUnknown.message],
      source: strings.feedbackSource,
      confirm: en.page_feedbackConfirm.message,
    });
    expect(strings.feedbackSource).toMatch(/\S/);
  });
});

describe('share: its dialog and what a confirmed share records', () => {
  const m = (kind: string) => ({ warning: 'share', kind, element: document.body, signals: [] }) as GuardMatch;
  it("the dialog of a share link and of the public switch, in the context's words", () => {
    const body = [en.page_shareBody.message, en.page_shareRevoke.message];
    expect(share.dialog(strings, m('share-link'))).toEqual({
      title: en.page_shareTitle.message,
      body,
      source: strings.shareSource,
      confirm: en.page_shareConfirm.message,
    });
    expect(share.dialog(strings, m('share-public'))).toEqual({
      title: en.page_shareTitle.message,
      body,
      source: strings.shareSource,
      confirm: en.page_sharePublicConfirm.message,
    });
    expect(strings.shareSource).toMatch(/\S/);
  });
  it('confirmed on a chat: records that chat (its full id) and its URL', () => {
    setURL(`${CHAT_URL}?tab=1`);
    const k = kit();
    share.confirmed(m('share-link'), k);
    expect(k.ask).toHaveBeenCalledTimes(1);
    expect(k.ask).toHaveBeenCalledWith({ type: 'record-share', url: `${CHAT_URL}?tab=1`, chatId: CHAT_ID });
  });
  it('confirmed on a page that is not one chat: records nothing', () => {
    for (const url of ['https://chat.mistral.ai/project/abc', 'https://chat.mistral.ai/chat/not-an-id']) {
      setURL(url);
      const k = kit();
      share.confirmed(m('share-link'), k);
      expect(k.ask, url).not.toHaveBeenCalled();
    }
  });
  it('its matches are reported as the share warning; a link button named with more after the label counts', () => {
    document.body.innerHTML =
      '<div role="dialog"><button id="s">Share by link: anyone can read it</button><button id="p" role="switch" aria-checked="false" aria-label="Link accessible to anyone"></button></div>';
    expect(share.match(document.getElementById('s')!, 'vibe-chat')).toMatchObject({
      warning: 'share',
      kind: 'share-link',
    });
    expect(share.match(document.getElementById('p')!, 'vibe-chat')).toMatchObject({
      warning: 'share',
      kind: 'share-public',
      clearing: false,
    });
  });
});

describe('labs: its dialog and its match', () => {
  it("the dialog in the context's words", () => {
    const s = pageContext(
      emptyStore(),
      surfaceOf('https://admin.mistral.ai/plateforme/privacy')!,
      'en-US',
      [],
      NOW,
    ).strings;
    expect(labs.dialog(s)).toEqual({
      title: en.page_labsTitle.message,
      body: [en.page_labsBody.message],
      source: s.labsSource,
      confirm: en.page_labsConfirm.message,
    });
    expect(s.labsSource).toMatch(/\S/);
  });
  it('switching Labs models on is reported as the labs warning', () => {
    document.body.innerHTML = '<button id="t" role="switch" aria-checked="false" aria-label="Labs models"></button>';
    expect(labs.match(document.getElementById('t')!, 'admin-api-privacy')).toMatchObject({
      warning: 'labs',
      kind: 'labs',
      clearing: false,
    });
  });
});

describe('the registry', () => {
  it('shownOn: each warning where it shows, by its own id', () => {
    expect(REGISTRY.shownOn('labs', 'admin-api-privacy')).toBe(true);
    expect(REGISTRY.shownOn('feedback', 'admin-api-privacy')).toBe(false);
    expect(REGISTRY.shownOn('share', 'vibe-chat')).toBe(true);
    expect(REGISTRY.shownOn('labs', 'vibe-chat')).toBe(false);
    expect(REGISTRY.shownOn('nothing', 'vibe-chat')).toBe(false);
  });
  it('refuses two warnings with one id, naming it', () => {
    expect(() => makeRegistry([...WARNINGS, share])).toThrow('two warnings named share');
  });
});
