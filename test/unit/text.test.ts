// @vitest-environment node
/**
 * lib/detect/text.ts row by row: norm, textMatches/normMatches (exact, prefix with a separator, anywhere, the
 * 400-character cap) and ownText. Written for mutation testing: the file scored 41 % against the tests that
 * import it directly (rules, order, messages, detect-cost); the detectors' own tests reach it only through them.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { norm, normMatches, ownText, textMatches } from '@/lib/detect/text';

describe('norm', () => {
  it.each([
    ['Model Training', 'model training'],
    ['l’historique', "l'historique"],
    ['l‘x ʼy', "l'x 'y"],
    ['a\u00a0\u00a0b \n\t c', 'a b c'],
    ['Training:', 'training'],
    ['Training :  ', 'training'],
    ['Training…', 'training'],
    ['Required *', 'required'],
    ['a.b', 'a.b'],
    ['  padded  ', 'padded'],
    ['Cafe\u0301', 'café'],
    ['', ''],
  ])('%j → %j', (a, b) => expect(norm(a)).toBe(b));
});

describe('textMatches', () => {
  it.each([
    ['exact', 'Model training', ['model training'], true, false, true],
    ['exact, prefix off', 'Model training', ['model training'], false, false, true],
    ['prefix with a separator', 'Model training — Allow the use', ['model training'], true, false, true],
    ['prefix with a colon', 'Model training: on', ['model training'], true, false, true],
    ['prefix with a parenthesis', 'Model training (beta)', ['model training'], true, false, true],
    ['prefix without a separator', 'Model trainings', ['model training'], true, false, false],
    ['prefix, but prefix off', 'Model training — Allow', ['model training'], false, false, false],
    ['the label at the end only', 'Allow model training', ['model training'], true, false, false],
    ['anywhere', 'Allow model training now', ['model training'], true, true, true],
    ['anywhere off', 'Allow model training now', ['model training'], false, false, false],
    ['the second label', 'Entraînement', ['model training', 'entraînement'], true, false, true],
    ['empty text', '', ['model training'], true, true, false],
    ['no labels', 'Model training', [], true, true, false],
  ] as [string, string, string[], boolean, boolean, boolean][])('%s', (_n, text, labels, prefix, anywhere, want) => {
    expect(textMatches(text, labels, prefix, anywhere)).toBe(want);
  });
  it('defaults: prefix on, anywhere off', () => {
    expect(textMatches('Model training — x', ['model training'])).toBe(true);
    expect(textMatches('x model training', ['model training'])).toBe(false);
  });
  it('a text over 400 characters matches nothing (a block of prose is no label); 400 still does', () => {
    const at = (n: number) => 'model training ' + 'x'.repeat(n - 15);
    expect(at(400)).toHaveLength(400);
    expect(normMatches(at(400), ['model training'])).toBe(true);
    expect(normMatches(at(401), ['model training'])).toBe(false);
    expect(normMatches(at(401), ['model training'], true, true)).toBe(false);
  });
});

describe('ownText', () => {
  const el = (html: string) => {
    const w = new Window({ settings: { disableJavaScriptEvaluation: true } });
    w.document.write(`<!doctype html><body><div id="x">${html}</div></body>`);
    return w.document.getElementById('x') as unknown as Element;
  };
  it.each([
    ['text nodes', 'Model <!-- note -->training', 'Model training'],
    [
      'inline formatting counts',
      'Model <b>training</b> <em>now</em> <code>x</code> <small>y</small> <span>z</span>',
      'Model training now x y z',
    ],
    ['blocks do not', 'Model <div>training</div><p>para</p><label>lab</label>', 'Model '],
    ['a tag whose name only ends like an inline one does not', 'A<tbody></tbody><rb>ruby</rb>', 'A'],
    ['a tag whose name only starts like one does not', 'A<bdi>bidi</bdi><spacer>s</spacer>', 'A'],
    [
      'inline formatting holding a control does not',
      'Model <span>training <button>x</button></span><span><input>in</span>',
      'Model ',
    ],
    ['… nor holding an element with a role', 'Model <span><i role="switch">t</i></span>', 'Model '],
    ['empty', '', ''],
  ])('%s', (_n, html, want) => expect(ownText(el(html))).toBe(want));
});
