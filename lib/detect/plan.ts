/**
 * Plan signals, each with its confidence and origin: pure functions of a DOM tree (and, for the chat app's
 * account data, of a JSON response validated with zod/mini and ignored whole when its shape does not match).
 */
import { planFromNameIn } from './plan-names';
import { CURRENT_PLAN_TEXT, PLAN_SIGNALS, SUBSCRIPTION_TABS, UPGRADE_TEXT, type PlanSignalKind } from './rules';
import { norm, textMatches } from './text';
import type { PlanId } from '../policy/schema';
import type { SurfaceId } from '../surfaces';

export interface PlanSignal {
  product: 'vibe' | 'api';
  plan: PlanId;
  kind: PlanSignalKind | 'account-data';
  confidence: number;
}

const confidenceOf = (kind: PlanSignalKind) => PLAN_SIGNALS.find((s) => s.kind === kind)!.confidence;
const applies = (kind: PlanSignalKind, surface: SurfaceId) => PLAN_SIGNALS.find((s) => s.kind === kind)!.surfaces.includes(surface);

export type PlanReader = (root: ParentNode, surface: SurfaceId) => PlanSignal[];

/**
 * Run the given readers where the site rules say they apply. The readers are passed in (see lib/detect/kits)
 * so that each content script bundles only those of its own host.
 */
export function readPlanSignals(root: ParentNode, surface: SurfaceId, readers: Partial<Record<PlanSignalKind, PlanReader>>): PlanSignal[] {
  const out: PlanSignal[] = [];
  for (const [kind, read] of Object.entries(readers) as [PlanSignalKind, PlanReader][]) {
    if (!applies(kind, surface)) continue;
    try {
      out.push(...read(root, surface));
    } catch {
      // Odd markup: no signal.
    }
  }
  return out;
}

/** Admin Panel › Subscriptions: a "Vibe" tab and an "API Plan" tab, each naming its plan. */
export function subscriptionTabs(root: ParentNode): PlanSignal[] {
  const out: PlanSignal[] = [];
  const tabs = Array.from(root.querySelectorAll('[role="tab"]'));
  const seen = new Set<string>();
  for (const tab of tabs) {
    const label = norm(tab.textContent ?? '');
    const product = (Object.keys(SUBSCRIPTION_TABS) as ('vibe' | 'api')[]).find((p) => SUBSCRIPTION_TABS[p].some((n) => label === n));
    if (!product || seen.has(product)) continue;
    const panelId = tab.getAttribute('aria-controls');
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const panel = panelId ? doc.getElementById(panelId) : null;
    if (!panel) continue;
    const plan = planFromNameIn(panelHeadings(panel), product);
    if (plan) {
      seen.add(product);
      out.push({ product, plan, kind: 'subscription-tab', confidence: confidenceOf('subscription-tab') });
    }
  }
  // A page with no tabs but one plan panel (older "/subscription" layout): read the Vibe plan from it.
  if (tabs.length === 0) {
    const main = root.querySelector('main') ?? (root as Element);
    const plan = planFromNameIn(panelHeadings(main), 'vibe');
    if (plan) out.push({ product: 'vibe', plan, kind: 'subscription-tab', confidence: 0.8 });
  }
  return out;
}

/** The short texts of a panel that may name a plan: headings, badges, "Current plan: X" lines. */
function panelHeadings(panel: Element): string[] {
  const texts: string[] = [];
  for (const el of Array.from(panel.querySelectorAll('h1, h2, h3, h4, strong, b, [data-plan], [class*="badge"], [class*="plan"], dd, p, span'))) {
    const t = (el.getAttribute('data-plan') ?? el.textContent ?? '').trim();
    if (t && t.length <= 60) texts.push(t);
  }
  return texts;
}

/** The plans page marks the user's plan: a "Current plan" button or badge, or `data-current`, on its card. */
export function currentPlanCard(root: ParentNode, surface: SurfaceId): PlanSignal[] {
  const product = surface === 'studio-upgrade' ? 'api' : 'vibe';
  const markers = [
    ...Array.from(root.querySelectorAll('[data-current="true"], [aria-current="true"]')),
    ...Array.from(root.querySelectorAll('button, span, p, div, strong, small')).filter((e) => e.children.length === 0 && textMatches(e.textContent ?? '', CURRENT_PLAN_TEXT, false)),
  ];
  for (const m of markers) {
    const card = m.matches('section, article, li, [data-current]') ? m : m.closest('section, article, li, [class*="card"]');
    const heading = card?.querySelector('h1, h2, h3, h4, [data-plan]');
    const plan = heading ? planFromNameIn([heading.getAttribute('data-plan') ?? heading.textContent ?? ''], product) : null;
    if (plan) return [{ product, plan, kind: 'current-plan-card', confidence: confidenceOf('current-plan-card') }];
  }
  return [];
}

/** Studio shows "Free mode" (older "Experiment") or "Scale" near the top. */
export function studioHeader(root: ParentNode): PlanSignal[] {
  const scope = root.querySelector('header, nav, [role="banner"]') ?? root;
  const texts = Array.from(scope.querySelectorAll('span, a, div, p, strong, b, [data-plan]'))
    .map((e) => (e.getAttribute('data-plan') ?? e.textContent ?? '').trim())
    .filter((t) => t && t.length <= 30);
  const plan = planFromNameIn(texts, 'api');
  return plan ? [{ product: 'api', plan, kind: 'studio-header', confidence: confidenceOf('studio-header') }] : [];
}

/** An "Upgrade to Pro" link or button in the chat app: the user is on the free plan. */
export function upgradeLink(root: ParentNode): PlanSignal[] {
  for (const el of Array.from(root.querySelectorAll('a, button'))) {
    const txt = el.getAttribute('aria-label') ?? el.textContent ?? '';
    // Only an invitation to Pro says the user is not on Pro or above; a bare "Upgrade" may lead to Team.
    if (textMatches(txt, UPGRADE_TEXT, true)) {
      return [{ product: 'vibe', plan: 'free', kind: 'upgrade-link', confidence: confidenceOf('upgrade-link') }];
    }
  }
  return [];
}

/** A "Pro" badge next to the user's name in the chat app's sidebar. */
export function proBadge(root: ParentNode): PlanSignal[] {
  const scope = root.querySelector('nav, aside, [data-sidebar]')?.closest('aside, nav, div') ?? root;
  for (const el of Array.from(scope.querySelectorAll('span, div, small, [data-plan]'))) {
    if (el.children.length > 0) continue;
    const t = norm(el.getAttribute('data-plan') ?? el.textContent ?? '');
    if (t === 'pro' || t === 'le chat pro' || t === 'vibe pro') {
      return [{ product: 'vibe', plan: 'pro', kind: 'pro-badge', confidence: confidenceOf('pro-badge') }];
    }
  }
  return [];
}
