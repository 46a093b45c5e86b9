/**
 * Which organization (or workspace) a page is about, as the page shows it: the key under which observations
 * are kept (lib/store/schema.ts, orgKeyOf). The page's own id when it exposes one (a data attribute on the
 * organization switcher), else the switcher's name. On the Admin Panel that is the organization switcher; on
 * the chat app, the organization/workspace menu bottom-left (shared/notes/mistral-surfaces.md: guess for the
 * attributes, the menu's place is third-party). Nothing shown: nothing returned, and the background decides.
 */
import { norm } from './text';

export interface OrgRef {
  id?: string;
  name?: string;
}

const ID_ATTRS = ['data-organization-id', 'data-org-id', 'data-workspace-id'];
const NAME_ATTRS = ['data-organization-name', 'data-org-name', 'data-workspace-name'];
const SWITCHER = `${[...ID_ATTRS, ...NAME_ATTRS].map((a) => `[${a}]`).join(', ')}`;

/** An id as pages print them (uuid, org_…, digits): short, no spaces or markup. */
const cleanId = (s: string | null | undefined) => {
  const v = (s ?? '').trim();
  return /^[A-Za-z0-9_.:-]{1,128}$/.test(v) ? v : undefined;
};

/** The organization the page shows as active: its id and name, either of which may be missing. */
export function readOrg(doc: Document, loose = true): OrgRef {
  const el =
    doc.querySelector(SWITCHER) ??
    doc.querySelector('[aria-label*="organization" i], [aria-label*="organisation" i], [aria-label*="workspace" i]');
  if (!el) return {};
  // Strict (the chat app): only a switcher that names its organization outright, never a button's text.
  const label = el.getAttribute('aria-label') ?? '';
  if (!loose && !el.matches(SWITCHER) && !label.includes(':')) return {};
  // "Create workspace" is no switcher: a workspace is named by aria-label only as "Workspace: <name>".
  if (!el.matches(SWITCHER) && !/organi[sz]ation/i.test(label) && !label.includes(':')) return {};
  const id = cleanId(ID_ATTRS.map((a) => el.getAttribute(a)).find((v) => v));
  const data = NAME_ATTRS.map((a) => el.getAttribute(a)).find((v) => v !== null && v !== undefined);
  const aria = el.getAttribute('aria-label') ?? '';
  const raw = data ?? (aria.includes(':') ? aria.slice(aria.indexOf(':') + 1) : (el.textContent ?? ''));
  const name = raw.replace(/\s+/g, ' ').trim();
  const okName =
    name && name.length <= 80 && !/^(switch )?(organi[sz]ation|workspace)$/i.test(norm(name)) ? name : undefined;
  return { ...(id ? { id } : {}), ...(okName ? { name: okName } : {}) };
}

/** The organization switcher's label on the Admin Panel ("Switch organization: Acme SAS", or its text). */
export function readOrgName(doc: Document): string | undefined {
  return readOrg(doc).name;
}
