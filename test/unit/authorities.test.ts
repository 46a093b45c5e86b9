/**
 * The data protection authorities (lib/rights/authorities.ts) and the complaint letter addressed to each, and
 * the letters in all eight languages. Oracles are written by hand: the list of EU/EEA countries, the German
 * Länder, the suggested authority per browser language, and phrases each language's letter must contain.
 */
import { describe, expect, it } from 'vitest';
import { AUTHORITIES, Authority, authorityById, suggestAuthority } from '@/lib/rights/authorities';
import { generateLetter, letterDate, LETTER_IDS } from '@/lib/rights/letters';
import { LANGS } from '@/lib/langs';

const EU = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];
const EEA_EFTA = ['IS', 'LI', 'NO'];
const LAENDER = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
];
const FULL = {
  fullName: 'Ana Souza',
  email: 'ana@example.org',
  accountEmail: 'ana@example.org',
  city: 'Porto',
  details: 'No answer to my objection.',
  requestDate: '2026-09-01',
};
const OPTS = { now: Date.UTC(2026, 10, 29, 12), timeZone: 'UTC' };

describe('authorities: the data', () => {
  it('every entry passes the schema, with a unique id, and the date it was checked', () => {
    for (const a of AUTHORITIES) expect(Authority.safeParse(a).success, a.id).toBe(true);
    expect(new Set(AUTHORITIES.map((a) => a.id)).size).toBe(AUTHORITIES.length);
    expect(AUTHORITIES.every((a) => a.checked === '2026-11-29')).toBe(true);
  });

  it('covers every EU and EEA country, Switzerland (FADP) and Brazil (LGPD)', () => {
    const countries = new Set(AUTHORITIES.map((a) => a.country));
    expect([...EU, ...EEA_EFTA, 'CH', 'BR'].filter((c) => !countries.has(c))).toEqual([]);
    for (const a of AUTHORITIES)
      expect(a.law, a.id).toBe(a.country === 'CH' ? 'fadp' : a.country === 'BR' ? 'lgpd' : 'gdpr');
  });

  it('Germany: the federal BfDI and one authority per Land', () => {
    const de = AUTHORITIES.filter((a) => a.country === 'DE');
    expect(de.find((a) => !a.region)?.short).toBe('BfDI');
    expect(
      de
        .filter((a) => a.region)
        .map((a) => a.region)
        .sort(),
    ).toEqual([...LAENDER].sort());
    // Bavaria's private sector is supervised by the BayLDA in Ansbach, not the BayLfD.
    expect(authorityById('de-by').postal.join(' ')).toContain('Ansbach');
  });

  it('the authorities of the eight languages’ countries, by the names people know them by', () => {
    expect(['fr', 'de', 'es', 'it', 'pl', 'pt', 'be', 'at', 'ch', 'br'].map((id) => authorityById(id).short)).toEqual([
      'CNIL',
      'BfDI',
      'AEPD',
      'Garante Privacy',
      'UODO',
      'CNPD',
      'APD/GBA',
      'DSB',
      'EDÖB / PFPDT / IFPDT (FDPIC)',
      'ANPD',
    ]);
    expect(authorityById('fr').postal.slice(1).join(', ')).toBe(
      'Service des plaintes, 3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France',
    );
  });

  it('says what each entry rests on: a stored page is named as evidence, everything else is memory', () => {
    for (const a of AUTHORITIES) {
      if (a.basis === 'memory') expect(a.evidence, a.id).toBeUndefined();
      else expect(a.evidence?.length, a.id).toBeGreaterThan(20);
    }
    expect(
      AUTHORITIES.filter((a) => a.basis !== 'memory')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['de', 'es', 'fr', 'it']);
  });

  it('suggests an authority from the browser language: region first, then language, else the lead authority', () => {
    const cases: [string, string][] = [
      ['de-AT', 'at'],
      ['de', 'de'],
      ['de-DE', 'de'],
      ['de-CH', 'ch'],
      ['fr-BE', 'be'],
      ['fr-FR', 'fr'],
      ['fr-CA', 'fr'],
      ['es-ES', 'es'],
      ['es', 'es'],
      ['it', 'it'],
      ['it-CH', 'ch'],
      ['pl-PL', 'pl'],
      ['pt-BR', 'br'],
      ['pt', 'br'],
      ['pt-PT', 'pt'],
      ['pt_BR', 'br'],
      ['ar', 'fr'],
      ['ar-EG', 'fr'],
      ['en-IE', 'ie'],
      ['en-US', 'fr'],
      ['nl-BE', 'be'],
      ['sv', 'se'],
      ['nb-NO', 'no'],
      ['', 'fr'],
    ];
    expect(cases.map(([tag]) => [tag, suggestAuthority(tag).id])).toEqual(cases);
  });
});

describe('the complaint letter goes to the chosen authority', () => {
  it('AEPD, in Spanish: its address, Article 77, the Spanish date', () => {
    const l = generateLetter('cnil', 'es', FULL, {}, { ...OPTS, authority: 'es' });
    expect(l.to).toBe('Agencia Española de Protección de Datos (AEPD)\nC/ Jorge Juan, 6\n28001 Madrid\nEspaña');
    expect(l.subject).toBe('Reclamación contra Mistral AI (artículo 77 del RGPD)');
    expect(l.body).toContain('El 1 de septiembre de 2026 envié a Mistral AI');
    expect(l.body).toContain('(artículo 77, apartado 2, del RGPD)');
  });

  it('a German Land, in German', () => {
    const l = generateLetter('cnil', 'de', FULL, {}, { ...OPTS, authority: 'de-nw' });
    expect(l.to.split('\n')[0]).toBe('Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen');
    expect(l.subject).toBe('Beschwerde gegen Mistral AI (Art. 77 DSGVO)');
    expect(l.body).toContain('Am 1. September 2026 habe ich');
  });

  it('Brazil’s ANPD: a petition under the LGPD, never Article 77 of the GDPR', () => {
    const l = generateLetter('cnil', 'pt_BR', FULL, {}, { ...OPTS, authority: 'br' });
    expect(l.subject).toBe('Reclamação contra a Mistral AI');
    expect(l.body).toContain('artigo 18, § 1º, da Lei Geral de Proteção de Dados Pessoais (LGPD, Lei nº 13.709/2018)');
    expect(l.body).not.toMatch(/artigo 77/);
    expect(l.to).toContain('Brasília');
  });

  it('Switzerland’s FDPIC: a report under the FADP, never Article 77', () => {
    const l = generateLetter('cnil', 'fr', FULL, {}, { ...OPTS, authority: 'ch' });
    expect(l.subject).toBe('Plainte contre Mistral AI');
    expect(l.body).toContain("l'article 49 de la loi fédérale sur la protection des données (LPD)");
    expect(l.body).not.toMatch(/article 77/);
  });

  it('default: the CNIL, as before', () => {
    expect(generateLetter('cnil', 'en', FULL, {}, OPTS).to.split('\n')[0]).toBe(
      'Commission nationale de l’informatique et des libertés (CNIL)',
    );
  });
});

describe('letters in all eight languages', () => {
  it('no placeholder, no key, no stray $ left; the GDPR article in the subject; Mistral’s address', () => {
    for (const lang of LANGS)
      for (const id of LETTER_IDS) {
        const l = generateLetter(id, lang, FULL, {}, OPTS);
        expect(l.text, `${lang}:${id}`).not.toMatch(/\$\d|\bletter_[a-z_]+\b|\brights_[a-z]/);
        expect(l.blanks, `${lang}:${id}`).toEqual([]);
        if (id !== 'cnil') expect(l.to, `${lang}:${id}`).toContain('15 rue des Halles');
      }
  });

  it('writes the date as each language does (Arabic with Western digits)', () => {
    const d = Date.UTC(2026, 8, 1);
    expect(LANGS.map((l) => letterDate(d, l, 'UTC'))).toEqual([
      '1 September 2026',
      '1er septembre 2026',
      '1. September 2026',
      '1 de septiembre de 2026',
      '1 settembre 2026',
      '1 września 2026',
      '1 de setembro de 2026',
      '1 سبتمبر 2026',
    ]);
  });

  it('letters to Mistral outside English translate the "Attn" line', () => {
    expect(generateLetter('objection', 'de', FULL, {}, OPTS).to.split('\n')[1]).toBe('z. Hd. Privacy Team');
    expect(generateLetter('objection', 'ar', FULL, {}, OPTS).to.split('\n')[1]).toBe('عناية: Privacy Team');
    expect(generateLetter('objection', 'en', FULL, {}, OPTS).to.split('\n')[1]).toBe('Attn: Privacy Team');
  });
});
