// @vitest-environment happy-dom
/**
 * The on-demand scripts (lib/page/on-demand.ts): `loadPart` takes only an API the injection it asked for left
 * on the isolated world's global (a copy already there — an older Windsock's — is cleared first; a refused or
 * unanswered request gives null); and in every build present, each part's file exists and is in no manifest
 * content script (no page loads it at start).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPart, PART_GLOBAL, providePart } from '@/lib/page/on-demand';
import { ON_DEMAND_FILES, type Message } from '@/lib/messages';

const ROOT = join(__dirname, '../..');
const world = globalThis as Record<string, unknown>;

describe('loadPart', () => {
  afterEach(() => {
    for (const key of Object.values(PART_GLOBAL)) delete world[key];
  });

  it('asks the background for the part by name, about this page, and takes what the injection left', async () => {
    const api = { warn: () => undefined };
    const ask = vi.fn(async (_msg: Message) => {
      providePart('dialog', api); // what the injected script does, before the background answers
      return { ok: true } as never;
    });
    expect(await loadPart(ask, 'dialog')).toBe(api);
    expect(ask).toHaveBeenCalledExactlyOnceWith({ type: 'load-part', url: location.href, part: 'dialog' });
  });

  it('an API left before the request (an older copy of Windsock) is never taken', async () => {
    providePart('dialog', { stale: true });
    expect(await loadPart(async () => ({ ok: true }) as never, 'dialog')).toBeNull();
    expect(world[PART_GLOBAL.dialog]).toBeUndefined();
  });

  it.each([
    ['refused', { ok: false, error: 'Cannot access contents of the page' }],
    ['no answer in time', null],
  ])('the injection %s: null, even if something is on the global', async (_, answer) => {
    const ask = async () => {
      providePart('skeleton', { skeleton: () => null });
      return answer as never;
    };
    expect(await loadPart(ask, 'skeleton')).toBeNull();
  });

  it('answered ok but nothing left (another world): null', async () => {
    expect(await loadPart(async () => ({ ok: true }) as never, 'skeleton')).toBeNull();
  });

  it.each([
    ['a string', 'warn'],
    ['a number', 1],
    ['true', true],
  ])('answered ok but what is left is not an API object (%s): null', async (_, value) => {
    const ask = async () => {
      world[PART_GLOBAL.dialog] = value;
      return { ok: true } as never;
    };
    expect(await loadPart(ask, 'dialog')).toBeNull();
  });
});

describe('the built on-demand files', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2', 'chrome-mv3-test', 'firefox-mv2-test']) {
    const manifest = join(ROOT, '.output', dir, 'manifest.json');
    it.skipIf(!existsSync(manifest))(`${dir}: each part's file exists and no page loads it at start`, () => {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { content_scripts: { js: string[] }[] };
      const atStart = m.content_scripts.flatMap((cs) => cs.js);
      for (const file of Object.values(ON_DEMAND_FILES)) {
        expect(existsSync(join(ROOT, '.output', dir, file)), file).toBe(true);
        expect(atStart).not.toContain(file.replace(/^\//, ''));
      }
    });
  }
});
