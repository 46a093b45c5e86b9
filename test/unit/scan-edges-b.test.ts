// @vitest-environment node
/**
 * Edges of the personal-data scanner (lib/scan/index.ts, lines 300-559: secrets, email, IBAN, SIRET/card,
 * international phones), each at the exact boundary a surviving mutant moved. The oracle is each category's own
 * definition (RFC 5321/1035 lengths, ISO 13616, E.164, INSEE's La Poste rule, PEM blocks), not the code's output.
 * Equivalent mutants of this range: test/mutation-equivalents-scan-b.md.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '@/lib/scan';

/** What `text` yields, as "category:value" strings. */
const found = (text: string) => scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);
const cats = (text: string) => scan(text).map((f) => f.category);

/** ISO 13616 check, written here independently of the scanner (upper-cased, letters A=10…Z=35, mod 97). */
const isoValid = (iban: string) => {
  const t = iban.replace(/[ -]/g, '').toUpperCase();
  // the registry's lengths of the two countries used here
  if (!/^[A-Z0-9]+$/.test(t) || t.length !== ({ FR: 27, GB: 22 } as Record<string, number>)[t.slice(0, 2)])
    return false;
  const n = (t.slice(4) + t.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(n) % 97n === 1n;
};

describe('secrets', () => {
  const MISTRAL = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO';
  it.each([
    // exactly 40 characters between the hint and the token: "within 40 characters"
    [40, [`secret:${MISTRAL}`]],
    [41, []],
  ])('a bare token %i characters after its hint', (gap, want) => {
    expect(found(`token${' '.repeat(gap)}${MISTRAL}`)).toEqual(want);
  });
  it('a hinted token is whole, however long (here 100 characters)', () => {
    const long = MISTRAL.repeat(3) + 'Ab1x';
    expect(found(`Authorization: Bearer ${long}`)).toEqual([`secret:${long}`]);
  });
  it.each([
    ['a CamelCase placeholder: no digit', 'MISTRAL_API_KEY=YourMistralApiKeyHere'],
    ['an upper-case placeholder', 'MISTRAL_API_KEY=YOUR_MISTRAL_API_KEY_HERE'],
    ['an upper-case hex hash: no lower case', 'token: 9F86D081884C7D659A2FEAA0C55AD015'],
  ])('a hinted token must mix digits, lower and upper case: not %s', (_, text) => {
    expect(cats(text)).toEqual([]);
  });
  it('a hint word inside a found token is no hint for the token after it', () => {
    // "TOKEN" ends the first secret; the second token follows no hint of its own.
    const text = 'api key: Ab1cdefghijklmnopqrsTOKEN Zz9yxwvutsrqponmlkjih';
    expect(found(text)).toEqual(['secret:Ab1cdefghijklmnopqrsTOKEN']);
  });
  it.each([
    ['a digit elsewhere in the text', 'sk-this-is-not-a-real-key-just-words-here, page 2'],
    ['a digit just before "sk-"', 'x2 sk-this-is-not-a-real-key-just-words-here'],
  ])('"sk-" and words stay prose with %s', (_, text) => {
    expect(cats(text)).toEqual([]);
  });
  it('the "sk-" rule is for "sk-" only: an AWS key id of letters only is still a key', () => {
    expect(found('id AKIAQWERTYUIOPASDFGH ok')).toEqual(['secret:AKIAQWERTYUIOPASDFGH']);
  });
  it('user:password@ counts only after "://": "mailto:" and "From:" are not credentials', () => {
    expect(found('mailto:jean.dupont@example.fr')).toEqual(['email:jean.dupont@example.fr']);
    expect(found('From:jean.dupont@example.fr')).toEqual(['email:jean.dupont@example.fr']);
  });
  it('"://" at the very start of the text', () => {
    expect(found('://admin:S3cretPass@db.example.com')).toContain('secret:S3cretPass');
  });

  const HEAD = '-----BEGIN RSA PRIVATE KEY-----';
  const BODY = '\nMIIEpAIBAAKCAQEA\nabc=\n';
  const END = '-----END RSA PRIVATE KEY-----';
  it.each([
    // characters from the header's end to "-----END": a key block is well under 16,000
    [15_999, true],
    [16_000, false],
  ])('a PEM block whose end marker is %i characters after its header: to the marker? %s', (dist, toEnd) => {
    const gap = ' '.repeat(dist - BODY.length);
    const text = HEAD + BODY + gap + END;
    expect(found(text)).toEqual([`secret:${toEnd ? text : HEAD + BODY}`]);
  });
  it('a whole PEM block far into the text (9,000 characters in)', () => {
    const pem = HEAD + BODY + END;
    expect(found(' '.repeat(9_000) + pem + '\nthanks')).toEqual([`secret:${pem}`]);
  });
  it('a PEM block whose end line is cut: up to "-----END"', () => {
    expect(found(HEAD + BODY + '-----END RSA PRIV')).toEqual([`secret:${HEAD + BODY}-----END`]);
  });
});

describe('email', () => {
  it.each([
    ['jean%dupont@example.fr', 'jean%dupont@example.fr'], // "%" is allowed in a local part (RFC 5322 atext)
    ['jean-pierre@example.fr', 'jean-pierre@example.fr'],
    ['«jean@example.fr»', 'jean@example.fr'], // French quotes are not part of the domain
    ['jean@example.cz', 'jean@example.cz'], // "z", the last letter, in a domain
    ['jean@mon-domaine.fr', 'jean@mon-domaine.fr'],
    ['@marie: write to jean@example.fr', 'jean@example.fr'], // an "@" at index 0 before the address
    ['voir .jean@example.fr', 'jean@example.fr'], // a local part never starts with a dot
    ['jean@example.fr-', 'jean@example.fr'], // a domain never ends with a hyphen
  ])('%s', (text, value) => {
    expect(found(text)).toEqual([`email:${value}`]);
  });
  it('an address that starts inside another one hidden by a secret is still found', () => {
    // "Pw12345@ab.fr" loses to the password; "ab.fr_@y.fr", right after it, overlaps no secret.
    expect(found('s://u:Pw12345@ab.fr_@y.fr')).toEqual(['secret:Pw12345', 'email:ab.fr_@y.fr']);
  });
  it.each([
    ['no local part', 'suivez @example.com'],
    ['only dots as local part', 'voir .@example.com'],
    ['no dot in the domain, before a full stop', 'écris à root@localhost. Merci'],
    ['an empty label', 'jean@example..fr'],
    ['a label starting with a hyphen', 'jean@-example.fr'],
    ['a label ending with a hyphen', 'jean@example-.fr'],
  ])('not %s', (_, text) => {
    expect(cats(text)).not.toContain('email');
  });
  it.each([
    [64, true],
    [65, false],
  ])('a local part of %i characters (at most 64, RFC 5321): email? %s', (n, ok) => {
    const addr = 'x'.repeat(n) + '@example.fr';
    expect(found(`to ${addr} now`)).toEqual(ok ? [`email:${addr}`] : []);
  });
  it.each([
    [253, true],
    [254, false],
  ])('a domain of %i characters (at most 253, RFC 1035): email? %s', (n, ok) => {
    // labels of 50 letters and dots, then ".com"
    const head = ('d'.repeat(49) + '.').repeat(6).slice(0, n - 4);
    const domain = (head.endsWith('.') ? head.slice(0, -1) + 'e' : head) + '.com';
    expect(domain.length).toBe(n);
    const addr = `jean@${domain}`;
    expect(found(`to ${addr} now`)).toEqual(ok ? [`email:${addr}`] : []);
  });
  it.each([
    [63, true],
    [64, false],
  ])('a first domain label of %i characters (at most 63): email? %s', (n, ok) => {
    const addr = `jean@${'a'.repeat(n)}.fr`;
    expect(found(`to ${addr} now`)).toEqual(ok ? [`email:${addr}`] : []);
  });
});

describe('iban', () => {
  it('a letter Z in the BBAN', () => {
    const iban = 'GB65 ZZZZ 6016 1331 9268 19';
    expect(isoValid(iban)).toBe(true);
    expect(found(`IBAN ${iban}.`)).toEqual([`iban:${iban}`]);
  });
  it.each([
    ['a lower-case letter', 'GB66NWBK6016133192681a'],
    ['a colon for a digit', 'FR823000600001123456:890189'],
    ['a slash for a digit', 'FR76300060000/1234567890189'],
    ['a slash, other check digits', 'FR13300060000/1234567890189'],
    ['one character short (26 of 27)', 'FR133000600001123456789018'],
  ])('not an IBAN under any reading: %s', (_, text) => {
    expect(isoValid(text)).toBe(false);
    expect(cats(text)).not.toContain('iban');
  });
});

describe('SIRET and cards', () => {
  it.each([
    // INSEE: a SIRET of La Poste (SIREN 356 000 000) has a digit sum divisible by 5 and no Luhn key
    ['facture de La Poste : 356 000 000 00051', '356 000 000 00051'],
    ['SIRET 35600000000051', '35600000000051'],
  ])('La Poste: %s', (text, value) => {
    expect(found(text)).toEqual([`siret:${value}`]);
  });
  it.each([
    ['La Poste with a digit sum not divisible by 5', 'facture 356 000 000 00052'],
    ['another SIREN with a digit sum divisible by 5, Luhn failing', 'facture 733 676 225 00004'],
    ['"356 000 000" not at the start', 'SIRET 43560000000007'],
  ])('not a SIRET: %s', (_, text) => {
    expect(cats(text)).not.toContain('siret');
  });
  it('a 14-digit Diners card (4-6-4) is a card', () => {
    expect(found('Diners 3622 720627 1667')).toEqual(['card:3622 720627 1667']);
  });
});

describe('international phone numbers (+ then 8 to 15 digits, E.164)', () => {
  it.each([
    ['+500 21 234', '+500 21 234'], // 8 digits
    ['+49 170 1234 567890', '+49 170 1234 567890'], // 15 digits
    ['+44 20 7946 0958, 12 mai', '+44 20 7946 0958'], // a comma is no separator
    ['+44 20 7946 0958 - 42 calls', '+44 20 7946 0958'], // at most two separators in a row
  ])('%s', (text, value) => {
    expect(found(text)).toEqual([`phone:${value}`]);
  });
  it('no country code starts with 0', () => {
    expect(cats('+0612345678')).toEqual([]);
  });
});

describe('the cautious reading of passwords and private-key labels', () => {
  const secrets = (text: string) =>
    scan(text)
      .filter((f) => f.category === 'secret')
      .map((f) => text.slice(f.start, f.end));
  it.each([
    // A value of digits only is a password all the same (a PIN, a numeric code).
    ['password: 12345678', ['12345678']],
    ['mon mdp est 482913', ['482913']],
    ['pwd=2024-01-01!', ['2024-01-01!']],
    // A word alone is not a value ("password: forgotten", "the password is required").
    ['password: forgotten', []],
    ['the password is required', []],
  ])('%s', (text, expected) => {
    expect(secrets(text)).toEqual(expected);
  });
  it.each([
    // Any PEM label naming a private key, standard or not, is a private key.
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n', 1],
    ['-----BEGIN PRIVATE KEY FILE-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n', 1],
    ['-----BEGIN PUBLIC KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n', 0],
  ])('%#: a PEM block, its label read', (text, n) => {
    expect(secrets(text)).toHaveLength(n);
  });
});
