/**
 * The direction of dependencies: policy knowledge (lib/policy/**) never reaches the page layers. Detection
 * (lib/detect/**) and the page's DOM layer (lib/page/**) take their labels from policy or from the site rules;
 * policy must not import them, not even through a third module. Imports are read from the sources (static
 * `import … from`, `export … from`, dynamic `import()`), relative and `@/` alike, and followed transitively.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, importsOf, reach } from './imports';

const rel = (p: string) => relative(ROOT, p);
const policyFiles = readdirSync(join(ROOT, 'lib/policy'))
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => join(ROOT, 'lib/policy', f));

describe('layers: policy never depends on detection or the page', () => {
  it('the import reader sees imports of every form', () => {
    const detect = importsOf(join(ROOT, 'lib/detect/rules.ts')).map(rel);
    expect(detect).toContain('lib/policy/labels.ts');
    expect(detect).toContain('lib/surfaces.ts');
    expect(importsOf(join(ROOT, 'lib/detect/plan-names.ts')).map(rel)).toContain('lib/detect/text.ts');
  });

  it.each(policyFiles.map((f) => [rel(f), f]))('%s reaches neither lib/detect nor lib/page', (_name, file) => {
    const bad = [...reach(file).entries()]
      .filter(([f]) => /^lib\/(detect|page)\//.test(rel(f)))
      .map(([, chain]) => chain.map(rel).join(' → '));
    expect(bad).toEqual([]);
  });
});

describe('layers: one browser object', () => {
  it("every extension API call goes through WXT's `browser` (wxt/browser): no polyfill, no second wrapper", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const p = `${dir}/${name.name}`;
        if (name.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name.name)) files.push(p);
      }
    };
    ['lib', 'components', 'entrypoints'].forEach(walk);
    const offenders = files.filter((f) =>
      /from\s+['"](webextension-polyfill|@\/lib\/browser|\.\.?\/browser)['"]/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
    const users = files.filter((f) => /from\s+['"]wxt\/browser['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(users).toContain('entrypoints/background.ts');
    expect(users).toContain('lib/page/run.ts');
  });
});
