/** Text helpers for the detectors: normalised comparison of label texts in English and French. */

/** Lower case, straight apostrophes, single spaces, no trailing punctuation. Accents are kept. */
export function norm(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[\s:*.…]+$/g, '')
    .trim();
}

/**
 * Does `text` carry one of `labels`? Exact match of the normalised text, or (with `prefix`) text that starts
 * with the label followed by a separator ("Model training — Allow…"), or (with `anywhere`) contains it.
 */
export function textMatches(text: string, labels: string[], prefix = true, anywhere = false): boolean {
  return normMatches(norm(text), labels.map(norm), prefix, anywhere);
}

/** textMatches, for a text and labels already passed through norm() (the detectors' one-pass index). */
export function normMatches(t: string, normLabels: string[], prefix = true, anywhere = false): boolean {
  if (!t || t.length > 400) return false;
  for (const n of normLabels) {
    if (t === n) return true;
    if (prefix && t.startsWith(n) && /^[\s:—–\-(,.]/.test(t.slice(n.length))) return true;
    if (anywhere && t.includes(n)) return true;
  }
  return false;
}

/** The text directly inside an element, without its descendants' elements that hold controls or lists. */
export function ownText(el: Element): string {
  let s = '';
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3) s += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const e = n as Element;
      // Inline formatting counts as the element's own text; blocks and controls do not.
      if (/^(B|STRONG|EM|I|SPAN|ABBR|CODE|SMALL)$/.test(e.tagName) && !e.querySelector('input, button, select, [role]'))
        s += e.textContent ?? '';
    }
  }
  return s;
}
