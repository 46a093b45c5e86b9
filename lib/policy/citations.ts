/**
 * Every passage of Mistral's documents Windsock quotes, once, by name: the verdict's knowledge (knowledge.ts),
 * the rights, retention and policy-change pages (lib/rights/) all take their citations from CITE. Each quote is
 * verbatim from a file in sources/ (white space folded) and sits under the section it names; the tests check
 * both (test/unit/knowledge.test.ts), and that no quote appears twice. Outside English, the quote is shown with
 * its translation, the catalog key `quote_<name>` (public/_locales).
 */
import type { MessageKey } from '../i18n';
import type { Citation, SourceId } from './schema';

/** The one constructor of a citation; private, so every citation Windsock shows is a named entry below. */
const cite = (source: SourceId, section: string, quote: string): Citation => ({ source, section, quote });

const PP_RIGHTS = '8. Your rights';
const PP_RETENTION = '5. How long do we keep your personal data?';
const PP_LE_CHAT = '3.4.3. Le Chat';
const PP_PLATFORM = '3.4.2. Input and Output provided on La Plateforme';
const HELP_VIBE = 'Opt out of Vibe data training (via the Admin Console)';
const HELP_API = 'Opt out of Mistral Studio and API data training (via the Admin Console)';

export const CITE = {
  // ── Training: defaults by plan and the toggles (docs, Help Center, Privacy Policy 2025, 2026 summary) ──
  docsDataFree: cite(
    'docs-privacy',
    'Data usage',
    'Vibe (Free plan): conversations can be used to improve our models. You can opt out at any time from the Admin Panel.',
  ),
  docsDataPaid: cite(
    'docs-privacy',
    'Data usage',
    "Vibe (Pro, Team, Enterprise): conversations aren't used for model training by default.",
  ),
  docsDataApi: cite('docs-privacy', 'Data usage', "API: data sent through the API isn't used for model training."),
  helpTeamEnt: cite(
    'help-opt-out',
    HELP_VIBE,
    'Users of Vibe Teams or Enterprise plan are opted out of training by default.',
  ),
  helpOthers: cite(
    'help-opt-out',
    HELP_VIBE,
    'Users of other subscription plans may opt out of training through the Admin Console',
  ),
  helpAttach: cite(
    'help-opt-out',
    HELP_VIBE,
    'Documents attached or uploaded within Vibe are considered as input data. Therefore, if you use the Free plan, Pro plan, or Education plan, you may wish to opt out',
  ),
  helpScale: cite('help-opt-out', HELP_API, 'Customers on a Scale plan are opted out of training by default.'),
  helpApiFree: cite(
    'help-opt-out',
    HELP_API,
    'Users on the free plan may opt out of data training for Mistral Studio and related API services',
  ),
  pp25LeChatFree: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'If You use Le Chat Free, Le Chat Pro or Le Chat Student: We use your Input, Output and Feedback to train our general-purpose artificial intelligence models.',
  ),
  pp25Team: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'If you use Le Chat Team : We do not use your Input, Output and Feedback to train our artificial intelligence models.',
  ),
  pp25Feedback: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'If you click on "Thumbs Up" or "Thumbs Down" to rate an Output, we use your Feedback to train our artificial intelligence models.',
  ),
  pp25PlatPaid: cite(
    'privacy-policy-2025',
    PP_PLATFORM,
    'If you use our paid Services: We do not use your Input and Output to train or improve our models.',
  ),
  pp25PlatFree: cite(
    'privacy-policy-2025',
    PP_PLATFORM,
    'If you use our free Services: We use your Input and Output to train our general-purpose artificial intelligence models.',
  ),
  pp25OptOut: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'You can opt-out of training at any time by using the feature available on your account. In this case, we do not use your Input and Output to train our artificial intelligence models',
  ),
  pp26Free: cite(
    'privacy-policy-2026-summary',
    'Summary',
    'if you use the free version of Le Chat or free APIs, Mistral AI can use your chat messages and AI-generated responses to train its AI models unless you actively opt out',
  ),
  pp26Carve: cite(
    'privacy-policy-2026-summary',
    'Summary',
    'explicitly carves out paid API and Le Chat Enterprise users from this training use',
  ),
  docsLabs: cite(
    'docs-privacy',
    'API privacy controls',
    'If you activate Labs models, data can be used to train Mistral models, regardless of your subscription plan or opt-out settings',
  ),
  docsVibeTraining: cite(
    'docs-privacy',
    'Vibe privacy controls',
    "Model training: allow or disable the use of Vibe interactions to train Mistral models. If you disable this option, new interactions from your users aren't used to train models.",
  ),
  docsApiTraining: cite(
    'docs-privacy',
    'API privacy controls',
    'Data usage for improving our services: allow or disable the use of API calls to train Mistral models.',
  ),
  docsSharing: cite(
    'docs-privacy',
    'Vibe privacy controls',
    'Public chat sharing: allow Organization members to share chats publicly, including access to document libraries.',
  ),
  docsFeedback: cite(
    'docs-privacy',
    'Vibe privacy controls',
    'Model response feedback: allow Organization members to submit thumbs up, thumbs down, and free-text feedback on model responses.',
  ),
  docsRetention: cite(
    'docs-privacy',
    'Vibe privacy controls',
    'Chat Retention Policy: automatically delete chats and their artifacts after a set period from creation. You can choose Never, 30 days, 60 days, 90 days, 180 days, or 1 year.',
  ),
  docsZdr: cite(
    'docs-privacy',
    'API privacy controls',
    'Zero data retention: review whether troubleshooting and analytics data are stored for your Organization.',
  ),
  zdrScaleOnly: cite(
    'help-zdr',
    'Zero Data Retention',
    'Zero Data Retention (ZDR) is available only for the Scale plan and only for stateless API calls.',
  ),
  zdrNotVibe: cite(
    'help-zdr',
    'ZDR on Vibe',
    'ZDR is not available for Vibe Work or Chat, regardless of your subscription plan.',
  ),
  zdrStateful: cite(
    'help-zdr',
    'ZDR on Mistral Studio',
    'ZDR does not apply to stateful APIs or products, including agents, batch processing files, conversations, libraries, /v1/files, Vibe Work, and Chat.',
  ),
  zdrSeparate: cite('help-zdr', 'ZDR, training opt-out, and DPA', 'ZDR and training opt-out are separate controls'),
  mobile: cite(
    'help-opt-out',
    'Opt out of Vibe data training on the mobile application (iOS and Android)',
    'Deselect the Enable data sharing checkbox.',
  ),
  apiOldName: cite(
    'help-opt-out',
    HELP_API,
    'disable the toggle to prevent API calls and related data from being used to improve Mistral’s services.',
  ),
  memory: cite(
    'privacy-policy-2026-summary',
    'Summary',
    'you can also turn off or delete the Memory feature that stores personal details from your conversations',
  ),
  docsConnectors: cite('docs-privacy', 'Data usage', "Connector data isn't used for training."),
  pp25ThirdParty: cite(
    'privacy-policy-2025',
    '3.4.4. Third-party services',
    'If you connect a third-party service to our Services, we do not use this third-party service to train or improve our artificial intelligence models.',
  ),
  docsLibraries: cite(
    'docs-privacy',
    'Data usage',
    'Libraries: uploaded documents are stored securely and not used for training.',
  ),
  pp25LawfulBasis: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'Lawful basis: Our legitimate interests in providing advanced artificial intelligence models to our customers.',
  ),
  pp26LegitimateInterest: cite(
    'privacy-policy-2026-summary',
    'Summary',
    "the policy uses 'legitimate interest' as the lawful basis for AI model training on free-tier user Inputs and Outputs",
  ),
  pp25OptIn: cite(
    'privacy-policy-2025',
    PP_LE_CHAT,
    'If you wish to allow us to use such data to train our artificial intelligence models, you can opt-in of training at any time by using the feature available on your account.',
  ),
  pp25PlatObject: cite(
    'privacy-policy-2025',
    PP_PLATFORM,
    'you have the right to object to this processing (opt-out) by using the contact form',
  ),
  pp26Products: cite(
    'privacy-policy-2026-summary',
    'Summary',
    'when you use products like Le Chat and Mistral AI Studio',
  ),
  docsIntro: cite(
    'docs-privacy',
    'Privacy',
    'Use privacy and data controls to manage how your data is handled across Vibe and the API.',
  ),
  pp26Health: cite(
    'privacy-policy-2026-summary',
    'Summary',
    "the Memory feature's handling of sensitive health data under GDPR Article 9",
  ),

  // ── Retention (Privacy Policy 2025 §5, Help Center's ZDR page) ──
  pp25RetLeChat: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'If you use Le Chat with an account, we keep your Input, Output and Feedback in an identifying form until you delete your account.',
  ),
  zdrDeletion: cite(
    'help-zdr',
    'ZDR on Vibe',
    'Conversations are removed from our systems upon manual deletion on your side, or when you delete your account, typically after a short grace period',
  ),
  zdrGrace: cite(
    'help-zdr',
    'ZDR on Vibe',
    'typically after a short grace period to prevent accidental data loss, and for monitoring and legal retention purposes.',
  ),
  pp25RetNoAccount: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'If you use Le Chat without an account, we keep your Input, Output and Feedback in an identifying form for the duration of your conversation on Le Chat.',
  ),
  pp25RetApiIo: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'We keep your Input and Output for the period necessary to generate the Output and then for thirty (30) rolling days to monitor abuse, unless zero data retention is activated.',
  ),
  pp25RetFineTuning: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'We keep your fine-tuning data until you delete it from La Plateforme or until you delete your account.',
  ),
  pp25RetFeedback: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'we keep your Input, Output and Feedback in an identifying form until you delete your account',
  ),
  pp25RetAccount: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    "for as long as you're registered and 1 year after you terminate your account in accordance with our legal obligations.",
  ),
  pp25RetSecurityLogs: cite('privacy-policy-2025', PP_RETENTION, 'Security logs are kept for 1 rolling year.'),
  pp25RetSupport: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'We keep your data until your request is processed and for 5 years for record-keeping.',
  ),
  pp25RetInvoices: cite('privacy-policy-2025', PP_RETENTION, 'Invoices: For 10 years from the year-end date.'),
  pp25RetRequests: cite(
    'privacy-policy-2025',
    PP_RETENTION,
    'Data we use to reply to your privacy requests: for the duration of processing the request and for six (6) years following the request.',
  ),
  pp25ImageGeneration: cite(
    'privacy-policy-2025',
    '6. Who do we share your personal data with?',
    'Your Input is stored for 15 days and then permanently deleted from Black Forest Labs’ systems. Your Outputs are permanently destroyed within 1 day from Black Forest Labs’ systems.',
  ),
  zdrEndpoints: cite('help-zdr', 'ZDR on Mistral Studio', 'ZDR applies to the following stateless API endpoints:'),
  zdrEffect: cite(
    'help-zdr',
    'ZDR on Mistral Studio',
    'When ZDR is enabled, your API inputs and outputs are not retained on our systems beyond what is required to return the response.',
  ),
  docsZdrTroubleshooting: cite(
    'docs-privacy',
    'API privacy controls',
    'When zero data retention is enabled, troubleshooting and analytics data are not stored.',
  ),
  zdrUpgrade: cite(
    'help-zdr',
    'ZDR on Mistral Studio',
    'ZDR is available only on the Scale plan (our paid API plan). If you’re on the free plan, upgrade to Scale first.',
  ),
  zdrRequest: cite(
    'help-zdr',
    'How to request ZDR',
    'Submit your request directly within our Help Center or by contacting our support team.',
  ),
  zdrReasons: cite(
    'help-zdr',
    'How to request ZDR',
    'you must provide sufficient detail of your legitimate reasons for requesting Zero Data Retention.',
  ),
  zdrDiscretion: cite(
    'help-zdr',
    'How to request ZDR',
    'We will review your request and, at our discretion, approve or deny it.',
  ),
  zdrCheck: cite(
    'help-zdr',
    'How to check whether ZDR is active',
    'After your ZDR request is approved, it appears in the Privacy settings of the Admin Console.',
  ),
  zdrRejected: cite(
    'help-zdr',
    'How to check whether ZDR is active',
    'If your request is rejected, you receive an email.',
  ),
  zdrCli: cite(
    'help-zdr',
    'ZDR on Vibe CLI',
    'If ZDR is enabled for your Scale organization, Vibe CLI API calls follow the same ZDR rules as the underlying API endpoint.',
  ),
  zdrFiles: cite(
    'help-zdr',
    'ZDR on Mistral Studio',
    'For example, the Files API stores uploaded files and is outside the scope of ZDR.',
  ),

  // ── Rights (Privacy Policy 2025 §8 and the docs' "GDPR rights") ──
  pp25RightsSection: cite('privacy-policy-2025', PP_RIGHTS, 'in the section “Data and privacy”'),
  pp25RightsHelpCenter: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'By making a request using our Help Center available on your account',
  ),
  pp25RightsLetter: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'By sending us a letter at Mistral AI, Attn: Privacy Team, Mistral AI, 15 rue des Halles, 75001 Paris, France.',
  ),
  docsRightsEmail: cite(
    'docs-privacy',
    'GDPR rights',
    'Use the email address associated with your account and specify which data or activities concern you.',
  ),
  pp25TrainingLimits: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'when your request concerns the training of our models, it’s important to note that your rights have technical limitations and fulfilling your requests might involve a complex technical process.',
  ),
  pp25Access: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Access. You have the right to know if we process your personal data. You also have the right to request a copy of such personal data and to obtain further information about the way we process your personal data.',
  ),
  docsAccess: cite('docs-privacy', 'GDPR rights', 'Obtain copies of your personal data'),
  docsExport: cite('docs-privacy', 'GDPR rights', 'For data export, download from Vibe or Studio.'),
  pp25Rectification: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Rectification. You have the right to update or correct your personal data.',
  ),
  docsRectification: cite('docs-privacy', 'GDPR rights', 'Correct inaccurate personal information'),
  docsAccountChanges: cite('docs-privacy', 'GDPR rights', 'For account data changes, use the Admin Panel directly.'),
  pp25Deletion: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Deletion. You have the right to delete and/or ask us to delete your personal data.',
  ),
  docsDeletion: cite('docs-privacy', 'GDPR rights', 'Delete your account and associated data'),
  docsDeletionFinal: cite(
    'docs-privacy',
    'GDPR rights',
    "Account deletion is permanent and irreversible. All prompts, outputs, and personal data are removed and can't be recovered.",
  ),
  pp25Portability: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Portability. You have the right to obtain and transfer your personal data to another entity.',
  ),
  docsPortability: cite('docs-privacy', 'GDPR rights', 'Request your data in a transferable format'),
  pp25Objection: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Objection. You have the right to object to the processing of your personal data. This right does not apply when we have a legal obligation to process your personal data.',
  ),
  docsObjection: cite('docs-privacy', 'GDPR rights', 'Opt out of certain processing activities'),
  pp25Limitation: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Limitation. You have the right to ask us to freeze the processing of your personal data.',
  ),
  docsRestriction: cite('docs-privacy', 'GDPR rights', 'Request limitations on data processing'),
  pp25ConsentWithdrawal: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Consent withdrawal. You have the right to withdraw your consent to the processing of your personal data at any time.',
  ),
  pp25Newsletter: cite(
    'privacy-policy-2025',
    '3.5. Marketing operations',
    'Your consent, for sending you our newsletters. You can withdraw your consent at any time by unsubscribing',
  ),
  pp25Cookies: cite(
    'privacy-policy-2025',
    '3.2. General administration of our Services',
    'Your consent for cookies that are not technically required.',
  ),
  pp25Automated: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Automated decision. You have the right to not be subject to an automated decision (including profiling) and to appeal such a decision. Mistral AI does not engage in profiling or automated decision-making in the processing of personal data.',
  ),
  pp25AbuseMonitoring: cite(
    'privacy-policy-2025',
    '3.3. To manage and enforce our license agreement',
    'Abuse monitoring. Automatically monitor breaches of our Terms of Service or Usage Policy',
  ),
  pp25PostMortem: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Post mortem. You have the right to tell us how you would like us to process your personal data after your death.',
  ),
  pp25Complaint: cite(
    'privacy-policy-2025',
    PP_RIGHTS,
    'Lodge a complaint. You have the right to lodge a complaint before the competent data protection authority, including the French data protection authority (the CNIL).',
  ),
  pp26Cnil: cite('privacy-policy-2026-summary', 'Summary', 'the primary enforcement authority is the French CNIL'),
} satisfies Record<string, Citation>;

/**
 * The catalog key of a quote's translation (`quote_<CITE name>` in public/_locales). Quotes stay verbatim in
 * English; pages in another language show this translation beside them.
 */
// Typed: every name of CITE must have its `quote_<name>` key in the English catalog, or tsc fails.
const QUOTE_KEYS = new Map<string, MessageKey>(
  (Object.entries(CITE) as [keyof typeof CITE, Citation][]).map(([name, c]) => [c.quote, `quote_${name}` as const]),
);
export const quoteKeyOf = (c: Citation): MessageKey | undefined => QUOTE_KEYS.get(c.quote);
