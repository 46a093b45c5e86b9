/**
 * The composer guard: personal data in a message that may train a model (the verdict is `training` or
 * `unknown`). Only the composer is read, only when the user types or pastes into it (debounced, then in idle
 * time), never while nothing is typed — so never per streamed token. Nothing typed is stored or sent anywhere:
 * the scanner (lib/scan) runs here, and only category counts are kept, never the values.
 *
 * - A small notice near the composer lists what was found, by category and count, with a "why" that opens the
 *   verdict for this tab.
 * - On send (Enter in the composer, or the send button) with findings present: "Send anyway" or "Edit".
 *   Sending anyway sends exactly once (the original gesture, replayed once); Edit sends nothing.
 */
import type { Life } from './life';
import { textMatches } from '../detect/text';
import { scan, scanSliced, summarize, CATEGORIES, SYNC_SCAN_MAX, type Category, type Finding } from '../scan';
import { makeClient } from './client';
import { hideNote, localMsg, nudgeWarning, offlineText, showNote, uiLang, warn, type DialogText } from './ui';

export const COMPOSER = {
  editors: ['div.ProseMirror[contenteditable="true"]', 'textarea[name="message.text"]', '[contenteditable="true"][role="textbox"]'],
  sendLabels: ['send question', 'send', 'send message', 'envoyer', 'envoyer la question', 'envoyer le message'],
};

export interface ComposerCounters {
  scans: number;
  scanMs: number;
  blocked: number;
  sentAnyway: number;
}

const EDITOR_SEL = COMPOSER.editors.join(', ');

function editorOf(t: EventTarget | null): HTMLElement | null {
  return t instanceof Element ? (t.closest(EDITOR_SEL) as HTMLElement | null) : null;
}

function textOf(ed: HTMLElement): string {
  return ed.tagName === 'TEXTAREA' ? (ed as HTMLTextAreaElement).value : (ed.innerText ?? ed.textContent ?? '');
}

function isSendButton(el: Element | null): el is HTMLElement {
  if (!el) return false;
  const b = el.closest('button, [role="button"]');
  if (!b) return false;
  const name = b.getAttribute('aria-label') ?? b.getAttribute('title') ?? '';
  return (b.getAttribute('type') === 'submit' && !!document.querySelector(EDITOR_SEL)) || textMatches(name, COMPOSER.sendLabels, false);
}

export function installComposerGuard(ctx: Life): ComposerCounters {
  const counters: ComposerCounters = { scans: 0, scanMs: 0, blocked: 0, sentAnyway: 0 };
  const { ask, getContext } = makeClient(ctx);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let found: Partial<Record<Category, number>> = {};
  let deciding = false;

  // Scanning never blocks the page for more than a slice (issue 13): scanSliced yields to the page every few
  // milliseconds. The last text's counts are kept (in memory, like the editor's own text) so that a send right
  // after typing needs no new scan; a short text is scanned at once (SYNC_SCAN_MAX: within one slice).
  let last: { text: string; found: Partial<Record<Category, number>> } | null = null;
  const tally = (text: string, findings: Finding[]) => {
    const s = summarize(findings);
    counters.scans++;
    const out: Partial<Record<Category, number>> = {};
    for (const c of CATEGORIES) if (s[c]) out[c] = s[c];
    last = { text, found: out };
    return out;
  };
  const counts = async (text: string) =>
    last?.text === text ? last.found : tally(text, await scanSliced(text, { onSlice: (ms) => void (counters.scanMs += ms) }));
  /** The counts without a long scan (known, or a short text), else null. */
  const countsNow = (text: string) => {
    if (last?.text === text) return last.found;
    if (text.length > SYNC_SCAN_MAX) return null;
    const t0 = performance.now();
    const findings = scan(text);
    counters.scanMs += performance.now() - t0;
    return tally(text, findings);
  };

  const describe = (f: Partial<Record<Category, number>>, strings: Record<string, string>) =>
    (Object.entries(f) as [Category, number][]).map(([c, n]) => `${strings[`cat_${c}`] ?? c} (${n})`).join(strings.listComma ?? ', ');

  const refresh = async (ed: HTMLElement) => {
    if (ctx.isInvalid || !ed.isConnected) return;
    found = await counts(textOf(ed));
    if (ctx.isInvalid || !ed.isConnected) return;
    const c = await getContext();
    if (!c || c.state === 'not-training' || !Object.keys(found).length) return hideNote('composer');
    showNote(c.strings.composerNotice.replace('$1', describe(found, c.strings)), c.strings.composerWhy, c.strings.close, c.lang, {
      id: 'composer',
      persist: true,
      onWhy: () => void ask({ type: 'open-verdict', url: location.href }),
      above: (ed.closest('form') as Element | null) ?? ed,
    });
  };

  const schedule = (ed: HTMLElement) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
      if (idle) idle(() => void refresh(ed), { timeout: 1000 });
      else void refresh(ed);
    }, 300);
  };
  ctx.onInvalidated(() => timer !== null && clearTimeout(timer));

  const onInput = (e: Event) => {
    if (!e.isTrusted) return;
    const ed = editorOf(e.target);
    if (ed) schedule(ed);
  };
  ctx.addEventListener(document, 'input', onInput, { capture: true, passive: true });
  ctx.addEventListener(document, 'paste', onInput, { capture: true, passive: true });

  // Sending: decided synchronously (the event must be stopped before the app sees it), on a fresh scan.
  const onSend = (e: Event, ed: HTMLElement | null, replay: () => void) => {
    if (!e.isTrusted || ctx.isInvalid) return;
    const editor = ed ?? (document.querySelector(EDITOR_SEL) as HTMLElement | null);
    if (!editor) return;
    const typed = textOf(editor);
    const known = countsNow(typed);
    if (known && !Object.keys(known).length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (deciding) return nudgeWarning();
    deciding = true;
    void (async () => {
      try {
        // A long text not scanned yet: held while it is scanned in slices, then sent as it was if nothing is found.
        const now = known ?? (await counts(typed));
        if (ctx.isInvalid) return;
        if (!Object.keys(now).length) return replay();
        counters.blocked++;
        const c = await getContext();
        if (ctx.isInvalid) return;
        if (c?.state === 'not-training') return replay();
        let text: DialogText;
        if (c) {
          text = { title: c.strings.composerTitle, body: [c.strings.composerBody.replace('$1', describe(now, c.strings))], confirm: c.strings.composerSend, cancel: c.strings.composerEdit, brand: c.strings.brand, fallbackHint: c.strings.fallbackHint };
        } else {
          // The background cannot answer: the cautious reading, in the browser's language, and the user decides.
          const local = Object.fromEntries(CATEGORIES.map((k) => [`cat_${k}`, localMsg(`page_cat_${k}`)]));
          text = { ...offlineText([localMsg('page_composerBodyUnknown', [describe(now, local)])]), confirm: localMsg('page_composerSend'), cancel: localMsg('page_composerEdit') };
        }
        const res = await warn(editor, text, c?.lang ?? uiLang(), ctx.signal);
        if (res.confirmed) {
          counters.sentAnyway++;
          hideNote('composer');
          replay();
        } else editor.focus();
      } finally {
        deciding = false;
      }
    })();
  };

  ctx.addEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      const ed = editorOf(e.target);
      if (!ed) return;
      onSend(e, ed, () => {
        // The app's own Enter handler, once: an untrusted copy of the key, which this guard lets through.
        ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
      });
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'click',
    (e: MouseEvent) => {
      const t = e.target as Element | null;
      if (!isSendButton(t)) return;
      const button = t!.closest('button, [role="button"]') as HTMLElement;
      onSend(e, null, () => button.click());
    },
    { capture: true },
  );
  return counters;
}
