/**
 * The page's structure for a diagnostic report, detailed enough for Windsock's detectors to run on it again
 * (`npm run fixture -- report.json` turns it into a replica fixture).
 * Privacy invariant: it never holds anyone's words — what is kept and what never is: see `skeleton`.
 * Bounded in size and depth. Tests: test/unit/skeleton.test.ts.
 */
import { planFromName } from './plan-names';
import { rules, type Ruleset } from './ruleset';
import { retentionValue } from './controls';
import { norm, textMatches } from './text';

export interface SkeletonNode {
  t: string;
  role?: string;
  /** aria-label (or title), when it may be kept; `label: ''` with `lm` when masked. */
  label?: string;
  /** data-* attribute names. */
  data?: string[];
  /** Allow-listed attribute values. */
  a?: Record<string, string>;
  /** The element's own text, when it may be kept. */
  x?: string;
  /** Length of the element's own text, when masked. */
  m?: number;
  c?: SkeletonNode[];
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'META',
  'LINK',
  'IFRAME',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
]);
const STATES = [
  'aria-checked',
  'aria-pressed',
  'aria-selected',
  'aria-current',
  'aria-expanded',
  'aria-haspopup',
  'aria-disabled',
  'type',
  'disabled',
];
const DATA_VALUES = ['data-state', 'data-message-author-role', 'data-message-part-type', 'data-sidebar'];
/** Where names live: organization and account switchers and menus. */
const IDENTITY =
  '[aria-haspopup], [role="combobox"], [role="listbox"], [role="menu"], [data-organization-id], [data-organization-name], [data-org-name]';
const UI_TEXT =
  'h1, h2, h3, h4, h5, h6, label, legend, dt, th, button, summary, a, [role="tab"], [role="switch"], [role="checkbox"], [role="button"], [role="menuitem"], [role="heading"], [role="status"]';
const PERSONAL = /@|\d{3,}/;
const SWITCHES = '[role="switch"], input[type="checkbox"], [role="checkbox"]';

/** A text Windsock knows as interface wording, in any of its languages. */
function known(text: string): boolean {
  const t = norm(text).replace(/\s*[:·•|]$/, '');
  if (!t || t.length > 60) return false;
  const r = rules();
  return (
    !!planFromName(t) ||
    !!retentionValue(t) ||
    r.status.on.includes(t) ||
    r.status.off.includes(t) ||
    textMatches(
      t,
      [
        ...r.planField,
        ...r.currentPlan,
        ...r.upgrade,
        ...r.upgradeScale,
        ...r.managed,
        ...r.subscriptionTabs.vibe,
        ...r.subscriptionTabs.api,
      ],
      false,
    )
  );
}

function pathOf(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    const b = new URL(base);
    const path = u.pathname
      .split('/')
      .map((s) => (s.length >= 8 && /\d/.test(s) ? ':id' : s))
      .join('/');
    return u.host === b.host ? path : `${u.protocol}//${u.host}${path}`;
  } catch {
    return null;
  }
}

/**
 * The skeleton of `root`, at most `maxNodes` nodes and `maxDepth` levels.
 *
 * kept: tag names; roles; the states a person sees (aria-checked / -pressed / -selected / -current /
 *   -expanded / -haspopup / -disabled, disabled, checked, selected, data-state); data-* attribute NAMES (values
 *   only for a few structural ones: data-state, data-message-author-role, data-message-part-type, data-sidebar);
 *   ids that labels point at (for, aria-labelledby, aria-controls); link paths with ids replaced by ":id";
 *   icon class names; the opening of icon paths; and short texts that are interface wording: a text Windsock
 *   knows (plan names, field labels, statuses, retention choices, upgrade invitations), a control's label (the
 *   text a label points at, or a text in the same small row as a switch, checkbox or select), or, on the Admin
 *   Panel and Studio, a heading's, label's, button's or tab's text.
 * never: chat turns, the composer, conversation titles (lib/detect/rules.ts USER_CONTENT), anything in an
 *   organization or account switcher or menu that Windsock does not know as a label (names live there), any
 *   text with an "@" or a run of three digits or more, input values. Masked text is kept as its length only.
 */
/** What the on-demand skeleton script (entrypoints/skeleton.content.ts) hands the reading script that asked. */
export interface SkeletonPart {
  /** The skeleton of `root`, read with the asking script's rules (the injected script holds none of its own). */
  skeleton(root: Element, ruleset: Ruleset): SkeletonNode | null;
}

export function skeleton(root: Element, maxNodes = 1500, maxDepth = 25): SkeletonNode | null {
  const doc = root.ownerDocument;
  const base = doc?.location?.href ?? 'https://invalid/';
  const host = doc?.location?.hostname ?? '';
  const uiHost = host === 'admin.mistral.ai' || host === 'console.mistral.ai';
  const allIds = new Set<string>();
  const labelRefs = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('[for], [aria-labelledby], [aria-controls]')))
    for (const a of ['for', 'aria-labelledby', 'aria-controls']) {
      const ids = (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean);
      for (const id of ids) allIds.add(id);
      // Labels of controls, not of switchers (aria-haspopup): those would carry an organization's name.
      if (a !== 'aria-controls' && !el.hasAttribute('aria-haspopup')) for (const id of ids) labelRefs.add(id);
    }
  const userScopes = Array.from(root.querySelectorAll(rules().userContent));
  const inUser = (el: Element) => userScopes.some((s) => s === el || s.contains(el));

  /** May this interface text of `el` be kept? */
  const keep = (text: string, el: Element): boolean => {
    if (!text || text.length > 60 || (PERSONAL.test(text) && !retentionValue(text))) return false;
    if (inUser(el)) return false;
    if (known(text)) return true;
    // A switch's label: a text in the same small row as one switch or checkbox (a settings row, even in a menu).
    if (switchRow(el)) return true;
    if (el.closest(IDENTITY)) return false;
    // What a control's label points at (never from a switcher: those name organizations and workspaces).
    for (let n: Element | null = el, i = 0; n && i < 3; n = n.parentElement, i++)
      if (n.id && labelRefs.has(n.id)) return true;
    // On the settings hosts: a status row's label ("Zero data retention" … "Active").
    if (uiHost && statusRow(el)) return true;
    return uiHost && !!el.closest(UI_TEXT);
  };
  const switchRow = (el: Element): boolean => {
    for (let n: Element | null = el, i = 0; n && i < 2; n = n.parentElement, i++) {
      const controls = n.querySelectorAll(SWITCHES);
      if (controls.length > 1) return false;
      if (controls.length === 1) return (n.textContent ?? '').length <= 150;
    }
    return false;
  };
  const statusRow = (el: Element): boolean => {
    const row = el.parentElement?.parentElement;
    if (!row || (row.textContent ?? '').length > 300) return false;
    return Array.from(row.querySelectorAll('span, div, p, strong, b, small, dd, td, [role="status"]')).some(
      (s) =>
        s !== el &&
        !s.children.length &&
        (rules().status.on.includes(norm(s.textContent ?? '')) ||
          rules().status.off.includes(norm(s.textContent ?? ''))),
    );
  };

  let count = 0;
  const walk = (el: Element, depth: number): SkeletonNode | null => {
    const tag = el.tagName.toUpperCase();
    if (count >= maxNodes || SKIP.has(tag)) return null;
    count++;
    const node: SkeletonNode = { t: el.tagName.toLowerCase() };
    const role = el.getAttribute('role');
    if (role) node.role = role.slice(0, 40);
    const a: Record<string, string> = {};
    for (const n of STATES) {
      const v = el.getAttribute(n);
      if (v !== null) a[n] = v.slice(0, 20);
    }
    for (const n of DATA_VALUES) {
      const v = el.getAttribute(n);
      if (v !== null) a[n] = v.slice(0, 30);
    }
    if (tag === 'INPUT' && (el as HTMLInputElement).checked) a.checked = '';
    if (tag === 'OPTION' && (el as HTMLOptionElement).selected) a.selected = '';
    const id = el.getAttribute('id');
    if (id && allIds.has(id) && id.length <= 40) a.id = id;
    for (const n of ['for', 'aria-labelledby', 'aria-controls']) {
      const v = el.getAttribute(n);
      if (v && v.length <= 80) a[n] = v;
    }
    const href = tag === 'A' ? el.getAttribute('href') : null;
    if (href) {
      const p = pathOf(href, base);
      if (p) a.href = p;
    }
    const cls = (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter(
        (c) =>
          c.length <= 40 &&
          /^(lucide[\w-]*|ProseMirror|markdown-container-style|[\w-]*(badge|thumb|copy|plan)[\w-]*)$/i.test(c),
      );
    if (cls.length) a.class = cls.join(' ');
    if (tag === 'PATH') {
      const d = el.getAttribute('d');
      if (d) a.d = d.slice(0, 24);
    }
    if (tag === 'SVG') {
      const fill = el.getAttribute('fill');
      if (fill) a.fill = fill.slice(0, 20);
    }
    if (depth === 0 && doc?.documentElement?.getAttribute('lang'))
      a.lang = doc.documentElement.getAttribute('lang')!.slice(0, 10);
    if (Object.keys(a).length) node.a = a;
    const data = Array.from(el.attributes)
      .map((x) => x.name)
      .filter((n) => n.startsWith('data-') && n !== 'data-ws-id');
    if (data.length) node.data = data.slice(0, 12);
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      if (
        keep(v.trim(), el) ||
        (!inUser(el) &&
          !el.closest(IDENTITY) &&
          !PERSONAL.test(v) &&
          v.length <= 60 &&
          /^(button|a|input|select|textarea)$/i.test(el.tagName))
      )
        node.label = v.trim();
      else node.label = '';
      break;
    }
    let own = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue ?? '';
    own = own.replace(/\s+/g, ' ').trim();
    if (own && tag !== 'TEXTAREA') {
      if (keep(own, el)) node.x = own;
      else node.m = Math.min(own.length, 60);
    }
    if (depth < maxDepth) {
      const kids = Array.from(el.children)
        .map((c) => walk(c, depth + 1))
        .filter((x): x is SkeletonNode => !!x);
      if (kids.length) node.c = kids;
    }
    return node;
  };
  return walk(root, 0);
}
