/**
 * Studio's content script carries the Studio plan readers only (lib/page/kit-studio.ts): on every replica Studio
 * page it reads exactly what the Admin Panel's kit, which knows both hosts and which the other tests use, reads —
 * the same observations and the same plan signals.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { STUDIO_DETECT } from '@/lib/page/kit-studio';

const INDEX: { file: string; url: string }[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const STUDIO = INDEX.filter((e) => new URL(e.url).hostname === 'console.mistral.ai');

describe('Studio kit', () => {
  it('has Studio pages to compare', () => expect(STUDIO.length).toBeGreaterThanOrEqual(5));
  it.each(STUDIO.map((e) => [e.file, e.url]))('%s: the same reading as the full kit', (file, url) => {
    const win = new Window({
      url,
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
    const doc = win.document as unknown as Document;
    const full = detectPage(doc, url, ADMIN_DETECT);
    const studio = detectPage(doc, url, STUDIO_DETECT);
    expect(studio.observations).toEqual(full.observations);
    expect(studio.planSignals).toEqual(full.planSignals);
    expect(studio.orgName).toEqual(full.orgName);
  });
});
