/**
 * What Windsock's in-page UI shows right now, for the diagnostic report (and the tests, which read it through
 * the report in Firefox): read from the host the UI scripts keep on the content scripts' shared global
 * (lib/page/ui.ts), so the reading scripts answer for it without carrying any UI code.
 */
import { TEST_BUILD } from '../test-build';

export interface UiSnapshot {
  dialog: string | null;
  banner: string | null;
  note: string | null;
  /** Where each button of Windsock's UI is (viewport coordinates): test and bench builds only. */
  buttons?: { name: string; x: number; y: number }[];
}

const WORLD = globalThis as { __windsockUi?: { host: HTMLElement; root: ShadowRoot } | null };

/** What Windsock's UI shows on this page right now (its own elements only). */
export function uiSnapshot(): UiSnapshot {
  const u = WORLD.__windsockUi;
  const root = u?.host.isConnected ? u.root : null;
  const text = (sel: string) => root?.querySelector(sel)?.textContent ?? null;
  const snap: UiSnapshot = {
    dialog: text('[data-windsock-dialog]'),
    banner: text('[data-windsock-banner]'),
    note: text('[data-windsock-note]'),
  };
  if (TEST_BUILD) {
    snap.buttons = root
      ? Array.from(root.querySelectorAll('button, a, input')).map((b) => {
          const r = b.getBoundingClientRect();
          const name =
            b.tagName === 'INPUT'
              ? (root.querySelector(`label[for="${b.id}"]`)?.textContent ?? '')
              : (b.textContent ?? '');
          return { name: name.trim(), x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
        })
      : [];
  }
  return snap;
}
