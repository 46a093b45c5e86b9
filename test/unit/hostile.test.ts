/**
 * Hostile input for the detectors: random DOM trees built from the markups and label texts Windsock knows,
 * mixed with noise. Properties: no exception, ever; and never a "not training" that the page did not show —
 * a `not-training` verdict needs a control on the page that is really off under a training label, or a page
 * naming a plan whose default is "not trained".
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { CONTROL_LABELS, labelTexts } from '@/lib/detect/rules';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { matchGesture, ALL_MATCHERS } from '@/lib/warnings/registry';
import { verdictFor } from '@/lib/resolve';
import { emptyStore, recordObservations } from '@/lib/store/schema';
import { surfaceOf } from '@/lib/surfaces';

const LABELS = [
  ...Object.values(CONTROL_LABELS).flatMap((l) => labelTexts(l)),
  'Free',
  'Pro',
  'Team',
  'Enterprise',
  'Scale',
  'Free mode',
  'Experiment',
  'Vibe',
  'API Plan',
  'Upgrade to Pro',
  'Current plan',
  'Not enabled',
  'Active',
  'Never',
  '30 days',
  'Like',
  'Dislike',
  'Copy',
  'Share by link',
  'Link accessible to anyone',
];
const NOISE = fc.string({ maxLength: 30 }).map((s) => s.replace(/[<>&"]/g, ''));
const TEXT = fc.oneof(fc.constantFrom(...LABELS), NOISE);

const esc = (s: string) => s.replace(/[<>&"]/g, '');
type Node = string;
const leaf: fc.Arbitrary<Node> = fc.oneof(
  TEXT.map((t) => `<span>${esc(t)}</span>`),
  fc
    .tuple(TEXT, fc.boolean(), fc.boolean())
    .map(
      ([t, on, dis]) =>
        `<button role="switch" aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}" aria-label="${esc(t)}"${dis ? ' disabled' : ''}></button>`,
    ),
  fc
    .tuple(TEXT, fc.boolean())
    .map(([t, on]) => `<label><input type="checkbox"${on ? ' checked' : ''}> ${esc(t)}</label>`),
  fc
    .tuple(TEXT, fc.constantFrom('Never', '30 days', '1 year', 'x'))
    .map(([t, v]) => `<label>${esc(t)}<select><option selected>${v}</option></select></label>`),
  fc
    .tuple(TEXT, TEXT)
    .map(
      ([a, b]) =>
        `<div role="tab" aria-controls="p1">${esc(a)}</div><div id="p1" role="tabpanel"><h2>${esc(b)}</h2></div>`,
    ),
  fc.constant(
    '<div data-message-author-role="assistant"><div class="bar"><button><svg class="lucide lucide-thumbs-up"><path d="M7 10v12"/></svg></button><button></button><button aria-label="Copy"><svg><rect/></svg></button></div></div>',
  ),
);
const tree: fc.Arbitrary<Node> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        fc.constantFrom('div', 'section', 'li', 'header', 'main', 'label', 'form'),
        fc.array(tie('node'), { maxLength: 5 }),
      )
      .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
  ),
})).node;

const URLS = [
  'https://admin.mistral.ai/vibe/privacy',
  'https://admin.mistral.ai/plateforme/privacy',
  'https://admin.mistral.ai/subscriptions',
  'https://console.mistral.ai/build/playground',
  'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c',
  'https://chat.mistral.ai/upgrade/plans',
  'https://chat.mistral.ai/intelligence/memories',
];

function parse(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return win.document as unknown as Document;
}

describe('detectors over random pages', () => {
  it('never throw, and never conclude "not training" from what the page did not show', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.constantFrom(...URLS), (nodes, url) => {
        const doc = parse(nodes.join(''), url);
        const kit = url.startsWith('https://chat.') ? CHAT_DETECT : ADMIN_DETECT;
        const det = detectPage(doc, url, kit);
        for (const el of Array.from(doc.querySelectorAll('*')).slice(0, 200))
          matchGesture(el, surfaceOf(url)!.id, ALL_MATCHERS);
        const store = recordObservations(emptyStore(), null, det.surface ?? 'x', det.observations, 1_800_000_000_000);
        for (const product of ['vibe', 'api'] as const) {
          const v = verdictFor(store, product, det.surface, 1_800_000_000_000);
          if (v.state !== 'not-training') continue;
          const html = nodes.join('');
          // What "not training" may rest on: the training switch read off, on a page that has a switch in the off
          // state; or else a plan read from the page, whose name the page shows.
          const toggle = product === 'vibe' ? 'vibe-training' : 'api-training';
          const offRead = det.observations.some((o) => o.key === toggle && o.value === 'off');
          const offControl = /aria-checked="false"|<input type="checkbox">/.test(html);
          const plan = det.observations.find((o) => o.key === `plan:${product}`)?.value;
          const planNamed = typeof plan === 'string' && new RegExp(`\\b${plan}\\b`, 'i').test(html);
          expect(offRead ? offControl : planNamed, `${product} not-training on ${url}: ${html.slice(0, 300)}`).toBe(
            true,
          );
        }
      }),
      { numRuns: 300 },
    );
    // 300 random pages parsed and read whole: a property, not a timing test (about 3 s alone, 10 s or more on a
    // loaded 2-core machine), so it gets the time it needs.
  }, 60_000);

  it('a page whose labels say "off" in text but whose control is on is read as on', () => {
    const doc = parse(
      '<div><span>Model training</span><span>off</span><button role="switch" aria-checked="true"></button></div>',
      URLS[0],
    );
    expect(detectPage(doc, URLS[0], ADMIN_DETECT).observations.find((o) => o.key === 'vibe-training')?.value).toBe(
      'on',
    );
  });
});
