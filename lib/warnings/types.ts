/**
 * What one in-page warning is (lib/warnings/<id>.ts): its id, where it applies, how it recognises its gesture,
 * the strings it shows, whether it offers "don't ask again", and what it does when the background cannot answer.
 * Data and pure functions only: the background, the options page and the content scripts all read these
 * modules (through lib/warnings/registry.ts), and none of them carries the others' code because of it. Each
 * module gives its in-page part (`InPageWarning`), all that a UI script carries, and the warning whole
 * (`Warning`: the in-page part and its `WarningFacts`, where it shows and its strings, for the background).
 */
import type { SurfaceId } from '../surfaces';
import type { KeyRest, MessageKey } from '../i18n';
import type { Life } from '../page/life';
import type { PageContext } from '../messages';

/** The two kinds of page that carry in-page UI (the console has none). */
export type PageType = 'chat' | 'admin';

/** A gesture a warning recognised. */
export interface GuardMatch {
  /** The warning's id (lib/warnings/<id>.ts). */
  warning: string;
  /** The gesture (`feedback`, `share-link`, `share-public`, `labs`, `attach`, …). */
  kind: string;
  /** The element whose activation is guarded (replayed once on confirmation). */
  element: Element;
  /** For feedback: which thumb. */
  direction?: 'like' | 'dislike';
  /** This gesture undoes an exposure (clears a rating, revokes a link, switches Labs off): not warned. */
  clearing?: boolean;
  /** How it was recognised, for the diagnostic report and the tests. */
  signals: string[];
}

export type Matcher = (el: Element, surface: SurfaceId) => GuardMatch | null;

/**
 * How the background words one string (lib/context.ts resolves it in the page's language):
 * - `'key'`: the message `page_key`, with `$1`… left for the page when `args` says so;
 * - `{ cite }`: the source line of a citation of lib/policy/knowledge.ts (`CITE[cite]`);
 * - `{ orgPlan: [a, b] }`: `page_a` when the plan is managed by an organization (Team, Enterprise), else `page_b`;
 * - `{ plan: [a, b] }`: `page_a` with the plan's name, or `page_b` when the plan is unknown;
 * - `{ training: [a, b] }`: `page_a` when the verdict is `training`, else `page_b`;
 * - `{ global }`: a message without the `page_` prefix.
 */
/** A key of the page's strings (`page_<key>` in the catalogs; typed, so a wrong key fails tsc). */
type PageKey = KeyRest<'page_'>;
export type StringSpec =
  | PageKey
  | { key: PageKey; args: string[] }
  | { cite: string }
  | { orgPlan: [PageKey, PageKey] }
  | { plan: [PageKey, PageKey] }
  | { training: [PageKey, PageKey]; args?: string[] }
  | { global: MessageKey };

/** The words of a warning's dialog, from the context's strings. */
export interface WarningDialog {
  title: string;
  body: string[];
  source?: string;
  confirm: string;
}

/**
 * What a warning does when the background cannot answer within 4 s (lib/page/client.ts):
 * - `cautious-warning`: warn anyway with "Windsock can't check your settings right now…"; confirm replays the
 *   gesture once, cancel sends nothing (the adversary issue's policy);
 * - `silent-note`: the gesture is never stopped; the note shows only when the verdict is known to be training.
 * Either way, a page that tampers with Windsock's UI gets the browser's own confirm() instead (lib/page/ui.ts).
 */
export type FailurePolicy = 'cautious-warning' | 'silent-note';

/** What a warning that is not a click (the composer's send, the attachment events) gets to install itself. */
export interface WarningKit {
  life: Life;
  context: () => Promise<PageContext | null>;
  ask: (msg: import('../messages').Message) => Promise<unknown>;
  /** The one intercept-and-confirm primitive (lib/page/confirm.ts). */
  confirm: import('../page/confirm').Confirm;
}

/**
 * What a page type's UI script carries of a warning (lib/page/warnings.ts reads nothing else): its id, its
 * choices, how it recognises its gesture and what it shows from the context's strings.
 */
export interface InPageWarning {
  /** Also the "don't ask again" id, when `dontAsk`. */
  id: string;
  /** Which page type's UI script carries it. */
  page: PageType;
  /** Offers "don't ask again" (session or always), and a switch in the options. */
  dontAsk: boolean;
  failure: FailurePolicy;
  /** Recognise its gesture (a click or Enter/Space on the element, `closest()` of the target). */
  match?: Matcher;
  /** Its dialog, for a match, from the context's strings. */
  dialog?: (s: Record<string, string>, m: GuardMatch) => WarningDialog;
  /** A note instead of a dialog (`silent-note`): text and source line. */
  note?: (s: Record<string, string>) => { text: string; source: string };
  /** After a confirmed gesture, before it is replayed (share: record the chat shared). */
  confirmed?: (m: GuardMatch, kit: WarningKit) => void;
  /** Anything else it listens to (attachments: file picker, drop, paste; the composer: input and send). */
  install?: (kit: WarningKit, fire: () => void) => void;
}

/**
 * What only the background and the options page read of a warning: where it applies and how the background
 * words its strings (the page gets them resolved, in its language, with its context: lib/context.ts).
 */
export interface WarningFacts {
  /** Where it applies (the background refuses a "don't ask again" from a page where it cannot show). */
  surfaces: readonly SurfaceId[];
  /** Its strings, by name (the context's `strings` map), resolved by the background in the page's language. */
  strings: Record<string, StringSpec>;
}

/** A warning whole: its in-page part and its facts. */
export interface Warning extends InPageWarning, WarningFacts {}

/** A warning's in-page part, its literal id and choices kept. */
export const inPageWarning = <const P extends InPageWarning>(p: P): P => p;

/**
 * A warning whole, from its in-page part and its facts, its literal id and choices kept (so the store's `GuardId`
 * type derives from the registry). A warning module exports both: `inPage`, which its page's UI script carries
 * (lib/warnings/registry.ts, `CHAT_IN_PAGE`), and `warning`, built by this call, marked pure at each call so that
 * a UI script's bundle, which never uses it, drops it and the facts with it.
 */
export const defineWarning = <const P extends InPageWarning, const F extends WarningFacts>(
  inPage: P,
  facts: F,
): P & F => ({
  ...inPage,
  ...facts,
});

/**
 * The in-page part of a warning too heavy for the background and the options page to import (the composer
 * guard's page side): given by the UI script that carries it, run only when the registry wires that warning there.
 */
export type Installers = Partial<Record<string, (kit: WarningKit) => void>>;
