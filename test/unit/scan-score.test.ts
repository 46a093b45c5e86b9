/**
 * The corpus score (lib/scan/score.ts), on a few items whose counts are worked out by hand: true positives are
 * min(expected, found) per item, the surplus false positives, the shortfall false negatives; precision and
 * recall from them, 1 when there is nothing to divide; and the items whose counts differ from their labels.
 * (test/unit/scan.test.ts holds the scanner to thresholds on the real corpus with this score.)
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/scan/index';
import { scoreCorpus, type CorpusItem } from '@/lib/scan/score';

const ITEMS: CorpusItem[] = [
  { id: 'one-email', lang: 'en', text: 'Write to camille@example.org', expect: { email: 1 } },
  { id: 'two-emails-one-labelled', lang: 'en', text: 'a@example.org or b@example.org', expect: { email: 1 } },
  { id: 'email-missed', lang: 'en', text: 'nothing here', expect: { email: 1, phone: 1 } },
  { id: 'ip-unlabelled', lang: 'en', text: 'Server 8.8.8.8 is down', expect: {} },
  { id: 'ip-labelled', lang: 'en', text: 'Server 8.8.8.8 is down', expect: { ip: 1 } },
  { id: 'phone', lang: 'fr', text: 'Appelez le +33 6 12 34 56 78', expect: { phone: 1 } },
  { id: 'clean', lang: 'en', text: 'nothing at all', expect: {} },
];

describe('scoreCorpus', () => {
  it('counts each item against its labels, per category', () => {
    const { perCategory: p } = scoreCorpus(ITEMS);
    // email: 1 + 1 found as labelled, 1 surplus, 1 missed.
    expect(p.email).toEqual({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
    // phone: 1 found, 1 missed (as many found as missed); nothing found wrongly.
    expect(p.phone).toEqual({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    // ip: found twice, labelled once (as many right as wrong).
    expect(p.ip).toEqual({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    // Nothing expected, nothing found: perfect by definition.
    for (const c of CATEGORIES.filter((c) => !['email', 'phone', 'ip'].includes(c)))
      expect(p[c], c).toEqual({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
  });

  it('lists the items whose counts differ from their labels, with what was found', () => {
    expect(scoreCorpus(ITEMS).misses).toEqual([
      { id: 'two-emails-one-labelled', expect: { email: 1 }, found: { email: 2 } },
      { id: 'email-missed', expect: { email: 1, phone: 1 }, found: {} },
      { id: 'ip-unlabelled', expect: {}, found: { ip: 1 } },
    ]);
  });

  it('an empty corpus: every category perfect, nothing missed', () => {
    const { perCategory, misses } = scoreCorpus([]);
    expect(Object.keys(perCategory)).toEqual([...CATEGORIES]);
    for (const c of CATEGORIES) expect(perCategory[c]).toEqual({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(misses).toEqual([]);
  });
});
