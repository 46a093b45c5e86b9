// @vitest-environment node
/**
 * The scanner's boundaries, lines 1-299 of lib/scan/index.ts (issue 14, mutation testing): card issuer ranges and
 * lengths, the letter and space classes, accent folding and plurals, the NIR's and the IP's shapes, the hint
 * window, the length cap, the window floor and when scanSliced yields. Each oracle comes from the category's
 * definition (issuer tables, INSEE's NIR layout and key, Luhn), computed here inside each test, never copied
 * from what the scanner returns. Survivors judged equivalent: test/mutation-equivalents-scan-a.md.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { luhn, scan, scanSliced } from '@/lib/scan';

/** What `text` yields, as "category:value" strings. */
const found = (text: string) => scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);
const cats = (text: string) => scan(text).map((f) => f.category);

/** `prefix` padded with zeros to `length` - 1 digits, then its Luhn check digit (ISO/IEC 7812, computed here). */
function cardNumber(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '0');
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    // From the right of the body, every first digit is doubled (the check digit will sit to its right).
    let v = +body[body.length - 1 - k];
    if (k % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return body + ((10 - (sum % 10)) % 10);
}
/** How people write a card of that length: 4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4; 13 unbroken. */
function grouped(n: string): string {
  if (n.length === 16 || n.length === 19) return n.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (n.length === 15 || n.length === 14) return `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`;
  return n;
}
/** A NIR with its key: 97 - (the 13 digits mod 97), Corsica's 2A and 2B counted as 19 and 18 (INSEE). */
function nir(first13: string): string {
  const num = +first13.replace('2A', '19').replace('2B', '18');
  return first13 + String(97 - (num % 97)).padStart(2, '0');
}

describe('card issuers: each range at its bounds, each with its lengths (Visa 13/16/19, Mastercard 16, Amex 15, Discover, JCB and UnionPay 16-19, Diners 14)', () => {
  it.each([
    ['4000', 16], // Visa from 40
    ['4999', 16],
    ['4222', 13],
    ['4111', 19],
    ['5100', 16], // Mastercard 51-55
    ['5599', 16],
    ['2221', 16], // Mastercard's 2-series, 2221-2720
    ['2720', 16],
    ['3400', 15], // Amex
    ['3700', 15],
    ['6011', 16], // Discover
    ['6500', 16],
    ['6440', 16],
    ['6499', 19],
    ['3528', 16], // JCB 3528-3589
    ['3589', 17],
    ['6200', 16], // UnionPay
    ['6212', 19],
    ['3600', 14], // Diners
  ])('%s… with %i digits is a card', (prefix, length) => {
    const n = grouped(cardNumber(prefix, length));
    expect(found(`ma carte ${n} merci`)).toEqual([`card:${n}`]);
  });
  it.each([
    ['3999', 16], // Visa starts at 40
    ['4000', 15], // Visa is never 14, 15, 17 or 18 digits long
    ['4000', 17],
    ['5000', 16], // 50: not Mastercard (51-55)
    ['5600', 16], // 56: not Mastercard
    ['5100', 13], // Mastercard has 16 digits only
    ['5100', 19],
    ['2000', 16], // below the 2-series
    ['2220', 16],
    ['2721', 16],
    ['3400', 16], // Amex has 15 digits only
    ['6011', 15], // Discover, JCB and UnionPay: 16 or more
    ['6430', 16], // Discover's 644-649, not 643
    ['6600', 16], // no issuer
    ['3527', 16], // JCB's range bounds
    ['3590', 16],
    ['6200', 15],
    ['3600', 13], // Diners: 14 or more
    ['3000', 16], // no issuer in the product's list
  ])('%s… with %i digits is no card', (prefix, length) => {
    const n = grouped(cardNumber(prefix, length));
    expect(cats(`ma carte ${n} merci`)).toEqual([]);
  });
});

describe('luhn', () => {
  it.each([
    ['4111x1111x1111x1111', true], // a letter (code above "9") is skipped like a space or a dash
    ['4111:1111:1111:1111', true],
    ['4111x1111x1111x1112', false],
    ['59', true], // 5 doubled is 10 (1 + 0), + 9 = 10
    ['58', false],
    ['91', true], // 9 doubled is 18 (1 + 8), + 1 = 10
  ])('luhn(%s) is %s', (d, ok) => expect(luhn(d)).toBe(ok));
});

describe('letters: Latin letters through U+024F, not × (U+00D7) or ÷ (U+00F7); a term glued to a letter is no whole word', () => {
  it.each([
    ['z', false],
    ['Z', false],
    ['a', false],
    ['{', true], // just above "z"
    ['[', true], // just above "Z"
    ['`', true], // just below "a"
    ['À', false], // U+00C0, the first Latin-1 letter
    ['¿', true], // U+00BF, just below it
    ['×', true],
    ['÷', true],
    ['ɏ', false], // U+024F, the last letter of Latin Extended-B
    ['ɐ', true], // U+0250, IPA: beyond the scanner's letters
    ['…', true],
  ])('"my %scancer": a separate word: %s', (ch, separate) => {
    const text = `my ${ch}cancer`;
    expect(found(text)).toEqual(separate ? ['health:cancer'] : []);
  });
  it.each([
    ['my cancer…', 'cancer'], // an ellipsis (U+2026) ends a word
    ['my cancer× 2', 'cancer'],
    ['my leukemiaɐ', 'leukemia'],
  ])('%s', (text, term) => expect(found(text)).toEqual([`health:${term}`]));
  it('a street name with À inside (the hyphen joins only letters)', () => {
    const a = '12 rue de Pont-À-Mousson';
    expect(found(`envoyer au ${a}.`)).toEqual([`address:${a}`]);
  });
  it("_ is a word character, as the regexes' \\w: a number glued to it is no card, IBAN or phone", () => {
    for (const v of ['FR7630006000011234567890189', '4111111111111111', '+4915112345678', '0648279135'])
      expect(cats(`${v}_old`)).toEqual([]);
    expect(cats('FR7630006000011234567890189 old')).toEqual(['iban']);
  });
});

describe('spaces before a postcode: space, tab, no-break space, narrow no-break space (after a comma or a line break)', () => {
  it.each([
    [' ', 'space'],
    ['\t', 'tab'],
    ['\u00a0', 'no-break space'],
    ['\u202f', 'narrow no-break space'],
  ])('"Jean Dupont,%s75001 Paris" (%s)', (sp) => {
    expect(found(`Jean Dupont,${sp}75001 Paris`)).toEqual(['address:75001 Paris']);
    expect(found(`Jean Dupont,${sp}${sp}${sp}75001 Paris`)).toEqual(['address:75001 Paris']);
  });
});

describe('folding: accents off, œ and æ spelled out; plurals', () => {
  it.each([
    ['la sœur de Paul a un cancer', 'cancer'], // the marker "soeur" written with œ
    ['my son has leukæmia', 'leukæmia'], // the stem "leukaemi" written with æ
    ['my son is cœliac', 'cœliac'], // the stem "coelia" written with œ
    ['mon śíďá', 'śíďá'], // a term whose every letter carries an accent: folded all the same ("sida")
    ['she had panic attacks', 'panic attacks'], // a two-word term in the plural
    ['two friends have cancer', 'cancer'], // the marker "friend" in the plural
  ])('%s', (text, term) => expect(found(text)).toEqual([`health:${term}`]));
  it.each([
    'Notre SAS vend un traitement contre le cancer', // "SAS" (a company form) is not "sa" in the plural
    'this is about cancer', // nor "is" the plural of "i"
    'as for us, cancer research', // nor "as" or "us"
  ])('no marker: %s', (text) => expect(cats(text)).toEqual([]));
});

describe('NIR: spaced, dotted, unbroken, Corsican', () => {
  it.each([
    ['1 85 05 78 006 084', ' '],
    ['1.85.05.78.006.084', '.'], // dotted, as on some forms
    ['1850578006084', ''],
    ['185052A006084', ''], // Corsica unbroken: six digits, then A
    ['271022B033045', ''], // Haute-Corse unbroken
  ])('%s', (first13, keySep) => {
    const full = nir(first13.replace(/[ .]/g, ''));
    const n = first13 + keySep + full.slice(13);
    for (const text of [`numéro de sécu ${n}`, `numéro de sécu ${n}, merci`, `${n}.`])
      expect(found(text)).toEqual([`nir:${n}`]);
  });
});

describe('IPv4: loopback, any-address and broadcast are no personal address, wherever they stand', () => {
  it.each([
    ['host 127.0.0.1', []],
    ['host 0.0.0.0 and 255.255.255.255', []],
    ['127.0.0.1 then 10.1.2.3', ['ip:10.1.2.3']],
    ['0.0.0.0 then 192.168.1.24', ['ip:192.168.1.24']],
  ])('%s', (text, want) => expect(found(text)).toEqual(want));
});

describe('streets: a number followed by an apostrophe is a measure, not a house number', () => {
  it.each(["the 6' Oak Lane sign", 'a 12’ Baker Street banner'])('%s', (text) => expect(cats(text)).toEqual([]));
  it.each(['6 Oak Lane', '12, rue de la Paix', '221B Baker Street'])('but %s is', (a) =>
    expect(found(`send it to ${a}.`)).toEqual([`address:${a}`]),
  );
});

describe('a number at the very start of the text (offset 0)', () => {
  it.each([
    ['+44 20 7946 0958', 'phone'],
    ['+33 6 48 27 91 35', 'phone'],
    ['06 48 27 91 35', 'phone'],
    ['192.168.1.24', 'ip'],
    ['12, rue de la Paix', 'address'],
    ['4111 1111 1111 1111', 'card'],
  ])('%s', (v, category) => {
    expect(found(v)).toEqual([`${category}:${v}`]);
    expect(found(`${v} and more`)).toEqual([`${category}:${v}`]);
  });
});

describe('SIREN hint: within the 40 characters before the number', () => {
  it.each([
    [35, true], // "SIREN" ends 35 characters before: inside the window
    [36, false], // its "S" falls out of it
    [80, false],
  ])('"SIREN" then %i spaces: hinted %s', (gap, hinted) => {
    const text = `SIREN${' '.repeat(gap)}732 829 320`;
    expect(found(text)).toEqual(hinted ? ['siren:732 829 320'] : []);
  });
  it('a hint after the number does not count', () => {
    expect(found('732 829 320 is our SIREN')).toEqual([]);
    expect(found(`${'x '.repeat(30)}732 829 320 is our SIREN`)).toEqual([]);
  });
});

describe('options', () => {
  it('maxLength cuts the text: what lies before the cut is still found', () => {
    expect(found('a@b.fr is me')).toEqual(['email:a@b.fr']);
    expect(scan('a@b.fr is me', { maxLength: 6 })).toEqual([{ category: 'email', start: 0, end: 6 }]);
    expect(scan('a@b.fr is me', { maxLength: 5 })).toEqual([]);
  });
  it.each([1, 64])(
    'a window below 65 (%i) counts as 65: same findings, and the search ends',
    async (window) => {
      const text = `${'word '.repeat(40)}jean@example.fr ${'word '.repeat(40)}06 48 27 91 35`;
      expect(await scanSliced(text, { window })).toEqual(scan(text));
    },
    3000,
  );
});

describe('scanSliced reads the clock every 16 steps', () => {
  afterEach(() => void vi.restoreAllMocks());
  it('a scan of fewer than 16 steps runs in one slice, even with a zero budget', async () => {
    let pauses = 0;
    const got = await scanSliced('a@b.fr', { sliceMs: 0, pause: async () => void pauses++ });
    expect(got).toEqual([{ category: 'email', start: 0, end: 6 }]);
    expect(pauses).toBe(0);
  });
  it('the budget is spent when exactly that much time has passed (a clock moving 1 ms per read, sliceMs 1)', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now++);
    const slices: number[] = [];
    let pauses = 0;
    const text = 'word '.repeat(100);
    await scanSliced(text, { sliceMs: 1, pause: async () => void pauses++, onSlice: (ms) => slices.push(ms) });
    expect(pauses).toBeGreaterThan(3);
    expect(slices.slice(0, -1)).toEqual(new Array(pauses).fill(1));
  });
});

describe('a phone or a card inside a candidate that lost to a finding of a higher priority', () => {
  it.each([
    // A NIR (key 09), then a phone: the phone candidate "09 07 08 09 10" overlaps the NIR and loses; the phone
    // that starts inside it, "07 08 09 10 11", is still found.
    ['1 85 05 78 006 069 09 07 08 09 10 11', ['nir:1 85 05 78 006 069 09', 'phone:07 08 09 10 11']],
    // An Austrian IBAN, then a Visa test card: the Luhn-valid "4000 0004 4111 1111" overlaps the IBAN and
    // loses; the card after it is still found.
    ['AT12 1904 3004 4000 0004 4111 1111 1111 1111', ['iban:AT12 1904 3004 4000 0004', 'card:4111 1111 1111 1111']],
  ])('%s', (text, expected) => {
    expect(scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`)).toEqual(expected);
  });
});
