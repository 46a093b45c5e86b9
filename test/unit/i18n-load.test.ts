/**
 * lib/i18n.ts loads one catalog at a time: a fresh module each test (no catalog given), a loader that counts what
 * it is asked for, and a fake browser catalog. The oracle is the catalogs on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type I18n = typeof import('@/lib/i18n');
const disk = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = disk('en');
const ar = disk('ar');
const fr = disk('fr');

let i18n: I18n;
let asked: string[];
beforeEach(async () => {
  vi.resetModules();
  i18n = await import('@/lib/i18n');
  asked = [];
  i18n.provideCatalogs({}, async (lang) => {
    asked.push(lang);
    if (lang === 'de') throw new Error('404');
    return lang === 'fr' ? { ...fr, popupTitle: undefined } : disk(lang);
  });
});

describe('one catalog at a time', () => {
  it('nothing is loaded until asked; a language brings its catalog and English, once each', async () => {
    expect(asked).toEqual([]);
    expect(i18n.isLoaded('ar')).toBe(false);
    await Promise.all([i18n.loadLang('ar'), i18n.loadLang('ar')]);
    expect(asked.sort()).toEqual(['ar', 'en']);
    await i18n.loadLang('en');
    expect(asked.length).toBe(2);
    expect(i18n.t('popupNoTab', [], 'ar')).toBe(ar.popupNoTab.message);
  });

  it('a key the language lacks falls back to English; a key nobody has shows itself', async () => {
    await i18n.loadLang('fr');
    expect(i18n.t('popupTitle', [], 'fr')).toBe(en.popupTitle.message);
    expect(i18n.t('popupNoTab', [], 'fr')).toBe(fr.popupNoTab.message);
    expect(i18n.t('nope' as never, [], 'fr')).toBe('nope');
  });

  it('a catalog that cannot be loaded leaves English, never a failure', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(i18n.loadLang('de')).resolves.toBeUndefined();
    expect(i18n.isLoaded('de')).toBe(true);
    expect(i18n.t('popupNoTab', [], 'de')).toBe(en.popupNoTab.message);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('setLang waits for the catalog: the language (and the page direction) switch together, then listeners run', async () => {
    const ready = vi.fn();
    i18n.onLangReady(ready);
    await i18n.loadLang('en');
    i18n.setLang('en');
    i18n.setLang('ar');
    expect(i18n.getLang()).toBe('en'); // not yet: Arabic's catalog is still loading
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(i18n.getLang()).toBe('ar');
    expect(i18n.t('popupNoTab')).toBe(ar.popupNoTab.message);
  });

  it('the last choice wins when two switches race', async () => {
    await i18n.loadLang('en');
    i18n.setLang('ar');
    i18n.setLang('en');
    await i18n.loadLang('ar');
    await new Promise((r) => setTimeout(r, 0));
    expect(i18n.getLang()).toBe('en');
  });
});

describe("the browser's own catalog", () => {
  const fake = (ui: string, cat: Record<string, { message: string }>) => ({
    getUILanguage: () => ui,
    getMessage: (key: string, subs?: string[]) =>
      (cat[key]?.message ?? en[key]?.message ?? '').replace(
        /\$([1-9])/g,
        (_: string, n: string) => subs?.[Number(n) - 1] ?? '',
      ),
  });

  it('the language served is the one the browser’s catalog says it is in, whatever the UI language claims', () => {
    i18n.serveFromBrowser(fake('en-US', ar));
    expect(i18n.isLoaded('ar')).toBe(true);
    expect(i18n.isLoaded('en')).toBe(false);
    // A browser without the key (or an error): nothing served from it.
    i18n.serveFromBrowser({ getMessage: () => '' });
    expect(i18n.isLoaded('ar')).toBe(false);
    i18n.serveFromBrowser({
      getMessage: () => {
        throw new Error('no i18n here');
      },
    });
    expect(i18n.isLoaded('ar')).toBe(false);
  });

  it("serves the browser's language with nothing fetched; another language is still fetched", async () => {
    i18n.serveFromBrowser(fake('ar-EG', ar));
    expect(i18n.isLoaded('ar')).toBe(true);
    await i18n.loadLang('ar');
    expect(asked).toEqual([]);
    expect(i18n.t('popupOnPage', ['X'], 'ar')).toBe(ar.popupOnPage.message.replace('$1', 'X'));
    expect(i18n.tp('timeDaysAgo', 11, [], 'ar')).toBe(ar.timeDaysAgo_many.message.replace('$1', '11'));
    await i18n.loadLang('fr');
    expect(asked.sort()).toEqual(['en', 'fr']);
    expect(i18n.t('popupNoTab', [], 'fr')).toBe(fr.popupNoTab.message);
  });

  it('a browser serving English: another language brings only its own catalog, English comes from the browser', async () => {
    i18n.serveFromBrowser(fake('en-US', en));
    await i18n.loadLang('fr');
    expect(asked).toEqual(['fr']);
    expect(i18n.isLoaded('fr')).toBe(true);
    expect(i18n.t('popupNoTab', [], 'fr')).toBe(fr.popupNoTab.message);
    expect(i18n.t('popupTitle', [], 'fr')).toBe(en.popupTitle.message); // the key the French catalog lacks here
    expect(i18n.t('nope' as never, [], 'fr')).toBe('nope');
  });
});
