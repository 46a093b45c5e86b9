/**
 * The chat app's own account data (`organization.all` and `settings.get`, reverse-engineered, may drift): the content script
 * fetches it like the page does and hands the raw text to the background, which parses it here, validates it
 * with zod and ignores it whole when its shape does not match. Kept out of the content script's bundle.
 */
import * as z from 'zod/mini';
import { planFromNameIn } from './plan-names';
import type { PlanSignal } from './plan';
import { ACCOUNT_DATA } from './rules';
import type { PlanId } from '../policy/schema';

// The chat app's own account data. Only the fields Windsock reads; anything else may come and go.
const OrgItem = z.object({
  leChatPlan: z.optional(z.nullable(z.string())),
  isLeChatPro: z.optional(z.nullable(z.boolean())),
  orgTier: z.optional(z.nullable(z.string())),
  role: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  id: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  // Flags some builds may set on the active organization (not documented; read when present).
  isActive: z.optional(z.nullable(z.boolean())),
  active: z.optional(z.nullable(z.boolean())),
  current: z.optional(z.nullable(z.boolean())),
  isCurrent: z.optional(z.nullable(z.boolean())),
  selected: z.optional(z.nullable(z.boolean())),
});
type OrgItem = z.infer<typeof OrgItem>;

export interface AccountOrg {
  id?: string;
  name?: string;
}

export interface AccountReading {
  /** Every organization listed (id and name only), for linking them to what the Admin Panel showed. */
  orgs: AccountOrg[];
  /** The active one, or null when several are listed and the page does not say which. */
  active: AccountOrg | null;
  /** The active organization's plan, when its fields name one. */
  plan: PlanSignal | null;
}

const idOf = (o: OrgItem) => (o.id === null || o.id === undefined ? undefined : String(o.id).slice(0, 128));
const ref = (o: OrgItem): AccountOrg => ({
  ...(idOf(o) ? { id: idOf(o) } : {}),
  ...(o.name ? { name: o.name.slice(0, 200) } : {}),
});

function planOf(org: OrgItem): PlanSignal | null {
  let plan: PlanId | null = null;
  if (org.isLeChatPro === true) plan = 'pro';
  if (!plan && org.leChatPlan) plan = planFromNameIn([org.leChatPlan], 'vibe');
  if (!plan && org.orgTier && ACCOUNT_DATA.freeTiers.includes(org.orgTier) && org.isLeChatPro === false) plan = 'free';
  return plan ? { product: 'vibe', plan, kind: 'account-data', confidence: ACCOUNT_DATA.confidence } : null;
}

/**
 * `organization.all` may list several organizations (a Team member also has a personal workspace): never take
 * the first. The active one is the only one listed; else the one flagged active; else the one whose id, or
 * else whose name (if no other has it), the page shows as active (`shown`). Otherwise: null, "can't tell".
 */
export function readAccountData(body: string, shown?: AccountOrg): AccountReading | null {
  const list = orgListIn(body);
  if (!list) return null;
  const parsed = OrgList.safeParse(list);
  if (!parsed.success || parsed.data.length === 0) return null;
  const items = parsed.data;
  let active: OrgItem | undefined;
  if (items.length === 1) active = items[0];
  else {
    const flagged = items.filter(
      (o) =>
        o.isActive === true || o.active === true || o.current === true || o.isCurrent === true || o.selected === true,
    );
    if (flagged.length === 1) active = flagged[0];
    else if (shown?.id) active = items.find((o) => idOf(o) === shown.id);
    if (!active && shown?.name) {
      const named = items.filter((o) => o.name === shown.name);
      if (named.length === 1) active = named[0];
    }
  }
  return { orgs: items.map(ref), active: active ? ref(active) : null, plan: active ? planOf(active) : null };
}
const OrgList = z.array(OrgItem).check(z.maxLength(200));

/** Parse a tRPC batch response (JSON array or JSON lines, superjson `{result:{data:{json}}}`) of `organization.all`. */
export function planFromAccountData(body: string, shown?: AccountOrg): PlanSignal | null {
  return readAccountData(body, shown)?.plan ?? null;
}

/** A tRPC answer's JSON values: the whole body (a JSON batch), or each of its lines (JSON lines). */
function jsonValues(body: string): unknown[] {
  const candidates: unknown[] = [];
  const push = (x: unknown) => candidates.push(x);
  try {
    push(JSON.parse(body));
  } catch {
    for (const line of body.split('\n')) {
      try {
        if (line.trim()) push(JSON.parse(line));
      } catch {
        // Not JSON: ignored.
      }
    }
  }
  return candidates;
}

function orgListIn(body: string): unknown[] | null {
  const candidates = jsonValues(body);
  for (const c of candidates) {
    const list = findOrgList(c, 0);
    if (list) return list;
  }
  return null;
}

/** Find the first array of objects that carry at least one of the plan fields, a few levels deep. */
function findOrgList(x: unknown, depth: number): unknown[] | null {
  if (depth > 6 || x === null || typeof x !== 'object') return null;
  if (Array.isArray(x)) {
    if (
      x.length &&
      x.every((i) => i && typeof i === 'object' && !Array.isArray(i)) &&
      x.some((i) => 'leChatPlan' in i || 'isLeChatPro' in i || 'orgTier' in i)
    )
      return x;
    for (const i of x) {
      const f = findOrgList(i, depth + 1);
      if (f) return f;
    }
    return null;
  }
  for (const v of Object.values(x)) {
    const f = findOrgList(v, depth + 1);
    if (f) return f;
  }
  return null;
}

// `settings.get`: an object of flags, each `{value}`. Only the flag Windsock reads must be a boolean; every
// other entry must still be a `{value}` object, or the whole answer is taken for another shape and ignored.
const Flag = z.object({ value: z.unknown() });
const Flags = z.record(z.string(), Flag).check(z.refine((o) => Object.keys(o).length <= 500));
const SharingFlag = z.object({ value: z.boolean() });

export interface AccountSettings {
  /** Public chat sharing, as the chat app's own settings say. */
  publicSharing: 'on' | 'off';
}

/**
 * Parse a tRPC answer (JSON batch or JSON lines, superjson `{result:{data:{json}}}`) of `settings.get`. Null when the
 * flag is not there, or when the flags around it are not all `{value}` objects (another shape: ignored whole).
 */
export function readAccountSettings(body: string): AccountSettings | null {
  const key = ACCOUNT_DATA.settings.publicSharing;
  for (const c of jsonValues(body)) {
    const flags = findWithKey(c, key, 0);
    if (!flags) continue;
    const all = Flags.safeParse(flags);
    const sharing = SharingFlag.safeParse((flags as Record<string, unknown>)[key]);
    if (!all.success || !sharing.success) return null;
    return { publicSharing: sharing.data.value ? 'on' : 'off' };
  }
  return null;
}

/** The first plain object, a few levels deep (JSON lines nest it deeper than a batch), that has `key` as its own property. */
function findWithKey(x: unknown, key: string, depth: number): object | null {
  if (depth > 10 || x === null || typeof x !== 'object') return null;
  if (!Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, key)) return x;
  for (const v of Array.isArray(x) ? x : Object.values(x)) {
    const f = findWithKey(v, key, depth + 1);
    if (f) return f;
  }
  return null;
}
