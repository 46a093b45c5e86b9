// @vitest-environment node
/**
 * Metamorphic tests (issue 12): every replica fixture is rewritten by every mutation of test/mutate.ts (hashed
 * class names, labels moved to aria-labelledby / aria-label, split label text, extra wrappers, a moved plan badge,
 * other switch markups, shuffled siblings, icon-only buttons, labels translated into each supported language),
 * and every detector (controls, plan signals, the in-page warnings' targets) must read the mutant the same as the
 * original, or not at all. A different value is a bug. The counts are printed (same / unknown / differ).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { ALL_MATCHERS, matchGesture } from '@/lib/warnings/registry';
import { surfaceOf } from '@/lib/surfaces';
import { MUTATIONS, prng, tagElements } from '../mutate';

interface Entry {
  file: string;
  url: string;
  surface: string;
}
const INDEX: Entry[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const kitFor = (url: string) => (new URL(url).hostname === 'chat.mistral.ai' ? CHAT_DETECT : ADMIN_DETECT);

function parse(file: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
  const doc = win.document as unknown as Document;
  tagElements(doc);
  return doc;
}

/** Everything the detectors read off a page, as key → value. */
function reading(doc: Document, url: string): Map<string, string> {
  const out = new Map<string, string>();
  const det = detectPage(doc, url, kitFor(url));
  for (const o of det.observations) out.set(o.key, String(o.value));
  const surface = surfaceOf(url)?.id;
  if (surface)
    for (const el of Array.from(
      doc.body.querySelectorAll('button, [role="button"], [role="switch"], input, a, [role="menuitem"]'),
    )) {
      const m = matchGesture(el, surface, ALL_MATCHERS);
      if (m)
        out.set(
          `guard#${el.getAttribute('data-ws-id')}`,
          `${m.kind}${m.direction ? ':' + m.direction : ''}${m.clearing ? ':clearing' : ''}`,
        );
    }
  return out;
}

const counts: Record<
  string,
  { same: number; unknown: number; differ: number; unchanged: number; readings: { same: number; unknown: number } }
> = {};
const failures: string[] = [];

describe.each(INDEX.filter((e) => surfaceOf(e.url)))('$file', (entry) => {
  const original = reading(parse(entry.file, entry.url), entry.url);
  it.each(Object.keys(MUTATIONS))('%s: the same reading, or unknown; never a different one', (name) => {
    const doc = parse(entry.file, entry.url);
    const before = doc.body.innerHTML;
    MUTATIONS[name](doc, prng(entry.file.length * 7919 + name.length));
    const mutant = reading(doc, entry.url);
    const c = (counts[name] ??= { same: 0, unknown: 0, differ: 0, unchanged: 0, readings: { same: 0, unknown: 0 } });
    if (before === doc.body.innerHTML) c.unchanged++;
    const differ: string[] = [];
    let lost = 0;
    for (const [k, v] of original) {
      const w = mutant.get(k);
      if (w === undefined) {
        lost++;
        if (process.env.METAMORPHIC_VERBOSE) failures.push(`(unknown) ${entry.file} ${name}: ${k} ${v} → nothing`);
      } else if (w !== v) differ.push(`${k}: ${v} → ${w}`);
      else c.readings.same++;
    }
    c.readings.unknown += lost;
    for (const [k, w] of mutant) if (!original.has(k)) differ.push(`${k}: (nothing) → ${w}`);
    if (differ.length) {
      c.differ++;
      failures.push(`${entry.file} ${name}: ${differ.join('; ')}`);
    } else if (lost) c.unknown++;
    else c.same++;
    expect(
      differ,
      `${entry.file} mutated by ${name} (mutant ${before === doc.body.innerHTML ? 'unchanged' : 'changed'})`,
    ).toEqual([]);
  });
});

/**
 * What each mutation may cost, at most: readings lost (unknown where the original was read), over all fixtures,
 * written out by hand from the run of 29 November 2026. "Unknown, never different" alone would pass a detector that
 * reads nothing once the markup changes; these ceilings fail it. Lowering one is progress; raising one needs a
 * reason here. An unknown language loses the readings by label (the order, positions and account data stay).
 */
const LOST_AT_MOST: Record<string, number> = {
  'split-text': 1,
  'badge-up-a-level': 6,
  'switch-pressed': 4,
  'icon-only': 5,
  'unknown-language': 63,
};

describe('what the mutations cost', () => {
  it('each mutation loses at most the readings written out above (every other: none)', () => {
    const entries = INDEX.filter((e) => surfaceOf(e.url)).length;
    for (const name of Object.keys(MUTATIONS)) {
      const c = counts[name];
      // Every fixture ran under every mutation (not a filtered run, where these totals mean nothing).
      expect(c && c.same + c.unknown + c.differ, name).toBe(entries);
      expect(c.readings.unknown, `${name}: readings lost`).toBeLessThanOrEqual(LOST_AT_MOST[name] ?? 0);
    }
  });
});

afterAll(() => {
  const rows = Object.entries(counts).map(
    ([m, c]) =>
      `${m.padEnd(20)} mutants same ${String(c.same).padStart(3)}  unknown ${String(c.unknown).padStart(3)}  differ ${String(c.differ).padStart(3)}   readings kept ${c.readings.same}, lost ${c.readings.unknown}; pages the mutation left as they were: ${c.unchanged}`,
  );
  const total = Object.values(counts).reduce(
    (a, c) => ({ same: a.same + c.same, unknown: a.unknown + c.unknown, differ: a.differ + c.differ }),
    { same: 0, unknown: 0, differ: 0 },
  );
  console.log(
    `metamorphic: ${INDEX.length} fixtures × ${Object.keys(MUTATIONS).length} mutations\n${rows.join('\n')}\nTOTAL mutants same ${total.same}, unknown ${total.unknown}, differ ${total.differ}${failures.length ? '\n' + failures.join('\n') : ''}`,
  );
});
