/**
 * Stands in for WXT's `ContentScriptContext` in Windsock's content-script bundles (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here). WXT's class, built for every content script before its `main()`
 * runs, dispatches `<extension id>:<entrypoint>:wxt:content-script-started` on the page's `document` (and,
 * unless told otherwise, posts it with `window.postMessage`): a page that knows the id — Firefox's gecko id and
 * a store extension's id are public — could listen for it and know Windsock is there, and replaying it ends
 * WXT's context (wxt-dev/wxt#1359). This one dispatches nothing, listens to nothing, and ends only when the
 * extension context is really gone. Windsock's own scripts do not use it (lib/page/life.ts) but to say, in the test
 * build's diagnosis, whether it is still valid: only `isInvalid` / `isValid` are kept (none of WXT's helpers that take a
 * `ctx` is used), so that it costs each content script a few bytes.
 */
import { contextAlive } from './life';

export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
  get isInvalid(): boolean {
    return !contextAlive();
  }
  get isValid(): boolean {
    return contextAlive();
  }
}
