/**
 * `accept()` in lib/messages.ts: trust comes from the sender (this extension's id, then its own pages or a
 * top-frame content script on a Mistral host), content scripts may send only the short list of page types
 * (CONTENT_TYPES) about their own origin, and every payload must parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accept, Message, type SenderLike } from '@/lib/messages';
import { OBS_KEYS, type ObsKey } from '@/lib/store/schema';
import { observableKeys } from '@/lib/detect/observable';
import { SURFACES, surfaceOf } from '@/lib/surfaces';

const valueFor = (key: string) => (key.startsWith('plan:') ? 'pro' : key === 'chat-retention' ? '30d' : 'on');
/** An observation the page at `url` can show (site rules), or none where it shows nothing. */
const shownOn = (url: string) => {
  const s = surfaceOf(url);
  const key = s ? [...observableKeys(s)][0] : undefined;
  return key ? { key, value: valueFor(key), via: 'page' } : null;
};

const RID = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
const ORIGIN = `chrome-extension://${RID}`;

const EXTENSION_PAGE: SenderLike = { id: RID, url: `${ORIGIN}/popup.html?tab=12` };
const contentScript = (
  url = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c',
  frameId = 0,
): SenderLike => ({ id: RID, url, tab: { id: 12, url }, frameId });

const pageReport = (url = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c', n = 1) => ({
  type: 'page-report',
  url,
  observations: Array.from({ length: n }, () => shownOn(url)).filter((o) => o !== null),
  org: { name: 'Atelier Nord' },
});

const EVERY_TYPE = {
  'page-report': pageReport(),
  declare: { type: 'declare', key: 'plan:vibe', value: 'pro' },
  reset: { type: 'reset' },
  'set-settings': { type: 'set-settings', settings: { language: 'fr' } },
  'popup-state': { type: 'popup-state', tabId: 12, url: 'https://chat.mistral.ai/chat', uiLang: 'fr-FR' },
} as const;

const ok = (raw: unknown, sender: SenderLike) => accept(raw, sender, RID, ORIGIN).ok;

describe('extension pages', () => {
  it.each(Object.entries(EVERY_TYPE))('may send %s', (_type, msg) => {
    const r = accept(msg, EXTENSION_PAGE, RID, ORIGIN);
    expect(r).toMatchObject({ ok: true, kind: 'extension-page' });
  });

  it('the options page and the bare origin are extension pages too; a trailing slash on the origin is fine', () => {
    expect(ok(EVERY_TYPE.reset, { id: RID, url: `${ORIGIN}/options.html` })).toBe(true);
    expect(accept(EVERY_TYPE.reset, { id: RID, url: `${ORIGIN}/options.html` }, RID, `${ORIGIN}/`).ok).toBe(true);
  });

  it('declaring null clears (value may be null)', () => {
    expect(ok({ type: 'declare', key: 'vibe-training', value: null }, EXTENSION_PAGE)).toBe(true);
  });

  it('an origin that only starts like ours is not ours', () => {
    expect(ok(EVERY_TYPE.reset, { id: RID, url: `${ORIGIN}x/popup.html` })).toBe(false);
  });
});

describe('content scripts', () => {
  it('may send page-report about their own page', () => {
    expect(accept(pageReport(), contentScript(), RID, ORIGIN)).toMatchObject({ ok: true, kind: 'content-script' });
  });

  it.each([
    'https://chat.mistral.ai/',
    'https://admin.mistral.ai/vibe/privacy',
    'https://admin.mistral.ai/plateforme/privacy',
    'https://console.mistral.ai/build/playground',
  ])('on %s', (url) => {
    expect(ok(pageReport(url), contentScript(url))).toBe(true);
  });

  it.each(['declare', 'reset', 'set-settings', 'popup-state'] as const)('may not send %s', (type) => {
    const r = accept(EVERY_TYPE[type], contentScript(), RID, ORIGIN);
    expect(r.ok).toBe(false);
  });

  it('a page-report whose url origin differs from the sender is rejected', () => {
    expect(ok(pageReport('https://admin.mistral.ai/vibe/privacy'), contentScript('https://chat.mistral.ai/chat'))).toBe(
      false,
    );
    expect(ok(pageReport('https://evil.example/'), contentScript('https://chat.mistral.ai/chat'))).toBe(false);
    expect(ok(pageReport('not a url'), contentScript('https://chat.mistral.ai/chat'))).toBe(false);
  });
});

describe('untrusted senders', () => {
  const url = 'https://chat.mistral.ai/chat';
  const CASES: [string, SenderLike][] = [
    ['another extension id', { ...contentScript(), id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['another extension, on our origin url', { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', url: `${ORIGIN}/popup.html` }],
    ['no id', { url, tab: { id: 12, url }, frameId: 0 }],
    ['no id, extension page url', { url: `${ORIGIN}/popup.html` }],
    ['a non-Mistral tab', contentScript('https://example.com/')],
    ['mistral.ai itself (not an app host)', contentScript('https://mistral.ai/en/contact')],
    ['a lookalike host', contentScript('https://chat.mistral.ai.evil.example/chat')],
    ['a lookalike subdomain', contentScript('https://evilchat.mistral.ai/chat')],
    ['plain http', contentScript('http://chat.mistral.ai/chat')],
    ['a subframe', contentScript(url, 3)],
    ['no tab', { id: RID, url, frameId: 0 }],
    ['a tab without an id', { id: RID, url, tab: { url }, frameId: 0 }],
    ['no url', { id: RID, tab: { id: 12 }, frameId: 0 }],
    ['an empty sender', {}],
  ];
  it.each(CASES)('%s → rejected', (_name, sender) => {
    // the report names the sender's own page, so only the sender is at fault
    const r = accept(pageReport(sender.url), sender, RID, ORIGIN);
    expect(r.ok).toBe(false);
  });

  it('a lookalike page-report matching its lookalike sender is still rejected', () => {
    const evil = 'https://chat.mistral.ai.evil.example/chat';
    expect(ok(pageReport(evil), contentScript(evil))).toBe(false);
  });
});

describe('malformed payloads are rejected, from any sender', () => {
  const MALFORMED: [string, unknown][] = [
    ['missing type', { url: 'https://chat.mistral.ai/chat', observations: [] }],
    ['unknown type', { type: 'eval', code: '1' }],
    ['type is not a string', { type: 7 }],
    ['url is a number', { ...pageReport(), url: 5 }],
    ['observations is a string', { ...pageReport(), observations: 'vibe-training=off' }],
    [
      'observation value is a number',
      { ...pageReport(), observations: [{ key: 'vibe-training', value: 0, via: 'page' }] },
    ],
    [
      'observation via is unknown',
      { ...pageReport(), observations: [{ key: 'vibe-training', value: 'off', via: 'declared' }] },
    ],
    [
      'confidence above 1',
      { ...pageReport(), observations: [{ key: 'vibe-training', value: 'off', via: 'page', confidence: 2 }] },
    ],
    [
      'locked is a string',
      { ...pageReport(), observations: [{ key: 'vibe-training', value: 'off', via: 'page', locked: 'yes' }] },
    ],
    ['33 observations', pageReport(undefined, 33)],
    [
      'an observation key not in the list',
      { ...pageReport(), observations: [{ key: 'telemetry', value: 'on', via: 'page' }] },
    ],
    ['a 5000-char url', pageReport('https://chat.mistral.ai/chat?q=' + 'a'.repeat(5000 - 31))],
    ['an org name over 200 chars', { ...pageReport(), org: { name: 'x'.repeat(201) } }],
    ['declare a key that cannot be declared', { type: 'declare', key: 'labs-models', value: 'off' }],
    ['declare an unknown value', { type: 'declare', key: 'plan:vibe', value: 'platinum' }],
    ['declare without value', { type: 'declare', key: 'plan:vibe' }],
    ['set-settings with an unknown language', { type: 'set-settings', settings: { language: 'tlh' } }],
    ['set-settings without settings', { type: 'set-settings' }],
    ['null', null],
    ['a string', 'page-report'],
    ['an array', [pageReport()]],
  ];
  it.each(MALFORMED)('%s', (_name, raw) => {
    expect(accept(raw, EXTENSION_PAGE, RID, ORIGIN)).toEqual({ ok: false, error: 'malformed message' });
    expect(ok(raw, contentScript())).toBe(false);
  });

  it('the boundaries themselves are accepted: 32 observations, a 2048-char url, every observation key', () => {
    expect(ok(pageReport(undefined, 32), contentScript())).toBe(true);
    const long = 'https://chat.mistral.ai/chat?q=' + 'a'.repeat(2048 - 31);
    expect(long.length).toBe(2048);
    expect(ok(pageReport(long), contentScript(long))).toBe(true);
    for (const key of OBS_KEYS) {
      const value = valueFor(key);
      // From an extension page, every key; from a content script, from a page whose surface shows it.
      expect(ok({ ...pageReport(), observations: [{ key, value, via: 'page' }] }, EXTENSION_PAGE), key).toBe(true);
    }
    // Every key some page can show, except the mobile app's setting (no page of Mistral's hosts shows it).
    const unseen = OBS_KEYS.filter((key) => !SURFACES.some((s) => observableKeys(s).has(key as ObsKey)));
    expect(unseen).toEqual(['mobile-data-sharing']);
  });
});

describe('property: arbitrary JSON', () => {
  // Not compared with `Message.safeParse` (accept() calls it: that comparison could not fail). The oracle is
  // what any accepted message must be, written here: a plain object whose `type` is one of the types below.
  const TYPES = [
    'page-report',
    'declare',
    'reset',
    'set-settings',
    'account-data',
    'get-context',
    'guard-choice',
    'record-share',
    'dismiss-banner',
    'open-verdict',
    'set-guards',
    'import',
    'popup-state',
  ];
  it('never throws; accepts only objects with a known type; never from a stranger or a subframe', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = accept(raw, EXTENSION_PAGE, RID, ORIGIN);
        if (r.ok) {
          expect(typeof raw === 'object' && raw !== null && !Array.isArray(raw)).toBe(true);
          expect(TYPES).toContain((raw as { type?: unknown }).type);
        }
        expect(accept(raw, { id: 'another-extension-id', url: `${ORIGIN}/popup.html` }, RID, ORIGIN).ok).toBe(false);
        expect(accept(raw, contentScript(undefined, 3), RID, ORIGIN).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
    // …and the property is not vacuous: the known messages are accepted.
    for (const m of Object.values(EVERY_TYPE)) expect(ok(m, EXTENSION_PAGE)).toBe(true);
  }, 30_000);

  it('message-shaped values too (type picked from the real ones), from both kinds of sender', () => {
    const shaped = fc.record(
      {
        type: fc.constantFrom('page-report', 'declare', 'reset', 'set-settings', 'other'),
        url: fc.oneof(fc.constant('https://chat.mistral.ai/chat'), fc.webUrl(), fc.jsonValue()),
        observations: fc.oneof(
          fc.array(
            fc.record({
              key: fc.constantFrom(...OBS_KEYS, 'x'),
              value: fc.constantFrom('on', 'off', 'pro', '1y', 3),
              via: fc.constantFrom('page', 'visible-cue', 'x'),
            }),
            { maxLength: 40 },
          ),
          fc.jsonValue(),
        ),
        key: fc.constantFrom('plan:vibe', 'vibe-training', 'zdr', 'x'),
        value: fc.oneof(fc.constantFrom('on', 'off', 'free', null), fc.jsonValue()),
        settings: fc.jsonValue(),
      },
      { requiredKeys: ['type'] },
    );
    // The extension page's line only says that our own pages are refused nothing the schema allows (a sender
    // rule); the content script's lines are the point. Both kinds of input must occur, or the property is empty (a
    // content script's valid report is rare here, 2 to 4 in 500: the tests above pin those).
    const seen = { parses: 0, refused: 0 };
    fc.assert(
      fc.property(shaped, (raw) => {
        const parses = Message.safeParse(raw).success;
        seen[parses ? 'parses' : 'refused']++;
        expect(accept(raw, EXTENSION_PAGE, RID, ORIGIN).ok).toBe(parses);
        const cs = accept(raw, contentScript('https://chat.mistral.ai/chat'), RID, ORIGIN);
        if (cs.ok) {
          expect(parses).toBe(true);
          expect(cs.msg.type).toBe('page-report');
          expect(new URL((cs.msg as { url: string }).url).origin).toBe('https://chat.mistral.ai');
        }
      }),
      { numRuns: 500 },
    );
    expect(seen.parses).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 30_000); // 500 runs take ~4 s on a loaded 2-core machine: not a 5 s budget
});

describe('what a content script may say about its own page (the site rules)', () => {
  const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
  const HOME = 'https://chat.mistral.ai/chat';
  const OTHER = 'https://chat.mistral.ai/some/other/page'; // a chat-host page with no chat on it, where sharing still applies
  const share = (url: string) => ({ type: 'record-share', url, chatId: '3f6c2a1e-8b4d' });
  const dismiss = (url: string) => ({ type: 'dismiss-banner', url });

  it('the surfaces the rest of these tests rely on', () => {
    expect(surfaceOf(HOME)?.id).toBe('vibe-chat-home');
    expect(surfaceOf(OTHER)).toMatchObject({ id: 'vibe-other', chat: false });
  });

  it('a shared chat is recorded only from a page where a chat can be shared, not from the new-chat page', () => {
    expect(ok(share(CHAT), contentScript(CHAT))).toBe(true);
    expect(ok(share(OTHER), contentScript(OTHER))).toBe(true);
    expect(accept(share(HOME), contentScript(HOME), RID, ORIGIN)).toEqual({
      ok: false,
      error: 'vibe-chat-home cannot share a chat',
    });
  });

  it('the banner is dismissed only from a page that shows it (a chat page)', () => {
    expect(ok(dismiss(HOME), contentScript(HOME))).toBe(true);
    expect(accept(dismiss(OTHER), contentScript(OTHER), RID, ORIGIN)).toEqual({
      ok: false,
      error: 'vibe-other shows no banner',
    });
  });

  it("a URL with credentials in it is not a Mistral page, even with the sender's origin", () => {
    const withUser = 'https://someone@chat.mistral.ai/chat';
    expect(new URL(withUser).origin).toBe('https://chat.mistral.ai');
    for (const type of ['open-verdict', 'get-context'] as const) {
      const r = accept({ type, url: withUser, lang: 'en' }, contentScript(HOME), RID, ORIGIN);
      expect(r).toEqual({ ok: false, error: `${type} is not about a Mistral page` });
    }
  });

  it('a type content scripts may never send is refused as such, whatever its content', () => {
    for (const type of ['declare', 'reset', 'set-settings'] as const) {
      expect(accept(EVERY_TYPE[type], contentScript(), RID, ORIGIN)).toEqual({
        ok: false,
        error: `content scripts may not send ${type}`,
      });
    }
  });
});

describe('extension pages: the origin itself', () => {
  it('the bare origin (no path) is an extension page', () => {
    expect(accept(EVERY_TYPE.reset, { id: RID, url: ORIGIN }, RID, ORIGIN)).toMatchObject({
      ok: true,
      kind: 'extension-page',
    });
  });
});

describe('load-part: a content script asks for one of the on-demand scripts in its own frame', () => {
  const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
  const LABS = 'https://admin.mistral.ai/plateforme/privacy';
  const ADMIN_VIBE = 'https://admin.mistral.ai/vibe/privacy';
  const STUDIO = 'https://console.mistral.ai/home';
  const load = (url: string, part: unknown) => ({ type: 'load-part', url, part });
  const why = (raw: unknown, sender: SenderLike) => {
    const r = accept(raw, sender, RID, ORIGIN);
    return r.ok ? 'ok' : r.error;
  };

  it('the dialog from a page where a warning shows (a chat page, the API privacy page with Labs)', () => {
    expect(why(load(CHAT, 'dialog'), contentScript(CHAT))).toBe('ok');
    expect(why(load(LABS, 'dialog'), contentScript(LABS))).toBe('ok');
  });

  it('not the dialog from a page where no warning shows (Studio, the Vibe privacy page)', () => {
    expect(why(load(STUDIO, 'dialog'), contentScript(STUDIO))).toBe('studio shows no warning');
    expect(why(load(ADMIN_VIBE, 'dialog'), contentScript(ADMIN_VIBE))).toMatch(/shows no warning$/);
  });

  it('the skeleton from every Mistral page with a reading script', () => {
    for (const url of [CHAT, LABS, ADMIN_VIBE, STUDIO])
      expect(why(load(url, 'skeleton'), contentScript(url))).toBe('ok');
  });

  it('only the two parts by name, never a path or a file of the page’s choosing', () => {
    for (const part of ['/content-scripts/dialog.js', 'chat-ui', '../popup', '', 'DIALOG', null, 1, ['dialog']])
      expect(why(load(CHAT, part), contentScript(CHAT)), String(part)).toBe('malformed message');
    expect(why({ ...load(CHAT, 'dialog'), file: '/evil.js' }, contentScript(CHAT))).toBe('ok'); // extra keys dropped
    const r = accept({ ...load(CHAT, 'dialog'), file: '/evil.js' }, contentScript(CHAT), RID, ORIGIN);
    expect(r.ok && 'file' in r.msg).toBe(false);
  });

  it('never about another page than its sender’s, never from a subframe, a stranger or an extension page', () => {
    expect(why(load(LABS, 'dialog'), contentScript(CHAT))).toBe('load-part URL does not match its sender');
    expect(why(load(CHAT, 'dialog'), contentScript(CHAT, 2))).toBe('untrusted sender');
    expect(why(load(CHAT, 'dialog'), { ...contentScript(CHAT), id: 'another-extension-id' })).toBe('untrusted sender');
    expect(why(load(CHAT, 'dialog'), EXTENSION_PAGE)).toBe('extension pages may not send load-part');
    expect(
      why(
        load('https://chat.mistral.ai.evil.com/chat', 'dialog'),
        contentScript('https://chat.mistral.ai.evil.com/chat'),
      ),
    ).toBe('untrusted sender');
  });
});

describe('page-dom: a reading content script sends its own page to be read (issue 13)', () => {
  const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
  const ADMIN_VIBE = 'https://admin.mistral.ai/vibe/privacy';
  const STUDIO = 'https://console.mistral.ai/home';
  const TREE = { v: 1, root: { t: 'html', c: [{ t: 'body', c: ['Model training'] }] } };
  const dom = (url: string, page: unknown = TREE) => ({ type: 'page-dom', url, page });
  const why = (raw: unknown, sender: SenderLike) => {
    const r = accept(raw, sender, RID, ORIGIN);
    return r.ok ? 'ok' : r.error;
  };

  it('from the top frame of each host’s pages, about its own page', () => {
    for (const url of [CHAT, ADMIN_VIBE, STUDIO, 'https://chat.mistral.ai/'])
      expect(why(dom(url), contentScript(url)), url).toBe('ok');
  });

  it('never from an extension page (the offscreen document is one), a subframe, a stranger or a lookalike host', () => {
    expect(why(dom(CHAT), EXTENSION_PAGE)).toBe('extension pages may not send page-dom');
    expect(why(dom(CHAT), { id: RID, url: `${ORIGIN}/offscreen.html` })).toBe('extension pages may not send page-dom');
    expect(why(dom(CHAT), contentScript(CHAT, 2))).toBe('untrusted sender');
    expect(why(dom(CHAT), { ...contentScript(CHAT), id: 'another-extension-id' })).toBe('untrusted sender');
    const evil = 'https://chat.mistral.ai.evil.com/chat';
    expect(why(dom(evil), contentScript(evil))).toBe('untrusted sender');
  });

  it('never about another page than its sender’s (another host: another organization’s pages)', () => {
    expect(why(dom(ADMIN_VIBE), contentScript(CHAT))).toBe('page-dom URL does not match its sender');
    expect(why(dom(CHAT), contentScript(STUDIO))).toBe('page-dom URL does not match its sender');
  });

  it('a page that is no object, or no URL, is malformed', () => {
    for (const page of [null, 'html', 3, [TREE]])
      expect(why(dom(CHAT, page), contentScript(CHAT)), String(page)).toBe('malformed message');
    expect(why({ type: 'page-dom', page: TREE }, contentScript(CHAT))).toBe('malformed message');
    expect(why({ type: 'page-dom', url: CHAT }, contentScript(CHAT))).toBe('malformed message');
    expect(why(dom('x'.repeat(2049)), contentScript(CHAT))).toBe('malformed message');
  });
});
