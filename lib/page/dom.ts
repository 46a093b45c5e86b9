/**
 * Two DOM helpers shared by Windsock's in-page UI (lib/page/notes.ts, in the chat page's UI script) and its warning dialog
 * (lib/page/dialog.ts, injected on demand): each bundle carries its own copy. Elements are built with DOM calls
 * and `textContent` only, never HTML strings.
 */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `lang` and `dir` for a Windsock language id: pt_BR → pt-BR; Arabic is right-to-left (the CSS is logical). */
export const langAttrs = (lang: string) => ({
  lang: lang.replace('_', '-'),
  dir: /^ar(?:$|[-_])/i.test(lang) ? 'rtl' : 'ltr',
});
