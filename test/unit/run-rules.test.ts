// @vitest-environment happy-dom
/**
 * The reading content script and its site rules (lib/page/run.ts, lib/detect/ruleset.ts): it reads nothing and
 * reports nothing until its host's rules arrive from the background (`get-rules`); a background that refuses,
 * throws (asleep, gone) or answers something that is no ruleset means nothing is read — the badge stays what the
 * store says, "?" for a page never read, never a guess — and the script asks again at the next in-app navigation
 * or detection; once the rules are there it reads the page as the fixtures' index says.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rulesetFor } from '@/lib/detect/rules';
import { hasRules, useRuleset } from '@/lib/detect/ruleset';
import { startLife, type Life } from '@/lib/page/life';
import { startPage } from '@/lib/page/run';
import { ADMIN_KIT } from '@/lib/page/kit-admin';
import type { PageReportMsg } from '@/lib/messages';

const URL0 = 'https://admin.mistral.ai/vibe/privacy';
const HTML = readFileSync('test/fixtures/admin-vibe-privacy.switch.en.html', 'utf8').replace(/<!doctype[^>]*>/i, '');

type Mode = 'refuse' | 'throw' | 'junk' | 'rules' | 'silent';
let mode: Mode = 'refuse';
let sent: { type: string; url?: string }[] = [];
const lives: Life[] = [];
/** A reading script's page life, ended after each test (no page event ends one: lib/page/life.ts). */
const start = () => {
  const life = startLife();
  lives.push(life);
  startPage(life, ADMIN_KIT);
};

/** Let the content script's promises settle (the fake background answers at once). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  fakeBrowser.reset();
  useRuleset(null);
  sent = [];
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(URL0);
  document.documentElement.innerHTML = HTML;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string; url?: string }) => {
    sent.push(msg);
    if (msg.type !== 'get-rules') return { ok: true };
    switch (mode) {
      case 'refuse':
        return { ok: false, error: 'untrusted sender' };
      case 'throw':
        throw new Error('Could not establish connection. Receiving end does not exist.');
      case 'junk':
        return { ok: true, rules: { surfaces: 'everything', hosts: [] } };
      case 'silent':
        return undefined;
      case 'rules':
        return { ok: true, rules: rulesetFor([new URL(msg.url!).hostname as 'admin.mistral.ai']) };
    }
  }) as never);
});

afterEach(() => {
  for (const life of lives.splice(0)) life.end('test over');
  vi.restoreAllMocks();
  useRuleset(rulesetFor(['chat.mistral.ai', 'admin.mistral.ai', 'console.mistral.ai']));
});

const reports = () => sent.filter((m) => m.type === 'page-report') as PageReportMsg[];
const asks = () => sent.filter((m) => m.type === 'get-rules');
const navigate = (url: string) => {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  window.dispatchEvent(new PopStateEvent('popstate'));
};

describe('no rules from the background: nothing read, asked again', () => {
  it.each(['refuse', 'throw', 'junk', 'silent'] as const)(
    'background %s: no report, no rules, then rules at the next navigation and the page read',
    async (m) => {
      mode = m;
      start();
      await settle();
      expect(asks()).toEqual([{ type: 'get-rules', url: URL0 }]);
      expect(reports()).toEqual([]);
      expect(hasRules()).toBe(false);

      // The next in-app navigation asks again; this time the background answers.
      mode = 'rules';
      navigate(`${URL0}?tab=2`);
      await settle();
      expect(asks().length).toBe(2);
      expect(hasRules()).toBe(true);
      expect(reports().length).toBe(1);
      // As the fixture's index says: every switch on, retention never.
      expect(Object.fromEntries(reports()[0].observations.map((o) => [o.key, o.value]))).toMatchObject({
        'vibe-training': 'on',
        'public-sharing': 'on',
        feedback: 'on',
        'chat-retention': 'never',
      });
    },
  );

  it('a detection due without rules (a control changed) asks again too', async () => {
    mode = 'refuse';
    start();
    await settle();
    expect(asks().length).toBe(1);
    mode = 'rules';
    document.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(asks().length).toBe(2);
    expect(reports().length).toBe(1);
  });

  it('with the rules at once: one ask per page life, one report', async () => {
    mode = 'rules';
    start();
    await settle();
    expect(asks().length).toBe(1);
    expect(reports().length).toBe(1);
    navigate('https://admin.mistral.ai/plateforme/privacy');
    await settle();
    expect(asks().length).toBe(1);
  });
});
