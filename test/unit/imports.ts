/**
 * The project's import graph, read from the sources (static `import … from`, `export … from`, dynamic `import()`,
 * bare `import '…'`), relative and `@/` alike. For the tests of what depends on what: test/unit/layers.test.ts
 * (type-only imports included: they are dependencies too) and test/unit/ruleset.test.ts (values only: what a
 * bundle carries; `import type` is erased).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = join(__dirname, '../..');

/**
 * The project files `file` imports; with `types: false`, not those it imports only types from (`import type`, and
 * `import('…')`, which the sources use only in type positions).
 */
export function importsOf(file: string, { types = true } = {}): string[] {
  const src = readFileSync(file, 'utf8');
  const specs = [
    ...src.matchAll(
      /(?:^|\n)\s*(?:import|export)\s(type\s)?[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
    ),
  ].flatMap((m) => (!types && (m[1] || m[3]) ? [] : [m[2] ?? m[3] ?? m[4]]));
  const out: string[] = [];
  for (const spec of specs) {
    const base = spec.startsWith('@/')
      ? join(ROOT, spec.slice(2))
      : spec.startsWith('.')
        ? resolve(dirname(file), spec)
        : null;
    if (!base) continue;
    const hit = ['', '.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    if (hit) out.push(hit);
  }
  return out;
}

/** Every file reachable from `start`, each with the chain of imports that reached it first. */
export function reach(start: string, opts: { types?: boolean } = {}): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const todo = [start];
  while (todo.length) {
    const f = todo.pop()!;
    for (const g of importsOf(f, opts)) {
      if (seen.has(g)) continue;
      seen.set(g, [...seen.get(f)!, g]);
      todo.push(g);
    }
  }
  return seen;
}
