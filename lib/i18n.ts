/**
 * Translation. Strings live in public/_locales/<lang>/messages.json (en, fr, de, es, it, pl, pt_BR, ar: the
 * browsers' own format, so the manifest and the stores use them too). Extension pages and the background translate with `t()` from a catalog chosen
 * by the user's setting or the browser's language, so the options page can switch language without a restart.
 * Positional arguments are `$1`…`$9`. A missing key shows the key itself, never throws.
 */
import type { Msg } from './verdict';
import { LANGS, type Lang } from './langs';

export { LANGS, type Lang };
type Catalog = Record<string, { message: string }>;
/** Every catalog under public/_locales, bundled (the options page switches language without a restart). */
const FILES = import.meta.glob<Catalog>('../public/_locales/*/messages.json', { eager: true, import: 'default' });
const CATALOGS = Object.fromEntries(
  Object.entries(FILES).map(([path, cat]) => [/_locales\/([^/]+)\//.exec(path)![1], cat]),
) as Partial<Record<Lang, Catalog>> & { en: Catalog };

/** Each language's name in itself, for the language menus. */
export const LANG_NAMES: Record<Lang, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  pl: 'Polski',
  pt_BR: 'Português (Brasil)',
  ar: 'العربية',
};

let current: Lang = 'en';

export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANGS as readonly string[]).includes(x);

/** The BCP 47 tag of a language (for `lang` attributes and Intl). */
export const bcp47 = (lang: Lang): string => (lang === 'pt_BR' ? 'pt-BR' : lang);

/** Writing direction: only Arabic is right-to-left. */
export const dirOf = (lang: string): 'rtl' | 'ltr' => (/^ar\b|^ar$|^ar[-_]/i.test(lang) ? 'rtl' : 'ltr');

/**
 * The user's setting when it names a language; otherwise the browser's (or page's) language: its primary subtag
 * (`de-AT` → de); any Portuguese → pt_BR (the only Portuguese catalog; its wording is Brazilian); else English.
 */
export function pickLang(setting: string | undefined, browserLang: string | undefined): Lang {
  if (isLang(setting)) return setting;
  const tag = (browserLang ?? '').trim().toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0];
  if (primary === 'pt') return 'pt_BR';
  return isLang(primary) ? primary : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export function t(key: string, args: readonly (string | number)[] = [], lang: Lang = current): string {
  const entry = CATALOGS[lang]?.[key] ?? CATALOGS.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([1-9])/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

/** The Intl locale for dates and numbers in a language (Arabic with Western digits, as Windsock writes numbers). */
export const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', pl: 'pl-PL', pt_BR: 'pt-BR', ar: 'ar-u-nu-latn' };

/** Whether the language's own catalog has this key (not the English fallback). */
export const hasKey = (key: string, lang: Lang = current): boolean => !!CATALOGS[lang]?.[key];

/** Numbers as the language writes them (Arabic keeps Western digits, as Mistral's and most Arabic web UIs do). */
export function formatCount(n: number, lang: Lang = current): string {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : bcp47(lang)).format(n);
}

/** The CLDR plural category of `n` in `lang` (English: one/other; Polish: one/few/many/other; Arabic: all six). */
export function pluralCategory(n: number, lang: Lang = current): Intl.LDMLPluralRule {
  return new Intl.PluralRules(bcp47(lang)).select(n);
}

/**
 * A counted message: the catalog holds one key per plural form the language needs, `<key>_<category>`
 * (`record_show_all_one`, `_few`, `_many`, `_other`…). `$1` is the formatted count; further arguments follow as
 * `$2`… A missing form falls back to `_other`.
 */
export function tp(key: string, n: number, args: readonly (string | number)[] = [], lang: Lang = current): string {
  const cat = pluralCategory(n, lang);
  const cat_ = CATALOGS[lang]?.[`${key}_${cat}`] ? cat : 'other';
  return t(`${key}_${cat_}`, [formatCount(n, lang), ...args], lang);
}

/** The counted keys: each exists as `<key>_<form>` for every plural form of the language, and never bare. */
export const PLURAL_KEYS = ['timeMinutesAgo', 'timeHoursAgo', 'timeDaysAgo', 'record_show_all'] as const;

/** The plural forms a language's catalog must have for each counted key. */
export const PLURAL_FORMS: Record<Lang, Intl.LDMLPluralRule[]> = Object.fromEntries(
  LANGS.map((l) => [l, new Intl.PluralRules(bcp47(l)).resolvedOptions().pluralCategories]),
) as Record<Lang, Intl.LDMLPluralRule[]>;

/** Translate a verdict message; arguments that are themselves keys (plan ids) are translated too. */
export function tm(msg: Msg, lang: Lang = current): string {
  const args = (msg.args ?? []).map((a) => {
    const planKey = `plan${a.charAt(0).toUpperCase()}${a.slice(1)}`;
    return CATALOGS[lang]?.[planKey] ? t(planKey, [], lang) : a;
  });
  return t(msg.key, args, lang);
}

export function catalogKeys(lang: Lang): string[] {
  return Object.keys(CATALOGS[lang] ?? {});
}

export function planLabel(plan: string | null | undefined, lang: Lang = current): string {
  if (!plan) return t('planUnknown', [], lang);
  return t(`plan${plan.charAt(0).toUpperCase()}${plan.slice(1)}`, [], lang);
}

export function surfaceLabel(surface: string | null | undefined, lang: Lang = current): string {
  if (!surface) return '';
  return t(`surface_${surface.replace(/-/g, '_')}`, [], lang);
}

export function controlLabel(control: string, lang: Lang = current): string {
  return t(`control_${control.replace(/-/g, '_')}`, [], lang);
}

export function valueLabel(value: string, lang: Lang = current): string {
  if (value === 'on') return t('valueOn', [], lang);
  if (value === 'off') return t('valueOff', [], lang);
  return t(`retention_${value}`, [], lang);
}

export function timeAgo(then: number, now: number, lang: Lang = current): string {
  const s = Math.max(0, (now - then) / 1000);
  if (s < 60) return t('timeJustNow', [], lang);
  if (s < 3600) return tp('timeMinutesAgo', Math.floor(s / 60), [], lang);
  if (s < 86400 * 2) return tp('timeHoursAgo', Math.floor(s / 3600), [], lang);
  return tp('timeDaysAgo', Math.floor(s / 86400), [], lang);
}

/** Set an extension page's `lang` and `dir` (Arabic: right-to-left; the CSS uses logical properties). */
export function applyDocLang(lang: Lang, doc: Document = document): void {
  doc.documentElement.lang = bcp47(lang);
  doc.documentElement.dir = dirOf(lang);
}
