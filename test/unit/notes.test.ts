// @vitest-environment happy-dom
/**
 * The banner and the notes (lib/page/notes.ts) in Windsock's closed root: their buttons act on the user's own
 * clicks only (a page script's click is untrusted), the banner's dismiss calls back once, a note's "why" calls
 * back and its close removes it, and the root's stylesheet is the base rules followed by the notes'.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/page/ui.css?inline', () => ({ default: '.base{}' }));
vi.mock('@/lib/page/notes.css?inline', () => ({ default: '.notes{}' }));
import { destroyUi, uiHost } from '@/lib/page/ui';
import { hideBanner, hideNote, showBanner, showNote } from '@/lib/page/notes';

const root = () => uiHost().root;
const click = (el: Element, trusted: boolean) => {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { get: () => trusted });
  el.dispatchEvent(e);
};
const BANNER = {
  text: 'May train',
  link: 'Turn it off',
  href: 'https://admin.mistral.ai/vibe/privacy',
  dismiss: 'Hide',
  brand: 'Windsock',
};

afterEach(() => destroyUi());

describe('banner', () => {
  it('dismissed by the user only: a page-made click does nothing, a trusted one removes it and calls back once', () => {
    const onDismiss = vi.fn();
    showBanner(BANNER, 'ar', onDismiss);
    const bar = root().querySelector('.banner')!;
    expect(bar.getAttribute('dir')).toBe('rtl');
    expect(bar.querySelector('a')!.getAttribute('href')).toBe(BANNER.href);
    const hide = bar.querySelector('[data-action="dismiss"]')!;
    expect(hide.textContent).toBe('Hide');
    click(hide, false);
    expect(onDismiss).not.toHaveBeenCalled();
    expect(root().querySelector('.banner')).not.toBeNull();
    click(hide, true);
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(root().querySelector('.banner')).toBeNull();
  });

  it('shown again replaces it; hideBanner removes it', () => {
    showBanner(BANNER, 'en', () => undefined);
    showBanner(BANNER, 'en', () => undefined);
    expect(root().querySelectorAll('.banner')).toHaveLength(1);
    hideBanner();
    expect(root().querySelector('.banner')).toBeNull();
  });
});

describe('notes', () => {
  it('closed by the user only', () => {
    showNote('Files are input', 'Source', 'Close', 'fr', { id: 'attach', persist: true });
    const note = root().querySelector('.note[data-id="attach"]')!;
    expect(note.querySelector('.source')!.textContent).toBe('Source');
    const close = [...note.querySelectorAll('button')].find((b) => b.textContent === 'Close')!;
    click(close, false);
    expect(root().querySelector('.note[data-id="attach"]')).not.toBeNull();
    click(close, true);
    expect(root().querySelector('.note[data-id="attach"]')).toBeNull();
  });

  it('"why" calls back on the user\'s click only; notes of different ids stand together; hideNote by id', () => {
    const onWhy = vi.fn();
    showNote('Personal data', 'Why?', 'Close', 'en', { id: 'composer', persist: true, onWhy });
    showNote('Files are input', 'Source', 'Close', 'en', { id: 'attach', persist: true });
    const why = root().querySelector('.note[data-id="composer"] [data-action="why"]')!;
    click(why, false);
    expect(onWhy).not.toHaveBeenCalled();
    click(why, true);
    expect(onWhy).toHaveBeenCalledTimes(1);
    expect(root().querySelectorAll('.note')).toHaveLength(2);
    hideNote('composer');
    expect([...root().querySelectorAll('.note')].map((n) => n.getAttribute('data-id'))).toEqual(['attach']);
  });

  it("the host's one stylesheet: the base rules, then the notes' (added as notes.ts loads)", () => {
    showBanner(BANNER, 'en', () => undefined);
    showNote('a', 'b', 'c', 'en', { persist: true });
    const styles = [...root().querySelectorAll('style')];
    expect(styles.map((st) => st.textContent)).toEqual(['.base{}.notes{}']);
  });
});
