/**
 * Everything Windsock reads off one page, as a pure function of its URL and document: the surface, the
 * controls and plan signals its site rules name, the organization's name, and a record of which detector
 * matched (for the popup's "What Windsock sees here"). Never message text, names or emails.
 */
import type { ObservationInput } from '../store/schema';
import type { PlanSignalKind, SurfaceId } from '../surfaces';
import type { OrderReader, readControls } from './controls';
import { readPlanSignals, type PlanReader, type PlanSignal } from './plan';
import { productsOn, rules, surfaceIn } from './ruleset';
import { readOrg } from './org';

/**
 * The detectors one content script carries (lib/page/kit-chat.ts, lib/page/kit-admin.ts, lib/page/kit-studio.ts): each host bundles only
 * its own. The rules they read (which controls each settings page shows, their labels, the plan signals) are
 * data, in lib/detect/ruleset.ts: what the background sent for this host, or, in the tests, every host's.
 */
export interface DetectKit {
  controls: typeof readControls;
  /** The reader of the documented order of a settings page's controls, used when no label is recognised. */
  controlOrder?: OrderReader;
  readers: Partial<Record<PlanSignalKind, PlanReader>>;
  orgName?: (doc: Document) => string | undefined;
}

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
  /** The page's own id of its organization, when it shows one. */
  orgId?: string;
}

export function detectPage(doc: Document, url: string, kit: DetectKit): PageDetection {
  // No rules (none arrived from the background): no surface, nothing read.
  const surface = safe(() => surfaceIn(url), null);
  if (!surface) return { surface: null, observations: [], planSignals: [], detectors: [] };
  const ruleset = rules();
  const observations: ObservationInput[] = [];
  const detectors: DetectorResult[] = [];
  const controlRules = ruleset.controls[surface.id] ?? [];
  const list = ruleset.order[surface.id];
  const readings = safe(
    () => kit.controls(doc, controlRules, list && kit.controlOrder ? { list, read: kit.controlOrder } : undefined),
    [],
  );
  for (const rule of controlRules) {
    const r = readings.find((x) => x.control === rule.control);
    detectors.push(
      r
        ? { id: rule.control, matched: true, value: r.value, how: r.how, locked: r.locked }
        : { id: rule.control, matched: false },
    );
    if (r)
      observations.push({
        key: rule.control,
        value: r.value as ObservationInput['value'],
        via: 'page',
        ...(r.locked ? { locked: true } : {}),
        ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
      });
  }
  const planSignals = safe(() => readPlanSignals(doc, surface.id, kit.readers), []);
  for (const kind of ruleset.planSignals.filter((s) => s.surfaces.includes(surface.id) && kit.readers[s.kind])) {
    const sig = planSignals.filter((s) => s.kind === kind.kind);
    detectors.push(
      sig.length
        ? { id: `plan:${kind.kind}`, matched: true, value: sig.map((s) => `${s.product}=${s.plan}`).join(' ') }
        : { id: `plan:${kind.kind}`, matched: false },
    );
  }
  // One observation per product: the most trusted signal on this page, unless a signal nearly as trusted names
  // another plan (then the page does not say, and nothing is read: unknown rather than a wrong plan).
  // Only the products this page can speak of (a chat page never reports the API plan: the background would refuse it).
  for (const product of productsOn(ruleset.planSignals, ruleset.hostProducts, surface)) {
    const sigs = planSignals.filter((s) => s.product === product).sort((a, b) => b.confidence - a.confidence);
    const best = sigs[0];
    if (!best || sigs.some((s) => s.plan !== best.plan && best.confidence - s.confidence < 0.15)) continue;
    const cue = ruleset.planSignals.find((s) => s.kind === best.kind)?.cue;
    observations.push({
      key: `plan:${product}`,
      value: best.plan,
      via: cue ? 'visible-cue' : 'page',
      confidence: best.confidence,
    });
  }
  // The organization the page shows as active: on the Admin Panel its switcher, on the chat app its
  // organization/workspace menu (which says whose settings a chat page's readings are).
  const org =
    surface.host === 'console.mistral.ai' ? {} : safe(() => readOrg(doc, surface.host === 'admin.mistral.ai'), {});
  const orgName =
    org.name ??
    (surface.host === 'admin.mistral.ai' && kit.orgName ? safe(() => kit.orgName!(doc), undefined) : undefined);
  return {
    surface: surface.id,
    observations,
    planSignals,
    detectors,
    ...(orgName ? { orgName } : {}),
    ...(org.id ? { orgId: org.id } : {}),
  };
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
