/**
 * How long Mistral keeps what, per product and plan, and what zero data retention (ZDR) covers — from the
 * knowledge (RETENTION, ZDR_ENDPOINTS) plus the few facts below, each with its verbatim citation — combined
 * with what Windsock saw on the Admin Panel (Chat Retention Policy, API plan, ZDR status). Pure: the view
 * model for components/Retention.tsx.
 */
import { RETENTION_VALUES, type Citation, type PlanId, type RetentionValue, type SourceId } from '../policy/schema';
import { CITE, RETENTION, ZDR_ENDPOINTS } from '../policy/knowledge';
import { currentOrg, type Observation, type Store } from '../store/schema';
import { REQUEST_FACTS } from './rights';

const cite = (source: SourceId, section: string, quote: string): Citation => ({ source, section, quote });
const PP_RETENTION = '5. How long do we keep your personal data?';

/** Retention and ZDR facts the knowledge does not carry yet. */
export const RETENTION_EXTRA = {
  deletionGrace: cite('help-zdr', 'ZDR on Vibe', 'typically after a short grace period to prevent accidental data loss, and for monitoring and legal retention purposes.'),
  imageGeneration: cite(
    'privacy-policy-2025',
    '6. Who do we share your personal data with?',
    'Your Input is stored for 15 days and then permanently deleted from Black Forest Labs’ systems. Your Outputs are permanently destroyed within 1 day from Black Forest Labs’ systems.',
  ),
  invoices: cite('privacy-policy-2025', PP_RETENTION, 'Invoices: For 10 years from the year-end date.'),
  zdrEffect: cite('help-zdr', 'ZDR on Mistral Studio', 'When ZDR is enabled, your API inputs and outputs are not retained on our systems beyond what is required to return the response.'),
  zdrTroubleshooting: cite('docs-privacy', 'API privacy controls', 'When zero data retention is enabled, troubleshooting and analytics data are not stored.'),
  zdrUpgrade: cite('help-zdr', 'ZDR on Mistral Studio', 'ZDR is available only on the Scale plan (our paid API plan). If you’re on the free plan, upgrade to Scale first.'),
  zdrRequest: cite('help-zdr', 'How to request ZDR', 'Submit your request directly within our Help Center or by contacting our support team.'),
  zdrReasons: cite('help-zdr', 'How to request ZDR', 'you must provide sufficient detail of your legitimate reasons for requesting Zero Data Retention.'),
  zdrDiscretion: cite('help-zdr', 'How to request ZDR', 'We will review your request and, at our discretion, approve or deny it.'),
  zdrCheck: cite('help-zdr', 'How to check whether ZDR is active', 'After your ZDR request is approved, it appears in the Privacy settings of the Admin Console.'),
  zdrRejected: cite('help-zdr', 'How to check whether ZDR is active', 'If your request is rejected, you receive an email.'),
  zdrCli: cite('help-zdr', 'ZDR on Vibe CLI', 'If ZDR is enabled for your Scale organization, Vibe CLI API calls follow the same ZDR rules as the underlying API endpoint.'),
  zdrFiles: cite('help-zdr', 'ZDR on Mistral Studio', 'For example, the Files API stores uploaded files and is outside the scope of ZDR.'),
} satisfies Record<string, Citation>;

export interface RetentionRow {
  id: string;
  /** rt()/t() key of the statement. */
  claimKey: string;
  citations: Citation[];
}

export interface RetentionGroup {
  id: 'vibe' | 'api' | 'other';
  rows: RetentionRow[];
}

export type ZdrState = 'on' | 'available' | 'not-scale' | 'unknown';

export interface RetentionView {
  vibePlan?: Observation;
  apiPlan?: Observation;
  /** The Chat Retention Policy seen on Admin Panel › Vibe › Privacy. */
  chatRetention?: Observation & { value: RetentionValue };
  zdr: { state: ZdrState; plan?: PlanId; seen?: Observation; citations: Citation[] };
  groups: RetentionGroup[];
  zdrEndpoints: typeof ZDR_ENDPOINTS;
}

const fromKnowledge = (id: string): RetentionRow => {
  const r = RETENTION.find((x) => x.id === id);
  if (!r) throw new Error(`unknown retention fact ${id}`);
  return { id: r.id, claimKey: r.claimKey, citations: r.citations };
};

export const RETENTION_GROUPS: RetentionGroup[] = [
  {
    id: 'vibe',
    rows: [
      fromKnowledge('vibe-chats'),
      { id: 'deletion-grace', claimKey: 'ret_grace', citations: [RETENTION_EXTRA.deletionGrace] },
      fromKnowledge('vibe-no-account'),
      fromKnowledge('feedback'),
      { id: 'image-generation', claimKey: 'ret_image_generation', citations: [RETENTION_EXTRA.imageGeneration] },
      { id: 'no-zdr-vibe', claimKey: 'ret_no_zdr_vibe', citations: [CITE.zdrNotVibe] },
    ],
  },
  {
    id: 'api',
    rows: [fromKnowledge('api-io'), fromKnowledge('api-fine-tuning'), { id: 'zdr-files', claimKey: 'ret_files', citations: [RETENTION_EXTRA.zdrFiles] }],
  },
  {
    id: 'other',
    rows: [
      fromKnowledge('account'),
      { id: 'invoices', claimKey: 'ret_invoices', citations: [RETENTION_EXTRA.invoices] },
      fromKnowledge('security-logs'),
      fromKnowledge('support'),
      { id: 'privacy-requests', claimKey: 'ret_privacy_requests', citations: [REQUEST_FACTS.requestsKept] },
    ],
  },
];

/** rt() keys of the stateful products ZDR never covers, in ZDR_ENDPOINTS.notCovered's order. */
export const NOT_COVERED_KEYS: Record<string, string> = {
  agents: 'zdr_nc_agents',
  'batch processing files': 'zdr_nc_batch',
  conversations: 'zdr_nc_conversations',
  libraries: 'zdr_nc_libraries',
  '/v1/files': 'zdr_nc_files',
  'Vibe Work': 'zdr_nc_vibe_work',
  Chat: 'zdr_nc_chat',
};

export function retentionView(store: Store): RetentionView {
  const obs = currentOrg(store).observations;
  const vibePlan = obs['plan:vibe'];
  const apiPlan = obs['plan:api'];
  const retention = obs['chat-retention'];
  const zdrSeen = obs.zdr;
  const plan = apiPlan?.value as PlanId | undefined;
  let state: ZdrState;
  let citations: Citation[];
  if (zdrSeen?.value === 'on') {
    state = 'on';
    citations = [RETENTION_EXTRA.zdrEffect, RETENTION_EXTRA.zdrTroubleshooting, CITE.zdrSeparate];
  } else if (plan === 'scale') {
    state = 'available';
    citations = [CITE.zdrScaleOnly, RETENTION_EXTRA.zdrRequest, RETENTION_EXTRA.zdrReasons, RETENTION_EXTRA.zdrDiscretion, RETENTION_EXTRA.zdrCheck, RETENTION_EXTRA.zdrRejected];
  } else if (plan) {
    state = 'not-scale';
    citations = [CITE.zdrScaleOnly, RETENTION_EXTRA.zdrUpgrade];
  } else {
    state = 'unknown';
    citations = [CITE.zdrScaleOnly, RETENTION_EXTRA.zdrCheck];
  }
  return {
    vibePlan,
    apiPlan,
    chatRetention: retention && (RETENTION_VALUES as readonly string[]).includes(String(retention.value)) ? (retention as Observation & { value: RetentionValue }) : undefined,
    zdr: { state, plan, seen: zdrSeen, citations },
    groups: RETENTION_GROUPS,
    zdrEndpoints: ZDR_ENDPOINTS,
  };
}

/** Every citation of this module (for the tests). */
export function retentionCitations(): { where: string; c: Citation }[] {
  return Object.entries(RETENTION_EXTRA).map(([k, c]) => ({ where: `retention extra ${k}`, c }));
}
