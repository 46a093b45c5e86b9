/**
 * What Windsock keeps in browser.storage.local, its version and the migrations. Pure: no browser (the storage
 * item itself, WXT's, is lib/store/index.ts).
 * Privacy invariant: per organization, the last value seen for each observation key with page and time, the user's
 * declarations and settings; never any prompt, reply, name or email.
 * Tests: test/unit/store.test.ts keeps an example of every released version.
 */
import { z } from 'zod';
import { ControlId, ControlValue, PlanId } from '../policy/schema';
import { LANG_SETTINGS } from '../langs';
import { GUARD_IDS } from '../warnings/registry';

export const STORE_KEY = 'windsock';
/** The store's version: WXT's version of the storage item (lib/store/index.ts), and `schemaVersion` in memory and files. */
export const STORE_VERSION = 3;
/**
 * The oldest version Windsock migrates. Versions 1 and 2 were intermediate formats of 0.1.0's development
 * (CHANGELOG.md: 0.1.0 unreleased; no release tagged), never shipped: their migrations were removed, and such a
 * store is reset, said so. Version 3 is what the current code writes, so it is kept and migrates into the item.
 */
export const OLDEST_VERSION = 3;
export const STALE_AFTER_MS = 30 * 24 * 3600 * 1000;
/** The organization of what was seen before any organization was named (a single-organization user). */
export const DEFAULT_ORG = 'default';
/** Where readings go when a page belongs to one of several organizations and Windsock can't tell which. */
export const UNKNOWN_ORG = 'unknown';
/** Organizations kept: past this, the least recently seen is dropped (a page renaming itself can't fill the quota). */
export const ORGS_MAX = 20;
/** Dates Windsock accepts anywhere in the store: not before 2023 (Windsock did not exist), not past 2100. */
export const MIN_DATE = Date.UTC(2023, 0, 1);
const MAX_DATE = Date.UTC(2100, 0, 1);
/** How far in the future an imported or declared date may be (clock skew), at most. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;
/** A date as stored from version 3 on. */
const Stamp = z.number().int().min(MIN_DATE).max(MAX_DATE);

/**
 * The store key of an organization. Never a name the page controls as it is: a page's own id when it shows
 * one (`id:…`), else its display name (`name:…`), else DEFAULT_ORG. The prefix means no key is ever a plain
 * object's property name (`__proto__`, `constructor`, …), and two organizations with the same name but
 * different ids stay apart.
 */
export function orgKeyOf(ref: { id?: string | null; name?: string | null } | null | undefined): string {
  if (ref?.id) return `id:${ref.id.slice(0, 190)}`;
  if (ref?.name) return `name:${ref.name.slice(0, 190)}`;
  return DEFAULT_ORG;
}

/** An own property of a record, never one inherited from Object.prototype. */
export function own<T>(rec: Record<string, T> | undefined, key: string): T | undefined {
  return rec && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

/** What an observation is about: the plan of one product, or one control. */
export const OBS_KEYS = ['plan:vibe', 'plan:api', ...ControlId.options] as const;
export const ObsKey = z.enum(OBS_KEYS);
export type ObsKey = z.infer<typeof ObsKey>;

export const ObsValue = z.union([PlanId, ControlValue]);
export type ObsValue = z.infer<typeof ObsValue>;

export const ObsVia = z.enum(['page', 'account-data', 'visible-cue']);

export const Observation = z.object({
  value: ObsValue,
  via: ObsVia,
  /** Surface id where it was seen. */
  where: z.string().max(64),
  seenAt: z.number().int().nonnegative(),
  /** How sure the detector was (0..1); a plan from account data beats one from a visible cue. */
  confidence: z.number().min(0).max(1).default(1),
  /** The managing organization locked it (disabled control). */
  locked: z.boolean().optional(),
  /** A recent signal from another page that said otherwise, kept so the popup can show the disagreement. */
  disputed: z
    .object({
      value: ObsValue,
      via: z.enum(['page', 'account-data', 'visible-cue']),
      where: z.string().max(64),
      seenAt: z.number(),
    })
    .optional(),
  /** The user's declaration this observation replaced, kept so the popup can say so. */
  replaced: z.object({ value: ObsValue, at: z.number() }).optional(),
});
export type Observation = z.infer<typeof Observation>;

/** Version 3: dates within MIN_DATE..MAX_DATE, the page's own id of the organization, when it was last seen. */
const ObservationV3 = Observation.extend({
  seenAt: Stamp,
  disputed: z.object({ value: ObsValue, via: ObsVia, where: z.string().max(64), seenAt: Stamp }).optional(),
  replaced: z.object({ value: ObsValue, at: Stamp }).optional(),
});
const DeclarationV3 = z.object({ value: ObsValue, at: Stamp });
export const OrgRecord = z.object({
  /** The organization's name as the page shows it, when seen. */
  name: z.string().max(200).optional(),
  /** The page's own id of the organization (organization.all, the Admin Panel's switcher), when shown. */
  pageId: z.string().max(200).optional(),
  /** When a page of this organization was last seen (the least recently seen is dropped past ORGS_MAX). */
  lastSeen: z.number().int().nonnegative().max(MAX_DATE).optional(),
  observations: z.partialRecord(ObsKey, ObservationV3).default({}),
  declarations: z.partialRecord(ObsKey, DeclarationV3).default({}),
});
export type OrgRecord = z.infer<typeof OrgRecord>;

const Settings = z.object({
  language: z.enum(LANG_SETTINGS).default('auto'),
});
export type Settings = z.infer<typeof Settings>;

/** One line of the privacy record: what changed, when, where it was seen. Never content. */
export const HistoryEntry = z.object({
  at: z.number().int().nonnegative(),
  org: z.string().max(200),
  kind: z.enum(['observed', 'declared', 'shared', 'reset']),
  key: z.string().max(64),
  value: z.string().max(64).nullable(),
  previous: z.string().max(64).nullable().optional(),
  where: z.string().max(64).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HISTORY_MAX = 1000;
const SHARES_MAX = 500;
const HistoryEntryV3 = HistoryEntry.extend({ at: Stamp });

/** A chat the user shared by public link, recorded when Windsock saw it happen (id and time only). */
const Share = z.object({
  chatId: z.string().regex(/^[A-Za-z0-9-]{6,64}$/),
  at: z.number().int().nonnegative(),
  org: z.string().max(200),
});
export type Share = z.infer<typeof Share>;

/** The in-page warnings that have a "don't ask again" choice (derived from lib/warnings/registry.ts). */
export { GUARD_IDS } from '../warnings/registry';
export const GuardId = z.enum(GUARD_IDS);
export type GuardId = z.infer<typeof GuardId>;

/**
 * Version 3: organizations keyed by orgKeyOf() (the page's id where it shows one, else `name:` + the name),
 * each with its page id and when it was last seen; at most ORGS_MAX of them; dates within a sane window.
 */
export const StoreV3 = z.object({
  schemaVersion: z.literal(3),
  currentOrg: z.string().max(200).default(DEFAULT_ORG),
  orgs: z.record(z.string().max(200), OrgRecord).default({}),
  settings: Settings.default({ language: 'auto' }),
  guardsOff: z.array(GuardId).default([]),
  bannerDismissedUntil: z.record(z.string().max(200), z.number().max(MAX_DATE)).default({}),
  shares: z
    .array(Share.extend({ at: Stamp }))
    .max(SHARES_MAX)
    .default([]),
  history: z.array(HistoryEntryV3).max(HISTORY_MAX).default([]),
});
export type Store = z.infer<typeof StoreV3>;

export function emptyStore(): Store {
  return {
    schemaVersion: STORE_VERSION as 3,
    currentOrg: DEFAULT_ORG,
    orgs: {},
    settings: { language: 'auto' },
    guardsOff: [],
    bannerDismissedUntil: {},
    shares: [],
    history: [],
  };
}

/** Append to the privacy record, keeping the newest HISTORY_MAX lines. */
function withHistory(store: Store, entries: HistoryEntry[]): Store {
  if (!entries.length) return store;
  const history = [...store.history, ...entries];
  return { ...store, history: history.length > HISTORY_MAX ? history.slice(history.length - HISTORY_MAX) : history };
}

/**
 * Migrations of the store's shape, by the version each produces (WXT's convention): MIGRATIONS[n] turns a
 * version n-1 store into version n. None yet: version 3 is the first released. When the shape changes, bump
 * STORE_VERSION, add the step here (load() runs it for exported files; lib/store/index.ts gives it to WXT for
 * what is stored) and an example of the old version to test/unit/store.test.ts.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * WXT's migration of a hand-written stored value (Windsock before the storage item: `{ schemaVersion: 3, … }`
 * with no WXT metadata, which WXT counts as its version 1) into the item: the version moves out of the value
 * into WXT's metadata, nothing else changes. A value this cannot read keeps a `schemaVersion` (null when it had
 * none) for load() to reset it and say why; a newer hand-written store (no Windsock writes one) is refused, so
 * WXT leaves it untouched.
 */
export function fromHandWritten(old: unknown): unknown {
  if (!isObj(old)) return old;
  const v = old.schemaVersion;
  if (typeof v === 'number' && v > STORE_VERSION)
    throw new Error(`store version ${v} is newer than this Windsock (${STORE_VERSION})`);
  if (v !== STORE_VERSION) return { ...old, schemaVersion: v ?? null };
  const { schemaVersion: _, ...rest } = old;
  return rest;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export interface LoadResult {
  store: Store;
  /** What had to be dropped or reset, for the options page and the tests. */
  problems: string[];
  migratedFrom?: number;
  /** The stored value was written by a newer Windsock (this version): it must be left alone, never overwritten. */
  newerVersion?: number;
}

/**
 * Turn whatever is in storage into a valid current store. Never throws. A store in memory or in an exported file
 * is `{ schemaVersion, ... }` (in storage, the version is WXT's metadata). Runs the migrations from older released
 * versions, validates the result, and salvages what it can from malformed data: one corrupt organization is
 * dropped, the others kept; anything unreadable falls back to the defaults.
 */
export function load(raw: unknown): LoadResult {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { store: emptyStore(), problems };
  if (!isObj(raw)) return { store: emptyStore(), problems: ['store is not an object; reset'] };
  let data: Record<string, unknown> = raw;
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { store: emptyStore(), problems: ['no valid schemaVersion; reset'] };
  if (from > STORE_VERSION)
    return {
      store: emptyStore(),
      problems: [`store version ${from} is newer than this Windsock (${STORE_VERSION}); left as it is`],
      newerVersion: from,
    };
  if (from < OLDEST_VERSION)
    return {
      store: emptyStore(),
      problems: [`store version ${from} is from a development build, never released; reset`],
    };
  try {
    for (let v = from + 1; v <= STORE_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (!step) throw new Error(`no migration to ${v}`);
      data = step(data);
    }
  } catch {
    return { store: emptyStore(), problems: [`migration from ${from} failed; reset`] };
  }
  const whole = StoreV3.safeParse(data);
  if (whole.success)
    return { store: capOrgs(whole.data), problems, migratedFrom: from < STORE_VERSION ? from : undefined };

  // Salvage: keep each valid organization, each valid observation, the valid settings.
  const store = emptyStore();
  if (typeof data.currentOrg === 'string' && data.currentOrg.length <= 200) store.currentOrg = data.currentOrg;
  else if (data.currentOrg !== undefined) problems.push('current organization was malformed; reset');
  const s = Settings.safeParse(data.settings ?? {});
  if (s.success) store.settings = s.data;
  else problems.push('settings were malformed; reset');
  for (const [field, schema] of [
    ['history', HistoryEntryV3],
    ['shares', Share.extend({ at: Stamp })],
  ] as const) {
    const list = data[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${field} were malformed; reset`);
      continue;
    }
    const kept = list.flatMap((x) => {
      const r = (schema as z.ZodType).safeParse(x);
      return r.success ? [r.data] : [];
    });
    if (kept.length < list.length)
      problems.push(
        `${list.length - kept.length} ${field} entr${list.length - kept.length === 1 ? 'y was' : 'ies were'} malformed; dropped`,
      );
    (store as Record<string, unknown>)[field] = kept.slice(-(field === 'history' ? HISTORY_MAX : 500));
  }
  const guards = z.array(GuardId).safeParse(data.guardsOff ?? []);
  if (guards.success) store.guardsOff = guards.data;
  else problems.push('guard choices were malformed; reset');
  const banner = z.record(z.string().max(200), z.number().max(MAX_DATE)).safeParse(data.bannerDismissedUntil ?? {});
  if (banner.success) store.bannerDismissedUntil = banner.data;
  else problems.push('banner dismissals were malformed; reset');
  if (isObj(data.orgs)) {
    for (const [id, rec] of Object.entries(data.orgs)) {
      const ok = OrgRecord.safeParse(rec);
      if (ok.success) {
        store.orgs[id] = ok.data;
        continue;
      }
      if (!isObj(rec)) {
        problems.push(`organization ${JSON.stringify(id).slice(0, 40)} was malformed; dropped`);
        continue;
      }
      const salvaged: OrgRecord = { lastSeen: 0, observations: {}, declarations: {} };
      if (
        typeof rec.lastSeen === 'number' &&
        Number.isInteger(rec.lastSeen) &&
        rec.lastSeen >= 0 &&
        rec.lastSeen <= MAX_DATE
      )
        salvaged.lastSeen = rec.lastSeen;
      if (typeof rec.pageId === 'string') salvaged.pageId = rec.pageId.slice(0, 200);
      if (typeof rec.name === 'string') salvaged.name = rec.name.slice(0, 200);
      else if (rec.name !== undefined) problems.push(`name of organization ${id.slice(0, 40)} was malformed; dropped`);
      for (const [field, schema] of [
        ['observations', ObservationV3],
        ['declarations', DeclarationV3],
      ] as const) {
        if (rec[field] !== undefined && !isObj(rec[field]))
          problems.push(`${field} of organization ${id.slice(0, 40)} were malformed; dropped`);
        const entries = isObj(rec[field]) ? Object.entries(rec[field] as object) : [];
        for (const [k, v] of entries) {
          const key = ObsKey.safeParse(k);
          const val = (schema as z.ZodType).safeParse(v);
          if (key.success && val.success) (salvaged[field] as Record<string, unknown>)[key.data] = val.data;
          else problems.push(`${field} ${k.slice(0, 40)} of organization ${id.slice(0, 40)} was malformed; dropped`);
        }
      }
      store.orgs[id] = salvaged;
    }
  } else if (data.orgs !== undefined) problems.push('organizations were malformed; reset');
  return { store: capOrgs(store), problems, migratedFrom: from < STORE_VERSION ? from : undefined };
}

/** Keep at most ORGS_MAX organizations: the current one, then the most recently seen. */
function capOrgs(store: Store, max = ORGS_MAX): Store {
  const keys = Object.keys(store.orgs);
  if (keys.length <= max) return store;
  const keep = new Set(
    keys
      .filter((k) => k !== store.currentOrg)
      .sort((a, b) => (store.orgs[b].lastSeen ?? 0) - (store.orgs[a].lastSeen ?? 0))
      .slice(0, own(store.orgs, store.currentOrg) ? max - 1 : max),
  );
  if (own(store.orgs, store.currentOrg)) keep.add(store.currentOrg);
  const orgs: Record<string, OrgRecord> = {};
  for (const k of keys) if (keep.has(k)) orgs[k] = store.orgs[k];
  const banner: Record<string, number> = {};
  for (const [k, v] of Object.entries(store.bannerDismissedUntil)) if (keep.has(k)) banner[k] = v;
  return { ...store, orgs, bannerDismissedUntil: banner };
}

export function orgOf(store: Store, key: string): OrgRecord | undefined {
  return own(store.orgs, key);
}

export function currentOrg(store: Store): OrgRecord {
  return own(store.orgs, store.currentOrg) ?? { lastSeen: 0, observations: {}, declarations: {} };
}

export interface ObservationInput {
  key: ObsKey;
  value: ObsValue;
  via: z.infer<typeof ObsVia>;
  confidence?: number;
  locked?: boolean;
}

/** Record what a page showed. A fresher observation replaces the user's declaration for the same key. */
export function recordObservations(
  store: Store,
  orgId: string | null,
  where: string,
  obs: ObservationInput[],
  now: number,
  orgName?: string,
  pageId?: string,
): Store {
  const id = orgId ?? store.currentOrg ?? DEFAULT_ORG;
  let orgs = store.orgs;
  // The first time an organization is named, what was learnt before under no name is taken to be its own.
  if (
    id !== DEFAULT_ORG &&
    id !== UNKNOWN_ORG &&
    !own(orgs, id) &&
    own(orgs, DEFAULT_ORG) &&
    store.currentOrg === DEFAULT_ORG
  ) {
    const { [DEFAULT_ORG]: unnamed, ...rest } = orgs;
    orgs = { ...rest, [id]: unnamed };
  }
  const org: OrgRecord = structuredClone(own(orgs, id) ?? { lastSeen: 0, observations: {}, declarations: {} });
  if (orgName) org.name = orgName.slice(0, 200);
  if (pageId) org.pageId = pageId.slice(0, 200);
  org.lastSeen = Math.max(org.lastSeen ?? 0, now);
  const changes: HistoryEntry[] = [];
  for (const o of obs) {
    const prev = org.observations[o.key];
    const confidence = o.confidence ?? 1;
    const recent = prev && now - prev.seenAt < STALE_AFTER_MS;
    // A weaker signal (a visible cue) does not overwrite a stronger recent one (the account data), but the
    // disagreement is kept to be shown.
    if (prev && recent && prev.value !== o.value && prev.confidence > confidence) {
      org.observations[o.key] = { ...prev, disputed: { value: o.value, via: o.via, where, seenAt: now } };
      continue;
    }
    // The same value from a weaker source confirms it; the stronger source stays the one named.
    if (prev && recent && prev.value === o.value && prev.confidence > confidence && !org.declarations[o.key]) continue;
    const decl = org.declarations[o.key];
    const next: Observation = {
      value: o.value,
      via: o.via,
      where,
      seenAt: now,
      confidence,
      ...(o.locked ? { locked: true } : {}),
    };
    if (prev && recent && prev.value !== o.value && o.key.startsWith('plan:'))
      next.disputed = { value: prev.value, via: prev.via, where: prev.where, seenAt: prev.seenAt };
    else if (
      prev?.disputed &&
      prev.value === o.value &&
      prev.disputed.value !== o.value &&
      now - prev.disputed.seenAt < STALE_AFTER_MS &&
      o.via !== 'page'
    )
      next.disputed = prev.disputed;
    if (decl && decl.at <= now) {
      next.replaced = { value: decl.value, at: decl.at };
      delete org.declarations[o.key];
    } else if (prev?.replaced) next.replaced = prev.replaced;
    org.observations[o.key] = next;
    if (!prev || prev.value !== next.value || prev.locked !== next.locked) {
      changes.push({
        at: now,
        org: id,
        kind: 'observed',
        key: o.key,
        value: String(next.value),
        previous: prev ? String(prev.value) : null,
        where,
      });
    }
  }
  return capOrgs(withHistory({ ...store, currentOrg: id, orgs: { ...orgs, [id]: org } }, changes));
}

/** The user's own word for a key; null clears it. */
export function declare(store: Store, key: ObsKey, value: ObsValue | null, now: number): Store {
  const id = store.currentOrg ?? DEFAULT_ORG;
  const org: OrgRecord = structuredClone(own(store.orgs, id) ?? { lastSeen: 0, observations: {}, declarations: {} });
  const previous = org.declarations[key]?.value ?? null;
  if (value === null) delete org.declarations[key];
  else org.declarations[key] = { value, at: now };
  const entry: HistoryEntry = {
    at: now,
    org: id,
    kind: 'declared',
    key,
    value: value === null ? null : String(value),
    previous: previous === null ? null : String(previous),
  };
  return withHistory({ ...store, orgs: { ...store.orgs, [id]: org } }, [entry]);
}

/** Record that the user shared a chat by public link (id and time only). */
export function recordShare(store: Store, chatId: string, now: number): Store {
  const org = store.currentOrg;
  const shares = [...store.shares.filter((x) => x.chatId !== chatId), { chatId, at: now, org }].slice(-SHARES_MAX);
  return withHistory({ ...store, shares }, [{ at: now, org, kind: 'shared', key: 'chat', value: chatId }]);
}
