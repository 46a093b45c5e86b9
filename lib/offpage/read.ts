/**
 * Reading a page off the page (issue 13): the tree a reading content script sent (lib/page/serialize.ts) is rebuilt
 * as a DOM (lib/offpage/rebuild.ts) and read by the unchanged `detectPage` with the detectors of that page's host
 * (lib/page/kit-chat.ts, kit-admin.ts, kit-studio.ts) and that host's rules only — what the content script read
 * with before. Runs where a DOM exists: Firefox's background page, Chrome's offscreen document
 * (entrypoints/offscreen/main.ts). A tree that cannot be rebuilt, or a host Windsock does not read, gives null:
 * nothing read, never a guess.
 */
import { detectPage, type DetectKit, type PageDetection } from '../detect';
import { rulesetFor } from '../detect/rules';
import { hasRules, rules, useRuleset, type Ruleset } from '../detect/ruleset';
import { HOSTS, type MistralHost } from '../hosts';
import { CHAT_DETECT } from '../page/kit-chat';
import { ADMIN_DETECT } from '../page/kit-admin';
import { STUDIO_DETECT } from '../page/kit-studio';
import type { PageTree } from '../page/serialize';
import { rebuild } from './rebuild';

const KITS: Record<MistralHost, DetectKit> = {
  [HOSTS.chat]: CHAT_DETECT,
  [HOSTS.admin]: ADMIN_DETECT,
  [HOSTS.studio]: STUDIO_DETECT,
};
const byHost = new Map<MistralHost, Ruleset>();

/** The detection of a sent page, as its own content script used to compute it, or null. */
export function readTree(impl: DOMImplementation, url: string, tree: PageTree): PageDetection | null {
  let host: MistralHost;
  try {
    host = new URL(url).hostname as MistralHost;
  } catch {
    return null;
  }
  const kit = Object.hasOwn(KITS, host) ? KITS[host] : undefined;
  if (!kit) return null;
  let doc: Document;
  try {
    doc = rebuild(impl, tree);
  } catch {
    return null;
  }
  // That host's rules for this reading (synchronous: nothing else runs meanwhile), then the ones in force again.
  const before = hasRules() ? rules() : null;
  let mine = byHost.get(host);
  if (!mine) byHost.set(host, (mine = rulesetFor([host])));
  useRuleset(mine);
  try {
    return detectPage(doc, url, kit);
  } catch {
    return null;
  } finally {
    useRuleset(before);
  }
}
