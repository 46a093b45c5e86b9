/**
 * The words of Mistral's products as pages and documents print them: the privacy controls' labels and the plans'
 * names (current, older — Le Chat / La Plateforme era — and internal: the CLI's whoami FREE, INDIVIDUAL, EDU,
 * TEAM), in every language of the Admin Console, each text filed under its provenance: `docs` (Mistral's
 * documents; test/unit/rules.test.ts checks each against them), `3rd` (public third-party code) or `guess`.
 *
 * Policy data: the knowledge (knowledge.ts, CONTROLS and PLANS) and the page detectors (lib/detect/) both take
 * them from here; nothing in lib/policy imports lib/detect or lib/page (test/unit/layers.test.ts). Pure data,
 * no imports but types: each content script bundles only the sets it uses.
 */
import type { ControlId, PlanId } from './schema';

export const LANGS = ['en', 'fr', 'de', 'es', 'it', 'pl', 'pt_BR', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
/**
 * Where a label text comes from, the key it is filed under:
 * - `docs`: printed in Mistral's documentation or Help Center (shared/notes/mistral-surfaces.md, seeds);
 * - `3rd`: seen in public third-party code that ran against the real sites (userscripts, exporters, clients);
 * - `guess`: a translation or a plausible wording nobody has seen on the real page.
 * Only the English labels of the privacy pages are documented (and the French Memories labels); the French docs
 * keep the English labels, so every other language is a translation guess.
 */
export const PROVENANCES = ['docs', '3rd', 'guess'] as const;
export type Provenance = (typeof PROVENANCES)[number];
/** Label texts by language, each list filed under its provenance. */
export type LabelSet = Partial<Record<Lang, Partial<Record<Provenance, string[]>>>>;

/** The flat list of label texts of a set, every language and provenance (what the detectors match). */
export function labelTexts(set: LabelSet): string[] {
  const out: string[] = [];
  for (const byProv of Object.values(set)) for (const list of Object.values(byProv ?? {})) if (list) out.push(...list);
  return out;
}

/** Every text of a set with its language and provenance (for the tests, the README and diagnostics). */
export function labelEntries(set: LabelSet): { text: string; lang: Lang; provenance: Provenance }[] {
  const out: { text: string; lang: Lang; provenance: Provenance }[] = [];
  for (const [lang, byProv] of Object.entries(set) as [Lang, Partial<Record<Provenance, string[]>>][])
    for (const [provenance, list] of Object.entries(byProv ?? {}) as [Provenance, string[]][])
      for (const text of list ?? []) out.push({ text, lang, provenance });
  return out;
}

/** Label texts, current and older, by control (separate constants so each content script bundles only its own). */
export const L_VIBE_TRAINING: LabelSet = {
  // docs: Admin Panel › Vibe › Privacy "Model training"; Help Center 455207 "Allow your interactions to be used to train our models".
  en: {
    docs: ['Model training', 'Allow your interactions to be used to train our models'],
    guess: ['Train on my data'],
  },
  fr: {
    guess: [
      'Entraînement des modèles',
      'Entraînement du modèle',
      'Autoriser l’utilisation de vos interactions pour entraîner nos modèles',
    ],
  },
  de: { guess: ['Modelltraining', 'Modell-Training', 'Training des Modells'] },
  es: { guess: ['Entrenamiento de modelos', 'Entrenamiento del modelo'] },
  it: { guess: ['Addestramento del modello', 'Addestramento dei modelli'] },
  pl: { guess: ['Trenowanie modeli', 'Trenowanie modelu'] },
  pt_BR: { guess: ['Treinamento de modelos', 'Treinamento do modelo'] },
  ar: { guess: ['تدريب النماذج', 'تدريب النموذج'] },
};
const L_MOBILE_DATA_SHARING: LabelSet = {
  // docs: Help Center 455207, mobile app "Enable data sharing".
  en: { docs: ['Enable data sharing'] },
  fr: { guess: ['Activer le partage des données'] },
  de: { guess: ['Datenfreigabe aktivieren'] },
  es: { guess: ['Activar el uso compartido de datos'] },
  it: { guess: ['Abilita la condivisione dei dati'] },
  pl: { guess: ['Włącz udostępnianie danych'] },
  pt_BR: { guess: ['Ativar compartilhamento de dados'] },
  ar: { guess: ['تفعيل مشاركة البيانات'] },
};
export const L_API_TRAINING: LabelSet = {
  // docs: Admin Panel › API › Privacy "Data usage for improving our services", older "Anonymous improvement data".
  en: { docs: ['Data usage for improving our services', 'Anonymous improvement data'] },
  fr: {
    guess: [
      'Utilisation des données pour améliorer nos services',
      'Données d’amélioration anonymes',
      'Données d’amélioration anonymisées',
    ],
  },
  de: { guess: ['Datennutzung zur Verbesserung unserer Dienste', 'Anonyme Verbesserungsdaten'] },
  es: { guess: ['Uso de datos para mejorar nuestros servicios', 'Datos de mejora anónimos'] },
  it: { guess: ['Utilizzo dei dati per migliorare i nostri servizi', 'Dati di miglioramento anonimi'] },
  pl: { guess: ['Wykorzystanie danych do ulepszania naszych usług', 'Anonimowe dane do ulepszeń'] },
  pt_BR: { guess: ['Uso de dados para melhorar nossos serviços', 'Dados de melhoria anônimos'] },
  ar: { guess: ['استخدام البيانات لتحسين خدماتنا', 'بيانات التحسين المجهولة'] },
};
export const L_LABS_MODELS: LabelSet = {
  // docs: "Enable Labs models" (Admin Panel › API › Privacy).
  en: { docs: ['Enable Labs models'], guess: ['Labs models'] },
  fr: { guess: ['Activer les modèles Labs', 'Modèles Labs'] },
  de: { guess: ['Labs-Modelle aktivieren', 'Labs-Modelle'] },
  es: { guess: ['Activar modelos Labs', 'Habilitar modelos Labs', 'Modelos Labs'] },
  it: { guess: ['Abilita i modelli Labs', 'Attiva i modelli Labs', 'Modelli Labs'] },
  pl: { guess: ['Włącz modele Labs', 'Modele Labs'] },
  pt_BR: { guess: ['Ativar modelos Labs', 'Habilitar modelos Labs', 'Modelos Labs'] },
  ar: { guess: ['تفعيل نماذج Labs', 'نماذج Labs'] },
};
export const L_ZDR: LabelSet = {
  // docs: "Zero data retention" (Admin Panel › API › Privacy), "Zero Data Retention (ZDR)" (Help Center).
  en: { docs: ['Zero data retention', 'Zero Data Retention (ZDR)'] },
  fr: { guess: ['Conservation zéro des données', 'Zéro rétention des données', 'Rétention zéro des données'] },
  de: { guess: ['Keine Datenspeicherung', 'Null-Datenspeicherung', 'Zero Data Retention'] },
  es: { guess: ['Retención cero de datos', 'Cero retención de datos'] },
  it: { guess: ['Conservazione zero dei dati', 'Zero conservazione dei dati'] },
  pl: { guess: ['Zerowe przechowywanie danych', 'Brak przechowywania danych'] },
  pt_BR: { guess: ['Retenção zero de dados'] },
  ar: { guess: ['عدم الاحتفاظ بالبيانات', 'الاحتفاظ الصفري بالبيانات'] },
};
export const L_PUBLIC_SHARING: LabelSet = {
  en: { docs: ['Public chat sharing'] },
  fr: { guess: ['Partage public des conversations', 'Partage public des chats'] },
  de: { guess: ['Öffentliches Teilen von Chats', 'Öffentliche Chatfreigabe'] },
  es: { guess: ['Compartir chats públicamente', 'Uso compartido público de chats'] },
  it: { guess: ['Condivisione pubblica delle chat'] },
  pl: { guess: ['Publiczne udostępnianie czatów'] },
  pt_BR: { guess: ['Compartilhamento público de chats', 'Compartilhamento público de conversas'] },
  ar: { guess: ['المشاركة العامة للمحادثات'] },
};
export const L_FEEDBACK: LabelSet = {
  en: { docs: ['Model response feedback'] },
  fr: { guess: ['Retours sur les réponses du modèle', 'Avis sur les réponses du modèle'] },
  de: { guess: ['Feedback zu Modellantworten'] },
  es: { guess: ['Comentarios sobre las respuestas del modelo'] },
  it: { guess: ['Feedback sulle risposte del modello'] },
  pl: { guess: ['Opinie o odpowiedziach modelu'] },
  pt_BR: { guess: ['Feedback sobre as respostas do modelo'] },
  ar: { guess: ['ملاحظات على ردود النموذج'] },
};
export const L_CHAT_RETENTION: LabelSet = {
  en: { docs: ['Chat Retention Policy'], guess: ['Chat retention'] },
  fr: {
    guess: [
      'Politique de conservation des conversations',
      'Conservation des conversations',
      'Politique de rétention des conversations',
    ],
  },
  de: { guess: ['Richtlinie zur Chat-Aufbewahrung', 'Chat-Aufbewahrung'] },
  es: { guess: ['Política de retención de chats', 'Retención de chats'] },
  it: { guess: ['Criterio di conservazione delle chat', 'Conservazione delle chat'] },
  pl: { guess: ['Zasady przechowywania czatów', 'Przechowywanie czatów'] },
  pt_BR: { guess: ['Política de retenção de chats', 'Retenção de chats'] },
  ar: { guess: ['سياسة الاحتفاظ بالمحادثات'] },
};
export const L_MEMORIES: LabelSet = {
  // docs: Help Center, Memories (English and French).
  en: { docs: ['Memories in Vibe', 'Enable Memories'] },
  fr: { docs: ['Mémoires dans Vibe', 'Activer Mémoires'], guess: ['Activer les mémoires'] },
  de: { guess: ['Erinnerungen in Vibe', 'Erinnerungen aktivieren'] },
  es: { guess: ['Memorias en Vibe', 'Activar memorias'] },
  it: { guess: ['Memorie in Vibe', 'Attiva memorie'] },
  pl: { guess: ['Wspomnienia w Vibe', 'Włącz wspomnienia'] },
  pt_BR: { guess: ['Memórias no Vibe', 'Ativar memórias'] },
  ar: { guess: ['الذكريات في Vibe', 'تفعيل الذكريات'] },
};

export const CONTROL_LABELS: Record<ControlId, LabelSet> = {
  'vibe-training': L_VIBE_TRAINING,
  'mobile-data-sharing': L_MOBILE_DATA_SHARING,
  'api-training': L_API_TRAINING,
  'labs-models': L_LABS_MODELS,
  zdr: L_ZDR,
  'public-sharing': L_PUBLIC_SHARING,
  feedback: L_FEEDBACK,
  'chat-retention': L_CHAT_RETENTION,
  memories: L_MEMORIES,
};

export const PLAN_NAME_LABELS: Record<PlanId, { labels: LabelSet; products: ('vibe' | 'api')[] }> = {
  free: {
    labels: {
      // docs: Free, Free mode, Le Chat Free, Experiment (notes "Plans and training defaults"); 3rd: whoami FREE.
      en: {
        docs: ['Free', 'Free mode', 'Le Chat Free', 'Vibe Free', 'Experiment'],
        guess: ['Free plan', 'Experiment plan'],
      },
      fr: { guess: ['Gratuit', 'Mode gratuit', 'Offre gratuite', 'Forfait gratuit'] },
      de: { guess: ['Kostenlos', 'Gratis', 'Kostenloser Modus', 'Free-Modus', 'Kostenloser Plan'] },
      es: { guess: ['Gratuito', 'Modo gratuito', 'Plan gratuito'] },
      it: { guess: ['Modalità gratuita', 'Piano gratuito'] },
      pl: { guess: ['Darmowy', 'Bezpłatny', 'Tryb darmowy', 'Tryb bezpłatny', 'Plan darmowy'] },
      pt_BR: { guess: ['Grátis', 'Modo gratuito', 'Plano gratuito'] },
      ar: { guess: ['مجاني', 'مجانية', 'الوضع المجاني', 'الخطة المجانية'] },
    },
    products: ['vibe', 'api'],
  },
  pro: {
    labels: {
      // 3rd: whoami INDIVIDUAL, counted as paid by Mistral's CLI; that it is Pro is an inference.
      en: { docs: ['Pro', 'Le Chat Pro', 'Vibe Pro'], '3rd': ['Individual'], guess: ['Pro plan'] },
      fr: { guess: ['Offre Pro', 'Forfait Pro'] },
      de: { guess: ['Pro-Plan', 'Pro-Tarif'] },
      es: { guess: ['Plan Pro'] },
      it: { guess: ['Piano Pro'] },
      pl: { guess: ['Plan Pro'] },
      pt_BR: { guess: ['Plano Pro'] },
      ar: { guess: ['خطة Pro', 'برو'] },
    },
    products: ['vibe', 'api'],
  },
  education: {
    labels: {
      // 3rd: whoami EDU (inference: Education).
      en: { docs: ['Education', 'Student', 'Le Chat Student', 'Vibe Education'], '3rd': ['Edu'] },
      fr: { guess: ['Éducation', 'Étudiant', 'Étudiants'] },
      de: { guess: ['Bildung', 'Studierende'] },
      es: { guess: ['Educación', 'Estudiante'] },
      it: { guess: ['Istruzione', 'Studente'] },
      pl: { guess: ['Edukacja'] },
      pt_BR: { guess: ['Educação', 'Estudante'] },
      ar: { guess: ['التعليم', 'طالب'] },
    },
    products: ['vibe', 'api'],
  },
  team: {
    labels: {
      // 3rd: whoami TEAM.
      en: { docs: ['Team', 'Teams', 'Le Chat Team', 'Vibe Team', 'Vibe Teams'], guess: ['Team plan'] },
      fr: { guess: ['Équipe', 'Offre Team'] },
      de: { guess: ['Team-Plan'] },
      es: { guess: ['Equipo', 'Equipos'] },
      it: { guess: ['Piano Team'] },
      pl: { guess: ['Zespół', 'Zespołowy'] },
      pt_BR: { guess: ['Equipe', 'Equipes'] },
      ar: { guess: ['الفريق', 'فريق'] },
    },
    products: ['vibe', 'api'],
  },
  enterprise: {
    labels: {
      en: { docs: ['Enterprise', 'Le Chat Enterprise', 'Vibe Enterprise'] },
      fr: { guess: ['Entreprise'] },
      de: { guess: ['Unternehmen'] },
      es: { guess: ['Empresa', 'Empresas'] },
      it: { guess: ['Impresa', 'Aziende'] },
      pl: { guess: ['Przedsiębiorstwo'] },
      pt_BR: { guess: ['Empresarial'] },
      ar: { guess: ['المؤسسات', 'مؤسسة'] },
    },
    products: ['vibe', 'api'],
  },
  scale: {
    labels: {
      en: { docs: ['Scale'], guess: ['Scale plan'] },
      fr: { guess: ['Offre Scale', 'Forfait Scale'] },
      de: { guess: ['Scale-Plan'] },
      es: { guess: ['Plan Scale'] },
      it: { guess: ['Piano Scale'] },
      pl: { guess: ['Plan Scale'] },
      pt_BR: { guess: ['Plano Scale'] },
      ar: { guess: ['خطة Scale'] },
    },
    products: ['api'],
  },
};

/** Names only the API's plans carry (Studio): a page showing one speaks of the API plan. */
export const API_ONLY_NAMES = ['experiment', 'experiment plan', 'free mode', 'scale', 'scale plan'];

function flatNames(labels: typeof PLAN_NAME_LABELS): Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }> {
  return Object.fromEntries(
    Object.entries(labels).map(([id, d]) => [id, { names: labelTexts(d.labels), products: d.products }]),
  ) as Record<PlanId, { names: string[]; products: ('vibe' | 'api')[] }>;
}
/** Each plan's names, every language and provenance flat (what the detectors and the knowledge's PLANS use). */
export const PLAN_NAMES = /* @__PURE__ */ flatNames(PLAN_NAME_LABELS);
