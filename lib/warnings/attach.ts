/**
 * The note when files are attached while training is on (attachments are input like any message): by the
 * "Add files" button, the file picker, a drop or a paste of files. A note, never a stop: the gesture goes
 * through, and when the background cannot answer nothing is shown (the `silent-note` policy).
 * Label texts are filed under their provenance (`docs`, `3rd`, `guess`), as in lib/detect/rules.ts.
 */
import { labelTexts, type LabelSet } from '../detect/rules';
import { textMatches } from '../detect/text';
import { label, type Matcher } from './match';
import { defineWarning, inPageWarning } from './types';

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

const ATTACH = { labels: /* @__PURE__ */ labelTexts(ATTACH_LABELS) };

/** Its listeners watch, in the capture phase, and never stop anything. */
const PASSIVE = { capture: true, passive: true };

const SURFACES = ['vibe-chat', 'vibe-chat-home', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'] as const;

const matchAttach: Matcher = (el, surface) =>
  (SURFACES as readonly string[]).includes(surface) && textMatches(label(el), ATTACH.labels)
    ? { warning: 'attach', kind: 'attach', element: el, signals: ['label'] }
    : null;

/** What the chat page's UI script carries. */
export const inPage = inPageWarning({
  id: 'attach',
  page: 'chat',
  dontAsk: false,
  failure: 'silent-note',
  match: matchAttach,
  note: (s) => ({ text: s.attachNote, source: s.attachSource }),
  // Files attached by the file picker, by drop, or by paste into the composer: the user's own gestures only.
  install: ({ life }, fire) => {
    life.addEventListener(
      document,
      'change',
      (e: Event) => {
        const t = e.target as HTMLInputElement | null;
        if (e.isTrusted && t?.tagName === 'INPUT' && t.type === 'file' && t.files?.length) fire();
      },
      PASSIVE,
    );
    life.addEventListener(
      window,
      'drop',
      (e: DragEvent) => {
        if (e.isTrusted && e.dataTransfer?.files?.length) fire();
      },
      PASSIVE,
    );
    life.addEventListener(
      window,
      'paste',
      (e: ClipboardEvent) => {
        if (e.isTrusted && e.clipboardData?.files?.length) fire();
      },
      PASSIVE,
    );
  },
});

export const warning = /* @__PURE__ */ defineWarning(inPage, {
  surfaces: SURFACES,
  strings: { attachNote: 'attachNote', attachSource: { cite: 'helpAttach' } },
});
