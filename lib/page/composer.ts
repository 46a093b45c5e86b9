/**
 * The composer guard: personal data in a message that may train a model (the verdict is `training` or `unknown`);
 * its declaration is lib/warnings/composer.ts. The scanner (lib/scan) runs in the background, not here
 * (lib/background/scan.ts, issue 13): this script hands it the composer's text in a `scan-text` message and gets
 * back counts per category, so the chat page neither carries the scanner nor is blocked by a scan.
 * Privacy invariant: nothing typed is stored or sent anywhere but to Windsock's own background, which scans it in
 * memory and keeps nothing; only category counts are kept (here, for the last text), never the values.
 * Cost invariant: only the composer is read, only when the user types or pastes (debounced: 50 ms for a short
 * text, 300 ms for a long one; then in idle time)
 * or sends, so never per streamed token.
 */
import { textMatches } from '../detect/text';
import { CATEGORIES, MAX_LENGTH, type Category } from '../scan/categories';
import type { ScanAnswer } from '../messages';
import type { WarningKit } from '../warnings/types';
import { TEST_BUILD } from '../test-build';
import { localMsg, offlineText } from './ui';
import { hideNote, showNote } from './notes';

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
  /** Answers of the background's scanner used. */
  scans: number;
  /** Time spent waiting for them (the page is not blocked meanwhile). */
  waitMs: number;
  /** Answers dropped because a newer request had been made (typing continued). */
  stale: number;
  blocked: number;
  sentAnyway: number;
}

const EDITOR_SEL = COMPOSER.editors.join(', ');

function editorOf(t: EventTarget | null): HTMLElement | null {
  return t instanceof Element ? (t.closest(EDITOR_SEL) as HTMLElement | null) : null;
}

/** What makes a new line in the editor's text (ProseMirror/TipTap's paragraphs, lists, code blocks, quotes, hard breaks). */
const LINE_SEL = 'p, div, li, pre, blockquote, h1, h2, h3, h4, h5, h6, tr, br';
const MAX_DEPTH = 16;
const LINE_TAGS = new Set(LINE_SEL.toUpperCase().split(', '));

/** One line break, however many elements start a line at once (a paragraph in a list item). */
const newLine = (out: string[]) => void (out.length && out[out.length - 1] !== '\n' && out.push('\n'));

/**
 * The editor's text, read without a layout (`innerText` forces one, and takes 30–45 ms on a 1 MB composer) and with
 * as few of the page's nodes wrapped as can be: each node wrapped for this world is later work for the garbage
 * collector, on the page's thread. Line by line: an element with no line inside (a ProseMirror paragraph) gives
 * its `textContent` in one call; one with lines inside (a list, a quote, a paragraph with hard breaks) is read
 * the same way one level down; a level that mixes text and elements (a plain contenteditable's text and `<br>`)
 * node by node. Yields every 256 lines, so that `readSliced` can pause between slices.
 */
function* lines(el: Element, out: string[], depth = 0): Generator<void> {
  let k = 0;
  // Deeper than any editor nests its lines (a page could nest thousands): the rest as one text.
  if (depth > MAX_DEPTH) return void out.push(el.textContent ?? '');
  if (el.childNodes.length !== el.childElementCount) {
    // Text and elements mixed at this level: each node in turn, a line break around each element that makes one.
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) out.push((n as Text).data);
      else if (n.nodeType === Node.ELEMENT_NODE) {
        const line = LINE_TAGS.has(n.nodeName);
        if (line) newLine(out);
        if (n.nodeName !== 'BR') yield* lines(n as Element, out, depth + 1);
      }
      if ((++k & 255) === 0) yield;
    }
    return;
  }
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (LINE_TAGS.has(c.nodeName)) newLine(out);
    if (c.firstElementChild && c.querySelector(LINE_SEL)) yield* lines(c, out, depth + 1);
    else out.push(c.textContent ?? '');
    if ((++k & 255) === 0) yield;
  }
}

/** A textarea's value (the older composer), or null for a contenteditable editor. */
const valueOf = (ed: HTMLElement) => (ed.tagName === 'TEXTAREA' ? (ed as HTMLTextAreaElement).value : null);

/** What the editor holds, measured without reading it out (no layout, one native call). */
const sizeOf = (ed: HTMLElement) => valueOf(ed) ?? ed.textContent ?? '';

/** The editor's text, at once (a short text, or a textarea's value). */
function textOf(ed: HTMLElement): string {
  const value = valueOf(ed);
  if (value !== null) return value;
  const out: string[] = [];
  for (const _ of lines(ed, out));
  return out.join('');
}

/** A long text, read in slices of at most `SLICE_MS`, each in a task of its own (issue 13). */
async function readSliced(ed: HTMLElement): Promise<string> {
  const value = valueOf(ed);
  if (value !== null) return value;
  const out: string[] = [];
  // What is read so far, joined at each yield: one join of a 1 MB editor's hundreds of thousands of lines and
  // breaks at the end would be a long task of its own. The last piece stays in `out`, where `newLine` looks.
  const read: string[] = [];
  let t0 = performance.now();
  for (const _ of lines(ed, out)) {
    if (out.length > 1) {
      const lastPiece = out.pop()!;
      read.push(out.join(''));
      out.length = 0;
      out.push(lastPiece);
    }
    if (performance.now() - t0 < SLICE_MS) continue;
    await new Promise((r) => setTimeout(r, 0));
    t0 = performance.now();
  }
  return read.join('') + out.join('');
}

/** The send button `el` is in (a submit button beside an editor, or one named "Send"…), or null. */
function sendButton(el: Element | null): HTMLElement | null {
  const b = el?.closest<HTMLElement>('button, [role="button"]');
  if (!b) return null;
  const name = b.getAttribute('aria-label') ?? b.getAttribute('title') ?? '';
  return (b.getAttribute('type') === 'submit' && !!document.querySelector(EDITOR_SEL)) ||
    textMatches(name, COMPOSER.sendLabels, false)
    ? b
    : null;
}

type Found = Partial<Record<Category, number>>;

/** The editor as a text was read from it: its `textContent` and the number of trusted inputs seen by then. */
interface Stamp {
  tc: string;
  inputs: number;
}

/** A text up to this long is checked 50 ms after the last keystroke, a longer one after 300 ms (`schedule`). */
const SHORT_TEXT = 4_000;

/**
 * A text longer than this is handed to the background in a task of its own (see `check`), and read from the
 * editor in slices of at most `SLICE_MS` (`readSliced`), never at once in the send's keydown.
 */
const LONG_TEXT = 16_000;
const SLICE_MS = 6;

/** The counts of the background's answer to request `seq`, or null for anything else (no answer, an error, a stray). */
function countsOf(a: ScanAnswer | null, seq: number): Found | null {
  if (!a || typeof a !== 'object' || a.ok !== true || a.seq !== seq || !a.counts || typeof a.counts !== 'object')
    return null;
  const out: Found = {};
  for (const c of CATEGORIES) {
    const n = a.counts[c];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) out[c] = n;
  }
  return out;
}

/**
 * - A small notice near the composer lists what was found, by category and count, with a "why" that opens the
 *   verdict for this tab.
 * - On send (Enter in the composer, or the send button) with findings present: "Send anyway" or "Edit", through
 *   the one intercept-and-confirm primitive (lib/page/confirm.ts). Sending anyway sends exactly once (the
 *   original gesture, replayed once); Edit sends nothing.
 */
export function installComposerGuard({ life: ctx, context: getContext, ask, confirm }: WarningKit): ComposerCounters {
  const counters = (TEST_BUILD ? { scans: 0, waitMs: 0, stale: 0, blocked: 0, sentAnyway: 0 } : {}) as ComposerCounters;
  let timer: (() => void) | null = null;

  // The scanner, asked in one place: what a text holds, by category and count (never the values), as the
  // background answers it. The last text's counts are kept (in memory, like the editor's own text) so that a send
  // right after typing needs no new request. Each request has a number: an answer to an older one than the
  // latest (typing continued meanwhile) is dropped, and the background abandons that scan.
  let seq = 0;
  let last: { text: string; found: Found; stamp?: Stamp } | null = null;
  // Trusted input and paste events seen: with the editor's `textContent`, what tells a send that the editor still
  // holds the text last checked without reading it out again (a long text's reading is not free).
  let inputs = 0;
  // The verdict as last heard (the context is cached by lib/page/client.ts and dropped when it changes). A page
  // known not to train has nothing to warn about: its sends are let through untouched, not held for a check.
  let notTraining = false;
  /**
   * The counts of `text`; `null` when the background did not answer (within lib/page/client.ts's timeout) or
   * could not scan; `stale` when a newer request was made meanwhile (never for a send, which waits for its own).
   */
  const check = async (text: string, send: boolean, stamp?: Stamp): Promise<Found | null | 'stale'> => {
    if (last?.text === text) return last.found;
    const mine = ++seq;
    const t0 = TEST_BUILD ? performance.now() : 0;
    // Handing a long text to the browser's messaging copies it on the page's thread: in a task of its own, not in
    // the one that read the composer (a send's keydown), so that neither blocks the page for long (issue 13).
    if (text.length > LONG_TEXT) await new Promise((r) => setTimeout(r, 0));
    if (!send && mine !== seq) return 'stale';
    const answer = (await ask({
      type: 'scan-text',
      url: location.href,
      text: text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text,
      seq: mine,
      ...(send ? { send: true } : {}),
    })) as ScanAnswer | null;
    if (TEST_BUILD) counters.waitMs += performance.now() - t0;
    const found = countsOf(answer, mine);
    if (!send && mine !== seq) {
      if (TEST_BUILD) counters.stale++;
      return 'stale';
    }
    if (!found) return null;
    if (TEST_BUILD) counters.scans++;
    if (mine === seq) last = { text, found, stamp };
    return found;
  };

  const describe = (f: Found, strings: Record<string, string>) =>
    (Object.entries(f) as [Category, number][])
      .map(([c, n]) => `${strings[`cat_${c}`] ?? c} (${n})`)
      .join(strings.listComma ?? ', ');

  const refresh = async (ed: HTMLElement) => {
    if (ctx.isInvalid || !ed.isConnected) return;
    // The verdict first: a page that is not training has nothing to warn about, and its text is not even sent.
    const c = await getContext();
    notTraining = c?.state === 'not-training';
    if (notTraining) return hideNote('composer');
    if (ctx.isInvalid || !ed.isConnected) return;
    const stamp = { tc: sizeOf(ed), inputs };
    const text = stamp.tc.length > LONG_TEXT ? await readSliced(ed) : textOf(ed);
    // Typing went on while a long text was read: the timer it set reads it again.
    if (stamp.inputs !== inputs) return;
    const found = await check(text, false, stamp);
    // No answer, or one overtaken by typing: the notice stays as it is until the next answer.
    if (!found || found === 'stale' || ctx.isInvalid || !ed.isConnected) return;
    if (!c || !Object.keys(found).length) return hideNote('composer');
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

  // A timer of Windsock's own life (lib/page/life.ts), cleared when it ends. A short text (most messages) is
  // checked soon after the last keystroke, so that its counts are usually known by the time the user sends and
  // the send is not held; a long one after a longer pause. `textContent` measures without forcing a layout.
  const schedule = (ed: HTMLElement) => {
    timer?.();
    const short = sizeOf(ed).length <= SHORT_TEXT;
    timer = ctx.setTimeout(
      () => {
        timer = null;
        const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
          .requestIdleCallback;
        if (idle) idle(() => void refresh(ed), { timeout: short ? 100 : 1000 });
        else void refresh(ed);
      },
      short ? 50 : 300,
    );
  };

  const onInput = (e: Event) => {
    if (!e.isTrusted) return;
    const ed = editorOf(e.target);
    if (!ed) return;
    inputs++;
    schedule(ed);
  };
  ctx.addEventListener(document, 'input', onInput, { capture: true, passive: true });
  ctx.addEventListener(document, 'paste', onInput, { capture: true, passive: true });

  // Sending: decided synchronously (the event must be stopped before the app sees it). A text whose counts are
  // known (the notice's last answer) is let through untouched when it holds nothing; any other is held while the
  // background scans it, then sent as it was (replayed once) if nothing is found. No answer from the background
  // within the client's timeout: the cautious warning, saying the text could not be checked; the user decides.
  const onSend = (e: Event, ed: HTMLElement | null, replay: () => void) => {
    if (!e.isTrusted || ctx.isInvalid) return;
    const editor = ed ?? (document.querySelector(EDITOR_SEL) as HTMLElement | null);
    if (!editor) return;
    // Known not to train: nothing to warn about, and the text is not sent to be scanned.
    if (notTraining) return;
    const stamp = { tc: sizeOf(editor), inputs };
    if (!stamp.tc.trim()) return;
    // The text last checked, when nothing was typed since and the editor's text is the same; else read now (a
    // short text), or after the send is held, in slices (a long one: never a long task in the keydown).
    const same = last?.stamp && last.stamp.tc === stamp.tc && last.stamp.inputs === stamp.inputs;
    let typed: string | null = same ? last!.text : stamp.tc.length > LONG_TEXT ? null : textOf(editor);
    let found: Found | null = typed !== null && last?.text === typed ? last.found : null;
    if (found && !Object.keys(found).length) return;
    if (TEST_BUILD && found) counters.blocked++;
    let unchecked = false;
    confirm(e, {
      anchor: editor,
      before: async () => {
        if (found) return true;
        // Not training: nothing to warn about whatever the text holds, and it is not sent to be scanned.
        notTraining = (await getContext())?.state === 'not-training';
        if (notTraining) return false;
        typed ??= await readSliced(editor);
        const r = await check(typed, true, stamp);
        if (r === null || r === 'stale') {
          unchecked = true;
          return true;
        }
        found = r;
        const any = Object.keys(r).length > 0;
        if (TEST_BUILD && any) counters.blocked++;
        return any;
      },
      text: (c) =>
        c.state === 'not-training'
          ? null
          : {
              title: c.strings.composerTitle,
              body: [
                unchecked
                  ? c.strings.composerUnchecked
                  : c.strings.composerBody.replace('$1', describe(found ?? {}, c.strings)),
              ],
              confirm: c.strings.composerSend,
              cancel: c.strings.composerEdit,
              brand: c.strings.brand,
              fallbackHint: c.strings.fallbackHint,
            },
      // The background cannot answer: the cautious reading, in the browser's language, and the user decides.
      offline: () => {
        const local = Object.fromEntries(CATEGORIES.map((k) => [`cat_${k}`, localMsg(`page_cat_${k}`)]));
        return {
          ...offlineText([
            unchecked
              ? localMsg('page_composerUnchecked')
              : localMsg('page_composerBodyUnknown', [describe(found ?? {}, local)]),
          ]),
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
      const button = sendButton(e.target as Element | null);
      if (!button) return;
      onSend(e, null, () => button.click());
    },
    { capture: true },
  );
  return counters;
}
