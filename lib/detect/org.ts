/** The organization's name as the Admin Panel's switcher shows it: the key under which observations are kept. */
import { norm } from './text';

/** The organization switcher's label on the Admin Panel ("Switch organization: Acme SAS", or its text). */
export function readOrgName(doc: Document): string | undefined {
  const el =
    doc.querySelector('[data-organization-name], [data-org-name]') ??
    doc.querySelector('[aria-label*="organization" i], [aria-label*="organisation" i]');
  if (!el) return undefined;
  const data = el.getAttribute('data-organization-name') ?? el.getAttribute('data-org-name');
  const aria = el.getAttribute('aria-label') ?? '';
  const raw = data ?? (aria.includes(':') ? aria.slice(aria.indexOf(':') + 1) : (el.textContent ?? ''));
  const name = raw.replace(/\s+/g, ' ').trim();
  return name && name.length <= 80 && !/^(switch )?organi[sz]ation$/i.test(norm(name)) ? name : undefined;
}

