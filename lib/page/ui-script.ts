/**
 * A page type's in-page UI script (entrypoints/chat-ui.content.ts, entrypoints/admin-ui.content.ts): the
 * warnings the registry wires to that page type (lib/warnings/registry.ts), on one line to the background and
 * one intercept-and-confirm primitive (lib/page/confirm.ts) shared by all of them, the composer included, and its
 * host's surfaces (lib/surfaces.ts) to tell which page it is on; on chat pages, the notes and the training banner
 * (lib/page/notes.ts, lib/page/banner.ts). The warning dialog itself is loaded on demand (lib/page/on-demand.ts).
 * Everything hangs on a `Life` (lib/page/life.ts) that no page event can end.
 */
import type { Life } from './life';
import { makeClient } from './client';
import { TEST_BUILD } from '../test-build';
import { makeConfirm, type ConfirmCounters } from './confirm';
import { installWarnings } from './warnings';
import type { startBanner } from './banner';
import type { showNote } from './notes';
import { destroyUi, setDialogLoader } from './ui';
import { loadPart } from './on-demand';
import type { DialogApi } from './dialog';
import type { InPageWarning, Installers } from '../warnings/types';
import { findSurface } from '../hosts';
import type { SurfacePlace } from '../surfaces';

export interface UiScript {
  /**
   * Its host's surfaces (lib/surfaces.ts, `CHAT_SURFACES` or `ADMIN_SURFACES`): which one the page is on, for the
   * warnings' matchers, the attachment note and the banner, decided in the page at the gesture, background or not.
   */
  surfaces: readonly SurfacePlace[];
  warnings: readonly InPageWarning[];
  /** The in-page parts too heavy for the registry's own modules (the composer guard's page side). */
  installers?: Installers;
  /**
   * The notes (lib/page/notes.ts) for its `silent-note` warnings (the attachment note), given by the chat page's UI
   * script only: the Admin Panel's carries no note, nor their stylesheet.
   */
  notes?: typeof showNote;
  /** The chat pages' training banner (lib/page/banner.ts), given by the chat page's UI script only. */
  banner?: typeof startBanner;
}

export function startUi(life: Life, script: UiScript): ConfirmCounters {
  const client = makeClient(life);
  // Counted in the test and bench builds only (lib/page/confirm.ts counts behind TEST_BUILD).
  const counters = (TEST_BUILD ? { guarded: 0, confirmed: 0, cancelled: 0 } : {}) as ConfirmCounters;
  const compiled = new Map<string, RegExp>();
  const surface = () => findSurface(script.surfaces, location.href, compiled);
  life.onInvalidated(() => destroyUi());
  // The warning dialog's code is not in this script: the background injects it the first time a warning must be
  // shown (lib/page/on-demand.ts); until it is there, or if it cannot be, the browser's confirm() asks.
  setDialogLoader(() => loadPart<DialogApi>(client.ask, 'dialog'));
  installWarnings(life, {
    surface,
    context: client.getContext,
    ask: client.ask,
    onChoice: (guard, scope) => {
      client.dropContext();
      void client.ask({ type: 'guard-choice', url: location.href, guard: guard as never, scope });
    },
    warnings: script.warnings,
    installers: script.installers,
    showNote: script.notes,
    counters,
    confirm: makeConfirm(life, client.getContext, counters),
  });
  // The banner keeps its own copy of the context: the warnings ask for theirs at the user's gesture, so a
  // background that stopped answering since the page loaded gets the cautious warning, not a stale reading.
  if (script.banner) script.banner(life, makeClient(life), surface);
  return counters;
}
