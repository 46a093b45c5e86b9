/**
 * What the popup shows for one tab, computed in the background (which holds the validated store, the policy
 * knowledge and which organization each tab showed) and sent as plain data: the popup bundles neither zod, nor
 * the knowledge, nor the verdict's code, and agrees with the badge by construction (same function, same store,
 * same organization rule). Pure: the handler (lib/background/handler.ts, 'popup-state') passes everything in.
 */
import { pickLang, type Lang, type MessageKey } from './i18n';
import { PLANS, quoteKeyOf, sourceById } from './policy/knowledge';
import type { Citation, PlanId, Product } from './policy/schema';
import { verdictInput } from './resolve';
import { currentOrg, UNKNOWN_ORG, type LoadResult, type Observation } from './store/schema';
import { surfaceOf, type SurfaceId } from './surfaces';
import { computeVerdict, type Verdict, type VerdictInput } from './verdict';

/** For the popup's source lists: each cited document's title, date and file, and each quote's translation key. */
export interface CitationInfo {
  sources: Partial<Record<Citation['source'], { title: string; date: string; file: string }>>;
  quoteKeys: Record<string, MessageKey>;
}

export interface PopupState extends CitationInfo {
  /** The language the popup speaks: the user's setting, else the browser's. */
  lang: Lang;
  tab: { id: number; url?: string } | null;
  /** The tab's Mistral page, or null (not a Mistral page: the popup says so). */
  surface: { id: SurfaceId; product: Product } | null;
  /** The organization the tab's verdict is about (a store key; UNKNOWN_ORG when the page does not say). */
  org: string;
  unknownOrg: boolean;
  verdict: Verdict | null;
  input: VerdictInput | null;
  observations: Partial<Record<string, Observation>>;
  /** The plans the user may declare on this product. */
  plans: PlanId[];
  shares: { chatId: string; at: number }[];
  newerVersion?: number;
  now: number;
}

function citationsOf(v: Verdict): Citation[] {
  return [
    ...v.reasons.flatMap((r) => r.citations),
    ...v.conflicts.flatMap((c) => c.sides.flatMap((s) => s.citations)),
    ...v.caveats.flatMap((c) => c.citations),
  ];
}

export function popupState(
  loaded: LoadResult,
  org: string,
  tab: { id: number; url?: string } | null,
  uiLang: string,
  now: number,
): PopupState {
  const lang = pickLang(loaded.store.settings.language, uiLang);
  const surfaceDef = tab ? surfaceOf(tab.url) : null;
  const base = {
    lang,
    tab,
    org,
    unknownOrg: org === UNKNOWN_ORG,
    newerVersion: loaded.newerVersion,
    shares: loaded.store.shares.map((s) => ({ chatId: s.chatId, at: s.at })),
    now,
  };
  if (!surfaceDef)
    return {
      ...base,
      surface: null,
      verdict: null,
      input: null,
      observations: {},
      plans: [],
      sources: {},
      quoteKeys: {},
    };
  const store = org === loaded.store.currentOrg ? loaded.store : { ...loaded.store, currentOrg: org };
  const input = verdictInput(store, surfaceDef.product, surfaceDef.id, now);
  const verdict = computeVerdict(input);
  const sources: CitationInfo['sources'] = {};
  const quoteKeys: CitationInfo['quoteKeys'] = {};
  for (const c of citationsOf(verdict)) {
    const s = sourceById(c.source);
    sources[c.source] = { title: s.title, date: s.date, file: s.file };
    const k = quoteKeyOf(c);
    if (k) quoteKeys[c.quote] = k;
  }
  return {
    ...base,
    surface: { id: surfaceDef.id, product: surfaceDef.product },
    verdict,
    input,
    observations: currentOrg(store).observations,
    plans: PLANS.filter((p) => p.products.includes(surfaceDef.product)).map((p) => p.id),
    sources,
    quoteKeys,
  };
}
