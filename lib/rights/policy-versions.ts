/**
 * Which versions of Mistral's documents Windsock's knowledge comes from, and what changed between them that
 * matters to the verdict — for the privacy record's Markdown receipt and the rights page. Each change cites
 * both sides verbatim (checked by test/unit/record.test.ts); its plain-language statement is an rt() key.
 */
import type { MessageKey } from '../i18n';
import type { Citation, SourceId } from '../policy/schema';
import { CITE } from '../policy/citations';

export interface PolicyVersion {
  id: string;
  /** ISO date, or the year for pages that carry none. */
  date: string;
  sources: SourceId[];
  /** rt() key of its description. */
  labelKey: MessageKey;
}

/** Oldest first. */
export const POLICY_VERSIONS: PolicyVersion[] = [
  { id: 'pp-2025', date: '2025-02-06', sources: ['privacy-policy-2025'], labelKey: 'record_version_pp2025' },
  { id: 'pp-2026', date: '2026-04-08', sources: ['privacy-policy-2026-summary'], labelKey: 'record_version_pp2026' },
  {
    id: 'docs-2026',
    date: '2026',
    sources: ['docs-privacy', 'help-opt-out', 'help-zdr'],
    labelKey: 'record_version_docs',
  },
];

export interface PolicyChange {
  id: string;
  /** rt() key of the statement. */
  claimKey: MessageKey;
  citations: Citation[];
}

export const POLICY_CHANGES: PolicyChange[] = [
  {
    id: 'names',
    claimKey: 'record_change_names',
    citations: [CITE.pp26Products, CITE.docsIntro],
  },
  {
    id: 'legitimate-interest',
    claimKey: 'record_change_legitimate_interest',
    citations: [CITE.pp25LeChatFree, CITE.pp25LawfulBasis, CITE.pp26LegitimateInterest, CITE.pp26Free],
  },
  {
    id: 'pro-default',
    claimKey: 'record_change_pro_default',
    citations: [CITE.pp25LeChatFree, CITE.helpAttach, CITE.docsDataPaid],
  },
  {
    id: 'api-free',
    claimKey: 'record_change_api_free',
    citations: [CITE.pp25PlatFree, CITE.helpApiFree, CITE.docsDataApi],
  },
  {
    id: 'paid-carve-out',
    claimKey: 'record_change_paid_carve_out',
    citations: [CITE.pp25PlatPaid, CITE.pp25Team, CITE.pp26Carve],
  },
  {
    id: 'memory',
    claimKey: 'record_change_memory',
    citations: [CITE.memory, CITE.pp26Health],
  },
  { id: 'labs', claimKey: 'record_change_labs', citations: [CITE.docsLabs] },
  { id: 'feedback', claimKey: 'record_change_feedback', citations: [CITE.pp25Feedback, CITE.docsFeedback] },
  {
    id: 'chat-retention',
    claimKey: 'record_change_chat_retention',
    citations: [CITE.pp25RetLeChat, CITE.docsRetention],
  },
  { id: 'zdr', claimKey: 'record_change_zdr', citations: [CITE.pp25RetApiIo, CITE.zdrScaleOnly, CITE.zdrStateful] },
];

export function policyChangeCitations(): { where: string; c: Citation }[] {
  return POLICY_CHANGES.flatMap((ch) => ch.citations.map((c, i) => ({ where: `change ${ch.id} #${i}`, c })));
}
