/**
 * The languages Windsock speaks: every language of Mistral's Admin Console. Kept apart from lib/i18n (which
 * loads catalogs) so that schemas and content scripts can name them without carrying the translations.
 * `pt_BR` is spelled as the browsers' _locales folder spells it.
 */
export const LANGS = ['en', 'fr', 'de', 'es', 'it', 'pl', 'pt_BR', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_SETTINGS = ['auto', ...LANGS] as const;
export type LangSetting = (typeof LANG_SETTINGS)[number];
