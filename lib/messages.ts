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
import { ObsKey, ObsValue } from './store/schema';
import { isMistralUrl } from './surfaces';

const ObservationInput = z.object({
  key: ObsKey,
  value: ObsValue,
  via: z.enum(['page', 'account-data', 'visible-cue']),
  confidence: z.number().min(0).max(1).optional(),
  locked: z.boolean().optional(),
});

export const PageReport = z.object({
  type: z.literal('page-report'),
  /** The page's URL as the content script saw it; must agree with the sender's tab. */
  url: z.string().max(2048),
  observations: z.array(ObservationInput).max(32),
  org: z.object({ name: z.string().max(200).optional() }).optional(),
});

export const Declare = z.object({
  type: z.literal('declare'),
  key: z.enum(['plan:vibe', 'plan:api', 'vibe-training', 'api-training']),
  value: ObsValue.nullable(),
});

export const ResetAll = z.object({ type: z.literal('reset') });

export const SetSettings = z.object({
  type: z.literal('set-settings'),
  settings: z.object({ language: z.enum(['auto', 'en', 'fr']).optional() }),
});

/** Replace the whole store with an imported privacy record (the text of the file; validated in the background). */
export const ImportRecord = z.object({ type: z.literal('import'), text: z.string().max(5_000_000) });

export const Message = z.discriminatedUnion('type', [PageReport, Declare, ResetAll, SetSettings, ImportRecord]);
export type Message = z.infer<typeof Message>;
export type PageReportMsg = z.infer<typeof PageReport>;

/** What a content script may send. */
export const CONTENT_TYPES: ReadonlySet<Message['type']> = new Set(['page-report']);

/** Messages the background sends to a content script. */
export interface NavigatedMsg {
  type: 'navigated';
  url: string;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind = 'extension-page' | 'content-script';

/** Who sent it, or null for anyone not to be trusted at all. */
export function senderKind(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (!sender || sender.id !== runtimeId) return null;
  const url = sender.url ?? '';
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (url === origin || url.startsWith(origin + '/')) return 'extension-page';
  // A content script: top frame of a tab on a Mistral host.
  if (sender.tab && typeof sender.tab.id === 'number' && (sender.frameId ?? 0) === 0 && isMistralUrl(url)) return 'content-script';
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
  if (kind === 'content-script') {
    if (!CONTENT_TYPES.has(msg.type)) return { ok: false, error: `content scripts may not send ${msg.type}` };
    if (msg.type === 'page-report' && !sameOrigin(msg.url, sender.url)) return { ok: false, error: 'page-report URL does not match its sender' };
  }
  return { ok: true, kind, msg };
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
