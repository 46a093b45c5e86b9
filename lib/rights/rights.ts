/**
 * The GDPR rights Mistral's documents list, as data: for each, the article it comes from, what it means with
 * Mistral specifically (a string in public/_locales, `rights_<id>_meaning`), how to use it
 * (`rights_<id>_how`), the letter that exercises it, links, and verbatim citations of Mistral's documents
 * (named entries of CITE, lib/policy/citations.ts, checked against lib/policy/sources/ by the tests).
 *
 * Statements about the law itself (article numbers, the one-month deadline) come from the GDPR and the French
 * Data Protection Act, not from Mistral's documents, and carry no citation.
 */
import type { MessageKey } from '../i18n';
import type { Citation } from '../policy/schema';
import { CITE } from '../policy/citations';
import { FIX_URLS } from '../surfaces';
import type { LetterId } from './letters';

/** Mistral's contact points for privacy requests (Privacy Policy 2025, §1.1 and §8). */
export const MISTRAL_CONTACT = {
  formUrl: FIX_URLS.contact,
  /** The postal address as §8 gives it, with the repeated "Mistral AI" dropped. */
  postal: ['Mistral AI', 'Attn: Privacy Team', '15 rue des Halles', '75001 Paris', 'France'],
} as const;

/** The CNIL, France's data protection authority and Mistral's lead authority. */
export const CNIL_CONTACT = {
  complaintUrl: 'https://www.cnil.fr/fr/plaintes',
  postal: [
    'Commission nationale de l’informatique et des libertés (CNIL)',
    'Service des plaintes',
    '3 Place de Fontenoy',
    'TSA 80715',
    '75334 Paris Cedex 07',
    'France',
  ],
} as const;

export const CHANNEL_CITATIONS: Citation[] = [
  CITE.pp25RightsSection,
  CITE.pp25RightsHelpCenter,
  CITE.pp25RightsLetter,
  CITE.docsRightsEmail,
];

/** What Mistral says about requests in general: training limits, and how long the requests are kept. */
export const REQUEST_FACTS = {
  trainingLimits: CITE.pp25TrainingLimits,
  requestsKept: CITE.pp25RetRequests,
} satisfies Record<string, Citation>;

export const RIGHT_IDS = [
  'access',
  'rectification',
  'erasure',
  'portability',
  'objection',
  'restriction',
  'consent',
  'automated',
  'postmortem',
  'complaint',
] as const;
export type RightId = (typeof RIGHT_IDS)[number];

export interface RightLink {
  href: string;
  /** rt() key of the link text. */
  labelKey: MessageKey;
}

export interface Right {
  id: RightId;
  /** Where the right comes from: an article of the GDPR, or of the French Data Protection Act (post-mortem). */
  law: 'gdpr' | 'fr-dpa';
  article: string;
  /** The letter in lib/rights/letters.ts that exercises it, if any. */
  letter?: LetterId;
  links: RightLink[];
  citations: Citation[];
}

export const RIGHTS: Right[] = [
  {
    id: 'access',
    law: 'gdpr',
    article: '15',
    letter: 'access',
    links: [],
    citations: [CITE.pp25Access, CITE.docsAccess, CITE.docsExport],
  },
  {
    id: 'rectification',
    law: 'gdpr',
    article: '16',
    letter: 'rectification',
    links: [],
    citations: [CITE.pp25Rectification, CITE.docsRectification, CITE.docsAccountChanges],
  },
  {
    id: 'erasure',
    law: 'gdpr',
    article: '17',
    letter: 'erasure',
    links: [],
    citations: [
      CITE.pp25Deletion,
      CITE.docsDeletion,
      CITE.docsDeletionFinal,
      CITE.zdrDeletion,
      CITE.pp25RetAccount,
      CITE.pp25RetInvoices,
      REQUEST_FACTS.trainingLimits,
    ],
  },
  {
    id: 'portability',
    law: 'gdpr',
    article: '20',
    letter: 'portability',
    links: [],
    citations: [CITE.pp25Portability, CITE.docsPortability, CITE.docsExport],
  },
  {
    id: 'objection',
    law: 'gdpr',
    article: '21',
    letter: 'objection',
    links: [
      { href: FIX_URLS.vibePrivacy, labelKey: 'rights_link_vibe_privacy' },
      { href: FIX_URLS.apiPrivacy, labelKey: 'rights_link_api_privacy' },
    ],
    citations: [
      CITE.pp25Objection,
      CITE.docsObjection,
      CITE.pp25PlatObject,
      CITE.pp25LawfulBasis,
      CITE.pp26LegitimateInterest,
      CITE.mobile,
    ],
  },
  {
    id: 'restriction',
    law: 'gdpr',
    article: '18',
    letter: 'restriction',
    links: [],
    citations: [CITE.pp25Limitation, CITE.docsRestriction],
  },
  {
    id: 'consent',
    law: 'gdpr',
    article: '7(3)',
    letter: 'consent',
    links: [],
    citations: [CITE.pp25ConsentWithdrawal, CITE.pp25Newsletter, CITE.pp25Cookies, CITE.pp25OptIn],
  },
  {
    id: 'automated',
    law: 'gdpr',
    article: '22',
    links: [{ href: FIX_URLS.contact, labelKey: 'rights_link_contact' }],
    citations: [CITE.pp25Automated, CITE.pp25AbuseMonitoring],
  },
  {
    id: 'postmortem',
    law: 'fr-dpa',
    article: '85',
    links: [{ href: FIX_URLS.contact, labelKey: 'rights_link_contact' }],
    citations: [CITE.pp25PostMortem],
  },
  {
    id: 'complaint',
    law: 'gdpr',
    article: '77',
    letter: 'cnil',
    links: [{ href: CNIL_CONTACT.complaintUrl, labelKey: 'rights_link_cnil' }],
    citations: [CITE.pp25Complaint, CITE.pp26Cnil],
  },
];

/** Every citation of this module, with where it sits (for the tests). */
export function rightsCitations(): { where: string; c: Citation }[] {
  return [
    ...CHANNEL_CITATIONS.map((c, i) => ({ where: `channel #${i}`, c })),
    ...Object.entries(REQUEST_FACTS).map(([k, c]) => ({ where: `request fact ${k}`, c })),
    ...RIGHTS.flatMap((r) => r.citations.map((c, i) => ({ where: `right ${r.id} #${i}`, c }))),
  ];
}
