/**
 * The warnings' matchers (lib/warnings/feedback.ts, share.ts, labs.ts, attach.ts), the cases sabotage showed untested: an active thumb shown by `data-state`, a button that
 * names itself as something else (Copy, Rewrite…) despite a thumb-like icon, a thumb icon outside an action bar
 * of at least three buttons, and a public-link switch that is hidden (the dialog not open) — each changing
 * whether a gesture is warned.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ALL_MATCHERS, matchGesture } from '@/lib/warnings/registry';

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
const turn = (bar: string) =>
  `<div data-message-author-role="assistant"><p>Reply</p><div class="bar">${bar}</div></div>`;

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

describe('feedback: labels, whatever their apostrophe and case', () => {
  it.each([
    ["J'aime", 'like'],
    ['J’aime', 'like'],
    ['Je n’aime pas', 'dislike'],
    ["JE N'AIME PAS", 'dislike'],
    ['Pouce en l’air', 'like'],
    ["Pouce en l'air", 'like'],
  ])('a button named "%s" is the %s thumb, by its label alone', (name, direction) => {
    const d = doc(`<button id="t" aria-label="${name}"></button>`);
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction, signals: ['label'] });
  });
});

describe('feedback: what is not a thumb', () => {
  it.each(['Copy', 'Rewrite', 'Regenerate', 'Share', 'Edit', 'Read aloud', 'Régénérer'])(
    'a button named "%s" is not feedback, whatever its icon',
    (name) => {
      const d = doc(turn(`<button id="t" aria-label="${name}">${UP}</button><button>${DOWN}</button>${COPY}`));
      expect(match(d, '#t')).toBeNull();
    },
  );
  it('a thumb icon in a group of two buttons is not an action bar: not feedback', () => {
    const d = doc(turn(`<button id="t">${UP}</button><button>${DOWN}</button>`));
    expect(match(d, '#t')).toBeNull();
  });
  it('the same icon in a bar of three is feedback', () => {
    const d = doc(turn(`<button id="t">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like' });
  });
});

describe('feedback: exact or prefix names, decided for the cautious reading (warn when in doubt)', () => {
  const BLANK_BTN = '<button><svg><circle/></svg></button>';
  it('a name that only starts like a non-feedback action ("Copy, then …") does not exclude a thumb icon in a bar', () => {
    const d = doc(turn(`<button id="t" aria-label="Copy, then like">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like' });
  });
  it('a last button named "Copy (markdown)" is the copy button: the two unnamed buttons before it are the thumbs', () => {
    const d = doc(
      turn(
        `<button id="t">${'<svg><circle/></svg>'}</button>${BLANK_BTN}<button aria-label="Copy (markdown)">⧉</button>`,
      ),
    );
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like', signals: ['position'] });
  });
  it('a button further along named "Like (3)" (not a thumb\'s exact name, no thumb icon) does not mean the bar was reordered', () => {
    const d = doc(
      turn(`<button id="t"><svg><circle/></svg></button>${BLANK_BTN}<button aria-label="Like (3)">♥</button>${COPY}`),
    );
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'like', signals: ['position'] });
  });
});

describe('share by link: "already public" only when the switch is visible and on', () => {
  const page = (hidden: boolean, on: boolean) =>
    doc(
      `<div role="dialog"><button id="s">Share by link</button><div${hidden ? ' hidden' : ''}><label><input type="checkbox"${on ? ' checked' : ''}> Link accessible to anyone</label></div></div>`,
    );
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

// ---- What each click is recognised as, by the signals alone (mutation testing, lib/warnings/*.ts). ----

const on = (d: Document, sel: string, surface: Parameters<typeof matchGesture>[1]) =>
  matchGesture(d.querySelector(sel), surface, ALL_MATCHERS);
const SHARE_BTN = '<button aria-label="Share"><svg></svg></button>'; // a bar that does not end with Copy: no position signal
const CLASS_UP = '<svg class="lucide lucide-thumbs-up"></svg>';
const CLASS_DOWN = '<svg class="lucide lucide-thumbs-down"></svg>';
const PATH_UP = '<svg><path d="M7 10v12"/><path d="M15 5.88"/></svg>';
const PATH_DOWN = '<svg><path d="M17 14V2"/><path d="M9 18.12"/></svg>';
const BLANK = '<svg><circle/></svg>';

describe('feedback: the icon alone, in a bar that does not end with Copy', () => {
  it.each([
    ['class names', CLASS_UP, CLASS_DOWN],
    ['path shapes', PATH_UP, PATH_DOWN],
  ])('thumbs recognised by their %s', (_how, up, down) => {
    const d = doc(turn(`<button id="u">${up}</button><button id="d">${down}</button>${SHARE_BTN}`));
    expect(match(d, '#u')).toMatchObject({ kind: 'feedback', direction: 'like' });
    expect(match(d, '#d')).toMatchObject({ kind: 'feedback', direction: 'dislike' });
  });
  it('and wherever the thumbs sit in the bar', () => {
    const d = doc(
      turn(
        `${SHARE_BTN}<button>${BLANK}</button><button id="d">${CLASS_DOWN}</button><button id="u">${PATH_UP}</button>`,
      ),
    );
    expect(match(d, '#u')).toMatchObject({ kind: 'feedback', direction: 'like' });
    expect(match(d, '#d')).toMatchObject({ kind: 'feedback', direction: 'dislike' });
  });
  it('unlabelled buttons with other icons, in such a bar, are nothing', () => {
    const d = doc(
      turn(`<button id="a">${BLANK}</button><button id="b"><svg class="lucide-thumbs"></svg></button>${SHARE_BTN}`),
    );
    expect(match(d, '#a')).toBeNull();
    expect(match(d, '#b')).toBeNull();
  });
  it('a label wins over an icon that says the opposite', () => {
    const d = doc(turn(`<button id="t" aria-label="Dislike">${CLASS_UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', direction: 'dislike' });
  });
  it('a thumbs icon in a row of three buttons outside any assistant turn (the sidebar) is not feedback', () => {
    const d = doc(
      `<nav><button id="t">${UP}</button><button>${DOWN}</button>${COPY}</nav>${turn(`<button>${UP}</button><button>${DOWN}</button>${COPY}`)}`,
    );
    expect(match(d, '#t')).toBeNull();
  });
});

describe("feedback: a label must be a thumb's whole name", () => {
  it('a link in the reply that only begins with a thumbs word ("Helpful: read more") is not a thumb', () => {
    const d = doc(
      turn(`<button>${UP}</button><button>${DOWN}</button>${COPY}`).replace(
        '<p>Reply</p>',
        '<p>See <a id="l" href="https://example.com/">Helpful: read more</a></p>',
      ),
    );
    expect(match(d, '#l')).toBeNull();
  });
});

describe('feedback: position, when the bar ends with Copy', () => {
  const bar = (last: string) => doc(turn(`<button id="a">${BLANK}</button><button id="b">${BLANK}</button>${last}`));
  it.each([
    ['labelled Copy', '<button aria-label="Copy"></button>'],
    ['labelled Copier', '<button aria-label="Copier"></button>'],
    ['with a copy icon class', '<button><svg class="lucide lucide-copy"></svg></button>'],
    ['with a rect icon', '<button><svg><rect/></svg></button>'],
  ])('last button %s: the first two are like and dislike', (_how, last) => {
    const d = bar(last);
    expect(match(d, '#a')).toMatchObject({ kind: 'feedback', direction: 'like' });
    expect(match(d, '#b')).toMatchObject({ kind: 'feedback', direction: 'dislike' });
  });
  it('a bar that ends with something else: the first two are nothing', () => {
    const d = bar(SHARE_BTN);
    expect(match(d, '#a')).toBeNull();
    expect(match(d, '#b')).toBeNull();
  });
  it('the like icon unknown but the dislike one recognised: position still holds', () => {
    const d = doc(turn(`<button id="a">${BLANK}</button><button>${CLASS_DOWN}</button>${COPY}`));
    expect(match(d, '#a')).toMatchObject({ kind: 'feedback', direction: 'like' });
  });
  it.each([
    ['icons', `<button>${CLASS_UP}</button><button>${CLASS_DOWN}</button>`],
    ['labels', '<button aria-label="Like"></button><button aria-label="Dislike"></button>'],
  ])(
    'a reordered bar (thumbs recognised by %s further along): the first two buttons are not taken for thumbs',
    (_how, thumbs) => {
      const d = doc(turn(`<button id="a">${BLANK}</button><button id="b">${BLANK}</button>${thumbs}${COPY}`));
      expect(match(d, '#a')).toBeNull();
      expect(match(d, '#b')).toBeNull();
    },
  );
});

describe('feedback: which thumb is already active', () => {
  it('aria-checked="true" marks it active (clearing, not warned)', () => {
    const d = doc(turn(`<button id="t" aria-checked="true">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', clearing: true });
  });
  it.each([
    ['none', false],
    ['transparent', false],
    ['currentColor', true],
  ])('an icon filled "%s" → active: %s', (fill, active) => {
    const d = doc(
      turn(
        `<button id="t"><svg fill="${fill}" class="lucide lucide-thumbs-up"></svg></button><button>${DOWN}</button>${COPY}`,
      ),
    );
    expect(match(d, '#t')).toMatchObject({ kind: 'feedback', clearing: active });
  });
});

describe('matchGesture: what is not a control', () => {
  it('no target, a target without closest() (the document), text in a paragraph: nothing', () => {
    const d = doc(turn(`<button>${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(matchGesture(null, 'vibe-chat', ALL_MATCHERS)).toBeNull();
    expect(matchGesture(d as unknown as Element, 'vibe-chat', ALL_MATCHERS)).toBeNull();
    expect(match(d, 'p')).toBeNull();
  });
  it('a click inside a button (on its icon) is the button', () => {
    const d = doc(turn(`<button id="t">${UP}</button><button>${DOWN}</button>${COPY}`));
    expect(match(d, '#t svg')).toMatchObject({ kind: 'feedback', element: d.querySelector('#t') });
  });
});

describe('attach', () => {
  it('"Add files" is an attachment, on chat pages only', () => {
    const d = doc('<button id="t" aria-label="Add files"></button>');
    expect(on(d, '#t', 'vibe-chat')).toMatchObject({ kind: 'attach' });
    expect(on(d, '#t', 'vibe-chat-home')).toMatchObject({ kind: 'attach' });
    expect(on(d, '#t', 'vibe-share')).toBeNull();
  });
  it('an icon button named by its title (no aria-label, no text)', () => {
    const d = doc('<button id="t" title="Add files"><svg></svg></button>');
    expect(on(d, '#t', 'vibe-chat')).toMatchObject({ kind: 'attach' });
  });
  it('a button whose text is indented source, or runs long after its label, is still read by its text', () => {
    const d = doc(
      `<button id="a">${' '.repeat(100)}Add files</button><button id="b">Add files: ${'pdf, '.repeat(100)}</button><button id="c">Send</button>`,
    );
    expect(on(d, '#a', 'vibe-chat')).toMatchObject({ kind: 'attach' });
    expect(on(d, '#b', 'vibe-chat')).toMatchObject({ kind: 'attach' });
    expect(on(d, '#c', 'vibe-chat')).toBeNull();
  });
});

describe('share: the public-link switch in its three markups', () => {
  const page = (sw: string) => doc(`<div role="dialog"><button>Share by link</button>${sw}</div>`);
  it.each([
    [
      'role=switch, aria-checked',
      '<button id="t" role="switch" aria-checked="false" aria-label="Link accessible to anyone"></button>',
      false,
    ],
    [
      'role=switch, aria-checked on',
      '<button id="t" role="switch" aria-checked="true" aria-label="Link accessible to anyone"></button>',
      true,
    ],
    [
      'role=switch, Radix data-state on',
      '<button id="t" role="switch" data-state="checked" aria-label="Link accessible to anyone"></button>',
      true,
    ],
    [
      'role=switch, Radix data-state off',
      '<button id="t" role="switch" data-state="unchecked" aria-label="Link accessible to anyone"></button>',
      false,
    ],
    [
      'role=checkbox',
      '<div id="t" role="checkbox" aria-checked="false" aria-label="Link accessible to anyone"></div>',
      false,
    ],
    ['a native checkbox', '<label><input id="t" type="checkbox"> Link accessible to anyone</label>', false],
    [
      'a native checkbox, checked',
      '<label><input id="t" type="checkbox" checked> Link accessible to anyone</label>',
      true,
    ],
  ])('%s → share-public (switching it off is not warned)', (_how, sw, onNow) => {
    expect(on(page(sw), '#t', 'vibe-chat')).toMatchObject({ kind: 'share-public', clearing: onNow });
  });
  it('a switch whose label carries the phrase after a heading is still the public switch', () => {
    const d = page(
      '<button id="t" role="switch" aria-checked="false" aria-label="Visibility: anyone with the link can view"></button>',
    );
    expect(on(d, '#t', 'vibe-chat')).toMatchObject({ kind: 'share-public' });
  });
  it('on a page where nothing can be shared (the new-chat page), the switch is nothing', () => {
    const d = page(
      '<button id="t" role="switch" aria-checked="false" aria-label="Link accessible to anyone"></button>',
    );
    expect(on(d, '#t', 'vibe-chat-home')).toBeNull();
  });
  it('a switch about something else is nothing', () => {
    const d = page('<button id="t" role="switch" aria-checked="false" aria-label="Dark mode"></button>');
    expect(on(d, '#t', 'vibe-chat')).toBeNull();
  });
});

describe('share by link: the button, and whether the chat is already public', () => {
  it('"Share by link — anyone can view" is the share-link button', () => {
    const d = doc('<div role="dialog"><button id="s">Share by link — anyone can view</button></div>');
    expect(on(d, '#s', 'vibe-chat')).toMatchObject({ kind: 'share-link', clearing: false });
  });
  it('outside a dialog, a visible public switch that is on anywhere on the page: already public', () => {
    const d = doc(
      '<div><button id="s">Share by link</button></div><section><button role="switch" aria-checked="true" aria-label="Link accessible to anyone"></button></section>',
    );
    expect(on(d, '#s', 'vibe-chat')).toMatchObject({ kind: 'share-link', clearing: true });
  });
  it('a switch labelled with the phrase after a heading counts too', () => {
    const d = doc(
      '<div role="dialog"><button id="s">Share by link</button><button role="switch" aria-checked="true" aria-label="Visibility: anyone with the link can view"></button></div>',
    );
    expect(on(d, '#s', 'vibe-chat')).toMatchObject({ kind: 'share-link', clearing: true });
  });
});

describe('Labs models: the toggle, in its three markups, on the API privacy page only', () => {
  it.each([
    ['role=switch', '<button id="t" role="switch" aria-checked="true" aria-label="Enable Labs models"></button>', true],
    ['role=checkbox', '<div id="t" role="checkbox" aria-checked="false" aria-label="Enable Labs models"></div>', false],
    ['a native checkbox', '<label><input id="t" type="checkbox"> Enable Labs models</label>', false],
    [
      'a label followed by its description',
      '<button id="t" role="switch" aria-checked="false" aria-label="Enable Labs models — experimental, may be removed"></button>',
      false,
    ],
  ])('%s → labs', (_how, html, onNow) => {
    expect(on(doc(html), '#t', 'admin-api-privacy')).toMatchObject({ kind: 'labs', clearing: onNow });
  });
  it('a plain button or link named like it is not the toggle', () => {
    const d = doc(
      '<button id="t">Enable Labs models</button><a id="l" href="#labs">Labs models</a><button id="n" aria-label="Enable Labs models"></button>',
    );
    expect(on(d, '#t', 'admin-api-privacy')).toBeNull();
    expect(on(d, '#l', 'admin-api-privacy')).toBeNull();
    expect(on(d, '#n', 'admin-api-privacy')).toBeNull();
  });
  it('the same toggle elsewhere (the Vibe privacy page) is not warned', () => {
    const d = doc('<button id="t" role="switch" aria-checked="false" aria-label="Enable Labs models"></button>');
    expect(on(d, '#t', 'admin-vibe-privacy')).toBeNull();
  });
});
