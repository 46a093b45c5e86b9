// @vitest-environment happy-dom
/**
 * The warning's fail-safes (lib/page/ui.ts, lib/page/dialog.ts), where a real page cannot produce the failure:
 * Windsock's UI cannot be made at all (attachShadow throws) → the browser's own confirm() asks, with the
 * warning's words; the dialog's code cannot be loaded (lib/page/on-demand.ts answers null, or throws) → the same;
 * the host is removed while a warning is open → cancelled, and the next warning gets a new host; a page script
 * rewrites the open warning's host → the browser's confirm() asks instead of the in-page dialog.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { destroyUi, setDialogLoader, warn, type DialogText } from '@/lib/page/ui';
import { DIALOG } from '@/lib/page/dialog';

const TEXT: DialogText = {
  title: 'Send feedback?',
  body: ['Ratings train the models.'],
  confirm: 'Send feedback anyway',
  cancel: 'Cancel',
  brand: 'Windsock',
  fallbackHint: 'OK: $1. Cancel: $2.',
};
const hosts = () => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);

describe('warning fail-safes', () => {
  const loads = vi.fn(async () => DIALOG);
  beforeEach(() => {
    loads.mockClear();
    setDialogLoader(loads);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    destroyUi();
    hosts().forEach((h) => h.remove());
  });

  it('no UI can be made: the browser confirm() asks with the warning, and its answer decides', async () => {
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
      throw new Error('NotSupportedError');
    });
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    const res = await warn(null, TEXT, 'en');
    expect(res).toEqual({ confirmed: true, dontAsk: null });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect((confirm.mock.calls[0] as unknown as string[])[0]).toContain('Ratings train the models.');
    expect((confirm.mock.calls[0] as unknown as string[])[0]).toContain('OK: Send feedback anyway. Cancel: Cancel.');
  });

  it('the host removed while a warning is open: cancelled; the next warning has a new host', async () => {
    const first = warn(null, TEXT, 'en');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0].tagName).toBe('DIV');
    expect(hosts()[0].shadowRoot).toBeNull(); // closed
    hosts()[0].remove();
    await expect(first).resolves.toEqual({ confirmed: false, dontAsk: null });
    void warn(null, TEXT, 'en');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
  });

  it("a page script rewriting the open warning's host: the browser confirm() asks instead", async () => {
    const confirm = vi.fn(() => false);
    window.confirm = confirm;
    const res = warn(null, TEXT, 'en');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    (hosts()[0] as HTMLElement).style.setProperty('opacity', '0', 'important');
    await expect(res).resolves.toEqual({ confirmed: false, dontAsk: null });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect((confirm.mock.calls[0] as unknown as string[])[0]).toContain('Send feedback?');
  });

  it('the dialog is loaded once, at the first warning, and draws into the one host', async () => {
    expect(loads).not.toHaveBeenCalled();
    const first = warn(null, TEXT, 'en');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    hosts()[0].remove();
    await first;
    void warn(null, TEXT, 'en');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['answers null (injection refused, no answer in time)', async () => null],
    ['throws', async () => Promise.reject(new Error('no background'))],
  ])(
    'the dialog cannot be loaded (%s): the browser confirm() asks, and the next warning tries again',
    async (_, load) => {
      const failing = vi.fn(load);
      setDialogLoader(failing);
      const confirm = vi.fn(() => true);
      window.confirm = confirm;
      await expect(warn(null, TEXT, 'en')).resolves.toEqual({ confirmed: true, dontAsk: null });
      expect(confirm).toHaveBeenCalledTimes(1);
      expect((confirm.mock.calls[0] as unknown as string[])[0]).toContain('Send feedback?');
      expect(hosts()).toHaveLength(0); // nothing of Windsock's drawn in the page
      confirm.mockReturnValue(false);
      await expect(warn(null, TEXT, 'en')).resolves.toEqual({ confirmed: false, dontAsk: null });
      expect(failing).toHaveBeenCalledTimes(2);
    },
  );

  it('a warning aborted (the script ending) while the dialog loads: cancelled, nothing shown', async () => {
    let done!: (api: typeof DIALOG) => void;
    setDialogLoader(() => new Promise((r) => (done = r)));
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    const ctl = new AbortController();
    const res = warn(null, TEXT, 'en', ctl.signal);
    ctl.abort();
    done(DIALOG);
    await expect(res).resolves.toEqual({ confirmed: false, dontAsk: null });
    expect(confirm).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
  });
});
