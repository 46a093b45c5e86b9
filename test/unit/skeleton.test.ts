// @vitest-environment node
/**
 * The diagnostic report's skeleton (lib/detect/skeleton.ts) and `npm run fixture` (scripts/fixture.ts):
 * - it never holds chat text, conversation titles, names or e-mail addresses, on any fixture;
 * - it keeps enough for the detectors: a page rebuilt from it reads the same as the page itself, or not at all
 *   (never a different value), and the same on the settings pages and the plan badges;
 * - a report becomes a fixture whose expected reading is the one the reporter gives.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/detect';
import { skeleton } from '@/lib/detect/skeleton';
import { USER_CONTENT } from '@/lib/detect/rules';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { surfaceOf } from '@/lib/surfaces';
import { skeletonToHtml } from '../../scripts/skeleton-html';
import { fixtureFromReport } from '../../scripts/fixture';

interface Entry {
  file: string;
  url: string;
  surface: string;
  expect: { plan: string | null; apiPlan?: string | null; controls: Record<string, string> };
}
const INDEX: Entry[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));
const kitFor = (url: string) => (new URL(url).hostname === 'chat.mistral.ai' ? CHAT_DETECT : ADMIN_DETECT);

function parseHtml(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}
const reading = (doc: Document, url: string) =>
  new Map(detectPage(doc, url, kitFor(url)).observations.map((o) => [o.key, String(o.value)]));

/** Names, organizations, e-mails and chat words the fixtures show: none may reach a report. */
const PERSONAL = [
  'Camille Martin',
  'camille.martin',
  'Acme SAS',
  'Atelier Lumière',
  'Northwind Labs',
  'Alix Lemaire',
  'Jonas Weber',
  'Weber Logistik',
  'Default workspace',
  'Espacio predeterminado',
  'Pruebas',
  'Personnel',
  'Haiku about the Mistral wind',
  'Rainy day in Lyon',
  'Quarterly report outline',
  'Cold gust',
  'Musée des Confluences',
  'acme.example',
];

/** Must read the same through a report: the settings pages and every page showing the plan in the chrome. */
const MUST_KEEP =
  /^(admin-vibe-privacy|admin-api-privacy|admin-subscriptions|studio|vibe-memories|vibe-chat-home\.(account|plan-field))/;

const tally = { same: 0, unknown: 0, differ: 0 };

// Each page is parsed and its skeleton taken inside the test that checks it, so that Stryker credits that test with
// the skeleton's code (README "Mutation testing").
describe.each(INDEX.filter((e) => surfaceOf(e.url)))('$file', (entry) => {
  const load = () => {
    const doc = parseHtml(readFileSync(`test/fixtures/${entry.file}`, 'utf8'), entry.url);
    const sk = skeleton(doc.body);
    return { doc, sk, json: JSON.stringify(sk) };
  };

  it('the skeleton holds no name, e-mail, chat text or conversation title', () => {
    const { doc, json } = load();
    for (const p of PERSONAL) expect(json.toLowerCase(), p).not.toContain(p.toLowerCase());
    expect(json).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
    // Every text inside a chat turn, the composer or a conversation link, in pieces of 8 characters or more.
    for (const el of Array.from(doc.querySelectorAll(USER_CONTENT)))
      for (const piece of (el.textContent ?? '')
        .split(/[\n.,;:!?]+/)
        .map((s) => s.trim())
        .filter((s) => s.length >= 8))
        expect(json, `${piece}`).not.toContain(JSON.stringify(piece).slice(1, -1));
  });

  it('a page rebuilt from the skeleton reads the same, or not at all', () => {
    const { doc, sk } = load();
    const rebuilt = parseHtml(`<!DOCTYPE html><html>${skeletonToHtml(sk!)}</html>`, entry.url);
    const before = reading(doc, entry.url);
    const after = reading(rebuilt, entry.url);
    const differ = [...after]
      .filter(([k, v]) => before.get(k) !== v)
      .map(([k, v]) => `${k}: ${before.get(k) ?? '(nothing)'} → ${v}`);
    const lost = [...before.keys()].filter((k) => !after.has(k));
    tally[differ.length ? 'differ' : lost.length ? 'unknown' : 'same']++;
    expect(differ).toEqual([]);
    if (MUST_KEEP.test(entry.file)) expect(lost, 'readings lost through the report').toEqual([]);
  });
});

describe('npm run fixture', () => {
  const entry = INDEX.find((e) => e.file === 'admin-vibe-privacy.org-team.en.html')!;
  const makeReport = () => ({
    windsock: '0.1.0',
    page: entry.url,
    surface: 'admin-vibe-privacy',
    detectors: [{ id: 'vibe-training', matched: false }],
    skeleton: skeleton(parseHtml(readFileSync(`test/fixtures/${entry.file}`, 'utf8'), entry.url).body),
    userAgent: 'test',
    reportedAt: '2026-11-29T00:00:00Z',
  });

  it("turns a report into a fixture with its provenance and the reporter's expected reading, which the detectors read", () => {
    const {
      file,
      html,
      entry: e,
    } = fixtureFromReport(JSON.parse(JSON.stringify(makeReport())), {
      name: 'unit',
      plan: 'team',
      controls: { 'vibe-training': 'off' },
    });
    expect(file).toBe('admin-vibe-privacy.report-unit.en.html');
    expect(html).toMatch(/Provenance:[\s\S]*diagnostic report/);
    expect(e.expect).toMatchObject({ plan: 'team', controls: { 'vibe-training': 'off' } });
    const r = reading(parseHtml(html, e.url), e.url);
    expect(r.get('plan:vibe')).toBe('team');
    expect(r.get('vibe-training')).toBe('off');
    expect(html).not.toContain('Northwind');
  });

  it("without the reporter's word, the expectation is what Windsock read, and says so", () => {
    const { entry: e } = fixtureFromReport(JSON.parse(JSON.stringify(makeReport())));
    expect(e.expectFromReport).toBe(true);
  });

  it("never keeps the user's ids from the URL, and refuses what is not a report of a Mistral page", () => {
    const report = makeReport();
    const chat = fixtureFromReport({
      ...report,
      page: 'https://chat.mistral.ai/chat/6f0c2f77-1bf3-4d68-b9ab-cb41900fdbb6',
    });
    expect(chat.entry.url).toBe('https://chat.mistral.ai/chat/00000000-0000-4000-8000-000000000000');
    expect(() => fixtureFromReport({ ...report, page: 'https://example.com/' })).toThrow();
    expect(() => fixtureFromReport({ page: 'https://admin.mistral.ai/', skeleton: null } as never)).toThrow();
  });
});

afterAll(() =>
  console.log(`skeleton round trip: same ${tally.same}, unknown ${tally.unknown}, differ ${tally.differ}`),
);
