// @vitest-environment node
/**
 * Behaviour tests written against the mutants of lib/detect/ that survived the unit tests (issue 14; the list and
 * the equivalent ones: test/mutation-equivalents.md). Black box: a page in, what Windsock reads out of it
 * (detectPage with the host's own kit), never a module's internals. Each page is built and read inside its test,
 * so that Stryker sees which test reaches which line.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { VIBE, detect, settings, values } from './admin-page';
import { detectPage } from '@/lib/detect';
import { accessibleName } from '@/lib/detect/controls';
import { accountDataOn, observableKeys } from '@/lib/detect/observable';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { surfaceById } from '@/lib/surfaces';

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

// lib/detect/controls.ts: pages of the Admin Panel in English, read by their labels.
const API = 'https://admin.mistral.ai/plateforme/privacy';
const read = (html: string, url = VIBE) => {
  const det = detect(html, url, 'en');
  return Object.fromEntries(
    det.observations
      .filter((o) => !o.key.startsWith('plan:'))
      .map((o) => [o.key, `${o.value}${o.locked ? ' locked' : ''}`]),
  );
};
const how = (html: string, control: string, url = VIBE) =>
  detect(html, url, 'en').detectors.find((d) => d.id === control)?.how;

describe('controls.ts: the value of a control, whatever its markup', () => {
  it('a toggle button (aria-pressed) named as the control: pressed is on, not pressed is off', () => {
    const btn = (p: string) =>
      `<main><button type="button" aria-pressed="${p}" aria-label="Model training"></button></main>`;
    expect(read(btn('true'))).toEqual({ 'vibe-training': 'on' });
    expect(read(btn('false'))).toEqual({ 'vibe-training': 'off' });
    expect(how(btn('true'), 'vibe-training')).toBe('named button[type=button]');
    // Neither pressed nor not: no value.
    expect(read(btn('mixed'))).toEqual({});
  });

  it('a toggle button is a switch, never a status: a pressed button named "Zero data retention" says nothing', () => {
    const html = `<main><button type="button" aria-pressed="true" aria-label="Zero data retention"></button></main>`;
    expect(read(html, API)).toEqual({});
  });

  it('a switch whose aria-checked says neither: its data-state decides', () => {
    const s = (ds: string) =>
      `<main><button type="button" role="switch" aria-checked="mixed" data-state="${ds}" aria-label="Model training"></button></main>`;
    expect(read(s('checked'))).toEqual({ 'vibe-training': 'on' });
    expect(read(s('unchecked'))).toEqual({ 'vibe-training': 'off' });
    expect(read(s('indeterminate'))).toEqual({});
  });

  it('a switch with no state at all, or a state in other words: no value', () => {
    expect(read(`<main><button type="button" role="switch" aria-label="Model training"></button></main>`)).toEqual({});
    expect(
      read(`<main><button type="button" role="switch" data-state="on" aria-label="Model training"></button></main>`),
    ).toEqual({});
  });

  it('the diagnostics say which markup each control was read in', () => {
    const named = `<main><button type="button" role="switch" aria-checked="true" aria-label="Model training"></button></main>`;
    expect(how(named, 'vibe-training')).toBe('named button[role=switch]');
    const row = `<main><div><span>Model training</span><input type="checkbox" checked></div></main>`;
    expect(how(row, 'vibe-training')).toBe('row input[type=checkbox]');
    const status = `<main><div><span>Zero data retention</span><span>Active</span></div></main>`;
    expect(how(status, 'zdr', API)).toBe('status text');
    expect(read(status, API)).toEqual({ zdr: 'on' });
  });
});

describe('controls.ts: managed by the organization, or not', () => {
  const named = (attrs = '') =>
    `<button type="button" role="switch" aria-checked="true" aria-label="Model training"${attrs}></button>`;

  it('aria-disabled="false" is not managed', () => {
    expect(read(`<main><div>${named(' aria-disabled="false"')}</div></main>`)).toEqual({ 'vibe-training': 'on' });
    expect(read(`<main><div>${named(' aria-disabled="true"')}</div></main>`)).toEqual({
      'vibe-training': 'on locked',
    });
  });

  it('the words five levels above the switch, in its own row: managed; further up, on the page: not', () => {
    const deep = (n: number) => '<div>'.repeat(n) + named() + '</div>'.repeat(n);
    expect(read(`<main><div class="row"><small>Managed by your organization</small>${deep(4)}</div></main>`)).toEqual({
      'vibe-training': 'on locked',
    });
    // The only control of the page: the walk up stops a few levels up all the same.
    expect(
      read(`<main><section><small>Managed by your organization</small><div>${deep(6)}</div></section></main>`),
    ).toEqual({ 'vibe-training': 'on' });
  });

  it('a retention combobox with its hidden native select is one control in its row: managed by the words there', () => {
    const html = `<main><div class="row"><span id="ret">Chat retention policy</span><small>Managed by your organization</small><div><button type="button" role="combobox" aria-labelledby="ret">30 days</button><select aria-hidden="true"><option selected>30 days</option></select></div></div><div class="row"><button type="button" role="switch" aria-checked="false" aria-label="Model training"></button></div></main>`;
    expect(read(html)).toEqual({ 'chat-retention': '30d locked', 'vibe-training': 'off' });
  });
});

describe('controls.ts: the retention choice and the ZDR status in the words pages print', () => {
  const retention = (text: string) =>
    read(
      `<main><div><span>Chat retention policy</span><button type="button" role="combobox">${text}</button></div></main>`,
    );

  it('a choice with more words around it', () => {
    expect(retention('90 days (default)')).toEqual({ 'chat-retention': '90d' });
    expect(retention('Keep for 1 year')).toEqual({ 'chat-retention': '1y' });
    expect(retention('Never')).toEqual({ 'chat-retention': 'never' });
  });

  it('a choice Windsock does not know, even one that ends like a known one: nothing', () => {
    expect(retention('130 days')).toEqual({});
    expect(retention('90 daysish')).toEqual({});
    expect(retention('')).toEqual({});
  });

  const zdr = (html: string) => read(`<main>${html}</main>`, API);

  it('"Zero data retention (Active)", "Status: Not enabled", "Statut : Activé"', () => {
    expect(zdr(`<div><span>Zero data retention (Active)</span></div>`)).toEqual({ zdr: 'on' });
    expect(zdr(`<div><span>Zero data retention</span><span>Status: Not enabled</span></div>`)).toEqual({ zdr: 'off' });
    expect(zdr(`<div><span>Zero data retention</span><span>Statut : Activé</span></div>`)).toEqual({ zdr: 'on' });
    expect(zdr(`<div><span>Zero data retention</span><span role="status">(Inactive)</span></div>`)).toEqual({
      zdr: 'off',
    });
  });

  it('a status word is read with the words around it: a badge split into spans is "not enabled", not "enabled"', () => {
    const badge = (inner: string) =>
      zdr(`<div><span>Zero data retention</span><div class="badge">${inner}</div></div>`);
    expect(badge(`<i></i><span>Not</span> <span>enabled</span>`)).toEqual({ zdr: 'off' });
    expect(badge(`<i></i><span>Pas</span> <span>activé</span>`)).toEqual({ zdr: 'off' });
    expect(badge(`<i></i><b>Enabled</b>`)).toEqual({ zdr: 'on' });
    // Words around the status that name no known status: unknown, never "on" by a word out of context.
    expect(badge(`<i></i><span>Soon</span> <span>enabled</span>`)).toEqual({});
  });

  it('a status badge a few levels away in the same card; a description is no status', () => {
    expect(
      zdr(`<section><div><div><h3>Zero data retention</h3></div></div><div><span>Not enabled</span></div></section>`),
    ).toEqual({ zdr: 'off' });
    expect(
      zdr(
        `<div><span>Zero data retention</span><p>When zero data retention is enabled, prompts are not stored.</p></div>`,
      ),
    ).toEqual({});
  });
});

describe('controls.ts: finding the label and the control it names', () => {
  const sw = `<button type="button" role="switch" aria-checked="true" data-state="checked"></button>`;

  it('a label in indented markup (whitespace before its words) is found', () => {
    const html = `<main><div><span>\n                    Model training\n                </span>${sw}</div></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on' });
  });

  it('a label followed by more words after a separator is found', () => {
    expect(read(`<main><div><span>Model training: recommended for most teams</span>${sw}</div></main>`)).toEqual({
      'vibe-training': 'on',
    });
  });

  it('aria-labelledby pointing at nothing: the aria-label names the control', () => {
    const html = `<main><button type="button" role="switch" aria-checked="false" aria-labelledby="gone" aria-label="Model training"></button></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'off' });
  });

  it('a blank aria-label: the label tied by for names the control', () => {
    const html = `<main><div><label for="t">Model training</label></div><div><p>x</p><button type="button" role="switch" id="t" aria-label="  " aria-checked="true"></button></div></main>`;
    expect(how(html, 'vibe-training')).toBe('named button[role=switch]');
  });

  it('a control with an id and no label tied to it, wrapped in its label', () => {
    const html = `<main><label><input type="checkbox" id="t" checked> Model training</label></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on' });
    expect(how(html, 'vibe-training')).toBe('named input[type=checkbox]');
  });

  it('a control or a label in someone’s words (an editor, a chat turn) is not the setting', () => {
    expect(
      read(
        `<main><div contenteditable="true"><button type="button" role="switch" aria-checked="true" aria-label="Model training"></button></div></main>`,
      ),
    ).toEqual({});
    expect(read(`<main><div data-message-author-role="user"><span>Model training</span>${sw}</div></main>`)).toEqual(
      {},
    );
  });

  it('an API page in Japanese whose ZDR status alone is in English: the switches still read by order', () => {
    const rowJa = (label: string, control: string) => `<div class="row"><span>${label}</span>${control}</div>`;
    const html = `<main><form>${rowJa('サービス改善のためのデータ利用', sw)}<div class="row"><span>Zero data retention</span><span>Active</span></div>${rowJa('Labs モデル', `<button type="button" role="switch" aria-checked="false"></button>`)}</form></main>`;
    expect(read(html, API)).toEqual({ 'api-training': 'on', zdr: 'on', 'labs-models': 'off' });
  });
});

describe('controls.ts: a label Windsock knows decides whether the rest is read by order', () => {
  const ja = (rows: string[], top = '') => `<main>${top}<form>${rows.join('')}</form></main>`;
  const jaRow = (label: string, control: string) => `<div class="row"><span>${label}</span>${control}</div>`;
  const sel = `<select><option selected>30日</option></select>`;
  const sw = (on: boolean, attrs = '') =>
    `<button type="button" role="switch"${attrs} aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"></button>`;
  const rest = [jaRow('共有', sw(true)), jaRow('フィードバック', sw(false)), jaRow('保持', sel)];

  it('a switch named "Model training" by its aria-label: read by it, the others by order', () => {
    expect(read(ja([jaRow('学習', sw(false, ' aria-label="Model training"')), ...rest]))).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'on',
      feedback: 'off',
    });
  });

  it('a control named "Model training" whose state does not read: the page is not understood, nothing by order', () => {
    const stateless = `<button type="button" role="switch" aria-label="Model training"></button>`;
    expect(read(ja([jaRow('学習', stateless), ...rest]))).toEqual({});
  });

  it('a name that only starts like a label recognises nothing: read by order', () => {
    expect(read(ja([jaRow('学習', sw(false, ' aria-label="Model トレーニング"')), ...rest]))).toEqual({
      'vibe-training': 'off',
      'public-sharing': 'on',
      feedback: 'off',
    });
  });

  it('"Model training: …" as a heading, tied to no control: the page is not understood, nothing by order', () => {
    expect(read(ja([jaRow('学習', sw(false)), ...rest], '<h2>Model training: how it works</h2>'))).toEqual({});
  });
});

describe('controls.ts: names and markups', () => {
  it('a status label with a switch in its row: the switch gives the status', () => {
    const html = `<main><div><span>Zero data retention</span><button type="button" role="switch" aria-checked="true"></button></div></main>`;
    expect(read(html, API)).toEqual({ zdr: 'on' });
    expect(how(html, 'zdr', API)).toBe('row button[role=switch]');
  });

  it('a status label whose row control says nothing: the status words decide', () => {
    const html = `<main><div><span>Zero data retention</span><button type="button" role="switch"></button><span>Active</span></div></main>`;
    expect(read(html, API)).toEqual({ zdr: 'on' });
    expect(how(html, 'zdr', API)).toBe('status text');
  });

  it('a native select is described as such in the diagnostics', () => {
    const html = `<main><select aria-label="Chat retention policy"><option selected>30 days</option></select></main>`;
    expect(read(html)).toEqual({ 'chat-retention': '30d' });
    expect(how(html, 'chat-retention')).toBe('named select');
  });

  it('aria-labelledby naming two elements: their words joined by a space', () => {
    const html = `<main><span id="a">Model</span><span id="b">training</span><button type="button" role="switch" aria-checked="true" aria-labelledby="a b"></button></main>`;
    expect(how(html, 'vibe-training')).toBe('named button[role=switch]');
  });

  it('accessibleName without the page index: the label tied by for, else the wrapping label', () => {
    const win = new Window({ url: API, settings });
    win.document.write(
      `<body><label for="z">Something else</label><label for="x">Enable Labs models</label><input type="checkbox" id="x"><label>Other <input type="checkbox" id="y"></label></body>`,
    );
    const doc = win.document as unknown as Document;
    expect(accessibleName(doc.getElementById('x')!, doc)).toBe('Enable Labs models');
    expect(accessibleName(doc.getElementById('y')!, doc).trim()).toBe('Other');
  });
});

describe('controls.ts: which control a label belongs to, and which words a status', () => {
  const sw = (on: boolean, id = '') =>
    `<button type="button" role="switch"${id ? ` id="${id}"` : ''} aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"></button>`;

  it('labels in one column, switches in another: each label finds its switch by for', () => {
    const html = `<main><div class="labels"><label for="a">Model training<p>How we use your chats.</p></label><label for="b">Public chat sharing<p>Links anyone can open.</p></label><label for="nothing">Model response feedback<p>Thumbs.</p></label></div><div class="ctl">${sw(true, 'a')}${sw(false, 'b')}</div></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on', 'public-sharing': 'off' });
  });

  it('a label tied by for to a description, not a control: the control in its row', () => {
    const html = `<main><div><label for="d">Model training<p id="d">How we use your chats.</p></label>${sw(false)}</div></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'off' });
  });

  it('two labels in one row, each wrapping its checkbox and a description', () => {
    const html = `<main><div><label><input type="checkbox" checked>Model training<div>How we use your chats.</div></label><label><input type="checkbox">Public chat sharing<div>Links.</div></label></div></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on', 'public-sharing': 'off' });
  });

  it('the same words again further down the page (a help note) do not take the label’s place', () => {
    const html = `<main><div><span>Model training</span>${sw(true)}</div><div><span>Public chat sharing</span>${sw(false)}</div><aside><p>Model training</p></aside></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on', 'public-sharing': 'off' });
  });

  it('a label five levels below the row of its switch is too far to be its label', () => {
    const html = `<main><div class="row"><div><div><div><div><span>Model training</span></div></div></div></div>${sw(true)}</div><div>${sw(false)}</div></main>`;
    expect(read(html)).toEqual({});
  });

  it('two switches in one parent, neither disabled: neither managed', () => {
    const html = `<main><div><small>Managed by your organization</small><div><button type="button" role="switch" aria-checked="true" aria-label="Model training"></button><button type="button" role="switch" aria-checked="false" aria-label="Public chat sharing"></button></div></div></main>`;
    expect(read(html)).toEqual({ 'vibe-training': 'on', 'public-sharing': 'off' });
  });

  it('"Not enabled" in two bold words is one status; "Status:Active" without a space reads', () => {
    expect(
      read(`<main><div><span>Zero data retention</span><span><b>Not</b> <b>enabled</b></span></div></main>`, API),
    ).toEqual({ zdr: 'off' });
    expect(read(`<main><div><span>Zero data retention</span><span>Status:Active</span></div></main>`, API)).toEqual({
      zdr: 'on',
    });
  });

  it('a status word elsewhere on the page is not the ZDR status', () => {
    const html = `<main><section><div><div><div><div><h3>Zero data retention</h3></div></div></div></div><footer><span>Active</span></footer></section></main>`;
    expect(read(html, API)).toEqual({});
  });
});

// lib/detect/index.ts: how the readings of one page become its observations (read inside each test).
describe('index.ts: plan observations, diagnostics and the organization', () => {
  const page = (html: string, url: string, kit = CHAT_DETECT) => {
    const win = new Window({ url, settings });
    win.document.write(html);
    return detectPage(win.document as unknown as Document, url, kit);
  };
  const fixture = (file: string, url: string, kit = CHAT_DETECT) =>
    page(readFileSync(`test/fixtures/${file}`, 'utf8'), url, kit);
  const CHAT = 'https://chat.mistral.ai/chat/b82db89f-0aa3-49d6-83e9-f801fea30c1a';

  it('an "Upgrade to Pro" link: the free plan as a visible cue, named in the diagnostics', () => {
    const det = fixture('vibe-chat.free.en.html', CHAT);
    expect(det.observations.filter((o) => o.key.startsWith('plan:'))).toEqual([
      { key: 'plan:vibe', value: 'free', via: 'visible-cue', confidence: 0.5 },
    ]);
    expect(det.detectors.find((d) => d.id === 'plan:upgrade-link')).toEqual({
      id: 'plan:upgrade-link',
      matched: true,
      value: 'vibe=free',
    });
    expect(det.detectors.find((d) => d.id === 'plan:pro-badge')).toEqual({ id: 'plan:pro-badge', matched: false });
    expect(det.planSignals.map((s) => s.kind)).toContain('upgrade-link');
  });

  it('two signals of nearly the same trust naming two plans: no plan read', () => {
    const html = `<nav><a href="/upgrade">Upgrade to Pro</a><span>Pro</span></nav><main></main>`;
    const det = page(html, CHAT);
    expect(det.planSignals.map((s) => `${s.kind}=${s.plan}`).sort()).toEqual(['pro-badge=pro', 'upgrade-link=free']);
    expect(det.observations.filter((o) => o.key.startsWith('plan:'))).toEqual([]);
  });

  it('the Admin Panel names its organization; Studio never does', () => {
    expect(fixture('admin-vibe-privacy.switch.en.html', VIBE, ADMIN_DETECT).orgName).toBe('Acme SAS');
    expect(fixture('studio.scale.en.html', 'https://console.mistral.ai/build/playground', ADMIN_DETECT).orgName).toBe(
      undefined,
    );
  });
});
