/**
 * Windsock's policy knowledge, as data. Every statement cites a document in lib/policy/sources/ (copies of
 * Mistral's public pages, see its README) with the section and a verbatim quote; test/unit/knowledge.test.ts
 * validates all of it with the zod schemas in schema.ts and checks each quote against its file.
 *
 * To change what Windsock says about Mistral's policies, change this file (and the _locales strings it names).
 */
import type {
  Citation,
  Control,
  DefaultClaim,
  Fact,
  Knowledge,
  Plan,
  PlanId,
  Product,
  RetentionFact,
  Source,
  SourceId,
} from './schema';
import { CONTROL_LABELS } from '../detect/rules';
import { PLAN_NAMES, planFromName as planFromNameDetect } from '../detect/plan-names';

export const SOURCES: Source[] = [
  {
    id: 'docs-privacy',
    file: '000_ca8fc3bbc77c8aa8.txt',
    title: 'Privacy (Mistral docs: privacy and data controls)',
    publisher: 'Mistral AI documentation',
    date: '2026',
    kind: 'docs',
  },
  {
    id: 'help-opt-out',
    file: '001_ace575205295ee36.txt',
    title: 'How to opt out of training (Help Center)',
    publisher: 'Mistral AI Help Center',
    date: '2026',
    kind: 'help-center',
  },
  {
    id: 'help-zdr',
    file: '002_6350e61b3c907b8f.txt',
    title: 'Zero Data Retention (Help Center)',
    publisher: 'Mistral AI Help Center',
    date: '2026',
    kind: 'help-center',
  },
  {
    id: 'privacy-policy-2025',
    file: '003_4d69198766b1bb29.txt',
    title: 'Privacy Policy, effective 6 February 2025',
    publisher: 'Mistral AI',
    date: '2025-02-06',
    kind: 'policy',
    url: 'https://mistral.ai/terms#privacy-policy',
  },
  {
    id: 'privacy-policy-2026-summary',
    file: '004_739c3a63e3ffaed5.txt',
    title: 'Summary of the Privacy Policy effective 8 April 2026 (third party)',
    publisher: 'Third-party summary',
    date: '2026-04-08',
    kind: 'secondary',
  },
];

const cite = (source: SourceId, section: string, quote: string): Citation => ({ source, section, quote });

// The citations used more than once.
const C = {
  docsDataFree: cite('docs-privacy', 'Data usage', 'Vibe (Free plan): conversations can be used to improve our models. You can opt out at any time from the Admin Panel.'),
  docsDataPaid: cite('docs-privacy', 'Data usage', "Vibe (Pro, Team, Enterprise): conversations aren't used for model training by default."),
  docsDataApi: cite('docs-privacy', 'Data usage', "API: data sent through the API isn't used for model training."),
  helpTeamEnt: cite('help-opt-out', 'Opt out of Vibe data training (via the Admin Console)', 'Users of Vibe Teams or Enterprise plan are opted out of training by default.'),
  helpOthers: cite('help-opt-out', 'Opt out of Vibe data training (via the Admin Console)', 'Users of other subscription plans may opt out of training through the Admin Console'),
  helpAttach: cite('help-opt-out', 'Opt out of Vibe data training (via the Admin Console)', 'Documents attached or uploaded within Vibe are considered as input data. Therefore, if you use the Free plan, Pro plan, or Education plan, you may wish to opt out'),
  helpScale: cite('help-opt-out', 'Opt out of Mistral Studio and API data training (via the Admin Console)', 'Customers on a Scale plan are opted out of training by default.'),
  helpApiFree: cite('help-opt-out', 'Opt out of Mistral Studio and API data training (via the Admin Console)', 'Users on the free plan may opt out of data training for Mistral Studio and related API services'),
  pp25LeChatFree: cite('privacy-policy-2025', '3.4.3. Le Chat', 'If You use Le Chat Free, Le Chat Pro or Le Chat Student: We use your Input, Output and Feedback to train our general-purpose artificial intelligence models.'),
  pp25Team: cite('privacy-policy-2025', '3.4.3. Le Chat', 'If you use Le Chat Team : We do not use your Input, Output and Feedback to train our artificial intelligence models.'),
  pp25Feedback: cite('privacy-policy-2025', '3.4.3. Le Chat', 'If you click on "Thumbs Up" or "Thumbs Down" to rate an Output, we use your Feedback to train our artificial intelligence models.'),
  pp25PlatPaid: cite('privacy-policy-2025', '3.4.2. Input and Output provided on La Plateforme', 'If you use our paid Services: We do not use your Input and Output to train or improve our models.'),
  pp25PlatFree: cite('privacy-policy-2025', '3.4.2. Input and Output provided on La Plateforme', 'If you use our free Services: We use your Input and Output to train our general-purpose artificial intelligence models.'),
  pp25OptOut: cite('privacy-policy-2025', '3.4.3. Le Chat', 'You can opt-out of training at any time by using the feature available on your account. In this case, we do not use your Input and Output to train our artificial intelligence models'),
  pp26Free: cite('privacy-policy-2026-summary', 'Summary', 'if you use the free version of Le Chat or free APIs, Mistral AI can use your chat messages and AI-generated responses to train its AI models unless you actively opt out'),
  pp26Carve: cite('privacy-policy-2026-summary', 'Summary', 'explicitly carves out paid API and Le Chat Enterprise users from this training use'),
  docsLabs: cite('docs-privacy', 'API privacy controls', 'If you activate Labs models, data can be used to train Mistral models, regardless of your subscription plan or opt-out settings'),
  docsVibeTraining: cite('docs-privacy', 'Vibe privacy controls', "Model training: allow or disable the use of Vibe interactions to train Mistral models. If you disable this option, new interactions from your users aren't used to train models."),
  docsApiTraining: cite('docs-privacy', 'API privacy controls', 'Data usage for improving our services: allow or disable the use of API calls to train Mistral models.'),
  docsSharing: cite('docs-privacy', 'Vibe privacy controls', 'Public chat sharing: allow Organization members to share chats publicly, including access to document libraries.'),
  docsFeedback: cite('docs-privacy', 'Vibe privacy controls', 'Model response feedback: allow Organization members to submit thumbs up, thumbs down, and free-text feedback on model responses.'),
  docsRetention: cite('docs-privacy', 'Vibe privacy controls', 'Chat Retention Policy: automatically delete chats and their artifacts after a set period from creation. You can choose Never, 30 days, 60 days, 90 days, 180 days, or 1 year.'),
  docsZdr: cite('docs-privacy', 'API privacy controls', 'Zero data retention: review whether troubleshooting and analytics data are stored for your Organization.'),
  zdrScaleOnly: cite('help-zdr', 'Zero Data Retention', 'Zero Data Retention (ZDR) is available only for the Scale plan and only for stateless API calls.'),
  zdrNotVibe: cite('help-zdr', 'ZDR on Vibe', 'ZDR is not available for Vibe Work or Chat, regardless of your subscription plan.'),
  zdrStateful: cite('help-zdr', 'ZDR on Mistral Studio', 'ZDR does not apply to stateful APIs or products, including agents, batch processing files, conversations, libraries, /v1/files, Vibe Work, and Chat.'),
  zdrSeparate: cite('help-zdr', 'ZDR, training opt-out, and DPA', 'ZDR and training opt-out are separate controls'),
  mobile: cite('help-opt-out', 'Opt out of Vibe data training on the mobile application (iOS and Android)', 'Deselect the Enable data sharing checkbox.'),
  apiOldName: cite('help-opt-out', 'Opt out of Mistral Studio and API data training (via the Admin Console)', 'disable the toggle to prevent API calls and related data from being used to improve Mistral’s services.'),
  memory: cite('privacy-policy-2026-summary', 'Summary', 'you can also turn off or delete the Memory feature that stores personal details from your conversations'),
} satisfies Record<string, Citation>;

export const PLANS: Plan[] = (Object.entries(PLAN_NAMES) as [PlanId, (typeof PLAN_NAMES)[PlanId]][]).map(([id, d]) => ({
  id,
  names: d.names,
  products: d.products,
  paid: id !== 'free',
}));

export const CONTROLS: Control[] = [
  {
    id: 'vibe-training',
    product: 'vibe',
    kind: 'switch',
    labels: CONTROL_LABELS['vibe-training'],
    labelsNote: 'French labels are guesses: no real French UI string was found (notes/mistral-surfaces.md).',
    page: 'admin-vibe-privacy',
    safeValue: 'off',
    citations: [C.docsVibeTraining, C.helpOthers],
  },
  {
    id: 'mobile-data-sharing',
    product: 'vibe',
    kind: 'switch',
    labels: CONTROL_LABELS['mobile-data-sharing'],
    labelsNote: 'Shown only in the mobile app (Settings › Account › Data & Account Controls); Windsock cannot see it.',
    page: null,
    safeValue: 'off',
    citations: [C.mobile],
  },
  {
    id: 'api-training',
    product: 'api',
    kind: 'switch',
    labels: CONTROL_LABELS['api-training'],
    labelsNote: 'French labels are guesses.',
    page: 'admin-api-privacy',
    safeValue: 'off',
    citations: [C.docsApiTraining, C.apiOldName],
  },
  {
    id: 'labs-models',
    product: 'api',
    kind: 'switch',
    labels: CONTROL_LABELS['labs-models'],
    labelsNote: 'French labels are guesses.',
    page: 'admin-api-privacy',
    safeValue: 'off',
    citations: [C.docsLabs],
  },
  {
    id: 'zdr',
    product: 'api',
    kind: 'status',
    labels: CONTROL_LABELS['zdr'],
    labelsNote: 'A status set by Mistral on request, not a switch. French labels are guesses.',
    page: 'admin-api-privacy',
    safeValue: 'on',
    citations: [C.docsZdr, C.zdrScaleOnly],
  },
  {
    id: 'public-sharing',
    product: 'vibe',
    kind: 'switch',
    labels: CONTROL_LABELS['public-sharing'],
    labelsNote: 'French labels are guesses.',
    page: 'admin-vibe-privacy',
    safeValue: 'off',
    citations: [C.docsSharing],
  },
  {
    id: 'feedback',
    product: 'vibe',
    kind: 'switch',
    labels: CONTROL_LABELS['feedback'],
    labelsNote: 'French labels are guesses.',
    page: 'admin-vibe-privacy',
    safeValue: 'off',
    citations: [C.docsFeedback, C.pp25Feedback],
  },
  {
    id: 'chat-retention',
    product: 'vibe',
    kind: 'select',
    labels: CONTROL_LABELS['chat-retention'],
    labelsNote: 'French labels are guesses.',
    page: 'admin-vibe-privacy',
    citations: [C.docsRetention],
  },
  {
    id: 'memories',
    product: 'vibe',
    kind: 'switch',
    labels: CONTROL_LABELS['memories'],
    page: 'vibe-memories',
    safeValue: 'off',
    citations: [C.memory],
  },
];

/** What each document says about a plan's default, one claim per document. Disagreements are kept. */
export const DEFAULTS: DefaultClaim[] = [
  // Vibe
  { product: 'vibe', plan: 'free', training: 'on', citation: C.docsDataFree },
  { product: 'vibe', plan: 'free', training: 'on', citation: C.helpOthers },
  { product: 'vibe', plan: 'free', training: 'on', citation: C.pp25LeChatFree },
  { product: 'vibe', plan: 'free', training: 'on', citation: C.pp26Free },
  { product: 'vibe', plan: 'pro', training: 'off', citation: C.docsDataPaid },
  { product: 'vibe', plan: 'pro', training: 'on', citation: C.helpAttach },
  { product: 'vibe', plan: 'pro', training: 'on', citation: C.pp25LeChatFree },
  { product: 'vibe', plan: 'education', training: 'on', citation: C.helpAttach },
  { product: 'vibe', plan: 'education', training: 'on', citation: C.pp25LeChatFree },
  { product: 'vibe', plan: 'team', training: 'off', citation: C.docsDataPaid },
  { product: 'vibe', plan: 'team', training: 'off', citation: C.helpTeamEnt },
  { product: 'vibe', plan: 'team', training: 'off', citation: C.pp25Team },
  { product: 'vibe', plan: 'enterprise', training: 'off', citation: C.docsDataPaid },
  { product: 'vibe', plan: 'enterprise', training: 'off', citation: C.helpTeamEnt },
  { product: 'vibe', plan: 'enterprise', training: 'off', citation: C.pp26Carve },
  // API / Studio
  { product: 'api', plan: 'free', training: 'on', citation: C.helpApiFree },
  { product: 'api', plan: 'free', training: 'on', citation: C.pp25PlatFree },
  { product: 'api', plan: 'free', training: 'on', citation: C.pp26Free },
  { product: 'api', plan: 'free', training: 'off', citation: C.docsDataApi },
  { product: 'api', plan: 'scale', training: 'off', citation: C.helpScale },
  { product: 'api', plan: 'scale', training: 'off', citation: C.pp25PlatPaid },
  { product: 'api', plan: 'scale', training: 'off', citation: C.docsDataApi },
  { product: 'api', plan: 'pro', training: 'off', citation: C.pp25PlatPaid },
  { product: 'api', plan: 'pro', training: 'off', citation: C.docsDataApi },
  { product: 'api', plan: 'education', training: 'off', citation: C.pp25PlatPaid },
  { product: 'api', plan: 'education', training: 'off', citation: C.docsDataApi },
  { product: 'api', plan: 'team', training: 'off', citation: C.pp25PlatPaid },
  { product: 'api', plan: 'team', training: 'off', citation: C.docsDataApi },
  { product: 'api', plan: 'enterprise', training: 'off', citation: C.pp25PlatPaid },
  { product: 'api', plan: 'enterprise', training: 'off', citation: C.pp26Carve },
  { product: 'api', plan: 'enterprise', training: 'off', citation: C.docsDataApi },
];

/** Facts the verdict's reasons and caveats draw on. */
export const FACTS: Fact[] = [
  { id: 'opt-out-works', claimKey: 'factOptOutWorks', citations: [C.docsVibeTraining, C.pp25OptOut] },
  { id: 'api-opt-out-works', claimKey: 'factApiOptOutWorks', citations: [C.docsApiTraining, C.helpApiFree] },
  { id: 'feedback-trains', claimKey: 'factFeedbackTrains', citations: [C.pp25Feedback, C.docsFeedback] },
  { id: 'feedback-team', claimKey: 'factFeedbackTeam', citations: [C.pp25Team] },
  { id: 'labs-override', claimKey: 'factLabsOverride', citations: [C.docsLabs] },
  { id: 'zdr-scale-only', claimKey: 'factZdrScaleOnly', citations: [C.zdrScaleOnly, C.zdrNotVibe] },
  { id: 'zdr-stateless-only', claimKey: 'factZdrStatelessOnly', citations: [C.zdrStateful, C.zdrSeparate] },
  { id: 'public-sharing', claimKey: 'factPublicSharing', citations: [C.docsSharing] },
  {
    id: 'connectors-not-trained',
    claimKey: 'factConnectorsNotTrained',
    citations: [
      cite('docs-privacy', 'Data usage', "Connector data isn't used for training."),
      cite('privacy-policy-2025', '3.4.4. Third-party services', 'If you connect a third-party service to our Services, we do not use this third-party service to train or improve our artificial intelligence models.'),
    ],
  },
  { id: 'libraries-not-trained', claimKey: 'factLibrariesNotTrained', citations: [cite('docs-privacy', 'Data usage', 'Libraries: uploaded documents are stored securely and not used for training.')] },
  { id: 'attachments-are-input', claimKey: 'factAttachmentsAreInput', citations: [C.helpAttach] },
  { id: 'mobile-opt-out', claimKey: 'factMobileOptOut', citations: [C.mobile] },
  { id: 'memories', claimKey: 'factMemories', citations: [C.memory] },
];

export const RETENTION: RetentionFact[] = [
  {
    id: 'vibe-chats',
    product: 'vibe',
    claimKey: 'retVibeChats',
    citations: [
      cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'If you use Le Chat with an account, we keep your Input, Output and Feedback in an identifying form until you delete your account.'),
      cite('help-zdr', 'ZDR on Vibe', 'Conversations are removed from our systems upon manual deletion on your side, or when you delete your account, typically after a short grace period'),
    ],
  },
  {
    id: 'vibe-no-account',
    product: 'vibe',
    claimKey: 'retVibeNoAccount',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'If you use Le Chat without an account, we keep your Input, Output and Feedback in an identifying form for the duration of your conversation on Le Chat.')],
  },
  { id: 'vibe-retention-policy', product: 'vibe', claimKey: 'retVibePolicy', citations: [C.docsRetention] },
  {
    id: 'api-io',
    product: 'api',
    claimKey: 'retApiIo',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'We keep your Input and Output for the period necessary to generate the Output and then for thirty (30) rolling days to monitor abuse, unless zero data retention is activated.')],
  },
  {
    id: 'api-fine-tuning',
    product: 'api',
    claimKey: 'retApiFineTuning',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'We keep your fine-tuning data until you delete it from La Plateforme or until you delete your account.')],
  },
  {
    id: 'feedback',
    product: 'feedback',
    claimKey: 'retFeedback',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'we keep your Input, Output and Feedback in an identifying form until you delete your account')],
  },
  {
    id: 'account',
    product: 'account',
    claimKey: 'retAccount',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', "for as long as you're registered and 1 year after you terminate your account in accordance with our legal obligations.")],
  },
  {
    id: 'security-logs',
    product: 'security',
    claimKey: 'retSecurityLogs',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'Security logs are kept for 1 rolling year.')],
  },
  {
    id: 'support',
    product: 'support',
    claimKey: 'retSupport',
    citations: [cite('privacy-policy-2025', '5. How long do we keep your personal data?', 'We keep your data until your request is processed and for 5 years for record-keeping.')],
  },
];

export const ZDR_ENDPOINTS: Knowledge['zdrEndpoints'] = {
  covered: [
    '/v1/chat/completions',
    '/v1/fim/completions',
    '/v1/embeddings',
    '/v1/moderations',
    '/v1/chat/moderations',
    '/v1/classifications',
    '/v1/chat/classifications',
    '/v1/ocr',
    '/v1/audio/speech',
    '/v1/audio/transcriptions',
  ],
  notCovered: ['agents', 'batch processing files', 'conversations', 'libraries', '/v1/files', 'Vibe Work', 'Chat'],
  citations: [
    cite('help-zdr', 'ZDR on Mistral Studio', 'ZDR applies to the following stateless API endpoints:'),
    C.zdrStateful,
  ],
};

export const KNOWLEDGE: Knowledge = {
  sources: SOURCES,
  plans: PLANS,
  controls: CONTROLS,
  defaults: DEFAULTS,
  facts: FACTS,
  retention: RETENTION,
  zdrEndpoints: ZDR_ENDPOINTS,
};

export const CITE = C;

/**
 * The catalog key of a quote's translation (`quote_<CITE name>` in public/_locales), for the quotes of CITE.
 * Quotes stay verbatim in English; pages in another language show this translation beside them.
 */
const QUOTE_KEYS = new Map<string, string>(Object.entries(C).map(([name, c]) => [c.quote, `quote_${name}`]));
export const quoteKeyOf = (c: Citation): string | undefined => QUOTE_KEYS.get(c.quote);

export function sourceById(id: SourceId): Source {
  const s = SOURCES.find((x) => x.id === id);
  if (!s) throw new Error(`unknown source ${id}`);
  return s;
}

export function factById(id: string): Fact {
  const f = FACTS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown fact ${id}`);
  return f;
}

export function controlById(id: Control['id']): Control {
  return CONTROLS.find((c) => c.id === id)!;
}

/** Every document's claim on the default for a plan and product, and whether they agree. */
export function defaultsFor(product: Product, plan: PlanId): { claims: DefaultClaim[]; agreed: 'on' | 'off' | null } {
  const claims = DEFAULTS.filter((d) => d.product === product && d.plan === plan);
  const values = new Set(claims.map((c) => c.training));
  return { claims, agreed: values.size === 1 ? [...values][0] : null };
}

/** Plan id from a name as a page prints it ("Le Chat Pro", "Free mode", "Experiment"…), or null. */
export const planFromName = (name: string): PlanId | null => planFromNameDetect(name);
