/**
 * The composer guard: personal data in a message that may train a model (the verdict is `training` or `unknown`);
 * its declaration is lib/warnings/composer.ts, the scanner lib/scan.
 * Privacy invariant: nothing typed is stored or sent anywhere; only category counts are kept, never the values.
 * Cost invariant: only the composer is read, only when the user types or pastes (debounced, then in idle time),
 * so never per streamed token.
 */
import { textMatches } from '../detect/text';
import { scan, scanSliced, summarize, CATEGORIES, SYNC_SCAN_MAX, type Category, type Finding } from '../scan';
import type { WarningKit } from '../warnings/types';
import { TEST_BUILD } from '../test-build';
import { hideNote, localMsg, offlineText, showNote } from './ui';

const COMPOSER = {
  editors: [
    'div.ProseMirror[contenteditable="true"]',
    'textarea[name="message.text"]',
    '[contenteditable="true"][role="textbox"]',
  ],
  sendLabels: ['send question', 'send', 'send message', 'envoyer', 'envoyer la question', 'envoyer le message'],
};

/** For the tests and `npm run bench` (not in the production build). */
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
  return (
    (b.getAttribute('type') === 'submit' && !!document.querySelector(EDITOR_SEL)) ||
    textMatches(name, COMPOSER.sendLabels, false)
  );
}

type Found = Partial<Record<Category, number>>;

/**
 * - A small notice near the composer lists what was found, by category and count, with a "why" that opens the
 *   verdict for this tab.
 * - On send (Enter in the composer, or the send button) with findings present: "Send anyway" or "Edit", through
 *   the one intercept-and-confirm primitive (lib/page/confirm.ts). Sending anyway sends exactly once (the
 *   original gesture, replayed once); Edit sends nothing.
 */
export function installComposerGuard({ life: ctx, context: getContext, ask, confirm }: WarningKit): ComposerCounters {
  const counters: ComposerCounters = { scans: 0, scanMs: 0, blocked: 0, sentAnyway: 0 };
  let timer: (() => void) | null = null;

  // The scanner, in one place: what a text holds, by category and count (never the values). Scanning never blocks
  // the page for more than a slice (issue 13): scanSliced yields to the page every few milliseconds. The last
  // text's counts are kept (in memory, like the editor's own text) so that a send right after typing needs no new
  // scan; a short text is scanned at once (SYNC_SCAN_MAX: within one slice).
  let last: { text: string; found: Found } | null = null;
  const tally = (text: string, findings: Finding[]): Found => {
    const s = summarize(findings);
    if (TEST_BUILD) counters.scans++;
    const out: Found = {};
    for (const c of CATEGORIES) if (s[c]) out[c] = s[c];
    last = { text, found: out };
    return out;
  };
  const counts = async (text: string): Promise<Found> =>
    last?.text === text
      ? last.found
      : tally(text, await scanSliced(text, TEST_BUILD ? { onSlice: (ms) => void (counters.scanMs += ms) } : {}));
  /** The counts without a long scan (known, or a short text), else null. */
  const countsNow = (text: string): Found | null => {
    if (last?.text === text) return last.found;
    if (text.length > SYNC_SCAN_MAX) return null;
    const t0 = TEST_BUILD ? performance.now() : 0;
    const findings = scan(text);
    if (TEST_BUILD) counters.scanMs += performance.now() - t0;
    return tally(text, findings);
  };

  const describe = (f: Found, strings: Record<string, string>) =>
    (Object.entries(f) as [Category, number][])
      .map(([c, n]) => `${strings[`cat_${c}`] ?? c} (${n})`)
      .join(strings.listComma ?? ', ');

  const refresh = async (ed: HTMLElement) => {
    if (ctx.isInvalid || !ed.isConnected) return;
    const found = await counts(textOf(ed));
    if (ctx.isInvalid || !ed.isConnected) return;
    const c = await getContext();
    if (!c || c.state === 'not-training' || !Object.keys(found).length) return hideNote('composer');
    showNote(
      c.strings.composerNotice.replace('$1', describe(found, c.strings)),
      c.strings.composerWhy,
      c.strings.close,
      c.lang,
      {
        id: 'composer',
        persist: true,
        onWhy: () => void ask({ type: 'open-verdict', url: location.href }),
        above: (ed.closest('form') as Element | null) ?? ed,
      },
    );
  };

  // A timer of Windsock's own life (lib/page/life.ts), cleared when it ends.
  const schedule = (ed: HTMLElement) => {
    timer?.();
    timer = ctx.setTimeout(() => {
      timer = null;
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
        .requestIdleCallback;
      if (idle) idle(() => void refresh(ed), { timeout: 1000 });
      else void refresh(ed);
    }, 300);
  };

  const onInput = (e: Event) => {
    if (!e.isTrusted) return;
    const ed = editorOf(e.target);
    if (ed) schedule(ed);
  };
  ctx.addEventListener(document, 'input', onInput, { capture: true, passive: true });
  ctx.addEventListener(document, 'paste', onInput, { capture: true, passive: true });

  // Sending: decided synchronously (the event must be stopped before the app sees it), on the counts of the text
  // as it is; a long text not scanned yet is held while it is scanned in slices, then sent as it was if nothing
  // is found.
  const onSend = (e: Event, ed: HTMLElement | null, replay: () => void) => {
    if (!e.isTrusted || ctx.isInvalid) return;
    const editor = ed ?? (document.querySelector(EDITOR_SEL) as HTMLElement | null);
    if (!editor) return;
    const typed = textOf(editor);
    let now = countsNow(typed);
    if (now && !Object.keys(now).length) return;
    if (TEST_BUILD && now) counters.blocked++;
    confirm(e, {
      anchor: editor,
      before: async () => {
        if (now) return true;
        now = await counts(typed);
        const any = Object.keys(now).length > 0;
        if (TEST_BUILD && any) counters.blocked++;
        return any;
      },
      text: (c) =>
        c.state === 'not-training'
          ? null
          : {
              title: c.strings.composerTitle,
              body: [c.strings.composerBody.replace('$1', describe(now ?? {}, c.strings))],
              confirm: c.strings.composerSend,
              cancel: c.strings.composerEdit,
              brand: c.strings.brand,
              fallbackHint: c.strings.fallbackHint,
            },
      // The background cannot answer: the cautious reading, in the browser's language, and the user decides.
      offline: () => {
        const local = Object.fromEntries(CATEGORIES.map((k) => [`cat_${k}`, localMsg(`page_cat_${k}`)]));
        return {
          ...offlineText([localMsg('page_composerBodyUnknown', [describe(now ?? {}, local)])]),
          confirm: localMsg('page_composerSend'),
          cancel: localMsg('page_composerEdit'),
        };
      },
      confirmed: () => {
        if (TEST_BUILD) counters.sentAnyway++;
        hideNote('composer');
      },
      cancelled: () => editor.focus(),
      replay,
    });
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
        ed.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }),
        );
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
