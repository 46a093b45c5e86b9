/**
 * The page rebuilt and read in the background (lib/offpage/rebuild.ts, read.ts): what their mutation run (Stryker,
 * 29 November 2026) found unchecked. The bounds exactly (depth, nodes, a long text's length), what a tree that is
 * not well formed is (refused whole), the live state set on HTML form controls only, an element name the browser
 * refuses, and a reading where no rules are in force (Chrome's offscreen document). The oracle is the tree
 * written out by hand and the contract in rebuild.ts's header. Equivalent mutants:
 * test/mutation-equivalents-background.md.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { rulesetFor } from '@/lib/detect/rules';
import { hasRules, useRuleset } from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS } from '@/lib/hosts';
import { LONG_TEXT, MAX_DEPTH, MAX_NODES, serializePage, type PageTree, type TreeElement } from '@/lib/page/serialize';
import { readTree } from '@/lib/offpage/read';
import { rebuild } from '@/lib/offpage/rebuild';

const SETTINGS = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };
/** Where the background rebuilds: a document of another window. */
const elsewhere = () => new Window({ settings: SETTINGS }).document.implementation as unknown as DOMImplementation;
const page = (...body: TreeElement['c'] & unknown[]): PageTree => ({
  v: 1,
  root: { t: 'html', c: [{ t: 'head' }, { t: 'body', c: body }] },
});

afterEach(() => useRuleset(rulesetFor(MISTRAL_HOSTS)));

/**
 * A stand-in document for the node count alone: the few calls rebuild() makes, nodes as plain objects (happy-dom
 * takes seconds for 300,000 nodes). The count and its bound are rebuild()'s own.
 */
const light = (): DOMImplementation => {
  const element = (t: string) => ({
    tagName: t.toUpperCase(),
    childNodes: [] as unknown[],
    setAttribute: () => undefined,
    appendChild(c: unknown) {
      this.childNodes.push(c);
      return c;
    },
  });
  return {
    createHTMLDocument: () => {
      const doc = {
        documentElement: element('html') as unknown,
        createElement: element,
        createElementNS: (_ns: string, t: string) => element(t),
        createTextNode: (data: string) => ({ data }),
        removeChild: () => void (doc.documentElement = null),
        appendChild: (el: unknown) => void (doc.documentElement = el),
      };
      return doc;
    },
  } as unknown as DOMImplementation;
};

describe('the bounds, exactly', () => {
  /** A chain of elements whose deepest one is `depth` levels below the document element. */
  const deep = (depth: number): PageTree => {
    let el: TreeElement = { t: 'i', c: ['deepest'] };
    for (let d = depth - 1; d > 0; d--) el = { t: 'div', c: [el] };
    return { v: 1, root: { t: 'html', c: [el] } };
  };

  it(`an element ${MAX_DEPTH} levels below the document element is rebuilt; one more level is refused`, () => {
    const doc = rebuild(elsewhere(), deep(MAX_DEPTH));
    expect(doc.querySelector('i')?.textContent).toBe('deepest');
    expect(() => rebuild(elsewhere(), deep(MAX_DEPTH + 1))).toThrow();
  });

  it(`${MAX_NODES} nodes are rebuilt, texts and elements alike; one more is refused`, () => {
    const texts = (n: number) => Array.from({ length: n }, () => 'x');
    // The document element counts as one node.
    const onlyTexts = (n: number): PageTree => ({ v: 1, root: { t: 'html', c: texts(n) } });
    expect(rebuild(light(), onlyTexts(MAX_NODES - 1)).documentElement.childNodes.length).toBe(MAX_NODES - 1);
    expect(() => rebuild(light(), onlyTexts(MAX_NODES))).toThrow();
    // The last node an element.
    const lastAnElement = (n: number): PageTree => ({ v: 1, root: { t: 'html', c: [...texts(n), { t: 'b' }] } });
    expect(rebuild(light(), lastAnElement(MAX_NODES - 2)).documentElement.childNodes.length).toBe(MAX_NODES - 1);
    expect(() => rebuild(light(), lastAnElement(MAX_NODES - 1))).toThrow();
  });

  it(`a long text's length: more than ${LONG_TEXT} characters and at most 10,000,000`, () => {
    expect(() => rebuild(elsewhere(), page({ t: 'p', c: [LONG_TEXT] }))).toThrow();
    expect(rebuild(elsewhere(), page({ t: 'p', c: [LONG_TEXT + 1] })).body.textContent).toHaveLength(LONG_TEXT + 1);
    expect(rebuild(elsewhere(), page({ t: 'p', c: [10_000_000] })).body.textContent).toHaveLength(10_000_000);
    expect(() => rebuild(elsewhere(), page({ t: 'p', c: [10_000_001] }))).toThrow();
  });
});

describe('a tree that is not well formed is refused whole', () => {
  it.each([
    ['an attribute list that is an object', { t: 'p', a: {} }],
    ['an attribute list that is an object with a length', { t: 'p', a: { length: 2, 0: 'role', 1: 'switch' } }],
    ['an attribute name that is null', { t: 'p', a: [null, 'x'] }],
    ['an attribute name that is a number', { t: 'p', a: [7, 'x'] }],
  ])('%s', (_name, el) => {
    expect(() => rebuild(elsewhere(), page(el as unknown as TreeElement))).toThrow();
    expect(
      readTree(elsewhere(), 'https://admin.mistral.ai/vibe/privacy', page(el as unknown as TreeElement)),
    ).toBeNull();
  });
});

describe('the live state, on HTML form controls only', () => {
  it('an input the tree gives no state keeps the one its attributes give', () => {
    const doc = rebuild(elsewhere(), page({ t: 'input', a: ['type', 'checkbox', 'checked', ''] }));
    expect((doc.querySelector('input') as HTMLInputElement).checked).toBe(true);
  });

  it('a state given to a non-input, or to an SVG element named INPUT, is not set', () => {
    const doc = rebuild(
      elsewhere(),
      page({ t: 'div', a: ['role', 'switch'], k: 1 }, { t: 'svg', n: 's', c: [{ t: 'INPUT', n: 's', k: 1 }] }),
    );
    expect((doc.querySelector('div') as unknown as { checked?: unknown }).checked).toBeUndefined();
    const svgInput = doc.querySelector('svg')!.firstElementChild as unknown as { checked?: unknown };
    expect(svgInput.checked).toBeUndefined();
  });

  it('a select the tree gives no selection keeps the one its attributes give', () => {
    const doc = rebuild(
      elsewhere(),
      page({
        t: 'select',
        c: [
          { t: 'option', c: ['A'] },
          { t: 'option', a: ['selected', ''], c: ['B'] },
        ],
      }),
    );
    expect((doc.querySelector('select') as HTMLSelectElement).value).toBe('B');
  });

  it('a selection given to a non-select is ignored', () => {
    const doc = rebuild(elsewhere(), page({ t: 'div', o: [0], c: ['text'] }));
    expect(doc.querySelector('div')?.textContent).toBe('text');
  });

  it('exactly the options the tree names are selected (a multiple select): none, or the first only', () => {
    const options = ['A', 'B', 'C'].map((x) => ({ t: 'option', c: [x] }));
    const selected = (o: unknown[]) => {
      const doc = rebuild(elsewhere(), page({ t: 'select', a: ['multiple', ''], o: o as number[], c: options }));
      return [...(doc.querySelector('select') as HTMLSelectElement).selectedOptions].map((x) => x.textContent);
    };
    expect(selected([])).toEqual([]);
    expect(selected([0])).toEqual(['A']);
    expect(selected([0, 2])).toEqual(['A', 'C']);
  });

  it('an index that is not a number, or names no option, selects nothing and refuses nothing', () => {
    const options = ['A', 'B'].map((x) => ({ t: 'option', c: [x] }));
    const selected = (o: unknown[]) => {
      const doc = rebuild(elsewhere(), page({ t: 'select', a: ['multiple', ''], o: o as number[], c: options }));
      return [...(doc.querySelector('select') as HTMLSelectElement).selectedOptions].map((x) => x.textContent);
    };
    expect(selected(['1'])).toEqual([]);
    expect(selected([5, 1])).toEqual(['B']);
  });
});

describe('an element name the browser refuses (the HTML parser took it, createElement does not)', () => {
  /** happy-dom's documents, whose createElement / createElementNS refuse what a browser refuses (not a name). */
  const strict = (): DOMImplementation => {
    const impl = elsewhere();
    const name = /^[A-Za-z][\w.-]*$/;
    return {
      createHTMLDocument: (title?: string) => {
        const doc = impl.createHTMLDocument(title);
        const create = doc.createElement.bind(doc);
        const createNS = doc.createElementNS.bind(doc);
        doc.createElement = ((n: string) => {
          if (!name.test(n)) throw new DOMException(`"${n}" is not a valid name`, 'InvalidCharacterError');
          return create(n);
        }) as typeof doc.createElement;
        doc.createElementNS = ((ns: string, n: string) => {
          if (!name.test(n)) throw new DOMException(`"${n}" is not a valid name`, 'InvalidCharacterError');
          return createNS(ns, n);
        }) as typeof doc.createElementNS;
        return doc;
      },
    } as unknown as DOMImplementation;
  };

  it('kept as an unknown element, with its attributes and children; in SVG too', () => {
    const doc = rebuild(
      strict(),
      page(
        { t: 'a@b', a: ['role', 'switch'], c: ['Model training'] },
        { t: 'svg', n: 's', c: [{ t: 'g@h', n: 's', c: [{ t: 'title', n: 's', c: ['icon'] }] }] },
      ),
    );
    const el = doc.body.firstElementChild!;
    expect(el.localName).toBe('windsock-unknown');
    expect(el.getAttribute('role')).toBe('switch');
    expect(el.textContent).toBe('Model training');
    const inSvg = doc.querySelector('svg')!.firstElementChild!;
    expect(inSvg.localName).toBe('windsock-unknown');
    expect(inSvg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(inSvg.textContent).toBe('icon');
  });
});

describe('a reading where no rules are in force (Chrome’s offscreen document sets none)', () => {
  it('the page is read with its host’s rules all the same, and none are in force after', () => {
    const url = 'https://chat.mistral.ai/chat/6f0c2f77-1bf3-4d68-b9ab-cb41900fdbb6';
    const win = new Window({ url, settings: SETTINGS });
    win.document.write(readFileSync('test/fixtures/vibe-chat.pro.en.html', 'utf8'));
    const tree = JSON.parse(JSON.stringify(serializePage(win.document as unknown as Document))) as PageTree;
    useRuleset(null);
    expect(hasRules()).toBe(false);
    const det = readTree(elsewhere(), url, tree);
    expect(det?.surface).toBe('vibe-chat');
    expect(hasRules()).toBe(false);
  });
});
