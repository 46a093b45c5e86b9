/** How extension pages (popup, options) ask the background to change something. */
import { browser } from 'wxt/browser';
import type { Message } from './messages';

export async function send(msg: Message): Promise<{ ok: boolean; error?: string }> {
  const res = (await browser.runtime.sendMessage(msg)) as { ok?: boolean; error?: string } | undefined;
  return { ok: !!res?.ok, error: res?.ok ? undefined : (res?.error ?? 'no answer from the background') };
}
