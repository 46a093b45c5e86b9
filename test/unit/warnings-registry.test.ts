// @vitest-environment happy-dom
/**
 * One warning, one file (issue 13): a dummy warning, defined in this file only and registered through the
 * registry's own function (`makeRegistry`, what lib/warnings/registry.ts builds `REGISTRY` with), shows up in
 * every place the registry feeds — the "don't ask again" ids, where it may be chosen, the strings and choices
 * the background sends with the page's context (lib/context.ts), the options page's list, and the UI script's
 * wiring, down to a trusted click on its target being stopped and warned with its own strings. And the real
 * registry agrees with its per-page lists, the store's ids and the locales; each page's in-page list is its
 * warnings' in-page parts, and the built UI scripts carry none of the warnings' string specs (the background's
 * part).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const warn = vi.fn();
vi.mock('@/lib/page/ui', async (orig) => ({
  ...(await orig<typeof import('@/lib/page/ui')>()),
  warn: (...a: unknown[]) => warn(...a),
  nudgeWarning: vi.fn(),
  destroyUi: vi.fn(),
}));

const {
  ADMIN_IN_PAGE,
  ADMIN_WARNINGS,
  CHAT_IN_PAGE,
  CHAT_WARNINGS,
  GUARD_IDS,
  REGISTRY,
  WARNINGS,
  makeRegistry,
  wiring,
} = await import('@/lib/warnings/registry');
const { defineWarning } = await import('@/lib/warnings/types');
const { pageContext } = await import('@/lib/context');
const { emptyStore, GuardId } = await import('@/lib/store/schema');
const { CHAT_SURFACES, surfaceOf } = await import('@/lib/surfaces');
const { findSurface } = await import('@/lib/hosts');
const { installWarnings } = await import('@/lib/page/warnings');

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const NOW = 1_800_000_000_000;
const CHAT = surfaceOf('https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c')!;
const ADMIN_API = surfaceOf('https://admin.mistral.ai/plateforme/privacy')!;

const dummy = defineWarning(
  {
    id: 'dummy',
    page: 'chat',
    dontAsk: true,
    failure: 'cautious-warning',
    match: (el, surface) =>
      surface === 'vibe-chat' && el.id === 'dummy-target'
        ? { warning: 'dummy', kind: 'dummy', element: el, signals: ['id'] }
        : null,
    dialog: (s) => ({ title: s.dummyTitle, body: [s.dummyBody], source: s.dummySource, confirm: s.dummyConfirm }),
  },
  {
    surfaces: ['vibe-chat'],
    // Existing messages, so the background has words for it in every language.
    strings: {
      dummyTitle: 'labsTitle',
      dummyBody: 'labsBody',
      dummySource: { cite: 'docsLabs' },
      dummyConfirm: 'labsConfirm',
    },
  },
);
const registry = makeRegistry([...WARNINGS, dummy]);

describe('a dummy warning added in one file', () => {
  it('is a "don\'t ask again" id, chosen only where it shows', () => {
    expect(registry.guardIds).toEqual([...REGISTRY.guardIds, 'dummy']);
    expect(registry.shownOn('dummy', 'vibe-chat')).toBe(true);
    expect(registry.shownOn('dummy', 'admin-api-privacy')).toBe(false);
  });

  it('is in the context the background sends: its strings, in the page language, and whether it still asks', () => {
    const c = pageContext(emptyStore(), CHAT, 'en-US', [], NOW, registry);
    expect(c.strings.dummyTitle).toBe(en.page_labsTitle.message);
    expect(c.strings.dummySource).toContain('Labs');
    expect((c.ask as Record<string, boolean>).dummy).toBe(true);
    const off = pageContext({ ...emptyStore(), guardsOff: ['dummy' as never] }, CHAT, 'en-US', [], NOW, registry);
    expect((off.ask as Record<string, boolean>).dummy).toBe(false);
    expect(
      (pageContext(emptyStore(), CHAT, 'en-US', ['dummy' as never], NOW, registry).ask as Record<string, boolean>)
        .dummy,
    ).toBe(false);
  });

  it('is in the options list', () => {
    expect(registry.options).toContainEqual({ id: 'dummy', label: 'optionsGuard_dummy' });
  });

  it("is wired into its page type's UI script, and a trusted click on its target is stopped and warned in its words", async () => {
    expect(registry.wiring('chat')).toContain(dummy);
    expect(registry.wiring('admin')).not.toContain(dummy);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      CHAT.id === 'vibe-chat' ? 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c' : '',
    );
    document.body.innerHTML = '<button id="dummy-target">Do it</button>';
    const target = document.getElementById('dummy-target')!;
    let pageClicks = 0;
    target.addEventListener('click', () => pageClicks++);
    const ctl = new AbortController();
    const life = {
      isInvalid: false,
      signal: ctl.signal,
      onInvalidated: () => () => undefined,
      addEventListener: (t: EventTarget, type: string, h: EventListener, o?: AddEventListenerOptions) =>
        t.addEventListener(type, h, { ...o, signal: ctl.signal }),
    };
    const context = pageContext(emptyStore(), CHAT, 'en-US', [], NOW, registry);
    warn.mockResolvedValueOnce({ confirmed: false, dontAsk: null });
    installWarnings(life as never, {
      surface: () => findSurface(CHAT_SURFACES, location.href),
      context: async () => context,
      ask: vi.fn(),
      onChoice: vi.fn(),
      warnings: registry.wiring('chat').filter((w) => w.id !== 'composer'),
      counters: { guarded: 0, confirmed: 0, cancelled: 0 },
    });
    const e = new MouseEvent('click', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'isTrusted', { get: () => true });
    target.dispatchEvent(e);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(warn.mock.calls[0][1]).toMatchObject({
      title: en.page_labsTitle.message,
      confirm: en.page_labsConfirm.message,
    });
    expect(pageClicks).toBe(0);
    ctl.abort();
  });
});

describe('the registry', () => {
  it("its per-page lists are its wiring, each warning in its own page's list", () => {
    expect([...CHAT_WARNINGS].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...REGISTRY.wiring('chat')].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect([...ADMIN_WARNINGS]).toEqual(REGISTRY.wiring('admin'));
    expect(CHAT_WARNINGS.length + ADMIN_WARNINGS.length).toBe(WARNINGS.length);
  });

  it('a UI script whose page has a `silent-note` warning gives it the notes (lib/page/notes.ts); the others do not', () => {
    for (const [file, list] of [
      ['chat-ui', CHAT_WARNINGS],
      ['admin-ui', ADMIN_WARNINGS],
    ] as const) {
      const notes = (list as readonly { failure: string }[]).some((w) => w.failure === 'silent-note');
      expect(readFileSync(`entrypoints/${file}.content.ts`, 'utf8').includes('notes: showNote,'), file).toBe(notes);
    }
    expect(CHAT_WARNINGS.some((w) => w.failure === 'silent-note')).toBe(true);
  });

  it("each page's in-page list is its warnings' own in-page parts, in order, with nothing the background reads", () => {
    for (const [inPage, whole] of [
      [CHAT_IN_PAGE, CHAT_WARNINGS],
      [ADMIN_IN_PAGE, ADMIN_WARNINGS],
    ] as const) {
      expect(inPage.map((p) => p.id)).toEqual(whole.map((w) => w.id));
      inPage.forEach((p, i) => {
        // Every field of the in-page part is the warning's own (the same functions), and the warning adds only
        // its facts: where it shows and its strings.
        for (const [k, v] of Object.entries(p))
          expect((whole[i] as Record<string, unknown>)[k], `${p.id}.${k}`).toBe(v);
        expect(
          Object.keys(whole[i])
            .filter((k) => !(k in p))
            .sort(),
          p.id,
        ).toEqual(['strings', 'surfaces']);
        expect('strings' in p || 'surfaces' in p, p.id).toBe(false);
      });
    }
  });

  const built = (f: string) => `.output/chrome-mv3/content-scripts/${f}`;
  it.skipIf(!existsSync(built('chat-ui.js')))(
    "the built UI scripts carry no warning's string specs (the background's part)",
    () => {
      // A string spec found only in the warnings' `strings` (a key the page never reads itself).
      for (const f of ['chat-ui.js', 'admin-ui.js']) {
        const js = readFileSync(built(f), 'utf8');
        for (const spec of [
          'feedbackBodyOrg',
          'pp25Feedback',
          'docsSharing',
          'helpAttach',
          'docsLabs',
          'composerBodyTraining',
        ])
          expect(js, `${f}: ${spec}`).not.toContain(spec);
      }
    },
  );

  it("each UI script takes its page's list through `wiring`, which keeps that page's warnings only", () => {
    expect(wiring(CHAT_WARNINGS, 'chat')).toEqual(REGISTRY.wiring('chat'));
    expect(wiring(ADMIN_WARNINGS, 'admin')).toEqual(REGISTRY.wiring('admin'));
    expect(wiring(WARNINGS, 'admin')).toEqual([...ADMIN_WARNINGS]);
    expect(wiring([...CHAT_WARNINGS, dummy], 'admin')).toEqual([]);
    expect(readFileSync('entrypoints/chat-ui.content.ts', 'utf8')).toContain("warnings: wiring(CHAT_IN_PAGE, 'chat'),");
    expect(readFileSync('entrypoints/admin-ui.content.ts', 'utf8')).toContain(
      "warnings: wiring(ADMIN_IN_PAGE, 'admin')",
    );
  });

  it('gives the store its "don\'t ask again" ids', () => {
    expect(GUARD_IDS).toEqual(['feedback', 'share', 'labs']);
    expect(GuardId.options).toEqual(GUARD_IDS);
  });

  it('every warning shows on a surface of its page type, and every string it names exists in the locales', () => {
    for (const w of WARNINGS) {
      for (const s of w.surfaces)
        expect(s.startsWith(w.page === 'chat' ? 'vibe-' : 'admin-'), `${w.id} on ${s}`).toBe(true);
      for (const spec of Object.values(w.strings)) {
        const keys =
          typeof spec === 'string'
            ? [spec]
            : 'key' in spec
              ? [spec.key]
              : 'orgPlan' in spec
                ? spec.orgPlan
                : 'plan' in spec
                  ? spec.plan
                  : 'training' in spec
                    ? spec.training
                    : [];
        for (const k of keys) expect(en[`page_${k}`], `page_${k}`).toBeDefined();
      }
      if (w.dontAsk) expect(en[`optionsGuard_${w.id}`], `optionsGuard_${w.id}`).toBeDefined();
    }
    const c = pageContext(emptyStore(), ADMIN_API, 'en-US', [], NOW);
    for (const [k, v] of Object.entries(c.strings)) expect(v, k).not.toBe('');
  });
});
