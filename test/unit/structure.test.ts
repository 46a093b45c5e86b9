// @vitest-environment node
/**
 * Where labels do not tie a control to its name, structure decides: a switch inside the card whose heading names
 * the control is that control's; a card with two switches says nothing (unknown, never a guess between them).
 * Labels in every supported language; help text and "training" switches that mean something else are never read.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';

const URL_ = 'https://admin.mistral.ai/vibe/privacy';
function read(html: string, url = URL_) {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  win.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return Object.fromEntries(
    detectPage(win.document as unknown as Document, url, ADMIN_DETECT).observations.map((o) => [o.key, o.value]),
  );
}
const sw = (on: boolean) =>
  `<button type="button" role="switch" aria-checked="${on}" data-state="${on ? 'checked' : 'unchecked'}"></button>`;

describe('structure decides where labels fail', () => {
  it('a switch inside the card whose heading names the control', () => {
    expect(
      read(
        `<section class="x1"><div class="x2"><h3>Model training</h3><p>Allow your interactions to be used to train our models.</p></div><div class="x3"><div>${sw(false)}</div></div></section>`,
      ),
    ).toMatchObject({ 'vibe-training': 'off' });
  });

  it('the same card in German, Polish and Arabic', () => {
    expect(read(`<section><h3>Modelltraining</h3><div><div>${sw(true)}</div></div></section>`)).toMatchObject({
      'vibe-training': 'on',
    });
    expect(read(`<section><h3>Trenowanie modeli</h3><div>${sw(false)}</div></section>`)).toMatchObject({
      'vibe-training': 'off',
    });
    expect(read(`<section dir="rtl"><h3>تدريب النماذج</h3><div>${sw(false)}</div></section>`)).toMatchObject({
      'vibe-training': 'off',
    });
  });

  it('a card holding two switches says nothing about either', () => {
    expect(
      read(`<section><h3>Model training</h3><div>${sw(false)}${sw(true)}</div></section>`)['vibe-training'],
    ).toBeUndefined();
  });

  it('help text that mentions the toggle, and switches about "training" that mean something else, are never read', () => {
    const r =
      read(`<aside role="complementary"><h2>Help</h2><p>To stop training on your chats, switch off Model training on the Privacy page.</p></aside>
      <div><span id="a">Show training tips</span>${sw(false).replace('<button', '<button aria-labelledby="a"')}</div>
      <div><span id="b">Onboarding training for new members</span>${sw(true).replace('<button', '<button aria-labelledby="b"')}</div>`);
    expect(r['vibe-training']).toBeUndefined();
  });

  it('a plan table is not a plan; a label/value pair is', () => {
    expect(
      read(`<table><tr><th>Plan</th><td>Free</td><td>Pro</td><td>Team</td></tr></table>`)['plan:vibe'],
    ).toBeUndefined();
    expect(read(`<main><dl><dt>Plan</dt><dd>Team</dd></dl></main>`)['plan:vibe']).toBe('team');
    expect(read(`<main><p>Votre offre : Pro</p></main>`)['plan:vibe']).toBe('pro');
    expect(read(`<main><p>Current plan: Free mode</p></main>`)['plan:api']).toBe('free');
  });

  it("two organizations in a switcher: only the active one's badge counts; none marked active, no plan", () => {
    const list = (active: number) =>
      `<div role="listbox">${['Team', 'Free'].map((p, i) => `<div role="option" aria-selected="${i === active}"><span>Org ${i}</span><span>${p}</span></div>`).join('')}</div>`;
    expect(read(list(0))['plan:vibe']).toBe('team');
    expect(read(list(1))['plan:vibe']).toBe('free');
    expect(read(list(-1))['plan:vibe']).toBeUndefined();
  });

  it('a "Team" navigation link or an "Upgrade to Team" button is not a plan badge', () => {
    expect(
      read(
        `<nav><a href="/organization/members">Team</a></nav><header><button aria-haspopup="menu"><span>Acme</span> <span>Upgrade to Team</span></button></header>`,
      )['plan:vibe'],
    ).toBeUndefined();
    expect(
      read(
        `<header><button aria-haspopup="menu"><span>Acme</span> <span>Upgrade to <b>Team</b></span></button></header>`,
      )['plan:vibe'],
    ).toBeUndefined();
    expect(
      read(`<header><a href="/upgrade/plans"><span>Acme</span> <span>Pro</span></a></header>`)['plan:vibe'],
    ).toBeUndefined();
  });
});
