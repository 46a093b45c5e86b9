/**
 * What a user's gesture is about to do: a pure function of the element it lands on (and the surface). The
 * content script calls it from one capture-phase listener with `closest()` on the event's target; it reads a
 * few attributes around that element, never the page as a whole, and never message text.
 */
import { accessibleName } from '../detect/controls';
import { L_LABS_MODELS, labelTexts } from '../detect/rules';
import { norm, textMatches } from '../detect/text';
import type { SurfaceId } from '../surfaces';
import { ATTACH, FEEDBACK, GUARD_SURFACES, SHARE, type GuardKind } from './rules';

export interface GuardMatch {
  kind: GuardKind;
  /** The element whose activation is guarded (replayed once on confirmation). */
  element: Element;
  /** For feedback: which thumb, and whether this click clears an active rating (not warned). */
  direction?: 'like' | 'dislike';
  clearing?: boolean;
  /** How it was recognised, for the diagnostic report and the tests. */
  signals: string[];
}

const ACTIVATABLE = 'button, [role="button"], [role="switch"], [role="checkbox"], [role="menuitem"], [role="option"], a[href], input[type="checkbox"]';

const applies = (kind: GuardKind, surface: SurfaceId) => GUARD_SURFACES[kind].includes(surface);

function label(el: Element): string {
  return el.getAttribute('aria-label') ?? el.getAttribute('title') ?? (el.textContent ?? '').trim().slice(0, 80);
}

export type Matcher = (el: Element, surface: SurfaceId) => GuardMatch | null;

/** Which gesture `target` is, among those the given matchers know (each content script carries its own). */
export function matchGesture(target: Element | null, surface: SurfaceId, matchers: Matcher[]): GuardMatch | null {
  const el = target?.closest?.(ACTIVATABLE);
  if (!el) return null;
  for (const m of matchers) {
    const r = m(el, surface);
    if (r) return r;
  }
  return null;
}

export const matchAttach: Matcher = (el, surface) => (applies('attach', surface) && textMatches(label(el), ATTACH.labels) ? { kind: 'attach', element: el, signals: ['label'] } : null);

function iconDirection(el: Element): { dir: 'like' | 'dislike'; signal: string } | null {
  const svg = el.querySelector('svg');
  if (!svg) return null;
  const cls = (svg.getAttribute('class') ?? '').toLowerCase();
  for (const dir of ['like', 'dislike'] as const) {
    if (FEEDBACK.iconClasses[dir].some((c) => cls.split(/\s+/).some((x) => x.endsWith(c)))) return { dir, signal: 'icon-class' };
  }
  const d = Array.from(svg.querySelectorAll('path'))
    .map((p) => p.getAttribute('d') ?? '')
    .join(' ');
  for (const dir of ['like', 'dislike'] as const) if (FEEDBACK.iconPaths[dir].some((p) => d.includes(p))) return { dir, signal: 'icon-shape' };
  return null;
}

/** The buttons of the action bar an element sits in, when it is under an assistant turn. */
function actionBar(el: Element): Element[] | null {
  const turn = el.closest(FEEDBACK.assistantTurn);
  if (!turn) return null;
  let bar: Element | null = el.parentElement;
  while (bar && bar !== turn) {
    const buttons = Array.from(bar.querySelectorAll('button, [role="button"]')).filter((b) => b.closest(FEEDBACK.assistantTurn) === turn);
    if (buttons.length >= 3) return buttons;
    bar = bar.parentElement;
  }
  return null;
}

function isActive(el: Element): boolean {
  if (el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-checked') === 'true') return true;
  const ds = el.getAttribute('data-state');
  if (ds === 'on' || ds === 'active' || ds === 'checked') return true;
  const fill = el.querySelector('svg')?.getAttribute('fill');
  return !!fill && fill !== 'none' && fill !== 'transparent';
}

export const matchFeedback: Matcher = (el, surface) => {
  if (!applies('feedback', surface)) return null;
  const name = norm(label(el));
  if (name && textMatches(name, FEEDBACK.notFeedback, false)) return null;
  const signals: string[] = [];
  let direction: 'like' | 'dislike' | undefined;
  for (const dir of ['dislike', 'like'] as const) {
    if (name && textMatches(name, FEEDBACK.labels[dir], false)) {
      direction = dir;
      signals.push('label');
      break;
    }
  }
  const icon = iconDirection(el);
  if (icon) {
    direction ??= icon.dir;
    signals.push(icon.signal);
  }
  const bar = actionBar(el);
  if (bar) {
    const i = bar.indexOf(el);
    const last = bar[bar.length - 1];
    const lastIsCopy = textMatches(label(last), ['copy', 'copier'], false) || /copy/i.test(last.querySelector('svg')?.getAttribute('class') ?? '') || !!last.querySelector('rect');
    // Position counts only while the thumbs are where they were: a thumb recognised further along the bar means
    // the bar was reordered, and the first two buttons may be anything (test/unit/metamorphic.test.ts, shuffle).
    const thumbsMoved = bar.slice(2).some((b) => iconDirection(b) || textMatches(norm(label(b)), [...FEEDBACK.labels.like, ...FEEDBACK.labels.dislike], false));
    if ((i === 0 || i === 1) && lastIsCopy && !name && !thumbsMoved) {
      signals.push('position');
      direction ??= i === 0 ? 'like' : 'dislike';
    }
  }
  // A label alone, or an icon (or position) inside an assistant turn's action bar, is enough.
  const ok = signals.includes('label') || ((signals.includes('icon-class') || signals.includes('icon-shape') || signals.includes('position')) && !!bar);
  if (!ok || !direction) return null;
  return { kind: 'feedback', element: el, direction, clearing: isActive(el), signals };
};

/** A switch or checkbox's state: `checked` for inputs, else aria-checked, else Radix's data-state. */
function isOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  const aria = el.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return el.getAttribute('data-state') === 'checked';
}

export const matchShare: Matcher = (el, surface) => {
  const name = label(el);
  const role = el.getAttribute('role');
  if (role === 'switch' || role === 'checkbox' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox')) {
    if (!applies('share-public', surface)) return null;
    const acc = accessibleName(el, el.ownerDocument ?? document);
    if (textMatches(acc, SHARE.publicLabels, true, true)) {
      return { kind: 'share-public', element: el, clearing: isOn(el), signals: ['label'] };
    }
    return null;
  }
  if (applies('share-link', surface) && textMatches(name, SHARE.linkLabels, true)) {
    // Already public (the dialog's switch is on): showing the link again is not a new exposure.
    const dialog = el.closest('[role="dialog"], [role="alertdialog"]') ?? el.ownerDocument;
    const sw = dialog ? Array.from(dialog.querySelectorAll('[role="switch"], input[type="checkbox"]')).find((s) => textMatches(accessibleName(s, el.ownerDocument ?? document), SHARE.publicLabels, true, true)) : undefined;
    const alreadyPublic = !!sw && !(sw as HTMLElement).closest('[hidden]') && isOn(sw);
    return { kind: 'share-link', element: el, clearing: alreadyPublic, signals: ['label'] };
  }
  return null;
};

export const matchLabs: Matcher = (el, surface) => {
  if (!applies('labs', surface)) return null;
  const role = el.getAttribute('role');
  const isToggle = role === 'switch' || role === 'checkbox' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox');
  if (!isToggle) return null;
  const acc = accessibleName(el, el.ownerDocument ?? document);
  const labels = labelTexts(L_LABS_MODELS);
  if (!textMatches(acc, labels, true)) return null;
  return { kind: 'labs', element: el, clearing: isOn(el), signals: ['label'] };
};

/** Every matcher, for the tests and the diagnostic tools. */
export const ALL_MATCHERS: Matcher[] = [matchFeedback, matchShare, matchLabs, matchAttach];
