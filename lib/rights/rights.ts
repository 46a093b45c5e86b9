/**
 * The GDPR rights Mistral's documents list, as data: for each, the article it comes from, what it means with
 * Mistral specifically (a string in public/_locales, `rights_<id>_meaning`), how to use it
 * (`rights_<id>_how`), the letter that exercises it, links, and verbatim citations of Mistral's documents.
 * test/unit/rights.test.ts checks every quote against lib/policy/sources/ like the knowledge's quotes are.
 *
 * Statements about the law itself (article numbers, the one-month deadline) come from the GDPR and the French
 * Data Protection Act, not from Mistral's documents, and carry no citation.
 */
import type { Citation, SourceId } from '../policy/schema';
import { CITE } from '../policy/knowledge';
import { FIX_URLS } from '../surfaces';
import type { LetterId } from './letters';

const cite = (source: SourceId, section: string, quote: string): Citation => ({ source, section, quote });

const PP_RIGHTS = '8. Your rights';
const PP_RETENTION = '5. How long do we keep your personal data?';

/** Mistral's contact points for privacy requests (Privacy Policy 2025, §1.1 and §8). */
export const MISTRAL_CONTACT = {
  formUrl: FIX_URLS.contact,
  /** The postal address as §8 gives it, with the repeated "Mistral AI" dropped. */
  postal: ['Mistral AI', 'Attn: Privacy Team', '15 rue des Halles', '75001 Paris', 'France'],
} as const;

/** The CNIL, France's data protection authority and Mistral's lead authority. */
export const CNIL_CONTACT = {
  complaintUrl: 'https://www.cnil.fr/fr/plaintes',
  postal: ['Commission nationale de l’informatique et des libertés (CNIL)', 'Service des plaintes', '3 Place de Fontenoy', 'TSA 80715', '75334 Paris Cedex 07', 'France'],
} as const;

export const CHANNEL_CITATIONS: Citation[] = [
  cite('privacy-policy-2025', PP_RIGHTS, 'in the section “Data and privacy”'),
  cite('privacy-policy-2025', PP_RIGHTS, 'By making a request using our Help Center available on your account'),
  cite('privacy-policy-2025', PP_RIGHTS, 'By sending us a letter at Mistral AI, Attn: Privacy Team, Mistral AI, 15 rue des Halles, 75001 Paris, France.'),
  cite('docs-privacy', 'GDPR rights', 'Use the email address associated with your account and specify which data or activities concern you.'),
];

/** What Mistral says about requests in general: training limits, and how long the requests are kept. */
export const REQUEST_FACTS = {
  trainingLimits: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'when your request concerns the training of our models, it’s important to note that your rights have technical limitations and fulfilling your requests might involve a complex technical process.',
  ),
  requestsKept: cite('privacy-policy-2025', PP_RETENTION, 'Data we use to reply to your privacy requests: for the duration of processing the request and for six (6) years following the request.'),
} satisfies Record<string, Citation>;

export const RIGHT_IDS = ['access', 'rectification', 'erasure', 'portability', 'objection', 'restriction', 'consent', 'automated', 'postmortem', 'complaint'] as const;
export type RightId = (typeof RIGHT_IDS)[number];

export interface RightLink {
  href: string;
  /** rt() key of the link text. */
  labelKey: string;
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
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Access. You have the right to know if we process your personal data. You also have the right to request a copy of such personal data and to obtain further information about the way we process your personal data.'),
      cite('docs-privacy', 'GDPR rights', 'Obtain copies of your personal data'),
      cite('docs-privacy', 'GDPR rights', 'For data export, download from Vibe or Studio.'),
    ],
  },
  {
    id: 'rectification',
    law: 'gdpr',
    article: '16',
    letter: 'rectification',
    links: [],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Rectification. You have the right to update or correct your personal data.'),
      cite('docs-privacy', 'GDPR rights', 'Correct inaccurate personal information'),
      cite('docs-privacy', 'GDPR rights', 'For account data changes, use the Admin Panel directly.'),
    ],
  },
  {
    id: 'erasure',
    law: 'gdpr',
    article: '17',
    letter: 'erasure',
    links: [],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Deletion. You have the right to delete and/or ask us to delete your personal data.'),
      cite('docs-privacy', 'GDPR rights', 'Delete your account and associated data'),
      cite('docs-privacy', 'GDPR rights', 'Account deletion is permanent and irreversible. All prompts, outputs, and personal data are removed and can\'t be recovered.'),
      cite('help-zdr', 'ZDR on Vibe', 'Conversations are removed from our systems upon manual deletion on your side, or when you delete your account, typically after a short grace period'),
      cite('privacy-policy-2025', PP_RETENTION, "for as long as you're registered and 1 year after you terminate your account in accordance with our legal obligations."),
      cite('privacy-policy-2025', PP_RETENTION, 'Invoices: For 10 years from the year-end date.'),
      REQUEST_FACTS.trainingLimits,
    ],
  },
  {
    id: 'portability',
    law: 'gdpr',
    article: '20',
    letter: 'portability',
    links: [],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Portability. You have the right to obtain and transfer your personal data to another entity.'),
      cite('docs-privacy', 'GDPR rights', 'Request your data in a transferable format'),
      cite('docs-privacy', 'GDPR rights', 'For data export, download from Vibe or Studio.'),
    ],
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
      cite('privacy-policy-2025', PP_RIGHTS, 'Objection. You have the right to object to the processing of your personal data. This right does not apply when we have a legal obligation to process your personal data.'),
      cite('docs-privacy', 'GDPR rights', 'Opt out of certain processing activities'),
      cite('privacy-policy-2025', '3.4.2. Input and Output provided on La Plateforme', 'you have the right to object to this processing (opt-out) by using the contact form'),
      cite('privacy-policy-2025', '3.4.3. Le Chat', 'Lawful basis: Our legitimate interests in providing advanced artificial intelligence models to our customers.'),
      cite('privacy-policy-2026-summary', 'Summary', "the policy uses 'legitimate interest' as the lawful basis for AI model training on free-tier user Inputs and Outputs"),
      CITE.mobile,
    ],
  },
  {
    id: 'restriction',
    law: 'gdpr',
    article: '18',
    letter: 'restriction',
    links: [],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Limitation. You have the right to ask us to freeze the processing of your personal data.'),
      cite('docs-privacy', 'GDPR rights', 'Request limitations on data processing'),
    ],
  },
  {
    id: 'consent',
    law: 'gdpr',
    article: '7(3)',
    letter: 'consent',
    links: [],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Consent withdrawal. You have the right to withdraw your consent to the processing of your personal data at any time.'),
      cite('privacy-policy-2025', '3.5. Marketing operations', 'Your consent, for sending you our newsletters. You can withdraw your consent at any time by unsubscribing'),
      cite('privacy-policy-2025', '3.2. General administration of our Services', 'Your consent for cookies that are not technically required.'),
      cite('privacy-policy-2025', '3.4.3. Le Chat', 'If you wish to allow us to use such data to train our artificial intelligence models, you can opt-in of training at any time by using the feature available on your account.'),
    ],
  },
  {
    id: 'automated',
    law: 'gdpr',
    article: '22',
    links: [{ href: FIX_URLS.contact, labelKey: 'rights_link_contact' }],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Automated decision. You have the right to not be subject to an automated decision (including profiling) and to appeal such a decision. Mistral AI does not engage in profiling or automated decision-making in the processing of personal data.'),
      cite('privacy-policy-2025', '3.3. To manage and enforce our license agreement', 'Abuse monitoring. Automatically monitor breaches of our Terms of Service or Usage Policy'),
    ],
  },
  {
    id: 'postmortem',
    law: 'fr-dpa',
    article: '85',
    links: [{ href: FIX_URLS.contact, labelKey: 'rights_link_contact' }],
    citations: [cite('privacy-policy-2025', PP_RIGHTS, 'Post mortem. You have the right to tell us how you would like us to process your personal data after your death.')],
  },
  {
    id: 'complaint',
    law: 'gdpr',
    article: '77',
    letter: 'cnil',
    links: [{ href: CNIL_CONTACT.complaintUrl, labelKey: 'rights_link_cnil' }],
    citations: [
      cite('privacy-policy-2025', PP_RIGHTS, 'Lodge a complaint. You have the right to lodge a complaint before the competent data protection authority, including the French data protection authority (the CNIL).'),
      cite('privacy-policy-2026-summary', 'Summary', 'the primary enforcement authority is the French CNIL'),
    ],
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
