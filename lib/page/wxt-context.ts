/**
 * Stands in for WXT's `ContentScriptContext` in Windsock's content-script bundles (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here). WXT's class, built for every content script before its `main()`
 * runs, dispatches `<extension id>:<entrypoint>:wxt:content-script-started` on the page's `document` (and,
 * unless told otherwise, posts it with `window.postMessage`): a page that knows the id — Firefox's gecko id and
 * a store extension's id are public — could listen for it and know Windsock is there, and replaying it ends
 * WXT's context (wxt-dev/wxt#1359). This one dispatches nothing, listens to nothing, and ends only when the
 * extension context is really gone. Windsock's own scripts do not use it at all (lib/page/life.ts).
 */
import { contextAlive } from './life';

export class ContentScriptContext {
  private readonly ctl = new AbortController();
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
  get signal(): AbortSignal {
    return this.ctl.signal;
  }
  abort(reason?: unknown): void {
    this.ctl.abort(reason);
  }
  get isInvalid(): boolean {
    if (!this.ctl.signal.aborted && !contextAlive()) this.notifyInvalidated();
    return this.ctl.signal.aborted;
  }
  get isValid(): boolean {
    return !this.isInvalid;
  }
  onInvalidated(cb: () => void): () => void {
    this.ctl.signal.addEventListener('abort', cb);
    return () => this.ctl.signal.removeEventListener('abort', cb);
  }
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }
  addEventListener(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.ctl.signal });
  }
  notifyInvalidated(): void {
    this.ctl.abort('Content script context invalidated');
  }
}
