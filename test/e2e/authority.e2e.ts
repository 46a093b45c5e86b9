/**
 * The complaint's authority, end to end: a browser speaking Austrian German gets the rights page in German with
 * Austria's DSB suggested; choosing Bavaria's authority in the letter form addresses the complaint letter to it
 * (Ansbach) and points the complaint card's link at its page. Chromium and Firefox (Firefox ESR reports its
 * own UI language, so there the German is chosen in the options and the suggestion checked is the CNIL's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, until, type Harness } from './harness';

describe.each(BROWSERS)('the user’s own authority in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { lang: 'de-AT' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('suggested from the browser language, chosen by the user, written into the letter', async () => {
    const uiLang = await h.extEval<string>(
      `() => (globalThis.browser?.i18n ? globalThis.browser : globalThis.chrome).i18n.getUILanguage()`,
    );
    const german = /^de/.test(uiLang);
    if (!german) {
      await h.extEval(
        `async () => { const b = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome; return b.runtime.sendMessage({ type: 'set-settings', settings: { language: 'de' } }); }`,
      );
    }
    const p = await h.openExtensionPage('rights.html');
    await p.waitFor('main[data-ready] h1');
    await until(async () => (await p.evaluate<string>(`() => document.documentElement.lang`)) === 'de', 'German page');
    const suggested = await p.evaluate<string>(
      `() => document.querySelector('#right-complaint [data-authority]').getAttribute('data-authority')`,
    );
    expect(suggested).toBe(german ? 'at' : 'fr');
    await p.click('[data-letter-for="complaint"]');
    await p.waitFor('#letter-authority-select');
    await p.selectOption('#letter-authority-select', 'de-by');
    const preview = await until(async () => {
      const t = await p.evaluate<string>(`() => document.querySelector('.letter-preview').textContent`);
      return t.includes('Ansbach') ? t : null;
    }, 'letter addressed to the BayLDA');
    expect(preview).toContain(
      'Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)\nPromenade 18\n91522 Ansbach\nDeutschland',
    );
    expect(preview).toContain('Beschwerde gegen Mistral AI (Art. 77 DSGVO)');
    const link = await p.evaluate<string>(`() => document.querySelector('[data-authority-link]').getAttribute('href')`);
    expect(link).toBe('https://www.lda.bayern.de/de/beschwerde.html');
    await p.close();
  });
});
