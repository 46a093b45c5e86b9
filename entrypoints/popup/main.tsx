/**
 * The popup renders once, when both its tab's verdict (computed in the background) and its language's catalog
 * are in: never a loading text, never English before the user's language. No zod and no policy knowledge here.
 */
import { render } from 'preact';
import { fetchPopupState, Popup, speak } from '@/components/Popup';
import { browser } from 'wxt/browser';
import { loadLang, pickLang, serveFromBrowser } from '@/lib/i18n';
import '@/components/styles.css';

// For the benchmark (scripts/bench.ts): when the popup's own script starts (the rest is the browser opening a page).
performance.mark('windsock-popup-start');
const root = document.getElementById('app')!;
const ui = browser.i18n.getUILanguage();
// Most people keep the browser's language: served from the browser's own catalog, nothing to fetch. Otherwise
// the chosen language's catalog is fetched once the background says which it is.
serveFromBrowser(browser.i18n);
void loadLang(pickLang(undefined, ui));

fetchPopupState().then(
  async (state) => {
    await speak(state.lang);
    render(<Popup initial={state} />, root);
  },
  async (e: unknown) => {
    await speak(pickLang(undefined, ui));
    render(<Popup error={String((e as Error)?.message ?? e)} />, root);
  },
);
