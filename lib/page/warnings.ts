/**
 * The in-page warnings of one page type, wired from the registry (lib/warnings/registry.ts): each warning module
 * (lib/warnings/<id>.ts) says what its gesture looks like and what it shows; this file listens, once for all of
 * them, and hands every guarded gesture to the one intercept-and-confirm primitive (lib/page/confirm.ts).
 * Invariants: only trusted gestures are guarded; nothing here runs per mutation or per streamed token.
 * Tests: test/unit/page-guards.test.ts.
 */
import type { Life } from './life';
import type { Message, PageContext } from '../messages';
import { matchGesture, type GuardMatch } from '../warnings/match';
import type { InPageWarning, Installers, WarningKit } from '../warnings/types';
import type { SurfacePlace } from '../surfaces';
import type { DialogText } from './ui';
import type { showNote } from './notes';
import { makeConfirm, type Confirm, type ConfirmCounters } from './confirm';

export interface WarningDeps {
  /** The surface the page is on now, from its host's list (lib/surfaces.ts; lib/page/ui-script.ts makes it). */
  surface: () => SurfacePlace | null;
  context: () => Promise<PageContext | null>;
  ask: (msg: Message) => Promise<unknown>;
  /** The user chose "don't ask again" for a warning. */
  onChoice: (guard: string, scope: 'session' | 'always') => void;
  warnings: readonly InPageWarning[];
  /**
   * The notes of `silent-note` warnings (lib/page/notes.ts), given by the UI script of a page that has one (the
   * chat page's); without it such a warning shows nothing, as when the verdict is not known to be training.
   */
  showNote?: typeof showNote;
  /** The in-page parts given by the UI script (the composer), run for the warnings wired here. */
  installers?: Installers;
  counters: ConfirmCounters;
  /** The primitive to use (shared with the composer); made here when absent. */
  confirm?: Confirm;
}

/**
 * One capture-phase listener on the window for `click` (mouse, touch and keyboard activation of real buttons
 * all arrive as a click) and one for `keydown` (Enter/Space on elements that are buttons only by their role).
 * Confirm: the original element is activated again, exactly once (an untrusted click, which this listener lets
 * through). Cancel: nothing reaches the page and no request is sent.
 */
export function installWarnings(life: Life, deps: WarningDeps): void {
  const confirm = deps.confirm ?? makeConfirm(life, deps.context, deps.counters);
  const byId = new Map(deps.warnings.map((w) => [w.id, w]));
  const matchers = deps.warnings.flatMap((w) => (w.match ? [w.match] : []));
  const kit: WarningKit = { life, context: deps.context, ask: deps.ask, confirm };

  /** A `silent-note` warning: nothing stopped; the note only when the verdict is known to be training. */
  const note = async (w: InPageWarning) => {
    if (!deps.surface()?.chat || !w.note || !deps.showNote) return;
    const c = await deps.context();
    if (!c || c.state !== 'training' || life.isInvalid) return;
    const n = w.note(c.strings);
    deps.showNote(n.text, n.source, c.strings.close, c.lang, { id: w.id });
  };

  const guardedMatch = (target: EventTarget | null): GuardMatch | null => {
    if (!(target instanceof Element)) return null;
    const surface = deps.surface();
    if (!surface) return null;
    try {
      return matchGesture(target, surface.id, matchers);
    } catch {
      return null;
    }
  };

  const handle = (e: Event) => {
    if (!e.isTrusted || life.isInvalid) return;
    const m = guardedMatch(e.target);
    const w = m && byId.get(m.warning);
    if (!m || !w) return;
    if (w.failure === 'silent-note') return void note(w);
    if (m.clearing || !w.dialog) return; // Clearing a rating, revoking a link, switching Labs off: not warned.
    confirm(e, {
      anchor: m.element,
      text: (c): DialogText | null => {
        if (w.dontAsk && !(c.ask as Record<string, boolean>)[w.id]) return null;
        const s = c.strings;
        const dontAsk = w.dontAsk
          ? { label: s.dontAsk, session: s.dontAskSession, always: s.dontAskAlways }
          : undefined;
        return {
          ...w.dialog!(s, m),
          cancel: s.cancel,
          brand: s.brand,
          ...(dontAsk ? { dontAsk } : {}),
          fallbackHint: s.fallbackHint,
        };
      },
      confirmed: (res, c) => {
        if (res.dontAsk && c && w.dontAsk) deps.onChoice(w.id, res.dontAsk);
        w.confirmed?.(m, kit);
      },
      // An untrusted click: this listener lets it through, the page's handlers see it once.
      replay: () => !life.isInvalid && (m.element as HTMLElement).click(),
    });
  };

  life.addEventListener(window, 'click', handle, { capture: true });
  life.addEventListener(
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
  for (const w of deps.warnings) {
    try {
      w.install?.(kit, () => void note(w));
      deps.installers?.[w.id]?.(kit);
    } catch {
      // One warning failing to install leaves the others.
    }
  }
}
