/**
 * Personal data in a message, for the composer guard (issue 6), run by the background (lib/background/scan.ts;
 * no content script carries it, issue 13). Pure and dependency-free: no DOM, no browser API,
 * nothing stored; the UI shows only categories and counts (`summarize`), never the values.
 * Invariant: linear time, on input capped at `maxLength` (MAX_LENGTH) characters; no regex with nested or
 * adjacent overlapping quantifiers (how: see `scan`). Tests: test/unit/scan.test.ts, test/unit/scan-sliced.test.ts.
 */
import {
  BIGRAMS,
  IBAN_LENGTHS,
  MARKERS,
  PARTICLES,
  STEMS,
  STREET_EN,
  STREET_FR,
  STREET_FR_AMBIGUOUS,
  TERMS,
} from './tables';

import { CATEGORIES, MAX_LENGTH, type Category } from './categories';

export { CATEGORIES, MAX_LENGTH, type Category };
export interface Finding {
  category: Category;
  /** UTF-16 offsets into the scanned text, `end` exclusive. */
  start: number;
  end: number;
}
export interface ScanOptions {
  /** Only the first `maxLength` characters are scanned (default MAX_LENGTH). */
  maxLength?: number;
  /** Tests only: how far one trigger search looks ahead (default 32,768; at least 65). Never changes the findings. */
  window?: number;
}
export interface SliceOptions extends ScanOptions {
  /** How long one slice may run before `scanSliced` yields to the event loop (default 6 ms; a step is under about 2 ms). */
  sliceMs?: number;
  /** How to yield (default: `scheduler.yield()` where there is one, else a zero-delay timeout). */
  pause?: () => Promise<unknown>;
  /** Called after each slice with its duration in milliseconds (for the benchmark). */
  onSlice?: (ms: number) => void;
}

/** Soft categories are hints (best effort), not validated identifiers. */
export const isSoft = (c: Category): boolean => c === 'health' || c === 'address';

/** Counts per category (every category present, zero when absent): what the UI may show. */
export function summarize(findings: readonly Finding[]): Record<Category, number> {
  const out = {} as Record<Category, number>;
  for (const c of CATEGORIES) out[c] = 0;
  for (const f of findings) out[f.category]++;
  return out;
}

// ---------------------------------------------------------------------------------------------- characters

const cc = (s: string, i: number) => s.charCodeAt(i); // NaN out of range: every test below is then false
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 192 && c <= 591 && c !== 215 && c !== 247);
const isWord = (c: number) => isDigit(c) || isLetter(c) || c === 95;
const isUpper = (ch: string) => ch !== ch.toLowerCase();
const isSpace = (c: number) => c === 32 || c === 9 || c === 160 || c === 8239;
/** Lower case without accents (ligatures œ, æ spelled out). */
const fold = (w: string) => {
  w = w.toLowerCase();
  return /[^\0-\x7f]/.test(w)
    ? w
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae')
    : w;
};
const unplural = (w: string) => (w.length > 3 && w.charCodeAt(w.length - 1) === 115 ? w.slice(0, -1) : w);
const words = (list: string, sep = ' ') => new Set(list.split(sep));

// ---------------------------------------------------------------------------------------------- checksums

/** Luhn check of the digits of `d` (between `from` and `to`; other characters are skipped). */
export function luhn(d: string, from = 0, to = d.length): boolean {
  let sum = 0;
  for (let i = to - 1, alt = false; i >= from; i--) {
    let v = cc(d, i) - 48;
    if (v < 0 || v > 9) continue;
    if (alt && (v *= 2) > 9) v -= 9;
    sum += v;
    alt = !alt;
  }
  return sum % 10 === 0;
}

const IBAN_LEN = new Map<string, number>();
for (let k = 0; k < IBAN_LENGTHS.length; k += 4)
  IBAN_LEN.set(IBAN_LENGTHS.slice(k, k + 2), +IBAN_LENGTHS.slice(k + 2, k + 4));

/**
 * Issuer prefix (the first four digits) and length: Visa (and CB, co-branded with Visa or Mastercard),
 * Mastercard, Amex, Discover, JCB, Diners, UnionPay. All of them start with 2 to 6.
 */
function issuer(p4: number, L: number): boolean {
  const p2 = (p4 / 100) | 0;
  const p3 = (p4 / 10) | 0;
  if (p2 >= 40 && p2 <= 49) return L === 13 || L === 16 || L === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return L === 16;
  if (p2 === 34 || p2 === 37) return L === 15;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p4 >= 3528 && p4 <= 3589) || p2 === 62) return L >= 16;
  return p2 === 36 && L >= 14;
}

// ---------------------------------------------------------------------------------------------- regexes

const W = '\\w\\u00C0-\\u024F';
/** Numbers: a digit (or "+digit") at a token start, not the decimals of another number. */
const NUM = new RegExp(`(?<![${W}+]|\\d[.,])\\+?\\d`, 'g');
// Anchored (sticky) shapes tried at a number's start. Fixed-length groups, single optional separators.
const CARD = /(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{13,19})(?!\w)/y;
const SIRE = /\d{3}([ .]?)\d{3}\1\d{3}(?:[ .]?\d{5})?(?!\w)/y;
const NIR = /[1-478]([ .]?)\d\d\1(?:0[1-9]|1[0-2]|[235-9]\d|4[0-2])\1(?:\d\d|2[AB])\1\d{3}\1\d{3}[ .]?\d\d(?!\w)/iy;
const PHONE_FR = /(?:(?:\+|00)33 ?(?:\(0\) ?)?|0)[1-9]([ .-]?)\d\d(?:\1\d\d){3}(?!\w)/y;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\w)`, 'y');
const IPV4_ONLY = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const NOT_IP = /(?:\b(?:version|release|build|section|chapitre|chapter|article|art|ver|v)|§)\.? ?$/;
const POSTCODE = /(?:0[1-9]|[1-8]\d|9[0-578])\d{3}(?= )/y;
const SIRE_HINT = /sir[ea][nt]|rcs|tva|vat|insee|immatricul|company (?:no|number)|n° d'entreprise/;
const SIRET_LAYOUT = /^\d{3} \d{3} \d{3} \d{5}$/;

const IBAN = new RegExp(`(?<![${W}])[A-Z]{2} ?\\d\\d`, 'g');
const VAT = /FR ?(\d\d) ?(\d{3}) ?(\d{3}) ?(\d{3})(?!\w)/y;
const HEX4 = /^[0-9A-Fa-f]{1,4}$/;
const UK_POSTCODE = new RegExp(`(?<![${W}])[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}(?![${W}])`, 'g');
const EMAIL_TLD = /^[A-Za-z]{2,24}$/;
const NOT_EMAIL_TLD = /^(?:png|jpe?g|gif|svg|webp|bmp|ico)$/i;

const KEY_START =
  /(?<![\w-])(?:A[KS]IA|gh[pousr]_|github_pat_|AIza|xox[baprs]-|[rs]k_(?:live|test)_|sk-|eyJ|-----BEGIN )/g;
const KEY =
  /(?:A[KS]IA[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_\w{22,240}|AIza[\w-]{35}|xox[baprs]-[A-Za-z0-9-]{10,250}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,247}|sk-[\w-]{32,250}|eyJ[\w-]{8,8000}\.eyJ[\w-]{8,8000}\.[\w-]{8,8000})(?![\w-])/y;
const PEM = /-----BEGIN ([A-Z0-9 ]{0,40})-----/y;
const PEM_END = /-----END [A-Z0-9 ]{0,40}-----/y;
const PEM_BODY = /[A-Za-z0-9+/=\r\n]*/y;
const AWS_HINT = /aws_?secret_?access_?key/gi;
const AWS_VALUE = /["']?[ \t]{0,4}[:=][ \t]{0,4}["']?([A-Za-z0-9/+]{40})(?![\w/+])/y;
/** Passwords: after "password", "mot de passe"… and ":", "=", "is", "est"; a URL's user:password@. */
const PASSWORD_HINT = /\b(?:password|passwd|pwd|mot de passe|mdp)\b/gi;
const PASSWORD_VALUE = /["']?[ \t]{0,3}(?:[:=]|is|est)[ \t]{0,3}["']?([^\s"'<>{}$*]{6,64})/iy;
const URL_CREDENTIALS = /[^\s:@/]{1,64}:([^\s:@/]{1,128})@/y;
/** A bare token is a secret only when it starts within 40 characters after a hint (a Mistral API key is 32 alphanumerics). */
const TOKEN_HINT = /api.?key|cl[eé].{0,6}api|bearer|token|secret|mistral|authorization/gi;
const TOKEN = /(?<![\w-])[\w-]{20,128}(?![\w-])/g;

const FR_TYPES = words(STREET_FR);
const FR_AMBIGUOUS = words(STREET_FR_AMBIGUOUS);
const PART = words(PARTICLES);
const EN_TYPES = words(STREET_EN);
const TERM = words(TERMS);
const STEM = STEMS.split(' ');
const BI = new Set(BIGRAMS.split('|').map((b) => b.split(' ').map(unplural).join(' ')));
const BI_FIRST = new Set([...BI].map((b) => b.split(' ')[0]));
const MARK = words(MARKERS);
const CITY_PREFIX = words('le la les l saint sainte st ste');

// ---------------------------------------------------------------------------------------------- scan

/**
 * Personal data in `text`: findings sorted by start, non-overlapping. Only the first `maxLength` characters
 * (default MAX_LENGTH = 1,000,000) are scanned; anything after them is ignored and yields no finding.
 *
 * Linear time. Every detector walks the text once, left to right: a global "trigger" regex (or indexOf, or a
 * character loop) finds candidate positions, and the candidate is then checked by a hand-written walker or by a
 * sticky (`y`) regex anchored at that position. No regex here has nested or adjacent overlapping quantifiers;
 * every walker and every sticky regex either does bounded work per position, or consumes a token that no
 * later trigger re-reads (triggers sit at token starts, after a lookbehind). Overlaps are then resolved in one
 * pass over a claim mask, by priority (CATEGORIES order).
 *
 * Validators keep false alarms down: IBAN (ISO 13616 mod 97 and per-country length), cards (Luhn, length and
 * issuer prefix), NIR (month, Corsica 2A/2B and the 2-digit key), SIREN and SIRET (Luhn, La Poste exception;
 * a SIREN needs a hint word nearby or a checked French VAT number, a SIRET a hint or the 3-3-3-5 layout), keys
 * (known prefixes; bare 20–128-character tokens only after a hint such as "MISTRAL_API_KEY", "api key",
 * "clé API", "Bearer"). Addresses and special-category terms are soft hints (`isSoft`).
 */
export function scan(text: string, opts: ScanOptions = {}): Finding[] {
  const g = steps(text, opts);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** A text that `scan` goes through within one slice even at its slowest (adversarial input; about 4 ms). */
export const SYNC_SCAN_MAX = 16_000;

const pauseDefault = (): Promise<unknown> => {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return sched?.yield ? sched.yield() : new Promise((r) => setTimeout(r, 0));
};

/**
 * The same findings as `scan(text, opts)`, found in slices: the scanner is a generator that stops after every
 * bounded step (one candidate, one word, a few hundred elements of a sort), and this runs steps until
 * `sliceMs` has passed, then yields to the event loop, so that scanning 1 MB never blocks a page for long
 * (issue 13). Each step keeps its own position: other scans may run between two slices.
 */
export async function scanSliced(text: string, opts: SliceOptions = {}): Promise<Finding[]> {
  const budget = opts.sliceMs ?? 6;
  const pause = opts.pause ?? pauseDefault;
  const g = steps(text, opts);
  let t0 = performance.now();
  for (let k = 1; ; k++) {
    const r = g.next();
    if (r.done) {
      opts.onSlice?.(performance.now() - t0);
      return r.value;
    }
    if ((k & 15) === 0) {
      const t = performance.now();
      if (t - t0 >= budget) {
        opts.onSlice?.(t - t0);
        await pause();
        t0 = performance.now();
      }
    }
  }
}

/** The scanner, one bounded step per `yield`. */
function* steps(text: string, opts: ScanOptions): Generator<void, Finding[]> {
  const max = opts.maxLength ?? MAX_LENGTH;
  const s = text.length > max ? text.slice(0, Math.max(0, max)) : text;
  // Candidates as flat triples (rank, start, end); the rank is the index in CATEGORIES.
  const raw: number[] = [];
  const push = (c: Category, a: number, b: number) => void raw.push(CATEGORIES.indexOf(c), a, b);
  const hinted = (i: number, re: RegExp) => re.test(fold(s.slice(Math.max(0, i - 40), i)));
  const win = Math.max(MARGIN + 1, opts.window ?? WINDOW);

  yield* secrets(s, push, win);
  yield* emails(s, push);
  yield* ibans(s, push, win);
  yield* ipv6(s, push);
  const addr: number[] = []; // start, end
  // Numbers: the NIR, IP and address readers, and international phones, resume after their own last finding.
  // French phones and card-like numbers are tried at every number: a candidate of theirs can lose to an
  // overlapping finding of a higher priority (a NIR, an IBAN), and the phone or card that starts inside it and
  // runs past it must still be tried (`1 85 05 78 006 069 09 07 08 09 10 11`: a NIR, then a phone). No
  // measurable cost (scripts/bench-scan.ts: 1 MB adversarial worst 247 ms, against 282 before).
  let phoneEnd = 0,
    nirEnd = 0,
    ipEnd = 0,
    addrEnd = 0;
  yield* each(NUM, s, win, (m) => {
    const i = m.index;
    if (s[i] === '+') {
      if (i >= phoneEnd) phoneEnd = phone(s, i, push);
      return;
    }
    // The leading run of digits and what follows it decide which shapes are worth trying.
    let r = 1;
    while (r < 20 && isDigit(cc(s, i + r))) r++;
    const next = cc(s, i + r);
    const sep = next === 32 || next === 46;
    if (r >= 2 && s[i] === '0') phone(s, i, push);
    if (r >= 3) numbers(s, i, push, hinted);
    if (i >= nirEnd && (r === 1 ? sep : r >= 6) && anchored(NIR, s, i)) {
      const t = s.slice(i, NIR.lastIndex).replace(/[ .]/g, '').toUpperCase();
      const d = t.slice(5, 7);
      const num = +(t.slice(0, 5) + (d === '2A' ? '19' : d === '2B' ? '18' : d) + t.slice(7, 13));
      if (97 - (num % 97) === +t.slice(13)) push('nir', i, (nirEnd = NIR.lastIndex));
    }
    if (
      i >= ipEnd &&
      r <= 3 &&
      next === 46 &&
      anchored(IPV4, s, i) &&
      !/^(?:0|127|255)\./.test(s.slice(i, i + 4)) &&
      !NOT_IP.test(fold(s.slice(Math.max(0, i - 12), i)))
    ) {
      push('ip', i, (ipEnd = IPV4.lastIndex));
    }
    if (i >= addrEnd && r <= 5 && (next === 32 || next === 44 || isLetter(next))) {
      const e = street(s, i) || (r === 5 ? postcode(s, i, addrEnd) : 0);
      if (e) addr.push(i, (addrEnd = e));
    }
  });
  yield* each(UK_POSTCODE, s, win, (m) => void addr.push(m.index, m.index + m[0].length));
  yield* mergeAddresses(s, addr, push);
  yield* health(s, push);

  // Priority, then position: a finding is kept when none of its characters is already claimed.
  const order = yield* sorted(yield* indexes(raw.length, 3), (x, y) => raw[x] - raw[y] || raw[x + 1] - raw[y + 1]);
  const taken = new Uint8Array(s.length);
  const out: Finding[] = [];
  for (const k of order) {
    const [a, b] = [raw[k + 1], raw[k + 2]];
    let j = a;
    while (j < b && !taken[j]) j++;
    yield;
    if (j < b) continue;
    taken.fill(1, a, b);
    out.push({ category: CATEGORIES[raw[k]], start: a, end: b });
  }
  return yield* sorted(out, (x, y) => x.start - y.start);
}

/** [0, step, 2 × step, …] below `n`, in steps. */
function* indexes(n: number, step: number): Generator<void, number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k += step) {
    out.push(k);
    if ((k & 4095) === 0) yield;
  }
  return out;
}

/**
 * A stable sort (like Array.prototype.sort) in steps: bottom-up merge sort, one `yield` per 256 elements
 * placed. Small arrays are sorted at once.
 */
function* sorted<T>(xs: T[], cmp: (a: T, b: T) => number): Generator<void, T[]> {
  const n = xs.length;
  if (n <= 512) return xs.sort(cmp);
  let src = xs;
  let dst: T[] = new Array<T>(n);
  for (let a = 0; a < n; a += 256) {
    const part = src.slice(a, a + 256).sort(cmp);
    for (let k = 0; k < part.length; k++) src[a + k] = part[k];
    yield;
  }
  for (let w = 256; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(lo + w, n);
      const hi = Math.min(lo + 2 * w, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        dst[k] = i < mid && (j >= hi || cmp(src[j], src[i]) >= 0) ? src[i++] : src[j++];
        if ((k & 255) === 255) yield;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

type Push = (category: Category, start: number, end: number) => void;
type Hinted = (i: number, re: RegExp) => boolean;

/**
 * Every match of a global regex (none of them matches the empty string), from the start, one step each. `fn`
 * may return where the search resumes, to skip what it consumed. The position is kept here, not in the shared
 * regex, which another scan may use between two steps.
 */
function* each(re: RegExp, s: string, win: number, fn: (m: RegExpExecArray) => number | void): Generator<void, void> {
  const n = s.length;
  for (let at = 0; at < n;) {
    // One search looks at most `win` characters ahead: the text up to `end` (everything before it, for the
    // lookbehinds). A match that starts MARGIN characters or more before `end` is the one the whole text gives
    // (no trigger matches more than MARGIN - 1 characters, its lookaheads included); nothing found before
    // that point means nothing there in the whole text either.
    const end = Math.min(n, at + win);
    re.lastIndex = at;
    const m = re.exec(end === n ? s : s.slice(0, end));
    if (!m || (end < n && m.index > end - MARGIN)) {
      if (end === n) return;
      at = end - MARGIN;
    } else {
      at = re.lastIndex;
      const next = fn(m);
      if (next) at = next;
    }
    yield;
  }
}
const WINDOW = 1 << 15;
const MARGIN = 64;

/** Whether the sticky `re` matches at `i` (its end is then `re.lastIndex`). */
function anchored(re: RegExp, s: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(s);
}

// ---------------------------------------------------------------------------------------------- secrets

function* secrets(s: string, push: Push, win: number): Generator<void, void> {
  let pemEnd = -2; // index of the next "-----END" (-1: none after this point), cached so the search is linear
  yield* each(KEY_START, s, win, (m) => {
    const i = m.index;
    let e: number;
    if (m[0][0] === '-') {
      PEM.lastIndex = i;
      const h = PEM.exec(s);
      if (!h || !h[1].includes('PRIVATE KEY')) return; // any label naming a private key (the cautious reading)
      e = PEM.lastIndex;
      if (pemEnd !== -1 && pemEnd < e) pemEnd = s.indexOf('-----END', e);
      // Up to the end marker (a key block is well under 16,000 characters), or, for a truncated paste, over the
      // base64 lines that follow the header.
      if (pemEnd >= 0 && pemEnd - e < 16_000) e = anchored(PEM_END, s, pemEnd) ? PEM_END.lastIndex : pemEnd + 8;
      else e = (anchored(PEM_BODY, s, e), PEM_BODY.lastIndex);
    } else {
      if (!anchored(KEY, s, i)) return;
      e = KEY.lastIndex;
      if (s.startsWith('sk-', i) && !/\d/.test(s.slice(i + 3, e))) return; // "sk-" + words is prose
    }
    push('secret', i, e);
    return e;
  });
  yield* each(AWS_HINT, s, win, (m) => {
    if (anchored(AWS_VALUE, s, m.index + m[0].length)) push('secret', AWS_VALUE.lastIndex - 40, AWS_VALUE.lastIndex);
  });
  yield* each(PASSWORD_HINT, s, win, (m) => {
    PASSWORD_VALUE.lastIndex = m.index + m[0].length;
    const v = PASSWORD_VALUE.exec(s);
    const e = PASSWORD_VALUE.lastIndex;
    // A value with a digit or a sign is a password, letters or not ("password: 12345678"); a word alone is not.
    if (v && /[\d\W_]/.test(v[1]) && !isWord(cc(s, e))) push('secret', e - v[1].length, e);
  });
  for (let i = s.indexOf('://'); i >= 0; i = s.indexOf('://', i + 3)) {
    URL_CREDENTIALS.lastIndex = i + 3;
    const v = URL_CREDENTIALS.exec(s);
    if (v) push('secret', URL_CREDENTIALS.lastIndex - 1 - v[1].length, URL_CREDENTIALS.lastIndex - 1);
    yield;
  }
  // Tokens must mix digits, lower and upper case: not words, not hex hashes.
  yield* each(TOKEN_HINT, s, win, (m) => {
    const from = m.index + m[0].length;
    const near = s.slice(from, from + 40 + 129);
    TOKEN.lastIndex = 0;
    for (let t; (t = TOKEN.exec(near)) && t.index <= 40;) {
      if (/\d/.test(t[0]) && /[a-z]/.test(t[0]) && /[A-Z]/.test(t[0])) {
        push('secret', from + t.index, from + t.index + t[0].length);
        return from + t.index + t[0].length;
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------- email

const isLocal = (c: number) => isWord(c) || c === 46 || c === 37 || c === 43 || c === 45; // . % + -
const isDomain = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 46 || c === 45;

function* emails(s: string, push: Push): Generator<void, void> {
  for (let i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) {
    yield;
    let a = i;
    while (a > i - 64 && isLocal(cc(s, a - 1))) a--;
    if (isLocal(cc(s, a - 1))) continue; // longer than 64: not a local part
    while (cc(s, a) === 46) a++;
    if (a === i) continue;
    let b = i + 1;
    while (b < i + 254 && isDomain(cc(s, b))) b++;
    if (isDomain(cc(s, b))) continue;
    while (cc(s, b - 1) === 46 || cc(s, b - 1) === 45) b--;
    let dot = b - 1;
    while (dot > i && cc(s, dot) !== 46) dot--;
    if (dot <= i + 1) continue; // "a@b": no dot in the domain
    const labels = s.slice(i + 1, b).split('.');
    const tld = labels[labels.length - 1];
    if (
      !EMAIL_TLD.test(tld) ||
      NOT_EMAIL_TLD.test(tld) ||
      labels.some((l) => !l || l.length > 63 || l[0] === '-' || l[l.length - 1] === '-')
    )
      continue;
    push('email', a, b);
    i = b - 1;
  }
}

// ---------------------------------------------------------------------------------------------- IBAN, VAT

function* ibans(s: string, push: Push, win: number): Generator<void, void> {
  yield* each(IBAN, s, win, (m) => {
    const i = m.index;
    const L = IBAN_LEN.get(m[0].slice(0, 2));
    if (L) {
      // L upper-case alphanumerics (a single space or dash allowed between two), checked as they come:
      // the BBAN's value mod 97, then the country and check digits moved behind it (ISO 13616).
      let k = 0;
      let j = i;
      let r = 0;
      let head = 0;
      for (; k < L; j++) {
        let c = cc(s, j);
        if (k && (c === 32 || c === 45)) c = cc(s, ++j); // one separator
        const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
        if (v < 0) break;
        if (k < 2) head = head * 100 + v;
        else if (k < 4) head = head * 10 + v;
        else r = (v > 9 ? r * 100 + v : r * 10 + v) % 97;
        k++;
      }
      if (k === L && !isWord(cc(s, j)) && (r * 1e6 + head) % 97 === 1) {
        push('iban', i, j);
        return j;
      }
    }
    // French VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.
    if (m[0].startsWith('FR')) {
      VAT.lastIndex = i;
      const v = VAT.exec(s);
      const siren = v ? v[2] + v[3] + v[4] : '';
      if (v && luhn(siren) && (12 + 3 * (+siren % 97)) % 97 === +v[1]) push('siren', i, VAT.lastIndex);
    }
  });
}

// ---------------------------------------------------------------------------------------------- numbers

/**
 * Cards (4-4-4-4[-3], Amex 4-6-5, Diners 4-6-4, or unbroken), SIRET (3-3-3-5 or unbroken) and SIREN (3-3-3 or
 * unbroken) at a number's start. Returns the end of what it found, or 0.
 */
function numbers(s: string, i: number, push: Push, hinted: Hinted): number {
  let hint: boolean | undefined;
  if (anchored(SIRE, s, i)) {
    const e = SIRE.lastIndex;
    const siret = e - i >= 14;
    const laPoste = siret && /^356 ?000 ?000/.test(s.slice(i, i + 11)) && digitSum(s, i, e) % 5 === 0;
    if ((luhn(s, i, e) || laPoste) && ((siret && SIRET_LAYOUT.test(s.slice(i, e))) || (hint = hinted(i, SIRE_HINT)))) {
      push(siret ? 'siret' : 'siren', i, e);
      return e;
    }
  }
  const d0 = cc(s, i);
  if (d0 >= 50 && d0 <= 54 && anchored(CARD, s, i)) {
    const e = CARD.lastIndex;
    const L = digitSum(s, i, e, true);
    if (issuer(+s.slice(i, i + 4), L) && luhn(s, i, e) && !(L === 14 && hint)) {
      push('card', i, e);
      return e;
    }
  }
  return 0;
}

/** The sum of the digits between `from` and `to` (or their count). */
function digitSum(s: string, from: number, to: number, count = false): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = cc(s, i) - 48;
    if (v >= 0 && v <= 9) n += count ? 1 : v;
  }
  return n;
}

/** French numbers (0X XX XX XX XX, +33, 0033) and international ones (+ then 8 to 15 digits). Returns the end, or 0. */
function phone(s: string, i: number, push: Push): number {
  let e = 0;
  if (anchored(PHONE_FR, s, i)) e = PHONE_FR.lastIndex;
  else if (s[i] === '+' && s[i + 1] !== '0') {
    let j = i + 1;
    let digits = 0;
    for (;;) {
      for (; isDigit(cc(s, j)); j++) if (++digits > 15) return 0;
      e = j;
      let k = j;
      while (k - j < 2 && /[ .()-]/.test(s[k] ?? '')) k++;
      if (k === j || !isDigit(cc(s, k))) break;
      j = k;
    }
    if (digits < 8 || isWord(cc(s, e))) return 0;
  }
  if (e) push('phone', i, e);
  return e;
}

// ---------------------------------------------------------------------------------------------- IPv6

const isV6 = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102) || c === 58 || c === 46;

/** At each colon: the run of hex digits, colons and dots around it (at most 45 characters), if it is an address. */
function* ipv6(s: string, push: Push): Generator<void, void> {
  for (let k = s.indexOf(':'); k >= 0;) {
    yield;
    let i = k;
    while (i > k - 46 && isV6(cc(s, i - 1))) i--;
    // Walk the run, counting what a cheap rejection needs.
    let e = i;
    let colons = 0;
    let groups = 0;
    let longest = 0;
    let digit = false;
    for (let c, g = 0; isV6((c = cc(s, e))); e++) {
      if (c === 58 || c === 46) {
        colons += c === 58 ? 1 : 0;
        g = 0;
      } else {
        digit ||= isDigit(c);
        groups += g ? 0 : 1;
        longest = Math.max(longest, ++g);
      }
      if ((e & 4095) === 0) yield; // a run as long as the text ("1:1:1:…")
    }
    k = s.indexOf(':', e);
    if (
      colons < 2 ||
      groups < 2 ||
      !digit ||
      (longest < 3 && colons < 7) ||
      e - i > 46 ||
      isWord(cc(s, i - 1)) ||
      isWord(cc(s, e))
    )
      continue;
    let r = s.slice(i, e).replace(/\.$/, '');
    const len = r.length;
    if (r.includes('.')) {
      const c = r.lastIndexOf(':');
      if (!IPV4_ONLY.test(r.slice(c + 1))) continue;
      r = r.slice(0, c + 1) + '0:0';
    }
    // Eight groups, or fewer around a single "::" (then at least two, one of three or more digits: not "a1::b2").
    const halves = r.split('::');
    const parts = halves.flatMap((h) => (h ? h.split(':') : []));
    const n = parts.length;
    if (
      halves.length <= 2 &&
      parts.every((g) => HEX4.test(g)) &&
      (halves.length === 2 ? n >= 2 && n < 8 && parts.some((g) => g.length >= 3) : n === 8)
    ) {
      push('ip', i, i + len);
    }
  }
}

// ---------------------------------------------------------------------------------------------- addresses

/** The next word after one or two separators (space, apostrophe; a dot too after an abbreviation): [start, end]. */
function tok(s: string, j: number, dot = false): [number, number] | null {
  let k = j;
  for (let c; k - j < 2 && ((c = cc(s, k)) === 32 || c === 39 || c === 8217 || (dot && c === 46));) k++;
  if (k === j || !isLetter(cc(s, k))) return null;
  let e = k;
  // Up to 48 letters: French street names joined by hyphens run long ("Maréchal-Jean-Marie-de-Lattre-de-Tassigny",
  // 41); a longer run is no word of an address (and each call stays bounded).
  while (e - k <= 48 && (isLetter(cc(s, e)) || (cc(s, e) === 45 && isLetter(cc(s, e + 1))))) e++;
  return e - k > 48 ? null : [k, e];
}

/** "12 rue des Halles", "3 bis avenue de la République", "221B Baker Street", "10 Downing St": its end, or 0. */
function street(s: string, i: number): number {
  let j = i;
  while (isDigit(cc(s, j)) && j - i < 5) j++;
  if (isDigit(cc(s, j))) return 0;
  const digits = j - i;
  if (isLetter(cc(s, j)) && !isLetter(cc(s, j + 1))) j++; // 221B, 12b
  if (s[j] === ',') j++;
  let t = tok(s, j);
  if (t && /^(?:bis|ter|quater)$/i.test(s.slice(t[0], t[1]))) t = tok(s, t[1]);
  if (!t) return 0;
  const w = fold(s.slice(t[0], t[1]));
  if (digits <= 4 && (FR_TYPES.has(w) || FR_AMBIGUOUS.has(w))) {
    const loose = FR_TYPES.has(w); // a lower-case name is accepted after an unambiguous type ("rue de la paix")
    let end = 0;
    let k = t[1];
    for (let n = 0, named = false; n < 6; n++) {
      const u = tok(s, k, n === 0);
      if (!u) break;
      const word = s.slice(u[0], u[1]);
      if (PART.has(word.toLowerCase())) k = u[1];
      else if (isUpper(word[0]) || (loose && !named)) {
        named = true;
        k = end = u[1];
      } else break;
    }
    return end;
  }
  for (let n = 0; t && n < 5; n++, t = tok(s, t[1])) {
    const word = s.slice(t[0], t[1]);
    if (n > 0 && EN_TYPES.has(word.toLowerCase())) return t[1];
    if (!isUpper(word[0])) return 0;
  }
  return 0;
}

/** "75001 Paris", "13008 MARSEILLE", "92100 Boulogne-Billancourt Cedex", after a line break, a comma or a street. */
function postcode(s: string, i: number, lastAddress: number): number {
  if (!anchored(POSTCODE, s, i)) return 0;
  let p = i - 1;
  // Any run of spaces (a column gap, an indent) between the line's start, a colon or a comma and the postcode: each
  // space is walked over once, by the postcode right after it.
  while (isSpace(cc(s, p))) p--;
  if (!(p < 0 || '\n,:;('.includes(s[p]) || i - lastAddress <= 3)) return 0;
  let t = tok(s, i + 5);
  if (!t || !isUpper(s[t[0]])) return 0;
  if (CITY_PREFIX.has(fold(s.slice(t[0], t[1])))) t = tok(s, t[1]) ?? t;
  const c = tok(s, t[1]);
  return c && /^cedex$/i.test(s.slice(c[0], c[1])) ? c[1] : t[1];
}

/**
 * A street, its postcode and city (and a UK postcode) are one address when only commas, spaces, one line break
 * and capitalised words part them. `addr` holds (start, end) pairs.
 */
function* mergeAddresses(s: string, addr: number[], push: Push): Generator<void, void> {
  const order = yield* sorted(yield* indexes(addr.length, 2), (x, y) => addr[x] - addr[y]);
  let a = -1;
  let b = -1;
  for (const k of order) {
    yield;
    const [x, y] = [addr[k], addr[k + 1]];
    const gap = a >= 0 && x - b <= 40 ? s.slice(b, x) : '-';
    if (x <= b || (!/[.!?;-]|\n[^\S\n]*\n/.test(gap) && gap.split(/[\s,]+/).every((w) => !w || isUpper(w[0])))) {
      b = Math.max(b, y);
      continue;
    }
    if (a >= 0) push('address', a, b);
    [a, b] = [x, y];
  }
  if (a >= 0) push('address', a, b);
}

// ---------------------------------------------------------------------------------------------- health

const STEM5 = new Set(STEM.map((t) => t.slice(0, 5)));
const isTerm = (f: string, u: string) =>
  TERM.has(f) || TERM.has(u) || (STEM5.has(f.slice(0, 5)) && STEM.some((t) => f.startsWith(t)));

/**
 * Special-category terms (whole words, accent-insensitive), kept when a personal marker ("my", "je", "patient"…)
 * is within 10 words, or within 30 words in the same sentence.
 */
function* health(s: string, push: Push): Generator<void, void> {
  const hits: number[] = []; // start, end, word index, sentence index
  const marks: number[] = []; // word index, sentence index
  let w = 0;
  let sentence = 0;
  let prev = ''; // the previous word, folded and singular, when it may start a two-word term
  let prevStart = 0;
  let prevEnd = 0;
  for (let i = 0, n = s.length; i < n;) {
    let c = cc(s, i);
    if (!isLetter(c)) {
      if (c === 46 || c === 33 || c === 63 || c === 10) sentence++; // . ! ? newline
      if ((++i & 4095) === 0) yield;
      continue;
    }
    let j = i;
    let kind = 0; // 0: lower-case ASCII, 1: ASCII, 2: other letters
    for (; j < n && isLetter((c = cc(s, j))); j++) {
      if (c < 97 || c > 122) kind |= c < 128 ? 1 : 2;
      if ((j & 4095) === 0) yield; // a very long "word"
    }
    if (j - i <= 24) {
      const f = kind > 1 ? fold(s.slice(i, j)) : kind ? s.slice(i, j).toLowerCase() : s.slice(i, j);
      const u = unplural(f);
      if (MARK.has(f) || MARK.has(u)) marks.push(w, sentence);
      if (prev && BI.has(prev + ' ' + u) && /^[\s-]{1,3}$/.test(s.slice(prevEnd, i)))
        hits.push(prevStart, j, w, sentence);
      else if (isTerm(f, u)) hits.push(i, j, w, sentence);
      prev = BI_FIRST.has(u) ? u : '';
      prevStart = i;
      prevEnd = j;
    } else prev = '';
    w++;
    i = j;
    yield;
  }
  // Both lists are in text order; the first marker not yet ruled out decides (no later one can do better).
  for (let h = 0, p = 0; h < hits.length; h += 4) {
    const [at, sent] = [hits[h + 2], hits[h + 3]];
    while (p < marks.length && (marks[p] < at - 30 || (marks[p] < at - 10 && marks[p + 1] < sent))) p += 2;
    const d = marks[p] - at;
    if (p < marks.length && (Math.abs(d) <= 10 || (d <= 30 && marks[p + 1] === sent)))
      push('health', hits[h], hits[h + 1]);
    yield;
  }
}
