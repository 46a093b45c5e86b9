/**
 * What Windsock keeps in browser.storage.local, its versions and the migrations between them. Pure: no browser.
 *
 * Stored: per organization, the last value seen for each observation key (plan and privacy controls) with the
 * page and time, and the user's declarations; the user's settings. Never any prompt, reply, name or email.
 *
 * Every stored value is `{ schemaVersion, ... }`. `load()` migrates older versions step by step, validates the
 * result, and salvages what it can from malformed data: one corrupt organization is dropped, the others kept;
 * anything unreadable falls back to the defaults. test/unit/store.test.ts keeps an example of every version.
 */
import { z } from 'zod';
import { ControlId, ControlValue, PlanId } from '../policy/schema';
import { LANG_SETTINGS } from '../langs';

export const STORE_KEY = 'windsock';
export const CURRENT_VERSION = 2;
export const STALE_AFTER_MS = 30 * 24 * 3600 * 1000;
export const DEFAULT_ORG = 'default';

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
  disputed: z.object({ value: ObsValue, via: z.enum(['page', 'account-data', 'visible-cue']), where: z.string().max(64), seenAt: z.number() }).optional(),
  /** The user's declaration this observation replaced, kept so the popup can say so. */
  replaced: z.object({ value: ObsValue, at: z.number() }).optional(),
});
export type Observation = z.infer<typeof Observation>;

export const Declaration = z.object({ value: ObsValue, at: z.number().int().nonnegative() });
export type Declaration = z.infer<typeof Declaration>;

export const OrgRecord = z.object({
  /** The organization's name as the Admin Panel shows it, when seen. */
  name: z.string().max(200).optional(),
  observations: z.partialRecord(ObsKey, Observation).default({}),
  declarations: z.partialRecord(ObsKey, Declaration).default({}),
});
export type OrgRecord = z.infer<typeof OrgRecord>;

export const Settings = z.object({
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

/** A chat the user shared by public link, recorded when Windsock saw it happen (id and time only). */
export const Share = z.object({
  chatId: z.string().regex(/^[A-Za-z0-9-]{6,64}$/),
  at: z.number().int().nonnegative(),
  org: z.string().max(200),
});
export type Share = z.infer<typeof Share>;

/** The in-page warnings that have a "don't ask again" choice. */
export const GUARD_IDS = ['feedback', 'share', 'labs'] as const;
export const GuardId = z.enum(GUARD_IDS);
export type GuardId = z.infer<typeof GuardId>;

/** Version 1 (Windsock 0.1.0 development builds): organizations and settings only. */
export const StoreV1 = z.object({
  schemaVersion: z.literal(1),
  currentOrg: z.string().max(200).default(DEFAULT_ORG),
  orgs: z.record(z.string().max(200), OrgRecord).default({}),
  settings: Settings.default({ language: 'auto' }),
});

/** Version 2: adds the privacy record (history), shared chats, warning choices and banner dismissals. */
export const StoreV2 = z.object({
  schemaVersion: z.literal(2),
  currentOrg: z.string().max(200).default(DEFAULT_ORG),
  orgs: z.record(z.string().max(200), OrgRecord).default({}),
  settings: Settings.default({ language: 'auto' }),
  /** Guards the user turned off for good ("don't ask again: always"). Session choices live in storage.session. */
  guardsOff: z.array(GuardId).default([]),
  /** Per organization, until when the training banner stays dismissed. */
  bannerDismissedUntil: z.record(z.string().max(200), z.number()).default({}),
  shares: z.array(Share).max(500).default([]),
  history: z.array(HistoryEntry).max(HISTORY_MAX).default([]),
});
export type Store = z.infer<typeof StoreV2>;
export const CurrentStore = StoreV2;

export function emptyStore(): Store {
  return { schemaVersion: CURRENT_VERSION as 2, currentOrg: DEFAULT_ORG, orgs: {}, settings: { language: 'auto' }, guardsOff: [], bannerDismissedUntil: {}, shares: [], history: [] };
}

/** Append to the privacy record, keeping the newest HISTORY_MAX lines. */
export function withHistory(store: Store, entries: HistoryEntry[]): Store {
  if (!entries.length) return store;
  const history = [...store.history, ...entries];
  return { ...store, history: history.length > HISTORY_MAX ? history.slice(history.length - HISTORY_MAX) : history };
}

/**
 * Migrations: MIGRATIONS[n] turns a version-n store into version n+1. When the shape changes, bump
 * CURRENT_VERSION, add the step here and an example of the old version to test/unit/store.test.ts.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: the new lists start empty; nothing of version 1 changes meaning.
  1: (old) => ({ ...old, schemaVersion: 2, guardsOff: [], bannerDismissedUntil: {}, shares: [], history: [] }),
};

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export interface LoadResult {
  store: Store;
  /** What had to be dropped or reset, for the options page and the tests. */
  problems: string[];
  migratedFrom?: number;
}

/** Turn whatever is in storage into a valid current store. Never throws. */
export function load(raw: unknown): LoadResult {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { store: emptyStore(), problems };
  if (!isObj(raw)) return { store: emptyStore(), problems: ['store is not an object; reset'] };
  let data: Record<string, unknown> = raw;
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { store: emptyStore(), problems: ['no valid schemaVersion; reset'] };
  if (from > CURRENT_VERSION) return { store: emptyStore(), problems: [`store version ${from} is newer than this Windsock (${CURRENT_VERSION}); ignored`] };
  try {
    for (let v = from; v < CURRENT_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (!step) throw new Error(`no migration from ${v}`);
      data = step(data);
    }
  } catch (e) {
    return { store: emptyStore(), problems: [`migration from ${from} failed; reset`] };
  }
  const whole = CurrentStore.safeParse(data);
  if (whole.success) return { store: whole.data, problems, migratedFrom: from < CURRENT_VERSION ? from : undefined };

  // Salvage: keep each valid organization, each valid observation, the valid settings.
  const store = emptyStore();
  if (typeof data.currentOrg === 'string' && data.currentOrg.length <= 200) store.currentOrg = data.currentOrg;
  else if (data.currentOrg !== undefined) problems.push('current organization was malformed; reset');
  const s = Settings.safeParse(data.settings ?? {});
  if (s.success) store.settings = s.data;
  else problems.push('settings were malformed; reset');
  for (const [field, schema] of [
    ['history', HistoryEntry],
    ['shares', Share],
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
    if (kept.length < list.length) problems.push(`${list.length - kept.length} ${field} entr${list.length - kept.length === 1 ? 'y was' : 'ies were'} malformed; dropped`);
    (store as Record<string, unknown>)[field] = kept.slice(-(field === 'history' ? HISTORY_MAX : 500));
  }
  const guards = z.array(GuardId).safeParse(data.guardsOff ?? []);
  if (guards.success) store.guardsOff = guards.data;
  else problems.push('guard choices were malformed; reset');
  const banner = z.record(z.string().max(200), z.number()).safeParse(data.bannerDismissedUntil ?? {});
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
      const salvaged: OrgRecord = { observations: {}, declarations: {} };
      if (typeof rec.name === 'string') salvaged.name = rec.name.slice(0, 200);
      else if (rec.name !== undefined) problems.push(`name of organization ${id.slice(0, 40)} was malformed; dropped`);
      for (const [field, schema] of [
        ['observations', Observation],
        ['declarations', Declaration],
      ] as const) {
        if (rec[field] !== undefined && !isObj(rec[field])) problems.push(`${field} of organization ${id.slice(0, 40)} were malformed; dropped`);
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
  return { store, problems, migratedFrom: from < CURRENT_VERSION ? from : undefined };
}

export function currentOrg(store: Store): OrgRecord {
  return store.orgs[store.currentOrg] ?? { observations: {}, declarations: {} };
}

export interface ObservationInput {
  key: ObsKey;
  value: ObsValue;
  via: z.infer<typeof ObsVia>;
  confidence?: number;
  locked?: boolean;
}

/** Record what a page showed. A fresher observation replaces the user's declaration for the same key. */
export function recordObservations(store: Store, orgId: string | null, where: string, obs: ObservationInput[], now: number, orgName?: string): Store {
  const id = orgId ?? store.currentOrg ?? DEFAULT_ORG;
  let orgs = store.orgs;
  // The first time an organization is named, what was learnt before under no name is taken to be its own.
  if (id !== DEFAULT_ORG && !orgs[id] && orgs[DEFAULT_ORG] && store.currentOrg === DEFAULT_ORG) {
    const { [DEFAULT_ORG]: unnamed, ...rest } = orgs;
    orgs = { ...rest, [id]: unnamed };
  }
  const org: OrgRecord = structuredClone(orgs[id] ?? { observations: {}, declarations: {} });
  if (orgName) org.name = orgName;
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
    const next: Observation = { value: o.value, via: o.via, where, seenAt: now, confidence, ...(o.locked ? { locked: true } : {}) };
    if (prev && recent && prev.value !== o.value && o.key.startsWith('plan:')) next.disputed = { value: prev.value, via: prev.via, where: prev.where, seenAt: prev.seenAt };
    else if (prev?.disputed && prev.value === o.value && prev.disputed.value !== o.value && now - prev.disputed.seenAt < STALE_AFTER_MS && o.via !== 'page') next.disputed = prev.disputed;
    if (decl && decl.at <= now) {
      next.replaced = { value: decl.value, at: decl.at };
      delete org.declarations[o.key];
    } else if (prev?.replaced) next.replaced = prev.replaced;
    org.observations[o.key] = next;
    if (!prev || prev.value !== next.value || prev.locked !== next.locked) {
      changes.push({ at: now, org: id, kind: 'observed', key: o.key, value: String(next.value), previous: prev ? String(prev.value) : null, where });
    }
  }
  return withHistory({ ...store, currentOrg: id, orgs: { ...orgs, [id]: org } }, changes);
}

/** The user's own word for a key; null clears it. */
export function declare(store: Store, key: ObsKey, value: ObsValue | null, now: number): Store {
  const id = store.currentOrg ?? DEFAULT_ORG;
  const org: OrgRecord = structuredClone(store.orgs[id] ?? { observations: {}, declarations: {} });
  const previous = org.declarations[key]?.value ?? null;
  if (value === null) delete org.declarations[key];
  else org.declarations[key] = { value, at: now };
  const entry: HistoryEntry = { at: now, org: id, kind: 'declared', key, value: value === null ? null : String(value), previous: previous === null ? null : String(previous) };
  return withHistory({ ...store, orgs: { ...store.orgs, [id]: org } }, [entry]);
}

/** Record that the user shared a chat by public link (id and time only). */
export function recordShare(store: Store, chatId: string, now: number): Store {
  const org = store.currentOrg;
  const shares = [...store.shares.filter((x) => x.chatId !== chatId), { chatId, at: now, org }].slice(-500);
  return withHistory({ ...store, shares }, [{ at: now, org, kind: 'shared', key: 'chat', value: chatId }]);
}
