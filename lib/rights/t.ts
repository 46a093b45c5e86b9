/**
 * Translation for the rights page, the letters, the retention view and the privacy record. Their strings live
 * in lib/rights/locale-additions.{en,fr}.json (the browsers' _locales format, keys prefixed rights_, letter_,
 * record_, ret_, zdr_) until they are merged into public/_locales; `rt()` looks a key up there first, then
 * in the main catalogs through lib/i18n's `t()`. Same `$1`…`$9` arguments as `t()`; never throws.
 */
import en from './locale-additions.en.json';
import fr from './locale-additions.fr.json';
import { getLang, t, type Lang } from '../i18n';

type Catalog = Record<string, { message: string }>;
export const ADDITIONS: Record<Lang, Catalog> = { en, fr };

const fill = (message: string, args: readonly (string | number)[]) =>
  message.replace(/\$([1-9])/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));

/** The string for `key` in `lang` (default: the current language), with `$n` replaced by `args`. */
export function rt(key: string, args: readonly (string | number)[] = [], lang: Lang = getLang()): string {
  const own = ADDITIONS[lang][key];
  if (own) return fill(own.message, args);
  const main = t(key, args, lang);
  if (main !== key) return main;
  const fallback = ADDITIONS.en[key];
  return fallback ? fill(fallback.message, args) : key;
}
