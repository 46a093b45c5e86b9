// @vitest-environment node
/**
 * Behaviour tests written against the mutants of lib/detect/controls.ts that survived the fourth session's run
 * (issue 14; the list and the equivalent ones: test/mutation-equivalents.md, "lib/detect/controls.ts"). Black box:
 * an Admin Panel page in, what Windsock reads out of it (detectPage with the Admin Panel's kit). Each page is built
 * and read inside its test, so that Stryker sees which test reaches which line.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';

const VIBE = 'https://admin.mistral.ai/vibe/privacy';
const API = 'https://admin.mistral.ai/plateforme/privacy';
const settings = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };

/** What Windsock reads on an English Admin Panel page: each control's value, " locked" when managed. */
function read(body: string, url = VIBE): Record<string, string> {
  const win = new Window({ url, settings });
  win.document.write(`<!doctype html><html lang="en"><body><main>${body}</main></body></html>`);
  const det = detectPage(win.document as unknown as Document, url, ADMIN_DETECT);
  return Object.fromEntries(
    det.observations
      .filter((o) => !o.key.startsWith('plan:'))
      .map((o) => [o.key, `${o.value}${o.locked ? ' locked' : ''}`]),
  );
}

describe('controls.ts: only a switch or a checkbox says checked', () => {
  it('a combobox named "Model training" with aria-checked="false" is no switch: never a false "off"', () => {
    const html = `<button type="button" role="combobox" aria-checked="false" aria-label="Model training">Choose</button>`;
    expect(read(html)).toEqual({});
  });

  it('a combobox in the ZDR row with aria-checked="true" says nothing: never a false "on"', () => {
    const html = `<div><span>Zero data retention</span><button type="button" role="combobox" aria-checked="true" data-state="checked">Choose</button></div>`;
    expect(read(html, API)).toEqual({});
  });
});

describe('controls.ts: "managed by your organization" belongs to the control’s row, not to a page of help', () => {
  it('the only switch of a long help page: the words 4,000 characters down are not its row’s', () => {
    const help = '<p>' + 'Your chats help us make the models better for everyone. '.repeat(75) + '</p>';
    const tail = '<p>Settings managed by your organization are shown greyed out.</p>';
    const html = (before: string) =>
      `<section><div><span>Model training</span><button type="button" role="switch" aria-checked="true"></button></div>${before}${tail}</section>`;
    expect(read(html(help))).toEqual({ 'vibe-training': 'on' });
    // The same words right under the switch: managed.
    expect(read(html(''))).toEqual({ 'vibe-training': 'on locked' });
  });
});

describe('controls.ts: a status word in a sentence is no status; a badge beside a description is', () => {
  it('a word emphasised in running text under the ZDR heading: unknown, never a false "on"', () => {
    const under = (p: string) => read(`<div><h3>Zero data retention</h3><p>${p}</p></div>`, API);
    expect(under('It can be <b>enabled</b> by our support team on request.')).toEqual({});
    expect(under('Not available on your plan. Once <strong>approved</strong>, it shows here.')).toEqual({});
    expect(under('<span>Can be</span> <b>enabled</b> <span>by our support team on request.</span>')).toEqual({});
    expect(under('Ask us: <b>active</b>')).toEqual({});
  });

  it('a badge in a card beside a description or a button keeps its word, whatever the description’s length', () => {
    const card = (inner: string) =>
      read(`<div class="row"><div>Zero data retention</div><div class="card">${inner}</div></div>`, API);
    expect(card('<span>Active</span><p>Prompts and outputs are not stored after processing.</p>')).toEqual({
      zdr: 'on',
    });
    expect(card('<span>Active</span><p>Not stored.</p>')).toEqual({ zdr: 'on' });
    expect(card('<div><span>Not enabled</span></div><button type="button">Request</button>')).toEqual({ zdr: 'off' });
    // Beside an inline text of its own, the badge is read with it: "active until 3 may" is no status.
    expect(card('<span>Active</span><span>until 3 May</span>')).toEqual({});
  });
});

describe('controls.ts: the words around a status, however the badge is built', () => {
  const badge = (inner: string) =>
    read(`<div><span>Zero data retention</span><div class="badge">${inner}</div></div>`, API);

  it('"Not" and "enabled" in two blocks beside an icon are "not enabled", never "enabled"', () => {
    expect(badge('<svg></svg><div>Not</div> <div>enabled</div>')).toEqual({ zdr: 'off' });
    expect(badge('<svg></svg><p>Pas</p> <p>activé</p>')).toEqual({ zdr: 'off' });
  });

  it('a status between icons is read, however many icons', () => {
    expect(badge('<svg></svg>Not enabled<svg></svg>')).toEqual({ zdr: 'off' });
    expect(badge('<svg></svg>Active<svg></svg>')).toEqual({ zdr: 'on' });
    expect(badge('<svg></svg><svg></svg>Not enabled<svg></svg>')).toEqual({ zdr: 'off' });
    expect(badge('<i></i>Active<i></i><i></i><i></i>')).toEqual({ zdr: 'on' });
  });

  it('a status word wrapped in an element of no status (em, a) is still read with the words beside the wrapper', () => {
    expect(badge('<em><span>Enabled</span></em> <span>soon</span>')).toEqual({});
    expect(badge('<a href="/zdr"><span>Enabled</span></a> <span>on request</span>')).toEqual({});
    expect(badge('<em><span>Enabled</span></em>')).toEqual({ zdr: 'on' });
  });

  it('a badge inside the ZDR heading, with a link after it: the badge’s word', () => {
    const html = `<div><h3>Zero data retention <span class="badge">Active</span> <a href="/docs">Learn more</a></h3></div>`;
    expect(read(html, API)).toEqual({ zdr: 'on' });
  });
});
