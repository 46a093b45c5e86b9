/**
 * GDPR request letters, written locally in English or French: a pure function of the letter, the language, what
 * the user typed and what Windsock observed. Nothing is sent anywhere; the user copies or downloads it.
 * Invariant: nothing observed is ever invented (rules: see `generateLetter`). The sentences live in public/_locales
 * under `letter_` keys. Tests: test/unit/letters.test.ts.
 */
import type { Lang, MessageKey } from '../i18n';
import { dynKey, INTL_LOCALE, planLabel } from '../i18n';
import type { PlanId } from '../policy/schema';
import { authorityById } from './authorities';
import { MISTRAL_CONTACT } from './rights';
import { rt } from './t';

export const LETTER_IDS = [
  'objection',
  'erasure',
  'access',
  'rectification',
  'restriction',
  'portability',
  'consent',
  'cnil',
] as const;
export type LetterId = (typeof LETTER_IDS)[number];

export type FieldName = 'fullName' | 'email' | 'accountEmail' | 'city' | 'details' | 'requestDate';

export interface LetterFields {
  fullName?: string;
  /** Where the reply should go; the account e-mail is used when this is empty. */
  email?: string;
  /** The e-mail address of the Mistral account (Mistral's docs ask for it). */
  accountEmail?: string;
  city?: string;
  /** Free text: the correction wanted (rectification), what the complaint is about (CNIL), or an addition. */
  details?: string;
  /** CNIL complaint: when the request to Mistral was sent. */
  requestDate?: string;
}

export type DateLike = number | string | Date;

export interface Observed {
  plan?: PlanId;
  /** Which product the plan is of. */
  planProduct?: 'vibe' | 'api';
  /** When Windsock saw Vibe's "Model training" setting switched on. */
  trainingSeenOn?: DateLike;
  /** When Windsock saw the API's "Data usage for improving our services" switched on. */
  apiTrainingSeenOn?: DateLike;
  orgName?: string;
  /** Chats shared by public link that Windsock recorded. */
  shares?: { chatId: string; at: number }[];
}

export interface LetterDef {
  id: LetterId;
  /** The main article the letter rests on. */
  article: string;
  to: 'mistral' | 'cnil';
  /** The fields the letter uses, in the order the form shows them. */
  fields: FieldName[];
  /** Fields that become a marked blank when empty (the others are left out when empty). */
  required: FieldName[];
}

const BASE: FieldName[] = ['fullName', 'email', 'accountEmail', 'city'];

export const LETTERS: Record<LetterId, LetterDef> = {
  objection: { id: 'objection', article: '21', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  erasure: { id: 'erasure', article: '17', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  access: { id: 'access', article: '15', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  rectification: {
    id: 'rectification',
    article: '16',
    to: 'mistral',
    fields: [...BASE, 'details'],
    required: [...BASE, 'details'],
  },
  restriction: { id: 'restriction', article: '18', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  portability: { id: 'portability', article: '20', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  consent: { id: 'consent', article: '7(3)', to: 'mistral', fields: [...BASE, 'details'], required: BASE },
  cnil: {
    id: 'cnil',
    article: '77',
    to: 'cnil',
    fields: [...BASE, 'requestDate', 'details'],
    required: [...BASE, 'requestDate', 'details'],
  },
};

export interface Letter {
  id: LetterId;
  lang: Lang;
  article: string;
  /** The recipient's postal block. */
  to: string;
  subject: string;
  /** From the greeting to the signature. */
  body: string;
  /** The whole letter: sender, recipient, place and date, subject, body. What Copy and Download give. */
  text: string;
  /** The blanks left for the user to fill in, as they appear in the text. */
  blanks: string[];
}

export interface LetterOptions {
  /** Today, for the date line (default: now). */
  now?: number;
  /** Time zone for dates (default: the browser's). */
  timeZone?: string;
  /** The complaint letter's authority (lib/rights/authorities.ts id; default: the CNIL, Mistral's lead authority). */
  authority?: string;
}

/** A date as a letter writes it: "14 October 2026", "14 octobre 2026". */
export function letterDate(d: DateLike, lang: Lang, timeZone?: string): string {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  const text = new Intl.DateTimeFormat(INTL_LOCALE[lang] ?? 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
  // French writes the first of the month "1er".
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** Each field's blank; the details' blank is per letter (`letter_blank_details_<letter>`). */
const BLANK_KEYS = {
  fullName: 'letter_blank_full_name',
  email: 'letter_blank_email',
  accountEmail: 'letter_blank_account_email',
  city: 'letter_blank_city',
  requestDate: 'letter_blank_request_date',
} as const satisfies Record<Exclude<FieldName, 'details'>, MessageKey>;

/**
 * The letter's text for one letter, language, user fields and observations. Pure.
 * - A field the user must provide (name, account e-mail, city…) and left empty appears as a clearly marked
 *   blank in square brackets, "[your account e-mail]"; when it is filled, no bracket is left in the letter.
 * - What Windsock observed (plan, organization name, the date it saw a training setting switched on, shared
 *   chats) is written in where it helps identify the account or back the request, and said to come from
 *   Windsock. Nothing observed is ever invented: absent facts are simply left out.
 * The tests check every letter in both languages for leftover placeholders, the right article and the right
 * addresses.
 */
export function generateLetter(
  id: LetterId,
  lang: Lang,
  fields: LetterFields = {},
  observed: Observed = {},
  opts: LetterOptions = {},
): Letter {
  const def = LETTERS[id];
  const authority = authorityById(opts.authority ?? 'fr');
  const L = (key: MessageKey, args: readonly (string | number)[] = []) => rt(key, args, lang);
  const blanks: string[] = [];
  const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  /** The field's value, or its marked blank (when the letter requires it), or null. */
  const field = (name: FieldName): string | null => {
    const v = clean(fields[name]);
    if (v) return v;
    if (!def.required.includes(name)) return null;
    const blank = L(name === 'details' ? dynKey('letter_blank_details_', id) : BLANK_KEYS[name]);
    if (!blanks.includes(blank)) blanks.push(blank);
    return blank;
  };
  const date = (d: DateLike) => letterDate(d, lang, opts.timeZone);
  /** A date typed in a date field (2026-10-01) is written out; anything else is kept as typed. */
  const requestDate = (v: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v) ? letterDate(Date.parse(`${v}T00:00:00Z`), lang, 'UTC') : v;

  const fullName = field('fullName')!;
  const accountEmail = field('accountEmail')!;
  const email = clean(fields.email) || clean(fields.accountEmail) || field('email')!;
  const city = field('city')!;
  const details = field('details');

  // What Windsock observed, in the letter's words.
  const seen: string[] = [];
  if (clean(observed.orgName)) seen.push(L('letter_seen_org', [clean(observed.orgName)]));
  if (observed.plan)
    seen.push(
      L('letter_seen_plan', [
        planLabel(observed.plan, lang),
        L(observed.planProduct === 'api' ? 'letter_product_api' : 'letter_product_vibe'),
      ]),
    );
  if (observed.trainingSeenOn !== undefined) seen.push(L('letter_seen_vibe_training', [date(observed.trainingSeenOn)]));
  if (observed.apiTrainingSeenOn !== undefined)
    seen.push(L('letter_seen_api_training', [date(observed.apiTrainingSeenOn)]));
  const shares = observed.shares ?? [];
  const shareList = shares.map((s) => L('letter_share_item', [s.chatId, date(s.at)])).join(L('letter_list_separator'));
  const withShares = id === 'erasure' || id === 'access' || id === 'cnil';
  if (withShares && shares.length) seen.push(L('letter_seen_shares', [shares.length, shareList]));
  const observedBlock = seen.length ? [seen.join(' '), L('letter_windsock_note')] : [];

  const ident = L('letter_ident', [accountEmail]);
  const extra = details ? [L('letter_details_extra', [details])] : [];
  const deadline = L('letter_deadline');

  let paragraphs: string[];
  switch (id) {
    case 'objection':
      paragraphs = [
        ident,
        ...observedBlock,
        L('letter_objection_p1'),
        L('letter_objection_grounds'),
        ...extra,
        L('letter_objection_asks'),
        L('letter_objection_limits'),
        deadline,
      ];
      break;
    case 'erasure':
      paragraphs = [
        ident,
        ...observedBlock,
        L('letter_erasure_p1'),
        L('letter_erasure_grounds'),
        ...(shares.length ? [L('letter_erasure_shares')] : []),
        ...extra,
        L('letter_erasure_account'),
        L('letter_erasure_confirm'),
        deadline,
      ];
      break;
    case 'access':
      paragraphs = [ident, ...observedBlock, L('letter_access_p1'), ...extra, L('letter_access_format'), deadline];
      break;
    case 'rectification':
      paragraphs = [
        ident,
        ...observedBlock,
        L('letter_rectification_p1'),
        details!,
        L('letter_rectification_p2'),
        deadline,
      ];
      break;
    case 'restriction':
      paragraphs = [
        ident,
        ...observedBlock,
        L('letter_restriction_p1'),
        ...(details ? [L('letter_restriction_details', [details])] : []),
        L('letter_restriction_p2'),
        deadline,
      ];
      break;
    case 'portability':
      paragraphs = [
        ident,
        ...observedBlock,
        L('letter_portability_p1'),
        L('letter_portability_p2'),
        ...extra,
        deadline,
      ];
      break;
    case 'consent':
      paragraphs = [ident, ...observedBlock, L('letter_consent_p1'), ...extra, L('letter_consent_p2'), deadline];
      break;
    case 'cnil':
      paragraphs = [
        // Outside the GDPR (Swiss FADP, Brazil's LGPD) the complaint names its own law instead of Article 77.
        ...(authority.law === 'gdpr'
          ? [L('letter_cnil_p1', [accountEmail])]
          : [L(`letter_complaint_${authority.law}`), L('letter_complaint_against', [accountEmail])]),
        L('letter_cnil_p2', [requestDate(field('requestDate')!)]),
        L('letter_cnil_details', [details!]),
        ...(seen.length ? [L('letter_cnil_facts'), ...observedBlock] : []),
        L('letter_cnil_attach'),
        L(authority.law === 'gdpr' ? 'letter_cnil_p3' : 'letter_complaint_p3_other'),
      ];
      break;
  }

  const subject = L(
    id === 'cnil' && authority.law !== 'gdpr' ? 'letter_complaint_subject_other' : `letter_${id}_subject`,
  );
  const to = (
    def.to === 'cnil'
      ? authority.postal
      : lang !== 'en'
        ? [MISTRAL_CONTACT.postal[0], L('letter_attn_privacy_team'), ...MISTRAL_CONTACT.postal.slice(2)]
        : MISTRAL_CONTACT.postal
  ).join('\n');
  const body = [L('letter_greeting'), ...paragraphs, L('letter_closing'), fullName].join('\n\n');
  const sender = [fullName, L('letter_sender_email', [email])].join('\n');
  const dateLine = L('letter_date_line', [city, date(opts.now ?? Date.now())]);
  const text = [sender, to, dateLine, L('letter_subject_line', [subject]), body].join('\n\n') + '\n';
  return { id, lang, article: def.article, to, subject, body, text, blanks };
}

/** A file name for the letter: windsock-letter-objection-fr.txt */
export function letterFileName(id: LetterId, lang: Lang): string {
  return `windsock-letter-${id}-${lang}.txt`;
}
