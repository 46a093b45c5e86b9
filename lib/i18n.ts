/**
 * Translation. Strings live in public/_locales/{en,fr}/messages.json (the browsers' own format, so the manifest
 * and the stores use them too). Extension pages and the background translate with `t()` from a catalog chosen
 * by the user's setting or the browser's language, so the options page can switch language without a restart.
 * Positional arguments are `$1`…`$9`. A missing key shows the key itself, never throws.
 */
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';
import type { Msg } from './verdict';

export type Lang = 'en' | 'fr';
type Catalog = Record<string, { message: string }>;
const CATALOGS: Record<Lang, Catalog> = { en, fr };

let current: Lang = 'en';

export function pickLang(setting: string | undefined, browserLang: string | undefined): Lang {
  if (setting === 'en' || setting === 'fr') return setting;
  return (browserLang ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export function t(key: string, args: readonly (string | number)[] = [], lang: Lang = current): string {
  const entry = CATALOGS[lang][key] ?? CATALOGS.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([1-9])/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

/** Translate a verdict message; arguments that are themselves keys (plan ids) are translated too. */
export function tm(msg: Msg, lang: Lang = current): string {
  const args = (msg.args ?? []).map((a) => {
    const planKey = `plan${a.charAt(0).toUpperCase()}${a.slice(1)}`;
    return CATALOGS[lang][planKey] ? t(planKey, [], lang) : a;
  });
  return t(msg.key, args, lang);
}

export function catalogKeys(lang: Lang): string[] {
  return Object.keys(CATALOGS[lang]);
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
  if (s < 3600) return t('timeMinutesAgo', [Math.floor(s / 60)], lang);
  if (s < 86400 * 2) return t('timeHoursAgo', [Math.floor(s / 3600)], lang);
  return t('timeDaysAgo', [Math.floor(s / 86400)], lang);
}
