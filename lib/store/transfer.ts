/**
 * Export and import of everything Windsock stored (the privacy record), as a JSON file the user keeps.
 *
 * Import is strict and all-or-nothing: the file must be JSON (`not-json`), a Windsock export (`foreign`), and
 * hold a store that is valid as it is — of this version or an older one, which is migrated (`malformed`
 * otherwise: a store `load()` would have to salvage, reset or ignore is refused whole, never half-imported).
 * A rejected file overwrites nothing: the background only writes when `ok` is true. Pure: no browser.
 */
import { CURRENT_VERSION, CurrentStore, load, MIGRATIONS, type Store } from './schema';

export const EXPORT_KIND = 'windsock-privacy-record';
/** The version of the file's envelope (not of the store inside, which carries its own schemaVersion). */
export const EXPORT_FORMAT = 1;

export interface ExportFile {
  kind: typeof EXPORT_KIND;
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  store: Store;
}

export function toExport(store: Store, now: number): ExportFile {
  return { kind: EXPORT_KIND, format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString(), store };
}

export type ImportError = 'not-json' | 'foreign' | 'malformed';

export type ImportResult = { ok: true; store: Store; migratedFrom?: number } | { ok: false; error: ImportError; problems?: string[] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Migrate a stored value to the current version and validate it whole, without any salvage. */
function strictlyValid(raw: Record<string, unknown>): boolean {
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from > CURRENT_VERSION) return false;
  let data: Record<string, unknown> = structuredClone(raw);
  try {
    for (let v = from; v < CURRENT_VERSION; v++) data = MIGRATIONS[v](data);
  } catch {
    return false;
  }
  return CurrentStore.safeParse(data).success;
}

export function fromImport(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isObj(raw) || raw.kind !== EXPORT_KIND) return { ok: false, error: 'foreign' };
  // The first exports had no `format`; anything else than this one is from a Windsock that writes another shape.
  if (raw.format !== undefined && raw.format !== EXPORT_FORMAT) return { ok: false, error: 'malformed', problems: [`export format ${String(raw.format)} is not ${EXPORT_FORMAT}`] };
  if (!isObj(raw.store)) return { ok: false, error: 'malformed', problems: ['no store in the file'] };
  const { store, problems, migratedFrom } = load(raw.store);
  if (problems.length) return { ok: false, error: 'malformed', problems };
  if (!strictlyValid(raw.store)) return { ok: false, error: 'malformed', problems: ['the store is not valid as it is'] };
  return migratedFrom === undefined ? { ok: true, store } : { ok: true, store, migratedFrom };
}
