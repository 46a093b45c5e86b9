/**
 * The request letters (lib/rights/letters.ts), every letter in both languages: no placeholder left, a marked
 * blank exactly for each required field the user left empty, the right GDPR article, the right addresses, and
 * what Windsock observed written in (and nothing of it when nothing was observed).
 */
import { describe, expect, it } from 'vitest';
import {
  generateLetter,
  letterDate,
  letterFileName,
  LETTER_IDS,
  LETTERS,
  type FieldName,
  type LetterFields,
  type LetterId,
  type Observed,
} from '@/lib/rights/letters';
import { observedFrom } from '@/lib/rights/observed';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';

/** The catalogs, by language, as the extension ships them. */
const ADDITIONS: Record<'en' | 'fr', Record<string, { message: string }>> = { en, fr };
import { emptyStore, recordObservations, type Store } from '@/lib/store/schema';

const NOW = Date.UTC(2026, 9, 20, 12, 0, 0);
const TRAINING_SEEN = Date.UTC(2026, 9, 14, 12, 0, 0);
const API_SEEN = Date.UTC(2026, 9, 12, 12, 0, 0);
const SHARE_AT = Date.UTC(2026, 9, 13, 9, 0, 0);
const CHAT = '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
const OPTS = { now: NOW, timeZone: 'UTC' };
const LANGS: ('en' | 'fr')[] = ['en', 'fr'];

const FULL: Required<LetterFields> = {
  fullName: 'Camille Martin',
  email: 'replies@example.org',
  accountEmail: 'camille@example.org',
  city: 'Lyon',
  details: 'My account shows the name “Camile Martin”; it should read “Camille Martin”.',
  requestDate: '2026-09-01',
};

const OBSERVED: Observed = {
  plan: 'free',
  planProduct: 'vibe',
  trainingSeenOn: TRAINING_SEEN,
  apiTrainingSeenOn: API_SEEN,
  orgName: 'Atelier Nord',
  shares: [{ chatId: CHAT, at: SHARE_AT }],
};

const msg = (lang: 'en' | 'fr', key: string) => ADDITIONS[lang][key].message;
/** The blank a field shows in a letter, in a language. */
const blankOf = (id: LetterId, lang: 'en' | 'fr', f: FieldName) =>
  msg(
    lang,
    f === 'details'
      ? `letter_blank_details_${id}`
      : {
          fullName: 'letter_blank_full_name',
          email: 'letter_blank_email',
          accountEmail: 'letter_blank_account_email',
          city: 'letter_blank_city',
          requestDate: 'letter_blank_request_date',
        }[f],
  );

/** The article as each language cites it in the subject. */
function articleIn(lang: 'en' | 'fr', article: string): RegExp {
  if (lang === 'en') return new RegExp(`GDPR Article ${article.replace(/[()]/g, '\\$&')}\\)$`);
  const m = /^(\d+)\((\d+)\)$/.exec(article);
  return m
    ? new RegExp(`\\(article ${m[1]}, paragraphe ${m[2]}, du RGPD\\)$`)
    : new RegExp(`\\(article ${article} du RGPD\\)$`);
}

const CASES = LETTER_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as const));

describe('letters: the catalogue', () => {
  it('has the eight letters the issue asks for, objection, erasure and access first', () => {
    expect(LETTER_IDS).toEqual([
      'objection',
      'erasure',
      'access',
      'rectification',
      'restriction',
      'portability',
      'consent',
      'cnil',
    ]);
  });

  it('each letter rests on the right article', () => {
    expect(Object.fromEntries(LETTER_IDS.map((id) => [id, LETTERS[id].article]))).toEqual({
      objection: '21',
      erasure: '17',
      access: '15',
      rectification: '16',
      restriction: '18',
      portability: '20',
      consent: '7(3)',
      cnil: '77',
    });
  });
});

describe.each(CASES)('letter %s in %s', (id, lang) => {
  const def = LETTERS[id];
  // Written inside each test, never in this describe body: Stryker's per-test coverage credits a test only with the
  // code it runs itself (README, "Mutation testing").
  const fullLetter = () => generateLetter(id, lang, FULL, OBSERVED, OPTS);
  const emptyLetter = () => generateLetter(id, lang, {}, {}, OPTS);

  it('leaves no unfilled placeholder ($n, braces) whatever is filled in', () => {
    for (const l of [
      fullLetter(),
      emptyLetter(),
      generateLetter(id, lang, FULL, {}, OPTS),
      generateLetter(id, lang, {}, OBSERVED, OPTS),
    ]) {
      for (const part of [l.text, l.subject, l.body, l.to]) {
        expect(part).not.toMatch(/\$/);
        expect(part).not.toMatch(/[{}]/);
        expect(part).not.toMatch(/\bundefined\b|\bnull\b|NaN|Invalid Date/);
        expect(part).not.toMatch(/\bletter_[a-z_]+/); // no untranslated key
      }
    }
  });

  it('with every field filled: no blank, no bracket, the fields are in the letter', () => {
    const full = fullLetter();
    expect(full.blanks).toEqual([]);
    expect(full.text).not.toMatch(/[[\]]/);
    expect(full.text).toContain(FULL.fullName);
    expect(full.text).toContain(FULL.accountEmail);
    expect(full.text).toContain(FULL.email);
    expect(full.text).toContain('Lyon');
    if (def.fields.includes('details')) expect(full.text).toContain(FULL.details);
    // The signature is the name, last.
    expect(full.body.trim().endsWith(FULL.fullName)).toBe(true);
  });

  it('with every field empty: a marked blank for each required field, in the letter', () => {
    const empty = emptyLetter();
    for (const f of def.required) {
      const blank = blankOf(id, lang, f);
      expect(blank).toMatch(/^\[.+\]$/);
      expect(empty.text, f).toContain(blank);
      expect(empty.blanks).toContain(blank);
    }
    expect(empty.blanks).toHaveLength(def.required.length);
  });

  it.each(LETTERS[id].fields)('a blank for %s only when it is left empty', (f) => {
    const without = { ...FULL, [f]: '   ' };
    const l = generateLetter(id, lang, without, OBSERVED, OPTS);
    const required = def.required.includes(f);
    if (f === 'email') {
      // The reply goes to the account e-mail when no other is given: no blank.
      expect(l.blanks).toEqual([]);
      expect(l.text).toContain(`${FULL.accountEmail}`);
      const neither = generateLetter(id, lang, { ...FULL, email: '', accountEmail: '' }, OBSERVED, OPTS);
      expect(new Set(neither.blanks)).toEqual(new Set([blankOf(id, lang, 'email'), blankOf(id, lang, 'accountEmail')]));
    } else if (required) {
      expect(l.blanks).toEqual([blankOf(id, lang, f)]);
      expect(l.text).toContain(blankOf(id, lang, f));
    } else {
      expect(l.blanks).toEqual([]);
      expect(l.text).not.toMatch(/[[\]]/);
    }
  });

  it('cites the right GDPR article in the subject and the body', () => {
    const full = fullLetter();
    expect(full.article).toBe(def.article);
    expect(full.subject).toMatch(articleIn(lang, def.article));
    const [n, para] = def.article.split(/[()]/);
    const inBody =
      lang === 'en' ? `Article ${def.article}` : para ? `article ${n}, paragraphe ${para}` : `article ${n}`;
    expect(full.body).toContain(inBody);
    expect(full.text).toContain(lang === 'en' ? `Subject: ${full.subject}` : `Objet : ${full.subject}`);
  });

  it('goes to the right address', () => {
    const full = fullLetter();
    const flat = full.to.replace(/\n/g, ', ');
    if (def.to === 'cnil') {
      expect(flat).toBe(
        'Commission nationale de l’informatique et des libertés (CNIL), Service des plaintes, 3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France',
      );
      // …and names Mistral AI and its address as the controller complained about.
      expect(full.body).toContain('Mistral AI (SIREN 952 418 325), 15 rue des Halles, 75001 Paris');
    } else {
      expect(flat).toMatch(/^Mistral AI, .*Attn: Privacy Team\)?, 15 rue des Halles, 75001 Paris, France$/);
      if (lang === 'en') expect(flat).toBe('Mistral AI, Attn: Privacy Team, 15 rue des Halles, 75001 Paris, France');
    }
    expect(full.text).toContain(full.to);
  });

  it('is written in its language', () => {
    const full = fullLetter();
    if (lang === 'fr') {
      expect(full.body.startsWith('Madame, Monsieur,')).toBe(true);
      expect(full.text).toContain('À Lyon, le 20 octobre 2026');
      expect(full.text).not.toMatch(/Dear Sir|Yours faithfully|Under Article/);
    } else {
      expect(full.body.startsWith('Dear Sir or Madam,')).toBe(true);
      expect(full.text).toContain('Lyon, 20 October 2026');
      expect(full.text).not.toMatch(/Madame|RGPD|Objet/);
    }
  });

  it('fills in what Windsock observed: organization, plan, the dates the toggles were seen on', () => {
    const full = fullLetter();
    const en = lang === 'en';
    expect(full.text).toContain(
      en
        ? 'My organization in the Admin Panel is named “Atelier Nord”.'
        : "Mon organisation dans l'Admin Panel s'appelle « Atelier Nord ».",
    );
    expect(full.text).toContain(
      en
        ? 'My plan, as my account pages show it: Free, for Vibe.'
        : "Mon offre, telle que l'affichent les pages de mon compte : Free (gratuit), pour Vibe.",
    );
    expect(full.text).toContain(
      en
        ? 'On 14 October 2026, Windsock saw the “Model training” setting switched on'
        : 'Le 14 octobre 2026, Windsock a vu le réglage « Model training » activé',
    );
    expect(full.text).toContain(
      en ? 'On 12 October 2026, Windsock saw the API setting' : "Le 12 octobre 2026, Windsock a vu le réglage de l'API",
    );
    expect(full.text).toContain(msg(lang, 'letter_windsock_note'));
    const sharesShown = full.text.includes(`https://chat.mistral.ai/chat/${CHAT}`);
    expect(sharesShown).toBe(id === 'erasure' || id === 'access' || id === 'cnil');
    if (sharesShown) expect(full.text).toContain(en ? '(shared on 13 October 2026)' : '(partagée le 13 octobre 2026)');
  });

  it('says nothing observed when nothing was', () => {
    const l = generateLetter(id, lang, FULL, {}, OPTS);
    expect(l.text).not.toContain(msg(lang, 'letter_windsock_note'));
    expect(l.text).not.toMatch(/Windsock saw|Windsock a vu|Atelier Nord|chat\.mistral\.ai/);
  });

  it('keeps what the user typed verbatim, even when it looks like a placeholder', () => {
    const l = generateLetter(id, lang, { ...FULL, fullName: 'A $1 {b} [c]', city: 'Saint-Étienne' }, {}, OPTS);
    expect(l.text).toContain('A $1 {b} [c]');
    expect(l.text).toContain('Saint-Étienne');
    expect(l.blanks).toEqual([]);
  });
});

describe('letters: details of each', () => {
  it('rectification puts the correction the user describes in the letter, or a blank for it', () => {
    const l = generateLetter('rectification', 'en', FULL, {}, OPTS);
    expect(l.body).toContain(`the following inaccurate personal data about me:\n\n${FULL.details}`);
    expect(generateLetter('rectification', 'fr', { ...FULL, details: '' }, {}, OPTS).blanks).toEqual([
      '[décrivez les données inexactes et la correction souhaitée]',
    ]);
  });

  it('the CNIL complaint writes out the date of the request and names the online form nowhere it cannot be used', () => {
    expect(generateLetter('cnil', 'en', FULL, {}, OPTS).body).toContain(
      'On 1 September 2026, I sent Mistral AI a request',
    );
    expect(generateLetter('cnil', 'fr', FULL, {}, OPTS).body).toContain(
      "Le 1er septembre 2026, j'ai adressé à Mistral AI une demande",
    );
    expect(generateLetter('cnil', 'en', { ...FULL, requestDate: 'early September' }, {}, OPTS).body).toContain(
      'On early September, I sent',
    );
  });

  it('the objection letter asks to stop training and to exclude data already held', () => {
    const l = generateLetter('objection', 'en', FULL, OBSERVED, OPTS);
    expect(l.body).toMatch(/stop using my inputs, outputs and feedback to train/);
    expect(l.body).toMatch(/exclude the data you already hold from any future training/);
    expect(l.body).toContain('legitimate interests (section 3.4)');
  });

  it('the erasure letter asks to disable the shared links only when there are some', () => {
    expect(generateLetter('erasure', 'en', FULL, OBSERVED, OPTS).body).toContain('disable their public links');
    expect(generateLetter('erasure', 'en', FULL, { ...OBSERVED, shares: [] }, OPTS).body).not.toContain(
      'disable their public links',
    );
  });

  it('the date line uses today; French writes the first of the month “1er”', () => {
    expect(
      generateLetter('access', 'fr', FULL, {}, { now: Date.UTC(2026, 10, 1, 12), timeZone: 'UTC' }).text,
    ).toContain('À Lyon, le 1er novembre 2026');
    expect(letterDate(Date.UTC(2026, 10, 1, 12), 'en', 'UTC')).toBe('1 November 2026');
    expect(letterDate('2026-10-14T12:00:00Z', 'fr', 'UTC')).toBe('14 octobre 2026');
    expect(letterDate('not a date', 'en')).toBe('not a date');
  });

  it('a Studio plan is named as such', () => {
    expect(generateLetter('access', 'en', FULL, { plan: 'scale', planProduct: 'api' }, OPTS).text).toContain(
      'My plan, as my account pages show it: Scale, for Studio and API.',
    );
  });

  it('every paragraph says something, in every letter, whatever is filled in or observed', () => {
    for (const [id, lang] of CASES)
      for (const [fields, observed] of [
        [FULL, OBSERVED],
        [{}, {}],
        [FULL, {}],
      ] as const) {
        const l = generateLetter(id, lang, fields, observed, OPTS);
        for (const part of l.text.split('\n\n')) expect(part.trim(), `${id} ${lang}`).not.toBe('');
        // Greeting, at least two paragraphs, the closing, the signature.
        expect(l.body.split('\n\n').length, `${id} ${lang}`).toBeGreaterThanOrEqual(5);
      }
  });

  it('French dates: “1er” for the first of the month only, never for the 11th or the 21st', () => {
    expect(letterDate(Date.UTC(2026, 10, 1, 12), 'fr', 'UTC')).toBe('1er novembre 2026');
    expect(letterDate(Date.UTC(2026, 10, 11, 12), 'fr', 'UTC')).toBe('11 novembre 2026');
    expect(letterDate(Date.UTC(2026, 10, 21, 12), 'fr', 'UTC')).toBe('21 novembre 2026');
  });

  it('what the user typed with line breaks or runs of spaces is written on one line, single-spaced', () => {
    const l = generateLetter(
      'access',
      'en',
      { ...FULL, fullName: '  Camille \n\n Martin ', city: 'Saint  Étienne' },
      {},
      OPTS,
    );
    expect(l.text.startsWith('Camille Martin\n')).toBe(true);
    expect(l.body.endsWith('\n\nCamille Martin')).toBe(true);
    expect(l.text).toContain('Saint Étienne, 20 October 2026');
  });

  it('a request date that is not exactly a date field’s value is kept as typed, never turned into a wrong date', () => {
    for (const typed of ['about 2026-09-01', '2026-09-01 or so']) {
      const body = generateLetter('cnil', 'en', { ...FULL, requestDate: typed }, {}, OPTS).body;
      expect(body).toContain(`On ${typed}, I sent Mistral AI a request`);
      expect(body).not.toMatch(/NaN|Invalid/);
    }
  });

  it('Mistral’s address in French: the five lines of section 8, the “Attn” line translated, nothing repeated', () => {
    expect(generateLetter('objection', 'fr', FULL, {}, OPTS).to.split('\n')).toEqual([
      'Mistral AI',
      "À l'attention de l'équipe Privacy (Attn: Privacy Team)",
      '15 rue des Halles',
      '75001 Paris',
      'France',
    ]);
  });

  it('each letter in English is exactly its paragraphs, in order, in the catalog’s words', () => {
    const m = (key: string, ...args: string[]) =>
      args.reduce((text, a, i) => text.replace(`$${i + 1}`, a), msg('en', key));
    const fields = { ...FULL, details: '' };
    const ident = m('letter_ident', FULL.accountEmail);
    const deadline = m('letter_deadline');
    const expected: Record<LetterId, string[]> = {
      objection: [ident, ...['p1', 'grounds', 'asks', 'limits'].map((k) => m(`letter_objection_${k}`)), deadline],
      erasure: [ident, ...['p1', 'grounds', 'account', 'confirm'].map((k) => m(`letter_erasure_${k}`)), deadline],
      access: [ident, m('letter_access_p1'), m('letter_access_format'), deadline],
      rectification: [
        ident,
        m('letter_rectification_p1'),
        m('letter_blank_details_rectification'),
        m('letter_rectification_p2'),
        deadline,
      ],
      restriction: [ident, m('letter_restriction_p1'), m('letter_restriction_p2'), deadline],
      portability: [ident, m('letter_portability_p1'), m('letter_portability_p2'), deadline],
      consent: [ident, m('letter_consent_p1'), m('letter_consent_p2'), deadline],
      cnil: [
        m('letter_cnil_p1', FULL.accountEmail),
        m('letter_cnil_p2', '1 September 2026'),
        m('letter_cnil_details', m('letter_blank_details_cnil')),
        m('letter_cnil_attach'),
        m('letter_cnil_p3'),
      ],
    };
    for (const id of LETTER_IDS) {
      const l = generateLetter(id, 'en', fields, {}, OPTS);
      expect(l.body.split('\n\n'), id).toEqual([
        m('letter_greeting'),
        ...expected[id],
        m('letter_closing'),
        FULL.fullName,
      ]);
      expect(l.text, id).toBe(
        [
          `${FULL.fullName}\n${m('letter_sender_email', FULL.email)}`,
          l.to,
          'Lyon, 20 October 2026',
          `Subject: ${m(`letter_${id}_subject`)}`,
          l.body,
        ].join('\n\n') + '\n',
      );
    }
  });

  it('what was observed and what the user added go where they belong', () => {
    const m = (key: string) => msg('en', key);
    const two = { ...OBSERVED, shares: [...OBSERVED.shares!, { chatId: 'second-chat', at: SHARE_AT + 86_400_000 }] };
    const erasure = generateLetter('erasure', 'en', FULL, two, OPTS).body.split('\n\n');
    const seenLine = erasure[2];
    // The observations, one sentence after another, then Windsock's note; then the request.
    expect(seenLine).toMatch(/^My organization in the Admin Panel is named “Atelier Nord”\. My plan, /);
    expect(seenLine).toContain(
      `https://chat.mistral.ai/chat/${CHAT} (shared on 13 October 2026)${m('letter_list_separator')}https://chat.mistral.ai/chat/second-chat (shared on 14 October 2026)`,
    );
    expect(erasure[3]).toBe(m('letter_windsock_note'));
    expect(erasure.slice(4, 8)).toEqual([
      m('letter_erasure_p1'),
      m('letter_erasure_grounds'),
      m('letter_erasure_shares'),
      m('letter_details_extra').replace('$1', FULL.details),
    ]);
    const restriction = generateLetter('restriction', 'en', FULL, {}, OPTS).body.split('\n\n');
    expect(restriction[3]).toBe(m('letter_restriction_details').replace('$1', FULL.details));
    const cnil = generateLetter('cnil', 'en', FULL, OBSERVED, OPTS).body.split('\n\n');
    expect(cnil[4]).toBe(m('letter_cnil_facts'));
    expect(cnil.slice(-4, -2)).toEqual([m('letter_cnil_attach'), m('letter_cnil_p3')]);
  });

  it('a complaint outside the GDPR names the account and ends with that authority’s words; other letters keep theirs', () => {
    const m = (key: string) => msg('en', key);
    for (const authority of ['ch', 'br']) {
      const body = generateLetter('cnil', 'en', FULL, {}, { ...OPTS, authority }).body.split('\n\n');
      expect(body[2]).toBe(m('letter_complaint_against').replace('$1', FULL.accountEmail));
      expect(body.at(-3)).toBe(m('letter_complaint_p3_other'));
      expect(generateLetter('objection', 'en', FULL, {}, { ...OPTS, authority }).subject).toBe(
        m('letter_objection_subject'),
      );
    }
  });

  it('file names', () => {
    expect(letterFileName('objection', 'fr')).toBe('windsock-letter-objection-fr.txt');
  });
});

describe('observedFrom: what the store lets a letter say', () => {
  const T = Date.UTC(2026, 9, 14, 12);
  const seen = (
    s: Store,
    where: string,
    obs: Parameters<typeof recordObservations>[3],
    at: number,
    org: string | null = 'Atelier Nord',
  ) => recordObservations(s, org, where, obs, at, org ?? undefined);

  it('nothing stored: nothing observed', () => {
    expect(observedFrom(emptyStore())).toEqual({});
  });

  it('plan, organization, training seen on, shares', () => {
    let s = seen(emptyStore(), 'admin-subscriptions', [{ key: 'plan:vibe', value: 'pro', via: 'page' }], T - 1000);
    s = seen(s, 'admin-vibe-privacy', [{ key: 'vibe-training', value: 'on', via: 'page' }], T);
    s = { ...s, shares: [{ chatId: CHAT, at: T + 5, org: s.currentOrg }] };
    expect(observedFrom(s)).toEqual({
      plan: 'pro',
      planProduct: 'vibe',
      trainingSeenOn: T,
      orgName: 'Atelier Nord',
      shares: [{ chatId: CHAT, at: T + 5 }],
    });
  });

  it('training switched off since: the last time it was seen on, from the record', () => {
    let s = seen(emptyStore(), 'admin-vibe-privacy', [{ key: 'vibe-training', value: 'on', via: 'page' }], T);
    s = seen(s, 'admin-vibe-privacy', [{ key: 'vibe-training', value: 'off', via: 'page' }], T + 86_400_000);
    expect(observedFrom(s).trainingSeenOn).toBe(T);
  });

  it('never seen on: no date', () => {
    const s = seen(
      emptyStore(),
      'admin-vibe-privacy',
      [
        { key: 'vibe-training', value: 'off', via: 'page' },
        { key: 'api-training', value: 'on', via: 'page' },
      ],
      T,
    );
    const o = observedFrom(s);
    expect(o.trainingSeenOn).toBeUndefined();
    expect(o.apiTrainingSeenOn).toBe(T);
  });

  it('a declaration is not an observation', () => {
    const s: Store = {
      ...emptyStore(),
      orgs: {
        default: {
          observations: {},
          declarations: { 'plan:vibe': { value: 'free', at: T }, 'vibe-training': { value: 'on', at: T } },
        },
      },
    };
    expect(observedFrom(s)).toEqual({});
  });

  it('nothing seen: not one key, so the form says nothing was observed (it offers "what Windsock saw" for any key)', () => {
    // components/Letters.tsx reads `Object.keys(observed).length`: a key holding undefined would count.
    expect(Object.keys(observedFrom(emptyStore()))).toEqual([]);
    const offOnly = seen(
      emptyStore(),
      'admin-vibe-privacy',
      [{ key: 'vibe-training', value: 'off', via: 'page' }],
      T,
      null,
    );
    expect(Object.keys(observedFrom(offOnly))).toEqual([]);
    const planOnly = seen(
      emptyStore(),
      'admin-subscriptions',
      [{ key: 'plan:vibe', value: 'pro', via: 'page' }],
      T,
      null,
    );
    expect(Object.keys(observedFrom(planOnly)).sort()).toEqual(['plan', 'planProduct']);
  });

  it('still on, seen again a week later: the latest sighting', () => {
    let s = seen(emptyStore(), 'admin-vibe-privacy', [{ key: 'vibe-training', value: 'on', via: 'page' }], T);
    s = seen(s, 'admin-vibe-privacy', [{ key: 'vibe-training', value: 'on', via: 'page' }], T + 7 * 86_400_000);
    expect(s.history.filter((e) => e.key === 'vibe-training')).toHaveLength(1); // no change, no new line
    expect(observedFrom(s).trainingSeenOn).toBe(T + 7 * 86_400_000);
  });

  it('from the record: the latest time this organization’s page showed it on, whatever the order of the lines', () => {
    const day = 86_400_000;
    const line = (at: number, org: string, kind: 'observed' | 'declared', value: string) =>
      ({ at, org, kind, key: 'vibe-training', value, previous: null }) as const;
    const s: Store = {
      ...emptyStore(),
      currentOrg: 'org_a',
      orgs: { org_a: { name: 'A', observations: {}, declarations: {} } },
      history: [
        line(T + day, 'org_a', 'observed', 'on'),
        line(T + 5 * day, 'org_b', 'observed', 'on'), // another organization
        line(T + 3 * day, 'org_a', 'observed', 'on'),
        line(T + 9 * day, 'org_a', 'declared', 'on'), // the user's word, not a sighting
        line(T + 7 * day, 'org_a', 'observed', 'off'),
        line(T, 'org_a', 'observed', 'on'),
      ],
    };
    expect(observedFrom(s).trainingSeenOn).toBe(T + 3 * day);
  });

  it('only an API plan seen: the plan is the API one', () => {
    const s = seen(emptyStore(), 'admin-subscriptions', [{ key: 'plan:api', value: 'scale', via: 'page' }], T);
    expect(observedFrom(s)).toMatchObject({ plan: 'scale', planProduct: 'api' });
  });
});
