/**
 * Windsock's warning dialog: an `alertdialog` inside the UI scripts' closed shadow root (lib/page/ui.ts), with its
 * tamper checks, focus handling and stylesheet (lib/page/dialog.css). Not in the UI scripts' bundles: the
 * background injects it (entrypoints/dialog.content.ts, into the content scripts' isolated world of the asking
 * frame) the first time a warning must be shown, and it hands `DIALOG` to the UI script through that world's
 * global (lib/page/on-demand.ts). It imports no extension API: what it needs (the host, the browser's own
 * confirm() as the fallback) is passed in by lib/page/ui.ts `warn`.
 *
 * The dialog is labelled and described, focus moves in (to Cancel, the safe choice) and comes back to where it
 * was, Tab stays inside, Escape cancels. Its buttons act only on the user's own (trusted) input, so a page script
 * cannot click through it. Built with DOM calls and `textContent` only.
 */
import type { DialogResult, DialogText } from './ui';
import { el, langAttrs } from './dom';
// A real stylesheet, minified by the build; appended to the shared root the first time a dialog is shown there.
import CSS from './dialog.css?inline';

/** What lib/page/ui.ts hands the dialog: the host and its closed root, and what the dialog falls back on. */
export interface DialogHost {
  root: ShadowRoot;
  host: HTMLElement;
  /** Put the host on top of the top layer again. */
  raise(): void;
  /** The same warning through the browser's own confirm() (lib/page/ui.ts `nativeConfirm`). */
  fallback(text: DialogText): boolean;
}

/** The dialog's API, as the injected script hands it to the UI script. */
export interface DialogApi {
  warn: typeof warn;
}

let seq = 0;

/** Properties that, on the host, the root element or our own boxes, can make a warning unreadable. */
function hides(x: Element, root: boolean): boolean {
  const s = getComputedStyle(x);
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
  root: ShadowRoot,
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
      const inner = root.elementFromPoint(e.clientX, e.clientY);
      if (top !== host || !inner || !button.contains(inner)) return true;
    }
    return occluded();
  } catch {
    return true;
  }
}

/**
 * Show a warning anchored near `anchor`, in the UI scripts' host (`ui`: its closed root, made by lib/page/ui.ts).
 * Resolves when the user decides; only trusted input decides. If the page removes Windsock's UI while the warning
 * is open, the warning resolves as cancelled; if it hides or covers it, the confirm is not taken as read: the
 * same warning is asked again with the browser's own confirm() (`ui.fallback`).
 */
function warn(
  ui: DialogHost,
  anchor: Element | null,
  text: DialogText,
  lang: string,
  signal?: AbortSignal,
): Promise<DialogResult> {
  const { root, host } = ui;
  const nativeConfirm = ui.fallback;
  if (!root.querySelector('style[data-dialog]')) root.append(el('style', { 'data-dialog': '' }, CSS));
  ui.raise();
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
      if (tampered(host, root, box, confirm, e, () => visibleV2 === false)) {
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

export const DIALOG: DialogApi = { warn };
