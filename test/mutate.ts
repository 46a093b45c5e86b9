/**
 * The fixture mutator: rewrites a replica page in the ways the real site may differ from it, for the
 * metamorphic tests (test/unit/metamorphic.test.ts). Each mutation is a pure function of a parsed document
 * (happy-dom, scripts off) and a seed; it changes the markup, never what a person would read as the plan or a
 * setting's state. A detector must read a mutant the same as the original, or not at all ("unknown"); reading a
 * different value is a bug.
 *
 * Every element of the original carries `data-ws-id` (set by `tagElements`) so that readings tied to one element
 * (the in-page warnings' targets) can be compared across a mutation; mutations that replace an element copy it.
 */
import {
  CONTROL_LABELS,
  CURRENT_PLAN_LABELS,
  LANGS,
  MANAGED_LABELS,
  PLAN_FIELD_LABELS,
  RETENTION_LABELS,
  STATUS_LABELS,
  SUBSCRIPTION_TAB_LABELS,
  UPGRADE_LABELS,
  UPGRADE_SCALE_LABELS,
  labelTexts,
  type Lang,
  type LabelSet,
} from '@/lib/detect/rules';
import { planFromName } from '@/lib/detect/plan-names';
import { PLAN_NAME_LABELS } from '@/lib/policy/labels';
import { ATTACH_LABELS } from '@/lib/warnings/attach';
import { FEEDBACK_LABELS } from '@/lib/warnings/feedback';
import { SHARE_LABELS } from '@/lib/warnings/share';
import { norm } from '@/lib/detect/text';

export type Mutation = (doc: Document, rnd: () => number) => void;

/** A small deterministic PRNG (mulberry32), so a failing mutant can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function tagElements(doc: Document): void {
  let i = 0;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) el.setAttribute('data-ws-id', String(i++));
}

const body = (doc: Document) =>
  Array.from(doc.body.querySelectorAll('*')).filter((e) => !/^(SCRIPT|STYLE|TEMPLATE)$/.test(e.tagName));
const SWITCHES = '[role="switch"], input[type="checkbox"], [role="checkbox"]';

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return '_' + (h >>> 0).toString(36);
}

/** Copy the identity and accessibility attributes of one element onto its replacement. */
function carry(from: Element, to: Element): void {
  for (const a of [
    'data-ws-id',
    'id',
    'aria-labelledby',
    'aria-label',
    'aria-describedby',
    'aria-disabled',
    'data-disabled',
    'disabled',
    'title',
  ]) {
    const v = from.getAttribute(a);
    if (v !== null) to.setAttribute(a, v);
  }
}

/** The state a switch shows (true = on), or null when it shows none. */
function stateOf(el: Element): boolean | null {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked || el.hasAttribute('checked');
  const v = el.getAttribute('aria-checked') ?? el.getAttribute('data-state');
  if (v === 'true' || v === 'checked') return true;
  if (v === 'false' || v === 'unchecked') return false;
  return null;
}

/** Replace every switch and checkbox by another markup showing the same state. */
function swapSwitches(make: (doc: Document, on: boolean) => Element): Mutation {
  return (doc) => {
    for (const el of Array.from(doc.body.querySelectorAll(SWITCHES))) {
      const on = stateOf(el);
      if (on === null) continue;
      const next = make(doc, on);
      carry(el, next);
      el.replaceWith(next);
    }
  };
}

const LABEL_SETS = (): LabelSet[] => [
  ...Object.values(CONTROL_LABELS),
  ...Object.values(PLAN_NAME_LABELS).map((p) => p.labels),
  ...Object.values(RETENTION_LABELS),
  STATUS_LABELS.off,
  STATUS_LABELS.on,
  // The tab "API Plan" before the field label "API plan" (the same words): a tab stays a tab.
  SUBSCRIPTION_TAB_LABELS.api,
  CURRENT_PLAN_LABELS,
  PLAN_FIELD_LABELS,
  UPGRADE_LABELS,
  UPGRADE_SCALE_LABELS,
  MANAGED_LABELS,
  FEEDBACK_LABELS.like,
  FEEDBACK_LABELS.dislike,
  FEEDBACK_LABELS.notFeedback,
  SHARE_LABELS.link,
  SHARE_LABELS.public,
  ATTACH_LABELS,
];

/** English (and French) label texts mapped to one text of the target language, set by set. */
function translations(to: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const set of LABEL_SETS()) {
    const target = labelTexts({ [to]: set[to] })[0];
    if (!target) continue;
    for (const lang of LANGS) {
      if (lang === to) continue;
      for (const t of labelTexts({ [lang]: set[lang] })) if (!map.has(norm(t))) map.set(norm(t), target);
    }
  }
  return map;
}

/**
 * Every label text of every known language mapped to a Japanese text (a language Windsock has no labels for), one
 * distinct text per set: the page as an unsupported UI language would show it. The control labels get plausible
 * Japanese; the other sets a numbered placeholder that no rule knows.
 */
const JA_CONTROLS: Record<string, string> = {
  'vibe-training': 'モデルのトレーニング',
  'mobile-data-sharing': 'データ共有を有効にする',
  'api-training': 'サービス改善のためのデータ利用',
  'labs-models': 'Labs モデルを有効にする',
  zdr: 'ゼロデータ保持',
  'public-sharing': '公開チャット共有',
  feedback: 'モデル応答へのフィードバック',
  'chat-retention': 'チャット保持ポリシー',
  memories: 'Vibe のメモリー',
};
function unknownLanguage(): Map<string, string> {
  const map = new Map<string, string>();
  const controlSets = new Map<LabelSet, string>(
    Object.entries(CONTROL_LABELS).map(([k, v]) => [v, JA_CONTROLS[k] ?? `設定 ${k}`]),
  );
  LABEL_SETS().forEach((set, i) => {
    const target = controlSets.get(set) ?? `項目 ${i + 1}`;
    for (const t of labelTexts(set)) if (!map.has(norm(t))) map.set(norm(t), target);
  });
  return map;
}

function translate(to: Lang | 'ja'): Mutation {
  const map = to === 'ja' ? unknownLanguage() : translations(to);
  return (doc) => {
    const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    for (const t of texts) {
      const v = map.get(norm(t.nodeValue ?? ''));
      if (v) t.nodeValue = v;
    }
    for (const el of body(doc))
      for (const a of ['aria-label', 'title']) {
        const v = el.getAttribute(a);
        const tr = v ? map.get(norm(v)) : undefined;
        if (tr) el.setAttribute(a, tr);
      }
    doc.documentElement.setAttribute('lang', to.replace('_', '-'));
  };
}

export const MUTATIONS: Record<string, Mutation> = {
  /** Build tools hash class names: nothing may rest on one. */
  'hash-classes': (doc) => {
    for (const el of body(doc)) {
      const c = el.getAttribute('class');
      if (c) el.setAttribute('class', c.split(/\s+/).filter(Boolean).map(hash).join(' '));
    }
  },
  /** `<label for>` becomes a span the control points at with aria-labelledby. */
  'label-to-labelledby': (doc) => {
    let n = 0;
    for (const label of Array.from(doc.body.querySelectorAll('label'))) {
      const target = label.getAttribute('for')
        ? doc.getElementById(label.getAttribute('for')!)
        : label.querySelector('input, select, button, [role]');
      if (!target) continue;
      const span = doc.createElement('span');
      carry(label, span);
      span.id = label.id || `ws-lbl-${n++}`;
      while (label.firstChild) span.append(label.firstChild);
      label.replaceWith(span);
      target.setAttribute('aria-labelledby', span.id);
    }
  },
  /** `<label>` text moves into the control's aria-label and disappears from the page. */
  'label-to-aria-label': (doc) => {
    for (const label of Array.from(doc.body.querySelectorAll('label'))) {
      const target = label.getAttribute('for')
        ? doc.getElementById(label.getAttribute('for')!)
        : label.querySelector('input, select, button, [role]');
      if (!target) continue;
      const text = Array.from(label.childNodes)
        .filter((c) => c !== target && !(c as Element).contains?.(target))
        .map((c) => c.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (!text) continue;
      target.setAttribute('aria-label', text);
      target.removeAttribute('aria-labelledby');
      if (label.contains(target)) label.replaceWith(target);
      else label.remove();
    }
  },
  /** Label texts split across inline elements ("Model <span>training</span>"). */
  'split-text': (doc) => {
    const walker = doc.createTreeWalker(doc.body, 4);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    for (const t of texts) {
      const v = t.nodeValue ?? '';
      const parent = t.parentElement;
      if (!parent || /^(SCRIPT|STYLE|OPTION|TEXTAREA|TITLE)$/.test(parent.tagName)) continue;
      const m = /^(\s*\S+)(\s+\S[\s\S]*)$/.exec(v);
      if (!m) continue;
      const a = doc.createElement('span');
      a.textContent = m[1];
      const b = doc.createElement('span');
      b.textContent = m[2];
      t.replaceWith(a, b);
    }
  },
  /** Every control wrapped in two more layers. */
  'wrap-controls': (doc) => {
    for (const el of Array.from(doc.body.querySelectorAll(`${SWITCHES}, select, [role="combobox"], [role="tab"]`))) {
      const outer = doc.createElement('div');
      const inner = doc.createElement('div');
      el.replaceWith(outer);
      outer.append(inner);
      inner.append(el);
    }
  },
  /** The plan badge moves to the other end of its unit, and up one level. */
  'move-badge': (doc) => {
    for (const el of body(doc)) {
      if (el.children.length || !planFromName(el.textContent ?? '') || !el.parentElement) continue;
      const unit = el.parentElement;
      if (unit.firstElementChild !== el) unit.prepend(el);
      else unit.append(el);
    }
  },
  'badge-up-a-level': (doc) => {
    for (const el of body(doc)) {
      if (el.children.length || !planFromName(el.textContent ?? '') || !el.parentElement?.parentElement) continue;
      const up = el.parentElement.parentElement;
      if (up === doc.body) continue;
      up.append(el);
    }
  },
  /** Switch markups: a Radix switch, a native checkbox with role=switch, an aria-pressed toggle. */
  'switch-radix': swapSwitches((doc, on) => {
    const b = doc.createElement('button');
    b.setAttribute('type', 'button');
    b.setAttribute('role', 'switch');
    b.setAttribute('aria-checked', String(on));
    b.setAttribute('data-state', on ? 'checked' : 'unchecked');
    b.innerHTML = `<span data-state="${on ? 'checked' : 'unchecked'}"></span>`;
    return b;
  }),
  'switch-native': swapSwitches((doc, on) => {
    const i = doc.createElement('input');
    i.setAttribute('type', 'checkbox');
    i.setAttribute('role', 'switch');
    if (on) i.setAttribute('checked', '');
    (i as HTMLInputElement).checked = on;
    return i;
  }),
  'switch-pressed': swapSwitches((doc, on) => {
    const b = doc.createElement('button');
    b.setAttribute('type', 'button');
    b.setAttribute('aria-pressed', String(on));
    return b;
  }),
  /** Sibling elements in another order (text stays where it is). */
  shuffle: (doc, rnd) => {
    for (const el of body(doc)) {
      const kids = Array.from(el.children);
      // Options keep their order: happy-dom tracks a select's choice by index, which a real browser does not.
      if (
        kids.length < 2 ||
        el.tagName === 'SELECT' ||
        Array.from(el.childNodes).some((n) => n.nodeType === 3 && /\S/.test(n.nodeValue ?? ''))
      )
        continue;
      for (let i = kids.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [kids[i], kids[j]] = [kids[j], kids[i]];
      }
      for (const k of kids) el.append(k);
    }
  },
  /** Buttons lose their text for an icon; the text survives only as a tooltip (title). */
  'icon-only': (doc) => {
    for (const b of Array.from(doc.body.querySelectorAll('button, [role="button"]'))) {
      const text = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text || b.getAttribute('aria-label') || b.querySelector('svg')) continue;
      b.setAttribute('title', text);
      b.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v16H4z"/></svg>';
    }
  },
  ...Object.fromEntries(LANGS.map((l) => [`translate-${l}`, translate(l)])),
  /** Every known label replaced by Japanese, a language Windsock lacks: only structure (documented order) can read it. */
  'unknown-language': translate('ja'),
};
