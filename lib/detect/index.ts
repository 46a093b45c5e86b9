/**
 * Everything Windsock reads off one page, as a pure function of its URL and document: the surface, the
 * controls and plan signals its site rules name, the organization's name, and a record of which detector
 * matched (for the popup's "What Windsock sees here"). Never message text, names or emails.
 */
import type { ObservationInput } from '../store/schema';
import { surfaceOf, type SurfaceId } from '../surfaces';
import { readControls } from './controls';
import { readPlanSignals, type PlanSignal } from './plan';
import { CONTROL_RULES, PLAN_SIGNALS } from './rules';
import { norm } from './text';

export interface DetectorResult {
  id: string;
  matched: boolean;
  value?: string;
  how?: string;
  locked?: boolean;
}

export interface PageDetection {
  surface: SurfaceId | null;
  observations: ObservationInput[];
  planSignals: PlanSignal[];
  detectors: DetectorResult[];
  orgName?: string;
}

export function detectPage(doc: Document, url: string): PageDetection {
  const surface = surfaceOf(url);
  if (!surface) return { surface: null, observations: [], planSignals: [], detectors: [] };
  const observations: ObservationInput[] = [];
  const detectors: DetectorResult[] = [];
  const rules = CONTROL_RULES[surface.id] ?? [];
  const readings = safe(() => readControls(doc, rules), []);
  for (const rule of rules) {
    const r = readings.find((x) => x.control === rule.control);
    detectors.push(r ? { id: rule.control, matched: true, value: r.value, how: r.how, locked: r.locked } : { id: rule.control, matched: false });
    if (r) observations.push({ key: rule.control, value: r.value as ObservationInput['value'], via: 'page', ...(r.locked ? { locked: true } : {}) });
  }
  const planSignals = safe(() => readPlanSignals(doc, surface.id), []);
  for (const kind of PLAN_SIGNALS.filter((s) => s.surfaces.includes(surface.id))) {
    const sig = planSignals.filter((s) => s.kind === kind.kind);
    detectors.push(sig.length ? { id: `plan:${kind.kind}`, matched: true, value: sig.map((s) => `${s.product}=${s.plan}`).join(' ') } : { id: `plan:${kind.kind}`, matched: false });
  }
  // One observation per product: the most trusted signal on this page.
  for (const product of ['vibe', 'api'] as const) {
    const best = planSignals.filter((s) => s.product === product).sort((a, b) => b.confidence - a.confidence)[0];
    if (best) observations.push({ key: `plan:${product}`, value: best.plan, via: best.kind === 'pro-badge' || best.kind === 'upgrade-link' ? 'visible-cue' : 'page', confidence: best.confidence });
  }
  const orgName = surface.host === 'admin.mistral.ai' ? safe(() => readOrgName(doc), undefined) : undefined;
  return { surface: surface.id, observations, planSignals, detectors, ...(orgName ? { orgName } : {}) };
}

/** The organization switcher's label on the Admin Panel ("Switch organization: Acme SAS", or its text). */
function readOrgName(doc: Document): string | undefined {
  const el =
    doc.querySelector('[data-organization-name], [data-org-name]') ??
    doc.querySelector('[aria-label*="organization" i], [aria-label*="organisation" i]');
  if (!el) return undefined;
  const data = el.getAttribute('data-organization-name') ?? el.getAttribute('data-org-name');
  const aria = el.getAttribute('aria-label') ?? '';
  const raw = data ?? (aria.includes(':') ? aria.slice(aria.indexOf(':') + 1) : (el.textContent ?? ''));
  const name = raw.replace(/\s+/g, ' ').trim();
  return name && name.length <= 80 && !/^(switch )?organi[sz]ation$/i.test(norm(name)) ? name : undefined;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
