/**
 * The banner and the notes of Windsock's in-page UI (the attachment note, the composer's notice), drawn in the
 * closed shadow root lib/page/ui.ts keeps, with DOM calls and `textContent` only. Only the chat page's UI script
 * carries this file (lib/page/banner.ts, lib/page/composer.ts, and the notes it hands the warnings:
 * lib/page/ui-script.ts): the Admin Panel shows neither. Its stylesheet (lib/page/notes.css) goes into the root with
 * the base rules of lib/page/ui.css it builds on, after them, when the host is made (`addUiCss`, as this file loads).
 */
import { el, langAttrs } from './dom';
import { addUiCss, uiHost, uiHostIfAny } from './ui';
// A real stylesheet, minified by the build (lib/page/notes.css): the banner and the notes.
import CSS from './notes.css?inline';

addUiCss(CSS);

/** Windsock's closed root, or null when no UI can be made here. */
function notesRoot(): ShadowRoot | null {
  try {
    return uiHost().root;
  } catch {
    return null;
  }
}

/** A button that acts on the user's own click only (a page script's click is untrusted, and ignored). */
function button(label: string, attrs: Record<string, string>, act: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', (e) => e.isTrusted && act());
  return b;
}

export interface BannerText {
  text: string;
  link: string;
  href: string;
  dismiss: string;
  brand: string;
}

/** The slim banner on chat pages while training is on; `onDismiss` is called on the user's own click. */
export function showBanner(text: BannerText, lang: string, onDismiss: () => void): void {
  const root = notesRoot();
  if (!root) return; // No UI can be made here: the badge still says it.
  root.querySelector('.banner')?.remove();
  const bar = el('div', {
    class: 'banner',
    role: 'region',
    'aria-label': text.brand,
    ...langAttrs(lang),
    'data-windsock-banner': '',
  });
  const a = el('a', { href: text.href, target: '_blank', rel: 'noopener noreferrer' }, text.link);
  const close = button(text.dismiss, { 'data-action': 'dismiss' }, () => {
    bar.remove();
    onDismiss();
  });
  bar.append(el('span', {}, text.text), a, close);
  root.append(bar);
}

export function hideBanner(): void {
  uiHostIfAny()?.root.querySelector('.banner')?.remove();
}

export interface NoteOptions {
  /** Notes with different ids can stand together (the attachment note, the composer's notice). */
  id?: string;
  /** Stay until closed or replaced, instead of going by itself after a while. */
  persist?: boolean;
  /** Make the second line a button that calls this (the user's own click only). */
  onWhy?: () => void;
  /** Stand just above this element (the composer), never over it. */
  above?: Element;
}

/** A short, non-blocking note: attachments are input data; personal data in the composer. */
export function showNote(
  text: string,
  secondary: string,
  closeLabel: string,
  lang: string,
  opts: NoteOptions = {},
): void {
  const root = notesRoot();
  if (!root) return;
  const id = opts.id ?? 'note';
  root.querySelector(`.note[data-id="${id}"]`)?.remove();
  const note = el('div', {
    class: `note note-${id}`,
    role: 'status',
    ...langAttrs(lang),
    'data-windsock-note': '',
    'data-id': id,
  });
  const p = el('p', {}, text);
  p.append(el('br'));
  p.append(
    opts.onWhy
      ? button(secondary, { class: 'linkish', 'data-action': 'why' }, opts.onWhy)
      : el('span', { class: 'source' }, secondary),
  );
  note.append(
    p,
    button(closeLabel, {}, () => note.remove()),
  );
  root.append(note);
  const r = opts.above?.getBoundingClientRect?.();
  if (r && r.height) note.style.bottom = `${Math.max(8, window.innerHeight - r.top + 8)}px`;
  if (!opts.persist) setTimeout(() => note.remove(), 15_000);
}

export function hideNote(id = 'note'): void {
  uiHostIfAny()?.root.querySelector(`.note[data-id="${id}"]`)?.remove();
}
