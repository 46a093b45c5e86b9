/**
 * `npx jiti scripts/icons.ts`: render assets/icons/*.svg to the PNG sizes the stores and browsers ask for
 * (16, 32, 48, 96, 128), with Chromium, into public/icon/. The PNGs are committed; run this after editing an
 * SVG. Three states are told apart by shape, not only colour: training = the sock stands out straight,
 * not training = it hangs limp, unknown = half up with a question mark.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/harness';

const SIZES = [16, 32, 48, 96, 128];

async function main() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const dir = join(ROOT, 'public/icon');
  for (const file of readdirSync(join(ROOT, 'assets/icons')).filter((f) => f.endsWith('.svg'))) {
    const svg = readFileSync(join(ROOT, 'assets/icons', file), 'utf8');
    const name = file.replace(/\.svg$/, '');
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
      );
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const out = name === 'windsock' ? join(dir, `${size}.png`) : join(dir, `${name}-${size}.png`);
      writeFileSync(out, png);
      console.log(out.slice(ROOT.length + 1));
    }
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
