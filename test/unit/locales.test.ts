/**
 * public/_locales/<lang>/messages.json, all eight languages: the same keys as en (plural forms per CLDR), nothing
 * empty, the same $n placeholders, nothing left in English beyond names, a translation of every quote of CITE
 * (the rights, retention and policy-change pages' included), and
 * every key the code builds at run time (plan/surface/control/value labels) present; keys written in the code are
 * typed (lib/i18n.ts MessageKey), so tsc checks them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_IDS, PLAN_IDS, RETENTION_VALUES } from '@/lib/policy/schema';
import { SURFACES } from '@/lib/surfaces';
import { BADGE } from '@/lib/verdict';
import { CITE, quoteKeyOf, ZDR_ENDPOINTS } from '@/lib/policy/knowledge';
import { rightsCitations } from '@/lib/rights/rights';
import { RETENTION_GROUPS, retentionCitations } from '@/lib/rights/retention';
import { policyChangeCitations } from '@/lib/rights/policy-versions';
import { sourceLine } from '@/lib/context';
import { LANGS, type Lang } from '@/lib/langs';
import { dynKey, PLURAL_FORMS, PLURAL_KEYS, pluralCategory, t, tp } from '@/lib/i18n';

type Catalog = Record<string, { message: string; description?: string }>;
const file = (lang: Lang) => join(process.cwd(), 'public/_locales', lang, 'messages.json');
/** A missing catalog reads as empty, so the parity test names every missing key instead of crashing. */
const readLocale = (lang: Lang): Catalog =>
  existsSync(file(lang)) ? JSON.parse(readFileSync(file(lang), 'utf8')) : {};
const CATS = Object.fromEntries(LANGS.map((l) => [l, readLocale(l)])) as Record<Lang, Catalog>;
const en = CATS.en;
const OTHERS = LANGS.filter((l) => l !== 'en');

/** A counted key's form (`record_show_all_few`) → its base and CLDR category. */
const pluralOf = (k: string) => {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(k);
  return m && (PLURAL_KEYS as readonly string[]).includes(m[1]) ? { base: m[1], form: m[2] } : null;
};
/** The keys a catalog must have: en's singular keys, and every plural form its language needs for each counted key. */
const expectedKeys = (lang: Lang) => [
  ...Object.keys(en).filter((k) => !pluralOf(k)),
  ...PLURAL_KEYS.flatMap((b) => PLURAL_FORMS[lang].map((f) => `${b}_${f}`)),
];

/**
 * Values allowed to equal the English: names (products, plans, Mistral's own menu paths kept in English because
 * its labels in other languages are unknown), the brand, and punctuation.
 */
const SAME_AS_EN_OK = new Set([
  'popupTitle',
  'page_brand',
  'letter_list_separator',
  'listComma',
  'planPro',
  'planTeam',
  'planEnterprise',
  'planScale',
  'letter_product_vibe',
  'record_key_chat',
  'zdr_nc_vibe_work',
  'zdr_nc_chat',
  'control_memories',
  // Mistral's own English labels, kept as Mistral shows them (French catalog).
  'control_vibe_training',
  'control_mobile_data_sharing',
  'control_api_training',
  'rights_link_vibe_privacy',
  'rights_link_api_privacy',
  // Words some languages share with English: "Plan" (es, pl), "Vibe (chat)".
  'popupPlan',
  'record_md_plan',
  'productVibe',
  // Words French shares with English: Page, agents, conversations.
  'diagSurface',
  'zdr_nc_agents',
  'zdr_nc_conversations',
  // Formats: "E-mail: $1" (it), "$1, $2" (it).
  'letter_sender_email',
  'letter_date_line',
]);
const isSameOk = (k: string) => SAME_AS_EN_OK.has(k) || k.startsWith('surface_');

const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

describe('locales', () => {
  it('every catalog has exactly the keys of en, with the plural forms its language needs', () => {
    const diff = LANGS.map((lang) => {
      const want = new Set(expectedKeys(lang));
      const have = Object.keys(CATS[lang]);
      return { lang, missing: [...want].filter((k) => !have.includes(k)), extra: have.filter((k) => !want.has(k)) };
    }).filter((d) => d.missing.length || d.extra.length);
    expect(diff).toEqual([]);
  });

  it('no message is empty, in any language', () => {
    const empty = LANGS.flatMap((lang) =>
      Object.entries(CATS[lang])
        .filter(([, v]) => typeof v?.message !== 'string' || v.message.trim() === '')
        .map(([k]) => `${lang}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('every key has the same $n placeholders as en, in every language (plural forms: as the English "other" form)', () => {
    const diff = OTHERS.flatMap((lang) =>
      Object.keys(CATS[lang])
        .map((k) => {
          const p = pluralOf(k);
          const ref = p ? en[`${p.base}_other`] : en[k];
          // A "one"/"zero"/"two" form may spell its number out instead of writing $1.
          const got = placeholders(CATS[lang][k].message).join();
          const want = placeholders(ref?.message ?? '').join();
          if (p && ['zero', 'one', 'two'].includes(p.form) && got === want.replace(/^\$1,?/, '')) return null;
          return got === want ? null : `${lang}:${k}: en ${want || '-'} / ${got || '-'}`;
        })
        .filter((x) => x !== null),
    );
    expect(diff).toEqual([]);
  });

  it('no value is left in English, beyond a short allow-list of names', () => {
    const same = OTHERS.flatMap((lang) =>
      Object.keys(CATS[lang])
        .filter((k) => !isSameOk(k) && en[k] && CATS[lang][k].message === en[k].message)
        .map((k) => `${lang}:${k}`),
    );
    expect(same).toEqual([]);
  });

  it('the allow-list is used: each entry is the same as English in at least one other language', () => {
    const unused = [...SAME_AS_EN_OK].filter((k) => !OTHERS.some((l) => CATS[l][k]?.message === en[k]?.message));
    expect(unused).toEqual([]);
  });

  it('Arabic and Polish catalogs carry all their plural forms, and tp() picks them by CLDR rules', () => {
    expect(PLURAL_FORMS.ar.sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(PLURAL_FORMS.pl.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(PLURAL_FORMS.en.sort()).toEqual(['one', 'other']);
    // Polish: 1 → one, 2–4 and 22–24 → few, 5–21 and 25… → many.
    expect([1, 2, 4, 5, 12, 22, 25].map((n) => pluralCategory(n, 'pl'))).toEqual([
      'one',
      'few',
      'few',
      'many',
      'many',
      'few',
      'many',
    ]);
    // Arabic: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100… other.
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((n) => pluralCategory(n, 'ar'))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
    ]);
    for (const lang of LANGS)
      for (const base of PLURAL_KEYS)
        for (const f of PLURAL_FORMS[lang]) expect(CATS[lang][`${base}_${f}`], `${lang}:${base}_${f}`).toBeDefined();
  });

  it('tp() writes the count with the right form (an oracle per language, written by hand)', () => {
    expect(tp('timeDaysAgo', 1, [], 'en')).toBe('1 day ago');
    expect(tp('timeDaysAgo', 3, [], 'en')).toBe('3 days ago');
    expect(tp('timeDaysAgo', 1, [], 'fr')).toBe('il y a 1 jour');
    expect(tp('timeDaysAgo', 5, [], 'fr')).toBe('il y a 5 jours');
    expect(tp('timeDaysAgo', 1, [], 'de')).toBe('vor 1 Tag');
    expect(tp('timeDaysAgo', 4, [], 'de')).toBe('vor 4 Tagen');
  });

  it('the store listing fits in every language: name ≤ 75 characters, description ≤ 132 (Chrome Web Store limits)', () => {
    const tooLong = LANGS.flatMap((l) => [
      ...(CATS[l].extName.message.length > 75 ? [`${l}:extName (${CATS[l].extName.message.length})`] : []),
      ...(CATS[l].extDescription.message.length > 132
        ? [`${l}:extDescription (${CATS[l].extDescription.message.length})`]
        : []),
    ]);
    expect(tooLong).toEqual([]);
  });

  it('every quote Windsock cites from CITE has its translation key; English keeps the verbatim quote', () => {
    for (const [name, c] of Object.entries(CITE)) {
      const key = quoteKeyOf(c)!;
      expect(key).toBe(`quote_${name}`);
      expect(en[key]?.message, key).toBe(c.quote);
    }
  });

  it('every quote in CITE is translated in every other language: present, not empty, not the English, same placeholders', () => {
    const untranslated = OTHERS.flatMap((l) =>
      Object.entries(CITE)
        .filter(([name, c]) => {
          const m = CATS[l][`quote_${name}`]?.message;
          return (
            typeof m !== 'string' ||
            m.trim() === '' ||
            m === c.quote ||
            placeholders(m).join() !== placeholders(c.quote).join()
          );
        })
        .map(([name]) => `${l}:quote_${name}`),
    );
    expect(Object.keys(CITE).length).toBeGreaterThanOrEqual(90);
    expect(untranslated).toEqual([]);
  });

  it('the rights, retention and policy-change pages quote only CITE, so each of their quotes has its translation', () => {
    const shown = [
      ...rightsCitations(),
      ...retentionCitations(),
      ...policyChangeCitations(),
      ...ZDR_ENDPOINTS.citations.map((c) => ({ where: 'zdr endpoints', c })),
    ];
    expect(shown.length).toBeGreaterThan(60);
    const missing = shown.filter(({ c }) => {
      const key = quoteKeyOf(c);
      return !key || OTHERS.some((l) => !CATS[l][key]);
    });
    expect(missing.map(({ where }) => where)).toEqual([]);
    // Every quote a retention row shows (the knowledge's RETENTION included).
    for (const g of RETENTION_GROUPS)
      for (const r of g.rows) for (const c of r.citations) expect(quoteKeyOf(c), `${g.id}/${r.id}`).toBeDefined();
  });

  it('no quote key in a catalog names a quote CITE no longer has', () => {
    const names = new Set(Object.keys(CITE).map((n) => `quote_${n}`));
    expect(
      LANGS.flatMap((l) =>
        Object.keys(CATS[l])
          .filter((k) => k.startsWith('quote_') && !names.has(k))
          .map((k) => `${l}:${k}`),
      ),
    ).toEqual([]);
  });

  it('the in-page source line keeps the quote verbatim and adds its translation outside English', () => {
    expect(sourceLine(CITE.pp25Feedback, 'en')).not.toMatch(/Translation/);
    const de = sourceLine(CITE.pp25Feedback, 'de');
    expect(de).toContain(`„${CITE.pp25Feedback.quote}“`);
    expect(de).toMatch(/Übersetzung: Wenn Sie auf „Thumbs Up“ oder „Thumbs Down“ klicken/);
    expect(sourceLine(CITE.pp25Feedback, 'ar')).toMatch(/الترجمة: إن نقرت/);
  });

  it('each catalog names its own language (catalogLang: how lib/i18n knows which catalog the browser serves)', () => {
    expect(LANGS.map((l) => CATS[l].catalogLang?.message)).toEqual([...LANGS]);
  });

  it('keys are valid Chrome i18n names (letters, digits, underscore)', () => {
    expect(Object.keys(en).filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  // Keys passed to m(...) (lib/verdict.ts) and t(...)/tp(...) anywhere are typed (MessageKey, from the English
  // catalog): a wrong one fails `npx tsc --noEmit`; the parity test above puts every English key in every language.
  it('keys are typed: a key the English catalog lacks fails tsc (the @ts-expect-error lines are the check)', () => {
    const typeChecks = () => [
      t('popupTitle'),
      tp('timeDaysAgo', 2),
      t(dynKey('control_', 'vibe_training')),
      // @ts-expect-error not a key of public/_locales/en/messages.json
      t('popupTitel'),
      // @ts-expect-error tp takes a counted key's base (timeDaysAgo), not a plain key
      tp('popupTitle', 1),
      // @ts-expect-error a key built at run time needs a prefix some key has
      dynKey('noSuchPrefix_', 'x'),
    ];
    expect(typeChecks().slice(0, 3)).toEqual(['Windsock', '2 days ago', t('control_vibe_training')]);
  });

  it('badge titles, plan, surface, control and retention labels exist for every id', () => {
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const wanted = [
      ...Object.values(BADGE).map((b) => b.titleKey),
      ...PLAN_IDS.map((p) => `plan${cap(p)}`),
      ...SURFACES.map((s) => `surface_${s.id.replace(/-/g, '_')}`),
      ...CONTROL_IDS.map((c) => `control_${c.replace(/-/g, '_')}`),
      ...RETENTION_VALUES.map((v) => `retention_${v}`),
    ];
    expect(wanted.filter((k) => LANGS.some((l) => !(k in CATS[l])))).toEqual([]);
  });
});
