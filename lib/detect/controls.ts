/**
 * Reading privacy controls off a page by their label text: a pure function of a DOM tree (`readControls`).
 * Invariant: nothing found is reported as nothing — the verdict then says "unknown", never "off".
 * Disabled controls are reported as `locked`; a control read by structure rather than label (lib/detect/order.ts)
 * is marked `how: 'order …'` with a lower confidence. Tests: test/unit/detect.test.ts and the metamorphic ones.
 */
import { rules, rulesGeneration, textsOf as labelTexts, type ControlRule, type OrderedControl } from './ruleset';
import type { ControlId } from '../policy/schema';
import { norm, normMatches, ownText } from './text';
import { TEST_BUILD } from '../test-build';

export interface ControlReading {
  control: ControlId;
  value: string;
  locked: boolean;
  /** Which markup it was found in, for the diagnostic report. */
  how: string;
  /** Below 1 for a structural inference (read by order, not by label). */
  confidence?: number;
}

const CONTROL_SEL =
  '[role="switch"], input[type="checkbox"], [role="checkbox"], select, [role="combobox"], button[aria-pressed]';
const LABEL_CANDIDATES = 'label, span, p, div, h1, h2, h3, h4, h5, h6, dt, td, th, legend, strong, b';
const MAX_ROW_DEPTH = 4;

/**
 * Counters of the work one readControls call did, for the complexity test (test/unit/detect-cost.test.ts): the
 * page is walked a fixed number of times, whatever the number of controls and labels.
 */
export const controlStats = { documentScans: 0, nameLookups: 0 };

/** What one pass over the page learns, shared by every rule: each control with its name, each label text. */
export interface PageIndex {
  /** Each control and its accessible name, normalised (norm). */
  controls: { el: Element; name: string }[];
  /** Each element that carries text of its own, normalised. */
  candidates: { el: Element; own: string }[];
}

/** The first few characters of a text as norm() would give them, cheaply (most texts on a page are no label). */
const head = (s: string, n: number) => norm(s.trimStart().slice(0, n + 8)).slice(0, n);

function indexPage(root: ParentNode, rules: ControlRule[]): PageIndex {
  // Only texts that start like one of the labels are normalised in full and kept.
  const all = rules.flatMap((r) => labelTexts(r.labels)).map(norm);
  const n = Math.min(4, ...all.map((l) => l.length));
  const heads = new Set(all.map((l) => l.slice(0, n)));
  const maybe = (raw: string) => heads.has(head(raw, n));
  const doc = (root as Node).ownerDocument ?? (root as Document);
  // label[for] → its text, in one pass (not one pass over every label per control: that was O(controls × labels)).
  const labelFor = new Map<string, string>();
  if (TEST_BUILD) controlStats.documentScans++;
  for (const l of Array.from(doc.querySelectorAll('label[for]'))) {
    const f = l.getAttribute('for');
    if (f && !labelFor.has(f)) labelFor.set(f, l.textContent ?? '');
  }
  if (TEST_BUILD) controlStats.documentScans++;
  const controls = Array.from(root.querySelectorAll(CONTROL_SEL)).map((el) => {
    const raw = accessibleName(el, root, labelFor);
    return { el, name: maybe(raw) ? norm(raw) : '' };
  });
  if (TEST_BUILD) controlStats.documentScans++;
  const candidates: PageIndex['candidates'] = [];
  for (const el of Array.from(root.querySelectorAll(LABEL_CANDIDATES))) {
    const raw = ownText(el);
    if (!raw || !maybe(raw)) continue;
    const own = norm(raw);
    if (own) candidates.push({ el, own });
  }
  return { controls, candidates };
}

/** Reads a page by its documented order (lib/detect/order.ts); only the Admin Panel's kit carries it. */
export type OrderReader = (
  root: ParentNode,
  index: PageIndex,
  order: OrderedControl[],
  placed: ReadonlyMap<ControlId, Element>,
  skip: ReadonlySet<ControlId>,
) => ControlReading[];

/**
 * For each rule, find an element whose own text is one of the rule's labels, then the control that label
 * belongs to, in any of the usual markups:
 * - `[role=switch][aria-checked]` (shadcn/Radix also sets `data-state=checked|unchecked`);
 * - `input[type=checkbox]` inside the `<label>`, or tied to it by `for`, or labelled by `aria-labelledby`;
 * - `[role=checkbox][aria-checked]`; a toggle `button[aria-pressed]`; `<select>` or `[role=combobox]` for the retention policy;
 * - otherwise the nearest such control in the label's row (the smallest ancestor holding one control).
 * A status (ZDR) is read from the words next to its label.
 *
 * Where labels fail, structure decides: on a documented settings page (rules.ts ADMIN_CONTROL_ORDER), the controls
 * none of whose labels is recognised (a language Windsock lacks) are read by their documented order, but only when
 * the page's one main region holds exactly the documented controls, of the documented kinds, in that order, and
 * nothing else, and every control read by its label sits at its documented place (lib/detect/order.ts).
 */
export function readControls(
  root: ParentNode,
  rules: ControlRule[],
  order?: { list: OrderedControl[]; read: OrderReader },
): ControlReading[] {
  const out: ControlReading[] = [];
  const used = new Set<Element>();
  if (!rules.length) return out;
  let index: PageIndex;
  try {
    index = indexPage(root, rules);
  } catch {
    return out;
  }
  const placed = new Map<ControlId, Element>();
  for (const rule of rules) {
    try {
      const r = readOne(index, rule, used, placed);
      if (r) out.push(r);
    } catch {
      // A detector that trips over odd markup reads nothing.
    }
  }
  if (order?.list.some((o) => o.kind !== 'status' && !placed.has(o.control))) {
    try {
      // Controls whose label is on the page are the labels' to read: by order only those with no label recognised,
      // and only if every control read by its label was found (so the order can be checked against it).
      const recognised = new Set(rules.filter((r) => labelOnPage(index, r)).map((r) => r.control));
      const understood = rules.every((r) => r.kind === 'status' || !recognised.has(r.control) || placed.has(r.control));
      if (understood) out.push(...order.read(root, index, order.list, placed, recognised));
    } catch {
      // Odd markup: nothing read by order either.
    }
  }
  return out;
}

/** Whether any label of this control is on the page (as a control's name or as text). */
function labelOnPage(index: PageIndex, rule: ControlRule): boolean {
  const normLabels = labelTexts(rule.labels).map(norm);
  return (
    index.controls.some((c) => c.name && normMatches(c.name, normLabels)) ||
    index.candidates.some((c) => normMatches(c.own, normLabels, true))
  );
}

function readOne(
  index: PageIndex,
  rule: ControlRule,
  used: Set<Element>,
  placed: Map<ControlId, Element>,
): ControlReading | null {
  const labels = labelTexts(rule.labels);
  const normLabels = labels.map(norm);
  // 1. Controls that name themselves (aria-label, aria-labelledby, wrapping label, label[for]).
  for (const { el, name } of index.controls) {
    if (used.has(el)) continue;
    if (name && normMatches(name, normLabels) && !el.closest(rules().userContent)) {
      const r = valueOf(el, rule);
      if (r) {
        used.add(el);
        placed.set(rule.control, el);
        return { control: rule.control, ...r, how: `named ${describe(el)}` };
      }
    }
  }
  // 2. A text element with the label, and a control in its row.
  const labelEl = findLabelElement(index, normLabels);
  if (!labelEl) return null;
  if (rule.kind === 'status') {
    const control = rowControl(labelEl, used);
    if (control) {
      const r = valueOf(control, rule);
      if (r) return { control: rule.control, ...r, how: `row ${describe(control)}` };
    }
    const status = statusNear(labelEl, labels);
    return status ? { control: rule.control, value: status, locked: false, how: 'status text' } : null;
  }
  const control = rowControl(labelEl, used);
  if (!control) return null;
  const r = valueOf(control, rule);
  if (!r) return null;
  used.add(control);
  placed.set(rule.control, control);
  return { control: rule.control, ...r, how: `row ${describe(control)}` };
}

export function describe(el: Element): string {
  const role = el.getAttribute('role');
  return role
    ? `${el.tagName.toLowerCase()}[role=${role}]`
    : el.tagName.toLowerCase() + (el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '');
}

function byId(root: ParentNode, id: string): Element | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return doc.getElementById?.(id) ?? null;
}

/** The control's name as assistive technology would compute it (the parts that matter here). */
export function accessibleName(el: Element, root: ParentNode, labelFor?: Map<string, string>): string {
  if (TEST_BUILD) controlStats.nameLookups++;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const txt = labelledby
      .split(/\s+/)
      .map((id) => byId(root, id)?.textContent ?? '')
      .join(' ');
    if (norm(txt)) return txt;
  }
  const aria = el.getAttribute('aria-label');
  if (aria && norm(aria)) return aria;
  const id = el.getAttribute('id');
  if (id) {
    if (labelFor) {
      const text = labelFor.get(id);
      if (text !== undefined) return text;
    } else {
      const doc = (root as Node).ownerDocument ?? (root as Document);
      for (const l of Array.from(doc.querySelectorAll('label[for]')))
        if (l.getAttribute('for') === id) return l.textContent ?? '';
    }
  }
  const wrap = el.closest('label');
  if (wrap) return wrap.textContent ?? '';
  return '';
}

function findLabelElement(index: PageIndex, normLabels: string[]): Element | null {
  let best: Element | null = null;
  for (const { el, own } of index.candidates) {
    if (normMatches(own, normLabels, true) && !el.closest(rules().userContent)) {
      // Prefer the innermost element that carries the label.
      if (!best || best.contains(el)) best = el;
    }
  }
  return best;
}

/** The one control in the label's row: the smallest ancestor (up to a few levels) holding exactly one. */
function rowControl(labelEl: Element, used: Set<Element>): Element | null {
  const forId = labelEl.getAttribute('for');
  if (forId) {
    const target = labelEl.ownerDocument?.getElementById(forId);
    if (target && target.matches(CONTROL_SEL)) return target;
  }
  const inside = labelEl.querySelector(CONTROL_SEL);
  if (inside && !used.has(inside)) return inside;
  let node: Element | null = labelEl;
  for (let depth = 0; node && depth < MAX_ROW_DEPTH; depth++) {
    node = node.parentElement;
    if (!node) break;
    const found = Array.from(node.querySelectorAll(CONTROL_SEL)).filter((c) => !used.has(c));
    if (found.length === 1) return found[0];
    if (found.length > 1) return null; // The row holds several controls: too ambiguous to pick one.
  }
  return null;
}

function isLocked(el: Element): boolean {
  if (el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('data-disabled'))
    return true;
  if (el.closest('fieldset[disabled]')) return true;
  // "Managed by your organization" in the control's own row: the largest ancestor (a few levels up) that holds no
  // other control. Not a fixed ancestor: a switch may sit directly in its row or deep inside it, and the words
  // on one row must not mark the next.
  let row: Element = el;
  for (let depth = 0; depth <= MAX_ROW_DEPTH; depth++) {
    const up: Element | null = row.parentElement;
    // (A Radix combobox's hidden native <select> is the same control.)
    if (
      !up ||
      Array.from(up.querySelectorAll(CONTROL_SEL)).filter((c) => c.getAttribute('aria-hidden') !== 'true').length > 1
    )
      break;
    row = up;
  }
  if (row === el) return false;
  // The row's words, however long its description (bounded: a row is not a page).
  const text = norm((row.textContent ?? '').slice(0, 4000));
  if (managedFor !== rulesGeneration()) {
    managedNorm = rules().managed.map(norm);
    managedFor = rulesGeneration();
  }
  return managedNorm.some((n) => text.includes(n));
}
let managedNorm: string[] = [];
let managedFor = -1;

export function valueOf(el: Element, rule: Pick<ControlRule, 'kind'>): { value: string; locked: boolean } | null {
  const locked = isLocked(el);
  if (rule.kind === 'select') {
    let text: string;
    if (el.tagName === 'SELECT') {
      const sel = el as HTMLSelectElement;
      text = sel.selectedOptions?.[0]?.textContent ?? sel.value;
    } else text = el.textContent ?? '';
    const v = retentionValue(text);
    return v ? { value: v, locked } : null;
  }
  const role = el.getAttribute('role');
  if (el.tagName === 'INPUT') return { value: (el as HTMLInputElement).checked ? 'on' : 'off', locked };
  // A toggle button (aria-pressed) labelled as the control: pressed is on.
  if (!role && (el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-pressed') === 'false'))
    return rule.kind === 'switch' ? { value: el.getAttribute('aria-pressed') === 'true' ? 'on' : 'off', locked } : null;
  if (role === 'switch' || role === 'checkbox') {
    const checked = el.getAttribute('aria-checked') ?? el.getAttribute('data-state');
    if (checked === 'true' || checked === 'checked') return { value: 'on', locked };
    if (checked === 'false' || checked === 'unchecked') return { value: 'off', locked };
    const ds = el.getAttribute('data-state');
    if (ds === 'checked') return { value: 'on', locked };
    if (ds === 'unchecked') return { value: 'off', locked };
  }
  return null;
}

export function retentionValue(text: string): string | null {
  const t = norm(text);
  if (!t) return null;
  for (const [value, words] of Object.entries(rules().retention))
    if (words.some((w) => t === w || t.startsWith(w + ' ') || t.endsWith(' ' + w))) return value;
  return null;
}

/** Elements that stand apart from their neighbours' words: a status beside them is a badge of its own. */
const BLOCK = /^(P|DIV|UL|OL|LI|DL|DT|DD|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|NAV|H[1-6]|TABLE|FORM|FIELDSET|BUTTON)$/;

/** Whether `child` sits among other words in `parent`: a text of its own there, or an inline element with words. */
function amongWords(child: Element, parent: Element): boolean {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n === child || !norm(n.textContent ?? '')) continue;
    if (n.nodeType !== 1 || !BLOCK.test((n as Element).tagName)) return true;
  }
  return false;
}

/**
 * "Zero data retention: Active", or a status badge in the label's row ("Not enabled"). Only a short text that
 * is wholly a status phrase counts, so a description ("When zero data retention is enabled, …") never does.
 */
function statusNear(labelEl: Element, labels: string[]): string | null {
  const phrase = (text: string): string | null => {
    let t = norm(text)
      .replace(/[.:;,()!]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    for (const p of ['status', 'statut']) if (t.startsWith(p + ' ')) t = t.slice(p.length + 1);
    if (!t || t.length > 30) return null;
    if (rules().status.off.includes(t)) return 'off';
    if (rules().status.on.includes(t)) return 'on';
    return null;
  };
  // A status word is read with the words around it: `<i/><span>Not</span> <span>enabled</span>` is "not enabled",
  // not "enabled". Going up to the row (never to an element holding the label), an enclosing element whose words
  // are a status phrase gives it; otherwise a badge that stands beside blocks only (a description, a button) keeps
  // its word, and one among other words ("Once <b>approved</b>, it shows here", "<span>Soon</span>
  // <span>enabled</span>") makes the reading unknown (never "on" by a word out of context).
  // (The walk stops at the row at the latest: the row holds the label.)
  const enclosing = (el: Element, v: string): string | null => {
    let best: string | null = v;
    for (let from = el, a = el.parentElement; a && !a.contains(labelEl); from = a, a = a.parentElement) {
      const whole = phrase(a.textContent ?? '');
      if (whole) best = whole;
      else return amongWords(from, a) ? null : best;
    }
    return best;
  };
  let own = norm(labelEl.textContent ?? '');
  for (const l of labels) own = own.replace(norm(l), ' ');
  const inline = phrase(own);
  if (inline) return inline;
  let node: Element | null = labelEl.parentElement;
  for (let depth = 0; node && depth < MAX_ROW_DEPTH; depth++) {
    for (const el of Array.from(node.querySelectorAll('span, div, p, strong, b, small, dd, td, [role="status"]'))) {
      if (el === labelEl || el.contains(labelEl)) continue;
      const v = phrase(el.textContent ?? '');
      if (v) return enclosing(el, v);
    }
    node = node.parentElement;
  }
  return null;
}
