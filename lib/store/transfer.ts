/**
 * Export and import of everything Windsock stored (the privacy record), as a JSON file the user keeps.
 *
 * Import is strict and all-or-nothing: the file must be JSON (`not-json`), a Windsock export (`foreign`), and
 * hold a store that is valid as it is — of this version or an older one, which is migrated (`malformed`
 * otherwise: a store `load()` would have to salvage, reset or ignore is refused whole, never half-imported).
 * A rejected file overwrites nothing: the background only writes when `ok` is true. Pure: no browser.
 */
import {
  STORE_VERSION,
  StoreV3,
  FUTURE_SLACK_MS,
  load,
  MIGRATIONS,
  MIN_DATE,
  OLDEST_VERSION,
  type Store,
} from './schema';

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

export type ImportError = 'not-json' | 'foreign' | 'malformed' | 'too-big' | 'too-deep' | 'newer';

/** The largest file the options page reads and the background accepts (characters; File.size is checked first). */
export const MAX_IMPORT_CHARS = 5_000_000;
/** Objects and arrays nested deeper than this are refused before JSON.parse (a store is 5 levels deep). */
const MAX_IMPORT_DEPTH = 32;

/** The deepest nesting of objects and arrays in a JSON text, counted in one linear pass (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Every date in a store (observations, declarations, history, shares), for the window check. */
function datesOf(store: Store): number[] {
  const out: number[] = [];
  for (const org of Object.values(store.orgs)) {
    for (const o of Object.values(org.observations))
      if (o) out.push(o.seenAt, ...(o.disputed ? [o.disputed.seenAt] : []), ...(o.replaced ? [o.replaced.at] : []));
    for (const d of Object.values(org.declarations)) if (d) out.push(d.at);
    if (org.lastSeen) out.push(org.lastSeen);
  }
  for (const h of store.history) out.push(h.at);
  for (const s of store.shares) out.push(s.at);
  return out;
}

export type ImportResult =
  { ok: true; store: Store; migratedFrom?: number } | { ok: false; error: ImportError; problems?: string[] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Migrate a stored value to the current version and validate it whole, without any salvage. */
function strictlyValid(raw: Record<string, unknown>): boolean {
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < OLDEST_VERSION || from > STORE_VERSION)
    return false;
  let data: Record<string, unknown> = structuredClone(raw);
  try {
    for (let v = from + 1; v <= STORE_VERSION; v++) data = MIGRATIONS[v](data);
  } catch {
    return false;
  }
  return StoreV3.safeParse(data).success;
}

/**
 * `now` bounds the dates: an import holding a date more than FUTURE_SLACK_MS ahead (a declaration dated in the
 * future would beat every later page reading) or before MIN_DATE is refused whole.
 */
export function fromImport(text: string, now: number = Date.now()): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'too-big' };
  if (jsonDepth(text) > MAX_IMPORT_DEPTH) return { ok: false, error: 'too-deep' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isObj(raw) || raw.kind !== EXPORT_KIND) return { ok: false, error: 'foreign' };
  // The first exports had no `format`; anything else than this one is from a Windsock that writes another shape.
  if (raw.format !== undefined && raw.format !== EXPORT_FORMAT)
    return { ok: false, error: 'malformed', problems: [`export format ${String(raw.format)} is not ${EXPORT_FORMAT}`] };
  if (!isObj(raw.store)) return { ok: false, error: 'malformed', problems: ['no store in the file'] };
  const { store, problems, migratedFrom, newerVersion } = load(raw.store);
  if (newerVersion !== undefined) return { ok: false, error: 'newer', problems };
  if (problems.length) return { ok: false, error: 'malformed', problems };
  if (!strictlyValid(raw.store))
    return { ok: false, error: 'malformed', problems: ['the store is not valid as it is'] };
  const bad = datesOf(store).filter((d) => d > now + FUTURE_SLACK_MS || d < MIN_DATE);
  if (bad.length)
    return {
      ok: false,
      error: 'malformed',
      problems: [
        `${bad.length} date${bad.length === 1 ? '' : 's'} outside ${new Date(MIN_DATE).toISOString().slice(0, 10)} … tomorrow`,
      ],
    };
  return migratedFrom === undefined ? { ok: true, store } : { ok: true, store, migratedFrom };
}
