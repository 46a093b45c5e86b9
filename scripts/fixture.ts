/**
 * `npm run fixture -- report.json [--name <variant>] [--plan <id>] [--api-plan <id>] [--control <id>=<value> …]`
 *
 * Turns a pasted "Copy diagnostic report" (the popup's "What Windsock sees here") into a replica fixture:
 * test/fixtures/<surface>.report-<variant>.<lang>.html, rebuilt from the report's structure-only skeleton, with a
 * provenance comment, and an entry in test/fixtures/index.json. The expected reading is what the reporter says
 * the page shows (--plan, --api-plan, --control); without them it is what Windsock read then, marked
 * "expectFromReport": check it before trusting it. A misread page becomes a regression test the same day.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { skeletonToHtml } from './skeleton-html';
import type { SkeletonNode } from '../lib/detect/skeleton';
import { surfaceOf } from '../lib/surfaces';

interface Report {
  windsock?: string;
  page: string;
  surface?: string | null;
  detectors?: { id: string; matched: boolean; value?: string; locked?: boolean }[];
  skeleton: SkeletonNode | null;
  userAgent?: string;
  reportedAt?: string;
}

export function fixtureFromReport(
  report: Report,
  opts: { name?: string; plan?: string | null; apiPlan?: string | null; controls?: Record<string, string> } = {},
) {
  if (!report || typeof report.page !== 'string' || !report.skeleton)
    throw new Error('not a Windsock diagnostic report (no page or skeleton)');
  const u = new URL(report.page);
  if (!/^(chat|admin|console)\.mistral\.ai$/.test(u.hostname)) throw new Error(`not a Mistral page: ${u.hostname}`);
  // The path keeps its shape, never the user's ids.
  const path = u.pathname
    .split('/')
    .map((s) => (s.length >= 8 && /\d/.test(s) ? '00000000-0000-4000-8000-000000000000' : s))
    .join('/');
  const url = `${u.origin}${path}`;
  const surface = surfaceOf(url)?.id ?? 'none';
  const body = report.skeleton.t === 'body' ? report.skeleton : { t: 'body', c: [report.skeleton] };
  const lang = (report.skeleton.a?.lang ?? 'en').slice(0, 5);
  const variant =
    (opts.name ?? `r${(report.reportedAt ?? new Date().toISOString()).slice(0, 10).replace(/-/g, '')}`)
      .replace(/[^a-z0-9-]/gi, '')
      .slice(0, 30) || 'report';
  const file = `${surface}.report-${variant}.${lang}.html`;
  const read = Object.fromEntries(
    (report.detectors ?? [])
      .filter((d) => d.matched && !d.id.startsWith('plan:') && d.value)
      .map((d) => [d.id, d.value!]),
  );
  const planOf = (product: 'vibe' | 'api') => {
    for (const d of report.detectors ?? []) {
      const m = d.matched && d.value ? new RegExp(`${product}=(\\w+)`).exec(d.value) : null;
      if (m) return m[1];
    }
    return null;
  };
  const fromReport = opts.plan === undefined && opts.controls === undefined;
  const studio = surface.startsWith('studio');
  const expect = {
    plan: opts.plan !== undefined ? opts.plan : planOf(studio ? 'api' : 'vibe'),
    ...(studio ? {} : { apiPlan: opts.apiPlan !== undefined ? opts.apiPlan : planOf('api') }),
    controls: opts.controls ?? read,
    disabled: (report.detectors ?? []).filter((d) => d.locked).map((d) => d.id),
  };
  const html = `<!DOCTYPE html>
<!--
Provenance:
  Served at: ${url}
  Rebuilt by \`npm run fixture\` from a user's diagnostic report (Windsock ${report.windsock ?? '?'}, ${report.reportedAt ?? 'date unknown'}, ${(report.userAgent ?? 'browser unknown').replace(/--/g, '-').slice(0, 120)}).
  [user report] The real page's structure: tags, roles, states, data-* names, ids that labels point at, link paths
  (ids replaced), icon classes and the interface texts the skeleton keeps; every other text is masked as "▒".
  Expected reading: ${fromReport ? 'what Windsock read when the report was made (expectFromReport): CHECK IT' : 'what the reporter says the page shows'}.
-->
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Report · ${surface}</title>
</head>
${skeletonToHtml(body)}
</html>
`;
  const entry = {
    file,
    url,
    lang,
    surface,
    variant: `report-${variant}`,
    expect,
    ...(fromReport ? { expectFromReport: true } : {}),
  };
  return { file, html, entry };
}

function main(argv: string[]) {
  const args = [...argv];
  const path = args.shift();
  if (!path)
    throw new Error(
      'usage: npm run fixture -- report.json [--name v] [--plan id|null] [--api-plan id|null] [--control id=value]…',
    );
  const opts: Parameters<typeof fixtureFromReport>[1] = {};
  while (args.length) {
    const k = args.shift()!;
    const v = args.shift() ?? '';
    if (k === '--name') opts.name = v;
    else if (k === '--plan') opts.plan = v === 'null' ? null : v;
    else if (k === '--api-plan') opts.apiPlan = v === 'null' ? null : v;
    else if (k === '--control') {
      const [id, value] = v.split('=');
      (opts.controls ??= {})[id] = value;
    } else throw new Error(`unknown option ${k}`);
  }
  const raw = readFileSync(path, 'utf8');
  // A report pasted with surrounding text: take the outermost JSON object.
  const report = JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1));
  const { file, html, entry } = fixtureFromReport(report, opts);
  const dir = join(process.cwd(), 'test/fixtures');
  writeFileSync(join(dir, file), html);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { file: string }[];
  const next = [...index.filter((e) => e.file !== file), entry];
  writeFileSync(join(dir, 'index.json'), JSON.stringify(next, null, 2) + '\n');
  console.log(
    `wrote test/fixtures/${file} and its entry in test/fixtures/index.json (${entry.surface}, expect ${JSON.stringify(entry.expect)})`,
  );
}

if (process.argv[1] && /fixture\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
