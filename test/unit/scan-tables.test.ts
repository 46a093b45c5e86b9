/**
 * The scanner's special-category words (lib/scan/tables.ts) by what they are for: a sentence a person might type
 * about themselves or someone close, which holds GDPR Art. 9 data (health, sex life or orientation, religion,
 * political opinions, trade-union membership, biometrics), must be flagged. One sentence for each group of words
 * that test/unit/scan.test.ts does not already reach (a group emptied passed every other test), so the oracle is
 * the sentence's meaning, not the list. (Under Stryker these are static mutants: run without --ignoreStatic.)
 */
import { describe, expect, it } from 'vitest';
import { scan } from '@/lib/scan/index';

const found = (text: string) => scan(text).map((f) => `${f.category}:${text.slice(f.start, f.end)}`);

describe('special categories: a personal sentence for each group of words', () => {
  it.each([
    // Health: conditions, eating disorders, addictions.
    ['My son is autistic.', ['health:autistic']],
    // Health: medication by name.
    ['I take Xanax every night.', ['health:Xanax']],
    // Health, French: "ill", "illness".
    ['Mon père est malade.', ['health:malade']],
    // Health: short terms and acronyms.
    ['My brother has HIV.', ['health:HIV']],
    // Sexual orientation.
    ['My sister is bisexual.', ['health:bisexual']],
    // Religion.
    ['My husband is Muslim.', ['health:Muslim']],
    ['I go to the synagogue on Saturdays.', ['health:synagogue']],
    // Trade-union membership and political opinions, English two-word terms.
    ['I am a union member.', ['health:union member']],
    // French two-word terms: trade-union representative, biometrics.
    ['Je suis délégué syndical.', ['health:délégué syndical']],
    ['Mon employeur utilise la reconnaissance faciale sur moi.', ['health:reconnaissance faciale']],
    // Markers other than pronouns: "patient", "salariée" (employee) make it about a person.
    ['Our patient was diagnosed with cancer.', ['health:diagnosed', 'health:cancer']],
    ['Notre salariée est enceinte.', ['health:enceinte']],
  ] as const)('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
