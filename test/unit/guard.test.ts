/**
 * What the in-page warnings recognise, over every replica fixture and over markups no fixture has: thumbs by
 * label (English, French), by icon, by position in an assistant turn's action bar; clearing a rating; the
 * public share choices; Labs models; and nothing at all on pages or buttons that are something else.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ALL_MATCHERS, matchGesture as match } from '@/lib/warnings/registry';

const matchGesture = (el: Element | null, surface: Parameters<typeof match>[1]) => match(el, surface, ALL_MATCHERS);
import { surfaceOf } from '@/lib/surfaces';

interface Entry {
  file: string;
  url: string;
  surface: string;
  variant: string;
}
const INDEX: Entry[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));

function parse(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

const chatPages = INDEX.filter((e) => e.surface === 'vibe-chat' && e.variant !== 'nomatch');

describe.each(chatPages)('$file', (entry) => {
  const doc = parse(readFileSync(`test/fixtures/${entry.file}`, 'utf8'), entry.url);
  const surface = surfaceOf(entry.url)!.id;
  const bars = Array.from(doc.querySelectorAll('[data-message-author-role="assistant"] .action-bar'));

  it('has action bars under assistant turns', () => expect(bars.length).toBeGreaterThan(0));

  it('recognises the first two buttons of every action bar as thumbs up and down', () => {
    for (const bar of bars) {
      const buttons = Array.from(bar.querySelectorAll('button'));
      const up = matchGesture(buttons[0].querySelector('svg path') ?? buttons[0], surface);
      const down = matchGesture(buttons[1], surface);
      expect(up?.kind).toBe('feedback');
      expect(up?.direction).toBe('like');
      expect(down?.kind).toBe('feedback');
      expect(down?.direction).toBe('dislike');
    }
  });

  it('leaves Copy, Rewrite and the other buttons of the page alone', () => {
    for (const bar of bars)
      for (const b of Array.from(bar.querySelectorAll('button')).slice(2)) expect(matchGesture(b, surface)).toBeNull();
    for (const b of Array.from(doc.querySelectorAll('button')).filter((b) => !b.closest('.action-bar'))) {
      const m = matchGesture(b, surface);
      // Only the "Add files" button may match (the attachment note), never a warning.
      if (m) expect(m.kind).toBe('attach');
    }
  });

  it('knows a thumb that is already active (clicking it clears the rating: not warned)', () => {
    const pressed = Array.from(doc.querySelectorAll('.action-bar button')).filter(
      (b) =>
        b.getAttribute('aria-pressed') === 'true' || b.querySelector('svg')?.getAttribute('fill') === 'currentColor',
    );
    for (const b of pressed) expect(matchGesture(b, surface)?.clearing).toBe(true);
    const idle = Array.from(doc.querySelectorAll('.action-bar'))
      .map((bar) => bar.querySelector('button')!)
      .filter((b) => !pressed.includes(b));
    for (const b of idle) expect(matchGesture(b, surface)?.clearing).toBe(false);
    // Most fixtures show no rated turn, so the loop over pressed thumbs above is empty there: press one idle
    // thumb of this page here (the page's own markup around it), and release it again.
    expect(idle.length).toBeGreaterThan(0);
    const thumb = idle[0];
    thumb.setAttribute('aria-pressed', 'true');
    expect(matchGesture(thumb, surface)?.clearing).toBe(true);
    thumb.setAttribute('aria-pressed', 'false');
    expect(matchGesture(thumb, surface)?.clearing).toBe(false);
  });

  it('recognises "Share by link" and the "Link accessible to anyone" switch in the share dialog', () => {
    const tpl = doc.querySelector('template#share-dialog-template') as HTMLTemplateElement | null;
    expect(tpl).not.toBeNull();
    doc.body.append(tpl!.content.cloneNode(true));
    const link = doc.querySelector('#share-link')!;
    expect(matchGesture(link, surface)?.kind).toBe('share-link');
    const sw = doc.querySelector('#share-public')!;
    sw.setAttribute('aria-checked', 'false');
    expect(matchGesture(sw, surface)).toMatchObject({ kind: 'share-public', clearing: false });
    sw.setAttribute('aria-checked', 'true');
    expect(matchGesture(sw, surface)).toMatchObject({ kind: 'share-public', clearing: true });
  });
});

describe('markups no fixture has', () => {
  const url = 'https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';
  const turn = (bar: string) =>
    `<div data-message-author-role="assistant"><div class="answer">Hi</div><div class="bar">${bar}</div></div>`;

  it('position alone: unlabelled icon buttons first and second in a bar that ends with Copy', () => {
    const doc = parse(
      turn(
        '<button><svg><circle/></svg></button><button><svg><circle/></svg></button><button aria-label="Copy"><svg><rect/></svg></button>',
      ),
      url,
    );
    const [a, b, c] = Array.from(doc.querySelectorAll('button'));
    expect(matchGesture(a, 'vibe-chat')).toMatchObject({ kind: 'feedback', direction: 'like', signals: ['position'] });
    expect(matchGesture(b, 'vibe-chat')).toMatchObject({ kind: 'feedback', direction: 'dislike' });
    expect(matchGesture(c, 'vibe-chat')).toBeNull();
  });

  it('role=button elements with French labels', () => {
    const doc = parse(
      turn(
        '<span role="button" aria-label="Bonne réponse"></span><span role="button" aria-label="Mauvaise réponse"></span><span role="button" aria-label="Copier"></span>',
      ),
      url,
    );
    const [a, b] = Array.from(doc.querySelectorAll('[role=button]'));
    expect(matchGesture(a, 'vibe-chat')?.direction).toBe('like');
    expect(matchGesture(b, 'vibe-chat')?.direction).toBe('dislike');
  });

  it('a thumbs icon outside an assistant turn (a user turn, the sidebar) is not feedback', () => {
    const doc = parse(
      '<div data-message-author-role="user"><button><svg class="lucide lucide-thumbs-up"><path d="M7 10v12"/></svg></button></div>',
      url,
    );
    expect(matchGesture(doc.querySelector('button'), 'vibe-chat')).toBeNull();
  });

  it('nothing is guarded on pages where the gesture does not apply', () => {
    const doc = parse(
      turn(
        '<button aria-label="Like"></button><button aria-label="Dislike"></button><button aria-label="Copy"></button>',
      ),
      'https://chat.mistral.ai/share/abc123',
    );
    expect(matchGesture(doc.querySelector('button'), 'vibe-share')).toBeNull();
    expect(matchGesture(doc.querySelector('button'), 'admin-vibe-privacy')).toBeNull();
  });

  it('Labs models on the API privacy fixture: the checkbox, by its label', () => {
    const e = INDEX.find((x) => x.file === 'admin-api-privacy.default.en.html')!;
    const doc = parse(readFileSync(`test/fixtures/${e.file}`, 'utf8'), e.url);
    expect(matchGesture(doc.querySelector('#labs-models'), 'admin-api-privacy')).toMatchObject({
      kind: 'labs',
      clearing: false,
    });
    for (const b of Array.from(doc.querySelectorAll('button')).filter((x) => x.id !== 'labs-models'))
      expect(matchGesture(b, 'admin-api-privacy')).toBeNull();
  });
});
