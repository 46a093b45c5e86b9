/**
 * The rights data (lib/rights/rights.ts), the retention facts (lib/rights/retention.ts) and the policy changes
 * (lib/rights/policy-versions.ts) held to Mistral's documents like the knowledge is: every quote verbatim in
 * its source file, under the section it names. Then the strings: public/_locales
 * complete in both languages, same placeholders, allowed prefixes, no clash with public/_locales, and every
 * key the code asks for present. And the retention view from what the store holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation } from '@/lib/policy/schema';
import { Citation as CitationSchema } from '@/lib/policy/schema';
import { CNIL_CONTACT, MISTRAL_CONTACT, RIGHT_IDS, RIGHTS, rightsCitations } from '@/lib/rights/rights';
import { LETTER_IDS, LETTERS } from '@/lib/rights/letters';
import { NOT_COVERED_KEYS, RETENTION_GROUPS, retentionCitations, retentionView } from '@/lib/rights/retention';
import { POLICY_CHANGES, POLICY_VERSIONS, policyChangeCitations } from '@/lib/rights/policy-versions';
import { rt } from '@/lib/rights/t';
import { mdText, toMarkdown } from '@/lib/rights/record';
import { quoteKeyOf } from '@/lib/policy/citations';
import { ZDR_ENDPOINTS } from '@/lib/policy/knowledge';
import { setLang } from '@/lib/i18n';
import { emptyStore, recordObservations, type Store } from '@/lib/store/schema';
import { citationProblem as sourceProblem, fold, readSource } from './citations';

const ROOT = process.cwd();
type Catalog = Record<string, { message: string }>;
const readLocale = (lang: 'en' | 'fr'): Catalog =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
/** The rights page's strings: the public/_locales keys with its prefixes. */
const readAdditions = (lang: 'en' | 'fr'): Catalog =>
  Object.fromEntries(
    Object.entries(
      JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalog,
    ).filter(([k]) => /^(rights|letter|record|ret|zdr)_/.test(k)),
  );

/** Rights quotes are checked like the knowledge's (test/unit/citations.ts), plus a zod check of their shape. */
function citationProblem(c: Citation): string | null {
  const parsed = CitationSchema.safeParse(c);
  if (!parsed.success) return `not a valid citation: ${JSON.stringify(parsed.error.issues)}`;
  return sourceProblem(c);
}

const ALL = [...rightsCitations(), ...retentionCitations(), ...policyChangeCitations()];

describe('rights, retention and policy changes: every quote is verbatim in its source, in the section it names', () => {
  it.each(ALL.map(({ where, c }) => [where, c] as const))('%s', (_where, c) => {
    expect(citationProblem(c)).toBeNull();
  });

  it('negative controls: a changed word, a wrong section, a missing section are caught', () => {
    const good: Citation = {
      source: 'privacy-policy-2025',
      section: '8. Your rights',
      quote: 'Portability. You have the right to obtain and transfer your personal data to another entity.',
    };
    expect(citationProblem(good)).toBeNull();
    expect(citationProblem({ ...good, quote: good.quote.replace('obtain', 'get') })).toMatch(/not found/);
    expect(citationProblem({ ...good, section: '5. How long do we keep your personal data?' })).toMatch(/not under/);
    expect(citationProblem({ ...good, section: '8. Our rights' })).toMatch(/no section/);
  });

  it('each quote check is named after the one place its quote sits, so a failure points at it', () => {
    // Called here, not read from ALL: Stryker's per-test coverage credits a test only with the code it runs.
    const names = [...rightsCitations(), ...retentionCitations(), ...policyChangeCitations()].map((x) => x.where);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names)
      expect(n).toMatch(/^(channel #\d+|request fact \w+|right \w+ #\d+|retention extra \w+|change [\w-]+ #\d+)$/);
    expect(names).toEqual(expect.arrayContaining(['channel #0', 'request fact requestsKept', 'right erasure #6']));
    expect(names).toEqual(expect.arrayContaining(['retention extra zdrCli', 'change legitimate-interest #3']));
  });

  it('there are citations for every right, and the sources they use exist', () => {
    expect(ALL.length).toBeGreaterThan(40);
    for (const r of RIGHTS) expect(r.citations.length, r.id).toBeGreaterThan(0);
  });
});

describe('the rights', () => {
  it('are the ten the sources list, in the order of the issue', () => {
    expect(RIGHTS.map((r) => r.id)).toEqual([...RIGHT_IDS]);
    expect(RIGHT_IDS).toEqual([
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
  });

  it('each names its article', () => {
    expect(Object.fromEntries(RIGHTS.map((r) => [r.id, `${r.law} ${r.article}`]))).toEqual({
      access: 'gdpr 15',
      rectification: 'gdpr 16',
      erasure: 'gdpr 17',
      portability: 'gdpr 20',
      objection: 'gdpr 21',
      restriction: 'gdpr 18',
      consent: 'gdpr 7(3)',
      automated: 'gdpr 22',
      postmortem: 'fr-dpa 85',
      complaint: 'gdpr 77',
    });
  });

  it('each letter belongs to the right of the same article, and every letter is reachable from a right', () => {
    for (const r of RIGHTS) if (r.letter) expect(LETTERS[r.letter].article, r.id).toBe(r.article);
    expect(new Set(RIGHTS.flatMap((r) => (r.letter ? [r.letter] : [])))).toEqual(new Set(LETTER_IDS));
  });

  it('each right cites the Privacy Policy’s own section 8 (Your rights)', () => {
    for (const r of RIGHTS)
      expect(
        r.citations.some((c) => c.source === 'privacy-policy-2025' && c.section === '8. Your rights'),
        r.id,
      ).toBe(true);
  });

  it('erasure says deletion is permanent, citing the docs page', () => {
    const erasure = RIGHTS.find((r) => r.id === 'erasure')!;
    expect(
      erasure.citations.some(
        (c) => c.source === 'docs-privacy' && c.quote.startsWith('Account deletion is permanent and irreversible.'),
      ),
    ).toBe(true);
    expect(readAdditions('en').rights_erasure_meaning.message).toMatch(/permanently and irreversibly/);
    expect(readAdditions('fr').rights_erasure_meaning.message).toMatch(/définitive et irréversible/);
  });

  it('Mistral’s postal address is the one section 8 gives; the contact form is mistral.ai/en/contact', () => {
    const policy = fold(readSource('003_4d69198766b1bb29.txt'));
    expect(policy).toContain(
      `By sending us a letter at Mistral AI, Attn: Privacy Team, Mistral AI, ${MISTRAL_CONTACT.postal.slice(2).join(', ')}.`,
    );
    expect(MISTRAL_CONTACT.postal.join(', ')).toBe(
      'Mistral AI, Attn: Privacy Team, 15 rue des Halles, 75001 Paris, France',
    );
    expect(MISTRAL_CONTACT.formUrl).toBe('https://mistral.ai/en/contact');
    expect(policy).toContain('(https://mistral.ai/en/contact) in the section “Data and privacy”');
  });

  it('the CNIL’s address and online complaint form', () => {
    expect(CNIL_CONTACT.postal.slice(1).join(', ')).toBe(
      'Service des plaintes, 3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France',
    );
    expect(CNIL_CONTACT.complaintUrl).toBe('https://www.cnil.fr/fr/plaintes');
  });

  it('links go to https pages Windsock knows', () => {
    for (const r of RIGHTS)
      for (const l of r.links)
        expect(l.href, r.id).toMatch(/^https:\/\/(admin\.mistral\.ai|mistral\.ai|www\.cnil\.fr)\//);
  });
});

describe('strings: the rights_, letter_, record_, ret_ and zdr_ keys of public/_locales', () => {
  const en = readAdditions('en');
  const fr = readAdditions('fr');
  const mainEn = readLocale('en');
  const mainFr = readLocale('fr');
  const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

  it('en and fr have exactly the same keys (plural forms aside: French has a "many" form, English not)', () => {
    const plural = (k: string) => /^record_show_all_(zero|one|two|few|many|other)$/.test(k);
    expect({
      onlyEn: Object.keys(en).filter((k) => !(k in fr) && !plural(k)),
      onlyFr: Object.keys(fr).filter((k) => !(k in en) && !plural(k)),
    }).toEqual({ onlyEn: [], onlyFr: [] });
  });

  it('keys are valid _locales names with the agreed prefixes', () => {
    expect(Object.keys(en).filter((k) => !/^(rights|letter|record|ret|zdr)_[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  it('no message is empty; placeholders agree; no stray $', () => {
    for (const [lang, cat] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      for (const [k, v] of Object.entries(cat)) {
        expect(typeof v.message === 'string' && v.message.trim().length > 0, `${lang}:${k}`).toBe(true);
        expect(v.message.replace(/\$[1-9]/g, ''), `${lang}:${k}`).not.toMatch(/\$/);
      }
    }
    const diff = Object.keys(en).filter(
      (k) => placeholders(en[k].message).join() !== placeholders(fr[k].message).join(),
    );
    expect(diff).toEqual([]);
  });

  it('the French is French: few messages identical to the English, and only names', () => {
    const same = Object.keys(en).filter((k) => en[k].message === fr[k].message);
    expect(
      same.every((k) =>
        /^(rights_link_(vibe|api)_privacy|letter_product_vibe|zdr_nc_(agents|conversations|vibe_work|chat))$/.test(k),
      ),
      same.join(', '),
    ).toBe(true);
  });

  it('every key the code asks for exists in both languages (literal keys and the ones built from ids)', () => {
    const files = ['lib/rights', 'components']
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((f) => join(dir, f)))
      .filter(
        (f) =>
          /\.(ts|tsx)$/.test(f) &&
          (f.startsWith('lib/rights') ||
            /components\/(Rights|Letters|Retention|PrivacyRecord|Options|AuthorityPicker)\.tsx$/.test(f)),
      );
    const literal = new Set<string>();
    /** Any string literal in the code that is a key (ternaries, maps): what counts as used. */
    const mentioned = new Set<string>();
    for (const f of files) {
      const src = readFileSync(join(ROOT, f), 'utf8');
      for (const m of src.matchAll(/(['"`])((?:rights|letter|record|ret|zdr)_[A-Za-z0-9_]+)\1/g)) mentioned.add(m[2]);
      for (const m of src.matchAll(/\b(?:rt|L)\((['"])([A-Za-z0-9_]+)\1/g)) literal.add(m[2]);
      for (const m of src.matchAll(/\b(?:labelKey|claimKey):\s*(['"])([A-Za-z0-9_]+)\1/g)) literal.add(m[2]);
    }
    const built = [
      ...RIGHT_IDS.flatMap((id) => [`rights_${id}_title`, `rights_${id}_meaning`, `rights_${id}_how`]),
      ...LETTER_IDS.flatMap((id) => [`letter_name_${id}`, `letter_${id}_subject`]),
      ...LETTER_IDS.filter((id) => LETTERS[id].required.includes('details')).map((id) => `letter_blank_details_${id}`),
      ...['observed', 'declared', 'shared', 'reset'].map((k) => `record_kind_${k}`),
      ...['not_json', 'foreign', 'malformed', 'too_big', 'too_deep', 'newer'].map((k) => `record_import_error_${k}`),
      ...Object.values(NOT_COVERED_KEYS),
      ...RETENTION_GROUPS.flatMap((g) => g.rows.map((r) => r.claimKey)),
      ...POLICY_CHANGES.map((c) => c.claimKey),
      ...POLICY_VERSIONS.map((v) => v.labelKey),
      ...RIGHTS.flatMap((r) => r.links.map((l) => l.labelKey)),
      // The complaint's legal basis outside the GDPR (letters.ts builds the key from the authority's law).
      ...['fadp', 'lgpd'].map((law) => `letter_complaint_${law}`),
      // tp('record_show_all', n): its plural forms.
      'record_show_all_one',
      'record_show_all_other',
    ];
    const wanted = [...new Set([...literal, ...built])];
    expect(literal.size).toBeGreaterThan(80); // the extraction itself works
    const missing = wanted.filter((k) => !((k in en || k in mainEn) && (k in fr || k in mainFr)));
    expect(missing).toEqual([]);
    // …and nothing in the additions is dead weight.
    const unused = Object.keys(en).filter((k) => !wanted.includes(k) && !mentioned.has(k));
    expect(unused).toEqual([]);
  });

  it('every stateful product ZDR never covers has its words', () => {
    expect(Object.keys(NOT_COVERED_KEYS).sort()).toEqual([...ZDR_ENDPOINTS.notCovered].sort());
  });

  it('rt is t: the current language, then English, then the key', () => {
    setLang('fr');
    expect(rt('record_title')).toBe('Relevé de confidentialité');
    expect(rt('optionsTitle')).toBe(mainFr.optionsTitle.message);
    expect(rt('rights_article_gdpr', ['21'])).toBe('Article 21 du RGPD');
    expect(rt('rights_article_gdpr', ['21'], 'en')).toBe('GDPR Article 21');
    // @ts-expect-error a key the English catalog lacks fails tsc (and shows itself at run time)
    expect(rt('no_such_key')).toBe('no_such_key');
    setLang('en');
    expect(rt('record_title')).toBe('Privacy record');
  });
});

describe('retention view', () => {
  const T = Date.UTC(2026, 9, 14, 12);
  const seen = (s: Store, where: string, obs: Parameters<typeof recordObservations>[3]) =>
    recordObservations(s, 'Atelier Nord', where, obs, T, 'Atelier Nord');

  it('nothing seen: ZDR status unknown, no retention policy, all the documented periods', () => {
    const v = retentionView(emptyStore());
    expect(v.zdr.state).toBe('unknown');
    expect(v.chatRetention).toBeUndefined();
    expect(v.groups.map((g) => g.id)).toEqual(['vibe', 'api', 'other']);
    expect(v.groups.flatMap((g) => g.rows.map((r) => r.id))).toEqual(
      expect.arrayContaining(['vibe-chats', 'feedback', 'api-io', 'account', 'no-zdr-vibe', 'privacy-requests']),
    );
    expect(v.zdrEndpoints.covered).toContain('/v1/chat/completions');
    expect(v.zdrEndpoints.notCovered).toEqual(
      expect.arrayContaining(['agents', 'batch processing files', 'conversations', 'libraries', '/v1/files']),
    );
  });

  it('the Chat Retention Policy seen on the Admin Panel', () => {
    const v = retentionView(
      seen(emptyStore(), 'admin-vibe-privacy', [{ key: 'chat-retention', value: '90d', via: 'page' }]),
    );
    expect(v.chatRetention).toMatchObject({ value: '90d', where: 'admin-vibe-privacy', seenAt: T });
  });

  it('Scale without ZDR seen: available on request', () => {
    const v = retentionView(
      seen(emptyStore(), 'admin-subscriptions', [{ key: 'plan:api', value: 'scale', via: 'page' }]),
    );
    expect(v.zdr).toMatchObject({ state: 'available', plan: 'scale' });
    expect(v.zdr.citations.map((c) => c.section)).toContain('How to request ZDR');
  });

  it('ZDR seen on: on, whatever else', () => {
    let s = seen(emptyStore(), 'admin-subscriptions', [{ key: 'plan:api', value: 'scale', via: 'page' }]);
    s = seen(s, 'admin-api-privacy', [{ key: 'zdr', value: 'on', via: 'page' }]);
    expect(retentionView(s).zdr).toMatchObject({ state: 'on', seen: { value: 'on', where: 'admin-api-privacy' } });
  });

  it('a free API plan: ZDR not available until Scale', () => {
    const v = retentionView(seen(emptyStore(), 'studio', [{ key: 'plan:api', value: 'free', via: 'page' }]));
    expect(v.zdr).toMatchObject({ state: 'not-scale', plan: 'free' });
    expect(v.zdr.citations.some((c) => /upgrade to Scale first/.test(c.quote))).toBe(true);
  });

  it('the Vibe plan seen is the one the page shows (beside the API plan)', () => {
    let s = seen(emptyStore(), 'admin-subscriptions', [{ key: 'plan:vibe', value: 'pro', via: 'page' }]);
    s = seen(s, 'admin-subscriptions', [{ key: 'plan:api', value: 'free', via: 'page' }]);
    const v = retentionView(s);
    expect(v.vibePlan).toMatchObject({ value: 'pro', where: 'admin-subscriptions' });
    expect(v.apiPlan).toMatchObject({ value: 'free' });
  });

  it('a Chat Retention Policy read as something no policy offers ("on") is not shown as a retention period', () => {
    const v = retentionView(
      seen(emptyStore(), 'admin-vibe-privacy', [{ key: 'chat-retention', value: 'on', via: 'page' }]),
    );
    expect(v.chatRetention).toBeUndefined();
  });

  it('each ZDR state cites what Mistral’s ZDR page says of it, verbatim', () => {
    const sections = (st: Store) => retentionView(st).zdr.citations.map((c) => `${c.source}: ${c.section}`);
    // ZDR on: what it does, that troubleshooting data is not kept, that it is not the training opt-out.
    const on = seen(emptyStore(), 'admin-api-privacy', [{ key: 'zdr', value: 'on', via: 'page' }]);
    expect(sections(on)).toEqual([
      'help-zdr: ZDR on Mistral Studio',
      'docs-privacy: API privacy controls',
      'help-zdr: ZDR, training opt-out, and DPA',
    ]);
    // Unknown: Scale only, and where to check whether it is active.
    expect(sections(emptyStore())).toEqual([
      'help-zdr: Zero Data Retention',
      'help-zdr: How to check whether ZDR is active',
    ]);
    for (const st of [on, emptyStore()])
      for (const c of retentionView(st).zdr.citations) expect(citationProblem(c), c.quote).toBeNull();
  });
});

describe('the policy changes in the Markdown receipt: each quote verbatim, and outside English its translation', () => {
  const QUOTES = POLICY_CHANGES.flatMap((ch) => ch.citations);
  it('in English: the quotes, no translation', () => {
    const md = toMarkdown(emptyStore(), { now: Date.UTC(2026, 9, 14), lang: 'en' });
    for (const c of QUOTES) expect(md).toContain(`“${mdText(c.quote)}”`);
    expect(md).not.toContain('Translation:');
  });
  it.each(['fr', 'de', 'pl', 'pt_BR', 'ar'] as const)(
    'in %s: every policy-change quote is followed by its translation',
    (lang) => {
      const md = toMarkdown(emptyStore(), { now: Date.UTC(2026, 9, 14), lang });
      const lines = md.split('\n').filter((l) => l.startsWith('  - '));
      expect(lines.length).toBe(QUOTES.length);
      QUOTES.forEach((c, i) => {
        const translation = rt(quoteKeyOf(c)!, [], lang);
        expect(translation).not.toBe(c.quote);
        expect(lines[i]).toContain(rt('quoteTranslation', [''], lang).trim());
        expect(lines[i]).toContain(`“${mdText(c.quote)}” ${mdText(rt('quoteTranslation', [translation], lang))}`);
      });
    },
  );
});
