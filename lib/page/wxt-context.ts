/**
 * Stands in for WXT's `ContentScriptContext` in Windsock's content-script bundles (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here). WXT's class, built for every content script before its `main()`
 * runs, dispatches `<extension id>:<entrypoint>:wxt:content-script-started` on the page's `document` (and,
 * unless told otherwise, posts it with `window.postMessage`): a page that knows the id — Firefox's gecko id and
 * a store extension's id are public — could listen for it and know Windsock is there, and replaying it ends
 * WXT's context (wxt-dev/wxt#1359). This one dispatches nothing, listens to nothing, and is invalid only when the
 * extension context is really gone. Windsock's own scripts do not live by it (lib/page/life.ts): the reading
 * scripts only report its `isInvalid` in the diagnostic report, the UI scripts do not take it at all. So it has
 * nothing else (no signal, listeners or timers, which every content script would otherwise carry unused);
 * test/unit/life.test.ts checks that no entry script asks it for more.
 */
import { contextAlive } from './life';

export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
  /** True once the extension context is gone (checked now; it never comes back). */
  get isInvalid(): boolean {
    return !contextAlive();
  }
  get isValid(): boolean {
    return !this.isInvalid;
  }
}
