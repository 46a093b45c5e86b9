/**
 * Every repository path named in a comment or in the project's Markdown exists: a comment that says "see
 * lib/page/life.ts" after that file moved is a stale pointer a reader follows into nothing.
 *
 * What is read: the comments (not the code, not strings) of every *.ts, *.tsx, *.js and *.mjs source file, parsed
 * with TypeScript so a `//` inside a string or a regular expression is not taken for a comment; and the whole
 * text of the Markdown files (README.md, SECURITY.md, CHANGELOG.md, docs/, the READMEs and notes under lib/ and
 * test/). Not read: node_modules/, WXT's and the builds' output, the replica pages of test/fixtures/ (HTML copies
 * of Mistral's pages, whose paths are Mistral's), Mistral's documents stored in lib/policy/sources/.
 *
 * What counts as a path: a word starting with one of the repository's top-level folders (`lib/`, `test/`,
 * `entrypoints/`, `components/`, `scripts/`, `public/`, `docs/`, `assets/`, `.ci/`), optionally as the `@/`
 * alias, not itself part of a longer path or URL (`https://chat.mistral.ai/lib/…`, `../../shared/lib/…` are
 * not this repository's); and the root's own files named alone (README.md, SECURITY.md, CHANGELOG.md, a
 * `*.config.ts`, package.json, tsconfig.json), found beside the file that names them or at the root. It must
 * exist as a file or folder; a module named as it is imported may leave out `.ts`/`.tsx`. Markdown links to
 * relative targets are checked relative to their file.
 *
 * Not checked as written, each for its reason: a glob (`test/fixtures/vibe-chat.*.html`) must match at least one
 * file; a template (`public/_locales/<lang>/messages.json`, or a file a script writes, `test/fixtures/<surface>.…`)
 * needs only its folder to exist. Nothing else is skipped: a CHANGELOG line naming a file that is gone should say
 * so in words, not as a path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

/** Folders never read: installed, generated or written by runs, and the replica pages and stored documents. */
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.output',
  '.wxt',
  'demo-output',
  'test-results',
  'reports',
  '.stryker-tmp',
]);
const SKIP_DIR_PREFIXES = ['.profile-'];

function walk(dir = ROOT, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    const rel = relative(ROOT, abs);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || SKIP_DIRS.has(rel) || SKIP_DIR_PREFIXES.some((p) => e.name.startsWith(p))) continue;
      walk(abs, out);
    } else out.push(rel);
  }
  return out;
}

const FILES = walk();
const SOURCES = FILES.filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.endsWith('.d.ts'));
const MARKDOWN = FILES.filter(
  (f) => f.endsWith('.md') && !(f.startsWith('lib/policy/sources/') && !f.endsWith('README.md')),
);

/** Every comment of a source file, with the line it starts on. */
function commentsOf(file: string): { text: string; line: number }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const seen = new Set<number>();
  const out: { text: string; line: number }[] = [];
  const take = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push({ text: text.slice(r.pos, r.end), line: sf.getLineAndCharacterOfPosition(r.pos).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(text, node.pos));
    take(ts.getTrailingCommentRanges(text, node.end));
    // Tokens too (a comment before a closing brace, inside a JSX expression, at the end of the file).
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return out;
}

const TOP = ['lib', 'test', 'entrypoints', 'components', 'scripts', 'public', 'docs', 'assets', '\\.ci'];
// Not preceded by a character that would make it part of a longer path, a URL or a word (`shared/lib/…`,
// `https://host/lib/…`, `mylib/…`); `@/` (the alias) and `./` are allowed before it.
const PATH = new RegExp(`(?<![\\w.~/:-]|\\.\\./)(?:@/|\\./)?((?:${TOP.join('|')})/[\\w./*<>{},-]*)`, 'g');

/** The root's own files, named without a folder: the project's documents, configs and manifests. */
const ROOT_FILE =
  /(?<![\w./~-])((?:README|SECURITY|CHANGELOG)\.md|(?:[\w-]+\.)+config\.(?:ts|mts|js|mjs)|package\.json|tsconfig\.json|knip\.jsonc)\b/g;

/**
 * Cut what prose puts after a path (sentence punctuation, a closing bracket) and split lists written without
 * spaces (`test/unit/verdict.test.ts,test/unit/guard.test.ts`); a comma inside `{…}` belongs to a glob.
 */
function clean(raw: string): string[] {
  let p = raw.replace(/[.,:;)}]+$/, '');
  // An unbalanced brace belongs to the prose (`{lib/verdict.ts, …}`), not to a glob.
  if ((p.match(/{/g) ?? []).length !== (p.match(/}/g) ?? []).length) p = p.replace(/[{}]/g, '');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}') depth--;
    else if (p[i] === ',' && depth === 0) {
      parts.push(p.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(p.slice(start));
  return parts.map((x) => x.replace(/[.,:;]+$/, '')).filter((x) => /\/./.test(x) || x.endsWith('/'));
}

/** A glob (`*`, `**`, `{a,b}`) → a regular expression over repository paths. */
function patternOf(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      re += '.*';
      i++;
      if (p[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}

const DIRS = new Set(
  FILES.flatMap((f) =>
    f
      .split('/')
      .slice(0, -1)
      .map((_, i, a) => a.slice(0, i + 1).join('/')),
  ),
);

function exists(p: string): boolean {
  if (p.includes('<')) {
    // A template: what the placeholder stands for may not exist yet (a fixture `npm run fixture` writes).
    const dir = p.slice(0, p.indexOf('<')).replace(/[^/]*$/, '');
    return dir !== '' && !/[*{]/.test(dir) && DIRS.has(dir.replace(/\/$/, ''));
  }
  if (/[*{]/.test(p)) {
    const re = patternOf(p.replace(/\/$/, ''));
    return FILES.some((f) => re.test(f)) || [...DIRS].some((d) => re.test(d));
  }
  const bare = p.replace(/\/$/, '');
  if (existsSync(join(ROOT, bare))) return p.endsWith('/') ? statSync(join(ROOT, bare)).isDirectory() : true;
  // A module as imported: without its extension.
  return ['.ts', '.tsx', '.js', '.mjs', '/index.ts'].some((ext) => existsSync(join(ROOT, bare + ext)));
}

interface Mention {
  file: string;
  line: number;
  path: string;
}

function mentionsIn(file: string, text: string, firstLine: number): Mention[] {
  const out: Mention[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(PATH)) for (const path of clean(m[1]!)) out.push({ file, line: firstLine + i, path });
    for (const m of l.matchAll(ROOT_FILE)) {
      // Beside the file that names it (a README's own README.md), else at the root.
      const beside = join(dirname(file), m[1]!);
      out.push({ file, line: firstLine + i, path: existsSync(join(ROOT, beside)) ? beside : m[1]! });
    }
  });
  return out;
}

/** Relative Markdown link targets (`[x](../README.md)` in docs/, `![](docs/screenshots/popup-on.png)`), checked relative to their file. */
function linksIn(file: string, text: string): Mention[] {
  const out: Mention[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!.replace(/#.*$/, '');
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, an anchor alone
      out.push({ file, line: i + 1, path: relative(ROOT, join(ROOT, dirname(file), decodeURI(target))) });
    }
  });
  return out;
}

const MENTIONS: Mention[] = [
  ...SOURCES.flatMap((f) => commentsOf(f).flatMap((c) => mentionsIn(f, c.text, c.line))),
  ...MARKDOWN.flatMap((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    return [...mentionsIn(f, text, 1), ...linksIn(f, text)];
  }),
];

describe('repository paths named in comments and Markdown', () => {
  it('are read from enough files to mean something', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect(MARKDOWN).toEqual(expect.arrayContaining(['README.md', 'SECURITY.md', 'docs/README.de.md']));
    expect(MENTIONS.length).toBeGreaterThan(200);
  });

  it('the matcher takes paths and leaves URLs and paths outside the repository', () => {
    const found = (s: string) => mentionsIn('x.ts', s, 1).map((m) => m.path);
    expect(found('see lib/page/life.ts.')).toEqual(['lib/page/life.ts']);
    expect(found('(vitest.stryker.config.ts, SECURITY.md; not docs/README.de.md twice)').sort()).toEqual([
      'SECURITY.md',
      'docs/README.de.md',
      'vitest.stryker.config.ts',
    ]);
    expect(found('(`@/lib/i18n`, test/unit/)')).toEqual(['lib/i18n', 'test/unit/']);
    expect(found('https://chat.mistral.ai/lib/x.ts and ../../shared/notes/a.md and ../shared/lib/a.ts')).toEqual([]);
    expect(found('test/fixtures/vibe-chat.*.html, public/_locales/<lang>/messages.json')).toEqual([
      'test/fixtures/vibe-chat.*.html',
      'public/_locales/<lang>/messages.json',
    ]);
    expect(exists('test/fixtures/vibe-chat.*.html')).toBe(true);
    expect(exists('public/_locales/<lang>/messages.json')).toBe(true);
    expect(exists('lib/nowhere/*.ts')).toBe(false);
    expect(exists('lib/nowhere/<lang>.json')).toBe(false);
    expect(exists('lib/i18n')).toBe(true);
    expect(exists('lib/i18n.ts/')).toBe(false);
  });

  it('each exists', () => {
    const missing = MENTIONS.filter((m) => !exists(m.path)).map((m) => `${m.file}:${m.line}: ${m.path}`);
    expect(missing).toEqual([]);
  });
});
