/**
 * Translation: `t()` from public/_locales/<lang>/messages.json (the browsers' own format), for extension pages and
 * the background, in the user's chosen language or the browser's, switchable without a restart.
 * Catalogs are loaded one at a time, when needed (`loadLang`), from the package's own files: no page bundles them.
 * Keys are typed (`MessageKey`): a wrong key fails `tsc`; a key built at run time goes through a template-literal
 * type or `dynKey`. test/unit/strings.test.ts reads this file for those templates.
 */
import type { Msg } from './verdict';
import { LANGS, type Lang } from './langs';

export { LANGS, type Lang };
/**
 * Every key of the English catalog, the reference one (test/unit/locales.test.ts holds the others to it). A type
 * only: the JSON is not bundled.
 */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');
/** The base of each counted key: `record_show_all` for `record_show_all_one`, `_other`… */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];
/** The keys that begin with `P`, and what follows the prefix in them (`KeyRest<'control_'>`: 'vibe_training' | …). */
export type KeyRest<P extends string> = MessageKey extends infer K ? (K extends `${P}${infer R}` ? R : never) : never;
/** A key built at run time from a prefix every candidate shares, checked at compile time against that prefix. */
export const dynKey = <P extends string>(
  prefix: P & (KeyRest<P> extends never ? never : P),
  rest: string,
): MessageKey => `${prefix}${rest}` as MessageKey;

type Catalog = Record<string, { message: string } | undefined>;
const CATALOGS: Partial<Record<Lang, Catalog>> = {};
const pending: Partial<Record<Lang, Promise<void>>> = {};
/** Catalogs that could not be loaded: their text falls back to English. */
const failed = new Set<Lang>();

/** Where catalogs come from: the package's own files (`/_locales/<lang>/messages.json`, on the extension's origin). */
let loader = async (lang: Lang): Promise<Catalog> => {
  const res = await fetch(`/_locales/${lang}/messages.json`);
  if (!res.ok) throw new Error(`catalog ${lang}: ${res.status}`);
  return (await res.json()) as Catalog;
};

/** Catalogs given directly (unit tests and Node scripts read them from disk); `load` replaces the fetch. */
export function provideCatalogs(cats: Partial<Record<Lang, Catalog>>, load?: (lang: Lang) => Promise<Catalog>): void {
  Object.assign(CATALOGS, cats);
  if (load) loader = load;
}

function loadOne(lang: Lang): Promise<void> {
  if (CATALOGS[lang]) return Promise.resolve();
  return (pending[lang] ??= loader(lang).then(
    (cat) => void (CATALOGS[lang] = cat),
    (e) => {
      delete pending[lang];
      failed.add(lang);
      // Text falls back to English (or to the keys themselves): never a page that fails to open.
      console.warn('Windsock: catalog not loaded', lang, e);
    },
  ));
}

/**
 * The browser's own catalog (`i18n.getMessage`), when the language asked for is the one the browser already
 * serves from _locales: nothing to fetch or parse, and the browser falls back to English (the manifest's
 * default_locale) for a key it lacks. Its `$1`…`$9` are the same as `t()`'s. Which catalog it serves is read from
 * the catalog itself (`catalogLang`, each catalog's own code): the browser's choice does not always follow
 * `getUILanguage()` (Chromium started with --lang=ar reports en-US and serves Arabic).
 */
interface BrowserI18n {
  getMessage(key: string, substitutions?: string[]): string;
}
let native: { lang: Lang; i18n: BrowserI18n } | null = null;

/** Extension pages and the background: serve the language the browser's catalog is in from that catalog. */
export function serveFromBrowser(i18n: BrowserI18n): void {
  let served: string | undefined;
  try {
    served = i18n.getMessage('catalogLang');
  } catch {
    served = undefined;
  }
  native = isLang(served) ? { lang: served, i18n } : null;
}

const nativeMessage = (key: string, lang: Lang, args?: readonly (string | number)[]): string | undefined =>
  native && native.lang === lang ? native.i18n.getMessage(key, args?.map(String)) || undefined : undefined;

/** English, for the keys a catalog lacks: the browser's own catalog when that is English's, else fetched. */
const englishReady = (): boolean => native?.lang === 'en' || !!CATALOGS.en || failed.has('en');

/**
 * Load a language's catalog, and English's (for the keys it lacks) where the browser does not serve it already.
 * Never rejects.
 */
export function loadLang(lang: Lang): Promise<void> {
  if (native?.lang === lang) return Promise.resolve();
  return Promise.all([native?.lang === 'en' ? undefined : loadOne('en'), loadOne(lang)]).then(() => undefined);
}

/** Whether `t()` can already speak `lang` (its catalog is loaded, or failed and English is there). */
export const isLoaded = (lang: Lang): boolean =>
  native?.lang === lang || (englishReady() && (!!CATALOGS[lang] || failed.has(lang)));

/** The language's own message for a key, not English's fallback (the browser's catalog cannot tell: its answer). */
const own = (key: string, lang: Lang): boolean =>
  native?.lang === lang ? !!nativeMessage(key, lang) : !!CATALOGS[lang]?.[key];

const readyListeners = new Set<() => void>();
/** Called whenever `setLang` switches to a language whose catalog had to be loaded first (pages re-render then). */
export function onLangReady(fn: () => void): () => void {
  readyListeners.add(fn);
  return () => void readyListeners.delete(fn);
}

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
/** The language asked for last; `current` follows once its catalog is in. */
let wanted: Lang = 'en';

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

/**
 * Speak `lang` from now on. When its catalog is not loaded yet, the current language stays until it is, then
 * `onLangReady` listeners run (so a page never shows a mix, nor English in a right-to-left layout).
 */
export function setLang(lang: Lang): void {
  wanted = lang;
  if (isLoaded(lang)) {
    current = lang;
    return;
  }
  void loadLang(lang).then(() => {
    if (wanted !== lang) return;
    current = lang;
    for (const fn of readyListeners) fn();
  });
}

export function getLang(): Lang {
  return current;
}

/** Positional arguments are `$1`…`$9`. A missing key shows the key itself, never throws. */
export function t(key: MessageKey, args: readonly (string | number)[] = [], lang: Lang = current): string {
  const fromBrowser = nativeMessage(key, lang, args);
  if (fromBrowser !== undefined) return fromBrowser;
  const entry = CATALOGS[lang]?.[key] ?? CATALOGS.en?.[key];
  if (!entry) return nativeMessage(key, 'en', args) ?? key;
  return entry.message.replace(/\$([1-9])/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

/** The Intl locale for dates and numbers in a language (Arabic with Western digits, as Windsock writes numbers). */
export const INTL_LOCALE: Record<Lang, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  pl: 'pl-PL',
  pt_BR: 'pt-BR',
  ar: 'ar-u-nu-latn',
};

/** Whether the language's own catalog has this key (not the English fallback). */
export const hasKey = (key: MessageKey, lang: Lang = current): boolean => own(key, lang);

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
export function tp(key: PluralKey, n: number, args: readonly (string | number)[] = [], lang: Lang = current): string {
  const cat = pluralCategory(n, lang);
  const cat_ = own(`${key}_${cat}`, lang) ? cat : 'other';
  return t(`${key}_${cat_}` as MessageKey, [formatCount(n, lang), ...args], lang);
}

/** The counted keys: each exists as `<key>_<form>` for every plural form of the language, and never bare. */
export const PLURAL_KEYS = [
  'timeMinutesAgo',
  'timeHoursAgo',
  'timeDaysAgo',
  'record_show_all',
] as const satisfies readonly PluralKey[];

/** The plural forms a language's catalog must have for each counted key. */
export const PLURAL_FORMS: Record<Lang, Intl.LDMLPluralRule[]> = Object.fromEntries(
  LANGS.map((l) => [l, new Intl.PluralRules(bcp47(l)).resolvedOptions().pluralCategories]),
) as Record<Lang, Intl.LDMLPluralRule[]>;

/** Translate a verdict message; arguments that are themselves keys (plan ids) are translated too. */
export function tm(msg: Msg, lang: Lang = current): string {
  const args = (msg.args ?? []).map((a) => {
    const planKey = `plan${a.charAt(0).toUpperCase()}${a.slice(1)}`;
    return own(planKey, lang) ? t(planKey as MessageKey, [], lang) : a;
  });
  return t(msg.key, args, lang);
}

export function catalogKeys(lang: Lang): string[] {
  return Object.keys(CATALOGS[lang] ?? {});
}

export function planLabel(plan: string | null | undefined, lang: Lang = current): string {
  if (!plan) return t('planUnknown', [], lang);
  return t(dynKey('plan', `${plan.charAt(0).toUpperCase()}${plan.slice(1)}`), [], lang);
}

export function surfaceLabel(surface: string | null | undefined, lang: Lang = current): string {
  if (!surface) return '';
  return t(dynKey('surface_', surface.replace(/-/g, '_')), [], lang);
}

export function controlLabel(control: string, lang: Lang = current): string {
  return t(dynKey('control_', control.replace(/-/g, '_')), [], lang);
}

export function valueLabel(value: string, lang: Lang = current): string {
  if (value === 'on') return t('valueOn', [], lang);
  if (value === 'off') return t('valueOff', [], lang);
  return t(dynKey('retention_', value), [], lang);
}

export function timeAgo(then: number, now: number, lang: Lang = current): string {
  const s = Math.max(0, (now - then) / 1000);
  if (s < 60) return t('timeJustNow', [], lang);
  if (s < 3600) return tp('timeMinutesAgo', Math.floor(s / 60), [], lang);
  if (s < 86400 * 2) return tp('timeHoursAgo', Math.floor(s / 3600), [], lang);
  return tp('timeDaysAgo', Math.floor(s / 86400), [], lang);
}

/**
 * Set an extension page's `lang` and `dir` (Arabic: right-to-left; the CSS uses logical properties), once the
 * language's catalog is in (with the text, not before it).
 */
export function applyDocLang(lang: Lang, doc: Document = document): void {
  const apply = () => {
    if (wanted !== lang && current !== lang) return;
    doc.documentElement.lang = bcp47(lang);
    doc.documentElement.dir = dirOf(lang);
  };
  if (isLoaded(lang)) apply();
  else void loadLang(lang).then(apply);
}
