/**
 * One source for the hosts (lib/hosts.ts, which lib/surfaces.ts builds on): the manifest's host permissions, every content script's
 * `matches`, the background's tab queries and the URL checks all come from it. Checked three ways: the declared
 * configuration (wxt.config.ts, the content scripts' sources), the built manifests when a build is there
 * (.output/, as `npm test` leaves it), and no match pattern of a Mistral host written anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../wxt.config';
import { ADMIN_WARNINGS, CHAT_WARNINGS } from '@/lib/warnings/registry';
import {
  CONTENT_MATCHES,
  HOSTS,
  isMistralUrl,
  MATCH_PATTERNS,
  matchesWhere,
  MISTRAL_HOSTS,
  SURFACES,
  matchPattern,
  CHAT_SURFACES,
  ADMIN_SURFACES,
} from '@/lib/surfaces';

const ROOT = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const sorted = (a: readonly string[]) => [...a].sort();

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = `${dir}/${name}`;
    if (statSync(join(ROOT, p)).isDirectory()) files(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

describe('hosts: one list', () => {
  it('every host has a surface, every surface a host of the list, and the patterns are https on those hosts', () => {
    expect(sorted([...new Set(SURFACES.map((s) => s.host))])).toEqual(sorted(MISTRAL_HOSTS));
    expect(MATCH_PATTERNS).toEqual(MISTRAL_HOSTS.map((h) => `https://${h}/*`));
    for (const h of MISTRAL_HOSTS) expect(isMistralUrl(`https://${h}/x`), h).toBe(true);
  });

  it('the declared manifest (wxt.config.ts) asks for exactly those hosts, in both browsers', async () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = await (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser });
      expect(manifest.host_permissions, browser).toEqual(MATCH_PATTERNS);
    }
  });

  it('each content script declares its matches from CONTENT_MATCHES, never a literal, all within the hosts', () => {
    const scripts = readdirSync(join(ROOT, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      const src = read(`entrypoints/${f}`);
      expect(src, f).toMatch(/\n\s*matches: CONTENT_MATCHES\.\w+,/);
      expect(src.match(/matches:/g), f).toHaveLength(1);
    }
    const all = new Set(Object.values(CONTENT_MATCHES).flat());
    for (const m of all) expect(MATCH_PATTERNS).toContain(m);
    // Every host has some content script reading it.
    expect(sorted([...all])).toEqual(sorted(MATCH_PATTERNS));
  });

  it('each content script runs on the hosts of the surfaces it serves, no fewer, no more', () => {
    expect(CONTENT_MATCHES.chat).toEqual(matchesWhere((s) => s.host === HOSTS.chat));
    expect(CONTENT_MATCHES.admin).toEqual(matchesWhere((s) => s.host === HOSTS.admin));
    expect(CONTENT_MATCHES.studio).toEqual(matchesWhere((s) => s.host === HOSTS.studio));
    // The UI scripts: the hosts of the surfaces where one of their page type's warnings shows.
    const shows = (ws: readonly { surfaces: readonly string[] }[]) => (s: { id: string }) =>
      ws.some((w) => w.surfaces.includes(s.id));
    expect(CONTENT_MATCHES.chatUi).toEqual(matchesWhere(shows(CHAT_WARNINGS)));
    expect(CONTENT_MATCHES.adminUi).toEqual(matchesWhere(shows(ADMIN_WARNINGS)));
  });

  it("each UI script carries its own host's surfaces (lib/surfaces.ts), the host its matches name", () => {
    for (const [file, list, matches] of [
      ['chat-ui', CHAT_SURFACES, CONTENT_MATCHES.chatUi],
      ['admin-ui', ADMIN_SURFACES, CONTENT_MATCHES.adminUi],
    ] as const) {
      const src = read(`entrypoints/${file}.content.ts`);
      const name = file === 'chat-ui' ? 'CHAT_SURFACES' : 'ADMIN_SURFACES';
      expect(src, file).toContain(`surfaces: ${name},`);
      expect([...new Set(list.map((s) => s.host))].map(matchPattern), file).toEqual(matches);
    }
  });

  it('no match pattern of a Mistral host is written outside lib/hosts.ts', () => {
    const literal = new RegExp(MISTRAL_HOSTS.map((h) => `https?://${h.replace(/\./g, '\\.')}/\\*`).join('|'));
    const sources = [...files('lib'), ...files('entrypoints'), ...files('components'), 'wxt.config.ts'].filter(
      (p) => p !== 'lib/hosts.ts',
    );
    const offenders = sources.filter((p) => literal.test(read(p)));
    expect(offenders).toEqual([]);
  });

  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const path = join(ROOT, '.output', dir, 'manifest.json');
    it.skipIf(!existsSync(path))(
      `the built ${dir} manifest: host permissions and every content script's matches from the one list`,
      () => {
        const m = JSON.parse(readFileSync(path, 'utf8')) as {
          host_permissions?: string[];
          permissions?: string[];
          content_scripts: { matches: string[]; js: string[] }[];
        };
        const hosts = m.host_permissions ?? (m.permissions ?? []).filter((p) => p.includes('://'));
        expect(sorted(hosts)).toEqual(sorted(MATCH_PATTERNS));
        const declared = new Set(Object.values(CONTENT_MATCHES).map((ms) => JSON.stringify(sorted(ms))));
        for (const cs of m.content_scripts)
          expect(declared, cs.js.join()).toContain(JSON.stringify(sorted(cs.matches)));
        expect(sorted([...new Set(m.content_scripts.flatMap((cs) => cs.matches))])).toEqual(sorted(MATCH_PATTERNS));
        expect(matchPattern(MISTRAL_HOSTS[0])).toBe(MATCH_PATTERNS[0]);
      },
    );
  }
});
