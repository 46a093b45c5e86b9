// @vitest-environment happy-dom
/**
 * The reading content script and its site rules (lib/page/run.ts, lib/detect/ruleset.ts): it reads nothing and
 * reports nothing until its host's rules arrive from the background (`get-rules`); a background that refuses,
 * throws (asleep, gone) or answers something that is no ruleset means nothing is read — the badge stays what the
 * store says, "?" for a page never read, never a guess — and the script asks again at the next in-app navigation
 * or detection; once the rules are there it sends the page (`page-dom`), which the fake background reads in-process
 * as the real one does (lib/offpage/read.ts), and the reading is the fixtures' index's. Then the new path's failure
 * policy in the page: a background that does not read the page, a page too large to send — nothing read, never a
 * guess, nothing thrown into the page; one reading at a time; an unchanged page not sent again.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rulesetFor } from '@/lib/detect/rules';
import { hasRules, useRuleset } from '@/lib/detect/ruleset';
import { startLife, type Life } from '@/lib/page/life';
import { startPage } from '@/lib/page/run';
import { readTree } from '@/lib/offpage/read';
import type { PageDetection } from '@/lib/detect';
import type { PageTree } from '@/lib/page/serialize';

const URL0 = 'https://admin.mistral.ai/vibe/privacy';
const HTML = readFileSync('test/fixtures/admin-vibe-privacy.switch.en.html', 'utf8').replace(/<!doctype[^>]*>/i, '');

type Mode = 'refuse' | 'throw' | 'junk' | 'rules' | 'silent';
let mode: Mode = 'refuse';
/** How the fake background answers `page-dom`: reads it (as the real one), or not. */
type DomMode = 'read' | 'refuse' | 'throw' | 'silent' | 'hang';
let domMode: DomMode = 'read';
let sent: { type: string; url?: string; page?: PageTree }[] = [];
/** What the fake background read of each page sent. */
let readings: PageDetection[] = [];
const lives: Life[] = [];
/** A reading script's page life, ended after each test (no page event ends one: lib/page/life.ts). */
const start = () => {
  const life = startLife();
  lives.push(life);
  startPage(life, { accountData: false });
};

/** Let the content script's promises settle (the fake background answers at once). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  fakeBrowser.reset();
  useRuleset(null);
  sent = [];
  readings = [];
  domMode = 'read';
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(URL0);
  document.documentElement.innerHTML = HTML;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: {
    type: string;
    url?: string;
    page?: PageTree;
  }) => {
    sent.push(msg);
    if (msg.type === 'page-dom') {
      switch (domMode) {
        case 'refuse':
          return { ok: false, error: 'page not read' };
        case 'throw':
          throw new Error('Could not establish connection. Receiving end does not exist.');
        case 'silent':
          return undefined;
        case 'hang':
          return new Promise(() => undefined);
        case 'read': {
          // Through JSON, as a runtime message, into a document of its own: what the background does.
          const page = JSON.parse(JSON.stringify(msg.page)) as PageTree;
          const detection = readTree(document.implementation, msg.url!, page);
          if (!detection) return { ok: false, error: 'page not read' };
          readings.push(detection);
          return { ok: true, detection };
        }
      }
    }
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

/** The pages the background read (one per `page-dom` answered with a reading). */
const reports = () => readings;
const pagesSent = () => sent.filter((m) => m.type === 'page-dom');
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

describe('the page read by the background (page-dom): failure policy in the page', () => {
  it.each(['refuse', 'throw', 'silent'] as const)(
    'a background that %s the page: nothing read, nothing thrown, sent again at the next detection',
    async (m) => {
      mode = 'rules';
      domMode = m;
      start();
      await settle();
      expect(pagesSent().length).toBe(1);
      expect(reports()).toEqual([]);
      // The next detection (a control changed) sends the page again, now read.
      domMode = 'read';
      document.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 200));
      await settle();
      expect(pagesSent().length).toBe(2);
      expect(reports().length).toBe(1);
    },
  );

  it('one page at a time: detections due while the background reads run once, after its answer', async () => {
    mode = 'rules';
    domMode = 'hang';
    start();
    await settle();
    expect(pagesSent().length).toBe(1);
    for (let i = 0; i < 5; i++) navigate(`${URL0}?tab=${i}`);
    await settle();
    expect(pagesSent().length).toBe(1);
  });

  it('an unchanged page is not sent again (a hash change); a changed one is', async () => {
    mode = 'rules';
    start();
    await settle();
    expect(pagesSent().length).toBe(1);
    navigate(`${URL0}#section`);
    await settle();
    expect(pagesSent().length).toBe(1);
    document.querySelector('[role="switch"]')!.setAttribute('aria-checked', 'false');
    navigate(`${URL0}#other`);
    await settle();
    expect(pagesSent().length).toBe(2);
    expect(reports().length).toBe(2);
  });

  it('a page too large to send: nothing sent, nothing read ("unknown"), no error in the page', async () => {
    mode = 'rules';
    const big = document.createElement('div');
    big.innerHTML = `<span>${'y'.repeat(300)}</span>`.repeat(7000);
    document.body.appendChild(big);
    start();
    await settle();
    expect(asks().length).toBe(1);
    expect(pagesSent()).toEqual([]);
    expect(reports()).toEqual([]);
  });
});
