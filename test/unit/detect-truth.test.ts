/**
 * Random settings pages whose generator knows the truth. For each control a page shows, the generator picks
 * its state, a markup (Radix switch named by label[for], aria-labelledby or aria-label; a switch with only
 * `data-state`; a native checkbox wrapped in or tied to its label; `[role=checkbox]`; a toggle button
 * (`aria-pressed`); a native select or a
 * Radix combobox for the retention policy; a status badge for ZDR), a label in English or French, whether the
 * organization manages it (and how: `disabled`, `aria-disabled`, `data-disabled`, a disabled fieldset, or only
 * the words "Managed by your organization"), and noise around it. The detectors' observations must equal that
 * truth exactly: a detector that inverts a value, drops a control, invents one or ignores a way of marking a
 * control as managed fails here. Pages are parsed by happy-dom without running scripts.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { CONTROL_RULES, MANAGED_TEXT, RETENTION_TEXT, labelTexts, type ControlRule } from '@/lib/detect/rules';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';

/** Run by Stryker (npm run mutation): its child processes carry STRYKER_MUTATOR_WORKER, its Vitest setup defines __stryker__. */
const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined || '__stryker__' in globalThis;

const PAGES = [
  { surface: 'admin-vibe-privacy', url: 'https://admin.mistral.ai/vibe/privacy', kit: ADMIN_DETECT },
  { surface: 'admin-api-privacy', url: 'https://admin.mistral.ai/plateforme/privacy', kit: ADMIN_DETECT },
  { surface: 'vibe-memories', url: 'https://chat.mistral.ai/intelligence/memories', kit: CHAT_DETECT },
] as const;

type Managed = 'no' | 'disabled' | 'aria-disabled' | 'data-disabled' | 'fieldset' | 'text';
type SwitchMarkup =
  | 'label-for'
  | 'labelledby'
  | 'aria-label'
  | 'data-state-only'
  | 'checkbox-wrapped'
  | 'checkbox-for'
  | 'role-checkbox'
  | 'aria-pressed';
type SelectMarkup = 'native' | 'combobox';

interface GenControl {
  rule: ControlRule;
  value: string;
  label: string;
  markup: SwitchMarkup | SelectMarkup | 'status';
  managed: Managed;
  /** The text the retention choice or the status is printed as. */
  shown?: string;
  noiseBefore: string;
}

const NOISE_WORDS = [
  'Settings',
  'Learn more',
  'Organization',
  'Save',
  'Paramètres',
  'En savoir plus',
  'Your data',
  'Vos données',
  'Members',
  'Billing',
];
const noise = fc
  .array(fc.constantFrom(...NOISE_WORDS), { maxLength: 3 })
  .map((ws) => ws.map((w) => `<p class="muted">${w}</p>`).join(''));

const STATUS_SHOWN = {
  on: ['Active', 'Enabled', 'Activé', 'Approved'],
  off: ['Not enabled', 'Inactive', 'Non activé', 'Désactivé'],
};

function controlArb(rule: ControlRule): fc.Arbitrary<GenControl> {
  // English and French labels, every provenance (the generator renders what the rules name).
  const label = fc.constantFrom(...labelTexts({ en: rule.labels.en, fr: rule.labels.fr }));
  if (rule.kind === 'select') {
    const choice = fc.constantFrom(
      ...Object.entries(RETENTION_TEXT).flatMap(([v, ws]) =>
        ws.filter((w) => /\d|never|jamais/.test(w)).map((w) => [v, w] as const),
      ),
    );
    return fc
      .record({
        label,
        choice,
        markup: fc.constantFrom<SelectMarkup>('native', 'combobox'),
        managed: fc.constantFrom<Managed>('no', 'disabled', 'data-disabled', 'text'),
        noiseBefore: noise,
      })
      .map(({ choice: [value, shown], ...r }) => ({ rule, value, shown, ...r }));
  }
  if (rule.kind === 'status') {
    return fc
      .record({ label, value: fc.constantFrom('on', 'off'), i: fc.nat({ max: 3 }), noiseBefore: noise })
      .map(({ value, i, ...r }) => ({
        rule,
        value,
        shown: STATUS_SHOWN[value as 'on' | 'off'][i],
        markup: 'status' as const,
        managed: 'no' as const,
        ...r,
      }));
  }
  return fc.record({
    rule: fc.constant(rule),
    label,
    value: fc.constantFrom('on', 'off'),
    markup: fc.constantFrom<SwitchMarkup>(
      'label-for',
      'labelledby',
      'aria-label',
      'data-state-only',
      'checkbox-wrapped',
      'checkbox-for',
      'role-checkbox',
      'aria-pressed',
    ),
    managed: fc.constantFrom<Managed>('no', 'disabled', 'aria-disabled', 'data-disabled', 'fieldset', 'text'),
    noiseBefore: noise,
  });
}

const DESC = '<p class="desc">Applies to every member of the organization.</p>';

/** One row of the page, as the generator renders it. */
function render(c: GenControl, i: number): string {
  const id = `c${i}`;
  const on = c.value === 'on';
  const dis =
    c.managed === 'disabled'
      ? ' disabled'
      : c.managed === 'aria-disabled'
        ? ' aria-disabled="true"'
        : c.managed === 'data-disabled'
          ? ' data-disabled=""'
          : '';
  const managedNote =
    c.managed === 'text'
      ? `<small class="note">${MANAGED_TEXT[i % MANAGED_TEXT.length].replace(/^./, (x) => x.toUpperCase())}</small>`
      : '';
  const sw = (attrs: string) =>
    `<button type="button" role="switch" aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"${attrs}${dis}><span></span></button>`;
  let row: string;
  switch (c.markup) {
    case 'label-for':
      row = `<div><label for="${id}">${c.label}</label>${DESC}</div><div class="ctl">${sw(` id="${id}"`)}</div>`;
      break;
    case 'labelledby':
      row = `<div><div class="lbl" id="${id}-l">${c.label}</div>${DESC}</div><div class="ctl">${sw(` aria-labelledby="${id}-l"`)}</div>`;
      break;
    case 'aria-label':
      row = `<div class="ctl">${sw(` aria-label="${c.label}"`)}</div>`;
      break;
    case 'data-state-only':
      row = `<div><span>${c.label}</span>${DESC}</div><div class="ctl"><button type="button" role="switch" data-state="${on ? 'checked' : 'unchecked'}"${dis}></button></div>`;
      break;
    case 'checkbox-wrapped':
      // The input's parent is the label and its grandparent the row, where a "managed" note sits.
      return wrap(
        c,
        `<div class="row"><label><input type="checkbox"${on ? ' checked' : ''}${dis}> ${c.label}</label>${managedNote}</div>`,
      );
    case 'checkbox-for':
      row = `<div><label for="${id}">${c.label}</label></div><div class="ctl"><input type="checkbox" id="${id}"${on ? ' checked' : ''}${dis}></div>`;
      break;
    case 'role-checkbox':
      row = `<div><span>${c.label}</span></div><div class="ctl"><button type="button" role="checkbox" aria-checked="${on}"${dis}></button></div>`;
      break;
    case 'aria-pressed':
      // A toggle button: pressed is on.
      row = `<div><label for="${id}">${c.label}</label>${DESC}</div><div class="ctl"><button type="button" id="${id}" aria-pressed="${on}"${dis}>${on ? 'On' : 'Off'}</button></div>`;
      break;
    case 'native':
      row = `<div><label for="${id}">${c.label}</label></div><div class="ctl"><select id="${id}"${dis}><option>Never</option><option selected>${c.shown}</option></select></div>`;
      // The option shown first must not be the chosen one unless it is chosen.
      if (c.value === 'never')
        row = `<div><label for="${id}">${c.label}</label></div><div class="ctl"><select id="${id}"${dis}><option>30 days</option><option selected>${c.shown}</option></select></div>`;
      break;
    case 'combobox':
      row = `<div><label id="${id}-l">${c.label}</label></div><div class="ctl"><button type="button" role="combobox" aria-labelledby="${id}-l"${dis}><span>${c.shown}</span></button></div>`;
      break;
    case 'status':
      return `${c.noiseBefore}<div class="row"><div><span>${c.label}</span>${DESC}</div><span class="status">${c.shown}</span></div>`;
  }
  return wrap(c, `<div class="row">${row}${managedNote}</div>`);
}

const wrap = (c: GenControl, inner: string) =>
  c.noiseBefore + (c.managed === 'fieldset' ? `<fieldset disabled>${inner}</fieldset>` : inner);

/** A page: some of the surface's controls (each at most once), in any order. */
function pageArb(rules: ControlRule[]): fc.Arbitrary<GenControl[]> {
  return fc.tuple(...rules.map((r) => fc.option(controlArb(r), { nil: undefined }))).chain((cs) =>
    fc.shuffledSubarray(
      cs.filter((c): c is GenControl => !!c),
      { minLength: cs.filter(Boolean).length },
    ),
  );
}

function parse(body: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(
    `<!doctype html><html><body><main><h1>Privacy</h1><form class="card">${body}</form></main></body></html>`,
  );
  return win.document as unknown as Document;
}

describe.each(PAGES)(
  'random $surface pages: the detectors read exactly what the generator rendered',
  ({ surface, url, kit }) => {
    const rules = CONTROL_RULES[surface]!;

    it('every control with its value, its lock, and nothing else', () => {
      fc.assert(
        fc.property(pageArb(rules), (controls) => {
          const html = controls.map(render).join('');
          const det = detectPage(parse(html, url), url, kit);
          expect(det.surface).toBe(surface);
          const got = Object.fromEntries(
            det.observations.map((o) => [o.key, `${o.value}${o.locked ? ' locked' : ''} via ${o.via}`]),
          );
          const want = Object.fromEntries(
            controls.map((c) => [c.rule.control, `${c.value}${c.managed !== 'no' ? ' locked' : ''} via page`]),
          );
          expect(got, html).toEqual(want);
        }),
        // Under Stryker (each surviving mutant runs every test that reaches it, instrumented, on a shared machine):
        // fewer pages, as scan.test.ts relaxes its bounds there.
        { numRuns: underStryker ? 50 : 200 },
      );
    }, 60_000);

    it('the generator reaches every markup, every way of being managed and both values (so the property covers them)', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(pageArb(rules), (cs) => {
          for (const c of cs) seen.add(`${c.markup}|${c.managed}|${c.rule.kind === 'select' ? 'choice' : c.value}`);
        }),
        { numRuns: 400, seed: 1 },
      );
      if (rules.some((r) => r.kind === 'switch')) {
        for (const m of [
          'label-for',
          'labelledby',
          'aria-label',
          'data-state-only',
          'checkbox-wrapped',
          'checkbox-for',
          'role-checkbox',
        ])
          for (const v of ['on', 'off'])
            expect(
              seen.has(`${m}|no|${v}`) || [...seen].some((s) => s.startsWith(`${m}|`) && s.endsWith(`|${v}`)),
              `${m} ${v}`,
            ).toBe(true);
        for (const g of ['disabled', 'aria-disabled', 'data-disabled', 'fieldset', 'text'])
          expect(
            [...seen].some((s) => s.split('|')[1] === g),
            g,
          ).toBe(true);
      }
    });
  },
);

describe('"Managed by your organization" alone marks a control managed', () => {
  it.each(MANAGED_TEXT)('"%s" next to an enabled switch: locked, value kept', (text) => {
    const html = `<div class="row"><div><label for="t">Model training</label></div><div class="ctl"><button type="button" role="switch" id="t" aria-checked="true" data-state="checked"></button></div><small>${text}</small></div>`;
    const det = detectPage(parse(html, PAGES[0].url), PAGES[0].url, ADMIN_DETECT);
    expect(det.observations).toEqual([{ key: 'vibe-training', value: 'on', via: 'page', locked: true }]);
  });

  it('the same row without the note: not locked', () => {
    const html = `<div class="row"><div><label for="t">Model training</label></div><div class="ctl"><button type="button" role="switch" id="t" aria-checked="true" data-state="checked"></button></div></div>`;
    expect(detectPage(parse(html, PAGES[0].url), PAGES[0].url, ADMIN_DETECT).observations).toEqual([
      { key: 'vibe-training', value: 'on', via: 'page' },
    ]);
  });
});

// Where "Managed by your organization" sits: in the control's own row, however deep the control is, and never
// on the next row (lib/detect/controls.ts's `isLocked` once read only the grandparent, under 400 characters).
describe('"Managed by your organization" belongs to its own row', () => {
  const url = PAGES[0].url;
  const longDesc = '<p class="desc">' + 'Allow your interactions to be used to train our models. '.repeat(8) + '</p>';
  it('a switch that is a direct child of its row, with the words in that row, in a card of ordinary length: locked', () => {
    const row = (id: string, label: string, note: string) =>
      `<div class="row"><div><label for="${id}">${label}</label>${longDesc}${note}</div><button type="button" role="switch" id="${id}" aria-checked="true" data-state="checked"></button></div>`;
    const html =
      row('a', 'Model training', '<p>Managed by your organization</p>') +
      row('b', 'Public chat sharing', '<p>Managed by your organization</p>');
    const det = detectPage(parse(html, url), url, ADMIN_DETECT);
    expect(
      det.observations
        .filter((o) => o.locked)
        .map((o) => o.key)
        .sort(),
    ).toEqual(['public-sharing', 'vibe-training']);
  });
  it('the words on one row do not mark the other rows of a short card', () => {
    const html =
      '<div class="row"><div><label for="a">Model training</label><p>Managed by your organization</p></div><button type="button" role="switch" id="a" aria-checked="true"></button></div>' +
      '<div class="row"><div><label for="b">Public chat sharing</label></div><button type="button" role="switch" id="b" aria-checked="true"></button></div>';
    const det = detectPage(parse(`</form><form>${html}`, url), url, ADMIN_DETECT);
    expect(det.observations.filter((o) => o.locked).map((o) => o.key)).toEqual(['vibe-training']);
  });
});

// Where only the control's own name tells two controls apart (one row holding both, so the row search gives
// up as ambiguous): each way of naming a control must work by itself. Without these, dropping label[for] or
// wrapping-label naming from controls.ts passed every test, the row search finding the same control anyway.
describe('a row with two controls: each read by its own name', () => {
  const url = PAGES[1].url; // API privacy: api-training and labs-models
  const read = (html: string) =>
    Object.fromEntries(detectPage(parse(html, url), url, ADMIN_DETECT).observations.map((o) => [o.key, o.value]));
  it.each([
    [
      'label[for]',
      `<div class="row"><label for="a">Data usage for improving our services</label><label for="b">Enable Labs models</label><button role="switch" id="b" aria-checked="true"></button><button role="switch" id="a" aria-checked="false"></button></div>`,
    ],
    [
      'wrapping label',
      `<div class="row"><label>Enable Labs models <input type="checkbox" checked></label><label>Data usage for improving our services <input type="checkbox"></label></div>`,
    ],
    [
      'aria-labelledby',
      `<div class="row"><span id="x">Enable Labs models</span><span id="y">Data usage for improving our services</span><button role="switch" aria-labelledby="y" aria-checked="false"></button><button role="switch" aria-labelledby="x" aria-checked="true"></button></div>`,
    ],
    [
      'aria-label',
      `<div class="row"><button role="switch" aria-label="Enable Labs models" aria-checked="true"></button><button role="switch" aria-label="Data usage for improving our services" aria-checked="false"></button></div>`,
    ],
  ])('%s', (_how, html) => {
    expect(read(html)).toEqual({ 'api-training': 'off', 'labs-models': 'on' });
  });
});
