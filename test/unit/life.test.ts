// @vitest-environment happy-dom
/**
 * A content script's life (lib/page/life.ts): no page event ends it — not even WXT's own "content script started"
 * event, replayed — only a lost extension context does, noticed lazily when the next event arrives; then every
 * listener of that copy is gone and the event goes through untouched. And WXT's context as Windsock's build carries
 * it (lib/page/wxt-context.ts): not ended by that event either, and asked for nothing but `isInvalid`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startLife } from '@/lib/page/life';

const STARTED = `${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
const realId = fakeBrowser.runtime.id;
const setId = (id: string | undefined) =>
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true, writable: true });

describe('life', () => {
  afterEach(() => setId(realId));

  it('a replayed WXT started event and page messages do not end it', () => {
    expect(realId).toBeTruthy();
    const life = startLife();
    const seen: string[] = [];
    life.addEventListener(document, 'click', () => seen.push('click'));
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'chat', messageId: 'page' } }));
    window.postMessage({ type: STARTED, contentScriptName: 'chat', messageId: 'page' }, '*');
    document.dispatchEvent(new Event('click'));
    expect(life.heard).toBe(1); // the replay did reach it
    expect(life.isInvalid).toBe(false);
    expect(seen).toEqual(['click']);
  });

  it('a lost extension context ends it at the next event, every script of the copy with it', () => {
    const a = startLife();
    const b = startLife();
    const seen: string[] = [];
    let ended = 0;
    a.addEventListener(document, 'keydown', () => seen.push('a'));
    b.addEventListener(document, 'keydown', () => seen.push('b'));
    b.onInvalidated(() => ended++);
    setId(undefined);
    expect(ended).toBe(0); // nothing polls
    document.dispatchEvent(new Event('keydown'));
    expect(seen).toEqual([]);
    expect(a.isInvalid && b.isInvalid).toBe(true);
    expect(ended).toBe(1);
    setId(realId);
    document.dispatchEvent(new Event('keydown'));
    expect(seen).toEqual([]); // the listeners are gone for good
  });

  it('"Extension context invalidated" from a call into the extension ends it', () => {
    const life = startLife();
    life.noteError(new Error('Some other failure'));
    expect(life.isInvalid).toBe(false);
    setId(undefined);
    life.noteError(new Error('Extension context invalidated.'));
    setId(realId);
    expect(life.isInvalid).toBe(true);
  });

  it('its timers run while it lives, and are cleared when it ends or when the context is gone by then', async () => {
    const life = startLife();
    const ran: string[] = [];
    life.setTimeout(() => ran.push('kept'), 5);
    const clear = life.setTimeout(() => ran.push('cleared'), 5);
    clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['kept']);
    life.setTimeout(() => ran.push('after end'), 5);
    life.end();
    const other = startLife();
    other.setTimeout(() => ran.push('context gone'), 5);
    setId(undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['kept']);
    expect(other.isInvalid).toBe(true);
  });
});

describe("WXT's context, as Windsock's build carries it (lib/page/wxt-context.ts)", () => {
  afterEach(() => setId(realId));

  it('is not ended by a replayed "content script started" event, only by a lost extension context', async () => {
    const { ContentScriptContext } = await import('@/lib/page/wxt-context');
    const ctx = new ContentScriptContext('chat', { matches: [] });
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'chat', messageId: 'page' } }));
    window.postMessage({ type: STARTED, contentScriptName: 'chat', messageId: 'page' }, '*');
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.isValid).toBe(true);
    setId(undefined);
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isValid).toBe(false);
  });

  it('no entry script asks it for more than `isInvalid`: main() takes no context, or hands it to startPage', () => {
    const dir = 'entrypoints';
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.content.ts'));
    expect(scripts.length).toBeGreaterThan(4);
    for (const f of scripts) {
      // The code without its comments (which name `ctx` to say it is not used).
      const src = readFileSync(`${dir}/${f}`, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const param = /\bmain\((\w*)\)/.exec(src)?.[1];
      expect(param, f).toBeDefined();
      if (!param) continue;
      // The one use: lib/page/run.ts startPage(life, kit, ctx), whose parameter is `{ readonly isInvalid: boolean }`.
      const uses = src.match(new RegExp(`\\b${param}\\b`, 'g')) ?? [];
      expect(uses.length, f).toBe(2);
      expect(src, f).toMatch(new RegExp(`startPage\\(.*, ${param}\\);`));
    }
    expect(readFileSync('lib/page/run.ts', 'utf8')).toContain('wxt?: { readonly isInvalid: boolean }');
  });
});
