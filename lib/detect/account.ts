/**
 * The chat app's own account data (`organization.all`, reverse-engineered, may drift): the content script
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
});
const OrgList = z.array(OrgItem);

/** Parse a tRPC batch response (JSON array or JSON lines, superjson `{result:{data:{json}}}`) of `organization.all`. */
export function planFromAccountData(body: string): PlanSignal | null {
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
  for (const c of candidates) {
    const list = findOrgList(c, 0);
    if (!list) continue;
    const parsed = OrgList.safeParse(list);
    if (!parsed.success || parsed.data.length === 0) return null;
    const org = parsed.data[0];
    let plan: PlanId | null = null;
    if (org.isLeChatPro === true) plan = 'pro';
    if (!plan && org.leChatPlan) plan = planFromNameIn([org.leChatPlan], 'vibe');
    if (!plan && org.orgTier && ACCOUNT_DATA.freeTiers.includes(org.orgTier) && org.isLeChatPro === false) plan = 'free';
    if (!plan) return null;
    return { product: 'vibe', plan, kind: 'account-data', confidence: ACCOUNT_DATA.confidence };
  }
  return null;
}

/** Find the first array of objects that carry at least one of the plan fields, a few levels deep. */
function findOrgList(x: unknown, depth: number): unknown[] | null {
  if (depth > 6 || x === null || typeof x !== 'object') return null;
  if (Array.isArray(x)) {
    if (x.length && x.every((i) => i && typeof i === 'object' && !Array.isArray(i)) && x.some((i) => 'leChatPlan' in i || 'isLeChatPro' in i || 'orgTier' in i)) return x;
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
