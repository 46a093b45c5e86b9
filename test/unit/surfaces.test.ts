/**
 * lib/surfaces.ts: every surface against its own example URLs and against every other surface's (a positive and
 * a negative matrix), foreign URLs nowhere, and lookalike hosts never taken for Mistral's; each host's list (what
 * a UI script carries) is the table's part for that host and, alone, names the same surfaces.
 */
import { describe, expect, it } from 'vitest';
import {
  ADMIN_SURFACES,
  CHAT_SURFACES,
  FIX_URLS,
  HOSTS,
  isMistralUrl,
  MISTRAL_HOSTS,
  STUDIO_SURFACES,
  SURFACES,
  surfaceById,
  surfaceOf,
  type SurfaceDef,
} from '@/lib/surfaces';
import { FOREIGN_EXAMPLES, SURFACE_EXAMPLES } from '@/lib/surfaces.examples';
// Imported here, not inside a test: a module first evaluated inside a test makes Stryker count each of its
// module-level mutants (the label lists) as covered by that test, and since a module is evaluated only once, every
// one of them then "survives" (npm run mutation; test/mutation-equivalents.md, lib/warnings, seventh session).
import { WARNINGS } from '@/lib/warnings/registry';
import { ACCOUNT_DATA, PLAN_SIGNALS } from '@/lib/detect/rules';
import { findSurface, pathPattern } from '@/lib/hosts';

const examplesOf = (s: SurfaceDef) => SURFACE_EXAMPLES[s.id];

/** A catch-all (a host's "other page") matches paths no page has; the others must match only their own URLs. */
const isCatchAll = (s: SurfaceDef) => pathPattern(s.path).test('/zz-no-such-page/1/2');

/** Every non-catch-all surface that claims a URL. */
function claimants(url: string): string[] {
  const u = new URL(url);
  return SURFACES.filter((s) => s.host === u.hostname && !isCatchAll(s) && pathPattern(s.path).test(u.pathname)).map(
    (s) => s.id,
  );
}

const allExamples = SURFACES.flatMap((s) => examplesOf(s).map((url) => [s.id, url] as const));

describe('surfaces: positive and negative matrix', () => {
  it('every surface has at least one example, and ids are unique', () => {
    for (const s of SURFACES) expect(examplesOf(s).length, s.id).toBeGreaterThan(0);
    expect(new Set(SURFACES.map((s) => s.id)).size).toBe(SURFACES.length);
  });

  it.each(allExamples)('%s ← %s', (id, url) => {
    expect(surfaceOf(url)?.id).toBe(id);
    const def = surfaceById(id);
    // no other specific surface claims it (whatever the order), and a specific surface claims only its own
    expect(claimants(url)).toEqual(isCatchAll(def) ? [] : [id]);
  });

  it("each host has exactly one catch-all, and it comes after that host's specific surfaces", () => {
    for (const host of MISTRAL_HOSTS) {
      const onHost = SURFACES.filter((s) => s.host === host);
      const catchAlls = onHost.filter(isCatchAll);
      expect(
        catchAlls.map((s) => s.id),
        host,
      ).toHaveLength(1);
      expect(onHost[onHost.length - 1]).toBe(catchAlls[0]);
    }
  });

  it('every Mistral URL lands on some surface', () => {
    for (const host of MISTRAL_HOSTS) expect(surfaceOf(`https://${host}/anything/at/all`), host).not.toBeNull();
  });

  it('the fix URLs on Mistral hosts land on the page they name', () => {
    expect(surfaceOf(FIX_URLS.vibePrivacy)?.id).toBe('admin-vibe-privacy');
    expect(surfaceOf(FIX_URLS.apiPrivacy)?.id).toBe('admin-api-privacy');
    expect(surfaceOf(FIX_URLS.subscriptions)?.id).toBe('admin-subscriptions');
    expect(surfaceOf(FIX_URLS.memories)?.id).toBe('vibe-memories');
  });
});

describe("surfaces: each host's list (what a UI script carries)", () => {
  const LISTS = [
    [HOSTS.chat, CHAT_SURFACES],
    [HOSTS.admin, ADMIN_SURFACES],
    [HOSTS.studio, STUDIO_SURFACES],
  ] as const;

  it.each(LISTS)("%s: the table's surfaces on that host, in order, with their id, path and chat", (host, list) => {
    const place = ({ id, host, path, chat }: SurfaceDef) => ({ id, host, path, chat });
    expect(list).toEqual(SURFACES.filter((s) => s.host === host).map(place));
    // Together the lists are the table, nothing more.
    expect(LISTS.flatMap(([, l]) => l.map((s) => s.id))).toEqual(SURFACES.map((s) => s.id));
  });

  it.each(LISTS)('%s: its list alone names the same surface as the table, for every example URL', (host, list) => {
    const urls = [...allExamples.map(([, url]) => url), ...FOREIGN_EXAMPLES, `https://${host}/zz/1`];
    for (const url of urls) {
      const whole = surfaceOf(url);
      expect(findSurface(list, url)?.id, url).toBe(whole?.host === host ? whole.id : undefined);
      if (whole?.host === host) expect(findSurface(list, url)?.chat, url).toBe(whole.chat);
    }
  });
});

describe('surfaces: foreign URLs', () => {
  it.each(FOREIGN_EXAMPLES)('%s → null', (url) => {
    expect(surfaceOf(url)).toBeNull();
  });

  it.each([undefined, null, ''])('%j → null', (url) => {
    expect(surfaceOf(url)).toBeNull();
    expect(isMistralUrl(url)).toBe(false);
  });
});

describe('isMistralUrl', () => {
  it.each([
    'https://chat.mistral.ai/chat',
    'https://admin.mistral.ai/vibe/privacy',
    'https://console.mistral.ai/build/playground',
    'https://CHAT.Mistral.AI/chat',
  ])('accepts %s', (url) => {
    expect(isMistralUrl(url)).toBe(true);
  });

  it.each([
    'https://chat.mistral.ai.evil.example/chat',
    'https://chat.mistral.ai.evil.example/',
    'https://evilchat.mistral.ai/chat',
    'https://chat-mistral.ai/chat',
    'https://chat.mistral.ai@evil.example/chat',
    'https://evil.example/chat.mistral.ai',
    'https://evil.example/?u=https://chat.mistral.ai/chat',
    'https://evil.example/#https://chat.mistral.ai/',
    'http://chat.mistral.ai/chat',
    'ws://chat.mistral.ai/',
    'wss://chat.mistral.ai/',
    'ftp://chat.mistral.ai/',
    'https://mistral.ai/',
    'https://docs.mistral.ai/',
    'https://help.mistral.ai/',
    'https://api.mistral.ai/v1/chat/completions',
    'https://chat.mistral.ai.',
    'https://xn--chat-mistral-ai.example/',
    'chat.mistral.ai/chat',
    '//chat.mistral.ai/chat',
    'javascript:alert(1)//https://chat.mistral.ai/',
    'data:text/html,https://chat.mistral.ai/',
    'chrome-extension://abc/https://chat.mistral.ai/',
  ])('rejects %s', (url) => {
    expect(isMistralUrl(url)).toBe(false);
  });
});

describe('surfaces: the one source of what each page carries', () => {
  it('every warning shows only on known surfaces, and the composer guard on every page of the chat app (a composer may be on a page Windsock does not know)', () => {
    // Chat-app pages with no composer: a public shared chat, the upgrade page, the memories page.
    const NO_COMPOSER = ['vibe-share', 'vibe-upgrade', 'vibe-memories'];
    const ids = SURFACES.map((s) => s.id);
    for (const w of WARNINGS) for (const s of w.surfaces) expect(ids, w.id).toContain(s);
    const composer = WARNINGS.find((w) => w.id === 'composer');
    expect([...(composer?.surfaces ?? [])].sort()).toEqual(
      SURFACES.filter((s) => s.host === 'chat.mistral.ai' && !NO_COMPOSER.includes(s.id))
        .map((s) => s.id)
        .sort(),
    );
  });

  it('plan signals and account data are read where the surface table says, nowhere else', () => {
    for (const sig of PLAN_SIGNALS)
      expect(sig.surfaces, sig.kind).toEqual(SURFACES.filter((s) => s.signals.includes(sig.kind)).map((s) => s.id));
    for (const s of SURFACES)
      for (const k of s.signals)
        expect(
          PLAN_SIGNALS.map((x) => x.kind),
          s.id,
        ).toContain(k);
    expect(ACCOUNT_DATA.surfaces).toEqual(SURFACES.filter((s) => s.accountData).map((s) => s.id));
    // account data only where the chat app runs, and only on pages holding the user's chats
    for (const s of SURFACES.filter((x) => x.accountData))
      expect(s.host === 'chat.mistral.ai' && s.chat, s.id).toBe(true);
  });
});
