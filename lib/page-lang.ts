/**
 * The options and rights pages' first language: the user's setting (else the browser's), its catalog loaded before
 * the first render, so the page never shows English first, nor English laid out right to left. Later language
 * changes go through setLang, which re-renders the page (`onLangReady`) once the new catalog is in.
 */
import { browser } from 'wxt/browser';
import { applyDocLang, loadLang, pickLang, serveFromBrowser, setLang, type Lang } from './i18n';
import { readStore } from './store';

export async function startLang(): Promise<Lang> {
  const ui = browser.i18n.getUILanguage();
  // Most people keep the browser's language: the browser's own catalog serves it; another is fetched meanwhile.
  serveFromBrowser(browser.i18n);
  void loadLang(pickLang(undefined, ui));
  const setting = await readStore().then(
    (r) => r.store.settings.language,
    () => undefined,
  );
  const lang = pickLang(setting, ui);
  await loadLang(lang);
  setLang(lang);
  applyDocLang(lang);
  return lang;
}
