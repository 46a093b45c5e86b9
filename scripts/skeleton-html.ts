/**
 * A diagnostic report's skeleton (lib/detect/skeleton.ts) back to HTML, for `npm run fixture` and its tests:
 * the same tags, roles, states, data-* names, ids, link paths, icon classes and kept texts; masked texts become
 * "▒" runs of the same length class (never a word a detector knows).
 */
import type { SkeletonNode } from '../lib/detect/skeleton';

const VOID = new Set([
  'input',
  'br',
  'hr',
  'img',
  'meta',
  'link',
  'source',
  'col',
  'wbr',
  'area',
  'base',
  'embed',
  'track',
]);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const SAFE_TAG = /^[a-z][a-z0-9-]{0,30}$/;
const SAFE_ATTR = /^[a-z][a-z0-9_:.-]{0,60}$/;

export function skeletonToHtml(n: SkeletonNode, depth = 0): string {
  if (!SAFE_TAG.test(n.t) || depth > 60) return '';
  const attrs: string[] = [];
  if (n.role) attrs.push(`role="${esc(n.role)}"`);
  for (const [k, v] of Object.entries(n.a ?? {}))
    if (SAFE_ATTR.test(k) && !/^on/i.test(k)) attrs.push(v === '' ? k : `${k}="${esc(v)}"`);
  for (const d of n.data ?? []) if (SAFE_ATTR.test(d) && !(n.a && d in n.a)) attrs.push(d);
  if (n.label !== undefined) attrs.push(`aria-label="${esc(n.label)}"`);
  const open = `<${n.t}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
  if (VOID.has(n.t)) return open;
  const text = n.x !== undefined ? esc(n.x) : n.m ? '▒'.repeat(Math.min(Math.max(n.m, 2), 12)) : '';
  const kids = (n.c ?? []).map((c) => skeletonToHtml(c, depth + 1)).join('');
  return `${open}${text}${kids}</${n.t}>`;
}
