/**
 * The page as data, for the background to read (issue 13: the detectors no longer ship in the page). A JSON tree of
 * the document — tags, attributes, text, and the live state of form controls — that lib/offpage/rebuild.ts turns
 * back into a DOM of the same structure, on which the unchanged detectors (lib/detect) run. Called only where the
 * page used to be read (lib/page/run.ts: at idle, after in-app navigation, after a settings page's control changed),
 * never per mutation.
 *
 * Kept: every element in the light DOM (what `querySelectorAll` sees; no shadow root, as for the detectors), its tag
 * and namespace, its attributes but `style`, `on*`, `src`, `srcset`, SVG `d` and `points` and namespaced ones;
 * text nodes; the live `checked` of checkboxes and radios and which options of a select are selected.
 * Never kept (privacy): the composer's draft and any page text being typed — a textarea's content and everything
 * inside an element with `contenteditable` (not "false") are left out (the element itself stays, so the detectors
 * still see a form field there); an input's `value` except for checkbox, radio, number and range inputs.
 * Left out as well, element kept but empty: SCRIPT, STYLE, NOSCRIPT, TEMPLATE, IFRAME, CANVAS, VIDEO, AUDIO
 * (the detectors read no script or style text; a template's content is no child of it in a live DOM either).
 * No comment, doctype or processing instruction.
 *
 * Bounded: at most MAX_CHARS characters of text and attribute values. Beyond it, text nodes longer than LONG_TEXT
 * characters are replaced by their length (rebuilt as a neutral text of that length, so the detectors' length
 * checks still hold) until the page fits; a page that still does not fit, deeper than MAX_DEPTH or with more than
 * MAX_NODES nodes is not serialized at all (null: nothing is read, the verdict stays "unknown", never a guess).
 */

/** A text node (its text), a long text replaced by its length, or an element. */
export type TreeNode = string | number | TreeElement;

export interface TreeElement {
  /** Local name (HTML: lower case; SVG and MathML: as written). */
  t: string;
  /** Namespace, when not HTML: 's' SVG, 'm' MathML. */
  n?: 's' | 'm';
  /** Attributes, flat: name, value, name, value… */
  a?: string[];
  /** Children, in order. */
  c?: TreeNode[];
  /** An input's live `checked` (checkbox, radio). */
  k?: 1 | 0;
  /** A select's selected options, as indices into its `options` (possibly none). */
  o?: number[];
}

export interface PageTree {
  v: 1;
  /** The document element. */
  root: TreeElement;
}

export const MAX_CHARS = 2_000_000;
export const LONG_TEXT = 300;
export const MAX_DEPTH = 512;
export const MAX_NODES = 300_000;

const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const EMPTY = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|CANVAS|VIDEO|AUDIO|TEXTAREA)$/;
const DROP = /^(style|src|srcset|on.*)$/i;
const SVG_DROP = /^(d|points)$/i;
const VALUE_KEPT = /^(checkbox|radio|number|range)$/;

/** The document as a tree, or null when it is too large or too deep to be sent (nothing is read then). */
export function serializePage(doc: Document): PageTree | null {
  const html = doc.documentElement;
  if (!html) return null;
  let chars = 0;
  let nodes = 0;
  /** Long texts, where they sit, to be replaced by their length when the page is over the cap. */
  const long: { list: TreeNode[]; i: number; len: number }[] = [];

  const walk = (el: Element, depth: number): TreeElement | null => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) return null;
    const ns = el.namespaceURI;
    const out: TreeElement = { t: el.localName };
    if (ns === SVG) out.n = 's';
    else if (ns === MATHML) out.n = 'm';
    const tag = el.tagName;
    const input = tag === 'INPUT' ? (el as HTMLInputElement) : null;
    const attrs = el.attributes;
    if (attrs.length) {
      const a: string[] = [];
      for (let i = 0; i < attrs.length; i++) {
        const at = attrs[i];
        const name = at.name;
        if (at.namespaceURI || DROP.test(name) || (out.n === 's' && SVG_DROP.test(name))) continue;
        if (input && name === 'value' && !VALUE_KEPT.test(input.type)) continue;
        a.push(name, at.value);
        chars += name.length + at.value.length;
      }
      if (a.length) out.a = a;
    }
    if (input && (input.type === 'checkbox' || input.type === 'radio')) out.k = input.checked ? 1 : 0;
    if (tag === 'SELECT') {
      const opts = (el as HTMLSelectElement).options;
      const o: number[] = [];
      for (let i = 0; i < opts.length; i++) if (opts[i].selected) o.push(i);
      out.o = o;
    }
    const editable = el.getAttribute('contenteditable');
    if (EMPTY.test(tag) || (editable !== null && editable.toLowerCase() !== 'false')) return out;
    let c: TreeNode[] | undefined;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const child = walk(n as Element, depth + 1);
        if (!child) return null;
        (c ??= []).push(child);
      } else if (n.nodeType === 3) {
        // (An HTML document has no CDATA section: its parser makes text of one.)
        const text = (n as CharacterData).data;
        if (++nodes > MAX_NODES) return null;
        chars += text.length;
        c ??= [];
        if (text.length > LONG_TEXT) long.push({ list: c, i: c.length, len: text.length });
        c.push(text);
      }
    }
    if (c) out.c = c;
    return out;
  };

  const root = walk(html, 0);
  if (!root) return null;
  if (chars > MAX_CHARS) {
    // Longest first: the fewest texts lost for the room made.
    long.sort((x, y) => y.len - x.len);
    for (const l of long) {
      if (chars <= MAX_CHARS) break;
      l.list[l.i] = l.len;
      chars -= l.len;
    }
    if (chars > MAX_CHARS) return null;
  }
  return { v: 1, root };
}
