/**
 * The page a content script sent as data (lib/page/serialize.ts), rebuilt as a DOM where the detectors run: the
 * background page (Firefox) or the offscreen document (Chrome). Built with createElement / createElementNS /
 * createTextNode into an inert document of its own (`createHTMLDocument`: no script runs, nothing is fetched), so
 * the structure is exactly the one sent — an HTML string re-parsed could be restructured by the parser. The live
 * state the tree carries (checkboxes' and radios' `checked`, a select's selected options) is set as the live
 * properties, after the element's children, so that `.checked`, `selectedOptions` and `.value` answer as the page's.
 * Anything that is not a well-formed tree throws: the caller reads nothing then.
 */
import { LONG_TEXT, MAX_DEPTH, MAX_NODES, type PageTree, type TreeElement, type TreeNode } from '../page/serialize';

const NS = { s: 'http://www.w3.org/2000/svg', m: 'http://www.w3.org/1998/Math/MathML' } as const;

class BadTree extends Error {}

/** A document holding the tree, created by `impl` (the rebuilding context's own `document.implementation`). */
export function rebuild(impl: DOMImplementation, tree: PageTree): Document {
  if (!tree || typeof tree !== 'object' || tree.v !== 1) throw new BadTree('not a page tree');
  const doc = impl.createHTMLDocument('');
  let nodes = 0;
  const element = (raw: TreeElement, depth: number): Element => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) throw new BadTree('too large');
    if (!raw || typeof raw !== 'object' || typeof raw.t !== 'string') throw new BadTree('not an element');
    const ns = raw.n === undefined ? null : NS[raw.n];
    if (raw.n !== undefined && !ns) throw new BadTree('bad namespace');
    let el: Element;
    try {
      el = ns ? doc.createElementNS(ns, raw.t) : doc.createElement(raw.t);
    } catch {
      // A name the HTML parser took but createElement refuses: an unknown element, its children kept.
      el = ns ? doc.createElementNS(ns, 'windsock-unknown') : doc.createElement('windsock-unknown');
    }
    if (raw.a !== undefined) {
      if (!Array.isArray(raw.a) || raw.a.length % 2) throw new BadTree('bad attributes');
      for (let i = 0; i < raw.a.length; i += 2) {
        const [name, value] = [raw.a[i], raw.a[i + 1]];
        if (typeof name !== 'string' || typeof value !== 'string') throw new BadTree('bad attribute');
        try {
          el.setAttribute(name, value);
        } catch {
          // A name the parser took but setAttribute refuses (`@click`): no selector of the detectors names it.
        }
      }
    }
    if (raw.c !== undefined) {
      if (!Array.isArray(raw.c)) throw new BadTree('bad children');
      for (const c of raw.c as TreeNode[]) {
        if (typeof c === 'string') {
          if (++nodes > MAX_NODES) throw new BadTree('too large');
          el.appendChild(doc.createTextNode(c));
        } else if (typeof c === 'number') {
          // A long text left out for size: a neutral text of its length (lib/page/serialize.ts).
          if (!Number.isInteger(c) || c <= LONG_TEXT || c > 10_000_000) throw new BadTree('bad length');
          el.appendChild(doc.createTextNode('x'.repeat(c)));
        } else el.appendChild(element(c, depth + 1));
      }
    }
    // HTML elements only: an SVG element named "input" is no form control.
    if (raw.k !== undefined && !ns && el.tagName === 'INPUT') (el as HTMLInputElement).checked = raw.k === 1;
    if (raw.o !== undefined && !ns && el.tagName === 'SELECT') {
      if (!Array.isArray(raw.o)) throw new BadTree('bad selection');
      const sel = el as HTMLSelectElement;
      sel.selectedIndex = -1;
      for (const i of raw.o) {
        const opt = typeof i === 'number' ? sel.options[i] : undefined;
        if (opt) opt.selected = true;
      }
    }
    return el;
  };
  const html = element(tree.root, 0);
  // (Not replaceChild: happy-dom, the unit tests' DOM, refuses a second element on the document meanwhile.)
  doc.removeChild(doc.documentElement);
  doc.appendChild(html);
  return doc;
}
