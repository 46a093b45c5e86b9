/**
 * The warning before a thumbs rating (feedback trains Mistral's models whatever the training setting). The
 * real labels of Vibe's thumbs buttons are unknown (shared/notes/mistral-surfaces.md), so feedback buttons are
 * recognised by several independent signals: their label (eight languages, below), their icon, and their place
 * in the action bar under an assistant turn. test/unit/guard.test.ts runs the matcher over every fixture.
 *
 * Label texts are filed under their provenance (as in lib/detect/rules.ts): `docs` = Mistral's Help Center
 * wording, `3rd` = seen in public third-party code, `guess` = a translation or plausible wording nobody has seen.
 * Each is written once: the matcher compares normalised texts (lib/detect/text.ts `norm`: case, typographic
 * apostrophes, spaces), so "J’aime" is "j'aime".
 */
import { labelTextsOf, type LabelSet } from '../detect/rules';
import { norm, textMatches } from '../detect/text';
import { label, type Matcher } from './match';
import { defineWarning, inPageWarning } from './types';

export const FEEDBACK_LABELS: { like: LabelSet; dislike: LabelSet; notFeedback: LabelSet } = {
  like: {
    // docs: the Help Center calls them "thumbs up" / "thumbs down" (wording only; the buttons' labels are unknown).
    en: { docs: ['thumbs up'], guess: ['like', 'thumb up', 'good response', 'helpful', 'i like this'] },
    fr: { guess: ["j'aime", 'pouce levé', 'pouce en l’air', 'bonne réponse', 'utile'] },
    de: { guess: ['gefällt mir', 'daumen hoch', 'gute antwort', 'hilfreich'] },
    es: { guess: ['me gusta', 'pulgar arriba', 'buena respuesta', 'útil'] },
    it: { guess: ['mi piace', 'pollice su', 'risposta buona', 'utile'] },
    pl: { guess: ['lubię to', 'kciuk w górę', 'dobra odpowiedź', 'pomocne'] },
    pt_BR: { guess: ['gostei', 'polegar para cima', 'boa resposta', 'útil'] },
    ar: { guess: ['أعجبني', 'إعجاب', 'إجابة جيدة', 'مفيد'] },
  },
  dislike: {
    en: { docs: ['thumbs down'], guess: ['dislike', 'thumb down', 'bad response', 'not helpful', "i don't like this"] },
    fr: { guess: ["je n'aime pas", 'pouce baissé', 'mauvaise réponse', 'pas utile'] },
    de: { guess: ['gefällt mir nicht', 'daumen runter', 'schlechte antwort', 'nicht hilfreich'] },
    es: { guess: ['no me gusta', 'pulgar abajo', 'mala respuesta', 'no útil'] },
    it: { guess: ['non mi piace', 'pollice giù', 'risposta non buona', 'non utile'] },
    pl: { guess: ['nie lubię tego', 'kciuk w dół', 'zła odpowiedź', 'niepomocne'] },
    pt_BR: { guess: ['não gostei', 'polegar para baixo', 'resposta ruim', 'não útil'] },
    ar: { guess: ['لم يعجبني', 'عدم إعجاب', 'إجابة سيئة', 'غير مفيد'] },
  },
  /** Labels that say a button is something else, whatever its place. */
  notFeedback: {
    en: { guess: ['copy', 'rewrite', 'regenerate', 'share', 'edit', 'more', 'read aloud'] },
    fr: { guess: ['copier', 'réécrire', 'régénérer', 'partager', 'modifier', 'plus', 'lire à voix haute'] },
    de: { guess: ['kopieren', 'neu generieren', 'umschreiben', 'teilen', 'bearbeiten', 'mehr', 'vorlesen'] },
    es: { guess: ['copiar', 'regenerar', 'reescribir', 'compartir', 'editar', 'más', 'leer en voz alta'] },
    it: { guess: ['copia', 'rigenera', 'riscrivi', 'condividi', 'modifica', 'altro', 'leggi ad alta voce'] },
    pl: { guess: ['kopiuj', 'wygeneruj ponownie', 'przepisz', 'udostępnij', 'edytuj', 'więcej', 'czytaj na głos'] },
    pt_BR: { guess: ['copiar', 'regenerar', 'reescrever', 'compartilhar', 'editar', 'mais', 'ler em voz alta'] },
    ar: { guess: ['نسخ', 'إعادة التوليد', 'إعادة الكتابة', 'مشاركة', 'تعديل', 'المزيد', 'قراءة بصوت عالٍ'] },
  },
};

const FEEDBACK = {
  labels: {
    like: /* @__PURE__ */ labelTextsOf(FEEDBACK_LABELS, 'like'),
    dislike: /* @__PURE__ */ labelTextsOf(FEEDBACK_LABELS, 'dislike'),
  },
  /** Icon class names (lucide, tabler, heroicons) and path openings of the common thumbs icons. (3rd: icon libraries.) */
  iconClasses: {
    like: ['thumbs-up', 'thumb-up', 'hand-thumb-up'],
    dislike: ['thumbs-down', 'thumb-down', 'hand-thumb-down'],
  },
  iconPaths: { like: ['M7 10v12', 'M7 11v8a1 1 0 0 1 -1 1h-2'], dislike: ['M17 14V2', 'M7 13v-8a1 1 0 0 0 -1 -1h-2'] },
  /** The turn a rating belongs to (3rd: data-message-author-role, H). */
  assistantTurn: '[data-message-author-role="assistant"]',
  notFeedback: /* @__PURE__ */ labelTextsOf(FEEDBACK_LABELS, 'notFeedback'),
};

const SURFACES = [
  'vibe-chat',
  'vibe-chat-home',
  'vibe-project',
  'vibe-work',
  'vibe-code',
  'vibe-incognito',
  'vibe-other',
] as const;

function iconDirection(el: Element): { dir: 'like' | 'dislike'; signal: string } | null {
  const svg = el.querySelector('svg');
  if (!svg) return null;
  const cls = (svg.getAttribute('class') ?? '').toLowerCase();
  for (const dir of ['like', 'dislike'] as const) {
    if (FEEDBACK.iconClasses[dir].some((c) => cls.split(/\s+/).some((x) => x.endsWith(c))))
      return { dir, signal: 'icon-class' };
  }
  const d = Array.from(svg.querySelectorAll('path'))
    .map((p) => p.getAttribute('d') ?? '')
    .join(' ');
  for (const dir of ['like', 'dislike'] as const)
    if (FEEDBACK.iconPaths[dir].some((p) => d.includes(p))) return { dir, signal: 'icon-shape' };
  return null;
}

/** The buttons of the action bar an element sits in, when it is under an assistant turn. */
function actionBar(el: Element): Element[] | null {
  const turn = el.closest(FEEDBACK.assistantTurn);
  if (!turn) return null;
  let bar: Element | null = el.parentElement;
  while (bar && bar !== turn) {
    const buttons = Array.from(bar.querySelectorAll('button, [role="button"]')).filter(
      (b) => b.closest(FEEDBACK.assistantTurn) === turn,
    );
    if (buttons.length >= 3) return buttons;
    bar = bar.parentElement;
  }
  return null;
}

function isActive(el: Element): boolean {
  if (el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-checked') === 'true') return true;
  const ds = el.getAttribute('data-state');
  if (ds === 'on' || ds === 'active' || ds === 'checked') return true;
  const fill = el.querySelector('svg')?.getAttribute('fill');
  return !!fill && fill !== 'none' && fill !== 'transparent';
}

const matchFeedback: Matcher = (el, surface) => {
  if (!(SURFACES as readonly string[]).includes(surface)) return null;
  const name = norm(label(el));
  if (name && textMatches(name, FEEDBACK.notFeedback, false)) return null;
  const signals: string[] = [];
  let direction: 'like' | 'dislike' | undefined;
  for (const dir of ['dislike', 'like'] as const) {
    if (name && textMatches(name, FEEDBACK.labels[dir], false)) {
      direction = dir;
      signals.push('label');
      break;
    }
  }
  const icon = iconDirection(el);
  if (icon) {
    direction ??= icon.dir;
    signals.push(icon.signal);
  }
  const bar = actionBar(el);
  if (bar) {
    const i = bar.indexOf(el);
    const last = bar[bar.length - 1];
    // A name that starts with "Copy" ("Copy (markdown)") counts: the cautious reading, which lets the position
    // signal warn about the two unnamed buttons before it.
    const lastIsCopy =
      textMatches(label(last), ['copy', 'copier']) ||
      /copy/i.test(last.querySelector('svg')?.getAttribute('class') ?? '') ||
      !!last.querySelector('rect');
    // Position counts only while the thumbs are where they were: a thumb recognised further along the bar means
    // the bar was reordered, and the first two buttons may be anything (test/unit/metamorphic.test.ts, shuffle).
    const thumbsMoved = bar
      .slice(2)
      .some(
        (b) =>
          iconDirection(b) || textMatches(norm(label(b)), [...FEEDBACK.labels.like, ...FEEDBACK.labels.dislike], false),
      );
    if ((i === 0 || i === 1) && lastIsCopy && !name && !thumbsMoved) {
      signals.push('position');
      direction ??= i === 0 ? 'like' : 'dislike';
    }
  }
  // A label alone, or an icon (its class or shape) or the position inside an assistant turn's action bar, is
  // enough: `signals` holds only these four.
  const ok = signals.includes('label') || (signals.length > 0 && !!bar);
  if (!ok || !direction) return null;
  return { warning: 'feedback', kind: 'feedback', element: el, direction, clearing: isActive(el), signals };
};

/** What the chat page's UI script carries. */
export const inPage = inPageWarning({
  id: 'feedback',
  page: 'chat',
  dontAsk: true,
  failure: 'cautious-warning',
  match: matchFeedback,
  dialog: (s) => ({
    title: s.feedbackTitle,
    body: [s.feedbackBody, s.feedbackPlan],
    source: s.feedbackSource,
    confirm: s.feedbackConfirm,
  }),
});

export const warning = /* @__PURE__ */ defineWarning(inPage, {
  surfaces: SURFACES,
  strings: {
    feedbackTitle: 'feedbackTitle',
    feedbackBody: { orgPlan: ['feedbackBodyOrg', 'feedbackBody'] },
    feedbackPlan: { plan: ['feedbackPlan', 'feedbackPlanUnknown'] },
    feedbackSource: { cite: 'pp25Feedback' },
    feedbackConfirm: 'feedbackConfirm',
  },
});
