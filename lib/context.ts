/**
 * The context the in-page warnings get from the background: the verdict's state for the page, which warnings
 * still ask, whether the training banner shows, and every string they display, in the page's language. Pure.
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
import { CATEGORIES } from './scan/categories';
import type { PlanId } from './policy/schema';

export function sourceLine(c: Citation, lang: Lang): string {
  const s = sourceById(c.source);
  const line = t('page_source', [s.title, s.date, c.section, c.quote], lang);
  // The quote stays verbatim in English; outside English its translation follows.
  const key = quoteKeyOf(c);
  return key && lang !== 'en' && hasKey(key, lang) ? `${line} ${t('quoteTranslation', [t(key, [], lang)], lang)}` : line;
}

export function pageContext(store: Store, surface: SurfaceDef, pageLang: string, sessionOff: GuardId[], now: number): PageContext {
  // The options' language when the user chose one, else the page's (Mistral's UI language).
  const lang = pickLang(store.settings.language, pageLang);
  const v = verdictFor(store, surface.product, surface.id, now);
  const off = new Set([...store.guardsOff, ...sessionOff]);
  // The plan as the verdict sees it: the fresher of what a page showed and what the user declared.
  const plan = knownFor(store, 'plan:vibe', now)?.value ?? null;
  const orgPlan = !!plan && ORG_MANAGED.includes(plan as PlanId);
  const dismissedUntil = store.bannerDismissedUntil[store.currentOrg] ?? 0;
  // Strings with `$1` left in place are filled in the page (the composer's findings never leave it).
  const k = (key: KeyRest<'page_'>, args: string[] = []) => t(`page_${key}`, args, lang);
  const strings: Record<string, string> = {
    brand: k('brand'),
    cancel: k('cancel'),
    close: k('close'),
    dontAsk: k('dontAsk'),
    dontAskSession: k('dontAskSession'),
    dontAskAlways: k('dontAskAlways'),
    feedbackTitle: k('feedbackTitle'),
    feedbackBody: k(orgPlan ? 'feedbackBodyOrg' : 'feedbackBody'),
    feedbackPlan: plan ? k('feedbackPlan', [planLabel(String(plan), lang)]) : k('feedbackPlanUnknown'),
    feedbackSource: sourceLine(CITE.pp25Feedback, lang),
    feedbackConfirm: k('feedbackConfirm'),
    shareTitle: k('shareTitle'),
    shareBody: k('shareBody'),
    shareRevoke: k('shareRevoke'),
    shareSource: sourceLine(CITE.docsSharing, lang),
    shareConfirm: k('shareConfirm'),
    sharePublicConfirm: k('sharePublicConfirm'),
    labsTitle: k('labsTitle'),
    labsBody: k('labsBody'),
    labsSource: sourceLine(CITE.docsLabs, lang),
    labsConfirm: k('labsConfirm'),
    bannerText: k('bannerText'),
    bannerLink: k('bannerLink'),
    bannerDismiss: k('bannerDismiss'),
    attachNote: k('attachNote'),
    attachSource: sourceLine(CITE.helpAttach, lang),
    composerNotice: k('composerNotice', ['$1']),
    listComma: t('listComma', [], lang),
    composerWhy: k('composerWhy'),
    composerTitle: k('composerTitle'),
    composerBody: k(v.state === 'training' ? 'composerBodyTraining' : 'composerBodyUnknown', ['$1']),
    composerSend: k('composerSend'),
    composerEdit: k('composerEdit'),
    fallbackHint: k('fallbackHint', ['$1', '$2']),
    ...Object.fromEntries(CATEGORIES.map((c) => [`cat_${c}`, k(`cat_${c}`)])),
  };
  return {
    state: v.state,
    product: surface.product,
    lang,
    ask: { feedback: !off.has('feedback'), share: !off.has('share'), labs: !off.has('labs') },
    banner: surface.chat && v.state === 'training' && dismissedUntil <= now,
    fixUrl: FIX_URLS.vibePrivacy,
    strings,
  };
}

export const BANNER_DISMISS_MS = 7 * 24 * 3600 * 1000;
