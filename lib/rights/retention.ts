/**
 * How long Mistral keeps what, per product and plan, and what zero data retention (ZDR) covers — from the
 * knowledge (RETENTION, ZDR_ENDPOINTS) plus the few facts below, each with its verbatim citation — combined
 * with what Windsock saw on the Admin Panel (Chat Retention Policy, API plan, ZDR status). Pure: the view
 * model for components/Retention.tsx.
 */
import type { MessageKey } from '../i18n';
import { RETENTION_VALUES, type Citation, type PlanId, type RetentionValue } from '../policy/schema';
import { RETENTION, ZDR_ENDPOINTS } from '../policy/knowledge';
import { CITE } from '../policy/citations';
import { currentOrg, type Observation, type Store } from '../store/schema';
import { REQUEST_FACTS } from './rights';

/** The retention and ZDR citations this view adds to the knowledge's RETENTION (by name, from CITE). */
export const RETENTION_EXTRA = {
  deletionGrace: CITE.zdrGrace,
  imageGeneration: CITE.pp25ImageGeneration,
  invoices: CITE.pp25RetInvoices,
  zdrEffect: CITE.zdrEffect,
  zdrTroubleshooting: CITE.docsZdrTroubleshooting,
  zdrUpgrade: CITE.zdrUpgrade,
  zdrRequest: CITE.zdrRequest,
  zdrReasons: CITE.zdrReasons,
  zdrDiscretion: CITE.zdrDiscretion,
  zdrCheck: CITE.zdrCheck,
  zdrRejected: CITE.zdrRejected,
  zdrCli: CITE.zdrCli,
  zdrFiles: CITE.zdrFiles,
} satisfies Record<string, Citation>;

export interface RetentionRow {
  id: string;
  /** rt()/t() key of the statement. */
  claimKey: MessageKey;
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
  // The knowledge's claim keys are checked against the catalogs by test/unit/locales.test.ts.
  return { id: r.id, claimKey: r.claimKey as MessageKey, citations: r.citations };
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
    rows: [
      fromKnowledge('api-io'),
      fromKnowledge('api-fine-tuning'),
      { id: 'zdr-files', claimKey: 'ret_files', citations: [RETENTION_EXTRA.zdrFiles] },
    ],
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
export const NOT_COVERED_KEYS: Record<string, MessageKey> = {
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
    citations = [
      CITE.zdrScaleOnly,
      RETENTION_EXTRA.zdrRequest,
      RETENTION_EXTRA.zdrReasons,
      RETENTION_EXTRA.zdrDiscretion,
      RETENTION_EXTRA.zdrCheck,
      RETENTION_EXTRA.zdrRejected,
    ];
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
    chatRetention:
      retention && (RETENTION_VALUES as readonly string[]).includes(String(retention.value))
        ? (retention as Observation & { value: RetentionValue })
        : undefined,
    zdr: { state, plan, seen: zdrSeen, citations },
    groups: RETENTION_GROUPS,
    zdrEndpoints: ZDR_ENDPOINTS,
  };
}

/** Every citation of this module (for the tests). */
export function retentionCitations(): { where: string; c: Citation }[] {
  return Object.entries(RETENTION_EXTRA).map(([k, c]) => ({ where: `retention extra ${k}`, c }));
}
