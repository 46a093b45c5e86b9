// @vitest-environment node
/**
 * Where labels fail, structure decides (issue 12): on the documented settings pages, the controls none of whose
 * labels is recognised (a UI language Windsock lacks) are read by their documented order, but only when the page's
 * main region holds exactly the documented controls, of the documented kinds, in that order, and nothing else, and
 * any control read by its label sits at its documented place. Such readings say so (`how: order …`) and carry a
 * lower confidence. Anything else: unknown.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detect, settings, values } from './admin-page';
import { detectPage } from '@/lib/detect';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { ORDER_CONFIDENCE } from '@/lib/detect/rules';
import { MUTATIONS, prng, tagElements } from '../mutate';

const API = 'https://admin.mistral.ai/plateforme/privacy';
const sw = (on: boolean, id = '') =>
  `<button type="button" role="switch" ${id ? `id="${id}"` : ''} aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"></button>`;
const row = (label: string, control: string) =>
  `<div class="row"><div><span>${label}</span><p>説明文。</p></div>${control}</div>`;
const select = `<div class="select-wrap"><button type="button" role="combobox" aria-expanded="false"><span>30日</span></button><select aria-hidden="true" tabindex="-1"><option value="30" selected>30日</option><option value="never">なし</option></select></div>`;
const page = (rows: string[], main = true) => {
  const inner = `<h1>プライバシー</h1><form>${rows.join('')}</form>`;
  return `<nav><a href="/vibe/privacy">プライバシー</a></nav>${main ? `<main>${inner}</main>` : `<div>${inner}</div>`}`;
};
const VIBE_ROWS = [
  row('モデルのトレーニング', sw(false)),
  row('公開チャット共有', sw(true)),
  row('モデル応答へのフィードバック', sw(false)),
  row('チャット保持ポリシー', select),
];

describe('reading controls by their documented order', () => {
  it('a Vibe privacy page in Japanese: the three switches by order, marked and less trusted; the retention (words unknown) stays unknown', () => {
    const det = detect(page(VIBE_ROWS));
    expect(Object.fromEntries(det.observations.map((o) => [o.key, o.value]))).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'on',
      feedback: 'off',
    });
    for (const o of det.observations) expect(o.confidence).toBe(ORDER_CONFIDENCE);
    expect(det.detectors.filter((d) => d.matched).map((d) => d.how)).toEqual([
      'order 1/4 button[role=switch]',
      'order 2/4 button[role=switch]',
      'order 3/4 button[role=switch]',
    ]);
  });

  it('a retention select whose choice reads (the docs’ words) is read too, as the fourth control', () => {
    const sel = `<select><option value="never">Never</option><option value="90" selected>90 days</option></select>`;
    expect(values(page([...VIBE_ROWS.slice(0, 3), row('チャット保持ポリシー', sel)]))).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'on',
      feedback: 'off',
      'chat-retention': '90d',
    });
  });

  it('checkboxes and native switches count as switches', () => {
    const cb = (on: boolean) => `<input type="checkbox"${on ? ' checked' : ''}>`;
    expect(
      values(
        page([
          row('a', cb(true)),
          row('b', `<input type="checkbox" role="switch">`),
          row('c', `<button role="checkbox" aria-checked="true"></button>`),
          row('d', select),
        ]),
      ),
    ).toEqual({ 'vibe-training': 'on', 'public-sharing': 'off', feedback: 'on' });
  });

  it('an API privacy page in Japanese: data usage and Labs by order; the ZDR status is never read by order', () => {
    const html = page([
      row('サービス改善のためのデータ利用', sw(true)),
      `<div class="row"><span>ゼロデータ保持</span><span>有効</span></div>`,
      row(
        'Labs モデルを有効にする',
        `<button type="button" role="checkbox" aria-checked="false" data-state="unchecked"></button>`,
      ),
    ]);
    expect(values(html, API)).toEqual({ 'api-training': 'on', 'labs-models': 'off' });
  });

  it('an extra control anywhere in the main region: unknown', () => {
    expect(values(page([...VIBE_ROWS, row('新しい設定', sw(true))]))).toEqual({});
    expect(values(page([row('新しい設定', sw(true)), ...VIBE_ROWS]))).toEqual({});
    // Another kind of field (a text input, radios) means another page than the documented one.
    expect(values(page([...VIBE_ROWS, `<input type="text" value="x">`]))).toEqual({});
    expect(values(page([...VIBE_ROWS, `<div role="radio" aria-checked="true"></div>`]))).toEqual({});
  });

  it('a missing control: unknown', () => {
    expect(values(page([VIBE_ROWS[0], VIBE_ROWS[1], VIBE_ROWS[3]]))).toEqual({});
    expect(values(page(VIBE_ROWS.slice(0, 3)))).toEqual({});
    expect(values(page([row('a', sw(true)), row('b', sw(true)), row('c', sw(false))]), API)).toEqual({});
  });

  it('a control of another kind in a documented place: unknown', () => {
    expect(values(page([VIBE_ROWS[3], VIBE_ROWS[0], VIBE_ROWS[1], VIBE_ROWS[2]]))).toEqual({});
    expect(values(page([VIBE_ROWS[0], VIBE_ROWS[1], row('x', select), row('y', sw(true))]))).toEqual({});
    expect(values(page([row('a', sw(true)), row('b', select)]), API)).toEqual({});
  });

  it('no main region, or two: unknown', () => {
    expect(values(page(VIBE_ROWS, false))).toEqual({});
    expect(values(`<main>${VIBE_ROWS.slice(0, 2).join('')}</main><main>${VIBE_ROWS.slice(2).join('')}</main>`)).toEqual(
      {},
    );
  });

  it('controls outside the main region do not count (navigation, header)', () => {
    expect(values(`<header>${sw(true)}</header>${page(VIBE_ROWS)}`)).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'on',
      feedback: 'off',
    });
  });

  it('a control its label finds is read by the label; the others by order, only if the label-read one sits at its documented place', () => {
    const rows = [row('Model training', sw(true)), ...VIBE_ROWS.slice(1)];
    const det = detect(page(rows));
    expect(Object.fromEntries(det.observations.map((o) => [o.key, o.value]))).toEqual({
      'vibe-training': 'on',
      'public-sharing': 'on',
      feedback: 'off',
    });
    expect(det.observations.find((o) => o.key === 'vibe-training')?.confidence).toBeUndefined();
    expect(det.detectors.find((d) => d.id === 'public-sharing')?.how).toBe('order 2/4 button[role=switch]');
    // The label "Model training" on the second switch: the page is not in the documented order; nothing by order.
    const misplaced = [
      row('モデルのトレーニング', sw(false)),
      row('Model training', sw(true)),
      VIBE_ROWS[2],
      VIBE_ROWS[3],
    ];
    expect(values(page(misplaced))).toEqual({ 'vibe-training': 'on' });
  });

  it('a label on the page whose control is not found: the page is not understood, nothing by order', () => {
    const described = [row('Public chat sharing', `<span>x</span>`), ...VIBE_ROWS];
    expect(values(page(described))).toEqual({});
  });

  it('only on the documented pages: not on the memories page, not on Studio', () => {
    expect(values(page([row('x', sw(true))]), 'https://chat.mistral.ai/settings/memories')).toEqual({});
  });
});

describe('the replica privacy pages with every label in Japanese (test/mutate.ts unknown-language)', () => {
  const INDEX: { file: string; url: string }[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
  const privacy = INDEX.filter((e) => /^admin-(vibe|api)-privacy/.test(e.file));
  const parse = (file: string, url: string) => {
    const win = new Window({ url, settings });
    win.document.write(readFileSync(`test/fixtures/${file}`, 'utf8'));
    const doc = win.document as unknown as Document;
    tagElements(doc);
    return doc;
  };
  let byOrder = 0;
  it.each(privacy)('$file: the same values as the labels give, or none', ({ file, url }) => {
    const original = Object.fromEntries(
      detectPage(parse(file, url), url, ADMIN_DETECT).observations.map((o) => [o.key, o.value]),
    );
    const doc = parse(file, url);
    MUTATIONS['unknown-language'](doc, prng(1));
    const det = detectPage(doc, url, ADMIN_DETECT);
    for (const o of det.observations) expect(o.value, `${file} ${o.key}`).toBe(original[o.key]);
    if (det.detectors.some((d) => d.how?.startsWith('order '))) byOrder++;
  });
  it('the documented switch replicas are read by order', () => {
    console.log(`unknown-language: ${byOrder} of ${privacy.length} privacy replicas read by order`);
    expect(byOrder).toBeGreaterThanOrEqual(2);
  });
});
