// @vitest-environment node
/**
 * Behaviour tests written against the mutants of lib/detect/ that survived the unit tests (issue 14; the list and
 * the equivalent ones: test/mutation-equivalents.md). Black box: a page in, what Windsock reads out of it
 * (detectPage with the host's own kit), never a module's internals. Each page is built and read inside its test,
 * so that Stryker sees which test reaches which line.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { accountDataOn, observableKeys } from '@/lib/detect/observable';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { surfaceById } from '@/lib/surfaces';

const VIBE = 'https://admin.mistral.ai/vibe/privacy';
const settings = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };

function detect(html: string, url = VIBE, lang = 'ja') {
  const win = new Window({ url, settings });
  win.document.write(`<!doctype html><html lang="${lang}"><body>${html}</body></html>`);
  return detectPage(win.document as unknown as Document, url, ADMIN_DETECT);
}
const values = (html: string, url = VIBE) =>
  Object.fromEntries(
    detect(html, url)
      .observations.filter((o) => !o.key.startsWith('plan:'))
      .map((o) => [o.key, o.value]),
  );

// lib/detect/order.ts: a Vibe privacy page in a language Windsock lacks, read by the documented order.
const sw = (on: boolean) =>
  `<button type="button" role="switch" aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"></button>`;
const row = (label: string, control: string) =>
  `<div class="row"><div><span>${label}</span><p>説明文。</p></div>${control}</div>`;
const combobox = (text = '30日') =>
  `<button type="button" role="combobox" aria-expanded="false"><span>${text}</span></button>`;
const native = (text = '30日') =>
  `<select aria-hidden="true" tabindex="-1"><option value="x" selected>${text}</option><option value="never">なし</option></select>`;
const SWITCHES = [
  row('モデルのトレーニング', sw(false)),
  row('公開チャット共有', sw(true)),
  row('フィードバック', sw(false)),
];
const READ = { 'vibe-training': 'off', 'public-sharing': 'on', feedback: 'off' };
const main = (rows: string[]) =>
  `<nav><a href="/vibe/privacy">プライバシー</a></nav><main><form>${rows.join('')}</form></main>`;

describe('order.ts: which main region, which controls make one unit', () => {
  it('a main region nested in another is the same region: read', () => {
    const rows = [...SWITCHES, row('保持', combobox() + native())];
    expect(values(`<main><div role="main"><form>${rows.join('')}</form></div></main>`)).toEqual(READ);
  });

  it('two main regions side by side, the first holding every control: unknown (which one is the page?)', () => {
    const rows = [...SWITCHES, row('保持', combobox() + native())];
    expect(values(`<main><form>${rows.join('')}</form></main><main><p>お知らせ</p></main>`)).toEqual({});
  });

  it('a hidden native select placed before its combobox is one control with it', () => {
    expect(values(main([...SWITCHES, row('保持', native() + combobox())]))).toEqual(READ);
  });

  it('the hidden native select gives the choice when the combobox shows none (an icon only)', () => {
    const icon = `<button type="button" role="combobox" aria-expanded="false"><svg></svg></button>`;
    expect(values(main([...SWITCHES, row('保持', icon + native('90 days'))]))).toEqual({
      ...READ,
      'chat-retention': '90d',
    });
    expect(values(main([...SWITCHES, row('保持', native('90 days') + icon)]))).toEqual({
      ...READ,
      'chat-retention': '90d',
    });
  });

  it('two comboboxes, or two native selects, side by side are two controls: one too many, unknown', () => {
    const div = `<div role="combobox" aria-expanded="false">30日</div>`;
    expect(values(main([...SWITCHES, row('保持', combobox() + div)]))).toEqual({});
    expect(values(main([...SWITCHES, row('保持', native() + native('なし'))]))).toEqual({});
  });

  it('a combobox with its native select and a second native select in the same row: one control too many', () => {
    expect(values(main([...SWITCHES, row('保持', combobox() + native() + native('なし'))]))).toEqual({});
  });

  it('two selects in two rows are two controls, even when one is a combobox and the other native', () => {
    expect(values(main([...SWITCHES, row('保持', native()), row('保持', combobox())]))).toEqual({});
  });

  it('a select and a switch in one row are two controls', () => {
    // The third switch and the retention select share a parent: still four controls in the documented order.
    const shared = `<div class="row"><span>フィードバック</span>${sw(false)}${native()}</div>`;
    expect(values(main([...SWITCHES.slice(0, 2), shared]))).toEqual(READ);
    // A native select then a switch in one row: five controls, unknown.
    expect(values(main([...SWITCHES, row('保持', native() + sw(true))]))).toEqual({});
  });
});

describe('observable.ts: what a page of each surface may report', () => {
  it('a page with no control rules reports plan keys only', () => {
    for (const id of ['vibe-chat', 'vibe-chat-home', 'studio'] as const) {
      const keys = [...observableKeys(surfaceById(id))];
      expect(keys.length, id).toBeGreaterThan(0);
      for (const k of keys) expect(typeof k === 'string' && k.startsWith('plan:'), `${id}: ${String(k)}`).toBe(true);
    }
  });

  it('account data comes from the chat app only', () => {
    expect(accountDataOn(surfaceById('vibe-chat'))).toBe(true);
    expect(accountDataOn(surfaceById('vibe-chat-home'))).toBe(true);
    expect(accountDataOn(surfaceById('admin-vibe-privacy'))).toBe(false);
    expect(accountDataOn(surfaceById('studio'))).toBe(false);
  });
});
