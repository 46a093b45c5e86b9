/**
 * The composer guard's scanner, in the background (issue 13: the chat page's UI script carries no scanner, and
 * the page is never blocked by a scan). A `scan-text` message (lib/messages.ts) brings the composer's text; this
 * answers its counts per category, never the values.
 *
 * Privacy invariant: the text is held in memory for the scan only. It is never stored (no storage, no cache of
 * texts), never logged, never put in an error, an answer or a diagnostic report; the optional `onScanned` record
 * (test builds, for the benchmark) gets durations and a length only.
 * Responsiveness: the scan runs in slices (lib/scan `scanSliced`), and between two slices the background yields
 * with an ordinary task (a MessageChannel message, else a zero-delay timeout), so that other messages — other
 * tabs' warnings, the popup — are answered while a 1 MB text is scanned. A newer request from the same tab
 * abandons an older one at its next slice, unless a held send waits for that one.
 */
import { scanSliced, summarize } from '../scan';
import { CATEGORIES, type Category } from '../scan/categories';

export type Counts = Partial<Record<Category, number>>;

/** What a test build records of each scan, for the benchmark: never the text. */
export interface ScanStats {
  chars: number;
  ms: number;
  slices: number;
  longestSliceMs: number;
}

export interface ScannerOptions {
  /** How to let other tasks run between two slices (default: an ordinary task, see above). */
  pause?: () => Promise<unknown>;
  /** How long a slice may run (lib/scan's default otherwise). */
  sliceMs?: number;
  onScanned?: (s: ScanStats) => void;
}

/** A request abandoned for a newer one from the same tab. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

/** Yield to the event loop with an ordinary task: other pending messages run before the next slice. */
function taskPause(): Promise<void> {
  const MC = (globalThis as { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (!MC) return new Promise((r) => setTimeout(r, 0));
  return new Promise((r) => {
    const ch = new MC();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}

export function makeScanner(opts: ScannerOptions = {}) {
  /** The newest request number seen per tab, while one of its scans runs. */
  const newest = new Map<string, number>();
  const pause = opts.pause ?? taskPause;

  /**
   * The counts of `text` (categories with at least one finding), or a `Superseded` rejection when a newer
   * request of `who` came in meanwhile and this one is not for a send.
   */
  return async function countsOf(who: string, text: string, seq: number, send = false): Promise<Counts> {
    if (seq >= (newest.get(who) ?? -1)) newest.set(who, seq);
    const stale = () => !send && newest.get(who) !== seq;
    let slices = 0;
    let longest = 0;
    const t0 = performance.now();
    try {
      const findings = await scanSliced(text, {
        sliceMs: opts.sliceMs,
        pause: async () => {
          if (stale()) throw new Superseded();
          await pause();
          if (stale()) throw new Superseded();
        },
        onSlice: (ms) => {
          slices++;
          if (ms > longest) longest = ms;
        },
      });
      opts.onScanned?.({ chars: text.length, ms: performance.now() - t0, slices, longestSliceMs: longest });
      const all = summarize(findings);
      const out: Counts = {};
      for (const c of CATEGORIES) if (all[c]) out[c] = all[c];
      return out;
    } finally {
      if (newest.get(who) === seq) newest.delete(who);
    }
  };
}
