/**
 * The context the in-page warnings get from the background: the verdict's state for the page, which warnings
 * still ask, whether the training banner shows, and every string they display, in the page's language — each
 * warning's strings as its module (lib/warnings/<id>.ts) describes them, through the registry. Pure but for the catalog
 * `t()` reads (the background loads the page's language first).
 * The content script carries no translations of its own; this keeps it small.
 */
import { hasKey, t, pickLang, planLabel, type KeyRest, type Lang } from './i18n';
import { CITE, quoteKeyOf, sourceById } from './policy/knowledge';
import type { Citation } from './policy/schema';
import type { PageContext } from './messages';
import { knownFor, verdictFor } from './resolve';
import type { GuardId, Store } from './store/schema';
import { FIX_URLS, type SurfaceDef } from './surfaces';
import { ORG_MANAGED } from './verdict';
import { REGISTRY, type Registry } from './warnings/registry';
import type { StringSpec } from './warnings/types';
import type { PlanId } from './policy/schema';

export function sourceLine(c: Citation, lang: Lang): string {
  const s = sourceById(c.source);
  const line = t('page_source', [s.title, s.date, c.section, c.quote], lang);
  // The quote stays verbatim in English; outside English its translation follows.
  const key = quoteKeyOf(c);
  return key && lang !== 'en' && hasKey(key, lang)
    ? `${line} ${t('quoteTranslation', [t(key, [], lang)], lang)}`
    : line;
}

export function pageContext(
  store: Store,
  surface: SurfaceDef,
  pageLang: string,
  sessionOff: GuardId[],
  now: number,
  registry: Registry = REGISTRY,
): PageContext {
  // The options' language when the user chose one, else the page's (Mistral's UI language).
  const lang = pickLang(store.settings.language, pageLang);
  const v = verdictFor(store, surface.product, surface.id, now);
  const off = new Set<string>([...store.guardsOff, ...sessionOff]);
  // The plan as the verdict sees it: the fresher of what a page showed and what the user declared.
  const plan = knownFor(store, 'plan:vibe', now)?.value ?? null;
  const orgPlan = !!plan && ORG_MANAGED.includes(plan as PlanId);
  const dismissedUntil = store.bannerDismissedUntil[store.currentOrg] ?? 0;
  // Strings with `$1` left in place are filled in the page (the composer's findings never leave it).
  const k = (key: KeyRest<'page_'>, args: string[] = []) => t(`page_${key}`, args, lang);
  const spec = (x: StringSpec): string => {
    if (typeof x === 'string') return k(x);
    if ('key' in x) return k(x.key, x.args);
    if ('cite' in x) return sourceLine(CITE[x.cite as keyof typeof CITE], lang);
    if ('orgPlan' in x) return k(orgPlan ? x.orgPlan[0] : x.orgPlan[1]);
    if ('plan' in x) return plan ? k(x.plan[0], [planLabel(String(plan), lang)]) : k(x.plan[1]);
    if ('training' in x) return k(v.state === 'training' ? x.training[0] : x.training[1], x.args);
    return t(x.global, [], lang);
  };
  const strings: Record<string, string> = {
    brand: k('brand'),
    cancel: k('cancel'),
    close: k('close'),
    dontAsk: k('dontAsk'),
    dontAskSession: k('dontAskSession'),
    dontAskAlways: k('dontAskAlways'),
    bannerText: k('bannerText'),
    bannerLink: k('bannerLink'),
    bannerDismiss: k('bannerDismiss'),
    fallbackHint: k('fallbackHint', ['$1', '$2']),
    // Each warning's own (lib/warnings/<id>.ts), through the registry.
    ...Object.fromEntries(Object.entries(registry.strings()).map(([name, x]) => [name, spec(x)])),
  };
  return {
    state: v.state,
    product: surface.product,
    lang,
    ask: registry.ask(off) as PageContext['ask'],
    banner: surface.chat && v.state === 'training' && dismissedUntil <= now,
    fixUrl: FIX_URLS.vibePrivacy,
    strings,
  };
}

export const BANNER_DISMISS_MS = 7 * 24 * 3600 * 1000;
