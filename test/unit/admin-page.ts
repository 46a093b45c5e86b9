/**
 * An Admin Panel page for the detector tests (test/unit/order.test.ts, detect-mutants.test.ts): markup in, what the
 * Admin Panel's content script reads out of it (detectPage with its kit), parsed by happy-dom without scripts. The
 * page's language defaults to one Windsock has no labels for (`ja`), so that only structure can name a control.
 */
import { Window } from 'happy-dom';
import { detectPage } from '@/lib/detect';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';

export const VIBE = 'https://admin.mistral.ai/vibe/privacy';
/** happy-dom without scripts, script files or stylesheets: a page parsed, never run. */
export const settings = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
};

export function detect(html: string, url = VIBE, lang = 'ja') {
  const win = new Window({ url, settings });
  win.document.write(`<!doctype html><html lang="${lang}"><body>${html}</body></html>`);
  return detectPage(win.document as unknown as Document, url, ADMIN_DETECT);
}

/** The controls read, by key (the plan left out). */
export const values = (html: string, url = VIBE) =>
  Object.fromEntries(
    detect(html, url)
      .observations.filter((o) => !o.key.startsWith('plan:'))
      .map((o) => [o.key, o.value]),
  );
