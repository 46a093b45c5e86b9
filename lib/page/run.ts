/**
 * The content script's whole life on one page: report, re-report on navigation, stop when invalidated.
 * The detectors are pure functions of a document (lib/detect); this file is the thin layer that calls them and
 * talks to the background. Errors never leave it: a failing detector means "nothing seen", not a broken page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NavigatedMsg, PageReportMsg } from '../messages';
import { surfaceOf } from '../surfaces';

export function startPage(ctx: ContentScriptContext): void {
  let lastUrl = '';

  const report = () => {
    if (ctx.isInvalid) return;
    const url = location.href;
    lastUrl = url;
    if (!surfaceOf(url)) return;
    const msg: PageReportMsg = { type: 'page-report', url, observations: [] };
    browser.runtime.sendMessage(msg).catch(() => undefined);
  };

  const onNavigated = (raw: unknown) => {
    const m = raw as NavigatedMsg | undefined;
    if (m?.type === 'navigated' && location.href !== lastUrl) report();
  };
  browser.runtime.onMessage.addListener(onNavigated);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onNavigated));

  report();
}
