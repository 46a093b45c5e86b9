/**
 * Warnings before the side doors into training: a thumbs rating, a public share link, Labs models; and a note
 * when files are attached while training is on.
 *
 * One capture-phase listener on the window for `click` (mouse, touch and keyboard activation of real buttons
 * all arrive as a click) and one for `keydown` (Enter/Space on elements that are buttons only by their role).
 * It asks match.ts what the target is; for a guarded gesture it stops the event before any page handler sees
 * it and shows the warning. Confirm: the original element is activated again, exactly once (an untrusted
 * click, which this listener lets through). Cancel: nothing reaches the page and no request is sent.
 * Only the user's own (trusted) gestures are guarded; nothing here runs per mutation or per streamed token.
 */
import type { Life } from './life';
import type { PageContext } from '../messages';
import { matchGesture, type GuardMatch, type Matcher } from '../guard/match';
import { surfaceOf } from '../surfaces';
import { destroyUi, nudgeWarning, offlineText, showNote, uiLang, warn, type DialogText } from './ui';
import { makeClient } from './client';

export interface GuardDeps {
  context: () => Promise<PageContext | null>;
  onChoice: (guard: 'feedback' | 'share' | 'labs', scope: 'session' | 'always') => void;
  onShared: (chatId: string) => void;
  matchers: Matcher[];
  counters: { guarded: number; confirmed: number; cancelled: number };
}

/** The warnings' content script (entrypoints/guard.content.ts): the guard, with its own line to the background. */
export function startGuards(ctx: Life, matchers: Matcher[]): GuardDeps['counters'] {
  const { ask, getContext, dropContext } = makeClient(ctx);
  const counters = { guarded: 0, confirmed: 0, cancelled: 0 };
  ctx.onInvalidated(() => destroyUi());
  installGuards(ctx, {
    context: getContext,
    onChoice: (guard, scope) => {
      dropContext();
      void ask({ type: 'guard-choice', url: location.href, guard, scope });
    },
    onShared: (chatId) => void ask({ type: 'record-share', url: location.href, chatId }),
    matchers,
    counters,
  });
  return counters;
}

const GUARD_OF = { feedback: 'feedback', 'share-link': 'share', 'share-public': 'share', labs: 'labs' } as const;

export function installGuards(ctx: Life, deps: GuardDeps): void {
  let busy = false;

  const guardedMatch = (target: EventTarget | null): GuardMatch | null => {
    if (!(target instanceof Element)) return null;
    const surface = surfaceOf(location.href);
    if (!surface) return null;
    try {
      return matchGesture(target, surface.id, deps.matchers);
    } catch {
      return null;
    }
  };

  const handle = (e: Event) => {
    if (!e.isTrusted || ctx.isInvalid) return;
    const m = guardedMatch(e.target);
    if (!m) return;
    if (m.kind === 'attach') {
      void attachNote(deps);
      return;
    }
    if (m.clearing) return; // Clearing a rating, revoking a link, switching Labs off: not warned.
    // Decided synchronously: the event must be stopped now, before the page's own listeners run.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (busy) return nudgeWarning();
    busy = true;
    deps.counters.guarded++;
    void decide(m).finally(() => {
      busy = false;
    });
  };

  const decide = async (m: GuardMatch) => {
    const guard = GUARD_OF[m.kind as keyof typeof GUARD_OF];
    if (!guard) return;
    const c = await deps.context();
    if (ctx.isInvalid) return;
    if (c && !c.ask[guard]) {
      replay(m);
      return;
    }
    let text: DialogText;
    let lang: string;
    if (!c) {
      // The background cannot answer: the cautious reading, and the user decides (never a silent drop).
      text = offlineText();
      lang = uiLang();
    } else {
      const s = c.strings;
      const t =
        guard === 'feedback'
          ? { title: s.feedbackTitle, body: [s.feedbackBody, s.feedbackPlan], source: s.feedbackSource, confirm: s.feedbackConfirm }
          : guard === 'share'
            ? { title: s.shareTitle, body: [s.shareBody, s.shareRevoke], source: s.shareSource, confirm: m.kind === 'share-public' ? s.sharePublicConfirm : s.shareConfirm }
            : { title: s.labsTitle, body: [s.labsBody], source: s.labsSource, confirm: s.labsConfirm };
      text = { ...t, cancel: s.cancel, brand: s.brand, dontAsk: { label: s.dontAsk, session: s.dontAskSession, always: s.dontAskAlways }, fallbackHint: s.fallbackHint };
      lang = c.lang;
    }
    const res = await warn(m.element, text, lang, ctx.signal);
    if (!res.confirmed) {
      deps.counters.cancelled++;
      return;
    }
    deps.counters.confirmed++;
    if (res.dontAsk && c) deps.onChoice(guard, res.dontAsk);
    replay(m);
  };

  const replay = (m: GuardMatch) => {
    if (ctx.isInvalid) return;
    if (m.kind === 'share-link' || m.kind === 'share-public') {
      const id = /\/chat\/([0-9a-f-]{36})/i.exec(location.pathname)?.[1];
      if (id) deps.onShared(id);
    }
    // An untrusted click: this listener lets it through, the page's handlers see it once.
    (m.element as HTMLElement).click();
  };

  ctx.addEventListener(window, 'click', handle, { capture: true });
  ctx.addEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const t = e.target as Element | null;
      // Real buttons turn Enter/Space into a click, guarded above; role-only buttons need their keydown stopped.
      if (!t || /^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      handle(e);
    },
    { capture: true },
  );
  // Files attached while training is on: by the file picker, by drop, or by paste into the composer.
  ctx.addEventListener(document, 'change', (e: Event) => {
    const t = e.target as HTMLInputElement | null;
    if (e.isTrusted && t?.tagName === 'INPUT' && t.type === 'file' && t.files?.length) void attachNote(deps);
  }, { capture: true, passive: true });
  ctx.addEventListener(window, 'drop', (e: DragEvent) => {
    if (e.isTrusted && e.dataTransfer?.files?.length) void attachNote(deps);
  }, { capture: true, passive: true });
  ctx.addEventListener(window, 'paste', (e: ClipboardEvent) => {
    if (e.isTrusted && e.clipboardData?.files?.length) void attachNote(deps);
  }, { capture: true, passive: true });
}

async function attachNote(deps: GuardDeps) {
  const surface = surfaceOf(location.href);
  if (!surface?.chat) return;
  const c = await deps.context();
  if (!c || c.state !== 'training') return;
  showNote(c.strings.attachNote, c.strings.attachSource, c.strings.close, c.lang, { id: 'attach' });
}
