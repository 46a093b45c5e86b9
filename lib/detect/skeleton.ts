/**
 * The page's structure for a diagnostic report: tag names, roles, aria-labels, data-attribute NAMES, ids of
 * form controls' labels — never text content, values, names or emails. Bounded in size and depth.
 */
export interface SkeletonNode {
  t: string;
  role?: string;
  label?: string;
  data?: string[];
  c?: SkeletonNode[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'META', 'LINK']);
const EMAIL = /[^\s@]+@[^\s@]+/g;

export function skeleton(root: Element, maxNodes = 1500, maxDepth = 25): SkeletonNode | null {
  let count = 0;
  const walk = (el: Element, depth: number): SkeletonNode | null => {
    if (count >= maxNodes || SKIP.has(el.tagName.toUpperCase())) return null;
    count++;
    const node: SkeletonNode = { t: el.tagName.toLowerCase() };
    const role = el.getAttribute('role');
    if (role) node.role = role.slice(0, 40);
    // aria-labels of controls are UI labels ("Like", "Share"), kept short and with any e-mail address masked.
    const label = el.getAttribute('aria-label');
    if (label && /^(button|a|input|select|textarea)$/i.test(el.tagName)) node.label = label.slice(0, 60).replace(EMAIL, '<email>');
    const data = Array.from(el.attributes)
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-'));
    if (data.length) node.data = data.slice(0, 12);
    if (depth < maxDepth) {
      const kids = Array.from(el.children)
        .map((c) => walk(c, depth + 1))
        .filter((x): x is SkeletonNode => !!x);
      if (kids.length) node.c = kids;
    }
    return node;
  };
  return walk(root, 0);
}
