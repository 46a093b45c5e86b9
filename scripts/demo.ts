/**
 * `npm run demo`: Chromium with the built extension (.output/chrome-mv3) walks through the project's replica
 * Mistral pages, served at their real URLs (no network, no account), in English, in Arabic (right to left) and in
 * French. For each
 * step it saves a screenshot of the page and of the popup for that tab into demo-output/<lang>/ and prints the
 * paths and the badge. Headed when a display is available (DISPLAY set), headless otherwise; in headed mode the
 * last browser stays open until you press Enter (or Ctrl+C).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  fixture,
  fixtureEntries,
  launchChromium,
  PROD_CHROME_DIR,
  ROOT,
  until,
  type Harness,
  type PageHandle,
} from '../test/e2e/harness';

type Step = { file: string; say: string; then?: (page: PageHandle) => Promise<string | void> };

type DemoLang = 'en' | 'fr' | 'ar';

const STEPS: Record<DemoLang, Step[]> = {
  en: [
    { file: 'vibe-chat.plain.en.html', say: 'A chat page, nothing known yet' },
    { file: 'admin-subscriptions.free.en.html', say: 'Admin Panel › Subscriptions: the Free plan is read' },
    {
      file: 'vibe-chat.free.en.html',
      say: 'Back on a chat: Free is trained by default; the banner says so',
      then: async (page) => {
        await page.click('[data-message-author-role="assistant"] button[aria-label="Like"]');
        return 'clicked a thumbs up: Windsock warns before the rating is sent';
      },
    },
    {
      file: 'admin-vibe-privacy.switch.en.html',
      say: 'Admin Panel › Vibe › Privacy: Model training is on',
      then: async (page) => {
        await page.click('#model-training');
        return 'switched Model training off on the page';
      },
    },
    { file: 'admin-api-privacy.default.en.html', say: 'Admin Panel › API › Privacy' },
    { file: 'studio.free.en.html', say: 'Studio on the free plan' },
    {
      file: 'vibe-chat.nomatch.en.html',
      say: 'A chat page Windsock cannot read: its verdict comes from what other pages showed',
    },
    { file: 'none.example.en.html', say: 'Not a Mistral page: no badge' },
  ],
  fr: [
    {
      file: 'vibe-chat.plain.fr.html',
      say: 'Une conversation, rien de connu',
      then: async (page) => {
        await page.click('header button[aria-haspopup="dialog"]');
        await page.click('#share-link');
        return 'Partager › Share by link : Windsock prévient avant de créer un lien public';
      },
    },
    { file: 'admin-subscriptions.pro.fr.html', say: 'Admin Panel › Abonnements : offre Pro' },
    { file: 'vibe-chat.pro.fr.html', say: 'Conversation Pro : les documents se contredisent' },
    { file: 'admin-vibe-privacy.checkbox.fr.html', say: 'Admin Panel › Vibe › Confidentialité (cases à cocher)' },
    {
      file: 'admin-subscriptions.team.fr.html',
      say: 'Offre Team (pas d’entraînement par défaut), mais « Model training » vu activé : ON',
    },
    { file: 'vibe-memories.on.fr.html', say: 'Mémoires activées' },
  ],
  // Arabic, right to left: the browser speaks Arabic (popup, options, rights page) and Arabic is chosen in the
  // options, so the warnings on Mistral's (English) pages are in Arabic too.
  ar: [
    { file: 'admin-subscriptions.free.en.html', say: 'Admin Panel › Subscriptions: خطة Free' },
    {
      file: 'vibe-chat.free.en.html',
      say: 'محادثة على خطة Free: الشريط والتحذير قبل التقييم، من اليمين إلى اليسار',
      then: async (page) => {
        await page.click('[data-message-author-role="assistant"] button[aria-label="Like"]');
        return 'نقرة على الإعجاب: يحذّر Windsock قبل إرسال التقييم';
      },
    },
  ],
};
const LAUNCH_LANG: Record<DemoLang, string> = { en: 'en-US', fr: 'fr-FR', ar: 'ar' };
const HEADING: Record<DemoLang, string> = { en: 'English', fr: 'Français', ar: 'العربية (right to left)' };
const PAGES: Record<DemoLang, Record<'options' | 'rights', string>> = {
  en: { options: 'Settings and the privacy record', rights: 'Your rights and request letters' },
  fr: { options: 'Réglages et relevé de confidentialité', rights: 'Vos droits et lettres de demande' },
  ar: { options: 'الإعدادات وسجل الخصوصية', rights: 'حقوقك ونماذج الرسائل' },
};

const OUT = join(ROOT, 'demo-output');

async function runLang(lang: DemoLang, headless: boolean): Promise<Harness> {
  const dir = join(OUT, lang);
  mkdirSync(dir, { recursive: true });
  const h = await launchChromium({ lang: LAUNCH_LANG[lang], headless, extensionDir: PROD_CHROME_DIR });
  if (lang === 'ar') {
    await h.extEval(`async () => chrome.runtime.sendMessage({ type: 'set-settings', settings: { language: 'ar' } })`);
  }
  const entries = fixtureEntries();
  console.log(`\n== ${HEADING[lang]} ==`);
  let n = 0;
  for (const step of STEPS[lang]) {
    n++;
    const entry = entries.find((e) => e.file === step.file);
    if (!entry) throw new Error(`no fixture ${step.file}`);
    h.serve(entry.url, fixture(entry.file));
    const page = await h.open(entry.url);
    const mistral = /^https:\/\/(chat|admin|console)\.mistral\.ai\//.test(entry.url);
    const settle = async () => {
      if (!mistral) return '';
      return (await until(async () => (await h.badge(entry.url)).text || null, `badge on ${entry.url}`, 5_000).catch(
        () => '',
      )) as string;
    };
    await settle();
    await new Promise((r) => setTimeout(r, 400));
    let note = '';
    if (step.then) {
      note = (await step.then(page)) ?? '';
      await new Promise((r) => setTimeout(r, 800));
    }
    const badge = mistral ? (await h.badge(entry.url)).text : '';
    const base = `${String(n).padStart(2, '0')}-${step.file.replace(/\.html$/, '')}`;
    const pageShot = join(dir, `${base}.page.png`);
    await page.screenshot(pageShot);
    let popupShot = '';
    if (mistral) {
      const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(entry.url)}`);
      const raw = popup.raw as import('playwright-core').Page;
      await raw.setViewportSize({ width: 400, height: 900 });
      await popup.waitFor('main[data-verdict]:not([data-verdict="loading"])');
      await raw.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
      await new Promise((r) => setTimeout(r, 300));
      popupShot = join(dir, `${base}.popup.png`);
      await popup.screenshot(popupShot);
      await popup.close();
    }
    await page.bringToFront();
    console.log(`${String(n).padStart(2)}. ${step.say}${note ? ` (${note})` : ''}`);
    console.log(`    badge: ${badge ? `"${badge}"` : '(none)'}`);
    console.log(`    page:  ${pageShot}`);
    if (popupShot) console.log(`    popup: ${popupShot}`);
  }
  for (const [n2, path] of [
    ['options', 'options.html'],
    ['rights', 'rights.html'],
  ] as const) {
    const p = await h.openExtensionPage(path);
    await p.waitFor('main');
    await new Promise((r) => setTimeout(r, 400));
    const shot = join(dir, `${String(++n).padStart(2, '0')}-${n2}.png`);
    await p.screenshot(shot);
    console.log(`${String(n).padStart(2)}. ${PAGES[lang][n2]}`);
    console.log(`    page:  ${shot}`);
    await p.close();
  }
  return h;
}

async function main() {
  const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
  rmSync(OUT, { recursive: true, force: true });
  console.log(
    `Windsock demo: Chromium ${headless ? 'headless (no display)' : 'headed'}, replica pages served at their real URLs.`,
  );
  const en = await runLang('en', headless);
  await en.close();
  const ar = await runLang('ar', headless);
  await ar.close();
  const fr = await runLang('fr', headless);
  console.log(`\nScreenshots are in ${OUT}`);
  if (!headless && process.stdin.isTTY) {
    console.log('The browser stays open to explore the replica pages; press Enter to close it.');
    await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  }
  await fr.close();
}

main().catch((e) => {
  console.error(`Demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
