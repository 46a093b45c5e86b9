// @vitest-environment node
/**
 * The plan Windsock reads off a page (lib/detect/plan.ts, plan-names.ts, and how lib/detect/index.ts turns the
 * signals into one plan per product), written against the mutants that survived the unit tests (issue 14; the
 * list and the equivalent ones: test/mutation-equivalents.md). Black box: a page in, what detectPage reads out of
 * it with the host's own kit. Every page is built and read inside its test, so that Stryker sees which test
 * reaches which line (test/unit/detect.test.ts reads its fixtures while the file is collected: it kills nothing).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage, type DetectKit } from '@/lib/detect';
import { planFromName, planFromNameIn } from '@/lib/detect/plan-names';
import { rulesetFor } from '@/lib/detect/rules';
import { useRuleset } from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS } from '@/lib/hosts';
import { ADMIN_DETECT } from '@/lib/page/kit-admin';
import { CHAT_DETECT } from '@/lib/page/kit-chat';
import { STUDIO_DETECT } from '@/lib/page/kit-studio';

const settings = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };
const CHAT = 'https://chat.mistral.ai/chat';
const VIBE_PLANS = 'https://chat.mistral.ai/upgrade/plans';
const ADMIN = 'https://admin.mistral.ai/vibe/privacy';
const SUBS = 'https://admin.mistral.ai/subscriptions';
const STUDIO = 'https://console.mistral.ai/build/playground';
const STUDIO_PLANS = 'https://console.mistral.ai/upgrade/plans';

/** The detectors the content script of that URL's host carries. */
const kitFor = (url: string): DetectKit => {
  const host = new URL(url).hostname;
  return host === 'chat.mistral.ai' ? CHAT_DETECT : host === 'console.mistral.ai' ? STUDIO_DETECT : ADMIN_DETECT;
};
function doc(html: string, url: string): Document {
  const win = new Window({ url, settings });
  win.document.write(html.startsWith('<!') ? html : `<!doctype html><html><body>${html}</body></html>`);
  return win.document as unknown as Document;
}
const detect = (html: string, url: string, kit = kitFor(url)) => detectPage(doc(html, url), url, kit);
/** The plan observations of a page: { vibe: 'pro', api: 'scale' }, a product missing when its plan is unknown. */
const plans = (html: string, url: string) =>
  Object.fromEntries(
    detect(html, url)
      .observations.filter((o) => o.key.startsWith('plan:'))
      .map((o) => [o.key.slice(5), o.value]),
  );
/** Every plan signal read, as "kind:product=plan", sorted. */
const signals = (html: string, url: string) =>
  detect(html, url)
    .planSignals.map((s) => `${s.kind}:${s.product}=${s.plan}`)
    .sort();

interface Entry {
  file: string;
  url: string;
  surface: string;
  expect: { plan: string | null; apiPlan?: string | null };
}
const INDEX: Entry[] = JSON.parse(readFileSync('test/fixtures/index.json', 'utf8'));

describe('every replica page: the plan it shows, and no other (read inside the test)', () => {
  it.each(INDEX.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const det = detectPage(
      doc(readFileSync(`test/fixtures/${entry.file}`, 'utf8'), entry.url),
      entry.url,
      kitFor(entry.url),
    );
    const studio = entry.surface.startsWith('studio');
    const vibe = det.observations.find((o) => o.key === 'plan:vibe')?.value ?? null;
    const api = det.observations.find((o) => o.key === 'plan:api')?.value ?? null;
    expect(vibe).toBe(studio ? null : entry.expect.plan);
    expect(api).toBe(studio ? entry.expect.plan : (entry.expect.apiPlan ?? null));
    // No signal on the page names another plan than the page's (a wrong one outvoted is still a wrong reader).
    for (const s of det.planSignals)
      expect(s.plan, s.kind).toBe(s.product === 'api' && !studio ? entry.expect.apiPlan : entry.expect.plan);
  });
});

describe('index.ts: one plan per product, its trust, its diagnostics, the organization', () => {
  it('a page that is not Mistral’s: nothing read at all', () => {
    expect(detect('<main><p>Plan: Pro</p></main>', 'https://example.com/', CHAT_DETECT)).toEqual({
      surface: null,
      observations: [],
      planSignals: [],
      detectors: [],
    });
  });

  it('the diagnostics of a chat page name exactly its plan readers, each matched or not', () => {
    const det = detect(`<nav><a href="/upgrade">Upgrade to Pro</a></nav><main></main>`, CHAT);
    expect(det.detectors).toEqual([
      { id: 'plan:plan-label', matched: false },
      { id: 'plan:plan-badge', matched: false },
      { id: 'plan:upgrade-link', matched: true, value: 'vibe=free' },
      { id: 'plan:pro-badge', matched: false },
    ]);
    expect(det.planSignals).toEqual([{ product: 'vibe', plan: 'free', kind: 'upgrade-link', confidence: 0.5 }]);
  });

  it('a privacy page that shows none of its controls lists each as not matched', () => {
    const det = detect('<main><h1>Privacy</h1></main>', 'https://admin.mistral.ai/plateforme/privacy');
    expect(det.detectors.filter((d) => !d.id.startsWith('plan:'))).toEqual([
      { id: 'api-training', matched: false },
      { id: 'labs-models', matched: false },
      { id: 'zdr', matched: false },
    ]);
    expect(det.observations).toEqual([]);
  });

  it('Subscriptions: both plans, trusted outright, read from the page, each tab in the diagnostics', () => {
    const det = detectPage(
      doc(readFileSync('test/fixtures/admin-subscriptions.pro.en.html', 'utf8'), SUBS),
      SUBS,
      ADMIN_DETECT,
    );
    expect(det.observations.filter((o) => o.key.startsWith('plan:'))).toEqual([
      { key: 'plan:vibe', value: 'pro', via: 'page', confidence: 1 },
      { key: 'plan:api', value: 'free', via: 'page', confidence: 1 },
    ]);
    expect(det.detectors.find((d) => d.id === 'plan:subscription-tab')).toEqual({
      id: 'plan:subscription-tab',
      matched: true,
      value: 'vibe=pro api=free',
    });
    expect(det.orgName).toBe('Acme SAS');
    expect(det.orgId).toBe('41012292-6edf-4ccd-9ba7-3e15d8ed7786');
  });

  it('a trusted label outweighs a weaker cue that names another plan, whatever their order on the page', () => {
    // "Plan: Pro" (0.8) and "Upgrade to Pro" (a cue, 0.5): the label is trusted enough more to win.
    for (const html of [
      `<nav><a href="/upgrade">Upgrade to Pro</a></nav><main><p>Plan: Pro</p></main>`,
      `<main><p>Plan: Pro</p></main><nav><a href="/upgrade">Upgrade to Pro</a></nav>`,
    ]) {
      const det = detect(html, CHAT);
      expect(det.observations).toEqual([{ key: 'plan:vibe', value: 'pro', via: 'page', confidence: 0.8 }]);
    }
    // Two cues alone that disagree (0.6 and 0.5): nothing.
    expect(plans(`<nav><a href="/upgrade">Upgrade to Pro</a><div><span>Pro</span></div></nav>`, CHAT)).toEqual({});
  });

  it('the chat app names its organization only through a switcher that says so', () => {
    // A switcher with the organization's name: read on the chat app too.
    expect(detect(`<nav><button data-organization-name="Acme SAS">Acme</button></nav>`, CHAT).orgName).toBe('Acme SAS');
    // A link merely labelled "Organization settings": its text is no organization's name on the chat app.
    expect(
      detect(`<nav><a href="/settings/organization" aria-label="Organization settings">Settings</a></nav>`, CHAT)
        .orgName,
    ).toBeUndefined();
  });

  it('a control reader that throws leaves the controls unknown and the plan still read', () => {
    const kit: DetectKit = {
      ...ADMIN_DETECT,
      controls: () => {
        throw new Error('odd markup');
      },
    };
    const det = detect(`<main><dl><dt>Plan</dt><dd>Team</dd></dl></main>`, ADMIN, kit);
    expect(det.detectors.filter((d) => !d.id.startsWith('plan:')).every((d) => !d.matched)).toBe(true);
    expect(det.observations).toEqual([{ key: 'plan:vibe', value: 'team', via: 'page', confidence: 0.8 }]);
  });
});

describe('plan.ts: with the rules of one host only, as a content script gets them', () => {
  it('the Admin Panel’s script, whose kit also knows Studio’s readers, reads the plan with the Admin Panel’s rules', () => {
    useRuleset(rulesetFor(['admin.mistral.ai']));
    try {
      expect(plans(`<main><dl><dt>Plan</dt><dd>Team</dd></dl></main>`, ADMIN)).toEqual({ vibe: 'team' });
      const subs = readFileSync('test/fixtures/admin-subscriptions.scale.en.html', 'utf8');
      expect(plans(subs, SUBS)).toEqual({ vibe: 'free', api: 'scale' });
    } finally {
      useRuleset(rulesetFor(MISTRAL_HOSTS));
    }
  });
});

describe('plan.ts: Admin Panel › Subscriptions', () => {
  const tabs = (list: [string, string | null, string][]) =>
    `<main><div role="tablist">${list
      .map(([label, panel]) => `<button role="tab"${panel ? ` aria-controls="${panel}"` : ''}>${label}</button>`)
      .join('')}</div>${list
      .filter(([, panel]) => panel)
      .map(([, panel, plan]) => `<div role="tabpanel" id="${panel}"><h2>${plan}</h2><p>Billed monthly</p></div>`)
      .join('')}</main>`;

  it('each tab names its product’s plan; a tab of something else adds nothing', () => {
    const det = detect(
      tabs([
        ['Vibe', 'p-vibe', 'Team'],
        ['Invoices', 'p-inv', 'Enterprise'],
        ['API Plan', 'p-api', 'Scale'],
      ]),
      SUBS,
    );
    expect(det.planSignals.map((s) => `${s.product}=${s.plan}:${s.confidence}`)).toEqual([
      'vibe=team:1',
      'api=scale:1',
    ]);
    expect(det.detectors.find((d) => d.id === 'plan:subscription-tab')?.value).toBe('vibe=team api=scale');
  });

  it('a tab whose label only starts with a product’s name, or with no panel, is not read', () => {
    expect(plans(tabs([['Vibe usage', 'p1', 'Pro']]), SUBS)).toEqual({});
    expect(plans(tabs([['Vibe', null, 'Pro']]), SUBS)).toEqual({});
    expect(
      plans(`<main><div role="tablist"><button role="tab" aria-controls="gone">Vibe</button></div></main>`, SUBS),
    ).toEqual({});
  });

  it('the Vibe tab’s panel not rendered (inactive tabs are not mounted), or naming no plan: the API tab still read', () => {
    const api = `<div role="tabpanel" id="p-api"><h2>Scale</h2></div>`;
    const list = `<div role="tablist"><button role="tab" aria-controls="p-vibe">Vibe</button><button role="tab" aria-controls="p-api">API Plan</button></div>`;
    expect(plans(`<main>${list}${api}</main>`, SUBS)).toEqual({ api: 'scale' });
    expect(plans(`<main>${list}<div role="tabpanel" id="p-vibe"><h2>Loading</h2></div>${api}</main>`, SUBS)).toEqual({
      api: 'scale',
    });
  });

  it('the Vibe tab twice (two copies of the tab list): one reading', () => {
    const html = `<main><div role="tablist"><button role="tab" aria-controls="a">Vibe</button></div><div role="tablist"><button role="tab" aria-controls="a">Vibe</button></div><div role="tabpanel" id="a"><h2>Pro</h2></div></main>`;
    expect(signals(html, SUBS)).toEqual(['subscription-tab:vibe=pro']);
  });

  it('a panel naming the plan by a data-plan attribute', () => {
    expect(plans(tabs([['Vibe', 'p', '<span data-plan="team">★</span>']]), SUBS)).toEqual({ vibe: 'team' });
  });

  it('the older layout, one panel and no tabs: the Vibe plan, trusted less; a plan named outside main is not it', () => {
    const det = detect(
      `<div class="promo"><p>Enterprise</p></div><main><h1>Your organization</h1><h2>Pro</h2></main>`,
      SUBS,
    );
    expect(det.planSignals).toEqual([{ product: 'vibe', plan: 'pro', kind: 'subscription-tab', confidence: 0.8 }]);
    expect(plans(`<h1>Your organization</h1><h2>Pro</h2>`, SUBS)).toEqual({ vibe: 'pro' });
  });
});

describe('plan.ts: the plans page marks the current plan', () => {
  const cards = (marked: string, marker = '<span>Current plan</span>') =>
    `<main><ul>${['Free', 'Pro', 'Team']
      .map((p) => `<li><h3>${p}</h3>${p === marked ? marker : '<button>Choose</button>'}</li>`)
      .join('')}</ul></main>`;

  it('a "Current plan" marker on a card: that card’s plan, Vibe on the chat app, the API on Studio', () => {
    expect(signals(cards('Pro'), VIBE_PLANS)).toEqual(['current-plan-card:vibe=pro']);
    expect(plans(cards('Pro'), VIBE_PLANS)).toEqual({ vibe: 'pro' });
    const studio = `<main>${['Free mode', 'Scale']
      .map(
        (p) =>
          `<section><h2>${p}</h2>${p === 'Scale' ? '<button disabled>Current plan</button>' : '<a>Upgrade</a>'}</section>`,
      )
      .join('')}</main>`;
    expect(detect(studio, STUDIO_PLANS).planSignals).toEqual([
      { product: 'api', plan: 'scale', kind: 'current-plan-card', confidence: 0.7 },
    ]);
  });

  it('a card marked aria-current, or a heading naming its plan by data-plan', () => {
    expect(
      plans(
        `<main><article aria-current="true"><h2>Team</h2></article><article><h2>Pro</h2></article></main>`,
        VIBE_PLANS,
      ),
    ).toEqual({
      vibe: 'team',
    });
    expect(
      plans(
        `<main><section data-current="true"><h2 data-plan="pro">Le meilleur de Vibe</h2></section></main>`,
        VIBE_PLANS,
      ),
    ).toEqual({ vibe: 'pro' });
  });

  it('a "Current plan" legend outside any card does not stop the marked card from being read', () => {
    expect(plans(`<header><p>Current plan</p></header>${cards('Team')}`, VIBE_PLANS)).toEqual({ vibe: 'team' });
  });

  it('a feature line that starts like the marker is not the marker', () => {
    const html = `<main><ul><li><h3>Free</h3><button>Choose</button></li><li><h3>Pro</h3><p>Your plan, plus: priority access</p></li><li><h3>Team</h3><span>Current plan</span></li></ul></main>`;
    expect(plans(html, VIBE_PLANS)).toEqual({ vibe: 'team' });
  });

  it('no marker: no plan', () => {
    expect(signals(cards('none'), VIBE_PLANS)).toEqual([]);
  });
});

describe('plan.ts: Studio’s header and its "Upgrade to Scale"', () => {
  it('the plan in Studio’s header, by its words or a data-plan attribute', () => {
    expect(
      detect(`<header><span>Acme</span><span>Scale</span></header><main></main>`, STUDIO).planSignals,
    ).toContainEqual({
      product: 'api',
      plan: 'scale',
      kind: 'studio-header',
      confidence: 0.8,
    });
    expect(signals(`<header><div data-plan="scale"><i></i></div></header>`, STUDIO)).toEqual([
      'studio-header:api=scale',
    ]);
  });

  it('the older Subscriptions page naming Scale, or no plan: no Vibe plan', () => {
    expect(signals(`<main><h1>Your organization</h1><h2>Scale</h2></main>`, SUBS)).toEqual([]);
    expect(signals(`<main><h1>Your organization</h1><h2>Loading</h2></main>`, SUBS)).toEqual([]);
  });

  it('a plan named in the page’s body, not its header, is not Studio’s plan', () => {
    expect(
      signals(`<header><span>Playground</span></header><main><p>Try</p><span>Scale</span></main>`, STUDIO),
    ).toEqual([]);
  });

  it('"Upgrade to Scale" in a banner, a button named by its aria-label, a link: the free API plan, as a cue', () => {
    const det = detect(
      `<main><div role="alert"><span>You are on the free plan.</span> <a href="/upgrade">Upgrade to Scale</a></div></main>`,
      STUDIO,
    );
    expect(det.planSignals).toEqual([{ product: 'api', plan: 'free', kind: 'upgrade-banner', confidence: 0.5 }]);
    expect(det.observations).toEqual([{ key: 'plan:api', value: 'free', via: 'visible-cue', confidence: 0.5 }]);
    expect(signals(`<main><button aria-label="Upgrade to Scale"><svg></svg></button></main>`, STUDIO)).toEqual([
      'upgrade-banner:api=free',
    ]);
    expect(signals(`<main><a href="/upgrade" aria-label="Upgrade to Scale">↗</a></main>`, STUDIO)).toEqual([
      'upgrade-banner:api=free',
    ]);
    expect(signals(`<main><a href="/upgrade/subscribe">Upgrade to Scale (−20 %)</a></main>`, STUDIO)).toEqual([
      'upgrade-banner:api=free',
    ]);
  });

  it('a banner’s own "Upgrade to Scale", with a long explanation under it: the cue', () => {
    const more = 'Higher rate limits, fine-tuning and priority support for every workspace of your organization.';
    expect(signals(`<main><div role="status">Upgrade to Scale <p>${more}</p></div></main>`, STUDIO)).toEqual([
      'upgrade-banner:api=free',
    ]);
  });

  it('"Upgrade to Scale" in a long marketing paragraph, or in a playground reply, is no cue', () => {
    const long = 'Upgrade to Scale, and get higher rate limits, fine-tuning, and priority support for your whole team.';
    expect(long.length).toBeGreaterThan(80);
    expect(signals(`<main><p>${long}</p></main>`, STUDIO)).toEqual([]);
    expect(
      signals(`<main><div data-message-author-role="assistant"><p>Upgrade to Scale</p></div></main>`, STUDIO),
    ).toEqual([]);
  });
});

describe('plan.ts: the chat app’s cues', () => {
  it('"Upgrade to Pro" in a chat turn is someone’s words, not the app’s cue', () => {
    expect(
      signals(
        `<main><div data-message-author-role="assistant"><p>Sure: <a href="https://chat.mistral.ai/upgrade">Upgrade to Pro</a></p></div></main>`,
        CHAT,
      ),
    ).toEqual([]);
  });

  it('an "Upgrade to Pro" button named by its aria-label, or followed by more words', () => {
    expect(signals(`<nav><button aria-label="Upgrade to Pro"><svg></svg></button></nav>`, CHAT)).toEqual([
      'upgrade-link:vibe=free',
    ]);
    expect(signals(`<nav><a href="/upgrade">Upgrade to Pro (−20 %)</a></nav>`, CHAT)).toEqual([
      'upgrade-link:vibe=free',
    ]);
  });

  it('a "Pro" badge in the sidebar, however it is written; none elsewhere, none in a chat turn', () => {
    for (const badge of ['Pro', 'Le Chat Pro', 'Vibe Pro'])
      expect(signals(`<aside><p><i>·</i></p><span>${badge}</span></aside>`, CHAT), badge).toContain(
        'pro-badge:vibe=pro',
      );
    expect(signals(`<aside><span data-plan="pro">★</span></aside>`, CHAT)).toContain('pro-badge:vibe=pro');
    // A sidebar without the badge, and a "Pro" in the page's body (a model's name): no badge.
    expect(signals(`<nav><a href="/chat">Chat</a></nav><main><div><span>Pro</span></div></main>`, CHAT)).toEqual([]);
    // No sidebar at all: the badge is looked for on the whole page.
    expect(signals(`<main><div><span>Pro</span></div></main>`, CHAT)).toEqual(['pro-badge:vibe=pro']);
    expect(signals(`<nav><div data-message-author-role="user"><span>Pro</span></div></nav>`, CHAT)).toEqual([]);
  });
});

describe('plan.ts: a plan badge beside the organization’s name', () => {
  const option = (p: string, attrs: string) =>
    `<div role="option" ${attrs}><span>Org ${p}</span><span>${p}</span></div>`;
  const switcher = (active: string) => `<div role="listbox">${option('Team', active)}${option('Free', '')}</div>`;

  it('the active organization of a switcher, however the page marks it', () => {
    for (const active of [
      'aria-current="true"',
      'aria-current="page"',
      'aria-checked="true"',
      'data-state="checked"',
      'data-state="active"',
      'data-state="on"',
      'data-state="selected"',
      'data-active="true"',
      'data-selected="true"',
    ])
      expect(plans(switcher(active), ADMIN), active).toEqual({ vibe: 'team' });
  });

  it('an item marked as not active is not the active organization', () => {
    for (const inactive of [
      'aria-current="false"',
      'data-state="inactive"',
      'data-state="unchecked"',
      'aria-checked="false"',
    ])
      expect(plans(switcher(inactive), ADMIN), inactive).toEqual({});
  });

  it('a lone item of a menu speaks of the current organization, even beside a separator and a link', () => {
    expect(plans(`<nav><ul><li><span>Acme</span> <span>Team</span></li></ul></nav>`, ADMIN)).toEqual({ vibe: 'team' });
    expect(
      plans(
        `<div role="menu"><div role="menuitem"><span>Acme</span><span>Team</span></div><div role="separator"></div><a href="/settings">Settings</a></div>`,
        ADMIN,
      ),
    ).toEqual({ vibe: 'team' });
  });

  it('a plan name with no name beside it is no badge; a one-character mark is no name; two letters are', () => {
    expect(plans(`<header><div><div><span>Team</span></div></div></header>`, ADMIN)).toEqual({});
    expect(
      plans(`<header><button aria-haspopup="menu"><span>·</span><span>Team</span></button></header>`, ADMIN),
    ).toEqual({});
    expect(
      plans(`<header><button aria-haspopup="menu"><span>AS</span><span>Team</span></button></header>`, ADMIN),
    ).toEqual({
      vibe: 'team',
    });
  });

  it('the organization’s name as the switcher’s own text; a badge one level deeper; an Upgrade link beside it', () => {
    expect(plans(`<header><button aria-haspopup="menu">Acme <span>Team</span></button></header>`, ADMIN)).toEqual({
      vibe: 'team',
    });
    expect(
      plans(
        `<header><div><button aria-haspopup="menu"><span>Acme</span> <span class="badge"><span>Team</span></span></button> <a href="/billing/upgrade">Upgrade</a></div></header>`,
        ADMIN,
      ),
    ).toEqual({ vibe: 'team' });
    // A plain button (no menu) holding the name and the badge.
    expect(plans(`<header><button><span>Acme</span> <span>Team</span></button></header>`, ADMIN)).toEqual({
      vibe: 'team',
    });
  });

  it('"Team" links among other navigation links are no plan', () => {
    expect(plans(`<nav><a href="/members">Team</a><a href="/usage">Usage</a></nav>`, ADMIN)).toEqual({});
  });

  it('a badge nested deeper in the switcher; a "Team" menu item with its description is a link, not a plan', () => {
    expect(
      plans(
        `<header><button aria-haspopup="menu"><span>Acme</span><span class="b"><span><span>Team</span></span></span></button></header>`,
        ADMIN,
      ),
    ).toEqual({ vibe: 'team' });
    const description = 'Manage the members, their roles and their access for your whole organization';
    expect(description.length).toBeGreaterThan(60);
    expect(
      plans(
        `<header><button aria-haspopup="menu"><span>Team</span><span>${description}</span></button></header>`,
        ADMIN,
      ),
    ).toEqual({});
  });

  it('a plan name in a long block of text is no badge', () => {
    const p =
      'Invite the people you work with, share agents and libraries with them, and manage who may see what from one place.';
    expect(p.length).toBeGreaterThan(110);
    expect(plans(`<aside><div><div><span>Team</span></div><span>Acme</span><p>${p}</p></div></aside>`, ADMIN)).toEqual(
      {},
    );
  });

  it('a sidebar that names three plans (links to the pricing) is a plan list: no plan', () => {
    expect(
      plans(
        `<aside><button aria-haspopup="menu"><span>Acme</span><span>Team</span></button><a href="/pricing">Free</a><a href="/pricing">Pro</a></aside>`,
        ADMIN,
      ),
    ).toEqual({});
    // Even the switcher nested in it: the outermost region decides.
    expect(
      plans(
        `<aside><nav><span>Acme</span> <span>Team</span></nav><div><a href="/pricing">Free</a><a href="/pricing">Pro</a></div></aside>`,
        ADMIN,
      ),
    ).toEqual({});
  });

  it('which product a badge speaks of: the page’s own on the chat app and Studio', () => {
    expect(
      signals(
        `<header><button aria-haspopup="menu"><span>Acme workspace</span><span>Free</span></button></header>`,
        STUDIO_PLANS,
      ),
    ).toContain('plan-badge:api=free');
  });
});

describe('plan.ts: a label/value pair', () => {
  it('"API plan" and "Vibe plan" say which product; Scale is never a Vibe plan', () => {
    expect(plans(`<main><p>API plan: Free</p><p>Vibe plan: Free mode</p></main>`, ADMIN)).toEqual({
      vibe: 'free',
      api: 'free',
    });
    expect(
      plans(
        `<main><section><div><p>Vibe plan: Pro</p></div></section><section><div><p>API plan: Scale</p></div></section></main>`,
        ADMIN,
      ),
    ).toEqual({
      vibe: 'pro',
      api: 'scale',
    });
    expect(plans(`<main><p>Vibe plan: Scale</p></main>`, ADMIN)).toEqual({});
  });

  it('on the chat app a pair names the Vibe plan; an API-only name there is no plan', () => {
    expect(plans(`<main><p>Plan: Free mode</p></main>`, CHAT)).toEqual({ vibe: 'free' });
    expect(signals(`<main><p>Plan: Scale</p></main>`, CHAT)).toEqual([]);
    expect(plans(`<main><p>Plan: Free</p></main>`, STUDIO)).toEqual({ api: 'free' });
  });

  it('a value Windsock does not know, a value typed in a field, a pair in someone’s words: no plan', () => {
    expect(signals(`<main><p>Plan: Custom</p></main>`, ADMIN)).toEqual([]);
    expect(signals(`<main><div><span>Plan</span><textarea>Pro</textarea></div></main>`, ADMIN)).toEqual([]);
    expect(signals(`<main><div data-message-author-role="user"><p>Plan: Pro</p></div></main>`, CHAT)).toEqual([]);
  });

  it('"Plan:Pro" without a space; the value in the next element of the label’s parent', () => {
    expect(plans(`<main><p>Plan:Pro</p></main>`, CHAT)).toEqual({ vibe: 'pro' });
    expect(plans(`<main><div><span><b>Plan</b></span><span>Team</span></div></main>`, ADMIN)).toEqual({ vibe: 'team' });
  });

  it('a value of several words in the next element: "Le Chat Pro", "Free mode"', () => {
    expect(plans(`<main><dl><dt>Plan</dt><dd>Le Chat  Pro</dd></dl></main>`, ADMIN)).toEqual({ vibe: 'pro' });
    expect(plans(`<main><dl><dt>Plan</dt><dd>Free\n mode</dd></dl></main>`, STUDIO)).toEqual({ api: 'free' });
  });

  it('a "Plan" label that ends its row names nothing beyond the row', () => {
    expect(plans(`<main><div><i>★</i><span>Plan</span></div><span>Team</span></main>`, ADMIN)).toEqual({});
  });

  it('a pair next to another plan’s name is part of a list of plans: not read; further away it is', () => {
    expect(plans(`<main><div><p>Plan: Pro</p><p>Team</p></div></main>`, CHAT)).toEqual({});
    expect(plans(`<main><div><div><p>Plan: Pro</p></div></div><p>Enterprise</p></main>`, CHAT)).toEqual({
      vibe: 'pro',
    });
  });
});

describe('plan-names.ts', () => {
  it('the first text that names a plan, for a product', () => {
    expect(planFromNameIn(['Billing', 'Scale', 'Pro'], 'api')).toBe('scale');
    expect(planFromNameIn(['Billing', 'Scale', 'Pro'], 'vibe')).toBe('pro');
    expect(planFromNameIn(['Billing'])).toBeNull();
    expect(planFromName('Plan:Pro')).toBe('pro');
  });
});

describe('plan.ts: where a reader’s bounds fall, and step 1 of a label/value pair (the mutants left open)', () => {
  it('Studio’s header: a "field: plan" line of 30 characters is read', () => {
    const line = 'Abbonamento: Modalità gratuita';
    expect(line.length).toBe(30);
    expect(signals(`<header><span>Acme</span><span>${line}</span></header><main></main>`, STUDIO)).toContain(
      'studio-header:api=free',
    );
  });

  it('a badge’s unit of 120 characters (a long organization name, its owner’s e-mail) is read; of 121, a block of text, it is not', () => {
    const org = 'Acme Research and Development Laboratories of Western Europe';
    const unit = (mail: string) =>
      `<header><button aria-haspopup="menu"><span>${org}</span> <span>${mail}</span> <span>Team</span></button></header>`;
    const mail = 'alexandra.dupont-martin@research.acme-laboratories.com';
    expect(`${org} ${mail} Team`.length).toBe(120);
    expect(plans(unit(mail), ADMIN)).toEqual({ vibe: 'team' });
    expect(plans(unit(mail.replace('.com', '.info')), ADMIN)).toEqual({});
  });

  it('an organization’s name of 60 characters beside its badge is a name', () => {
    const org = 'Acme Research and Development Laboratories of Western Europe';
    expect(org.length).toBe(60);
    expect(
      plans(`<header><button aria-haspopup="menu"><span>${org}</span><span>Team</span></button></header>`, ADMIN),
    ).toEqual({ vibe: 'team' });
  });

  it('Studio’s "Upgrade to Scale" banner of 80 characters is the cue; of 81, a paragraph, it is not', () => {
    const own = 'Upgrade to Scale: higher rate limits, fine-tuning and priority support for teams';
    expect(own.length).toBe(80);
    expect(signals(`<main><div role="status">${own}</div></main>`, STUDIO)).toEqual(['upgrade-banner:api=free']);
    expect(signals(`<main><div role="status">${own}.</div></main>`, STUDIO)).toEqual([]);
  });

  it('a "Plan:" label with a long hint inside it (more than 60 characters in all), its value in the next element: read', () => {
    const hint = 'The plan your organization is billed for each month, renewed on the same day';
    expect(`Plan: ${hint}`.length).toBeGreaterThan(60);
    expect(
      plans(`<main><dl><dt>Plan: <span class="sr-only">${hint}</span></dt><dd>Team</dd></dl></main>`, ADMIN),
    ).toEqual({ vibe: 'team' });
  });

  it('a "Plan:" label whose value is in its child (60 characters in all): the "Team" link after it is not its value', () => {
    const value = 'free trial, 14 days left, then billed monthly per seat';
    expect(`Plan: ${value}`.length).toBe(60);
    expect(plans(`<main><div>Plan: <b>${value}</b></div><a href="/members">Team</a></main>`, ADMIN)).toEqual({});
  });

  it('a "Plan: Free trial" line with a long note after it: the "Team" link after it is not its value', () => {
    expect(
      plans(
        `<main><div>Plan: Free trial <small>(ends in 14 days, then billed monthly for each seat)</small></div><a href="/members">Team</a></main>`,
        ADMIN,
      ),
    ).toEqual({});
  });

  it('a pair whose value has not loaded yet ("Plan ·" and an empty badge) names nothing; the page’s other pair is still read', () => {
    expect(
      signals(
        `<main><section><p>Plan · <b></b></p></section><section><div><p>API plan: Scale</p></div></section></main>`,
        ADMIN,
      ),
    ).toEqual(['plan-label:api=scale']);
  });
});

describe('signals of one kind that disagree give no plan (README: "signals that disagree give no plan")', () => {
  // Two label/value pairs far apart (no pair sees the other's plan within its three levels), each read alone.
  const pro = `<section><div><div><div><dl><dt>Plan</dt><dd>Pro</dd></dl></div></div></div></section>`;
  const team = `<section><div><div><div><p>Current plan: Team</p></div></div></div></section>`;

  it('each pair alone is read', () => {
    expect(signals(`<main>${pro}</main>`, ADMIN)).toEqual(['plan-label:vibe=pro']);
    expect(signals(`<main>${team}</main>`, ADMIN)).toEqual(['plan-label:vibe=team']);
  });

  it('both on one page: no plan-label reading and no plan for Vibe', () => {
    expect(signals(`<main>${pro}${team}</main>`, ADMIN)).toEqual([]);
    expect(plans(`<main>${pro}${team}</main>`, ADMIN)).toEqual({});
  });
});
