/**
 * Windsock's in-page UI: a warning dialog, a slim banner and a short note, all inside one closed shadow root
 * (the page's scripts and styles can't reach in, and its styles don't leak out). Built with DOM calls and
 * `textContent` only: no HTML strings, so no page-derived text can ever become markup.
 *
 * The dialog is an `alertdialog`: labelled and described, focus moves in (to Cancel, the safe choice) and
 * comes back to where it was, Tab stays inside, Escape cancels. Its buttons act only on the user's own
 * (trusted) input, so a page script cannot click through it.
 */

import { browser } from 'wxt/browser';
// A real stylesheet, minified by the build (lib/page/ui.css).
import CSS from './ui.css?inline';

export interface UiHost {
  root: ShadowRoot;
  host: HTMLElement;
  destroy(): void;
}

/**
 * The host's own inline style. Inline `!important` declarations beat every page stylesheet (even its own
 * `!important` rules), so a page rule on `div`, `html > *` or `:popover-open` cannot hide, clip, fade or move
 * the host. A page *script* can still rewrite this attribute or style an ancestor: the warning checks that
 * before it honours a confirm (see `tampered()`).
 */
const HOST_STYLE =
  'all:initial!important;display:block!important;position:fixed!important;inset:0 auto auto 0!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;background:transparent!important;opacity:1!important;visibility:visible!important;filter:none!important;transform:none!important;translate:none!important;scale:none!important;rotate:none!important;clip-path:none!important;mask:none!important;mix-blend-mode:normal!important;contain:none!important;pointer-events:auto!important;z-index:2147483647!important';

// The host is kept on the content scripts' own global (their isolated world, which Windsock's scripts share
// and page scripts cannot see), so every part of a page's UI script (warnings, composer, banner) draws into the same closed root.
const WORLD = globalThis as { __windsockUi?: UiHost | null };
let shared: UiHost | null = null;

/** Our host, still where we put it (a page that moved it into a hidden container does not keep it). */
const inPlace = (u: UiHost | null | undefined): u is UiHost => !!u && u.host.parentNode === document.documentElement;

/** Put the host on top of the top layer (above the page's own popovers and dialogs opened so far). */
function raise(host: HTMLElement) {
  try {
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    // No Popover API, or the page got in the way: the inline z-index still applies.
  }
}

/**
 * The one host element of Windsock's UI on this page (created again if the page removed or moved it). A plain
 * `div` — a custom element's tag can be defined first by the page, which then gets the "closed" root through
 * `attachInternals()` — with no attribute that names Windsock, its closed shadow root attached before the page
 * can ever see it. Throws if even that fails; callers fall back to the browser's own confirm().
 */
function uiHost(): UiHost {
  if (!inPlace(shared) && inPlace(WORLD.__windsockUi)) {
    // Another script of Windsock's made it (the chat script, or an older copy orphaned by an update): this
    // script takes it over, so that the other one, ending, leaves it in place.
    shared = { ...WORLD.__windsockUi };
    WORLD.__windsockUi = shared;
  }
  if (inPlace(shared)) {
    // A page script may have rewritten the host's style or popover state since: put ours back.
    if (shared.host.getAttribute('style') !== HOST_STYLE) shared.host.setAttribute('style', HOST_STYLE);
    if (shared.host.getAttribute('popover') !== 'manual') shared.host.setAttribute('popover', 'manual');
    return shared;
  }
  (shared as UiHost | null)?.host.remove();
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('popover', 'manual');
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
  document.documentElement.append(host);
  raise(host);
  shared = { root, host, destroy: () => host.remove() };
  WORLD.__windsockUi = shared;
  return shared;
}

function uiHostIfAny(): UiHost | null {
  return inPlace(shared) ? shared : inPlace(WORLD.__windsockUi) ? WORLD.__windsockUi : null;
}

/** This script is ending: remove the host unless another live script of Windsock's has taken it over. */
export function destroyUi(): void {
  if (shared && (WORLD.__windsockUi === shared || !WORLD.__windsockUi)) {
    shared.destroy();
    WORLD.__windsockUi = null;
  }
  shared = null;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface DialogText {
  title: string;
  body: string[];
  source?: string;
  confirm: string;
  cancel: string;
  brand: string;
  dontAsk?: { label: string; session: string; always: string };
  /** How the browser's own confirm() says what OK and Cancel do: `$1` the confirm label, `$2` the cancel label. */
  fallbackHint?: string;
}

export interface DialogResult {
  confirmed: boolean;
  dontAsk: 'session' | 'always' | null;
}

/** `lang` and `dir` for a Windsock language id: pt_BR → pt-BR; Arabic is right-to-left (the CSS is logical). */
const langAttrs = (lang: string) => ({
  lang: lang.replace('_', '-'),
  dir: /^ar(?:$|[-_])/i.test(lang) ? 'rtl' : 'ltr',
});

let seq = 0;

/**
 * The warning in words the page cannot style: the browser's own confirm(), called from the content script (its
 * isolated world: a page that replaced `window.confirm` replaced only its own). It blocks the tab, so it is
 * only the fallback, for a page that tampered with Windsock's UI or where the UI cannot be shown at all.
 */
function nativeConfirm(text: DialogText): boolean {
  const hint = (text.fallbackHint || msg('page_fallbackHint', ['$1', '$2']))
    .replace('$1', text.confirm)
    .replace('$2', text.cancel);
  const lines = [`${text.brand} — ${text.title}`, ...text.body, ...(text.source ? [text.source] : []), hint];
  try {
    return window.confirm(lines.join('\n\n'));
  } catch {
    return false;
  }
}

function msg(key: string, subs?: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs) || '';
  } catch {
    return '';
  }
}

/** Properties that, on the host, the root element or our own boxes, can make a warning unreadable. */
function hides(el: Element, root: boolean): boolean {
  const s = getComputedStyle(el);
  const opacity = Number(s.opacity);
  return (
    !(opacity >= 0.99) ||
    (!root && s.visibility !== 'visible') ||
    s.display === 'none' ||
    (s.filter !== 'none' && s.filter !== '') ||
    (s.transform !== 'none' && s.transform !== '') ||
    (s.clipPath !== 'none' && s.clipPath !== '') ||
    (!!s.maskImage && s.maskImage !== 'none') ||
    (s.mixBlendMode !== 'normal' && s.mixBlendMode !== '') ||
    s.contentVisibility === 'hidden' ||
    (s.zoom !== '' && s.zoom !== '1' && s.zoom !== 'normal' && Number(s.zoom) < 0.5)
  );
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Did the page do anything that could keep the user from reading the warning they are about to confirm? The
 * host removed, moved or taken out of the top layer; the host, the root element or the dialog faded, filtered,
 * transformed, clipped or masked; the confirm button not visible or off-screen; an element of the page's own
 * in the top layer over the dialog; a click that landed somewhere the dialog is not; and, where the browser
 * has it (Chromium), IntersectionObserver v2's own verdict that the dialog is occluded or altered.
 */
function tampered(
  host: HTMLElement,
  box: HTMLElement,
  button: HTMLElement,
  e: MouseEvent | KeyboardEvent | null,
  occluded: () => boolean,
): boolean {
  try {
    if (host.parentNode !== document.documentElement || !box.isConnected) return true;
    if (typeof host.showPopover === 'function' && !host.matches(':popover-open')) return true;
    if ([host, box, button].some((x) => hides(x, false)) || hides(document.documentElement, true)) return true;
    const cv = (button as HTMLElement & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (cv && !cv.call(button, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
      return true;
    const r = box.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    if (
      b.width < 4 ||
      b.height < 4 ||
      b.right <= 0 ||
      b.bottom <= 0 ||
      b.left >= window.innerWidth ||
      b.top >= window.innerHeight
    )
      return true;
    for (const other of Array.from(document.querySelectorAll(':popover-open, dialog[open], :fullscreen'))) {
      if (other !== host && overlaps(other.getBoundingClientRect(), r)) return true;
    }
    if (e && 'clientX' in e && e.detail > 0) {
      // A pointer click: what is at that point must be our button.
      const top = document.elementFromPoint(e.clientX, e.clientY);
      const inner = (host.shadowRoot ?? shadowOf.get(host))?.elementFromPoint(e.clientX, e.clientY);
      if (top !== host || !inner || !button.contains(inner)) return true;
    }
    return occluded();
  } catch {
    return true;
  }
}

/** A guarded gesture while a warning is already open: bring that warning back on top and into focus. */
export function nudgeWarning(): void {
  const u = uiHostIfAny();
  const cancel = u?.root.querySelector<HTMLElement>('.dialog [data-action="cancel"]');
  if (!u || !cancel) return;
  raise(u.host);
  cancel.focus({ preventScroll: true });
}

/** The browser's language, for a warning Windsock has to word without the background (lang attribute). */
export function uiLang(): string {
  return (msg('@@ui_locale') || navigator.language || 'en').replace('_', '-');
}

/** A message of Windsock's own, in the browser's language, straight from the extension's locales. */
export function localMsg(key: string, subs?: string[]): string {
  return msg(key, subs);
}

/**
 * The cautious reading, when the background cannot answer (no extension context, a failed or hung message):
 * Windsock does not know the verdict, so it warns as if training were on and lets the user decide.
 */
export function offlineText(extra: string[] = []): DialogText {
  return {
    brand: msg('page_brand'),
    title: msg('page_offlineTitle'),
    body: [msg('page_offlineBody'), ...extra],
    confirm: msg('page_offlineConfirm'),
    cancel: msg('page_cancel'),
  };
}

// Our closed roots, by host (a closed root is not reachable through `host.shadowRoot`).
const shadowOf = new WeakMap<Element, ShadowRoot>();

/**
 * Show a warning anchored near `anchor`. Resolves when the user decides; only trusted input decides. If the
 * page removes Windsock's UI while the warning is open, the warning resolves as cancelled; if it hides or
 * covers it, the confirm is not taken as read: the same warning is asked again with the browser's own
 * confirm(). If Windsock's UI cannot be made at all, the browser's confirm() asks straight away.
 */
export function warn(
  anchor: Element | null,
  text: DialogText,
  lang: string,
  signal?: AbortSignal,
): Promise<DialogResult> {
  let ui: UiHost;
  try {
    ui = uiHost();
  } catch {
    return Promise.resolve({ confirmed: nativeConfirm(text), dontAsk: null });
  }
  const { root, host } = ui;
  shadowOf.set(host, root);
  raise(host);
  const id = `ws-${++seq}`;
  const previous = document.activeElement as HTMLElement | null;
  const box = el('div', {
    class: 'dialog',
    role: 'alertdialog',
    'aria-modal': 'true',
    'aria-labelledby': `${id}-t`,
    'aria-describedby': `${id}-d`,
    ...langAttrs(lang),
    'data-windsock-dialog': '',
  });
  box.append(el('div', { class: 'brand' }, text.brand));
  box.append(el('h2', { id: `${id}-t` }, text.title));
  const desc = el('div', { id: `${id}-d` });
  for (const line of text.body) desc.append(el('p', {}, line));
  box.append(desc);
  if (text.source) box.append(el('p', { class: 'source' }, text.source));
  let check: HTMLInputElement | null = null;
  let scope: HTMLSelectElement | null = null;
  if (text.dontAsk) {
    const row = el('div', { class: 'choice' });
    check = el('input', { type: 'checkbox', id: `${id}-c` }) as HTMLInputElement;
    scope = el('select', { 'aria-label': text.dontAsk.label, disabled: '' }) as HTMLSelectElement;
    scope.append(
      el('option', { value: 'session' }, text.dontAsk.session),
      el('option', { value: 'always' }, text.dontAsk.always),
    );
    check.addEventListener('change', () => {
      if (scope) scope.disabled = !check!.checked;
    });
    row.append(check, el('label', { for: `${id}-c` }, text.dontAsk.label), scope);
    box.append(row);
  }
  const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, text.cancel);
  const confirm = el('button', { type: 'button', class: 'primary', 'data-action': 'confirm' }, text.confirm);
  const buttons = el('div', { class: 'row' });
  buttons.append(cancel, confirm);
  box.append(buttons);
  root.append(box);
  place(box, anchor);

  // IntersectionObserver v2 (Chromium): the browser's own word on whether the dialog is drawn unaltered and
  // unoccluded. Unknown (Firefox, or not measured yet) counts as fine: the other checks still apply.
  let visibleV2: boolean | null = null;
  let io: IntersectionObserver | null = null;
  try {
    io = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (typeof last?.isVisible === 'boolean') visibleV2 = last.isVisible;
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    io.observe(box);
  } catch {
    io = null;
  }
  // Removed (or moved) while open: an observer of the root element's own children, only while a warning is open.
  let mo: MutationObserver | null = null;

  return new Promise<DialogResult>((resolve) => {
    let done = false;
    const finish = (confirmed: boolean, fromFallback = false) => {
      if (done) return;
      done = true;
      mo?.disconnect();
      io?.disconnect();
      box.remove();
      const dontAsk =
        confirmed && !fromFallback && check?.checked ? (scope?.value === 'always' ? 'always' : 'session') : null;
      try {
        (anchor as HTMLElement | null)?.focus?.({ preventScroll: true });
        if (!anchor && previous?.isConnected) previous.focus({ preventScroll: true });
      } catch {
        // Focus can fail on a node the page removed.
      }
      resolve({ confirmed, dontAsk });
    };
    mo = new MutationObserver((records) => {
      if (host.parentNode !== document.documentElement || !box.isConnected) return finish(false);
      // The page rewrote the host's style or popover state while the warning is open: the user may no
      // longer see what they would confirm. Ask with the browser's own confirm() instead.
      if (records.some((r) => r.type === 'attributes' && r.target === host)) finish(nativeConfirm(text), true);
    });
    mo.observe(document.documentElement, { childList: true });
    mo.observe(host, { attributes: true });
    signal?.addEventListener('abort', () => finish(false), { once: true });
    cancel.addEventListener('click', (e) => e.isTrusted && finish(false));
    confirm.addEventListener('click', (e) => {
      if (!e.isTrusted || done) return;
      if (tampered(host, box, confirm, e, () => visibleV2 === false)) {
        // Not taken as read: ask again where the page cannot reach.
        finish(nativeConfirm(text), true);
        return;
      }
      finish(true);
    });
    box.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        finish(false);
      } else if (e.key === 'Tab') {
        const f = Array.from(box.querySelectorAll<HTMLElement>('button, input, select')).filter(
          (x) => !(x as HTMLInputElement).disabled,
        );
        const i = f.indexOf(root.activeElement as HTMLElement);
        const next = e.shiftKey ? (i <= 0 ? f.length - 1 : i - 1) : i === f.length - 1 ? 0 : i + 1;
        e.preventDefault();
        f[next]?.focus();
      }
      // Keys typed in the dialog are Windsock's, not the page's.
      e.stopPropagation();
    });
    cancel.focus({ preventScroll: true });
  });
}

/** Near the anchor, wholly inside the viewport: below it if it fits, else above, else as high as it can be. */
function place(box: HTMLElement, anchor: Element | null) {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  box.style.maxHeight = `${vh - 16}px`;
  box.style.overflowY = 'auto';
  const w = Math.min(380, vw - 16);
  const h = box.getBoundingClientRect().height || 300;
  const r = anchor?.getBoundingClientRect?.();
  if (!r || (r.width === 0 && r.height === 0)) {
    box.style.left = `${Math.max(8, (vw - w) / 2)}px`;
    box.style.top = `${Math.max(8, (vh - h) / 3)}px`;
    return;
  }
  box.style.left = `${Math.min(Math.max(8, r.left + r.width / 2 - w / 2), vw - w - 8)}px`;
  let top: number;
  if (r.bottom + 8 + h <= vh - 8) top = r.bottom + 8;
  else if (r.top - 8 - h >= 8) top = r.top - 8 - h;
  else top = Math.max(8, vh - 8 - h);
  box.style.top = `${top}px`;
}

export interface BannerText {
  text: string;
  link: string;
  href: string;
  dismiss: string;
  brand: string;
}

/** The slim banner on chat pages while training is on; `onDismiss` is called on the user's own click. */
export function showBanner(text: BannerText, lang: string, onDismiss: () => void): () => void {
  let root: ShadowRoot;
  try {
    ({ root } = uiHost());
  } catch {
    return () => undefined; // No UI can be made here: the badge still says it.
  }
  root.querySelector('.banner')?.remove();
  const bar = el('div', {
    class: 'banner',
    role: 'region',
    'aria-label': text.brand,
    ...langAttrs(lang),
    'data-windsock-banner': '',
  });
  const a = el('a', { href: text.href, target: '_blank', rel: 'noopener noreferrer' }, text.link);
  const close = el('button', { type: 'button', 'data-action': 'dismiss' }, text.dismiss);
  close.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    bar.remove();
    onDismiss();
  });
  bar.append(el('span', {}, text.text), a, close);
  root.append(bar);
  return () => bar.remove();
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
  let root: ShadowRoot;
  try {
    ({ root } = uiHost());
  } catch {
    return;
  }
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
  if (opts.onWhy) {
    const why = el('button', { type: 'button', class: 'linkish', 'data-action': 'why' }, secondary);
    why.addEventListener('click', (e) => e.isTrusted && opts.onWhy!());
    p.append(why);
  } else p.append(el('span', { class: 'source' }, secondary));
  const close = el('button', { type: 'button' }, closeLabel);
  close.addEventListener('click', (e) => e.isTrusted && note.remove());
  note.append(p, close);
  root.append(note);
  const r = opts.above?.getBoundingClientRect?.();
  if (r && r.height) note.style.bottom = `${Math.max(8, window.innerHeight - r.top + 8)}px`;
  if (!opts.persist) setTimeout(() => note.remove(), 15_000);
}

export function hideNote(id = 'note'): void {
  uiHostIfAny()?.root.querySelector(`.note[data-id="${id}"]`)?.remove();
}
