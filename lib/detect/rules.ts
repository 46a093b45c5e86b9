/**
 * Site rules, as data: for each surface, which controls and plan signals Windsock looks for there and the label
 * texts it knows them by, in every language of the Admin Console. The detectors are generic: a change in
 * Mistral's wording is a change here. The content scripts do not bundle this module: the background sends each
 * one its host's rules as JSON (`rulesetFor`, below; lib/detect/ruleset.ts holds them in the page). Every label text is filed under its provenance (`docs`, `3rd`, `guess`:
 * see PROVENANCES, lib/policy/labels.ts). Tests: test/unit/rules.test.ts (zod), test/unit/detect.test.ts and
 * test/unit/metamorphic.test.ts (every rule against every fixture and its mutants).
 */
import type { ControlId } from '../policy/schema';
import {
  API_ONLY_NAMES,
  PLAN_NAMES,
  L_API_TRAINING,
  L_CHAT_RETENTION,
  L_FEEDBACK,
  L_LABS_MODELS,
  L_MEMORIES,
  L_PUBLIC_SHARING,
  L_VIBE_TRAINING,
  L_ZDR,
  labelTexts,
  type LabelSet,
} from '../policy/labels';
import {
  ACCOUNT_DATA_SURFACES,
  HOSTS,
  SURFACES,
  signalSurfaces,
  type MistralHost,
  type PlanSignalKind,
  type SurfaceDef,
  type SurfaceId,
} from '../surfaces';
import { productsOn, type ControlRule, type OrderedControl, type PlanSignalRule, type Ruleset } from './ruleset';

export type { ControlRule, OrderedControl, PlanSignalRule, Ruleset } from './ruleset';

export {
  LANGS,
  PROVENANCES,
  labelTexts,
  labelEntries,
  CONTROL_LABELS,
  L_LABS_MODELS,
  type Lang,
  type LabelSet,
} from '../policy/labels';
/**
 * `labelTexts(sets[key])`, written so that a bundle which does not use the result drops the tables too (a
 * property read in a call's arguments is kept by the minifier even when the call, marked pure, is dropped).
 */
export function labelTextsOf<K extends string>(sets: Record<K, LabelSet>, key: K): string[] {
  return labelTexts(sets[key]);
}

const lower = (set: LabelSet) => labelTexts(set).map((t) => t.toLowerCase());
const lowerOf = <K extends string>(sets: Record<K, LabelSet>, key: K) => lower(sets[key]);

const rule = (control: ControlId, kind: ControlRule['kind'], labels: ControlRule['labels']): ControlRule => ({
  control,
  kind,
  labels,
});

/** The controls read on each settings page, by host: the chat app's, and the Admin Panel's. */
const CHAT_CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = {
  'vibe-memories': [/* @__PURE__ */ rule('memories', 'switch', L_MEMORIES)],
};
export const ADMIN_CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = {
  'admin-vibe-privacy': [
    /* @__PURE__ */ rule('vibe-training', 'switch', L_VIBE_TRAINING),
    /* @__PURE__ */ rule('public-sharing', 'switch', L_PUBLIC_SHARING),
    /* @__PURE__ */ rule('feedback', 'switch', L_FEEDBACK),
    /* @__PURE__ */ rule('chat-retention', 'select', L_CHAT_RETENTION),
  ],
  'admin-api-privacy': [
    /* @__PURE__ */ rule('api-training', 'switch', L_API_TRAINING),
    /* @__PURE__ */ rule('labs-models', 'switch', L_LABS_MODELS),
    /* @__PURE__ */ rule('zdr', 'status', L_ZDR),
  ],
};
/**
 * The controls of each documented settings page in the order Mistral's docs list them (docs: Admin Panel › Vibe ›
 * Privacy "Model training", "Public chat sharing", "Model response feedback", "Chat Retention Policy"; Admin Panel ›
 * API › Privacy "Data usage for improving our services", "Zero data retention" (a status, no control), "Enable Labs
 * models"). Used for the controls none of whose labels is recognised (lib/detect/order.ts): a structural
 * inference, read only when the page's main region holds exactly these controls, of these kinds, in this order.
 */
export const ADMIN_CONTROL_ORDER: Partial<Record<SurfaceId, OrderedControl[]>> = {
  'admin-vibe-privacy': [
    { control: 'vibe-training', kind: 'switch' },
    { control: 'public-sharing', kind: 'switch' },
    { control: 'feedback', kind: 'switch' },
    { control: 'chat-retention', kind: 'select' },
  ],
  'admin-api-privacy': [
    { control: 'api-training', kind: 'switch' },
    { control: 'zdr', kind: 'status' },
    { control: 'labs-models', kind: 'switch' },
  ],
};
/** The trust of a reading by order (below a label's 1): a later label-based reading of another value wins. */
export const ORDER_CONFIDENCE = 0.6;

export const CONTROL_RULES: Partial<Record<SurfaceId, ControlRule[]>> = /* @__PURE__ */ Object.assign(
  {},
  CHAT_CONTROL_RULES,
  ADMIN_CONTROL_RULES,
);

/** Chat Retention Policy choices as pages print them (docs: the English choices; every other language: guess). */
export const RETENTION_LABELS: Record<string, LabelSet> = {
  never: {
    en: { docs: ['never'], guess: ['off', 'disabled'] },
    fr: { guess: ['jamais'] },
    de: { guess: ['nie', 'niemals'] },
    es: { guess: ['nunca'] },
    it: { guess: ['mai'] },
    pl: { guess: ['nigdy'] },
    pt_BR: { guess: ['nunca'] },
    ar: { guess: ['أبدًا', 'أبدا'] },
  },
  '30d': {
    en: { docs: ['30 days'] },
    fr: { guess: ['30 jours'] },
    de: { guess: ['30 Tage'] },
    es: { guess: ['30 días'] },
    it: { guess: ['30 giorni'] },
    pl: { guess: ['30 dni'] },
    pt_BR: { guess: ['30 dias'] },
    ar: { guess: ['30 يومًا', '30 يوما'] },
  },
  '60d': {
    en: { docs: ['60 days'] },
    fr: { guess: ['60 jours'] },
    de: { guess: ['60 Tage'] },
    es: { guess: ['60 días'] },
    it: { guess: ['60 giorni'] },
    pl: { guess: ['60 dni'] },
    pt_BR: { guess: ['60 dias'] },
    ar: { guess: ['60 يومًا', '60 يوما'] },
  },
  '90d': {
    en: { docs: ['90 days'] },
    fr: { guess: ['90 jours'] },
    de: { guess: ['90 Tage'] },
    es: { guess: ['90 días'] },
    it: { guess: ['90 giorni'] },
    pl: { guess: ['90 dni'] },
    pt_BR: { guess: ['90 dias'] },
    ar: { guess: ['90 يومًا', '90 يوما'] },
  },
  '180d': {
    en: { docs: ['180 days'] },
    fr: { guess: ['180 jours'] },
    de: { guess: ['180 Tage'] },
    es: { guess: ['180 días'] },
    it: { guess: ['180 giorni'] },
    pl: { guess: ['180 dni'] },
    pt_BR: { guess: ['180 dias'] },
    ar: { guess: ['180 يومًا', '180 يوما'] },
  },
  '1y': {
    en: { docs: ['1 year'], guess: ['365 days'] },
    fr: { guess: ['1 an', '365 jours'] },
    de: { guess: ['1 Jahr', '365 Tage'] },
    es: { guess: ['1 año', '365 días'] },
    it: { guess: ['1 anno', '365 giorni'] },
    pl: { guess: ['1 rok', '365 dni'] },
    pt_BR: { guess: ['1 ano', '365 dias'] },
    ar: { guess: ['سنة واحدة', '365 يومًا'] },
  },
};
/** The same, flat and lower-cased, as controls.ts reads them. */
/** Each set's texts, lower-cased. A function called with a plain reference, so that a bundle which does not use
 * the result drops the table too (the arguments of a call marked pure are kept when they are calls). */
const lowerTable = (sets: Record<string, LabelSet>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, labelTexts(v).map((t) => t.toLowerCase())]));

export const RETENTION_TEXT: Record<string, string[]> = /* @__PURE__ */ lowerTable(RETENTION_LABELS);

/** Words that say a status (ZDR) is on or off. All guesses: no source prints the status's wording. */
export const STATUS_LABELS: { off: LabelSet; on: LabelSet } = {
  off: {
    en: { guess: ['not enabled', 'not active', 'inactive', 'disabled', 'not activated', 'not available', 'off'] },
    fr: { guess: ['non activé', 'non activée', 'inactif', 'inactive', 'désactivé', 'désactivée', 'pas activé'] },
    de: { guess: ['nicht aktiviert', 'nicht aktiv', 'inaktiv', 'deaktiviert', 'aus'] },
    es: { guess: ['no activado', 'no habilitado', 'inactivo', 'desactivado'] },
    it: { guess: ['non attivo', 'non abilitato', 'non attivato', 'disattivato', 'inattivo'] },
    pl: { guess: ['nieaktywne', 'nieaktywny', 'wyłączone', 'wyłączony', 'niewłączone'] },
    pt_BR: { guess: ['não ativado', 'não habilitado', 'inativo', 'desativado'] },
    ar: { guess: ['غير مفعّل', 'غير مفعل', 'غير نشط', 'معطل', 'معطّل'] },
  },
  on: {
    en: { guess: ['enabled', 'active', 'activated', 'approved', 'on'] },
    fr: { guess: ['activé', 'activée', 'actif', 'active'] },
    de: { guess: ['aktiviert', 'aktiv', 'genehmigt', 'an'] },
    es: { guess: ['activado', 'activo', 'habilitado', 'aprobado'] },
    it: { guess: ['attivo', 'abilitato', 'attivato', 'approvato'] },
    pl: { guess: ['aktywne', 'aktywny', 'włączone', 'włączony', 'zatwierdzone'] },
    pt_BR: { guess: ['ativo', 'ativado', 'habilitado', 'aprovado'] },
    ar: { guess: ['مفعّل', 'مفعل', 'نشط'] },
  },
};
/** Checked in this order ("not enabled" before "enabled"); lower-cased as norm() leaves them. */
const STATUS_WORDS = {
  off: /* @__PURE__ */ lowerOf(STATUS_LABELS, 'off'),
  on: /* @__PURE__ */ lowerOf(STATUS_LABELS, 'on'),
};

/** Texts that mark a control as managed by the organization (besides `disabled`/`aria-disabled`). All guesses. */
export const MANAGED_LABELS: LabelSet = {
  en: { guess: ['managed by your organization', 'managed by your organisation', 'managed by your admin'] },
  fr: { guess: ['géré par votre organisation', 'gérée par votre organisation'] },
  de: { guess: ['von ihrer organisation verwaltet', 'wird von ihrer organisation verwaltet'] },
  es: {
    guess: ['administrado por tu organización', 'gestionado por tu organización', 'administrado por su organización'],
  },
  it: { guess: ['gestito dalla tua organizzazione', 'gestita dalla tua organizzazione'] },
  pl: { guess: ['zarządzane przez twoją organizację', 'zarządzane przez organizację'] },
  pt_BR: { guess: ['gerenciado pela sua organização', 'gerenciada pela sua organização'] },
  ar: { guess: ['تتم إدارته بواسطة مؤسستك', 'يُدار بواسطة مؤسستك'] },
};
export const MANAGED_TEXT = /* @__PURE__ */ labelTexts(MANAGED_LABELS);

/**
 * Plan signals: how much each kind is trusted (0..1). Where each is read is the surface table's to say
 * (lib/surfaces.ts, `signals`). `products`: whose plan the signal may name (default: the product of the page it
 * is read on; the Admin Panel's Subscriptions shows both, and a badge or a label/value pair says which product by
 * its own words). `cue`: a hint, not a statement of the plan (an invitation to upgrade, a bare "Pro" somewhere in
 * the sidebar): stored as a visible cue, which alone never yields "not training" (lib/verdict.ts).
 */
const signal = (
  kind: PlanSignalKind,
  confidence: number,
  more: { cue?: true; products?: ('vibe' | 'api')[] } = {},
) => ({ kind, surfaces: signalSurfaces(kind), confidence, ...more });
export const PLAN_SIGNALS: PlanSignalRule[] = [
  /* @__PURE__ */ signal('subscription-tab', 1, { products: ['vibe', 'api'] }),
  /* @__PURE__ */ signal('current-plan-card', 0.7),
  /* @__PURE__ */ signal('studio-header', 0.8),
  // A plan name in a label/value pair ("Plan · Scale", <dt>Plan</dt><dd>Team</dd>, "Votre offre : Pro").
  /* @__PURE__ */ signal('plan-label', 0.8, { products: ['vibe', 'api'] }),
  // A plan badge beside the organization's or workspace's name (account menu, switchers, page header).
  /* @__PURE__ */ signal('plan-badge', 0.7, { products: ['vibe', 'api'] }),
  /* @__PURE__ */ signal('upgrade-link', 0.5, { cue: true }),
  /* @__PURE__ */ signal('pro-badge', 0.6, { cue: true }),
  // Studio's "Upgrade to Scale": the free API plan.
  /* @__PURE__ */ signal('upgrade-banner', 0.5, { cue: true }),
];

/**
 * Whose plan a page of this host can name: the chat app speaks of Vibe, Studio of the API, the Admin Panel of
 * both. A plan signal's `products` is cut to these (a chat page never reports the API plan).
 */
const HOST_PLAN_PRODUCTS: Record<SurfaceDef['host'], ('vibe' | 'api')[]> = {
  [HOSTS.chat]: ['vibe'],
  [HOSTS.studio]: ['api'],
  [HOSTS.admin]: ['vibe', 'api'],
};

/** The plan observations a page of this surface may report, from the signals read there. */
export function planProductsOn(surface: SurfaceDef): ('vibe' | 'api')[] {
  return productsOn(PLAN_SIGNALS, HOST_PLAN_PRODUCTS, surface);
}

/** Tabs of Admin Panel › Subscriptions, by the product whose plan they show (3rd: "Vibe" and "API Plan", 2026-07). */
export const SUBSCRIPTION_TAB_LABELS: Record<'vibe' | 'api', LabelSet> = {
  vibe: { en: { '3rd': ['vibe'], docs: ['le chat'] } },
  api: {
    en: { '3rd': ['api plan'], guess: ['api', 'la plateforme', 'studio'] },
    fr: { guess: ['plan api', 'forfait api', 'offre api'] },
    de: { guess: ['api-plan', 'api-tarif'] },
    es: { guess: ['plan de api', 'plan api'] },
    it: { guess: ['piano api'] },
    pl: { guess: ['plan api'] },
    pt_BR: { guess: ['plano de api', 'plano api'] },
    ar: { guess: ['خطة api', 'خطة واجهة برمجة التطبيقات'] },
  },
};
const SUBSCRIPTION_TABS: Record<'vibe' | 'api', string[]> = {
  vibe: /* @__PURE__ */ labelTextsOf(SUBSCRIPTION_TAB_LABELS, 'vibe'),
  api: /* @__PURE__ */ labelTextsOf(SUBSCRIPTION_TAB_LABELS, 'api'),
};

/** The marker on the plans page's card of the user's current plan. All guesses. */
export const CURRENT_PLAN_LABELS: LabelSet = {
  en: { guess: ['current plan', 'your current plan', 'your plan'] },
  fr: {
    guess: ['forfait actuel', 'plan actuel', 'offre actuelle', 'votre offre', 'votre forfait', 'votre offre actuelle'],
  },
  de: { guess: ['aktueller plan', 'ihr plan', 'ihr aktueller plan', 'aktueller tarif'] },
  es: { guess: ['plan actual', 'tu plan', 'tu plan actual'] },
  it: { guess: ['piano attuale', 'il tuo piano', 'piano corrente'] },
  pl: { guess: ['obecny plan', 'twój plan', 'bieżący plan', 'aktualny plan'] },
  pt_BR: { guess: ['plano atual', 'seu plano', 'seu plano atual'] },
  ar: { guess: ['الخطة الحالية', 'خطتك', 'خطتك الحالية'] },
};
const CURRENT_PLAN_TEXT = /* @__PURE__ */ labelTexts(CURRENT_PLAN_LABELS);

/** The label of a label/value pair that names the plan ("Plan" / "Scale"). "api"/"vibe" in it names the product. All guesses. */
export const PLAN_FIELD_LABELS: LabelSet = {
  en: {
    guess: [
      'plan',
      'subscription',
      'plan type',
      'api plan',
      'vibe plan',
      'billing plan',
      ...['current plan', 'your plan', 'your current plan'],
    ],
  },
  fr: {
    guess: [
      'offre',
      'forfait',
      'abonnement',
      'plan',
      'votre offre',
      'votre forfait',
      'offre actuelle',
      'forfait actuel',
      'plan actuel',
      'offre api',
      'forfait api',
    ],
  },
  de: { guess: ['plan', 'tarif', 'abo', 'abonnement', 'aktueller plan', 'ihr plan', 'api-plan'] },
  es: { guess: ['plan', 'suscripción', 'plan actual', 'tu plan', 'plan de api'] },
  it: { guess: ['piano', 'abbonamento', 'piano attuale', 'il tuo piano', 'piano api'] },
  pl: { guess: ['plan', 'subskrypcja', 'abonament', 'obecny plan', 'twój plan', 'plan api'] },
  pt_BR: { guess: ['plano', 'assinatura', 'plano atual', 'seu plano', 'plano de api'] },
  ar: { guess: ['الخطة', 'الاشتراك', 'الخطة الحالية', 'خطتك'] },
};
const PLAN_FIELD_TEXT = /* @__PURE__ */ labelTexts(PLAN_FIELD_LABELS);

/** "Upgrade to Pro" and similar: a free Vibe user's cue (docs: "Upgrade to Pro" on a free org's Subscriptions page). */
export const UPGRADE_LABELS: LabelSet = {
  en: { docs: ['upgrade to pro'], guess: ['upgrade to vibe pro', 'upgrade to le chat pro'] },
  fr: { guess: ['passer à pro', 'passer au plan pro', 'passez à pro', 'passer à vibe pro', 'passer à l’offre pro'] },
  de: { guess: ['auf pro upgraden', 'upgrade auf pro', 'zu pro wechseln'] },
  es: { guess: ['actualizar a pro', 'mejorar a pro', 'pasar a pro', 'pásate a pro'] },
  it: { guess: ['passa a pro', 'esegui l’upgrade a pro', 'aggiorna a pro'] },
  pl: { guess: ['przejdź na pro', 'ulepsz do pro', 'przejdź na plan pro'] },
  pt_BR: { guess: ['fazer upgrade para o pro', 'atualizar para o pro', 'atualizar para pro', 'assine o pro'] },
  ar: { guess: ['الترقية إلى pro', 'ترقية إلى pro'] },
};
const UPGRADE_TEXT = /* @__PURE__ */ labelTexts(UPGRADE_LABELS);

/** Studio's "Upgrade to Scale": shown on the free API plan. All guesses (docs name /upgrade/subscribe). */
export const UPGRADE_SCALE_LABELS: LabelSet = {
  en: { guess: ['upgrade to scale', 'upgrade to the scale plan', 'switch to scale', 'upgrade to scale plan'] },
  fr: { guess: ['passer à scale', 'passer au plan scale', 'passer à l’offre scale', 'passez à scale'] },
  de: { guess: ['auf scale upgraden', 'upgrade auf scale', 'zu scale wechseln'] },
  es: { guess: ['actualizar a scale', 'pasar a scale', 'mejorar a scale'] },
  it: { guess: ['passa a scale', 'aggiorna a scale'] },
  pl: { guess: ['przejdź na scale', 'przejdź na plan scale'] },
  pt_BR: { guess: ['fazer upgrade para o scale', 'atualizar para scale', 'atualizar para o scale'] },
  ar: { guess: ['الترقية إلى scale', 'ترقية إلى scale'] },
};
const UPGRADE_SCALE_TEXT = /* @__PURE__ */ labelTexts(UPGRADE_SCALE_LABELS);

/** Someone's words, never the app's: chat turns, the composer, editable text, conversation titles. (3rd selectors.) */
export const USER_CONTENT =
  '[data-message-author-role], [data-message-part-type], .markdown-container-style, [data-testid="text-message-part"], .ProseMirror, [contenteditable="true"], [role="log"], a[href^="/chat/"], a[href^="/work/"], a[href^="/code/"]';
/** Where a plan name is never a plan: someone's words, and form fields (a value typed in). */
const NOT_PLAN_SCOPES = `${USER_CONTENT}, textarea, input, [role="textbox"]`;

/** Account data from the chat app (`organization.all`, reverse-engineered, may drift). */
export const ACCOUNT_DATA = {
  path: '/api/trpc/organization.all',
  query: 'batch=1&input=%7B%220%22%3A%7B%22json%22%3Anull%7D%7D',
  /** Where it is asked for: lib/surfaces.ts, `accountData`. */
  surfaces: ACCOUNT_DATA_SURFACES,
  confidence: 0.9,
  /** orgTier values known to mean the free plan. */
  freeTiers: ['B'],
  /**
   * 3rd (mistral-surfaces.md, "The chat app's tRPC"): `settings.get` → ~55 flags `{value}`, among them
   * `publicChatSharingEnabled`, read as the organization's Public chat sharing. Less trusted than the plan fields
   * and than the Admin Panel's own switch (1): it may be an app-wide feature flag as much as the admin's choice.
   */
  settings: {
    path: '/api/trpc/settings.get',
    query: 'batch=1&input=%7B%220%22%3A%7B%22json%22%3Anull%7D%7D',
    publicSharing: 'publicChatSharingEnabled',
    confidence: 0.8,
  },
};

/**
 * The site rules of some hosts, as the JSON data the detectors read (lib/detect/ruleset.ts): the background answers
 * a reading content script's `get-rules` with its own host's (lib/background/handler.ts), and fills its own and
 * the unit tests' holder with every host's. Only what those hosts' pages use: their surfaces (URL patterns as
 * regular expressions' sources), the control rules of their settings pages (labels with their provenance) and the
 * words those controls need (retention choices, status words, "managed"), their plan signals and the words of
 * those signals, every plan name (a list of plans is recognised by them), the chat app's account data requests on
 * the chat host. Tests: test/unit/rules.test.ts (JSON round trip, one host's rules read every fixture as all do).
 */
export function rulesetFor(hosts: readonly MistralHost[]): Ruleset {
  const surfaces = SURFACES.filter((s) => hosts.includes(s.host));
  const ids = new Set<SurfaceId>(surfaces.map((s) => s.id));
  const pick = <T>(rec: Partial<Record<SurfaceId, T>>): Partial<Record<SurfaceId, T>> =>
    Object.fromEntries(Object.entries(rec).filter(([id]) => ids.has(id as SurfaceId)));
  const controls = pick(CONTROL_RULES);
  const kinds = new Set(Object.values(controls).flatMap((list) => (list ?? []).map((r) => r.kind)));
  const signals = PLAN_SIGNALS.map((sig) => ({ ...sig, surfaces: sig.surfaces.filter((id) => ids.has(id)) })).filter(
    (sig) => sig.surfaces.length > 0,
  );
  const reads = (kind: PlanSignalKind) => signals.some((s) => s.kind === kind);
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return copy({
    hosts: [...hosts],
    surfaces: surfaces.map(({ id, host, product, chat, signals: sigs, accountData, path }) => ({
      id,
      host,
      product,
      chat,
      signals: [...sigs],
      accountData,
      path,
    })),
    controls,
    order: pick(ADMIN_CONTROL_ORDER),
    orderConfidence: ORDER_CONFIDENCE,
    retention: kinds.has('select') ? RETENTION_TEXT : {},
    status: kinds.has('status') ? STATUS_WORDS : { off: [], on: [] },
    managed: kinds.size ? MANAGED_TEXT : [],
    planSignals: signals,
    hostProducts: Object.fromEntries(hosts.map((h) => [h, HOST_PLAN_PRODUCTS[h]])),
    subscriptionTabs: reads('subscription-tab') ? SUBSCRIPTION_TABS : { vibe: [], api: [] },
    currentPlan: reads('current-plan-card') ? CURRENT_PLAN_TEXT : [],
    planField: PLAN_FIELD_TEXT,
    upgrade: reads('upgrade-link') ? UPGRADE_TEXT : [],
    upgradeScale: reads('upgrade-banner') ? UPGRADE_SCALE_TEXT : [],
    userContent: USER_CONTENT,
    notPlanScopes: NOT_PLAN_SCOPES,
    planNames: PLAN_NAMES,
    apiOnlyNames: API_ONLY_NAMES,
    accountData: surfaces.some((s) => s.accountData)
      ? {
          path: ACCOUNT_DATA.path,
          query: ACCOUNT_DATA.query,
          settingsPath: ACCOUNT_DATA.settings.path,
          settingsQuery: ACCOUNT_DATA.settings.query,
        }
      : null,
  });
}
