// @vitest-environment node
/**
 * Every detector against every replica fixture (test/fixtures/index.json): on its own pages it reads what the
 * fixture's `expect` says the page shows; on every other page it reads nothing. The pages are parsed by
 * happy-dom without running their scripts (detectors read markup, not behaviour).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { CONTROL_RULES } from '@/lib/detect/rules';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';

/** The detectors the content script of that URL's host carries. */
const kitFor = (url: string) => (new URL(url).hostname === 'chat.mistral.ai' ? CHAT_DETECT : ADMIN_DETECT);

interface Entry {
  file: string;
  url: string;
  lang: string;
  surface: string;
  expect: {
    plan: string | null;
    apiPlan?: string | null;
    controls: Record<string, string>;
    disabled: string[];
    unknown?: boolean;
  };
}

const INDEX: Entry[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));

export function parse(file: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
  return win.document as unknown as Document;
}

describe.each(INDEX)('$file', (entry) => {
  const doc = parse(entry.file, entry.url);
  const det = detectPage(doc, entry.url, kitFor(entry.url));
  const controls = Object.fromEntries(
    det.observations.filter((o) => !o.key.startsWith('plan:')).map((o) => [o.key, o.value]),
  );
  const locked = det.observations
    .filter((o) => o.locked)
    .map((o) => o.key)
    .sort();

  it('is on the expected surface', () => {
    // Compared with the index, never with itself: a page Windsock does not know (example.com) is `none`.
    expect(det.surface ?? 'none').toBe(entry.surface);
  });

  it('reads exactly the controls the page shows', () => {
    expect(controls).toEqual(entry.expect.controls);
  });

  it('reads which controls are managed by the organization', () => {
    expect(locked).toEqual([...entry.expect.disabled].sort());
  });

  it('reads the plan the page shows, and no other', () => {
    const vibe = det.observations.find((o) => o.key === 'plan:vibe')?.value ?? null;
    const api = det.observations.find((o) => o.key === 'plan:api')?.value ?? null;
    if (entry.surface.startsWith('studio')) {
      expect(api).toBe(entry.expect.plan);
      expect(vibe).toBeNull();
    } else {
      expect(vibe).toBe(entry.expect.plan);
      expect(api).toBe(entry.expect.apiPlan ?? null);
    }
  });

  it('names every detector of its surface in the diagnostics, matched or not', () => {
    const ids = det.detectors.map((d) => d.id);
    for (const r of CONTROL_RULES[det.surface as keyof typeof CONTROL_RULES] ?? []) expect(ids).toContain(r.control);
    if (entry.expect.unknown) expect(det.detectors.every((d) => !d.matched)).toBe(true);
  });
});

describe('controls follow the page', () => {
  it('a switch flipped off reads off; a checkbox unticked reads off', () => {
    const sw = INDEX.find((e) => e.file === 'admin-vibe-privacy.switch.en.html')!;
    const doc = parse(sw.file, sw.url);
    const s = doc.querySelector('#model-training')!;
    s.setAttribute('aria-checked', 'false');
    s.setAttribute('data-state', 'unchecked');
    expect(detectPage(doc, sw.url, kitFor(sw.url)).observations.find((o) => o.key === 'vibe-training')?.value).toBe(
      'off',
    );
    const cb = INDEX.find((e) => e.file === 'admin-vibe-privacy.checkbox.en.html')!;
    const doc2 = parse(cb.file, cb.url);
    const input = Array.from(doc2.querySelectorAll('input[type=checkbox]'))[0] as HTMLInputElement;
    input.checked = false;
    expect(detectPage(doc2, cb.url, kitFor(cb.url)).observations.find((o) => o.key === 'vibe-training')?.value).toBe(
      'off',
    );
  });

  it('reads the organization name on the Admin Panel', () => {
    const sw = INDEX.find((e) => e.file === 'admin-vibe-privacy.switch.en.html')!;
    expect(detectPage(parse(sw.file, sw.url), sw.url, kitFor(sw.url)).orgName).toBe('Acme SAS');
  });
});

describe('the negative matrix: every rule set against every other surface’s pages', () => {
  const surfaces = Object.keys(CONTROL_RULES) as (keyof typeof CONTROL_RULES)[];
  for (const entry of INDEX) {
    const others = surfaces.filter((s) => s !== entry.surface);
    it(`${entry.file}: other surfaces' control rules find nothing`, async () => {
      const { readControls } = await import('@/lib/detect/controls');
      const doc = parse(entry.file, entry.url);
      for (const s of others) expect(readControls(doc, CONTROL_RULES[s]!), `rules of ${s}`).toEqual([]);
    });
    it(`${entry.file}: plan detectors of any surface never contradict the page`, async () => {
      const { readPlanSignals } = await import('@/lib/detect/plan');
      const { SURFACES } = await import('@/lib/surfaces');
      const doc = parse(entry.file, entry.url);
      // Plan detectors of every surface on the same host (a page can only ever be read by those).
      for (const s of SURFACES.filter((x) => entry.url.startsWith(`https://${x.host}/`))) {
        for (const sig of readPlanSignals(doc, s.id, { ...CHAT_DETECT.readers, ...ADMIN_DETECT.readers })) {
          const expected =
            sig.product === 'api' && !entry.surface.startsWith('studio') ? entry.expect.apiPlan : entry.expect.plan;
          expect(sig.plan, `${s.id} ${sig.kind}`).toBe(expected);
        }
      }
    });
  }
});
