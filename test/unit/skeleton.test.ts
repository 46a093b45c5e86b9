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
import { skeleton, type SkeletonNode } from '@/lib/detect/skeleton';
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

// -------------------------------------------------------------------------------------------------------------
// What each node keeps, on small pages (issue 14: tests written against skeleton.ts's mutants). Each page is
// built and its skeleton taken inside its test.
// -------------------------------------------------------------------------------------------------------------

const ADMIN = 'https://admin.mistral.ai/vibe/privacy';
const CHAT = 'https://chat.mistral.ai/chat/b82db89f-0aa3-49d6-83e9-f801fea30c1a';
const skOf = (body: string, url = ADMIN, lang = '', max?: [number, number]) => {
  const doc = parseHtml(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><body>${body}</body></html>`, url);
  return max ? skeleton(doc.body, ...max) : skeleton(doc.body);
};
/** Every node of a skeleton, depth first. */
const nodes = (n: SkeletonNode | null): SkeletonNode[] => (n ? [n, ...(n.c ?? []).flatMap(nodes)] : []);
const first = (n: SkeletonNode | null, t: string) => nodes(n).find((x) => x.t === t);
/** The texts kept (x) and the lengths masked (m), in order. */
const kept = (n: SkeletonNode | null) => nodes(n).flatMap((x) => (x.x !== undefined ? [x.x] : []));
const masked = (n: SkeletonNode | null) => nodes(n).flatMap((x) => (x.m !== undefined ? [x.m] : []));

describe('skeleton: the states a person sees, bounded', () => {
  it('roles, aria states, data-state and the page language, each cut to its bound', () => {
    const s = skOf(
      `<div role="${'r'.repeat(50)}"></div><button role="switch" aria-checked="true" aria-disabled="${'x'.repeat(30)}" data-state="${'c'.repeat(40)}" data-message-author-role="assistant" disabled type="button"></button>`,
      ADMIN,
      'pt-BR-x-some-long-tag',
    );
    expect(s!.a).toEqual({ lang: 'pt-BR-x-so' });
    expect(first(s, 'div')!.role).toBe('r'.repeat(40));
    expect(first(s, 'button')).toMatchObject({
      role: 'switch',
      a: {
        'aria-checked': 'true',
        'aria-disabled': 'x'.repeat(20),
        'data-state': 'c'.repeat(30),
        'data-message-author-role': 'assistant',
        disabled: '',
        type: 'button',
      },
    });
    // Only the root carries the language.
    expect(first(s, 'button')!.a!.lang).toBeUndefined();
    expect(skOf('<p></p>')!.a).toBeUndefined();
  });

  it('a checked checkbox and a selected option say so; unchecked and unselected ones do not', () => {
    const s = skOf(
      `<input type="checkbox" checked><input type="checkbox"><select><option>60 days</option><option selected>30 days</option></select>`,
    );
    const inputs = nodes(s).filter((n) => n.t === 'input');
    expect(inputs.map((n) => n.a)).toEqual([{ type: 'checkbox', checked: '' }, { type: 'checkbox' }]);
    expect(
      nodes(s)
        .filter((n) => n.t === 'option')
        .map((n) => n.a),
    ).toEqual([undefined, { selected: '' }]);
  });

  it('data-* attribute names, at most twelve, never Windsock’s own; their values only for the structural ones', () => {
    const many = Array.from({ length: 14 }, (_, i) => `data-k${i}="v"`).join(' ');
    const s = skOf(`<div data-ws-id="7" data-sidebar="menu" data-user="camille"></div><span ${many}></span>`);
    expect(first(s, 'div')!.data).toEqual(['data-sidebar', 'data-user']);
    expect(first(s, 'div')!.a).toEqual({ 'data-sidebar': 'menu' });
    expect(first(s, 'span')!.data).toEqual(Array.from({ length: 12 }, (_, i) => `data-k${i}`));
    expect(JSON.stringify(s)).not.toContain('camille');
    expect(first(skOf('<p>x</p>'), 'p')!.data).toBeUndefined();
  });

  it('icon classes only, an icon path’s opening and an icon’s fill, each bounded', () => {
    const s = skOf(
      `<svg class="lucide lucide-thumbs-up text-red-500 user-camille ${'plan'.repeat(11)}" fill="${'f'.repeat(30)}"><path d="${'M1 2'.repeat(10)}"></path><path></path></svg><div class="PlanBadge px-2"></div><div class="px-2"></div>`,
    );
    expect(first(s, 'svg')!.a).toEqual({ class: 'lucide lucide-thumbs-up', fill: 'f'.repeat(20) });
    expect(
      nodes(s)
        .filter((n) => n.t === 'path')
        .map((n) => n.a),
    ).toEqual([{ d: 'M1 2'.repeat(10).slice(0, 24) }, undefined]);
    expect(
      nodes(s)
        .filter((n) => n.t === 'div')
        .map((n) => n.a),
    ).toEqual([{ class: 'PlanBadge' }, undefined]);
  });

  it('scripts, styles, images and frames are left out; the size and the depth are bounded', () => {
    const s = skOf(`<script>var camille = 1</script><style>p{}</style><img src="x.png"><iframe></iframe><p></p>`);
    expect(s!.c!.map((n) => n.t)).toEqual(['p']);
    const deep = '<div>'.repeat(10) + '</div>'.repeat(10);
    expect(nodes(skOf(deep, ADMIN, '', [1500, 4])).length).toBe(5);
    expect(nodes(skOf(deep, ADMIN, '', [1500, 25])).length).toBe(11);
    expect(nodes(skOf('<p></p>'.repeat(10), ADMIN, '', [4, 25])).length).toBe(4);
  });
});

describe('skeleton: ids and links', () => {
  it('ids that a label, aria-labelledby or aria-controls points at are kept, others never; long ones never', () => {
    const long = 'l'.repeat(41);
    const s = skOf(
      `<label for="t">x</label><span id="t"></span><div aria-labelledby="a b"></div><i id="a"></i><i id="b"></i><b aria-controls="${long}"></b><em id="${long}"></em><u id="u-camille"></u>`,
    );
    expect(first(s, 'span')!.a).toEqual({ id: 't' });
    expect(
      nodes(s)
        .filter((n) => n.t === 'i')
        .map((n) => n.a?.id),
    ).toEqual(['a', 'b']);
    expect(first(s, 'em')!.a).toBeUndefined();
    expect(first(s, 'u')!.a).toBeUndefined();
    expect(first(s, 'label')!.a).toEqual({ for: 't' });
    expect(first(s, 'div')!.a).toEqual({ 'aria-labelledby': 'a b' });
    expect(first(s, 'b')!.a).toEqual({ 'aria-controls': long });
    // A reference longer than 80 characters is not kept.
    expect(first(skOf(`<label for="${'f'.repeat(81)}">x</label>`), 'label')!.a).toBeUndefined();
  });

  it('link paths with the ids in them replaced; another host with its origin; a broken link none', () => {
    const s = skOf(
      `<a href="/chat/6f0c2f77-1bf3/v1/abcdefgh/abc12345">a</a><a href="https://docs.mistral.ai/x/1234567890?q=1">b</a><a href="http://[::1">c</a><a>d</a>`,
      'https://admin.mistral.ai/vibe/privacy',
    );
    expect(
      nodes(s)
        .filter((n) => n.t === 'a')
        .map((n) => n.a?.href),
    ).toEqual(['/chat/:id/v1/abcdefgh/:id', 'https://docs.mistral.ai/x/:id', undefined, undefined]);
  });
});

describe('skeleton: which words are kept', () => {
  it('labels and buttons: a known or plain label kept; a name, an e-mail, a long text or a switcher’s never', () => {
    const s = skOf(
      `<button aria-label="Close"></button><button title="Copy"></button><button aria-label=" Model training " title="Camille"></button><div aria-label="Camille Martin"></div><button aria-label="camille@acme.example"></button><button aria-label="Order 12345"></button><button aria-label="${'w'.repeat(61)}"></button><div aria-haspopup="menu"><button aria-label="Acme SAS"></button></div><div data-message-author-role="user"><button aria-label="Retry"></button></div><span title="Pro"></span>`,
      CHAT,
    );
    expect(
      nodes(s)
        .filter((n) => n.label !== undefined)
        .map((n) => n.label),
    ).toEqual(['Close', 'Copy', 'Model training', '', '', '', '', '', '', 'Pro']);
  });

  it('a text a detector knows is kept anywhere but in someone’s words; too long, or with a number, it is not', () => {
    const s = skOf(
      `<p>Pro</p><p>Plan:</p><p>365 days</p><p>Ticket 4821</p><p>${'Pro '.repeat(16)}</p><div data-message-author-role="user"><p>Pro</p></div><textarea>Pro</textarea><p>Camille</p>`,
      CHAT,
    );
    expect(kept(s)).toEqual(['Pro', 'Plan:', '365 days']);
    expect(masked(s)).toEqual([11, 60, 3, 7]);
  });

  it('on the chat host, a switch’s label in its small row is kept; with two switches, or a long row, it is not', () => {
    const sw = `<button role="switch" aria-checked="true"></button>`;
    expect(kept(skOf(`<div><span>Memories</span>${sw}</div>`, CHAT))).toEqual(['Memories']);
    expect(kept(skOf(`<label>Memories${sw}</label>`, CHAT))).toEqual(['Memories']);
    // One level further from its switch: no longer its row.
    expect(kept(skOf(`<div><div><span>Memories</span></div>${sw}</div>`, CHAT))).toEqual([]);
    expect(kept(skOf(`<div><span>Memories</span>${sw}${sw}</div>`, CHAT))).toEqual([]);
    // The row's words: 8 + 143 characters, one too many; 8 + 142, the most a row may hold.
    expect(kept(skOf(`<div><span>Memories</span><p>${'d'.repeat(143)}</p>${sw}</div>`, CHAT))).toEqual([]);
    expect(kept(skOf(`<div><span>Memories</span><p>${'d'.repeat(142)}</p>${sw}</div>`, CHAT))).toEqual(['Memories']);
  });

  it('on the chat host, what a label points at is kept (up to three levels); what a switcher points at never', () => {
    expect(
      kept(skOf(`<input id="m" type="text" aria-labelledby="n"><div id="n"><span><b>Memories</b></span></div>`, CHAT)),
    ).toEqual(['Memories']);
    expect(
      kept(
        skOf(
          `<input id="m" type="text" aria-labelledby="n"><div id="n"><span><b><i>Memories</i></b></span></div>`,
          CHAT,
        ),
      ),
    ).toEqual([]);
    expect(
      kept(skOf(`<button aria-haspopup="menu" aria-labelledby="o"></button><span id="o">Northwind</span>`, CHAT)),
    ).toEqual([]);
    expect(kept(skOf(`<button aria-controls="o"></button><span id="o">Northwind</span>`, CHAT))).toEqual([]);
    expect(kept(skOf(`<label for="q">Memories</label><input id="q" type="text">`, CHAT))).toEqual([]);
    expect(kept(skOf(`<label for="q"><span id="q">Memories</span></label>`, CHAT))).toEqual(['Memories']);
  });

  it('in an organization switcher, only what Windsock knows; elsewhere on the chat host, headings and buttons are masked', () => {
    const s = skOf(
      `<button aria-haspopup="menu"><span>Acme SAS</span><span>Team</span></button><h2>Settings</h2>`,
      CHAT,
    );
    expect(kept(s)).toEqual(['Team']);
    expect(masked(s)).toEqual([8, 8]);
  });

  it('on the Admin Panel and Studio, headings, labels, buttons and tabs are kept; a switcher still is not', () => {
    for (const url of [ADMIN, 'https://console.mistral.ai/build/playground']) {
      const s = skOf(
        `<h2>Settings</h2><button>Save changes</button><div role="tab">Usage</div><p>Some paragraph</p><div aria-haspopup="menu"><button>Acme SAS</button></div>`,
        url,
      );
      expect(kept(s), url).toEqual(['Settings', 'Save changes', 'Usage']);
    }
  });

  it('on the Admin Panel, a status row’s label is kept; without a status word in the row, or on the chat host, not', () => {
    const row = (status: string) =>
      `<section><div><span>Zero data retention</span></div><div><span>${status}</span></div></section>`;
    expect(kept(skOf(row('Not enabled')))).toEqual(['Zero data retention', 'Not enabled']);
    expect(kept(skOf(row('Active')))).toEqual(['Zero data retention', 'Active']);
    expect(kept(skOf(row('Pending')))).toEqual([]);
    expect(kept(skOf(row('Active'), CHAT))).toEqual(['Active']);
    // The status word must be a leaf of its own; a row longer than 300 characters is not a row.
    expect(
      kept(skOf(`<section><div><span>Zero data retention</span></div><div><span>Active<i></i></span></div></section>`)),
    ).toEqual(['Active']);
    expect(
      kept(
        skOf(
          `<section><div><span>Zero data retention</span></div><p>${'d'.repeat(300)}</p><div><span>Active</span></div></section>`,
        ),
      ),
    ).toEqual(['Active']);
  });
});

describe('skeleton: the edges of what is kept (issue 14, the first run’s survivors)', () => {
  it('a known label followed by a name is not kept whole; nor a comment, nor a lone separator', () => {
    const s = skOf(`<p>Managed by your admin: Camille Martin</p><p><!-- camille -->Pro</p><p>·</p>`, CHAT);
    expect(kept(s)).toEqual(['Pro']);
    expect(masked(s)).toEqual([37, 1]);
    expect(JSON.stringify(s)).not.toContain('amille');
  });

  it('a plan or status name with a trailing separator is known: "Pro:", "Team ·", "Active |", "Team•"', () => {
    expect(kept(skOf(`<p>Pro:</p><p>Team ·</p><p>Active |</p><p>Team•</p>`, CHAT))).toEqual([
      'Pro:',
      'Team ·',
      'Active |',
      'Team•',
    ]);
    // A separator inside: a field and its value, known as such ("Plan · Scale").
    expect(kept(skOf(`<p>Plan · Scale</p>`, CHAT))).toEqual(['Plan · Scale']);
  });

  it('on the Admin Panel, a number or an e-mail in a heading or a button is masked all the same', () => {
    const s = skOf(`<h2>Invoice 20261129</h2><button>camille@acme.example</button><h2>Privacy</h2>`);
    expect(kept(s)).toEqual(['Privacy']);
  });

  it('texts and labels are kept with their spaces folded, up to 60 characters', () => {
    const sixty = 'Word '.repeat(12).trim() + 'x'; // 60 characters
    expect(sixty.length).toBe(60);
    const padded = `   ${sixty.slice(0, 58)}   `;
    const admin = skOf(
      `<button>\n  Save\n    changes\n</button><h2>${sixty}</h2><h2>${sixty}y</h2><button aria-label="${padded}"></button>`,
    );
    expect(kept(admin)).toEqual(['Save changes', sixty]);
    expect(first(admin, 'button')!.x).toBe('Save changes');
    expect(nodes(admin).flatMap((n) => (n.label !== undefined ? [n.label] : []))).toEqual([sixty.slice(0, 58)]);
    const chat = skOf(`<button aria-label="${sixty}"></button><button aria-label="${sixty}y"></button>`, CHAT);
    expect(nodes(chat).flatMap((n) => (n.label !== undefined ? [n.label] : []))).toEqual([sixty, '']);
  });

  it('only buttons, links and form fields keep a plain label of their own', () => {
    const s = skOf(
      `<aside aria-label="Chats of Camille"></aside><article aria-label="Camille’s notes"></article><data value="1" aria-label="Camille points"></data><a href="/settings" aria-label="Settings"></a>`,
      CHAT,
    );
    expect(nodes(s).flatMap((n) => (n.label !== undefined ? [n.label] : []))).toEqual(['', '', '', 'Settings']);
  });

  it('ids, references and classes at their bounds: 40, 80 and 40 characters', () => {
    const id40 = 'i'.repeat(40);
    const ref80 = `${id40} ${'j'.repeat(39)}`;
    const cls40 = 'lucide-' + 'c'.repeat(33);
    const s = skOf(`<div aria-labelledby="${ref80}"></div><span id="${id40}" class="${cls40}"></span>`);
    expect(ref80.length).toBe(80);
    expect(first(s, 'div')!.a).toEqual({ 'aria-labelledby': ref80 });
    expect(first(s, 'span')!.a).toEqual({ id: id40, class: cls40 });
  });

  it('icon classes by their names only; a fill only on the svg; data-* names only', () => {
    const s = skOf(
      `<svg class="lucide-check status-badge thumb-up-icon hover:bg-plan plan:camille"><g fill="#123456"></g></svg><span class="c" title="t" id="x" data-k></span>`,
    );
    expect(first(s, 'svg')!.a).toEqual({ class: 'lucide-check status-badge thumb-up-icon' });
    expect(first(s, 'g')!.a).toBeUndefined();
    expect(first(s, 'span')!.data).toEqual(['data-k']);
  });

  it('a leaf has no children list; a status row of 300 characters is still a row', () => {
    expect(skOf('<p></p>')!.c).toEqual([{ t: 'p' }]);
    const pad = 'd'.repeat(300 - 'Zero data retention'.length - 'Active'.length);
    expect(
      kept(
        skOf(
          `<section><div><span>Zero data retention</span></div><p>${pad}</p><div><span>Active</span></div></section>`,
        ),
      ),
    ).toEqual(['Zero data retention', 'Active']);
  });
});
