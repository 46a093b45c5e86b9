/**
 * public/_locales/{en,fr}/messages.json: the same keys in both, nothing empty, the same $n placeholders, and
 * every key the code names (verdict messages, badge titles, plan/surface/control/value labels) present.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_IDS, PLAN_IDS, RETENTION_VALUES } from '@/lib/policy/schema';
import { SURFACES } from '@/lib/surfaces';
import { BADGE } from '@/lib/verdict';

type Catalog = Record<string, { message: string; description?: string }>;
const readLocale = (lang: 'en' | 'fr'): Catalog => JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = readLocale('en');
const fr = readLocale('fr');

const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

/** String literals (camelCase i18n keys) passed to `m(...)` in a source file, ternaries included. */
function keysPassedToM(src: string): string[] {
  const keys = new Set<string>();
  for (const call of src.matchAll(/\bm\(/g)) {
    let depth = 0;
    let i = call.index! + 1;
    for (; i < src.length; i++) {
      if (src[i] === '(') depth++;
      else if (src[i] === ')' && --depth === 0) break;
    }
    const inner = src.slice(call.index! + 2, i);
    for (const lit of inner.matchAll(/(['"])([A-Za-z0-9_]+)\1/g)) if (/^[a-z]+[A-Z]/.test(lit[2])) keys.add(lit[2]);
  }
  return [...keys].sort();
}

/** String literals passed as the first argument of `t(...)`. */
const keysPassedToT = (src: string) => [...new Set([...src.matchAll(/\bt\((['"])([A-Za-z0-9_]+)\1/g)].map((x) => x[2]))].sort();

describe('locales', () => {
  it('en and fr have exactly the same keys', () => {
    const onlyEn = Object.keys(en).filter((k) => !(k in fr));
    const onlyFr = Object.keys(fr).filter((k) => !(k in en));
    expect({ onlyEn, onlyFr }).toEqual({ onlyEn: [], onlyFr: [] });
  });

  it('no message is empty, in either language', () => {
    const empty = (['en', 'fr'] as const).flatMap((lang) =>
      Object.entries(lang === 'en' ? en : fr)
        .filter(([, v]) => typeof v?.message !== 'string' || v.message.trim() === '')
        .map(([k]) => `${lang}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('every key has the same $n placeholders in en and fr', () => {
    const diff = Object.keys(en)
      .filter((k) => k in fr && placeholders(en[k].message).join() !== placeholders(fr[k].message).join())
      .map((k) => `${k}: en ${placeholders(en[k].message).join(',') || '-'} / fr ${placeholders(fr[k].message).join(',') || '-'}`);
    expect(diff).toEqual([]);
  });

  it('keys are valid Chrome i18n names (letters, digits, underscore)', () => {
    expect(Object.keys(en).filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  it('every key lib/verdict.ts passes to m(...) exists in en and fr', () => {
    const keys = keysPassedToM(readFileSync(join(process.cwd(), 'lib/verdict.ts'), 'utf8'));
    expect(keys.length).toBeGreaterThan(30); // the extraction itself works
    expect(keys).toContain('headlineVibeToggleOn'); // from a ternary
    expect(keys).toContain('headlineApiToggleOn');
    expect(keys.filter((k) => !(k in en) || !(k in fr))).toEqual([]);
  });

  it('every key lib/i18n.ts passes to t(...) exists in en and fr', () => {
    const keys = keysPassedToT(readFileSync(join(process.cwd(), 'lib/i18n.ts'), 'utf8'));
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((k) => !(k in en) || !(k in fr))).toEqual([]);
  });

  it('badge titles, plan, surface, control and retention labels exist for every id', () => {
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const wanted = [
      ...Object.values(BADGE).map((b) => b.titleKey),
      ...PLAN_IDS.map((p) => `plan${cap(p)}`),
      ...SURFACES.map((s) => `surface_${s.id.replace(/-/g, '_')}`),
      ...CONTROL_IDS.map((c) => `control_${c.replace(/-/g, '_')}`),
      ...RETENTION_VALUES.map((v) => `retention_${v}`),
    ];
    expect(wanted.filter((k) => !(k in en) || !(k in fr))).toEqual([]);
  });
});
