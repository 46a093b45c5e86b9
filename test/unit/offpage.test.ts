/**
 * Reading a page off the page (issue 13): the page a reading content script serializes (lib/page/serialize.ts),
 * through JSON as a runtime message carries it, rebuilt in another document (lib/offpage/rebuild.ts) and read there
 * with its host's detectors and rules (lib/offpage/read.ts), must give exactly what `detectPage` gives on the live
 * page with the same kit and rules — the oracle — on every replica fixture and on every metamorphic mutant of each
 * (test/mutate.ts); live state the attributes do not say (a checkbox's `checked`, a select's selection) included.
 * Never serialized: the composer's draft, a textarea's text, a text field's value. Bounded: over the cap, long
 * texts go first (replaced by their length) and the reading stands; a page that still does not fit is not sent.
 * A tree that is not one is read as nothing, never a guess.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectPage, type DetectKit, type PageDetection } from '@/lib/detect';
import { rulesetFor } from '@/lib/detect/rules';
import { rules, useRuleset } from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS, type MistralHost } from '@/lib/hosts';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { STUDIO_DETECT } from '@/lib/page/kit-studio';
import { LONG_TEXT, MAX_CHARS, MAX_DEPTH, serializePage, type PageTree, type TreeElement } from '@/lib/page/serialize';
import { readTree } from '@/lib/offpage/read';
import { rebuild } from '@/lib/offpage/rebuild';
import { MUTATIONS, prng, tagElements } from '../mutate';

const INDEX: { file: string; url: string }[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const KITS: Record<MistralHost, DetectKit> = {
  'chat.mistral.ai': CHAT_DETECT,
  'admin.mistral.ai': ADMIN_DETECT,
  'console.mistral.ai': STUDIO_DETECT,
};
const FULL = rulesetFor(MISTRAL_HOSTS);
afterEach(() => useRuleset(FULL));

const SETTINGS = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };
const parse = (html: string, url: string) => {
  const win = new Window({ url, settings: SETTINGS });
  win.document.write(html);
  return win.document as unknown as Document;
};
/** Where the background rebuilds: a document of another window. */
const elsewhere = () => new Window({ settings: SETTINGS }).document.implementation as unknown as DOMImplementation;

/** What the page's own content script used to read: its host's rules, its host's kit, the live document. */
function live(doc: Document, url: string): PageDetection {
  const host = new URL(url).hostname as MistralHost;
  useRuleset(rulesetFor([host]));
  try {
    return detectPage(doc, url, KITS[host]);
  } finally {
    useRuleset(FULL);
  }
}
/** What the background reads now: the serialized page, through JSON, rebuilt elsewhere. */
function offpage(doc: Document, url: string): PageDetection | null {
  const tree = serializePage(doc);
  if (!tree) return null;
  return readTree(elsewhere(), url, JSON.parse(JSON.stringify(tree)) as PageTree);
}

describe('the rebuilt page reads as the live one (the oracle: detectPage on the live page)', () => {
  // Every fixture on a Mistral page (the one on another site, none.example, is never sent: no content script there).
  it.each(INDEX.filter((e) => e.url.includes('.mistral.ai/')).map((e) => [e.file, e.url]))('%s', (file, url) => {
    const doc = parse(readFileSync(`test/fixtures/${file}`, 'utf8'), url);
    const want = live(doc, url);
    expect(want.surface).not.toBeNull();
    expect(offpage(doc, url)).toEqual(want);
  });

  // Each mutation on every third fixture (a different third for each): every fixture is rewritten seven ways.
  it.each(Object.keys(MUTATIONS).map((name, i) => [name, i] as const))(
    'fixtures rewritten by %s (test/mutate.ts)',
    (name, i) => {
      let read = 0;
      for (const e of INDEX.filter((_e, j) => (i + j) % 3 === 0)) {
        const doc = parse(readFileSync(`test/fixtures/${e.file}`, 'utf8'), e.url);
        tagElements(doc);
        MUTATIONS[name](doc, prng(e.file.length * 7919 + name.length));
        const want = live(doc, e.url);
        if (!want.surface) continue; // Not a page Windsock reads: its content script sends nothing.
        expect(offpage(doc, e.url), e.file).toEqual(want);
        read += want.observations.length;
      }
      expect(read).toBeGreaterThan(0);
    },
  );

  it('the rules in force are those they were, after a reading (the background reads account data with all hosts’)', () => {
    const doc = parse(readFileSync('test/fixtures/admin-vibe-privacy.switch.en.html', 'utf8'), INDEX[0].url);
    useRuleset(FULL);
    expect(offpage(doc, 'https://admin.mistral.ai/vibe/privacy')?.observations.length).toBeGreaterThan(0);
    expect(rules()).toBe(FULL);
  });
});

const PRIVACY = 'https://admin.mistral.ai/vibe/privacy';
const privacyPage = () => parse(readFileSync('test/fixtures/admin-vibe-privacy.checkbox.en.html', 'utf8'), PRIVACY);
const obs = (d: PageDetection | null) => Object.fromEntries((d?.observations ?? []).map((o) => [o.key, o.value]));

describe('live state: what the properties say, not the attributes', () => {
  it('a checkbox the user unticked (its `checked` attribute still there) reads off, as on the live page', () => {
    const doc = privacyPage();
    const boxes = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    expect(boxes.length).toBeGreaterThan(0);
    const before = obs(live(doc, PRIVACY));
    for (const b of boxes) {
      b.setAttribute('checked', '');
      b.checked = false;
    }
    const want = live(doc, PRIVACY);
    expect(obs(want)).not.toEqual(before);
    expect(Object.values(obs(want))).toContain('off');
    expect(offpage(doc, PRIVACY)).toEqual(want);
    // And ticked with no attribute.
    for (const b of boxes) {
      b.removeAttribute('checked');
      b.checked = true;
    }
    const on = live(doc, PRIVACY);
    expect(Object.values(obs(on))).toContain('on');
    expect(offpage(doc, PRIVACY)).toEqual(on);
  });

  it('a select whose choice changed (selected by property, not attribute), and one with nothing selected', () => {
    const doc = parse(readFileSync('test/fixtures/admin-vibe-privacy.switch.en.html', 'utf8'), PRIVACY);
    const sel = doc.querySelector('select');
    expect(sel).not.toBeNull();
    const base = live(doc, PRIVACY);
    for (let i = 0; i < sel!.options.length; i++) {
      sel!.selectedIndex = i;
      const want = live(doc, PRIVACY);
      expect(offpage(doc, PRIVACY)).toEqual(want);
    }
    sel!.selectedIndex = -1;
    const none = live(doc, PRIVACY);
    expect(offpage(doc, PRIVACY)).toEqual(none);
    expect(base.observations.length).toBeGreaterThan(0);
  });

  it('the tree carries the state as data, the rebuilt elements answer `.checked`, `selectedOptions`, `.value`', () => {
    const doc = parse(
      '<html lang="fr" dir="ltr"><body><input type="checkbox" id="a" checked><input type="radio" name="r" id="b"><select id="s"><option value="x">X</option><option value="y" selected>Y</option></select><svg viewBox="0 0 1 1"><path d="M0 0L1 1"/><title>t</title></svg></body></html>',
      PRIVACY,
    );
    (doc.getElementById('a') as HTMLInputElement).checked = false;
    (doc.getElementById('b') as HTMLInputElement).checked = true;
    (doc.getElementById('s') as HTMLSelectElement).selectedIndex = 0;
    const tree = JSON.parse(JSON.stringify(serializePage(doc))) as PageTree;
    const re = rebuild(elsewhere(), tree);
    expect(re.documentElement.getAttribute('lang')).toBe('fr');
    expect(re.documentElement.getAttribute('dir')).toBe('ltr');
    expect((re.getElementById('a') as HTMLInputElement).checked).toBe(false);
    expect(re.getElementById('a')!.hasAttribute('checked')).toBe(true);
    expect((re.getElementById('b') as HTMLInputElement).checked).toBe(true);
    const s = re.getElementById('s') as HTMLSelectElement;
    expect(s.value).toBe('x');
    expect(s.selectedOptions[0].textContent).toBe('X');
    const path = re.querySelector('path')!;
    expect(path.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(path.hasAttribute('d')).toBe(false);
    expect(re.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1 1');
  });
});

describe('privacy: never serialized', () => {
  const SECRET = 'Ma carte 4970 1012 3456 7890, camille.martin@example.fr';
  const CHAT = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';

  it("the composer's draft (contenteditable, ProseMirror), a textarea's text and value, text fields' values", () => {
    const doc = parse(readFileSync('test/fixtures/vibe-chat.free.en.html', 'utf8'), CHAT);
    const want = live(doc, CHAT);
    const form = doc.createElement('form');
    form.innerHTML = `<div contenteditable="true" class="ProseMirror" role="textbox"><p>${SECRET}</p><p><b>${SECRET}</b></p></div><div contenteditable="plaintext-only">${SECRET}</div><div contenteditable=""><span>${SECRET}</span></div><textarea name="m">${SECRET}</textarea><input type="text" value="${SECRET}"><input type="email" value="${SECRET}"><input type="password" value="${SECRET}"><input type="hidden" value="${SECRET}"><input type="search">`;
    doc.body.appendChild(form);
    (form.querySelector('textarea') as HTMLTextAreaElement).value = SECRET;
    (form.querySelector('input[type="search"]') as HTMLInputElement).value = SECRET;
    const json = JSON.stringify(serializePage(doc));
    for (const part of ['4970', 'camille', 'Ma carte']) expect(json).not.toContain(part);
    // The fields themselves stay (a detector sees a form field there), empty.
    const re = rebuild(elsewhere(), JSON.parse(json) as PageTree);
    const added = re.body.lastElementChild!;
    expect(added.tagName).toBe('FORM');
    expect(added.querySelectorAll('[contenteditable]').length).toBe(3);
    expect(Array.from(added.querySelectorAll('[contenteditable]')).map((e) => e.textContent)).toEqual(['', '', '']);
    expect(added.querySelector('textarea')!.textContent).toBe('');
    expect(added.querySelectorAll('input').length).toBe(5);
    // And the page reads the same as before the form was added.
    expect(offpage(doc, CHAT)).toEqual(want);
  });

  it('a contenteditable="false" element is no draft: its text is kept', () => {
    const doc = parse('<html><body><div contenteditable="false">Model training</div></body></html>', PRIVACY);
    expect(JSON.stringify(serializePage(doc))).toContain('Model training');
  });

  it('the value of a checkbox, radio, number or range input is kept (no one types it)', () => {
    const doc = parse(
      '<html><body><input type="checkbox" value="c1"><input type="radio" value="r1"><input type="number" value="3"><input type="range" value="7"></body></html>',
      PRIVACY,
    );
    const json = JSON.stringify(serializePage(doc));
    for (const v of ['"c1"', '"r1"', '"3"', '"7"']) expect(json).toContain(v);
  });

  it('no script, style, src, srcset, style attribute or event handler', () => {
    const doc = parse(
      '<html><head><style>.x{color:red}</style><script>var token="s3cr3t"</script></head><body onload="steal()"><img src="https://x.test/a.png" srcset="b.png 2x" style="color:red" alt="Pro"><noscript>nojs</noscript><template><p>tpl</p></template></body></html>',
      PRIVACY,
    );
    const json = JSON.stringify(serializePage(doc));
    for (const v of ['color:red', 's3cr3t', 'steal', 'x.test', 'b.png', 'nojs', 'tpl']) expect(json).not.toContain(v);
    expect(json).toContain('"alt","Pro"');
  });
});

describe('the cap', () => {
  it(`over ${MAX_CHARS} characters: the longest texts are replaced by their length, and the reading stands`, () => {
    const doc = privacyPage();
    const want = live(doc, PRIVACY);
    const log = doc.createElement('section');
    for (let i = 0; i < 30; i++) {
      const p = doc.createElement('p');
      p.textContent = `${i} `.repeat(40_000); // 80,000+ characters each, 2.4 MB in all
      log.appendChild(p);
    }
    doc.body.appendChild(log);
    const tree = serializePage(doc)!;
    expect(tree).not.toBeNull();
    const json = JSON.stringify(tree);
    expect(json.length).toBeLessThan(MAX_CHARS + 200_000);
    const re = rebuild(elsewhere(), JSON.parse(json) as PageTree);
    // Each replaced text is as long as it was (the detectors' length checks hold), its words gone.
    const texts = Array.from(re.querySelectorAll('section p')).map((p) => p.textContent ?? '');
    expect(texts.map((t) => t.length)).toEqual(Array.from(log.children).map((p) => p.textContent!.length));
    expect(texts.some((t) => /^x+$/.test(t))).toBe(true);
    expect(offpage(doc, PRIVACY)).toEqual({ ...want });
  });

  it('a page still over the cap once its long texts are gone is not serialized (nothing read)', () => {
    const doc = privacyPage();
    const many = doc.createElement('div');
    const short = 'y'.repeat(LONG_TEXT);
    many.innerHTML = `<span>${short}</span>`.repeat(Math.ceil(MAX_CHARS / LONG_TEXT) + 10);
    doc.body.appendChild(many);
    expect(serializePage(doc)).toBeNull();
  });

  it('a page nested deeper than the bound is not serialized', () => {
    const doc = privacyPage();
    let el = doc.body;
    for (let i = 0; i < 600; i++) el = el.appendChild(doc.createElement('div'));
    expect(serializePage(doc)).toBeNull();
  });
});

describe('a tree that is not one is read as nothing', () => {
  const good = () => serializePage(privacyPage())!;
  it.each([
    ['null', null],
    ['a string', '<html>'],
    ['another version', { ...good(), v: 2 }],
    ['no root', { v: 1 }],
    ['a root with no tag', { v: 1, root: { c: [] } }],
    ['odd attributes', { v: 1, root: { t: 'html', a: ['lang'] } }],
    ['a non-string attribute', { v: 1, root: { t: 'html', a: ['lang', 3] } }],
    ['children not a list', { v: 1, root: { t: 'html', c: 'x' } }],
    ['a bad namespace', { v: 1, root: { t: 'html', n: 'x' } }],
    ['a short text as a length', { v: 1, root: { t: 'html', c: [12] } }],
    ['a huge length', { v: 1, root: { t: 'html', c: [1e9] } }],
    ['a selection not a list', { v: 1, root: { t: 'html', c: [{ t: 'select', o: 'all' }] } }],
  ])('%s', (_name, tree) => {
    expect(readTree(elsewhere(), PRIVACY, tree as unknown as PageTree)).toBeNull();
  });

  it('a host Windsock does not read, or no URL, is read as nothing', () => {
    expect(readTree(elsewhere(), 'https://example.com/vibe/privacy', good())).toBeNull();
    expect(readTree(elsewhere(), 'not a url', good())).toBeNull();
  });

  it('an odd element or attribute name (which createElement / setAttribute may refuse) loses nothing else', () => {
    const re = rebuild(elsewhere(), {
      v: 1,
      root: {
        t: 'html',
        c: [{ t: 'body', c: [{ t: 'a b', a: ['@click', 'x', 'role', 'switch'], c: ['Model training'] }] }],
      },
    });
    const el = re.body.firstElementChild!;
    expect(el.getAttribute('role')).toBe('switch');
    expect(el.textContent).toBe('Model training');
  });
});

describe('the tree, exactly', () => {
  const tree = (html: string) => serializePage(parse(html, PRIVACY))!;
  const body = (html: string) => (tree(`<html><head></head><body>${html}</body></html>`).root.c![1] as TreeElement).c;

  it('no attribute list where none is kept; no state on other inputs; a select’s selection as its indices', () => {
    expect(body('<div style="color:red" onclick="x()"></div><p></p>')).toEqual([{ t: 'div' }, { t: 'p' }]);
    expect(body('<input type="text" aria-label="Name" name="n" value="secret">')).toEqual([
      { t: 'input', a: ['type', 'text', 'aria-label', 'Name', 'name', 'n'] },
    ]);
    expect(body('<select><option>a</option><option selected>b</option></select>')).toEqual([
      {
        t: 'select',
        o: [1],
        c: [
          { t: 'option', c: ['a'] },
          { t: 'option', a: ['selected', ''], c: ['b'] },
        ],
      },
    ]);
  });

  it('`d` and `points` are dropped on SVG elements only; MathML keeps its namespace', () => {
    expect(body('<div d="1" points="2"></div>')).toEqual([{ t: 'div', a: ['d', '1', 'points', '2'] }]);
    expect(body('<svg><polyline points="0,0 1,1"/></svg>')).toEqual([
      { t: 'svg', n: 's', c: [{ t: 'polyline', n: 's' }] },
    ]);
    // (happy-dom's parser leaves <math> in the HTML namespace: made by hand.)
    const doc = parse('<html><head></head><body></body></html>', PRIVACY);
    const M = 'http://www.w3.org/1998/Math/MathML';
    doc.body.appendChild(doc.createElementNS(M, 'math')).appendChild(doc.createElementNS(M, 'mi')).textContent = 'x';
    const t = serializePage(doc)!;
    expect((t.root.c![1] as TreeElement).c).toEqual([{ t: 'math', n: 'm', c: [{ t: 'mi', n: 'm', c: ['x'] }] }]);
    expect(rebuild(elsewhere(), t).querySelector('mi')!.namespaceURI).toBe(M);
  });

  it('no comment', () => {
    expect(JSON.stringify(tree('<html><body><!-- a comment --><p>x</p></body></html>'))).not.toContain('comment');
  });

  it('a document with no element is no page', () => {
    const doc = parse('<html><body></body></html>', PRIVACY);
    doc.removeChild(doc.documentElement);
    expect(serializePage(doc)).toBeNull();
  });
});

describe('the bounds, exactly', () => {
  /** An empty document: html, head, body — three nodes, no character. */
  const empty = () => parse('<html><head></head><body></body></html>', PRIVACY);

  it(`${MAX_DEPTH} levels below the document element are kept; one more is not`, () => {
    const doc = empty();
    let el: Element = doc.body; // depth 1
    for (let d = 2; d <= MAX_DEPTH; d++) el = el.appendChild(doc.createElement('div'));
    expect(serializePage(doc)).not.toBeNull();
    el.appendChild(doc.createElement('div'));
    expect(serializePage(doc)).toBeNull();
  });

  it('attribute values count toward the cap', () => {
    const doc = empty();
    const v = 'a'.repeat(100_000);
    for (let i = 0; i < 21; i++) doc.body.appendChild(doc.createElement('i')).setAttribute('title', v);
    expect(serializePage(doc)).toBeNull();
  });

  it('over the cap: the longest texts first, and only until the page fits (exactly the cap fits)', () => {
    const doc = empty();
    const add = (n: number) =>
      doc.body.appendChild(doc.createElement('span')).appendChild(doc.createTextNode('z'.repeat(n)));
    add(400); // a long text, shorter than the one below: kept
    for (let i = 0; i < 6665; i++) add(LONG_TEXT);
    add(100); // 400 + 6665 × 300 + 100 = the cap exactly
    add(1000); // the longest: replaced by its length, and that is enough
    const t = serializePage(doc)!;
    expect(t).not.toBeNull();
    const texts = (t.root.c![1] as TreeElement).c!.map((s) => (s as TreeElement).c![0]);
    expect(texts[0]).toBe('z'.repeat(400));
    expect(texts[texts.length - 1]).toBe(1000);
    expect(texts.filter((x) => typeof x === 'number')).toEqual([1000]);
    // One character more and the 400 goes too.
    add(1);
    const t2 = serializePage(doc)!;
    expect(
      (t2.root.c![1] as TreeElement).c!.map((s) => (s as TreeElement).c![0]).filter((x) => typeof x === 'number'),
    ).toEqual([400, 1000]);
  });
});
