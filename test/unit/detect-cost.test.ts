/**
 * Control detection is linear in the page (issue 11, attack 7). Not a timed test (the figure is in
 * `npm run bench`, scripts/bench-controls.ts): a complexity proxy. One pass walks the page a fixed number of
 * times and computes each control's accessible name once, whatever the number of rules and labels; before,
 * every control scanned every `label[for]` of the page, for every rule (2,000 checkboxes: 2.6 s).
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { controlStats, readControls } from '@/lib/detect/controls';
import { ADMIN_CONTROL_ORDER, ADMIN_CONTROL_RULES } from '@/lib/detect/rules';
import { readByOrder } from '@/lib/detect/order';
import { hostilePrivacyPage } from '../../scripts/bench-controls';

function doc(html: string): Document {
  const win = new Window({
    url: 'https://admin.mistral.ai/vibe/privacy',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

describe('control detection cost', () => {
  const rules = ADMIN_CONTROL_RULES['admin-vibe-privacy']!;

  it.each([100, 400, 1600])(
    '%i labelled checkboxes: 3 page scans, one name per control, and the real toggles still read',
    (n) => {
      const d = doc(hostilePrivacyPage(n));
      controlStats.documentScans = 0;
      controlStats.nameLookups = 0;
      const read = readControls(d, rules);
      expect(read.map((r) => `${r.control}=${r.value}`).sort()).toEqual([
        'chat-retention=90d',
        'feedback=on',
        'public-sharing=on',
        'vibe-training=off',
      ]);
      expect(controlStats.documentScans).toBe(3);
      // Every control (n checkboxes, 3 switches, 1 select) named exactly once, for all four rules together.
      expect(controlStats.nameLookups).toBe(n + 4);
    },
  );

  it.each([100, 400, 1600])(
    '%i checkboxes with labels in a language Windsock lacks: the reading by order reuses the page index (3 indexing scans, one name per control; it only adds a look for the main region), and reads nothing',
    (n) => {
      const rows = Array.from(
        { length: n },
        (_, i) =>
          `<div class="row"><label for="c${i}">設定 ${i}</label><input type="checkbox" id="c${i}"${i % 2 ? ' checked' : ''}></div>`,
      ).join('');
      const d = doc(`<main><h1>プライバシー</h1>${rows}</main>`);
      controlStats.documentScans = 0;
      controlStats.nameLookups = 0;
      const read = readControls(d, rules, { list: ADMIN_CONTROL_ORDER['admin-vibe-privacy']!, read: readByOrder });
      expect(read).toEqual([]);
      expect(controlStats.documentScans).toBe(3);
      expect(controlStats.nameLookups).toBe(n);
    },
  );
});
