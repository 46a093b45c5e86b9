/**
 * lib/guard/match.ts, the cases sabotage showed untested: an active thumb shown by `data-state`, a button that
 * names itself as something else (Copy, Rewrite…) despite a thumb-like icon, a thumb icon outside an action bar
 * of at least three buttons, and a public-link switch that is hidden (the dialog not open) — each changing
 * whether a gesture is warned.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ALL_MATCHERS, matchGesture } from '@/lib/guard/match';

const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const UP = '<svg class="lucide lucide-thumbs-up"><path d="M7 10v12"/></svg>';
const DOWN = '<svg class="lucide lucide-thumbs-down"><path d="M17 14V2"/></svg>';
const COPY = '<button aria-label="Copy"><svg><rect/></svg></button>';

function doc(body: string): Document {
  const win = new Window({ url: CHAT, settings: { disableJavaScriptEvaluation: true } });
  win.document.write(`<!doctype html><html><body>${body}</body></html>`);
  return win.document as unknown as Document;
}
const match = (d: Document, sel: string) => matchGesture(d.querySelector(sel), 'vibe-chat', ALL_MATCHERS);
const turn = (bar: string) => `<div data-message-author-role="assistant"><p>Reply</p><div class="bar">${bar}</div></div>`;

describe('feedback: active thumbs (clearing a rating is not warned)', () => {
  it.each(['on', 'active', 'checked'])('data-state="%s" marks the thumb active', (state) => {
    const d = doc(turn(`<button id="t" data-state="${state}">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like', clearing: true });
  });
  it('data-state="off" (or none): not active, warned', () => {
    const d = doc(turn(`<button id="t" data-state="off">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', clearing: false });
  });
});

describe('feedback: what is not a thumb', () => {
  it.each(['Copy', 'Rewrite', 'Regenerate', 'Share', 'Edit', 'Read aloud', 'Régénérer'])('a button named "%s" is not feedback, whatever its icon', (name) => {
    const d = doc(turn(`<button id="t" aria-label="${name}">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toBeNull();
  });
  it('a thumb icon in a group of two buttons is not an action bar: not feedback', () => {
    const d = doc(turn(`<button id="t">${UP}</button><button>${DOWN}</button>`));
    expect(match(d, '#t')).toBeNull();
  });
  it('the same icon in a bar of three is feedback', () => {
    const d = doc(turn(`<button id="t">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like' });
  });
});

describe('share by link: "already public" only when the switch is visible and on', () => {
  const page = (hidden: boolean, on: boolean) =>
    doc(`<div role="dialog"><button id="s">Share by link</button><div${hidden ? ' hidden' : ''}><label><input type="checkbox"${on ? ' checked' : ''}> Link accessible to anyone</label></div></div>`);
  it('a visible switch that is on: showing the link again is not warned', () => {
    expect(match(page(false, true), '#s')).toMatchObject({ kind: 'share-link', clearing: true });
  });
  it('a hidden switch, even on: warned (the chat is not public yet)', () => {
    expect(match(page(true, true), '#s')).toMatchObject({ kind: 'share-link', clearing: false });
  });
  it('a visible switch that is off: warned', () => {
    expect(match(page(false, false), '#s')).toMatchObject({ kind: 'share-link', clearing: false });
  });
});
