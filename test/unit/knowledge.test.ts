/**
 * The policy knowledge (lib/policy/knowledge.ts) held to its documents (lib/policy/sources/, copies of
 * shared/seeds/): every quote is really in its file and in the section it names, every statement has its
 * strings in both languages, the plan defaults are the ones the documents give (disagreements kept), and the
 * ZDR endpoint list is the Help Center's.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITE } from '@/lib/policy/citations';
import { rightsCitations } from '@/lib/rights/rights';
import { retentionCitations } from '@/lib/rights/retention';
import { policyChangeCitations } from '@/lib/rights/policy-versions';
import { KNOWLEDGE, DEFAULTS, PLANS, ZDR_ENDPOINTS, defaultsFor } from '@/lib/policy/knowledge';
import { planFromName } from '@/lib/detect/plan-names';
import { Knowledge, PLAN_IDS, PRODUCTS, type Citation, type PlanId, type Product } from '@/lib/policy/schema';
import { SURFACES } from '@/lib/surfaces';
import { citationProblem, readSource, SOURCES_DIR } from './citations';

const readLocale = (lang: 'en' | 'fr'): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', lang, 'messages.json'), 'utf8'));

/** White space folded and markdown bold (`**`) and escapes (`5\.`) removed, the same way for quote and file. */

/** Every citation in the knowledge, with where it sits (for readable test names). */
function allCitations(): { where: string; c: Citation }[] {
  const out: { where: string; c: Citation }[] = [];
  for (const x of KNOWLEDGE.controls) x.citations.forEach((c, i) => out.push({ where: `control ${x.id} #${i}`, c }));
  for (const x of KNOWLEDGE.defaults)
    out.push({ where: `default ${x.product}/${x.plan}=${x.training} (${x.citation.source})`, c: x.citation });
  for (const x of KNOWLEDGE.facts) x.citations.forEach((c, i) => out.push({ where: `fact ${x.id} #${i}`, c }));
  for (const x of KNOWLEDGE.retention) x.citations.forEach((c, i) => out.push({ where: `retention ${x.id} #${i}`, c }));
  KNOWLEDGE.zdrEndpoints.citations.forEach((c, i) => out.push({ where: `zdrEndpoints #${i}`, c }));
  // Every named citation (CITE), the rights, retention and policy-change pages' included.
  for (const [name, c] of Object.entries(KNOWLEDGE.citations)) out.push({ where: `CITE.${name}`, c });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sections of each document. The plain-text pages (000, 001, 002) carry their headings as bare lines; these
// are read off the documents by hand. The policy (003) is markdown and its headings are parsed. The opening
// lines before the first heading are named after the document's subject; the third-party summary (004) has no
// headings at all and is one section, "Summary".
// ---------------------------------------------------------------------------------------------------------
describe('knowledge: shape', () => {
  it('the whole KNOWLEDGE object parses with the zod Knowledge schema', () => {
    const r = Knowledge.safeParse(KNOWLEDGE);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues, null, 2)).toBe(true);
  });

  it.each(KNOWLEDGE.sources.map((s) => [s.id, s.file]))('source %s: its file %s exists', (_id, file) => {
    expect(existsSync(join(SOURCES_DIR, file))).toBe(true);
  });

  // The copies are held to checksums kept in the repository (lib/policy/sources/SHA256SUMS, the output of
  // `sha256sum *.txt` over the seeds), so this check runs on every machine; where the seeds themselves are
  // present (shared/seeds, beside the worktree or one level up), they are held to the same checksums.
  const SUMS: Map<string, string> = new Map(
    readFileSync(join(SOURCES_DIR, 'SHA256SUMS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(l);
        if (!m) throw new Error(`bad SHA256SUMS line: ${l}`);
        return [m[2], m[1]] as [string, string];
      }),
  );
  const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it('SHA256SUMS lists exactly the source files, and every source of the knowledge is among them', () => {
    const files = readdirSync(SOURCES_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect([...SUMS.keys()].sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const s of KNOWLEDGE.sources) expect(SUMS.has(s.file), s.file).toBe(true);
  });

  it.each([...SUMS.entries()])('source copy %s has the checksum recorded for its seed', (file, sum) => {
    expect(sha256(join(SOURCES_DIR, file))).toBe(sum);
  });

  const seedsDir = [join(process.cwd(), '../shared/seeds'), join(process.cwd(), '../../shared/seeds')].find((d) =>
    existsSync(d),
  );
  it.skipIf(!seedsDir).each([...SUMS.entries()])(
    'seed %s (shared/seeds, present on this machine) has the recorded checksum',
    (file, sum) => {
      expect(sha256(join(seedsDir!, file))).toBe(sum);
    },
  );

  it('every control lives on a page Windsock knows (a surface id) or on none', () => {
    const ids = new Set<string>(SURFACES.map((s) => s.id));
    for (const c of KNOWLEDGE.controls) if (c.page !== null) expect(ids.has(c.page), `${c.id} → ${c.page}`).toBe(true);
  });
});

describe('knowledge: one source for citations (CITE), no quote twice', () => {
  it('no two entries of CITE quote the same words', () => {
    const byQuote = Map.groupBy(Object.entries(CITE), ([, c]) => c.quote.replace(/\s+/g, ' ').trim());
    expect([...byQuote.values()].filter((g) => g.length > 1).map((g) => g.map(([n]) => n))).toEqual([]);
  });

  it('every citation the knowledge, the rights, the retention view and the policy changes show is an entry of CITE', () => {
    const named = new Set<Citation>(Object.values(CITE));
    const all = [...allCitations(), ...rightsCitations(), ...retentionCitations(), ...policyChangeCitations()];
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(({ c }) => !named.has(c)).map(({ where }) => where)).toEqual([]);
  });

  it('KNOWLEDGE.citations is CITE, so the zod schema holds every one of them', () => {
    expect(KNOWLEDGE.citations).toBe(CITE);
    expect(Object.keys(CITE).length).toBeGreaterThanOrEqual(90);
  });
});

describe('knowledge: every quote is verbatim in its source, in the section it names', () => {
  it.each(allCitations().map(({ where, c }) => [where, c] as const))('%s', (_where, c) => {
    expect(citationProblem(c)).toBeNull();
  });

  it('negative controls: a changed word, a wrong section or a missing section are caught', () => {
    const good: Citation = {
      source: 'docs-privacy',
      section: 'Data usage',
      quote: "API: data sent through the API isn't used for model training.",
    };
    expect(citationProblem(good)).toBeNull();
    expect(citationProblem({ ...good, quote: 'API: data sent through the API is used for model training.' })).toMatch(
      /not found/,
    );
    expect(citationProblem({ ...good, section: 'API privacy controls' })).toMatch(/not under/);
    expect(citationProblem({ ...good, section: 'Data use' })).toMatch(/no section/);
    expect(
      citationProblem({
        source: 'privacy-policy-2025',
        section: '3.4.2. Input and Output provided on La Plateforme',
        quote: 'If you click on "Thumbs Up" or "Thumbs Down" to rate an Output',
      }),
    ).toMatch(/not under/);
  });
});

describe('knowledge: every statement has its strings in both languages', () => {
  const en = readLocale('en');
  const fr = readLocale('fr');
  const keys = [
    ...KNOWLEDGE.facts.map((f) => ['fact', f.id, f.claimKey]),
    ...KNOWLEDGE.retention.map((r) => ['retention', r.id, r.claimKey]),
  ];
  it.each(keys)('%s %s → %s is in en and fr', (_kind, _id, key) => {
    expect(en[key]?.message, `en is missing ${key}`).toBeTruthy();
    expect(fr[key]?.message, `fr is missing ${key}`).toBeTruthy();
  });
});

describe('knowledge: plan defaults', () => {
  /**
   * Every plan × product pair a plan lists has at least one document giving its default. Scale is the API's
   * plan (seed 002 "ZDR on Mistral Studio": "the Scale plan (our paid API plan)") and lists only 'api', so
   * Vibe × Scale is not among the pairs. (An empty list of "silent" exceptions used to filter this table.)
   */
  const listed = PLANS.flatMap((p) => p.products.map((product) => [product, p.id] as [Product, PlanId]));

  it('the pairs checked are every plan of both products', () => {
    expect(new Set(listed.map(([, plan]) => plan))).toEqual(new Set(PLAN_IDS));
    expect(listed.filter(([product]) => product === 'vibe').length).toBeGreaterThanOrEqual(5);
    expect(listed.filter(([product]) => product === 'api').length).toBeGreaterThanOrEqual(2);
  });

  it.each(listed)('%s × %s has at least one default claim', (product, plan) => {
    expect(defaultsFor(product, plan).claims.length).toBeGreaterThan(0);
  });

  it('no default claim for a product the plan does not list (nor for Vibe × Scale)', () => {
    for (const d of DEFAULTS) {
      const plan = PLANS.find((p) => p.id === d.plan)!;
      expect(plan.products, `${d.product}/${d.plan}`).toContain(d.product);
    }
    expect(defaultsFor('vibe', 'scale').claims).toEqual([]);
  });

  it('one claim per document per plan and product (the comment in knowledge.ts says so)', () => {
    for (const product of PRODUCTS)
      for (const plan of PLAN_IDS) {
        const sources = defaultsFor(product, plan).claims.map((c) => c.citation.source);
        expect(new Set(sources).size, `${product}/${plan}: ${sources.join(', ')}`).toBe(sources.length);
      }
  });

  // The two disagreements the documents have (seeds README; notes "Plans and training defaults").
  it('Vibe Pro is recorded as disputed: 000 says off, 001 and 003 say on', () => {
    const d = defaultsFor('vibe', 'pro');
    expect(d.agreed).toBeNull();
    const on = d.claims.filter((c) => c.training === 'on').map((c) => c.citation.source);
    const off = d.claims.filter((c) => c.training === 'off').map((c) => c.citation.source);
    expect(off).toContain('docs-privacy');
    expect(on).toEqual(expect.arrayContaining(['help-opt-out', 'privacy-policy-2025']));
  });

  it('API free is recorded as disputed: 000 says off, 001 and 003 §3.4.2 say on', () => {
    const d = defaultsFor('api', 'free');
    expect(d.agreed).toBeNull();
    const on = d.claims.filter((c) => c.training === 'on').map((c) => c.citation.source);
    const off = d.claims.filter((c) => c.training === 'off').map((c) => c.citation.source);
    expect(off).toContain('docs-privacy');
    expect(on).toEqual(expect.arrayContaining(['help-opt-out', 'privacy-policy-2025']));
  });

  /** What the documents agree on, everywhere else. */
  const AGREED: [Product, PlanId, 'on' | 'off'][] = [
    ['vibe', 'free', 'on'], // 000 Data usage; 001; 003 §3.4.3; 004
    ['vibe', 'education', 'on'], // 001 (Free, Pro or Education plan… opt out); 003 §3.4.3 "Le Chat Student"
    ['vibe', 'team', 'off'], // 000 Data usage; 001 "Vibe Teams or Enterprise… opted out by default"; 003 §3.4.3
    ['vibe', 'enterprise', 'off'], // 000; 001; 004 "carves out… Le Chat Enterprise"
    ['api', 'scale', 'off'], // 001 "Scale plan are opted out of training by default"; 003 §3.4.2 paid; 000
    ['api', 'pro', 'off'], // 003 §3.4.2 paid Services; 000 API
    ['api', 'education', 'off'],
    ['api', 'team', 'off'],
    ['api', 'enterprise', 'off'],
  ];
  it.each(AGREED)('%s × %s: documents agree on training %s', (product, plan, value) => {
    expect(defaultsFor(product, plan).agreed).toBe(value);
  });

  it('the only disputed defaults are Vibe Pro and API free', () => {
    const disputed = listed.filter(
      ([product, plan]) => defaultsFor(product, plan).claims.length > 0 && defaultsFor(product, plan).agreed === null,
    );
    expect(disputed.map(([a, b]) => `${a}/${b}`).sort()).toEqual(['api/free', 'vibe/pro']);
  });
});

describe('knowledge: zero data retention endpoints', () => {
  const text = readSource('002_6350e61b3c907b8f.txt');
  const lines = text.split('\n');

  it("the covered list is exactly seed 002's list, in its order", () => {
    const i = lines.findIndex((l) => l.startsWith('ZDR applies to the following stateless API endpoints:'));
    expect(i).toBeGreaterThan(-1);
    // The page lost its list markup: "/v1/chat/completions/v1/fim/completions/v1/embeddings/v1/moderations,…"
    const fromSeed = lines[i + 1]
      .split(/(?=\/v1\/)|,|\band\b/)
      .map((s) => s.replace(/,/g, '').trim())
      .filter(Boolean);
    expect(fromSeed.length).toBe(10);
    expect(ZDR_ENDPOINTS.covered).toEqual(fromSeed);
  });

  it("the not-covered list is exactly seed 002's stateful list", () => {
    const line = lines.find((l) => l.includes('ZDR does not apply to stateful APIs or products, including'))!;
    const list = line
      .replace(/^.*including /, '')
      .replace(/\.\s.*$/, '')
      .replace(/, and /, ', ')
      .split(', ')
      .map((s) => s.trim());
    expect(ZDR_ENDPOINTS.notCovered).toEqual(list);
  });
});

describe('knowledge: planFromName', () => {
  const NAMES: [string, PlanId][] = [
    // current names (notes "Plans and training defaults": Free mode, Pro, Education, Team, Enterprise)
    ['Free', 'free'],
    ['Free mode', 'free'],
    ['Pro', 'pro'],
    ['Education', 'education'],
    ['Team', 'team'],
    ['Enterprise', 'enterprise'],
    ['Scale', 'scale'],
    // older names, as the documents print them
    ['Le Chat Free', 'free'], // 003 §3.4.3
    ['Le Chat Pro', 'pro'], // 003 §3.4.3
    ['Le Chat Student', 'education'], // 003 §3.4.3
    ['Student', 'education'],
    ['Le Chat Team', 'team'], // 003 §3.4.3
    ['Teams', 'team'],
    ['Vibe Teams', 'team'], // 001 "Users of Vibe Teams or Enterprise plan"
    ['Le Chat Enterprise', 'enterprise'], // 004
    ['Experiment', 'free'], // La Plateforme's old free tier (notes)
    ['Vibe Pro', 'pro'],
    // as pages print them: case and spacing vary
    ['  le chat   PRO ', 'pro'],
    ['FREE MODE', 'free'],
  ];
  it.each(NAMES)('%j → %s', (name, plan) => {
    expect(planFromName(name)).toBe(plan);
  });

  it.each(['', 'Platinum', 'Le Chat', 'Pro plan for teams', 'Scale-ish'])('%j → null', (name) => {
    expect(planFromName(name)).toBeNull();
  });
});
