/**
 * Export and import of everything Windsock stored (the privacy record), as a JSON file the user keeps.
 * Import validates the whole file first; a malformed or foreign file is rejected with a clear message and
 * overwrites nothing. Pure: no browser.
 */
import { load, type Store } from './schema';

export const EXPORT_KIND = 'windsock-privacy-record';

export interface ExportFile {
  kind: typeof EXPORT_KIND;
  exportedAt: string;
  store: Store;
}

export function toExport(store: Store, now: number): ExportFile {
  return { kind: EXPORT_KIND, exportedAt: new Date(now).toISOString(), store };
}

export type ImportResult = { ok: true; store: Store } | { ok: false; error: string };

export function fromImport(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== EXPORT_KIND) return { ok: false, error: 'foreign' };
  const { store, problems } = load((raw as { store?: unknown }).store);
  if (problems.length || !(raw as { store?: unknown }).store) return { ok: false, error: 'malformed' };
  return { ok: true, store };
}
