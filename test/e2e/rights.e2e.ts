/**
 * The rights page and the privacy record, end to end in Chromium and Firefox with the built extension:
 * rights.html lists the ten rights and writes the French objection letter with what Windsock observed; on the
 * options page, a malformed, a non-JSON and a foreign file are each refused with their message while the stored
 * data stays exactly as it was, and a valid export is imported. In German, every quoted passage has its translation beside it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, launch, until, type Harness, type PageHandle } from './harness';

const T = Date.UTC(2026, 9, 14, 12, 0, 0);
const ORG = 'name:Atelier Nord';

/**
 * What Windsock would have stored after seeing a Free organization's Admin Panel with Model training on, as the
 * hand-written store wrote it (version 3, the version inside the value): the storage item reads it as it is.
 */
const STORE = {
  schemaVersion: 3,
  currentOrg: ORG,
  orgs: {
    [ORG]: {
      name: 'Atelier Nord',
      lastSeen: T,
      observations: {
        'plan:vibe': { value: 'free', via: 'page', where: 'admin-subscriptions', seenAt: T - 3_600_000, confidence: 1 },
        'vibe-training': { value: 'on', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'chat-retention': { value: '90d', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
      },
      declarations: {},
    },
  },
  settings: { language: 'auto' },
  guardsOff: [],
  bannerDismissedUntil: {},
  shares: [],
  history: [
    {
      at: T - 3_600_000,
      org: ORG,
      kind: 'observed',
      key: 'plan:vibe',
      value: 'free',
      previous: null,
      where: 'admin-subscriptions',
    },
    {
      at: T,
      org: ORG,
      kind: 'observed',
      key: 'vibe-training',
      value: 'on',
      previous: null,
      where: 'admin-vibe-privacy',
    },
    {
      at: T,
      org: ORG,
      kind: 'observed',
      key: 'chat-retention',
      value: '90d',
      previous: null,
      where: 'admin-vibe-privacy',
    },
  ],
};

const api = `(globalThis.browser?.storage ? globalThis.browser : globalThis.chrome)`;
const SET_STORE = `async (store) => { await ${api}.storage.local.set({ windsock: store }); return true; }`;
const GET_STORE = `async () => (await ${api}.storage.local.get('windsock')).windsock ?? null`;

/** Type into a field as the user would: set its value and fire `input` (what Preact listens to). */
const fill = (page: PageHandle, selector: string, value: string) =>
  page.evaluate(
    `() => { const el = document.querySelector(${JSON.stringify(selector)}); el.focus(); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); }`,
  );

/** Choose a file in an <input type=file>: a File in a DataTransfer, then `change`, as the file picker does. */
const chooseFile = (page: PageHandle, selector: string, name: string, text: string) =>
  page.evaluate(`() => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }`);

const textOf = (page: PageHandle, selector: string) =>
  page.evaluate<string>(`() => document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`);

describe.each(BROWSERS)('rights page and privacy record in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    await h.extEval(SET_STORE, STORE);
  });

  it('rights.html: the ten rights, and the French objection letter with what Windsock saw', async () => {
    const page = await h.openExtensionPage('rights.html');
    await page.waitFor('main[data-ready="true"]');
    const rights = await page.evaluate<string[]>(
      `() => [...document.querySelectorAll('[data-right]')].map((e) => e.getAttribute('data-right'))`,
    );
    expect(rights).toEqual([
      'access',
      'rectification',
      'erasure',
      'portability',
      'objection',
      'restriction',
      'consent',
      'automated',
      'postmortem',
      'complaint',
    ]);
    // Every right cites its sources.
    expect(
      await page.evaluate<number>(
        `() => [...document.querySelectorAll('[data-right]')].filter((e) => e.querySelector('[data-source="privacy-policy-2025"]')).length`,
      ),
    ).toBe(10);
    // The Chat Retention Policy seen on the Admin Panel is shown, and the policy versions the knowledge comes from.
    await page.waitFor('[data-chat-retention="90d"]');
    expect(
      await page.evaluate<string[]>(
        `() => [...document.querySelectorAll('[data-version]')].map((e) => e.getAttribute('data-version'))`,
      ),
    ).toEqual(['pp-2025', 'pp-2026', 'docs-2026']);
    expect(
      await page.evaluate<boolean>(
        `() => !!document.querySelector('[data-change="legitimate-interest"] [data-source="privacy-policy-2026-summary"]')`,
      ),
    ).toBe(true);

    // "Prepare this letter" on the objection right selects that letter and moves the focus to the form.
    await page.click('[data-letter-for="objection"]');
    await until(
      () => page.evaluate<boolean>(`() => document.activeElement?.id === 'letter-id'`),
      'focus on the letter choice',
    );
    await page.selectOption('#letter-lang', 'fr');
    await page.waitFor('.letter-preview[data-letter="objection"][data-lang="fr"]');

    // Before the user fills anything, the fields they must add are marked blanks.
    let letter = await textOf(page, '.letter-preview');
    expect(letter).toContain('[adresse e-mail de votre compte]');
    expect(letter).toContain('[vos nom et prénom]');

    await fill(page, '#letter-field-fullName', 'Camille Martin');
    await fill(page, '#letter-field-accountEmail', 'camille@example.org');
    await fill(page, '#letter-field-city', 'Lyon');
    await page.waitFor('.letter-preview[data-blanks="0"]');
    letter = await textOf(page, '.letter-preview');
    expect(letter).toContain(
      "Objet : Opposition à l'utilisation de mes données personnelles pour entraîner vos modèles (article 21 du RGPD)",
    );
    expect(letter).toContain('Madame, Monsieur,');
    expect(letter).toContain('Camille Martin\nE-mail : camille@example.org');
    expect(letter).toContain(
      "Mistral AI\nÀ l'attention de l'équipe Privacy (Attn: Privacy Team)\n15 rue des Halles\n75001 Paris\nFrance",
    );
    expect(letter).toMatch(/À Lyon, le \d{1,2}(er)? [a-zéû]+ \d{4}/);
    expect(letter).toContain("Mon organisation dans l'Admin Panel s'appelle « Atelier Nord ».");
    expect(letter).toContain("Mon offre, telle que l'affichent les pages de mon compte : Free (gratuit), pour Vibe.");
    expect(letter).toContain(
      'Le 14 octobre 2026, Windsock a vu le réglage « Model training » activé dans mes paramètres de confidentialité.',
    );
    expect(letter).toContain(
      "En application de l'article 21, paragraphe 1, du règlement général sur la protection des données (RGPD), je m'oppose",
    );
    expect(letter).not.toMatch(/[[\]$]|Dear Sir/);

    // Leaving out what Windsock observed takes it out of the letter.
    await page.click('#letter-observed');
    await until(async () => !(await textOf(page, '.letter-preview')).includes('Windsock a vu'), 'observations removed');

    // Nothing of what was typed is stored.
    expect(JSON.stringify(await h.extEval(GET_STORE))).not.toContain('camille@example.org');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('rights.html in German: beside every quoted passage (rights, contact, retention, ZDR, policy changes) its translation; none in English', async () => {
    // English first (the store's language is 'auto', the browsers run in English): quotes, no translations.
    let page = await h.openExtensionPage('rights.html');
    await page.waitFor('main[data-ready="true"]');
    expect(await page.evaluate<number>(`() => document.querySelectorAll('blockquote').length`)).toBeGreaterThan(60);
    expect(await page.evaluate<number>(`() => document.querySelectorAll('[data-quote-translation]').length`)).toBe(0);
    await page.close();

    await h.extEval(SET_STORE, { ...STORE, settings: { language: 'de' } });
    page = await h.openExtensionPage('rights.html');
    await page.waitFor('main[data-ready="true"]');
    await page.waitFor('[data-chat-retention="90d"]');
    // Every quote on the page (English, verbatim) is followed by its German translation.
    const untranslated = await page.evaluate<string[]>(
      `() => [...document.querySelectorAll('blockquote')].filter((q) => !q.nextElementSibling?.matches('.quote-translation[data-quote-translation]')).map((q) => q.textContent)`,
    );
    expect(untranslated).toEqual([]);
    for (const section of ['#contact', '#rights', '#retention', '#versions']) {
      expect(
        await page.evaluate<number>(`() => document.querySelectorAll('${section} [data-quote-translation]').length`),
        section,
      ).toBeGreaterThan(0);
    }
    const objection = await textOf(page, '[data-right="objection"] [data-quote-translation="quote_pp25Objection"]');
    expect(objection).toBe(
      'Übersetzung: Widerspruch. Sie haben das Recht, der Verarbeitung Ihrer personenbezogenen Daten zu widersprechen. Dieses Recht gilt nicht, wenn wir rechtlich verpflichtet sind, Ihre personenbezogenen Daten zu verarbeiten.',
    );
    // The quote itself stays in English.
    expect(await textOf(page, '[data-right="objection"] blockquote')).toContain(
      'Objection. You have the right to object to the processing of your personal data.',
    );
    expect(
      await page.evaluate<boolean>(
        `() => !!document.querySelector('#retention [data-quote-translation="quote_zdrDeletion"]')`,
      ),
    ).toBe(true);
    expect(
      await page.evaluate<boolean>(
        `() => !!document.querySelector('[data-change="legitimate-interest"] [data-quote-translation="quote_pp26LegitimateInterest"]')`,
      ),
    ).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('options page: a malformed, a non-JSON or a foreign file is refused and the stored data stays as it was', async () => {
    const before = await h.extEval<unknown>(GET_STORE);
    expect(before).toEqual(STORE);
    const page = await h.openExtensionPage('options.html');
    await page.waitFor('#privacy-record[data-entries="3"]');
    expect(
      await page.evaluate<string[]>(
        `() => [...document.querySelectorAll('.record-list li')].map((e) => e.getAttribute('data-key'))`,
      ),
    ).toEqual(['chat-retention', 'vibe-training', 'plan:vibe']);
    // The link to the rights page is there.
    expect(
      await page.evaluate<string>(`() => document.querySelector('a[data-link="rights"]').getAttribute('href')`),
    ).toMatch(/\/rights\.html$/);

    // A Windsock export whose store is corrupt (an observation with an impossible value).
    const broken = JSON.parse(JSON.stringify(STORE));
    broken.orgs[ORG].observations['vibe-training'].value = 'maybe';
    broken.orgs[ORG].observations['plan:vibe'] = {
      value: 'team',
      via: 'page',
      where: 'admin-subscriptions',
      seenAt: T + 1,
      confidence: 1,
    };
    await chooseFile(
      page,
      '#record-import',
      'windsock-privacy-record-2026-10-14.json',
      JSON.stringify({
        kind: 'windsock-privacy-record',
        format: 1,
        exportedAt: new Date(T).toISOString(),
        store: broken,
      }),
    );
    await page.waitFor('[role="alert"][data-import-error="malformed"]');
    expect(await textOf(page, '[data-import-error]')).toBe(
      'This Windsock export is damaged, or comes from a newer version of Windsock. Nothing was changed.',
    );
    expect(await h.extEval<unknown>(GET_STORE)).toEqual(before);

    await chooseFile(page, '#record-import', 'notes.json', 'not { json');
    await page.waitFor('[role="alert"][data-import-error="not-json"]');
    await chooseFile(page, '#record-import', 'other.json', JSON.stringify({ kind: 'something-else', store: STORE }));
    await page.waitFor('[role="alert"][data-import-error="foreign"]');
    expect(await h.extEval<unknown>(GET_STORE)).toEqual(before);
    // The record on the page is unchanged too.
    await page.waitFor('#privacy-record[data-entries="3"]');

    // A valid export is imported and replaces what was stored.
    const other = {
      ...STORE,
      history: STORE.history.slice(0, 1),
      orgs: { [ORG]: { ...STORE.orgs[ORG], observations: { 'plan:vibe': STORE.orgs[ORG].observations['plan:vibe'] } } },
    };
    await chooseFile(
      page,
      '#record-import',
      'good.json',
      JSON.stringify({
        kind: 'windsock-privacy-record',
        format: 1,
        exportedAt: new Date(T).toISOString(),
        store: other,
      }),
    );
    await until(
      async () => (await textOf(page, '[data-record-status]')).startsWith('Imported'),
      'import success message',
    );
    await page.waitFor('#privacy-record[data-entries="1"]');
    // Stored as WXT's storage item: the store without its version, which is WXT's metadata (`windsock$`).
    const { schemaVersion, ...bare } = other;
    expect(schemaVersion).toBe(3);
    expect(await h.extEval<unknown>(`async () => ${api}.storage.local.get(['windsock', 'windsock$'])`)).toEqual({
      windsock: bare,
      windsock$: { v: 3 },
    });
    expect(await page.evaluate<number>(`() => document.querySelectorAll('[data-import-error]').length`)).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
