/**
 * Control detection on a hostile privacy page (issue 11, attack 7): one pass of lib/detect/controls.ts over an
 * Admin Panel › Vibe › Privacy replica carrying N labelled checkboxes besides its real toggles, in real Chromium
 * (no extension: the detector itself, bundled with rolldown, run in the page). Prints the median of several
 * passes for N = 500, 1,000, 2,000, 4,000, so that linear growth shows (the old O(controls × labels) code took
 * 2.6 s at 2,000). A figure, not a test: `npm run bench` prints it.
 */
import { join } from 'node:path';
import { ROOT } from '../test/e2e/harness';

/** The page: the four real rows (one switch each), then N rows of `<label for>` + checkbox, as a page could add. */
export function hostilePrivacyPage(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `<div class="row"><label for="c${i}">Option ${i}</label><input type="checkbox" id="c${i}"></div>`,
  ).join('');
  return `<!doctype html><html lang="en"><body><main>
  <div class="row"><span>Model training</span><button role="switch" aria-checked="false"></button></div>
  <div class="row"><span>Public chat sharing</span><button role="switch" aria-checked="true"></button></div>
  <div class="row"><span>Model response feedback</span><button role="switch" aria-checked="true"></button></div>
  <div class="row"><span>Chat Retention Policy</span><select><option selected>90 days</option></select></div>
  <section>${rows}</section></main></body></html>`;
}

async function bundle(): Promise<string> {
  const { build } = await import('rolldown');
  const entry = join(ROOT, 'scripts/.bench-controls-entry.ts');
  const { writeFileSync, rmSync } = await import('node:fs');
  writeFileSync(
    entry,
    `import { readControls, controlStats } from '../lib/detect/controls';\nimport { ADMIN_CONTROL_RULES, rulesetFor } from '../lib/detect/rules';\nimport { useRuleset } from '../lib/detect/ruleset';\nuseRuleset(rulesetFor(['admin.mistral.ai']));\n(globalThis as any).__detect = () => readControls(document, ADMIN_CONTROL_RULES['admin-vibe-privacy']!);\n(globalThis as any).__stats = controlStats;\n`,
  );
  try {
    const out = await build({
      input: entry,
      output: { format: 'iife' },
      write: false,
      resolve: { alias: { '@': ROOT } },
      // A test build, as the e2e tests and the rest of the bench load (lib/test-build.ts: the counters kept).
      transform: { define: { 'import.meta.env.MODE': JSON.stringify('test') } },
    } as never);
    return (out as unknown as { output: { code: string }[] }).output[0].code;
  } finally {
    rmSync(entry, { force: true });
  }
}

export async function runControlsBench(): Promise<void> {
  const code = await bundle();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
  });
  const page = await browser.newPage();
  console.log('| labelled controls on the page | one detection pass (median of 7) | what it read |\n|---|---|---|');
  for (const n of [500, 1000, 2000, 4000]) {
    await page.setContent(hostilePrivacyPage(n));
    await page.addScriptTag({ content: code });
    const r = await page.evaluate(() => {
      const g = globalThis as unknown as { __detect(): { control: string; value: string }[] };
      const times: number[] = [];
      let read: { control: string; value: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        read = g.__detect();
        if (i > 0) times.push(performance.now() - t0); // the first pass warms the JIT up
      }
      times.sort((a, b) => a - b);
      return { ms: times[3], read: read.map((x) => `${x.control}=${x.value}`).join(' ') };
    });
    console.log(`| ${n.toLocaleString('en')} | ${r.ms.toFixed(1)} ms | ${r.read} |`);
  }
  await browser.close();
}
