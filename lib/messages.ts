/**
 * Messages to the background, their zod schemas and who may send which.
 *
 * Trust is decided by where a message comes from, not by what it claims: the sender must be this extension
 * (runtime id), and then either one of its own pages (URL on the extension's origin) or a content script in a
 * tab on one of Mistral's hosts. Content scripts may only send the few types in CONTENT_TYPES. Anything else,
 * and any payload that does not parse, is dropped.
 *
 * Content scripts import only the types from here (`import type`), so zod stays out of their bundles.
 */
import { z } from 'zod';
import { GuardId, ObsKey, ObsValue } from './store/schema';
import { LANG_SETTINGS, type Lang } from './langs';
import { isMistralUrl, surfaceOf } from './surfaces';
import { accountDataOn, composerOn, guardOn, observableKeys, shareOn } from './detect/observable';
import { MAX_LENGTH, type Category } from './scan/categories';
import type { PageTree } from './page/serialize';

const ObservationInput = z.object({
  key: ObsKey,
  value: ObsValue,
  via: z.enum(['page', 'account-data', 'visible-cue']),
  confidence: z.number().min(0).max(1).optional(),
  locked: z.boolean().optional(),
});

/** An organization's id as a page prints it. */
const OrgIdText = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);

export const PageReport = z.object({
  type: z.literal('page-report'),
  /** The page's URL as the content script saw it; must agree with the sender's tab. */
  url: z.string().max(2048),
  observations: z.array(ObservationInput).max(32),
  /** The organization the page shows as active (its own id, its name), when it shows one. */
  org: z.object({ name: z.string().max(200).optional(), id: OrgIdText.optional() }).optional(),
});

const Declare = z.object({
  type: z.literal('declare'),
  key: z.enum(['plan:vibe', 'plan:api', 'vibe-training', 'api-training']),
  value: ObsValue.nullable(),
  /** The organization (store key) the popup's tab is about; the current one when absent. */
  org: z.string().max(200).optional(),
});

const ResetAll = z.object({ type: z.literal('reset') });

const SetSettings = z.object({
  type: z.literal('set-settings'),
  settings: z.object({ language: z.enum(LANG_SETTINGS).optional() }),
});

const PageUrl = z.string().max(2048);

/** The chat app's own account data, as the content script fetched it; parsed and validated in the background. */
const AccountData = z.object({
  type: z.literal('account-data'),
  url: PageUrl,
  body: z.string().max(200_000),
  /** The answer of `settings.get` fetched on the same page load (public chat sharing), filed with the plan under the active organization. */
  settings: z.string().max(200_000).optional(),
  /** The organization/workspace the page shows as active, to pick it among several (lib/detect/account.ts). */
  active: z.object({ name: z.string().max(200).optional(), id: OrgIdText.optional() }).optional(),
});

/**
 * A reading content script sends its page, as data (lib/page/serialize.ts), for the background to read with the
 * detectors of the page's host (lib/offpage/read.ts; issue 13: they no longer ship in the page). The reading is
 * recorded exactly as this tab's `page-report` with it would be (checked again by `accept`, as that report), and
 * answered `{ok: true, detection}`. Content scripts only. The tree is checked where it is rebuilt
 * (lib/offpage/rebuild.ts): anything but a page tree is read as nothing.
 */
const PageDom = z.object({
  type: z.literal('page-dom'),
  url: z.string().max(2048),
  page: z.custom<PageTree>((v) => !!v && typeof v === 'object' && !Array.isArray(v)),
});

/**
 * A reading content script asks for its host's site rules, as data (lib/detect/rules.ts `rulesetFor`): its
 * page's URL says which host. Answered `{ok: true, rules}`; the page reads nothing until they arrive.
 */
const GetRules = z.object({ type: z.literal('get-rules'), url: PageUrl });

/** What the in-page warnings need to know, in the page's language. */
const GetContext = z.object({ type: z.literal('get-context'), url: PageUrl, lang: z.string().max(35) });

/** "Don't ask again" for one warning, for this session or always. */
const GuardChoice = z.object({
  type: z.literal('guard-choice'),
  url: PageUrl,
  guard: GuardId,
  scope: z.enum(['session', 'always']),
});

/** The user confirmed a public share of this chat (its id and the time only). */
const RecordShare = z.object({
  type: z.literal('record-share'),
  url: PageUrl,
  chatId: z.string().regex(/^[A-Za-z0-9-]{6,64}$/),
});

/** The training banner was dismissed (for a week, for the current organization). */
const DismissBanner = z.object({ type: z.literal('dismiss-banner'), url: PageUrl });

/** Open the verdict (the popup's page) for the sender's tab, from the composer's "why". */
const OpenVerdict = z.object({ type: z.literal('open-verdict'), url: PageUrl });

/**
 * A content script asks the background to inject one of Windsock's on-demand scripts into its own frame (in
 * the content scripts' isolated world): the warning dialog (`dialog`, the first time a warning must be shown)
 * or the diagnostic report's page skeleton (`skeleton`, when a diagnosis is asked for). Only these two names,
 * never a path: the background maps each to its file (ON_DEMAND_FILES).
 */
const LoadPart = z.object({ type: z.literal('load-part'), url: PageUrl, part: z.enum(['dialog', 'skeleton']) });

/**
 * The composer's text, for the background to check for personal data (lib/background/scan.ts): what the chat
 * page's composer guard would have scanned in the page (at most the scanner's MAX_LENGTH characters). It is read
 * once, in memory, and only its counts per category are answered; it is never stored, logged, or put in an
 * error, an answer or a diagnostic report. `seq` numbers the guard's requests: a newer request from the same tab
 * abandons an older one still being scanned, except one a held send waits for (`send`).
 */
const ScanText = z.object({
  type: z.literal('scan-text'),
  url: PageUrl,
  text: z.string().max(MAX_LENGTH),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  send: z.boolean().optional(),
});

/** Which warnings are switched off for good (options page). */
const SetGuards = z.object({ type: z.literal('set-guards'), guardsOff: z.array(GuardId).max(8) });

/** Replace the whole store with an imported privacy record (the text of the file; validated in the background). */
const ImportRecord = z.object({ type: z.literal('import'), text: z.string().max(5_000_000) });

/** The popup asks for its tab's verdict, computed in the background (lib/popup-state.ts). Extension pages only. */
const PopupStateReq = z.object({
  type: z.literal('popup-state'),
  tabId: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
  url: PageUrl.optional(),
  uiLang: z.string().max(35),
});

export const Message = z.discriminatedUnion('type', [
  PageReport,
  PageDom,
  Declare,
  ResetAll,
  SetSettings,
  ImportRecord,
  AccountData,
  GetRules,
  GetContext,
  GuardChoice,
  RecordShare,
  DismissBanner,
  SetGuards,
  OpenVerdict,
  PopupStateReq,
  LoadPart,
  ScanText,
]);
export type Message = z.infer<typeof Message>;
export type PageReportMsg = z.infer<typeof PageReport>;
export type OnDemandPart = z.infer<typeof LoadPart>['part'];

/** Each on-demand part's built file (a WXT content script with `registration: 'runtime'`, not in the manifest). */
export const ON_DEMAND_FILES: Record<OnDemandPart, string> = {
  dialog: '/content-scripts/dialog.js',
  skeleton: '/content-scripts/skeleton.js',
};

/** What a content script may send (never import, set-guards, reset, declare, set-settings). */
export const CONTENT_TYPES: ReadonlySet<Message['type']> = new Set([
  'page-report',
  'page-dom',
  'account-data',
  'get-rules',
  'get-context',
  'guard-choice',
  'record-share',
  'dismiss-banner',
  'open-verdict',
  'load-part',
  'scan-text',
]);

/** The background's answer to `scan-text`: counts per category found (absent: none), never what was found. */
export type ScanAnswer =
  { ok: true; seq: number; counts: Partial<Record<Category, number>> } | { ok: false; seq?: number; error: string };

/** Messages the background sends to a content script. */
export interface NavigatedMsg {
  type: 'navigated';
  url: string;
}

/** The in-page warnings' knowledge of the verdict and their strings, in the page's language. */
export interface PageContext {
  state: 'training' | 'not-training' | 'unknown';
  product: 'vibe' | 'api';
  lang: Lang;
  /** Which warnings still ask (false: the user said "don't ask again"). */
  ask: Record<GuardId, boolean>;
  /** Show the "this chat may be used for training" banner on chat pages. */
  banner: boolean;
  fixUrl: string;
  strings: Record<string, string>;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chrome: the sender's document (scripting.executeScript can target exactly it). */
  documentId?: string;
}

export type SenderKind = 'extension-page' | 'content-script';

/** Who sent it, or null for anyone not to be trusted at all. */
function senderKind(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (!sender || sender.id !== runtimeId) return null;
  const url = sender.url ?? '';
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (url === origin || url.startsWith(origin + '/')) return 'extension-page';
  // A content script: top frame of a tab on a Mistral host.
  if (sender.tab && typeof sender.tab.id === 'number' && (sender.frameId ?? 0) === 0 && isMistralUrl(url))
    return 'content-script';
  return null;
}

export type Accepted = { ok: true; kind: SenderKind; msg: Message } | { ok: false; error: string };

/** Validate a raw message against its sender. Pure; the background calls it for every message. */
export function accept(raw: unknown, sender: SenderLike, runtimeId: string, extensionOrigin: string): Accepted {
  const kind = senderKind(sender, runtimeId, extensionOrigin);
  if (!kind) return { ok: false, error: 'untrusted sender' };
  const parsed = Message.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'malformed message' };
  const msg = parsed.data;
  // An on-demand script goes into the asking content script's own frame: no extension page asks for one.
  // A page sent to be read is a tab's own page, and its reading is filed for that tab: no extension page sends one.
  if (kind === 'extension-page' && (msg.type === 'load-part' || msg.type === 'page-dom'))
    return { ok: false, error: `extension pages may not send ${msg.type}` };
  if (kind === 'content-script') {
    if (!CONTENT_TYPES.has(msg.type)) return { ok: false, error: `content scripts may not send ${msg.type}` };
    if (!('url' in msg) || msg.url === undefined || !sameOrigin(msg.url, sender.url))
      return { ok: false, error: `${msg.type} URL does not match its sender` };
    const why = offSurface(msg);
    if (why) return { ok: false, error: why };
  }
  return { ok: true, kind, msg };
}

/** What a content script's message says that its page cannot show or do (derived from the site rules), or null. */
function offSurface(msg: Message): string | null {
  const surface = 'url' in msg ? surfaceOf(msg.url) : null;
  if (!surface) return `${msg.type} is not about a Mistral page`;
  switch (msg.type) {
    case 'page-report': {
      const can = observableKeys(surface);
      const bad = msg.observations.find((o) => !can.has(o.key));
      return bad ? `${surface.id} cannot show ${bad.key}` : null;
    }
    case 'account-data':
      return accountDataOn(surface) ? null : `${surface.id} does not read account data`;
    case 'guard-choice':
      return guardOn(msg.guard, surface.id) ? null : `${surface.id} shows no ${msg.guard} warning`;
    case 'record-share':
      return shareOn(surface.id) ? null : `${surface.id} cannot share a chat`;
    case 'dismiss-banner':
      return surface.chat ? null : `${surface.id} shows no banner`;
    case 'load-part':
      // The dialog only where some warning shows (the UI scripts' pages); the skeleton on every Mistral page.
      return msg.part === 'skeleton' || GuardId.options.some((g) => guardOn(g, surface.id))
        ? null
        : `${surface.id} shows no warning`;
    case 'scan-text':
      return composerOn(surface.id) ? null : `${surface.id} shows no composer guard`;
    default:
      return null;
  }
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b ?? '');
    return ua.origin === ub.origin;
  } catch {
    return false;
  }
}
