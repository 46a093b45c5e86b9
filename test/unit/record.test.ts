/**
 * The privacy record in words (lib/rights/record.ts): the history newest first, each line described in both
 * languages, and the Markdown receipt — plan, settings with the dates they were seen, declarations, shares,
 * history, the policy versions the knowledge comes from and what changed between them.
 */
import { describe, expect, it } from 'vitest';
import { emptyStore, type Store } from '@/lib/store/schema';
import { describeEntry, historyNewestFirst, mdText, recordFileName, toMarkdown, utcStamp } from '@/lib/rights/record';
import { POLICY_CHANGES, POLICY_VERSIONS } from '@/lib/rights/policy-versions';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';

/** The catalogs, by language, as the extension ships them. */
const ADDITIONS: Record<'en' | 'fr', Record<string, { message: string }>> = { en, fr };

const T = Date.UTC(2026, 9, 14, 16, 20, 0);
const CHAT = '3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c';

const STORE: Store = {
  schemaVersion: 3,
  currentOrg: 'org_2b7c9e41',
  orgs: {
    org_2b7c9e41: {
      name: 'Atelier Nord',
      observations: {
        'plan:vibe': { value: 'free', via: 'account-data', where: 'vibe-chat', seenAt: T - 3_600_000, confidence: 1 },
        'vibe-training': { value: 'on', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'chat-retention': { value: '90d', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        'labs-models': {
          value: 'off',
          via: 'page',
          where: 'admin-api-privacy',
          seenAt: T - 60_000,
          confidence: 1,
          locked: true,
        },
      },
      declarations: { 'plan:api': { value: 'scale', at: T - 86_400_000 } },
    },
  },
  settings: { language: 'auto' },
  guardsOff: [],
  bannerDismissedUntil: {},
  shares: [{ chatId: CHAT, at: T - 1000, org: 'org_2b7c9e41' }],
  history: [
    { at: T - 86_400_000, org: 'org_2b7c9e41', kind: 'declared', key: 'plan:api', value: 'scale', previous: null },
    {
      at: T - 3_600_000,
      org: 'org_2b7c9e41',
      kind: 'observed',
      key: 'plan:vibe',
      value: 'free',
      previous: null,
      where: 'vibe-chat',
    },
    { at: T - 1000, org: 'org_2b7c9e41', kind: 'shared', key: 'chat', value: CHAT },
    {
      at: T,
      org: 'org_2b7c9e41',
      kind: 'observed',
      key: 'vibe-training',
      value: 'on',
      previous: 'off',
      where: 'admin-vibe-privacy',
    },
    {
      at: T,
      org: 'org_2b7c9e41',
      kind: 'observed',
      key: 'chat-retention',
      value: '90d',
      previous: null,
      where: 'admin-vibe-privacy',
    },
  ],
};

describe('history', () => {
  it('newest first; entries of the same instant in reverse order of recording', () => {
    const keys = historyNewestFirst(STORE).map((e) => e.key);
    expect(keys).toEqual(['chat-retention', 'vibe-training', 'chat', 'plan:vibe', 'plan:api']);
    expect(STORE.history[0].key).toBe('plan:api'); // the store itself is not reordered
  });

  it('each line in words, English and French', () => {
    const e = STORE.history[3];
    expect(describeEntry(STORE, e, 'en')).toEqual({
      at: T,
      kind: 'observed',
      kindLabel: 'Seen',
      what: 'Model training (Vibe)',
      value: 'on',
      previous: 'off',
      where: 'Admin Panel › Vibe › Privacy',
      org: 'Atelier Nord',
    });
    expect(describeEntry(STORE, e, 'fr')).toMatchObject({ kindLabel: 'Vu', value: 'activé', previous: 'désactivé' });
    expect(describeEntry(STORE, STORE.history[0], 'en')).toMatchObject({
      kindLabel: 'Declared by you',
      what: 'Plan (Studio and API)',
      value: 'Scale',
      previous: null,
      where: '',
    });
    expect(describeEntry(STORE, STORE.history[2], 'fr')).toMatchObject({
      kindLabel: 'Partagée par lien public',
      what: 'Conversation',
      value: CHAT,
    });
    expect(describeEntry(STORE, STORE.history[4], 'en')).toMatchObject({
      what: 'Chat Retention Policy',
      value: '90 days',
    });
    expect(
      describeEntry(
        STORE,
        { at: T, org: 'default', kind: 'declared', key: 'vibe-training', value: null, previous: 'on' },
        'en',
      ),
    ).toMatchObject({ value: '(cleared)', org: '(not named yet)' });
  });
});

describe('Markdown receipt', () => {
  // Made inside each test, never in this describe body: Stryker's per-test coverage credits a test only with the
  // code it runs itself (README, "Mutation testing").
  const receipt = (lang: 'en' | 'fr') => toMarkdown(STORE, { now: T + 60_000, lang, version: '0.1.0' });

  it('says what it is, when it was made and by what', () => {
    const en = receipt('en');
    const fr = receipt('fr');
    expect(en.startsWith('# Windsock privacy record\n')).toBe(true);
    expect(en).toContain(
      'Exported on 2026-10-14 16:21 UTC by Windsock 0.1.0, a browser extension not affiliated with Mistral AI.',
    );
    expect(fr.startsWith('# Relevé de confidentialité Windsock\n')).toBe(true);
  });

  it('has the plan, the toggles and the dates they were seen', () => {
    const en = receipt('en');
    const fr = receipt('fr');
    expect(en).toContain('## Organization: Atelier Nord (current)');
    expect(en).toContain('- Plan (Vibe): Free — seen on Vibe › Chat, 2026-10-14 15:20 UTC (from the account data)');
    expect(en).toContain('- Model training (Vibe): on — seen on Admin Panel › Vibe › Privacy, 2026-10-14 16:20 UTC');
    expect(en).toContain(
      '- Chat Retention Policy: 90 days — seen on Admin Panel › Vibe › Privacy, 2026-10-14 16:20 UTC',
    );
    expect(en).toContain(
      '- Labs models: off — seen on Admin Panel › API › Privacy, 2026-10-14 16:19 UTC (set by the organization, locked)',
    );
    expect(en).toContain('- Plan (Studio and API): Scale — declared 2026-10-13 16:20 UTC');
    expect(fr).toContain(
      '- Model training (Vibe) : activé — vu sur Admin Panel › Vibe › Privacy, le 2026-10-14 16:20 UTC',
    );
    expect(fr).toContain('Durée de conservation des conversations : 90 jours');
  });

  it('has the shared chats and the whole history, newest first', () => {
    const en = receipt('en');
    expect(en).toContain(`- 2026-10-14 16:19 UTC — https://chat.mistral.ai/chat/${CHAT} (organization: Atelier Nord)`);
    const table = en.slice(en.indexOf('## History'), en.indexOf('## Where'));
    const rows = table.split('\n').filter((l) => l.startsWith('| 20'));
    expect(rows).toHaveLength(STORE.history.length);
    expect(rows[0]).toBe(
      '| 2026-10-14 16:20 UTC | Atelier Nord | Seen | Chat Retention Policy | 90 days |  | Admin Panel › Vibe › Privacy |',
    );
    expect(rows[1]).toContain('| Seen | Model training (Vibe) | on | off |');
    expect(rows.at(-1)).toContain('| Declared by you | Plan (Studio and API) | Scale |');
  });

  it('names the policy versions the knowledge comes from, and what changed between them', () => {
    const en = receipt('en');
    const fr = receipt('fr');
    expect(en).toContain('**2025-02-06** — Privacy Policy effective 6 February 2025');
    expect(en).toContain('**2026-04-08** — Privacy Policy effective 8 April 2026, as summarised by a third party');
    expect(en).toContain("Mistral's current documentation and Help Center pages");
    expect(en).toContain('https://mistral.ai/terms#privacy-policy');
    expect(en).toMatch(/legitimate interests?/);
    expect(en).toContain('New in 2026: Memory');
    expect(en).toContain('Vibe Pro: trained by default according to the 2025 policy');
    // each change with its cited quotes
    expect(en).toContain(
      "“the policy uses 'legitimate interest' as the lawful basis for AI model training on free-tier user Inputs and Outputs”",
    );
    for (const ch of POLICY_CHANGES) expect(en).toContain(ADDITIONS.en[ch.claimKey].message);
    for (const v of POLICY_VERSIONS) expect(fr).toContain(ADDITIONS.fr[v.labelKey].message);
  });

  it('nothing stored: every section says so', () => {
    const md = toMarkdown(emptyStore(), { now: T, lang: 'en' });
    expect(md).toContain('Exported on 2026-10-14 16:20 UTC by Windsock, a browser extension');
    expect(md.match(/Nothing recorded\./g)?.length).toBe(3); // organizations, shares, history
    expect(md).toContain('## What changed between these versions that matters');
    expect(md).not.toMatch(/\$\d|undefined|null/);
  });

  it('text from pages cannot inject Markdown (links, tables, HTML)', () => {
    const s: Store = {
      ...STORE,
      orgs: {
        x: { name: 'Evil | [click](https://evil.example) <img src=x> *bold*', observations: {}, declarations: {} },
      },
      currentOrg: 'x',
    };
    const md = toMarkdown(s, { now: T, lang: 'en' });
    expect(md).toContain(
      '## Organization: Evil \\| \\[click\\](https://evil.example) \\<img src=x\\> \\*bold\\* (current)',
    );
    expect(md).not.toContain('[click](');
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(mdText('a_b `c` ~d~')).toBe('a\\_b \\`c\\` \\~d\\~');
  });

  it('no placeholder or key left, in either language', () => {
    const en = receipt('en');
    const fr = receipt('fr');
    for (const md of [en, fr]) {
      expect(md).not.toMatch(/\$\d/);
      expect(md).not.toMatch(/\b(record|rights|letter|ret|zdr)_[a-z_]+\b/);
      expect(md).not.toMatch(/undefined|NaN/);
    }
  });
});

describe('helpers', () => {
  it('utcStamp and file names', () => {
    expect(utcStamp(T)).toBe('2026-10-14 16:20 UTC');
    expect(recordFileName(T, 'md')).toBe('windsock-privacy-record-2026-10-14.md');
    expect(recordFileName(T, 'json')).toBe('windsock-privacy-record-2026-10-14.json');
  });
});

describe('organization names from the store are own records only', () => {
  it('a history line of an organization keyed "constructor" is not labelled with Object.prototype.constructor.name', () => {
    const s: Store = {
      ...STORE,
      orgs: {},
      history: [{ at: T, org: 'constructor', kind: 'observed', key: 'vibe-training', value: 'on', previous: null }],
    };
    expect(describeEntry(s, s.history[0], 'en').org).toBe('constructor');
  });
});

describe('Markdown receipt: several organizations, and what each line adds', () => {
  const D = 86_400_000;
  const MANY: Store = {
    ...emptyStore(),
    currentOrg: 'org_m',
    // Stored in this order: the current organization last, its id between the others'.
    orgs: {
      org_z: {
        name: 'Zeta',
        observations: {
          'vibe-training': { value: 'off', via: 'page', where: 'admin-vibe-privacy', seenAt: T, confidence: 1 },
        },
        declarations: {},
      },
      org_b: { name: 'Beta', observations: {}, declarations: { 'vibe-training': { value: 'off', at: T } } },
      org_m: {
        name: 'Mu',
        observations: {
          'plan:vibe': {
            value: 'pro',
            via: 'visible-cue',
            where: 'vibe-chat',
            seenAt: T,
            confidence: 0.5,
            disputed: { value: 'free', via: 'account-data', where: 'vibe-chat', seenAt: T - D },
          },
          'plan:api': {
            value: 'scale',
            via: 'page',
            where: 'studio',
            seenAt: T,
            confidence: 1,
            replaced: { value: 'free', at: T - 2 * D },
          },
        },
        declarations: {},
      },
    },
    shares: [
      { chatId: 'chat-older', at: T - D, org: 'org_m' },
      { chatId: 'chat-newer', at: T, org: 'org_b' },
    ],
    history: [],
  };
  /** From a `## ` heading to the next one. */
  const section = (md: string, heading: string) => {
    const at = md.indexOf(`## ${heading}`);
    expect(at, heading).toBeGreaterThanOrEqual(0);
    const next = md.indexOf('\n## ', at + 3);
    return md.slice(at, next < 0 ? undefined : next + 1);
  };

  it('the current organization first, then the others by name; each with its plan, settings and declarations', () => {
    const md = toMarkdown(MANY, { now: T, lang: 'en' });
    // In whatever order the store holds them.
    const ids = Object.keys(MANY.orgs);
    const orders = ids.flatMap((a) =>
      ids.flatMap((b) => ids.filter((c) => c !== a && c !== b && a !== b).map((c) => [a, b, c])),
    );
    expect(orders).toHaveLength(6);
    for (const order of orders) {
      const orgs = Object.fromEntries(order.map((id) => [id, MANY.orgs[id]]));
      expect(
        toMarkdown({ ...MANY, orgs }, { now: T, lang: 'en' })
          .split('\n')
          .filter((l) => l.startsWith('## Organization')),
        order.join(' '),
      ).toEqual(['## Organization: Mu (current)', '## Organization: Beta', '## Organization: Zeta']);
    }
    expect(section(md, 'Organization: Mu')).toBe(
      [
        '## Organization: Mu (current)',
        '',
        '### Plan',
        '',
        '- Plan (Vibe): Pro — seen on Vibe › Chat, 2026-10-14 16:20 UTC (from a visible cue on the page) (another page said Free on 2026-10-13 16:20 UTC)',
        '- Plan (Studio and API): Scale — seen on Studio, 2026-10-14 16:20 UTC (replaced my declaration “Free” of 2026-10-12 16:20 UTC)',
        '',
        '### Privacy settings seen',
        '',
        'Nothing recorded.',
        '',
        '',
      ].join('\n'),
    );
    expect(section(md, 'Organization: Beta')).toBe(
      [
        '## Organization: Beta',
        '',
        '### Plan',
        '',
        'Nothing recorded.',
        '',
        '### Privacy settings seen',
        '',
        'Nothing recorded.',
        '',
        '### Declared by me (not seen on a page)',
        '',
        '- Model training (Vibe): off — declared 2026-10-14 16:20 UTC',
        '',
        '',
      ].join('\n'),
    );
    expect(section(md, 'Organization: Zeta')).toBe(
      [
        '## Organization: Zeta',
        '',
        '### Plan',
        '',
        'Nothing recorded.',
        '',
        '### Privacy settings seen',
        '',
        '- Model training (Vibe): off — seen on Admin Panel › Vibe › Privacy, 2026-10-14 16:20 UTC',
        '',
        '',
      ].join('\n'),
    );
  });

  it('shared chats newest first, each with its organization; no history: says so, with no table', () => {
    const md = toMarkdown(MANY, { now: T, lang: 'en' });
    expect(section(md, 'Chats shared')).toBe(
      [
        '## Chats shared by public link',
        '',
        '- 2026-10-14 16:20 UTC — https://chat.mistral.ai/chat/chat-newer (organization: Beta)',
        '- 2026-10-13 16:20 UTC — https://chat.mistral.ai/chat/chat-older (organization: Mu)',
        '',
        '',
      ].join('\n'),
    );
    expect(section(md, 'History')).toBe(['## History (newest first)', '', 'Nothing recorded.', '', ''].join('\n'));
  });

  it('nothing stored: the head of the receipt, each section saying so', () => {
    const md = toMarkdown(emptyStore(), { now: T, lang: 'en' });
    expect(md.slice(0, md.indexOf('\n- **'))).toBe(
      [
        '# Windsock privacy record',
        '',
        `Exported on 2026-10-14 16:20 UTC by Windsock, ${ADDITIONS.en.record_md_generated.message.split('$2, ')[1]}`,
        '',
        ADDITIONS.en.record_md_disclaimer.message,
        '',
        '## Organizations',
        '',
        'Nothing recorded.',
        '',
        '## Chats shared by public link',
        '',
        'Nothing recorded.',
        '',
        '## History (newest first)',
        '',
        'Nothing recorded.',
        '',
        "## Where Windsock's knowledge comes from",
        '',
        ADDITIONS.en.record_md_sources_note.message,
        '',
      ].join('\n'),
    );
  });

  it('the history table: its header, and a shared chat with nothing before it and no page', () => {
    const md = toMarkdown(STORE, { now: T, lang: 'en' });
    const lines = section(md, 'History').split('\n');
    expect(lines.slice(2, 4)).toEqual([
      '| When (UTC) | Organization | Event | What | Value | Before | Where |',
      '|---|---|---|---|---|---|---|',
    ]);
    expect(lines).toContain(`| 2026-10-14 16:19 UTC | Atelier Nord | Shared by public link | Chat | ${CHAT} |  |  |`);
  });

  it('the documents of each version, with their publisher, date and address when there is one', () => {
    const md = toMarkdown(emptyStore(), { now: T, lang: 'en' });
    const lines = md.split('\n').filter((l) => l.startsWith('- **'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /Documents: Privacy Policy, effective 6 February 2025 \(Mistral AI, 2025-02-06, https:\/\/mistral\.ai\/terms#privacy-policy\)\.$/,
    );
    // The third-party summary has no address: none is made up.
    expect(lines[1]).toMatch(/\(third party\) \(Third-party summary, 2026-04-08\)\.$/);
    expect(lines[2].split('Documents: ')[1].split('; ')).toHaveLength(3);
  });

  it('each change lists its sources: title, date, section and the quote', () => {
    const md = toMarkdown(emptyStore(), { now: T, lang: 'en' });
    expect(md).toContain(
      '  - Summary of the Privacy Policy effective 8 April 2026 (third party), 2026-04-08, section “Summary”: “when you use products like Le Chat and Mistral AI Studio”\n',
    );
    const quoteLines = section(md, 'What changed')
      .split('\n')
      .filter((l) => l.startsWith('  - '));
    expect(quoteLines).toHaveLength(POLICY_CHANGES.flatMap((c) => c.citations).length);
    for (const l of quoteLines) expect(l).toMatch(/^ {2}- .+, 20\d\d(-\d\d-\d\d)?, section “[^”]+”: “.+”$/);
    // A blank line after the versions and after the heading; the receipt ends with its last quote.
    expect(md).toMatch(/\)\.\n\n## What changed between these versions that matters\n\n- /);
    expect(md).toMatch(/”\n$/);
  });
});

describe('the record in words, for what a newer or damaged store may hold', () => {
  it('a setting or value Windsock has no words for is shown as stored, never as a key', () => {
    const e = {
      at: T,
      org: 'default',
      kind: 'observed',
      key: 'mystery-switch',
      value: 'maybe',
      previous: null,
    } as const;
    expect(describeEntry(STORE, e, 'en')).toMatchObject({ what: 'mystery-switch', value: 'maybe' });
    expect(describeEntry(STORE, { ...e, key: 'vibe-training' }, 'en').value).toBe('maybe');
  });

  it('a time that is not a time is written as stored rather than breaking the receipt', () => {
    expect(utcStamp(Number.NaN)).toBe('NaN');
  });

  it('page text is trimmed and single-spaced', () => {
    expect(mdText('  Atelier \n\n  Nord  ')).toBe('Atelier Nord');
  });
});
