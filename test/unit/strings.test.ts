/**
 * Every message of the English catalog (public/_locales/en/messages.json; the other seven have the same keys,
 * test/unit/locales.test.ts) is used by the extension: a key nothing asks for is a string translators keep
 * translating for nobody.
 *
 * "Used" means named in the shipped code (lib/, components/, entrypoints/, wxt.config.ts; not test/ nor
 * scripts/): as a string literal (`t('popupTitle')`, `titleKey: 'badgeTitleOn'`), as `__MSG_key__` (the
 * manifest), or built by one of the documented dynamic patterns below from a part the code also names (as a
 * string or an identifier). A pattern whose template is no longer in its file fails the test, so the list
 * cannot outlive the code that builds the keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';

const ROOT = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) walk(rel, out);
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const SOURCES = [...walk('lib'), ...walk('components'), ...walk('entrypoints'), 'wxt.config.ts'];

/** The texts of every string and template part, and every identifier, of the shipped code. */
const STRINGS = new Set<string>();
const WORDS = new Set<string>();
const TEXT: Record<string, string> = {};
for (const file of SOURCES) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  TEXT[file] = text;
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      STRINGS.add(n.text);
      for (const m of n.text.matchAll(/__MSG_(\w+)__/g)) STRINGS.add(m[1]!);
    } else if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) WORDS.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
for (const s of STRINGS) WORDS.add(s);

/**
 * Keys built at run time: `prefix` + a part the code names + `suffix`, and the file whose template builds them.
 * The part may be written with `-` where the key has `_` (`vibe-training` → `control_vibe_training`), and plan
 * ids in lower case (`pro` → `planPro`).
 */
const DYNAMIC: { prefix: string; suffix?: string; file: string; template: string }[] = [
  { prefix: 'quote_', file: 'lib/policy/citations.ts', template: '`quote_${' },
  { prefix: 'plan', file: 'lib/i18n.ts', template: '`plan${' },
  { prefix: 'surface_', file: 'lib/i18n.ts', template: "dynKey('surface_'" },
  { prefix: 'control_', file: 'lib/i18n.ts', template: "dynKey('control_'" },
  { prefix: 'retention_', file: 'lib/i18n.ts', template: "dynKey('retention_'" },
  { prefix: 'page_', file: 'lib/context.ts', template: '`page_${' },
  { prefix: 'page_cat_', file: 'lib/page/composer.ts', template: 'localMsg(`page_cat_${' },
  { prefix: 'letter_complaint_', file: 'lib/rights/letters.ts', template: '`letter_complaint_${' },
  { prefix: 'letter_', suffix: '_subject', file: 'lib/rights/letters.ts', template: '`letter_${id}_subject`' },
  { prefix: 'letter_blank_details_', file: 'lib/rights/letters.ts', template: "dynKey('letter_blank_details_'" },
  { prefix: 'letter_name_', file: 'components/Letters.tsx', template: '`letter_name_${' },
  { prefix: 'record_kind_', file: 'lib/rights/record.ts', template: '`record_kind_${' },
  { prefix: 'record_import_error_', file: 'components/PrivacyRecord.tsx', template: "dynKey('record_import_error_'" },
  { prefix: 'optionsGuard_', file: 'lib/warnings/registry.ts', template: '`optionsGuard_${' },
  { prefix: 'rights_', suffix: '_title', file: 'components/Rights.tsx', template: '`rights_${right.id}_title`' },
  { prefix: 'rights_', suffix: '_meaning', file: 'components/Rights.tsx', template: '`rights_${right.id}_meaning`' },
  { prefix: 'rights_', suffix: '_how', file: 'components/Rights.tsx', template: '`rights_${right.id}_how`' },
  { prefix: 'diagAccount_', file: 'components/Diagnostics.tsx', template: "dynKey('diagAccount_'" },
];

/** Counted messages (`tp()` in lib/i18n.ts): `<key>_<CLDR category>`, the key named in the code. */
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

const named = (part: string) =>
  part !== '' &&
  [part, part.replace(/_/g, '-'), part.charAt(0).toLowerCase() + part.slice(1)].some((p) => WORDS.has(p));

function usedBy(key: string): string | null {
  if (STRINGS.has(key)) return 'literal';
  const plural = PLURAL.exec(key);
  if (plural && STRINGS.has(plural[1]!)) return 'plural';
  for (const d of DYNAMIC) {
    const suffix = d.suffix ?? '';
    if (
      key.startsWith(d.prefix) &&
      key.endsWith(suffix) &&
      named(key.slice(d.prefix.length, key.length - suffix.length))
    )
      return d.prefix;
  }
  return null;
}

const KEYS = Object.keys(en);

describe('the catalogs hold only strings the extension uses', () => {
  it('reads enough code to mean something', () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    expect(KEYS.length).toBeGreaterThan(300);
    expect(usedBy('extName')).toBe('literal'); // the manifest's __MSG_extName__
  });

  it('each dynamic pattern is still built where it says', () => {
    for (const d of DYNAMIC) expect(TEXT[d.file], `${d.file}: ${d.template}`).toContain(d.template);
  });

  it('every key of the English catalog is used', () => {
    expect(KEYS.filter((k) => !usedBy(k))).toEqual([]);
  });
});
