/**
 * The composer guard, end to end in Chromium and Firefox on the replica chat page: typing an IBAN shows the
 * notice (categories and counts, never values); Enter with findings warns — "Edit" keeps the message unsent,
 * "Send anyway" sends exactly one request; the send button is guarded too; nothing is shown when the verdict
 * is "not training"; a message not checked yet is held on send while the background scans it (the page carries
 * no scanner: lib/background/scan.ts), up to 1 MB; when the background's scanner cannot answer, the warning says
 * the message could not be checked, and Edit sends nothing, Send anyway sends once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  badgeBecomes,
  calls,
  fixture,
  launch,
  until,
  type Harness,
  urlOf,
  openFixture,
  barrier,
  settle,
} from './harness';

const EDITOR = 'form.composer .ProseMirror';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

describe.each(BROWSERS)('composer guard in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    h.requests.length = 0;
  });

  const openChat = (file: string) => openFixture(h, file);

  it('an IBAN shows the notice; Edit keeps the message unsent; Send anyway sends one request', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.click(EDITOR);
    await p.type(`Please wire the deposit to my account ${IBAN} today`);
    const note = await until(async () => (await p.ui()).note, 'the composer notice');
    expect(note).toMatch(/an IBAN \(1\)/);
    expect(note).not.toContain('3000 6000'); // counts, never values
    await p.press('Enter');
    const dialog = await until(async () => (await p.ui()).dialog, 'the warning on send');
    expect(dialog).toMatch(/IBAN/);
    await p.uiClick('Edit');
    await until(async () => (await p.ui()).dialog === null, 'dialog closed');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(0);
    expect(await p.evaluate<string>(`() => document.querySelector('${EDITOR}').innerText`)).toContain('FR76');

    await p.click(EDITOR);
    await p.press('Enter');
    await until(async () => (await p.ui()).dialog, 'the warning again');
    await p.uiClick('Send anyway');
    await until(async () => calls(h, 'message.newChat').length === 1, 'one send');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(1);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('the send button is guarded too; a message without personal data is sent without a word', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await p.click(EDITOR);
    await p.type('Write me a haiku about the wind');
    // No barrier: the composer guard draws its notice after a debounce and says nothing when it finds
    // nothing; a pause longer than the debounce is all there is.
    await settle(700);
    expect((await p.ui()).note).toBeNull();
    await p.click('button[type="submit"]');
    await until(async () => calls(h, 'message.newChat').length === 1, 'plain message sent');
    expect((await p.ui()).dialog).toBeNull();
    await p.click(EDITOR);
    await p.type('my email is camille.martin@example.fr');
    await until(async () => (await p.ui()).note, 'notice');
    await p.click('button[type="submit"]');
    await until(async () => (await p.ui()).dialog, 'the warning on the send button');
    await p.uiClick('Send anyway');
    await until(async () => calls(h, 'message.newChat').length === 2, 'second send');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(2);
    await p.close();
  });

  it('a long message not checked yet (60,000 characters, put in without typing): held on send, scanned in the background, then warned about or sent once', async () => {
    // No input event, so no notice and no counts yet: the guard cannot decide within the keydown, so it holds the
    // send while the background scans the text (issue 13: never in the page), then warns, or replays the send
    // exactly once.
    const p = await openChat('vibe-chat.free.en.html');
    const put = (text: string) =>
      p.evaluate<void>(`() => { document.querySelector('${EDITOR}').innerText = ${JSON.stringify(text)}; }`);
    await put('lorem ipsum dolor sit amet, '.repeat(2000) + `wire it to ${IBAN} please`);
    await p.click(EDITOR);
    await p.press('Enter');
    const dialog = await until(async () => (await p.ui()).dialog, 'the warning on send');
    expect(dialog).toMatch(/IBAN/);
    await p.uiClick('Edit');
    await until(async () => (await p.ui()).dialog === null, 'dialog closed');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(0);

    await put('lorem ipsum dolor sit amet, '.repeat(2000));
    await p.click(EDITOR);
    await p.press('Enter');
    await until(async () => calls(h, 'message.newChat').length === 1, 'the long plain message sent');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(1);
    expect((await p.ui()).dialog).toBeNull();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('nothing is shown when the verdict is "not training"', async () => {
    const subsUrl = urlOf('admin-subscriptions.team.en.html');
    h.serve(subsUrl, fixture('admin-subscriptions.team.en.html'));
    // Read before it is closed (the barrier): the reading script first asks the background for its rules.
    const subs = await h.open(subsUrl);
    await badgeBecomes(h, subsUrl, 'OFF');
    await subs.close();
    const p = await openChat('vibe-chat.plain.en.html');
    await until(async () => (await h.badge(urlOf('vibe-chat.plain.en.html'))).text === 'OFF', 'OFF');
    await p.click(EDITOR);
    await p.type(`IBAN ${IBAN}`);
    // No barrier: as above, nothing acknowledges that the text was considered and no notice drawn.
    await settle(800);
    expect((await p.ui()).note).toBeNull();
    await p.press('Enter');
    await until(async () => calls(h, 'message.newChat').length === 1, 'sent without a warning');
    expect((await p.ui()).dialog).toBeNull();
    await p.close();
  });

  it('1 MB (the most the guard checks) with an IBAN at its very end: held on send and warned about', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    const tail = ` wire it to ${IBAN}`;
    const text = 'lorem ipsum dolor sit amet, '.repeat(40_000).slice(0, 1_000_000 - tail.length) + tail;
    await p.evaluate<void>(`() => { document.querySelector('${EDITOR}').innerText = ${JSON.stringify(text)}; }`);
    await p.click(EDITOR);
    await p.press('Enter');
    const dialog = await until(async () => (await p.ui()).dialog, 'the warning on send', 20_000);
    expect(dialog).toMatch(/an IBAN \(1\)/);
    await p.uiClick('Edit');
    await until(async () => (await p.ui()).dialog === null, 'dialog closed');
    await barrier(h, p);
    expect(calls(h, 'message.newChat')).toHaveLength(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  /** Make the background's scanner hang (its pause between two slices never returns), or undo it. */
  async function hangScanner(p: Awaited<ReturnType<typeof openChat>>, on: boolean) {
    const code = `(g) => { g.__realMC ??= g.MessageChannel; g.MessageChannel = ${on} ? function () { const c = new g.__realMC(); return { port1: c.port1, port2: { postMessage() {} } }; } : g.__realMC; return true; }`;
    if (name === 'chromium') {
      const sw = (p.raw as import('playwright-core').Page).context().serviceWorkers()[0];
      await sw.evaluate(`(${code})(globalThis)`);
    } else
      await h.extEval(`async () => { const bg = await browser.runtime.getBackgroundPage(); return (${code})(bg); }`);
  }

  it('the background cannot scan: the warning says the message could not be checked; Edit sends nothing, Send anyway sends once', async () => {
    const p = await openChat('vibe-chat.free.en.html');
    await until(async () => (await h.badge(urlOf('vibe-chat.free.en.html'))).text === 'ON', 'badge ON');
    await hangScanner(p, true);
    try {
      // Long enough that the scan needs more than one slice (so it reaches the hung pause).
      await p.evaluate<void>(
        `() => { document.querySelector('${EDITOR}').innerText = ${JSON.stringify('lorem ipsum dolor sit amet, '.repeat(20_000))}; }`,
      );
      await p.click(EDITOR);
      await p.press('Enter');
      const text = await until(async () => (await p.ui()).dialog, 'the cautious warning on send', 20_000);
      expect(text).toMatch(/could not check this message for personal data/);
      await p.uiClick('Edit');
      await until(async () => (await p.ui()).dialog === null, 'dialog closed');
      await barrier(h, p);
      expect(calls(h, 'message.newChat')).toHaveLength(0);
      await p.click(EDITOR);
      await p.press('Enter');
      await until(async () => (await p.ui()).dialog, 'the cautious warning again', 20_000);
      await p.uiClick('Send anyway');
      await until(async () => calls(h, 'message.newChat').length === 1, 'one send');
      await barrier(h, p);
      expect(calls(h, 'message.newChat')).toHaveLength(1);
    } finally {
      await hangScanner(p, false);
      await p.close();
    }
  });
});
