/**
 * The surface rule (lib/messages.ts, derived from the site rules) never refuses what Windsock itself reads:
 * for every replica page in test/fixtures, the page report the content script would send (detectPage, as
 * lib/page/run.ts builds it) is accepted from a content script on that page. The other direction — what a page
 * cannot show is refused — is in background.test.ts.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { accept } from '@/lib/messages';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { isMistralUrl } from '@/lib/surfaces';

const INDEX: { file: string; url: string }[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const RID = 'rid';

describe('every replica page’s own report is accepted', () => {
  it.each(INDEX.filter((e) => isMistralUrl(e.url)).map((e) => [e.file, e.url]))('%s', (file, url) => {
    const win = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
    const det = detectPage(
      win.document as unknown as Document,
      url,
      new URL(url).hostname === 'chat.mistral.ai' ? CHAT_DETECT : ADMIN_DETECT,
    );
    const org =
      det.orgName || det.orgId
        ? { org: { ...(det.orgName ? { name: det.orgName } : {}), ...(det.orgId ? { id: det.orgId } : {}) } }
        : {};
    const msg = { type: 'page-report', url, observations: det.observations, ...org };
    const r = accept(msg, { id: RID, url, tab: { id: 1, url }, frameId: 0 }, RID, 'chrome-extension://rid');
    expect(r.ok ? 'accepted' : r.error).toBe('accepted');
  });
});
