/**
 * Windsock's in-page UI, in the UI scripts: one closed shadow root (the page's scripts and styles can't reach in,
 * and its styles don't leak out) holding a slim banner, short notes and the warning dialog. Built with DOM calls
 * and `textContent` only: no HTML strings, so no page-derived text can ever become markup.
 *
 * This file keeps the host and its base stylesheet, the browser's own confirm() as the fallback, and the warning's
 * entry point. The banner and the notes are drawn by lib/page/notes.ts (with their own stylesheet), which only the
 * chat page's UI script carries. The dialog's code (lib/page/dialog.ts: the `alertdialog`, its tamper
 * checks, focus handling and stylesheet) is not in the UI scripts: `warn` loads it the first time a warning must
 * be shown (lib/page/on-demand.ts: the background injects it into this frame's isolated world), and when it
 * cannot be loaded in time the browser's own confirm() asks instead, so a warning is always shown.
 */

import { browser } from 'wxt/browser';
import type { DialogApi } from './dialog';
// A real stylesheet, minified by the build (lib/page/ui.css): the base rules the dialog and the notes build on.
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

/** The stylesheet a host made by this script gets: the base rules, then those its parts add (`addUiCss`). */
let css = CSS;

/**
 * Rules for the hosts this script makes, after the base ones: lib/page/notes.ts adds the banner's and the notes'
 * when it loads (only the chat page's UI script carries it), before any host is made.
 */
export function addUiCss(rules: string): void {
  css += rules;
}

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
export function uiHost(): UiHost {
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
  style.textContent = css;
  root.append(style);
  document.documentElement.append(host);
  raise(host);
  shared = { root, host, destroy: () => host.remove() };
  WORLD.__windsockUi = shared;
  return shared;
}

/** The host, if this page has one in place (nothing is made). */
export function uiHostIfAny(): UiHost | null {
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

/**
 * The warning in words the page cannot style: the browser's own confirm(), called from the content script (its
 * isolated world: a page that replaced `window.confirm` replaced only its own). It blocks the tab, so it is
 * only the fallback, for a page that tampered with Windsock's UI or where the UI cannot be shown at all.
 */
function nativeConfirm(text: DialogText): boolean {
  const hint = (text.fallbackHint || localMsg('page_fallbackHint', ['$1', '$2']))
    .replace('$1', text.confirm)
    .replace('$2', text.cancel);
  const lines = [`${text.brand} — ${text.title}`, ...text.body, ...(text.source ? [text.source] : []), hint];
  try {
    return window.confirm(lines.join('\n\n'));
  } catch {
    return false;
  }
}

/** A message of Windsock's own, in the browser's language, straight from the extension's locales. */
export function localMsg(key: string, subs?: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs) || '';
  } catch {
    return '';
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

/** Where the dialog's code comes from (lib/page/ui-script.ts sets it; unset, nothing loads it). */
let loadDialog: () => Promise<DialogApi | null> = () => Promise.resolve(null);
let dialog: Promise<DialogApi | null> | null = null;

/** How this script loads the dialog's code (lib/page/on-demand.ts). */
export function setDialogLoader(load: () => Promise<DialogApi | null>): void {
  loadDialog = load;
  dialog = null;
}

/**
 * Start loading the dialog's code, if it is not loaded or loading (lib/page/confirm.ts calls it at the gesture,
 * alongside its request for the page's context, so both share one wait). A failed load is not remembered: the
 * next warning tries again.
 */
export function preloadDialog(): Promise<DialogApi | null> {
  if (dialog) return dialog;
  const p = loadDialog().catch(() => null);
  dialog = p;
  void p.then((api) => {
    if (!api && dialog === p) dialog = null;
  });
  return p;
}

/**
 * Show a warning anchored near `anchor` (lib/page/dialog.ts). Resolves when the user decides; only trusted input
 * decides. If the dialog's code cannot be loaded (the background did not inject it in time) or Windsock's UI
 * cannot be made at all, the browser's own confirm() asks straight away, with the same words.
 */
export async function warn(
  anchor: Element | null,
  text: DialogText,
  lang: string,
  signal?: AbortSignal,
): Promise<DialogResult> {
  const api = await preloadDialog();
  if (signal?.aborted) return { confirmed: false, dontAsk: null };
  let ui: UiHost;
  try {
    if (!api) throw new Error('no dialog');
    ui = uiHost();
  } catch {
    return { confirmed: nativeConfirm(text), dontAsk: null };
  }
  const { root, host } = ui;
  return api.warn({ root, host, raise: () => raise(host), fallback: nativeConfirm }, anchor, text, lang, signal);
}

/** The browser's language, for a warning Windsock has to word without the background (lang attribute). */
export function uiLang(): string {
  return (localMsg('@@ui_locale') || navigator.language || 'en').replace('_', '-');
}

/**
 * The cautious reading, when the background cannot answer (no extension context, a failed or hung message):
 * Windsock does not know the verdict, so it warns as if training were on and lets the user decide.
 */
export function offlineText(extra: string[] = []): DialogText {
  return {
    brand: localMsg('page_brand'),
    title: localMsg('page_offlineTitle'),
    body: [localMsg('page_offlineBody'), ...extra],
    confirm: localMsg('page_offlineConfirm'),
    cancel: localMsg('page_cancel'),
  };
}
