/**
 * Every in-page warning, one module each (lib/warnings/<id>.ts), and everything derived from them:
 * - the "don't ask again" ids (the store's `GuardId`, lib/store/schema.ts, and so the messages' schemas);
 * - where each warning can show (the background refuses a "don't ask again" from another page);
 * - the strings the background sends with the page's context (lib/context.ts) and which warnings still ask;
 * - the options page's list of warnings (components/Options.tsx);
 * - the content scripts' wiring: which warnings each page type's UI script carries (entrypoints/*-ui.content.ts).
 * Adding a warning is adding its module and one entry in each of its page's two lists below (the warning, and its
 * in-page part for the UI script); test/unit/warnings-registry.test.ts adds a dummy one through `makeRegistry` and
 * finds it in each of those places, and checks that the two lists agree.
 */
import type { SurfaceId } from '../surfaces';
import type { MessageKey } from '../i18n';
import type { InPageWarning, PageType, StringSpec, Warning } from './types';
import { inPage as feedbackInPage, warning as feedback } from './feedback';
import { inPage as shareInPage, warning as share } from './share';
import { inPage as attachInPage, warning as attach } from './attach';
import { inPage as labsInPage, warning as labs } from './labs';
import { inPage as composerInPage, warning as composer } from './composer';

export function makeRegistry<const W extends readonly Warning[]>(warnings: W) {
  const ids = new Set<string>();
  for (const w of warnings) {
    if (ids.has(w.id)) throw new Error(`two warnings named ${w.id}`);
    ids.add(w.id);
  }
  const guardIds = warnings.filter((w) => w.dontAsk).map((w) => w.id);
  return {
    warnings,
    /** The warnings with a "don't ask again" choice, in order. */
    guardIds,
    /** Where a warning can be shown (so its "don't ask again" can be chosen). */
    shownOn: (id: string, surface: SurfaceId) => !!warnings.find((w) => w.id === id)?.surfaces.includes(surface),
    /** Every string the background resolves for the page's context, by name. */
    strings: (): Record<string, StringSpec> => Object.assign({}, ...warnings.map((w) => w.strings)),
    /** Which warnings still ask, given those turned off. */
    ask: (off: ReadonlySet<string>): Record<string, boolean> =>
      Object.fromEntries(guardIds.map((id) => [id, !off.has(id)])),
    /** The options page's switches: one per warning with "don't ask again", labelled `optionsGuard_<id>`. */
    options: guardIds.map((id) => ({ id, label: `optionsGuard_${id}` as MessageKey })),
    /** What the UI script of a page type carries. */
    wiring: (page: PageType) => wiring(warnings, page),
  };
}

/**
 * The warnings of `warnings` that the UI script of a page type carries. A function of its own, so that a UI script
 * (entrypoints/*-ui.content.ts) bundles it without the rest of the registry, which only the background and the
 * options page use.
 */
export function wiring<W extends InPageWarning>(warnings: readonly W[], page: PageType): W[] {
  return warnings.filter((w) => w.page === page);
}

export type Registry = ReturnType<typeof makeRegistry>;

/**
 * Every warning, by the page type whose UI script carries it (each warning's own `page`; a unit test checks
 * they agree). Two lists so that each UI script bundles only its page's warnings: the entry scripts take
 * `wiring` of the in-page parts of their list (below), the same derivation as `REGISTRY.wiring('chat')`.
 */
export const CHAT_WARNINGS = [feedback, share, attach, composer] as const;
export const ADMIN_WARNINGS = [labs] as const;

/**
 * What each page type's UI script carries: the in-page parts of its list, in the same order (a unit test checks
 * each is its warning's own), so that the strings and surfaces only the background reads stay out of the page.
 * The entry scripts take `wiring(CHAT_IN_PAGE, 'chat')`.
 */
export const CHAT_IN_PAGE = [feedbackInPage, shareInPage, attachInPage, composerInPage] as const;
export const ADMIN_IN_PAGE = [labsInPage] as const;
export const WARNINGS = /* @__PURE__ */ concat(CHAT_WARNINGS, ADMIN_WARNINGS);

/** Both lists as one (a call, so a bundle that uses neither drops both). */
function concat<A extends readonly Warning[], B extends readonly Warning[]>(a: A, b: B): readonly [...A, ...B] {
  return [...a, ...b];
}

export const REGISTRY = /* @__PURE__ */ makeRegistry(WARNINGS);

/** A warning's id that has a "don't ask again" choice. */
export type GuardId = Extract<(typeof WARNINGS)[number], { dontAsk: true }>['id'];

/** The "don't ask again" ids, as a tuple for zod (lib/store/schema.ts). */
export const GUARD_IDS = /* @__PURE__ */ guardIdsOf(WARNINGS);

function guardIdsOf(warnings: typeof WARNINGS): [GuardId, ...GuardId[]] {
  return makeRegistry(warnings).guardIds as [GuardId, ...GuardId[]];
}

/** Every warning's matcher, for the tests and the diagnostic tools. */
export const ALL_MATCHERS = /* @__PURE__ */ WARNINGS.flatMap((w) => ('match' in w && w.match ? [w.match] : []));
export { matchGesture } from './match';
