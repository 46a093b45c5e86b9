/**
 * The extension API for the background and the extension's own pages: Mozilla's webextension-polyfill, so
 * Chrome and Firefox look the same (promises everywhere, listeners that return promises).
 *
 * Content scripts do NOT use this: they use `wxt/browser` (the browser's own `browser` or `chrome` object) and
 * only the few calls that behave the same in both, which keeps the polyfill's 10 kB out of every Mistral page.
 */
import browser from 'webextension-polyfill';

export { browser };
