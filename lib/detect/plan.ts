/**
 * Plan signals, each with its confidence and origin: pure functions of a DOM tree (and, for the chat app's
 * account data, of a JSON response validated with zod/mini and ignored whole when its shape does not match).
 */
import { planFromName, planFromNameIn } from './plan-names';
import { rules } from './ruleset';
import { norm, textMatches } from './text';
import type { PlanId } from '../policy/schema';
import type { PlanSignalKind, SurfaceId } from '../surfaces';

export interface PlanSignal {
  product: 'vibe' | 'api';
  plan: PlanId;
  kind: PlanSignalKind | 'account-data';
  confidence: number;
}

/**
 * A test for "is this element in someone's words or a form field" (NOT_PLAN_SCOPES), built once per reading:
 * one query for the scopes, then `contains` (cheaper than a long selector list in `closest` per element).
 */
function outsideOf(root: ParentNode): (el: Element) => boolean {
  const scopes = Array.from(root.querySelectorAll(rules().notPlanScopes));
  return (el) => !scopes.some((s) => s === el || s.contains(el));
}

const confidenceOf = (kind: PlanSignalKind) => rules().planSignals.find((s) => s.kind === kind)!.confidence;
const applies = (kind: PlanSignalKind, surface: SurfaceId) =>
  !!rules()
    .planSignals.find((s) => s.kind === kind)
    ?.surfaces.includes(surface);

export type PlanReader = (root: ParentNode, surface: SurfaceId) => PlanSignal[];

/**
 * Run the given readers where the site rules say they apply. The readers are passed in (see
 * lib/page/kit-chat.ts, lib/page/kit-admin.ts) so that each content script bundles only those of its own host.
 */
export function readPlanSignals(
  root: ParentNode,
  surface: SurfaceId,
  readers: Partial<Record<PlanSignalKind, PlanReader>>,
): PlanSignal[] {
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
  const tabNames = rules().subscriptionTabs;
  for (const tab of tabs) {
    const label = norm(tab.textContent ?? '');
    const product = (Object.keys(tabNames) as ('vibe' | 'api')[]).find((p) => tabNames[p].some((n) => label === n));
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
  for (const el of Array.from(
    panel.querySelectorAll('h1, h2, h3, h4, strong, b, [data-plan], [class*="badge"], [class*="plan"], dd, p, span'),
  )) {
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
    ...Array.from(root.querySelectorAll('button, span, p, div, strong, small')).filter(
      (e) => e.children.length === 0 && textMatches(e.textContent ?? '', rules().currentPlan, false),
    ),
  ];
  for (const m of markers) {
    const card = m.matches('section, article, li, [data-current]')
      ? m
      : m.closest('section, article, li, [class*="card"]');
    const heading = card?.querySelector('h1, h2, h3, h4, [data-plan]');
    const plan = heading
      ? planFromNameIn([heading.getAttribute('data-plan') ?? heading.textContent ?? ''], product)
      : null;
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
  const ok = outsideOf(root);
  for (const el of Array.from(root.querySelectorAll('a, button'))) {
    const txt = el.getAttribute('aria-label') ?? el.textContent ?? '';
    // Only an invitation to Pro says the user is not on Pro or above; a bare "Upgrade" may lead to Team.
    // A link in a chat turn is someone's words, not the app's.
    if (textMatches(txt, rules().upgrade, true) && ok(el)) {
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
    if ((t === 'pro' || t === 'le chat pro' || t === 'vibe pro') && !el.closest(rules().notPlanScopes)) {
      return [{ product: 'vibe', plan: 'pro', kind: 'pro-badge', confidence: confidenceOf('pro-badge') }];
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// The plan wherever the page shows it to a person: a badge beside the organization's or workspace's name, a
// label/value pair, Studio's "Upgrade to Scale". These readers rest on what a person reads (the words, the
// accessibility tree, which item of a switcher is the active one), not on where one replica put it; a page that
// lists several plans (a pricing table, marketing text) or a plan named in a chat turn is never read as a plan.
// ---------------------------------------------------------------------------------------------------------------

/** Regions of the page's chrome where an organization or workspace is named: header, sidebar, menus, switchers. */
const CHROME =
  'header, nav, aside, [role="banner"], [role="navigation"], [role="menu"], [role="menubar"], [role="listbox"], [data-sidebar], [aria-haspopup], [role="combobox"]';
/** One item of a switcher or menu; when it has siblings, only the active one speaks of the current organization. */
const ITEM =
  '[role="option"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="radio"], [role="tab"], li';
/** Words of an invitation ("Upgrade to Team", "Passer à Pro"): a plan named in one is not the user's plan. */
const INVITE =
  /\b(upgrade|downgrade|try|get|buy|switch to|compare|passer|passez|essayer|obtenir|upgraden|wechseln|testen|actualizar|mejorar|probar|pasar|pásate|passa|prova|aggiorna|przejdź|ulepsz|wypróbuj|atualizar|assine|experimente)\b|ترقية|الترقية|جرّب/i;
const ACTIVE = (el: Element) =>
  el.getAttribute('aria-selected') === 'true' ||
  (el.hasAttribute('aria-current') && el.getAttribute('aria-current') !== 'false') ||
  el.getAttribute('aria-checked') === 'true' ||
  /^(checked|active|on|selected)$/.test(el.getAttribute('data-state') ?? '') ||
  el.getAttribute('data-active') === 'true' ||
  el.getAttribute('data-selected') === 'true';

/** The text directly inside an element (its own text nodes), without its children's. */
function directText(el: Element): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) s += n.nodeValue ?? '';
  return s.length && /\S/.test(s) ? s.replace(/\s+/g, ' ').trim() : '';
}

/**
 * Every plan id a region names in its short texts (to recognise pricing tables and plan lists); someone's words
 * (chat turns, conversation titles) and the inactive items of a switcher do not count.
 */
function plansNamedIn(region: Element, ok: (el: Element) => boolean): Set<PlanId> {
  const out = new Set<PlanId>();
  for (const el of [region, ...Array.from(region.querySelectorAll('*'))]) {
    const t = directText(el);
    if (!t || t.length > 40) continue;
    const p = planFromName(t);
    if (p && !out.has(p) && ok(el) && !inactiveItem(el)) out.add(p);
  }
  return out;
}

/** Is the element inside an item of a list of several (a switcher's options) that is not the active one? */
function inactiveItem(el: Element): boolean {
  const item = el.closest(ITEM);
  return (
    !!item &&
    !!item.parentElement &&
    Array.from(item.parentElement.children).filter((c) => c.matches(ITEM)).length > 1 &&
    !ACTIVE(item)
  );
}

/** Outermost chrome regions of the page (nested ones are searched through their ancestor). */
function chromeRegions(root: ParentNode): Element[] {
  const all = Array.from(root.querySelectorAll(CHROME));
  return all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
}

/** Which product a plan shown on this surface speaks of, or null when it cannot be that product's. */
function productOn(surface: SurfaceId, plan: PlanId, text: string, label = ''): 'vibe' | 'api' | null {
  const l = norm(label);
  let product: 'vibe' | 'api';
  if (/\bapi\b|studio|plateforme/.test(l)) product = 'api';
  else if (/\bvibe\b|le chat/.test(l)) product = 'vibe';
  else if (surface.startsWith('studio')) product = 'api';
  else if (surface.startsWith('vibe')) product = 'vibe';
  else product = rules().apiOnlyNames.includes(norm(text)) ? 'api' : 'vibe';
  return planFromName(text, product) === plan ? product : null;
}

/** Keep one reading per product, and none for a product the page names two different plans for. */
function agreeing(found: { product: 'vibe' | 'api'; plan: PlanId }[], kind: PlanSignalKind): PlanSignal[] {
  const out: PlanSignal[] = [];
  for (const product of ['vibe', 'api'] as const) {
    const plans = new Set(found.filter((f) => f.product === product).map((f) => f.plan));
    if (plans.size === 1) out.push({ product, plan: [...plans][0], kind, confidence: confidenceOf(kind) });
  }
  return out;
}

/**
 * A plan badge beside the organization's or workspace's name: in the page's chrome (header, sidebar, account
 * menu, switcher), a short text that is wholly a plan name, in a small unit that also shows a name, not inside a
 * link or button that is only that word (a "Team" navigation link), not in an invitation, and, in a list of
 * organizations, only on the active one. A chrome region that names three plans or more is a plan list: ignored.
 */
export function planBadge(root: ParentNode, surface: SurfaceId): PlanSignal[] {
  const found: { product: 'vibe' | 'api'; plan: PlanId }[] = [];
  const ok = outsideOf(root);
  for (const region of chromeRegions(root)) {
    if (!ok(region) || plansNamedIn(region, ok).size >= 3) continue;
    for (const el of [region, ...Array.from(region.querySelectorAll('*'))]) {
      const text = directText(el);
      if (!text || text.length > 40) continue;
      const plan = planFromName(text);
      if (!plan || !ok(el)) continue;
      const act = el.closest('a, button, [role="button"], [role="link"]');
      if (
        act &&
        act.tagName === 'A' &&
        /upgrade|pricing|plans|subscri|checkout|billing/i.test(act.getAttribute('href') ?? '')
      )
        continue;
      if (act && norm(act.textContent ?? '') === norm(text) && !act.hasAttribute('aria-haspopup')) continue;
      // The unit the badge belongs to: the switcher trigger, the menu item, or the badge's near ancestors.
      const unit =
        el.closest(`${ITEM}, button, [role="button"], [aria-haspopup], [role="combobox"], summary`) ??
        el.parentElement?.parentElement ??
        el.parentElement;
      if (!unit) continue;
      const unitText = norm(unit.textContent ?? '');
      if (unitText.length > 120 || INVITE.test(unitText)) continue;
      const names = Array.from(unit.querySelectorAll('*'))
        .concat(unit)
        .map(directText)
        .filter((t) => t && t !== text && t.length >= 2 && t.length <= 60 && !planFromName(t));
      if (names.length === 0) continue;
      if (inactiveItem(el)) continue;
      const product = productOn(surface, plan, text);
      if (product) found.push({ product, plan });
    }
  }
  return agreeing(found, 'plan-badge');
}

/**
 * A label/value pair that names the plan: "Plan · Scale", "Current plan: Free mode", `<dt>Plan</dt><dd>Team</dd>`,
 * a "Plan" label with the name in the next element. A pair whose surroundings name two plans or more (a table
 * of plans) is not read.
 */
export function planLabel(root: ParentNode, surface: SurfaceId): PlanSignal[] {
  const found: { product: 'vibe' | 'api'; plan: PlanId }[] = [];
  const fields = new Set(rules().planField.map(norm));
  const isField = (t: string) => !!t && t.length <= 30 && fields.has(t);
  const ok = outsideOf(root);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    // Cheap first: only an element whose own text opens with a field label ("Plan", "Votre offre :") is looked at.
    const raw = directText(el);
    if (!raw || raw.length > 60) continue;
    const own = norm(raw);
    if (!isField(own.replace(/\s*[:·•|].*$/, ''))) continue;
    if (!ok(el) || /^(SCRIPT|STYLE|TEMPLATE|OPTION|SELECT)$/.test(el.tagName)) continue;
    // 1. "Plan: Scale" in one element (its value possibly in a child: "Plan · <b>Scale</b>").
    const full = norm(el.textContent ?? '');
    if (full.length <= 60 && /[:·•|]/.test(full)) {
      const m = /^(.{2,30}?)\s*[:·•|]\s*(.+)$/.exec(full);
      if (m && isField(m[1])) {
        const plan = planFromName(m[2]);
        if (plan && !plansAround(el, 2, ok)) {
          const product = productOn(surface, plan, m[2], m[1]);
          if (product) found.push({ product, plan });
        }
        continue;
      }
    }
    // 2. A label element, its value in the next element (or its parent's next one).
    if (!isField(own)) continue;
    let value: Element | null = el.nextElementSibling;
    if (!value && el.parentElement && el.parentElement.children.length === 1)
      value = el.parentElement.nextElementSibling;
    if (!value || !ok(value)) continue;
    const vt = (value.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!vt || vt.length > 40) continue;
    const plan = planFromName(vt);
    if (!plan || plansAround(el, 3, ok)) continue;
    const product = productOn(surface, plan, vt, own);
    if (product) found.push({ product, plan });
  }
  return agreeing(found, 'plan-label');
}

/** Does the neighbourhood of a label (a few levels up) name two plans or more: a table or list of plans? */
function plansAround(el: Element, levels: number, ok: (el: Element) => boolean): boolean {
  let node: Element = el;
  for (let i = 0; i < levels && node.parentElement && node.parentElement.tagName !== 'BODY'; i++)
    node = node.parentElement;
  return plansNamedIn(node, ok).size >= 2;
}

/** Studio's "Upgrade to Scale" banner or button: the free API plan (a cue). */
export function upgradeBanner(root: ParentNode): PlanSignal[] {
  for (const el of Array.from(
    root.querySelectorAll('a, button, [role="button"], [role="alert"], [role="status"], p, span, div, strong'),
  )) {
    const own =
      el.tagName === 'A' || el.tagName === 'BUTTON'
        ? (el.getAttribute('aria-label') ?? el.textContent ?? '')
        : directText(el);
    if (own.length > 80 || !/scale/i.test(own)) continue;
    if (textMatches(own, rules().upgradeScale, true) && !el.closest(rules().notPlanScopes))
      return [{ product: 'api', plan: 'free', kind: 'upgrade-banner', confidence: confidenceOf('upgrade-banner') }];
  }
  return [];
}
