/**
 * The personal-data scanner's figures (lib/scan), not a test: `npx jiti scripts/bench-scan.ts`, or
 * `runScanBench()` from a wider benchmark (scripts/bench.ts). Prints and returns:
 * - throughput in MB/s on a realistic 1 MB mixed text (prose, code, logs, the corpus prompts; median of 7 runs
 *   after 5 warm-up runs; the first, cold run is reported too);
 * - the time for a 10 kB prompt (median of 50 runs after 2 warm-up runs);
 * - the time for 1 MB of each adversarial pattern (median of 3 runs each after 2 warm-up runs), and the worst;
 * - precision and recall per category on the labelled corpus (test/fixtures/pii-corpus/corpus.json).
 * "MB" here is 10^6 characters (UTF-16 code units), which is what the scanner walks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATEGORIES, scan, type Category } from '../lib/scan/index';
import { scoreCorpus, type CategoryScore, type CorpusItem } from '../lib/scan/score';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1_000_000;

export interface ScanBench {
  /** Millions of characters per second on the realistic 1 MB text. */
  throughputMBps: number;
  mixed1MBMs: number;
  /** The very first scan of that text in this process (the JavaScript engine not yet warmed up). */
  mixed1MBColdMs: number;
  prompt10kBMs: number;
  /** Milliseconds for 1 MB of each pattern. */
  adversarial: Record<string, number>;
  adversarialWorst: { pattern: string; ms: number };
  corpus: { items: number; withPersonalData: number; perCategory: Record<Category, CategoryScore> };
}

/** Strings from `repeat` and concatenation are rope-like in V8; a text area's value is flat. */
const flat = (s: string) => Buffer.from(s, 'utf16le').toString('utf16le');
const fill = (unit: string, n = MB) => flat(unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(fn: () => void, runs: number, warmUps = 2): number {
  for (let k = 0; k < warmUps; k++) fn();
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export const ADVERSARIAL: Record<string, string> = {
  digits: '1',
  '"1 "': '1 ',
  '"06 "': '06 ',
  '"+33"': '+33',
  '"@"': '@',
  '"a@"': 'a@',
  '"."': '.',
  '"a"': 'a',
  '"a."': 'a.',
  spaces: ' ',
  '"rue "': 'rue ',
  '"1 rue "': '1 rue ',
  '"12 rue De "': '12 rue De ',
  '"1:"': '1:',
  '"ab:"': 'ab:',
  '"1.2.3.4."': '1.2.3.4.',
  '"FR76 "': 'FR76 ',
  '"4111-"': '4111-',
  '"1111 "': '1111 ',
  '"1 85 "': '1 85 ',
  '"eyJa."': 'eyJa.',
  '"sk-"': 'sk-',
  '"AKIA"': 'AKIA',
  '"://a:"': '://a:',
  '"password: "': 'password: ',
  'PEM headers': '-----BEGIN RSA PRIVATE KEY-----\n',
  'hinted keys': 'api key aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ ',
  'emails + phones': 'x@y.fr 06 12 34 56 78 ',
  '"my cancer "': 'my cancer ',
};

/** A seeded random mixture of the characters the detectors care about (also bench-scan-slices.ts, bench-composer.ts). */
export function noise(n: number): string {
  const alphabet = '0123456789 .@+:-_/aAeEfFrRsSkK\n,';
  let x = 0x9e3779b9;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

const PROSE = [
  'The quarterly report shows revenue up 12% to 4.2 million euros, driven by the new subscription tiers launched in March. Churn fell to 3.1%, and support tickets per customer dropped from 1.8 to 1.3. Next quarter we plan to expand to Spain and Italy, hire 14 engineers and cut cloud costs by 20%.',
  'Le comité a validé le budget 2025 : 1 250 000 € pour la refonte du site, 300 000 € pour la formation et 80 000 € pour les déplacements. La mise en production est prévue le 15 septembre, après deux semaines de recette. Merci de relire la section 3.2 avant jeudi.',
  '```ts\nexport async function fetchAll(urls: string[], limit = 4) {\n  const out: Response[] = [];\n  for (let i = 0; i < urls.length; i += limit) {\n    out.push(...(await Promise.all(urls.slice(i, i + limit).map((u) => fetch(u)))));\n  }\n  return out;\n}\n```',
  '2024-06-01T12:00:03.114Z INFO  request id=7f3a2c91 method=GET path=/api/v1/items?page=2 status=200 duration=31ms\n2024-06-01T12:00:03.201Z WARN  retrying upstream (attempt 2/5) after 250ms: ETIMEDOUT\n2024-06-01T12:00:04.002Z ERROR job 8812 failed: exit code 137',
  'sku,name,qty,price\nA-1001,Widget,12,4.99\nA-1002,Gadget,3,19.50\nB-2001,Gizmo,100,0.75\nB-2002,Doohickey,7,12.00',
  "Peux-tu résumer ce texte en trois points ? L'entreprise souhaite réduire ses émissions de 40 % d'ici 2030, en électrifiant sa flotte de véhicules, en rénovant ses 12 entrepôts et en privilégiant le fret ferroviaire pour les trajets de plus de 500 km.",
  'Write a short story about a lighthouse keeper who finds a message in a bottle. Keep it under 500 words, use a melancholic tone, and end with an open question. The story should be set in 1923 on the coast of Brittany.',
];

/** About 1 MB of realistic chat input: prose, code, logs, tables and the corpus prompts, in a seeded order. */
export function mixedText(items: readonly CorpusItem[], n = MB): string {
  const parts = [...PROSE, ...items.map((i) => i.text)];
  let x = 12345;
  let out = '';
  while (out.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += parts[x % parts.length] + '\n\n';
  }
  return flat(out.slice(0, n));
}

export function loadCorpus(): CorpusItem[] {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/pii-corpus/corpus.json'), 'utf8'));
}

export function runScanBench(): ScanBench {
  const items = loadCorpus();
  const mixed = mixedText(items);
  const t0 = performance.now();
  scan(mixed);
  const mixed1MBColdMs = performance.now() - t0;
  const mixed1MBMs = time(() => scan(mixed), 7, 5);
  const prompt = mixed.slice(0, 10_000);
  const prompt10kBMs = time(() => scan(prompt), 50);

  const adversarial: Record<string, number> = {};
  const inputs: [string, string][] = [
    ...Object.entries(ADVERSARIAL).map(([k, u]): [string, string] => [k, fill(u)]),
    ['random mixture', flat(noise(MB))],
  ];
  for (const [name, input] of inputs) adversarial[name] = time(() => scan(input), 3);
  const [worstName, worstMs] = Object.entries(adversarial).reduce((a, b) => (b[1] > a[1] ? b : a));

  const { perCategory } = scoreCorpus(items);
  const result: ScanBench = {
    throughputMBps: mixed.length / MB / (mixed1MBMs / 1000),
    mixed1MBMs,
    mixed1MBColdMs,
    prompt10kBMs,
    adversarial,
    adversarialWorst: { pattern: worstName, ms: worstMs },
    corpus: {
      items: items.length,
      withPersonalData: items.filter((i) => Object.keys(i.expect).length).length,
      perCategory,
    },
  };
  print(result);
  return result;
}

function print(r: ScanBench) {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
  console.log(
    `Throughput, realistic 1 MB mixed text: ${r.throughputMBps.toFixed(1)} MB/s (${ms(r.mixed1MBMs)} per MB, median of 7 after 5 warm-up runs; first run ${ms(r.mixed1MBColdMs)})`,
  );
  console.log(`10 kB prompt: ${ms(r.prompt10kBMs)} (median of 50)`);
  console.log(
    `1 MB adversarial input, worst: ${ms(r.adversarialWorst.ms)} (${r.adversarialWorst.pattern}; median of 3 per pattern)`,
  );
  const names = Object.keys(r.adversarial);
  const w = Math.max(...names.map((n) => n.length));
  for (const n of names) console.log(`  ${n.padEnd(w)}  ${ms(r.adversarial[n]).padStart(9)}`);
  console.log(
    `\nCorpus: ${r.corpus.items} prompts (English and French), ${r.corpus.withPersonalData} with personal data\n`,
  );
  console.log('| category | TP | FP | FN | precision | recall |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of CATEGORIES) {
    const s = r.corpus.perCategory[c];
    console.log(`| ${c} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runScanBench();
