/**
 * The context the background sends to the in-page warnings (lib/context.ts), in the unit loop: which warnings
 * ask (stored "always" choices and this session's choices), the banner (chat pages only, while training, not
 * while dismissed for this organization), the page language (English or French, English otherwise), the
 * organization's feedback wording on Team/Enterprise, the composer's wording by state, and every string
 * filled (no key left unresolved). Expected values are written from the product brief and issue, not read
 * off the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BANNER_DISMISS_MS, pageContext } from '@/lib/context';
import { declare, emptyStore, recordObservations, type GuardId, type Store } from '@/lib/store/schema';
import { surfaceOf } from '@/lib/surfaces';

const NOW = 1_800_000_000_000;
const CHAT = surfaceOf('https://chat.mistral.ai/chat/3f6c2a1e-8b4d-4e7a-9c2f-1d5e6f7a8b9c')!;
const ADMIN_API = surfaceOf('https://admin.mistral.ai/plateforme/privacy')!;
const ADMIN_VIBE = surfaceOf('https://admin.mistral.ai/vibe/privacy')!;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const fr = JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as Record<string, { message: string }>;

const seen = (store: Store, obs: { key: string; value: string }[], org = 'org-a') =>
  recordObservations(store, org, 'admin-vibe-privacy', obs.map((o) => ({ ...o, via: 'page' })) as never, NOW - 1000);

const training = () => seen(emptyStore(), [{ key: 'plan:vibe', value: 'free' }]); // Free: trained by default
const optedOut = () =>
  seen(emptyStore(), [
    { key: 'plan:vibe', value: 'free' },
    { key: 'vibe-training', value: 'off' },
  ]);
const ctx = (store: Store, opts: { surface?: typeof CHAT; lang?: string; session?: GuardId[]; now?: number } = {}) =>
  pageContext(store, opts.surface ?? CHAT, opts.lang ?? 'en-US', opts.session ?? [], opts.now ?? NOW);

describe('page context', () => {
  it('state follows the verdict: training, not training, unknown', () => {
    expect(ctx(training()).state).toBe('training');
    expect(ctx(optedOut()).state).toBe('not-training');
    expect(ctx(emptyStore()).state).toBe('unknown');
    expect(ctx(training()).product).toBe('vibe');
    expect(ctx(training(), { surface: ADMIN_API }).product).toBe('api');
  });

  it('every warning asks by default; "always" and "this session" choices each silence only their own warning', () => {
    expect(ctx(training()).ask).toEqual({ feedback: true, share: true, labs: true });
    expect(ctx({ ...training(), guardsOff: ['feedback'] }).ask).toEqual({ feedback: false, share: true, labs: true });
    expect(ctx(training(), { session: ['share'] }).ask).toEqual({ feedback: true, share: false, labs: true });
    expect(ctx({ ...training(), guardsOff: ['labs'] }, { session: ['feedback'] }).ask).toEqual({
      feedback: false,
      share: true,
      labs: false,
    });
  });

  it('the banner: on chat pages while training, not when opted out or unknown, not on the Admin Panel', () => {
    expect(ctx(training()).banner).toBe(true);
    expect(ctx(optedOut()).banner).toBe(false);
    expect(ctx(emptyStore()).banner).toBe(false);
    // The Admin Panel's Vibe page shows the Vibe verdict (training here) but is not a chat page.
    expect(ctx(training(), { surface: ADMIN_VIBE }).state).toBe('training');
    expect(ctx(training(), { surface: ADMIN_VIBE }).banner).toBe(false);
    expect(ctx(training(), { surface: ADMIN_API }).banner).toBe(false);
  });

  it('the banner stays away while dismissed for this organization, and only this one; it comes back after', () => {
    const s = training();
    const dismissed = { ...s, bannerDismissedUntil: { [s.currentOrg]: NOW + BANNER_DISMISS_MS } };
    expect(ctx(dismissed).banner).toBe(false);
    expect(ctx(dismissed, { now: NOW + BANNER_DISMISS_MS }).banner).toBe(true);
    expect(ctx(dismissed, { now: NOW + BANNER_DISMISS_MS + 1 }).banner).toBe(true);
    const otherOrg = { ...s, bannerDismissedUntil: { 'org-b': NOW + BANNER_DISMISS_MS } };
    expect(ctx(otherOrg).banner).toBe(true);
    expect(BANNER_DISMISS_MS).toBe(7 * 24 * 3600 * 1000);
  });

  it("language: the page's, French or English; any other language gets English", () => {
    expect(ctx(training(), { lang: 'fr-FR' }).lang).toBe('fr');
    expect(ctx(training(), { lang: 'fr' }).lang).toBe('fr');
    expect(ctx(training(), { lang: 'en-GB' }).lang).toBe('en');
    expect(ctx(training(), { lang: 'xx' }).lang).toBe('en');
    expect(ctx(training(), { lang: 'fr-FR' }).strings.cancel).toBe(fr.page_cancel.message);
    expect(ctx(training()).strings.cancel).toBe(en.page_cancel.message);
  });

  it("feedback wording: the organization's on Team and Enterprise (the 2025 Team exemption), the general one otherwise", () => {
    for (const plan of ['team', 'enterprise'])
      expect(ctx(seen(emptyStore(), [{ key: 'plan:vibe', value: plan }])).strings.feedbackBody, plan).toBe(
        en.page_feedbackBodyOrg.message,
      );
    for (const plan of ['free', 'pro'])
      expect(ctx(seen(emptyStore(), [{ key: 'plan:vibe', value: plan }])).strings.feedbackBody, plan).toBe(
        en.page_feedbackBody.message,
      );
    expect(ctx(emptyStore()).strings.feedbackBody).toBe(en.page_feedbackBody.message);
  });

  it('the plan line names the plan, from the fresher of page and declaration; unknown says so', () => {
    expect(ctx(emptyStore()).strings.feedbackPlan).toBe(en.page_feedbackPlanUnknown.message);
    const pro = seen(emptyStore(), [{ key: 'plan:vibe', value: 'pro' }]);
    expect(ctx(pro).strings.feedbackPlan).toMatch(/Pro/);
    const declaredTeam = declare(pro, 'plan:vibe', 'team', NOW);
    expect(ctx(declaredTeam).strings.feedbackPlan).toMatch(/Team/);
    expect(ctx(declaredTeam).strings.feedbackBody).toBe(en.page_feedbackBodyOrg.message);
  });

  it('the composer body says training when training, "may" otherwise; the count is left for the page to fill', () => {
    expect(ctx(training()).strings.composerBody).toBe(en.page_composerBodyTraining.message);
    expect(ctx(emptyStore()).strings.composerBody).toBe(en.page_composerBodyUnknown.message);
    expect(ctx(training()).strings.composerNotice).toContain('$1');
  });

  it('every string is filled, in both languages, and cites its source where it makes a claim', () => {
    for (const lang of ['en', 'fr']) {
      const s = ctx(training(), { lang }).strings;
      for (const [k, v] of Object.entries(s)) {
        expect(v, `${lang} ${k}`).toBeTruthy();
        expect(v, `${lang} ${k}`).not.toMatch(/^page_|^cat_/);
      }
      for (const k of ['feedbackSource', 'shareSource', 'labsSource', 'attachSource'])
        expect(s[k], `${lang} ${k}`).toMatch(/20\d\d/);
      expect(Object.keys(s).filter((k) => k.startsWith('cat_')).length).toBeGreaterThan(5);
    }
    expect(ctx(training()).fixUrl).toBe('https://admin.mistral.ai/vibe/privacy');
  });

  it("another organization's settings do not leak into this one's context", () => {
    // org-a opted out; then org-b (trained by default, Free) becomes current: its context is training.
    const a = optedOut();
    const b = seen(a, [{ key: 'plan:vibe', value: 'free' }], 'org-b');
    expect(b.currentOrg).toBe('org-b');
    expect(ctx(b).state).toBe('training');
  });
  it('outside English each cited quote is followed by its translation, which English pages never get', () => {
    const quotes = new Set(
      Object.entries(fr)
        .filter(([k]) => k.startsWith('quote_'))
        .map(([, v]) => v.message),
    );
    const sources = ['feedbackSource', 'shareSource', 'labsSource', 'attachSource'];
    const frs = ctx(training(), { lang: 'fr' }).strings;
    for (const k of sources) {
      const m = / Traduction : (.+)$/.exec(frs[k]);
      expect(m, k).not.toBeNull();
      expect(quotes.has(m![1]), `${k}: ${m![1]}`).toBe(true);
    }
    const ens = ctx(training(), { lang: 'en' }).strings;
    for (const k of sources) expect(ens[k], k).not.toMatch(/Translation/);
  });

  it("the fallback dialog's hint leaves both of its blanks for the page to fill", () => {
    expect(ctx(training()).strings.fallbackHint).toBe(en.page_fallbackHint.message);
    expect(en.page_fallbackHint.message).toMatch(/\$1.*\$2/);
  });
});
