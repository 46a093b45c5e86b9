/**
 * The one intercept-and-confirm routine of every in-page warning and of the composer (`makeConfirm`).
 * Invariants: the event is stopped synchronously, before any of the page's listeners sees it; a confirm replays
 * the gesture exactly once, a cancel sends nothing; no answer from the background gives the cautious warning —
 * never a silent drop, never a silent pass. Tests: test/unit/page-guards.test.ts, test/unit/ui-failsafe.test.ts.
 */
import type { PageContext } from '../messages';
import type { Life } from './life';
import { nudgeWarning, offlineText, preloadDialog, uiLang, warn, type DialogResult, type DialogText } from './ui';
import { TEST_BUILD } from '../test-build';

export interface ConfirmRequest {
  /** Where the warning is anchored. */
  anchor: Element;
  /**
   * Work to finish before deciding, once the event is stopped (the composer waiting for the background's scan):
   * resolves false when it found nothing to warn about, and the gesture is replayed at once.
   */
  before?: () => Promise<boolean>;
  /** The warning in the context's words, or `null` when there is nothing to warn about (replay at once). */
  text: (c: PageContext) => DialogText | null;
  /** The cautious warning, when the background cannot answer (default: `offlineText()`). */
  offline?: () => DialogText;
  /** Let the original gesture happen, once. */
  replay: () => void;
  /** The user confirmed (before the replay); `c` is null when the background did not answer. */
  confirmed?: (res: DialogResult, c: PageContext | null) => void;
  cancelled?: () => void;
}

export type Confirm = (e: Event, request: ConfirmRequest) => void;

/** For the tests and `npm run bench` (counted in their builds only, not in the production build). */
export interface ConfirmCounters {
  guarded: number;
  confirmed: number;
  cancelled: number;
}

/**
 * The returned `Confirm(e, request)` is called from a capture-phase listener, synchronously: it stops the event,
 * then asks the background for the page's context (lib/page/client.ts: no answer within 4 s is no answer) and
 * decides:
 * - the verdict or the user's "don't ask again" says there is nothing to warn about: the gesture is replayed;
 * - otherwise the warning is shown (lib/page/ui.ts): confirm replays the gesture exactly once, cancel sends
 *   nothing; with no answer from the background the warning is the cautious one ("Windsock can't check your
 *   settings right now…", in the browser's language) and the user decides;
 * - the dialog's code is loaded on demand (lib/page/on-demand.ts), starting with the request for the context:
 *   if it cannot be loaded in time (injection refused, background asleep or gone, the client's timeout), the
 *   browser's own confirm() asks the same warning instead — a warning is always shown;
 * - a page that hid, covered or moved Windsock's UI gets the same warning from the browser's own confirm()
 *   (`warn` does that; lib/page/ui.ts), and a page that removed it gets a cancel.
 * While a warning is open, another guarded gesture only brings it back to the front.
 */
export function makeConfirm(
  life: Life,
  context: () => Promise<PageContext | null>,
  counters?: ConfirmCounters,
): Confirm {
  let busy = false;
  const decide = async (r: ConfirmRequest) => {
    if (r.before && !(await r.before())) return life.isInvalid ? undefined : r.replay();
    if (life.isInvalid) return;
    // The dialog's code loads (the first time) while the context is asked for: both within the one timeout.
    void preloadDialog();
    const c = await context();
    if (life.isInvalid) return;
    const text = c ? r.text(c) : (r.offline ?? offlineText)();
    if (!text) return r.replay();
    const res = await warn(r.anchor, text, c?.lang ?? uiLang(), life.signal);
    if (life.isInvalid) return;
    if (!res.confirmed) {
      if (TEST_BUILD && counters) counters.cancelled++;
      return r.cancelled?.();
    }
    if (TEST_BUILD && counters) counters.confirmed++;
    r.confirmed?.(res, c);
    r.replay();
  };
  return (e, r) => {
    // Decided synchronously: the event must be stopped now, before the page's own listeners run.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (busy) return nudgeWarning();
    busy = true;
    if (TEST_BUILD && counters) counters.guarded++;
    void decide(r)
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  };
}
