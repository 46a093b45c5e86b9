/**
 * The gestures Windsock warns before, as data: how to recognise each target on the page. The real labels of
 * Vibe's thumbs buttons are unknown (shared/notes/mistral-surfaces.md), so feedback buttons are recognised by
 * several independent signals: their label (eight languages, below), their icon, and their place in the action bar
 * under an assistant turn. Matching is in match.ts; test/unit/guard.test.ts runs it over every fixture.
 */
import { labelTexts, type LabelSet } from '../detect/rules';
import type { SurfaceId } from '../surfaces';

export type GuardKind = 'feedback' | 'share-link' | 'share-public' | 'labs' | 'attach';

/**
 * The warnings' targets in every language of the Admin Console, each text filed under its provenance (as in
 * lib/detect/rules.ts): `docs` = Mistral's Help Center wording, `3rd` = seen in public third-party code, `guess` =
 * a translation or plausible wording nobody has seen on the real page. The flat lists below are what match.ts reads.
 */
export const FEEDBACK_LABELS: { like: LabelSet; dislike: LabelSet; notFeedback: LabelSet } = {
  like: {
    // docs: the Help Center calls them "thumbs up" / "thumbs down" (wording only; the buttons' labels are unknown).
    en: { docs: ['thumbs up'], guess: ['like', 'thumb up', 'good response', 'helpful', 'i like this'] },
    fr: { guess: ["j'aime", 'j’aime', 'pouce levé', 'pouce en l’air', 'bonne réponse', 'utile'] },
    de: { guess: ['gefällt mir', 'daumen hoch', 'gute antwort', 'hilfreich'] },
    es: { guess: ['me gusta', 'pulgar arriba', 'buena respuesta', 'útil'] },
    it: { guess: ['mi piace', 'pollice su', 'risposta buona', 'utile'] },
    pl: { guess: ['lubię to', 'kciuk w górę', 'dobra odpowiedź', 'pomocne'] },
    pt_BR: { guess: ['gostei', 'polegar para cima', 'boa resposta', 'útil'] },
    ar: { guess: ['أعجبني', 'إعجاب', 'إجابة جيدة', 'مفيد'] },
  },
  dislike: {
    en: { docs: ['thumbs down'], guess: ['dislike', 'thumb down', 'bad response', 'not helpful', "i don't like this"] },
    fr: { guess: ["je n'aime pas", 'je n’aime pas', 'pouce baissé', 'mauvaise réponse', 'pas utile'] },
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

export const FEEDBACK = {
  labels: { like: /* @__PURE__ */ labelTexts(FEEDBACK_LABELS.like), dislike: /* @__PURE__ */ labelTexts(FEEDBACK_LABELS.dislike) },
  /** Icon class names (lucide, tabler, heroicons) and path openings of the common thumbs icons. (3rd: icon libraries.) */
  iconClasses: { like: ['thumbs-up', 'thumb-up', 'hand-thumb-up'], dislike: ['thumbs-down', 'thumb-down', 'hand-thumb-down'] },
  iconPaths: { like: ['M7 10v12', 'M7 11v8a1 1 0 0 1 -1 1h-2'], dislike: ['M17 14V2', 'M7 13v-8a1 1 0 0 0 -1 -1h-2'] },
  /** The turn a rating belongs to (3rd: data-message-author-role, H). */
  assistantTurn: '[data-message-author-role="assistant"]',
  notFeedback: /* @__PURE__ */ labelTexts(FEEDBACK_LABELS.notFeedback),
};

export const SHARE_LABELS: { link: LabelSet; public: LabelSet } = {
  /** The choice in the Share dialog that creates a public link (docs: "Share by link"). */
  link: {
    en: { docs: ['share by link'], guess: ['share via link', 'create link'] },
    fr: { guess: ['partager par lien', 'partager via un lien', 'partager avec un lien', 'créer un lien'] },
    de: { guess: ['per link teilen', 'über link teilen', 'link erstellen'] },
    es: { guess: ['compartir por enlace', 'compartir mediante enlace', 'crear enlace'] },
    it: { guess: ['condividi tramite link', 'condividi con link', 'crea link'] },
    pl: { guess: ['udostępnij przez link', 'udostępnij linkiem', 'utwórz link'] },
    pt_BR: { guess: ['compartilhar por link', 'compartilhar via link', 'criar link'] },
    ar: { guess: ['المشاركة عبر رابط', 'مشاركة عبر رابط', 'إنشاء رابط'] },
  },
  /** The switch that makes (or keeps) the link public (docs: "Link accessible to anyone"). */
  public: {
    en: { docs: ['link accessible to anyone'], guess: ['anyone with the link'] },
    fr: { guess: ['lien accessible à tous', 'toute personne disposant du lien', 'accessible à tous'] },
    de: { guess: ['link für alle zugänglich', 'jeder mit dem link'] },
    es: { guess: ['enlace accesible para cualquiera', 'cualquier persona con el enlace'] },
    it: { guess: ['link accessibile a chiunque', 'chiunque abbia il link'] },
    pl: { guess: ['link dostępny dla każdego', 'każdy, kto ma link'] },
    pt_BR: { guess: ['link acessível a qualquer pessoa', 'qualquer pessoa com o link'] },
    ar: { guess: ['الرابط متاح للجميع', 'أي شخص لديه الرابط'] },
  },
};

export const SHARE = {
  linkLabels: /* @__PURE__ */ labelTexts(SHARE_LABELS.link),
  /** Switching it on is warned, switching it off is not. */
  publicLabels: /* @__PURE__ */ labelTexts(SHARE_LABELS.public),
};

export const ATTACH_LABELS: LabelSet = {
  // 3rd: button[aria-label="Add files"] (M).
  en: { '3rd': ['add files'], guess: ['attach', 'attach files', 'upload files'] },
  fr: { guess: ['ajouter des fichiers', 'joindre', 'joindre des fichiers', 'importer des fichiers'] },
  de: { guess: ['dateien hinzufügen', 'anhängen', 'dateien hochladen'] },
  es: { guess: ['añadir archivos', 'agregar archivos', 'adjuntar', 'subir archivos'] },
  it: { guess: ['aggiungi file', 'allega', 'carica file'] },
  pl: { guess: ['dodaj pliki', 'załącz', 'prześlij pliki'] },
  pt_BR: { guess: ['adicionar arquivos', 'anexar', 'enviar arquivos'] },
  ar: { guess: ['إضافة ملفات', 'إرفاق', 'تحميل ملفات'] },
};

export const ATTACH = { labels: /* @__PURE__ */ labelTexts(ATTACH_LABELS) };

/** Where each guard applies. */
export const GUARD_SURFACES: Record<GuardKind, SurfaceId[]> = {
  feedback: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-incognito', 'vibe-other'],
  'share-link': ['vibe-chat', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
  'share-public': ['vibe-chat', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
  labs: ['admin-api-privacy'],
  attach: ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'],
};
