/**
 * The scanner's slices (issue 13): what the background's scanner (lib/background/scan.ts) runs, whose longest
 * slice is how long it keeps the background from answering other messages; the page's own longest block while
 * the composer guard has 1 MB checked is scripts/bench-composer.ts. 1 MB of each worst-case shape (the adversarial
 * patterns of scripts/bench-scan.ts, a random mixture and a realistic mixed text), scanned in real Chromium
 * (lib/scan bundled with rolldown, run in a page, no extension), once with `scan` (one task: the whole scan
 * blocks its thread) and once with `scanSliced` (what the background runs). For each: the one-block time,
 * the longest slice, the number of slices, the total time, and the long tasks (over 50 ms) a PerformanceObserver
 * saw while the sliced scan ran. A figure, not a test: `npm run bench` prints it; or `npx jiti scripts/bench-scan-slices.ts`.
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../test/e2e/harness';
import { scan, scanSliced } from '../lib/scan/index';
import { ADVERSARIAL, loadCorpus, mixedText, noise } from './bench-scan';

async function bundle(): Promise<string> {
  const { build } = await import('rolldown');
  const entry = join(ROOT, 'scripts/.bench-scan-entry.ts');
  const { writeFileSync, rmSync } = await import('node:fs');
  writeFileSync(
    entry,
    `import { scan, scanSliced } from '../lib/scan';\n(globalThis as any).__scan = scan;\n(globalThis as any).__scanSliced = scanSliced;\n`,
  );
  try {
    const out = await build({
      input: entry,
      output: { format: 'iife' },
      write: false,
      resolve: { alias: { '@': ROOT } },
    } as never);
    return (out as unknown as { output: { code: string }[] }).output[0].code;
  } finally {
    rmSync(entry, { force: true });
  }
}

export interface SliceRow {
  pattern: string;
  /** `scan`: the whole scan in one task (median of 3 after a warm-up). */
  blockMs: number;
  /** `scanSliced`: the longest slice, the slices, the whole time from call to result (the run with the median total of 3). */
  longestSliceMs: number;
  slices: number;
  totalMs: number;
  /** Long tasks (over 50 ms) seen by a PerformanceObserver during the three sliced runs. */
  longTasks: number;
  /** The slices' median and 95th percentile (wall clock, all three runs). */
  medianSliceMs: number;
  p95SliceMs: number;
  /** In Node (same code, no browser): the longest slice in CPU time of this process, which other processes on a loaded machine do not stretch. */
  cpuLongestSliceMs: number;
  same: boolean;
}

export async function runSliceBench(): Promise<{
  rows: SliceRow[];
  worstSliceMs: number;
  worstTotalMs: number;
  worstBlockMs: number;
}> {
  const code = await bundle();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const inputs: [string, string][] = [
    ...Object.entries(ADVERSARIAL),
    ['random mixture', noise(1_000_000)],
    ['realistic mixed text', '\u0000mixed'],
  ];
  const mixed = mixedText(loadCorpus());
  const rows: SliceRow[] = [];
  console.log(
    '| 1 MB of | scan(): one block | scanSliced(): longest slice (wall clock) | longest slice, CPU time (Node) | slices | total | long tasks | same findings |\n|---|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const [pattern, unit] of inputs) {
    const r = (await page.evaluate(
      async ([unit, mixed]) => {
        const MB = 1_000_000;
        const g = globalThis as unknown as {
          __scan(s: string): unknown[];
          __scanSliced(s: string, o: object): Promise<unknown[]>;
        };
        let text: string;
        if (unit === '\u0000mixed') text = mixed;
        else text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
        text = new TextDecoder().decode(new TextEncoder().encode(text)); // a flat string, like an editor's value
        const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
        g.__scan(text); // warm-up
        const blocks: number[] = [];
        let ref: unknown[] = [];
        for (let k = 0; k < 3; k++) {
          const t0 = performance.now();
          ref = g.__scan(text);
          blocks.push(performance.now() - t0);
        }
        let longTasks = 0;
        const obs = new PerformanceObserver((l) => void (longTasks += l.getEntries().length));
        obs.observe({ type: 'longtask' });
        const runs: { longest: number; slices: number; total: number }[] = [];
        const all: number[] = [];
        let same = true;
        for (let k = 0; k < 3; k++) {
          await new Promise((r) => setTimeout(r, 20));
          let longest = 0;
          let slices = 0;
          const t0 = performance.now();
          const found = await g.__scanSliced(text, {
            onSlice: (ms: number) => ((longest = Math.max(longest, ms)), slices++, all.push(ms)),
          });
          runs.push({ longest, slices, total: performance.now() - t0 });
          same &&= JSON.stringify(found) === JSON.stringify(ref);
        }
        await new Promise((r) => setTimeout(r, 50));
        obs.takeRecords().forEach(() => longTasks++);
        obs.disconnect();
        runs.sort((a, b) => a.total - b.total);
        all.sort((a, b) => a - b);
        return {
          blockMs: med(blocks),
          longestSliceMs: Math.max(...runs.map((x) => x.longest)),
          slices: runs[1].slices,
          totalMs: runs[1].total,
          longTasks,
          same,
          medianSliceMs: all[all.length >> 1],
          p95SliceMs: all[Math.floor(all.length * 0.95)],
        };
      },
      [unit, mixed] as const,
    )) as Omit<SliceRow, 'pattern'>;
    const cpuLongestSliceMs = await cpuSlices(unit === '\u0000mixed' ? mixed : unit);
    rows.push({ pattern, ...r, cpuLongestSliceMs });
    console.log(
      `| ${pattern} | ${r.blockMs.toFixed(1)} ms | ${r.longestSliceMs.toFixed(1)} ms (median ${r.medianSliceMs.toFixed(1)}, 95th ${r.p95SliceMs.toFixed(1)}) | ${cpuLongestSliceMs.toFixed(1)} ms | ${r.slices} | ${r.totalMs.toFixed(1)} ms | ${r.longTasks} | ${r.same ? 'yes' : 'NO'} |`,
    );
  }
  await browser.close();
  const worst = (f: (r: SliceRow) => number) => Math.max(...rows.map(f));
  const res = {
    rows,
    worstSliceMs: worst((r) => r.longestSliceMs),
    worstTotalMs: worst((r) => r.totalMs),
    worstBlockMs: worst((r) => r.blockMs),
    worstCpuSliceMs: worst((r) => r.cpuLongestSliceMs),
    worstP95SliceMs: worst((r) => r.p95SliceMs),
  };
  console.log(
    `\nThe scanner's longest slice on 1 MB: ${res.worstSliceMs.toFixed(1)} ms sliced in Chromium, wall clock (the worst 95th percentile ${res.worstP95SliceMs.toFixed(1)} ms; budget 16 ms), ${res.worstBlockMs.toFixed(1)} ms as one scan() call; longest sliced scan in total ${res.worstTotalMs.toFixed(1)} ms. In CPU time (Node), the longest slice: ${res.worstCpuSliceMs.toFixed(1)} ms. (${loadNote()})`,
  );
  return res;
}

/** The longest slice in this process's CPU time (all its threads: garbage collection included), 1 MB of `unit` in Node. */
async function cpuSlices(unit: string): Promise<number> {
  const MB = 1_000_000;
  const text =
    unit.length > 100
      ? unit
      : Buffer.from(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB), 'utf16le').toString('utf16le');
  scan(text); // warm-up
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  let longest = 0;
  let c0 = cpu();
  await scanSliced(text, {
    pause: async () => {
      longest = Math.max(longest, cpu() - c0);
      await new Promise((r) => setImmediate(r));
      c0 = cpu();
    },
    onSlice: () => undefined,
  });
  return Math.max(longest, cpu() - c0);
}

function loadNote(): string {
  return `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores while measuring`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void runSliceBench();
