// @vitest-environment node
/**
 * The personal-data scanner at the edges of its last detectors (lib/scan/index.ts, from `isV6` to the end): IPv6,
 * the address walkers (`tok`, `street`, `postcode`, `mergeAddresses`) and the special-category terms (`health`).
 * Each input sits at a boundary a mutant moves (issue 14); the expected answer comes from the category's
 * definition (RFC 4291 text forms, French and English address layouts, the "10 words, or 30 in the same
 * sentence" rule of `health`), not from a run of the code. Mutants left alive: test/mutation-equivalents-scan-c.md.
 * Everything checked is built inside `it()` (Stryker credits only what runs there).
 */
import { describe, expect, it } from 'vitest';
import { scan } from '@/lib/scan';

/** What `text` yields, as "category:value" strings. */
const found = (text: string) => scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);
/** `n` filler words that are neither personal markers nor special-category terms. */
const filler = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('IPv6', () => {
  it.each([
    // In a URL, inside brackets: "[", "]" and "_" are not hex digits (isV6's a–f bound).
    ['see http://[2001:db8::1]:8080/ now', ['ip:2001:db8::1']],
    // At the very start of the text: the first colon is at index 0.
    ['::ffff:192.0.2.128', ['ip:::ffff:192.0.2.128']],
    // Only two colons and two groups.
    ['from 2001::8a2e, again', ['ip:2001::8a2e']],
    // The longest group has exactly three digits (100::/64 is the discard prefix, RFC 6666).
    ['from 100::1, again', ['ip:100::1']],
    // Eight groups of one digit each: seven colons make it an address, short groups or not.
    ['from 1:2:3:4:5:6:7:8, again', ['ip:1:2:3:4:5:6:7:8']],
    // The longest text form (45 characters) at the end of a sentence: the run is 46 with the full stop.
    [
      'the server is 2001:0db8:85a3:0000:0000:8a2e:192.168.100.200.',
      ['ip:2001:0db8:85a3:0000:0000:8a2e:192.168.100.200'],
    ],
    ['ping 2001:db8::1.', ['ip:2001:db8::1']],
    // An IPv4 tail after "::" (NAT64, RFC 6052) and after six groups: the whole address, not its IPv4 part.
    ['via 64:ff9b::192.0.2.33', ['ip:64:ff9b::192.0.2.33']],
    ['via 0:0:0:0:0:ffff:192.0.2.128', ['ip:0:0:0:0:0:ffff:192.0.2.128']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // C++ scopes whose names are hex letters: an address has a digit.
    ['no digit', 'call Cafe::Bead and Face::Dead'],
    ['an IPv4 tail with an octet over 255', '::ffff:192.0.2.300'],
    // EXIF dates: three groups and no "::" is not an address.
    ['an EXIF date', 'taken 2024:11:29 14:30:00'],
    ['a group of five digits', 'from 12345::abc again'],
    ['two "::"', 'from 2001:db8::1:2:3::4:5:6 again'],
    // "::" stands for at least one group of zeros: with eight groups besides, there is none left for it.
    ['eight groups and a "::"', 'from 2001:db8:0:0::1:2:3:4 again'],
  ])('not %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('addresses: the street walker', () => {
  it.each([
    // The street ends at the end of its sentence: a capitalised word after ". " is not part of it.
    ['12 rue des Halles. Demain je pars.', ['address:12 rue des Halles']],
    // ... but an abbreviated type takes its dot.
    ['12 av. Foch', ['address:12 av. Foch']],
    // The typographic apostrophe (U+2019) separates words like "'".
    ['8 place d’Italie', ['address:8 place d’Italie']],
    // Country roads have four-digit numbers.
    ['1250 route de Grenoble', ['address:1250 route de Grenoble']],
    // A hyphenated name of exactly 30 letters is one word.
    ['12 avenue du Maréchal-de-Lattre-de-Tassigny', ['address:12 avenue du Maréchal-de-Lattre-de-Tassigny']],
    // A hyphen glued to the type is punctuation, not part of the word: "Street" is still the type.
    ['I live at 10 Downing Street- the famous one', ['address:10 Downing Street']],
    // Names ending or starting like "bis", "ter": only the whole words are the French suffixes.
    ['3 Winter Road', ['address:3 Winter Road']],
    ['4 Bishop Lane', ['address:4 Bishop Lane']],
    // A column gap (three spaces) ends the street: "one or two separators" between words (`tok`).
    ['12 rue de la Paix   Dupont', ['address:12 rue de la Paix']],
    // At most six words after the type: the seventh, a capitalised day, is not taken.
    [
      'Meet me at 12 avenue du Maréchal de Lattre de Tassigny Monday',
      ['address:12 avenue du Maréchal de Lattre de Tassigny'],
    ],
    // After an unambiguous type, one lower-case name word is taken, not the sentence after it.
    ['au 14 rue de la paix et je pars', ['address:14 rue de la paix']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // A unit glued to the number is no street number: "2TB Drive" is a disk.
    ['a unit glued to the number', 'I need a 2TB Drive for backups'],
    // Five capitalised words before the type: a chapter title, not an address.
    ['a title', 'Chapter 3 The Long Walk Down Memory Lane'],
    // A street type right after the number, with no name: "3 way" is a merge.
    ['a type with no name', 'do a 3 way merge'],
    ['lower-case words before an English type', 'I bought 2 bikes on the road'],
    // A sentence end parts the words before the type from it: "Drive" starts the next sentence.
    ['a type after a full stop', 'Turn left after 2 Blocks. Drive slowly.'],
  ])('not %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('addresses: postcodes', () => {
  it.each([
    ['after a colon and a space', 'Adresse : 69007 Lyon', ['address:69007 Lyon']],
    ['after a colon and three spaces', 'Adresse :   69007 Lyon', ['address:69007 Lyon']],
    ['after a colon and a tab', 'Adresse :\t69007 Lyon', ['address:69007 Lyon']],
    ['after a colon and a no-break space', 'Adresse :\u00a069007 Lyon', ['address:69007 Lyon']],
    ['after a colon and a narrow no-break space', 'Adresse :\u202f69007 Lyon', ['address:69007 Lyon']],
    // Right after a street, with one space or three: one address.
    ['one space after a street', '12 rue des Halles 75001 Paris', ['address:12 rue des Halles 75001 Paris']],
    ['three spaces after a street', '12 rue des Halles   75001 Paris', ['address:12 rue des Halles   75001 Paris']],
    // "Le", "Saint"… start a city of two words.
    ['a city of two words', 'Adresse :\n72000 Le Mans', ['address:72000 Le Mans']],
    ['a lower-case word after the city', 'Adresse :\n69007 Lyon merci', ['address:69007 Lyon']],
    ['a Cedex', 'Adresse :\n92100 Boulogne-Billancourt Cedex', ['address:92100 Boulogne-Billancourt Cedex']],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // 00 is no French département.
    ['an impossible postcode', 'Code :\n00000 Paris'],
    // An amount: the "city" is lower case.
    ['a number and a lower-case word', 'Budget :\n12000 euros'],
  ])('not %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('addresses: merging the parts', () => {
  it.each([
    ['a street alone at the start of the text', '12 rue des Halles', ['address:12 rue des Halles']],
    [
      'a street and its postcode at the start of the text',
      '12 rue des Halles, 75001 Paris',
      ['address:12 rue des Halles, 75001 Paris'],
    ],
    [
      'two addresses, the first at the start of the text',
      '12 rue des Halles. Puis 8 place Bellecour',
      ['address:12 rue des Halles', 'address:8 place Bellecour'],
    ],
    [
      'two addresses parted by lower-case words',
      "J'habite 12 rue des Halles et je travaille au 8 place Bellecour",
      ['address:12 rue des Halles', 'address:8 place Bellecour'],
    ],
    [
      'two addresses in two paragraphs',
      '12 rue des Halles\n\n8 place Bellecour',
      ['address:12 rue des Halles', 'address:8 place Bellecour'],
    ],
    // A UK address block on three lines is one address.
    ['a three-line UK block', '10 Downing Street\nLondon\nSW1A 2AA', ['address:10 Downing Street\nLondon\nSW1A 2AA']],
    // The UK postcode comes first in the text but is found after the street: the parts are sorted by position.
    [
      'a UK postcode, then a street',
      'Ship to M14 5RQ. Bill to 10 Downing Street.',
      ['address:M14 5RQ', 'address:10 Downing Street'],
    ],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('building, staircase and door between a street and its postcode: 40 characters still join them', () => {
    const text = '12 rue des Halles, Bâtiment B, Escalier Nord, Porte Est, 75001 Paris';
    expect(text.indexOf('75001') - text.indexOf(' Halles') - ' Halles'.length).toBe(40);
    expect(found(text)).toEqual([`address:${text}`]);
  });

  it("a letter's sender and recipient blocks, a firm's name of more than 40 characters between: two addresses", () => {
    const text =
      'Jean Dupont\n12 rue des Halles\n75001 Paris\nCabinet Martin Durand Lefebvre Avocats Associés\n' +
      '8 place Bellecour\n69002 Lyon';
    expect(found(text)).toEqual(['address:12 rue des Halles\n75001 Paris', 'address:8 place Bellecour\n69002 Lyon']);
  });
});

describe('special-category terms: how near a personal marker', () => {
  // A term is kept when a marker is within 10 words, or within 30 words in the same sentence.
  it.each([
    // [words from the marker "my" to the term "diabetes", marker before (-) or after (+), sentence end between?, kept?]
    [-10, '', true],
    [-11, '', true],
    [-30, '', true],
    [-31, '', false],
    [11, '', true],
    [30, '', true],
    [31, '', false],
    [-10, '.', true],
    [-11, '.', false],
    [10, '.', true],
    [11, '.', false],
    // Each sentence end: ".", "!", "?" and a line break; a comma is none.
    [-15, '!', false],
    [-15, '?', false],
    [-15, '\n', false],
    [-15, ',', true],
  ])('%i words, "%s" between: %s', (d, end, kept) => {
    const gap = filler(Math.abs(d) - 1);
    const text = d < 0 ? `my ${gap}${end} diabetes` : `diabetes${end} ${gap} my`;
    expect(found(text)).toEqual(kept ? ['health:diabetes'] : []);
  });

  it('a marker in the previous sentence is passed over for a later one in the same sentence', () => {
    // "my" 15 words before, a sentence end between: too far; the second "my", 15 words after in the same
    // sentence, is near enough.
    const text = `my ${filler(14)}. diabetes ${filler(14)} my`;
    expect(found(text)).toEqual(['health:diabetes']);
  });

  it.each([
    // Plural markers count ("sons": "son"), and so do markers ending in "s" ("fils").
    ['Both sons have asthma', ['health:asthma']],
    ['Le fils du voisin est diabétique', ['health:diabétique']],
    // A whole-word term in the plural ("republican").
    ['My parents are Republicans', ['health:Republicans']],
    // Two-word terms: the pair must be one of them, parted by one to three spaces or hyphens only.
    ['My left foot', []],
    ['My dad is on sick  leave', ['health:sick  leave']],
    ['My home is far. Right now I am at work.', []],
    ['My hotel is far — right next to the airport.', []],
    // A word longer than 24 letters is an identifier, not a term.
    ['My DiabetesMonitorViewController crashes', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('decided in the sixth session (the survivors scan-c left alive, test/mutation-equivalents-scan-c.md)', () => {
  const all = (text: string) => scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);
  const L48 = 'Ab' + 'c'.repeat(46);
  const L49 = 'Ab' + 'c'.repeat(47);
  it.each([
    // A hyphenated French street name over 30 letters is a street name (41 letters here).
    [
      '12 avenue du Maréchal-Jean-Marie-de-Lattre-de-Tassigny',
      ['address:12 avenue du Maréchal-Jean-Marie-de-Lattre-de-Tassigny'],
    ],
    // Up to 48 letters a word; beyond, no word of an address.
    [`12 rue ${L48}`, [`address:12 rue ${L48}`]],
    [`12 rue ${L49}`, []],
    // Any run of spaces before a postcode: a column gap after a colon, an indent at the start of the text.
    ['Adresse :    69007 Lyon', ['address:69007 Lyon']],
    ['    69007 Lyon', ['address:69007 Lyon']],
    ['Adresse :\t\t\t\t\t\t\t\t69007 Lyon', ['address:69007 Lyon']],
    // Between a house number and its street, one or two separators, as between any two words of an address: a
    // wider gap is a column of a table, not one address line (decided for precision: "3   apples").
    ['12   Downing Street', []],
    ['12  Downing Street', ['address:12  Downing Street']],
    // Words are up to 24 letters; a 24-letter word starting with a term's stem is a term, a 25-letter one an
    // identifier (the row "My DiabetesMonitorViewController crashes" above).
    ['My Diabetesmonitorviewcontr crashes', ['health:Diabetesmonitorviewcontr']],
  ])('%s', (text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});
