/**
 * Windsock's policy knowledge, as data. Every statement cites a document in lib/policy/sources/ (copies of
 * Mistral's public pages, see its README) with the section and a verbatim quote, named in CITE (citations.ts,
 * shared with the rights pages); test/unit/knowledge.test.ts
 * validates all of it with the zod schemas in schema.ts and checks each quote against its file.
 *
 * To change what Windsock says about Mistral's policies, change this file (and the _locales strings it names).
 * The controls' labels and the plans' names are policy data too (labels.ts), which the page detectors take;
 * nothing here imports lib/detect or lib/page (test/unit/layers.test.ts).
 */
import type {
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
import { CITE, quoteKeyOf } from './citations';
import { CONTROL_LABELS, PLAN_NAMES } from './labels';

const SOURCES: Source[] = [
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

const C = CITE;

export const PLANS: Plan[] = (Object.entries(PLAN_NAMES) as [PlanId, (typeof PLAN_NAMES)[PlanId]][]).map(([id, d]) => ({
  id,
  names: d.names,
  products: d.products,
  paid: id !== 'free',
}));

const CONTROLS: Control[] = [
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
const FACTS: Fact[] = [
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
    citations: [C.docsConnectors, C.pp25ThirdParty],
  },
  { id: 'libraries-not-trained', claimKey: 'factLibrariesNotTrained', citations: [C.docsLibraries] },
  { id: 'attachments-are-input', claimKey: 'factAttachmentsAreInput', citations: [C.helpAttach] },
  { id: 'mobile-opt-out', claimKey: 'factMobileOptOut', citations: [C.mobile] },
  { id: 'memories', claimKey: 'factMemories', citations: [C.memory] },
];

export const RETENTION: RetentionFact[] = [
  {
    id: 'vibe-chats',
    product: 'vibe',
    claimKey: 'retVibeChats',
    citations: [C.pp25RetLeChat, C.zdrDeletion],
  },
  {
    id: 'vibe-no-account',
    product: 'vibe',
    claimKey: 'retVibeNoAccount',
    citations: [C.pp25RetNoAccount],
  },
  { id: 'vibe-retention-policy', product: 'vibe', claimKey: 'retVibePolicy', citations: [C.docsRetention] },
  {
    id: 'api-io',
    product: 'api',
    claimKey: 'retApiIo',
    citations: [C.pp25RetApiIo],
  },
  {
    id: 'api-fine-tuning',
    product: 'api',
    claimKey: 'retApiFineTuning',
    citations: [C.pp25RetFineTuning],
  },
  {
    id: 'feedback',
    product: 'feedback',
    claimKey: 'retFeedback',
    citations: [C.pp25RetFeedback],
  },
  {
    id: 'account',
    product: 'account',
    claimKey: 'retAccount',
    citations: [C.pp25RetAccount],
  },
  {
    id: 'security-logs',
    product: 'security',
    claimKey: 'retSecurityLogs',
    citations: [C.pp25RetSecurityLogs],
  },
  {
    id: 'support',
    product: 'support',
    claimKey: 'retSupport',
    citations: [C.pp25RetSupport],
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
  citations: [C.zdrEndpoints, C.zdrStateful],
};

export const KNOWLEDGE: Knowledge = {
  sources: SOURCES,
  plans: PLANS,
  controls: CONTROLS,
  defaults: DEFAULTS,
  facts: FACTS,
  retention: RETENTION,
  zdrEndpoints: ZDR_ENDPOINTS,
  citations: CITE,
};

export { CITE, quoteKeyOf };

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
