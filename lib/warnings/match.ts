/**
 * What the warnings' matchers share: a gesture's element is found with `closest()` on the event's target, and
 * only a few attributes around it are read — never the page as a whole, never message text.
 */
import type { SurfaceId } from '../surfaces';
import type { GuardMatch, Matcher } from './types';

export type { GuardMatch, Matcher } from './types';

const ACTIVATABLE =
  'button, [role="button"], [role="switch"], [role="checkbox"], [role="menuitem"], [role="option"], a[href], input[type="checkbox"]';

/** A button's visible or accessible name (first 80 characters of its text when it has no label). */
export function label(el: Element): string {
  return el.getAttribute('aria-label') ?? el.getAttribute('title') ?? (el.textContent ?? '').trim().slice(0, 80);
}

/** A switch or a checkbox, by role or by input type. */
export function isToggle(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    role === 'switch' || role === 'checkbox' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox')
  );
}

/** A switch or checkbox's state: `checked` for inputs, else aria-checked, else Radix's data-state. */
export function isOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  const aria = el.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return el.getAttribute('data-state') === 'checked';
}

/** Which gesture `target` is, among those the given matchers know (each UI script carries its page's own). */
export function matchGesture(target: Element | null, surface: SurfaceId, matchers: Matcher[]): GuardMatch | null {
  const el = target?.closest?.(ACTIVATABLE);
  if (!el) return null;
  for (const m of matchers) {
    const r = m(el, surface);
    if (r) return r;
  }
  return null;
}
